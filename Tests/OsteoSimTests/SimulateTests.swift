import Testing
import Foundation
import OsteoSim
import OsteoModel

@Suite struct SimulateTests {
    @Test func tScoreArithmetic() {
        // Hand calculation: women's spine reference 1.064 ± 0.106 g/cm² (F2). T0 = −1.8 →
        // BMD0 = 1.064 − 1.8·0.106 = 0.8732; −5% → −0.04366 g/cm² → ΔT = −0.4119 → T = −2.2119.
        let t = TScoreReference.lumbarSpine(.female).tScore(baseline: -1.8, changePct: -5)
        #expect(abs(t - -2.21189) < 1e-4)
    }

    @Test func requiredColumnsAndTScores() throws {
        let s = try Scenario.load(path: ScenarioTests.root.appendingPathComponent("examples/untreated-65f.yaml").path)
        let t = try SimulationRunner.run(s)
        #expect(Array(t.columns.prefix(5)) == ["day", "lumbar_spine_bmd_change_pct", "total_hip_bmd_change_pct", "ctx_change_pct", "p1np_change_pct"])
        #expect(t.columns.contains("lumbar_spine_t_score") && t.columns.contains("total_hip_t_score"))
        #expect(t.rows.count == 9 && t.rows[0][0] == 0 && abs(t.rows[8][0] - 730.5) < 1e-9)
        #expect(t.column("lumbar_spine_t_score")?.first == -1.8)
        let csv = TableWriter.csv(t)
        #expect(csv.hasPrefix("day,lumbar_spine_bmd_change_pct,total_hip_bmd_change_pct,ctx_change_pct,p1np_change_pct,"))
        let json = TableWriter.json(t)
        let obj = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((obj?["columns"] as? [String])?.first == "day")
        #expect((obj?["rows"] as? [[Double]])?.count == 9)
        #expect((obj?["solver"] as? [String: Any])?["steps"] != nil)
        #expect(TableWriter.text(t).contains("not a medical device"))
    }
}
