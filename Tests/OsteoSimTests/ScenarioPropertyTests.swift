import Foundation
import PropertyBased
import Testing
@testable import OsteoSim

/// Property (issue 18): any scenario the parser accepts simulates without a solver failure or a non-finite
/// output. Inputs span and exceed every accepted range (FieldRanges, durations up to 110 years, output intervals
/// from hours to years), so both refusals and accepted edge cases are exercised.
@Suite struct ScenarioPropertyTests {
    static func scenario(female: Bool, age: Double, menopausal: Bool?, ysm: Double?, tScore: Double?, egfr: Double?,
                         durationDays: Double, everyDays: Double) -> String {
        var p = "sex: \(female ? "female" : "male"), age: \(age)"
        if let menopausal { p += ", menopausal: \(menopausal)" }
        if let ysm { p += ", years_since_menopause: \(ysm)" }
        if let tScore { p += ", lumbar_spine_t_score: \(tScore), total_hip_t_score: \(tScore / 2)" }
        if let egfr { p += ", egfr: \(egfr)" }
        return "patient: {\(p)}\nduration: \(durationDays) days\noutput_every: \(everyDays) days\n"
    }

    @Test func acceptedScenariosSimulateToFiniteOutput() async {
        var accepted = 0, total = 0
        await propertyCheck(count: 300, input: Gen.bool, Gen.double(in: 15...102), Gen.bool.optional(valueRate: 0.3), Gen.double(in: 0...50).optional(valueRate: 0.3),
                            Gen.double(in: -7.5...7.5).optional, Gen.double(in: 0...210).optional(valueRate: 0.3),
                            Gen.double(in: 0.01...30_000), Gen.double(in: 0.05...800)) { female, age, meno, ysm, t, egfr, duration, every in
            let text = Self.scenario(female: female, age: age, menopausal: meno, ysm: ysm, tScore: t, egfr: egfr,
                                     durationDays: duration, everyDays: every)
            total += 1
            guard let s = try? Scenario.parse(text: text, file: "prop.yaml") else { return }
            accepted += 1
            do {
                let table = try SimulationRunner.run(s)
                #expect(table.rows.count == s.outputDays.count, "\(text)")
                #expect(table.rows.allSatisfy { r in r.allSatisfy { $0.isFinite } }, "non-finite output for\n\(text)")
            } catch {
                Issue.record("accepted scenario failed to simulate: \(error)\n\(text)")
            }
        }
        // The property means something only if many generated scenarios are accepted.
        #expect(accepted >= total / 5, "only \(accepted) of \(total) generated scenarios were accepted")
        print("ScenarioPropertyTests: \(accepted) of \(total) generated scenarios accepted and simulated")
    }
}
