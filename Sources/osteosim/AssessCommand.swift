import ArgumentParser
import Foundation
import OsteoSim

struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Assess a patient under ACR 2022 (default), ACR 2017, JSBMR 2014, IOF-ECTS 2012 and NOGG 2022, with GC-adjusted FRAX and QFracture-2012.",
        discussion: "PATIENT is a YAML or JSON patient file (see examples/patients). Exit status 0 on success, 2 on bad input. Research and education software, not a medical device.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Patient file (YAML or JSON).")
    var patient: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let report: AssessmentReport
        do {
            let file = try PatientFile.load(path: patient)
            report = try AssessmentReport.assess(file, path: patient)
        } catch {
            FileHandle.standardError.write(Data("osteosim assess: \(error)\n".utf8))
            throw ExitCode(2)
        }
        print(format == .json ? report.json() : report.text(), terminator: "")
    }
}
