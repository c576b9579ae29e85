import Foundation
import Testing
import OsteoPharm
import OsteoCatalog
import OsteoSim

/// The dose-to-event pipeline through scenarios, with the pipeline test components.
@Suite struct PipelineTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    func table(_ name: String) throws -> SimulationTable {
        try SimulationRunner.run(Scenario.load(path: Self.root.appendingPathComponent("examples/\(name)").path))
    }

    @Test func regimenFieldsAndRecordsGiveTheSameTrajectories() throws {
        let a = try table("pipeline/test-depot-regimen.yaml"), b = try table("pipeline/test-depot-fields.yaml")
        let c = try table("pipeline/test-depot-records.yaml")
        #expect(a.columns == b.columns && a.columns == c.columns)
        #expect(a.rows == b.rows, "regimen grammar vs explicit fields")
        #expect(a.rows == c.rows, "regimen grammar vs dosing records")
        // The drug was there: concentration rises after the first dose and the core responded.
        let conc = try #require(a.column("test_sc_depot_mg_l"))
        #expect(conc[1] > 0.1 && (a.column("ctx_change_pct")?[1] ?? 0) < -1)
    }

    @Test func missedDosesAreNotGiven() throws {
        let text = """
            patient: {sex: female, age: 70}
            duration: 30 months
            treatments:
              - {drug: test_sc_depot, dose: 60 mg, route: sc, every: 6 months, doses: 4, missed_doses: [2, 3]}
            """
        let missed = try SimulationRunner.run(Scenario.parse(text: text, file: "m.yaml"))
        let full = try table("pipeline/test-depot-fields.yaml")
        let cm = try #require(missed.column("test_sc_depot_mg_l")), cf = try #require(full.column("test_sc_depot_mg_l"))
        // Month 7: dose 2 (month 6) missed → far less drug; months 0–5 identical.
        #expect(cm[7] < 0.1 * cf[7] && cm[3] == cf[3])
    }

    @Test func exposureBeforeDayZeroStartsFromItsState() throws {
        let t = try table("pipeline/test-depot-run-in.yaml")
        let untreated = try SimulationRunner.run(Scenario.parse(text: "patient: {sex: female, age: 65}\nduration: 12 months\n", file: "u.yaml"))
        // Day 0 already carries drug and the state a year of RANKL inhibition produced.
        let conc = try #require(t.column("test_sc_depot_mg_l")), opg = try #require(t.column("osteoclast_precursors_rel"))
        let opg0 = try #require(untreated.column("osteoclast_precursors_rel"))
        #expect(conc[0] > 0.05, "drug present at day 0: \(conc[0])")
        #expect(opg[0] > opg0[0] * 1.01, "precursors accumulated under a year of RANKL inhibition: \(opg[0]) vs \(opg0[0])")
        #expect(t.column("lumbar_spine_bmd_change_pct")?[0] == 0, "changes are relative to day 0")
    }

    @Test func infusionFromDosingRecords() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("osteosim-infusion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // 10 mg IV at 10 mg/day: a 1-day zero-order infusion. Hand calculation (ke = 0.1/day,
        // V = 5 L): A(1) = (10/0.1)(1 − e^−0.1) = 9.516 mg, then A(t) = A(1)·e^(−0.1(t−1)).
        try "TIME,DRUG,AMT,UNIT,ROUTE,RATE\n0,test_sc_depot,10,mg,iv,10\n".write(to: dir.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
        let scenario = "patient: {sex: male, age: 40}\nduration: 10 days\noutput_every: 1 day\ndosing_records: d.csv\n"
        try scenario.write(to: dir.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        let t = try SimulationRunner.run(Scenario.load(path: dir.appendingPathComponent("s.yaml").path))
        let c = try #require(t.column("test_sc_depot_mg_l"))
        let expected1 = 100 * (1 - exp(-0.1)) / 5, expected5 = expected1 * exp(-0.4)
        #expect(abs(c[1] - expected1) < 1e-4 * expected1, "\(c[1]) vs \(expected1)")
        #expect(abs(c[5] - expected5) < 1e-4 * expected5, "\(c[5]) vs \(expected5)")
    }

    @Test func everyCatalogueDrugIsInTheLibrary() throws {
        // Since drug libraries I and II and the inflammation drugs, every catalogue id simulates;
        // an id outside the catalogue is still refused by the library with a clear message.
        for d in DrugID.allCases { #expect((try? DrugLibrary.component(for: d.rawValue)) != nil, "\(d.rawValue)") }
        #expect(throws: DoseError.self) { try DrugLibrary.component(for: "no_such_drug") }
    }
}
