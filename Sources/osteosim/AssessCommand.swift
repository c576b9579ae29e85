import ArgumentParser
import Foundation
import OsteoSim

struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Assess a patient under ACR 2022 (default), ACR 2017, JSBMR 2014, IOF-ECTS 2012 and NOGG 2022, with GC-adjusted FRAX and QFracture-2012.",
        discussion: """
        PATIENT is a YAML or JSON patient file (see examples/patients), or - for standard input. Exit status 0 on \
        success, 1 if the output could not be written, 2 on bad input or usage. File formats, limits and exit \
        codes: \(OsteoSimInfo.fileFormatsDoc). Research and education software, not a medical device.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Patient file (YAML or JSON), or - for standard input.")
    var patient: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let report: AssessmentReport
        var root: InputNode?
        do {
            let node = try InputNode.load(path: patient)
            root = node
            let file = try PatientFile.parse(node)
            report = try AssessmentReport.assess(file, path: node.file)
        } catch {
            var message = error.description
            if let root, let hint = FileKind.hint(root, expected: .patient) { message += "\n" + hint }
            throw CLI.fail(message, status: 2)
        }
        try CLI.write(format == .json ? report.json() : report.text(), to: nil)
    }
}
