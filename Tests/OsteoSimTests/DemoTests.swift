import Testing
import Foundation
import OsteoSim
import OsteoModel

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
        let background = try BMDProjection.untreatedBackground(patient: PatientBaseline(sex: .female, age: 65))
        // Background (no GC layer yet) loss is negative and smaller at the cortical-rich hip.
        let ls24 = try #require(background.lumbarSpine24), th24 = try #require(background.totalHip24)
        #expect(ls24 < 0 && th24 < 0 && th24 > ls24)
        let table = ProjectionTable.render([background] + options.map(BMDProjection.pending))
        #expect(table.contains("not simulated: the drug layer arrives in a later release"))
    }
}
