import Testing
import Foundation
import OsteoSim
import OsteoModel
import OsteoClinical

@Suite struct DemoTests {
    @Test func embeddedPatientEqualsExampleFile() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("examples/patients/demo-prednisone-10mg.yaml").path
        var fromFile = try PatientFile.load(path: path)
        var embedded = try PatientFile.parse(text: DemoAssessment.patientYAML, file: "(embedded)")
        fromFile.name = nil; embedded.name = nil
        #expect(fromFile == embedded)
    }

    @Test func demoAssessmentAndProjection() throws {
        let report = try DemoAssessment.report()
        // ACR 2022 with GC-adjusted FRAX 16.1% / 2.5% and T −1.8: moderate (guidelines.md §3).
        #expect(report.text().contains("ACR 2022 (default): MODERATE"))
        let options = DemoAssessment.recommendedOptions(report)
        #expect(options.contains("alendronate"))
        let untreated = BMDProjection.untreated(for: report.file)
        // With prednisone 10 mg/day in the row: LS −2 to −4.5% at 12 months (issue 13 bar), hip less.
        let ls12 = try #require(untreated.lumbarSpine12), th12 = try #require(untreated.totalHip12)
        #expect(ls12 <= -2 && ls12 >= -4.5 && th12 < 0 && th12 > ls12, "LS \(ls12), TH \(th12)")
        #expect(untreated.note.contains("glucocorticoid"))
        // Denosumab is in the drug library: its row is simulated and gains on the untreated row.
        let dmab = BMDProjection.option(.denosumab, for: report.file)
        let d12 = try #require(dmab.lumbarSpine12)
        #expect(d12 > ls12 + 2, "denosumab LS \(d12) vs untreated \(ls12)")
        // Drug library II: teriparatide and abaloparatide rows are simulated too (issue 15), and gain
        // on the untreated row by 24 months; no recommended option reads "not simulated".
        for option in [OsteoporosisDrug.teriparatide, .abaloparatide] {
            let row = BMDProjection.option(option, for: report.file)
            let ls24 = try #require(row.lumbarSpine24, "\(option) not simulated: \(row.note)")
            #expect(ls24 > (untreated.lumbarSpine24 ?? 0) + 2, "\(option) LS 24 mo \(ls24)")
        }
        let rows = DemoAssessment.recommendedDrugs(report).map { BMDProjection.option($0, for: report.file) }
        #expect(!rows.isEmpty && rows.allSatisfy { !$0.note.contains("not simulated") }, "\(rows.map(\.note))")
    }
}
