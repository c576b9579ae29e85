import ArgumentParser
import Foundation
import OsteoSim
import OsteoModel

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Assess an embedded example patient and project her BMD (no files needed).",
        discussion: "A 65-year-old woman starting prednisone 10 mg/day: her ACR 2022 assessment, then projected lumbar spine and total hip BMD change at 12 and 24 months. Exit status: 0 success, 1 a failed run or output that could not be written. File formats, limits and exit codes: \(OsteoSimInfo.fileFormatsDoc).")

    func run() throws {
        var out = "OsteoSim demo — a 65-year-old woman starting prednisone 10 mg/day today.\n\n"
        let report: AssessmentReport
        do {
            report = try DemoAssessment.report()
        } catch {
            CLI.printError("\(error)")
            throw ExitCode(1)
        }
        out += report.text()
        out += "\nProjected BMD change from today (OsteoSim core model):\n\n"
        let patient = PatientBaseline(sex: .female, age: 65)
        var rows: [BMDProjection] = []
        do {
            rows.append(try BMDProjection.untreatedBackground(patient: patient))
        } catch {
            CLI.printError("simulation failed: \(error)")
            throw ExitCode(1)
        }
        rows += DemoAssessment.recommendedOptions(report).map(BMDProjection.pending)
        out += ProjectionTable.render(rows)
        out += """

        Notes:
        - The background course is what the core model can simulate today: age- and menopause-related
          change at steady-state baseline. The glucocorticoid layer is not built yet, so the loss that
          prednisone itself causes is NOT in these numbers; in placebo arms of trials in patients
          starting glucocorticoids, lumbar spine BMD fell 2.8–3.4% in the first year (Adachi 1997,
          Cohen 1999, Reid 2001).
        - Projections under each recommended option need the drug layer (a later release); they are
          shown as "not simulated" rather than guessed.

        """
        try CLI.write(out, to: nil)
    }
}
