import Testing
import Foundation
import OsteoSim

@Suite struct ScenarioTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    func example(_ name: String) -> String { Self.root.appendingPathComponent("examples/\(name)").path }

    @Test func fullGrammarParses() throws {
        let s = try Scenario.load(path: example("prednisone-alendronate.yaml"))
        #expect(s.durationDays == 24 * 30.4375)          // month = 30.4375 days (PRODUCT.md)
        #expect(s.glucocorticoids[0].startDay == -3 * 30.4375)
        #expect(s.glucocorticoids[0].prednisoloneEquivalentMgPerDay == 10)
        #expect(s.treatments[0].regimen.phases[0].intervalDays == 7 && s.treatments[0].regimen.phases[0].amount == 70)
        #expect(s.inflammation?.crpMgPerL == 20)
        #expect(s.outputDays.first == 0 && s.outputDays.last == s.durationDays && s.outputDays.count == 25)
    }

    @Test func jsonWithSameKeys() throws {
        let s = try Scenario.parse(text: #"{"patient": {"sex": "male", "age": 40}, "duration": "10 years", "output_every": "1 year"}"#, file: "x.json")
        #expect(s.durationDays == 3652.5 && s.outputDays.count == 11)
    }

    @Test func glucocorticoidEquivalents() throws {
        // guidelines.md §0: dexamethasone 0.75 mg ≡ prednisolone 5 mg; hydrocortisone 20 mg ≡ 5 mg.
        let s = try Scenario.parse(text: """
            patient: {sex: male, age: 50}
            duration: 1 year
            glucocorticoids:
              - {drug: dexamethasone, dose: 1.5 mg/day}
              - {drug: hydrocortisone, dose: 20 mg/day}
            """, file: "gc.yaml")
        #expect(abs(s.glucocorticoids[0].prednisoloneEquivalentMgPerDay - 10) < 1e-12)
        #expect(abs(s.glucocorticoids[1].prednisoloneEquivalentMgPerDay - 5) < 1e-12)
    }

    @Test(arguments: [
        ("typo-key.yaml", "patient.agee", "did you mean 'age'"),
        ("negative-dose.yaml", "glucocorticoids[0].dose", "more than 0"),
        ("dose-without-unit.yaml", "glucocorticoids[0].dose", "mg/day"),
        ("non-numeric-age.yaml", "patient.age", "number"),
    ])
    func badInputNamesTheField(file: String, field: String, hint: String) {
        do {
            _ = try Scenario.load(path: example("bad/\(file)"))
            Issue.record("\(file) should not parse")
        } catch {
            #expect(error.field == field, "\(error)")
            #expect(error.description.contains(hint), "\(error)")
            #expect(error.description.contains(file))
        }
    }

    @Test func otherErrors() {
        let cases: [(String, String)] = [
            ("patient: {sex: female, age: 65}\n", "duration"),
            ("patient: {sex: other, age: 65}\nduration: 1 year\n", "patient.sex"),
            ("patient: {sex: female, age: 65}\nduration: 1 fortnight\n", "duration"),
            ("patient: {sex: female, age: 150}\nduration: 1 year\n", "patient.age"),
            ("patient: {sex: female, age: 65, lumbar_spine_t_score: -9}\nduration: 1 year\n", "patient.lumbar_spine_t_score"),
            ("patient: {sex: female, age: 65}\nduration: 1 year\ntreatments:\n  - {drug: aspirin, dose: 70 mg}\n", "treatments[0].drug"),
            ("patient: {sex: female, age: 65}\nduration: 1 year\ntreatments:\n  - {drug: denosumab, dose: 60 kg}\n", "treatments[0].dose"),
            ("patient: {sex: male, age: 65}\nduration: 1 year\ninflammation: {disease: copd, das28: 4}\n", "inflammation.das28"),
        ]
        for (text, field) in cases {
            do {
                _ = try Scenario.parse(text: text, file: "t.yaml")
                Issue.record("should fail: \(text)")
            } catch {
                #expect(error.field == field, "\(error)")
            }
        }
    }

    @Test func fullGrammarSimulates() throws {
        // Every section of the full grammar is simulated (the inflammation layer arrived with issue 16):
        // the disease's CRP column and the fracture risks against the same patient without GC and RA.
        let s = try Scenario.load(path: example("prednisone-alendronate.yaml"))
        let t = try SimulationRunner.run(s)
        #expect(t.columns.contains("crp_mg_l") && t.columns.contains("das28") && t.columns.contains("vertebral_fracture_rr"))
        #expect(t.rows.allSatisfy { $0.allSatisfy(\.isFinite) })
    }
}
