import ArgumentParser
import Foundation
import OsteoSim

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Run the validation cases: simulated vs published; exit 0 only if all pass.",
        discussion: "Cases live in validation/cases (embedded in the binary). Exit status: 0 all pass, 1 any miss or output that could not be written, 2 bad case file, unknown --case or bad usage. File formats, limits and exit codes: \(OsteoSimInfo.fileFormatsDoc).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Option(help: "Output format: table or json.") var format: Format = .table
    @Option(name: .customLong("case"), help: "Run only this case id.") var caseID: String?
    @Flag(help: "Print the Markdown report (docs/validation.md) instead.") var markdown = false

    func run() throws {
        var cases: [ValidationCase]
        do { cases = try ValidationCase.bundled() } catch {
            CLI.printError("\(error)")
            throw ExitCode(2)
        }
        if let caseID {
            cases = cases.filter { $0.id == caseID }
            if cases.isEmpty {
                let ids = ((try? ValidationCase.bundled()) ?? []).map(\.id).joined(separator: ", ")
                CLI.printError("--case: unknown case '\(caseID)'; accepted: \(ids)")
                throw ExitCode(2)
            }
        }
        let results = cases.flatMap(ValidationRunner.run)
        if markdown {
            let f = DateFormatter()
            f.dateFormat = "yyyy-MM-dd"
            f.timeZone = TimeZone(identifier: "UTC")
            try CLI.write(ValidationReport.markdown(cases, results, date: f.string(from: Date()), machine: MachineInfo.summary), to: nil)
        } else {
            try CLI.write(format == .json ? ValidationReport.json(results) : ValidationReport.table(results), to: nil)
        }
        if results.contains(where: { !$0.pass }) { throw ExitCode(1) }
    }
}
