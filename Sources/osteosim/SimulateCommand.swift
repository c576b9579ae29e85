import ArgumentParser
import Foundation
import OsteoSim

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate one patient's scenario file and print the trajectories.",
        discussion: """
        SCENARIO is a YAML or JSON scenario file, or - for standard input. Columns: day, lumbar_spine_bmd_change_pct, \
        total_hip_bmd_change_pct, ctx_change_pct, p1np_change_pct, markers and signals, and T-scores when baseline \
        T-scores are given. With --output, the format follows the file's extension (.csv, .json, .txt) unless \
        --format is given. Exit status: 0 success, 1 solver failure or output that could not be written, 2 bad \
        input or usage. File formats, limits and exit codes: \(OsteoSimInfo.fileFormatsDoc).
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json, table }

    @Argument(help: "Scenario file (YAML or JSON), or - for standard input.") var scenario: String
    @Option(help: "Output format: csv, json or table (default: from the --output extension, else csv).") var format: Format?
    @Option(help: "Write to this file instead of standard output.") var output: String?

    /// The format: explicit, else from the output file's extension, else CSV.
    static func resolvedFormat(_ format: Format?, output: String?) throws -> Format {
        if let format { return format }
        guard let output else { return .csv }
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        switch ext {
        case "": return .csv
        case "csv": return .csv
        case "json": return .json
        case "txt", "table": return .table
        default:
            throw ValidationError("--output \(output): cannot tell the format from the extension '.\(ext)'; accepted extensions: .csv, .json, .txt, or give --format csv|json|table")
        }
    }

    func validate() throws { _ = try Self.resolvedFormat(format, output: output) }

    func run() throws {
        let table: SimulationTable
        var root: InputNode?
        do {
            let node = try InputNode.load(path: scenario)
            root = node
            let s = try Scenario.parse(node)
            table = try SimulationRunner.run(s)
        } catch let e as InputError {
            var message = e.description
            if let root, let hint = FileKind.hint(root, expected: .scenario) { message += "\n" + hint }
            throw CLI.fail(message, status: 2)
        } catch let e as SimulationError {
            throw CLI.fail(e.description, status: e.exitCode)
        }
        // Warnings (a course beyond a drug's label) go to standard error in every format; JSON and
        // text output also carry them.
        for w in table.warnings { CLI.printError("warning: \(w)") }
        let text: String
        switch try Self.resolvedFormat(format, output: output) {
        case .csv: text = TableWriter.csv(table)
        case .json: text = TableWriter.json(table)
        case .table: text = TableWriter.text(table)
        }
        try CLI.write(text, to: output)
    }
}
