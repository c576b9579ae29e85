import Foundation
import OsteoSim

/// The calcium supplement's one fitted parameter, its fractional absorption relative to the
/// core's dietary fraction, as code (`osteosim-calibrate calcium`):
/// - data: Tang BMP et al., Lancet 2007;370:657 (meta-analysis of 23 trials with BMD, n = 41,419,
///   people ≥ 50 y): calcium ± vitamin D reduced bone loss by 1.19% (0.76–1.61) at the spine and
///   0.54% (0.35–0.73) at the hip; most trials ran 2–4 years, the scenario is 24 months;
/// - scenario: woman 70 y, calcium 1000 mg + vitamin D3 800 IU daily vs nothing;
/// - objective: ((LS difference − 1.19)/0.43)², grid 0.06–0.5 (the parameter range starts at 0.05);
/// - kept apart: the hip difference (same case, not fitted) and Buckley 1996 (GC and non-GC
///   arms, `calcium-vitamin-d-gc-buckley`) are validation.
enum CalciumCalibration {
    static func run(_ r: Double?) -> SimulationTable? {
        var text = "patient: {sex: female, age: 70}\nduration: 24 months\noutput_every: 12 months\n"
        if let r {
            text += "treatments: [{drug: calcium, regimen: \"1000 mg po daily\"}, {drug: vitamin_d, regimen: \"800 IU po daily\"}]\n"
            text += "parameters:\n  calcium_relative_absorption: \(r)\n"
        }
        guard let s = try? Scenario.parse(text: text, file: "calcium.yaml") else { return nil }
        return try? SimulationRunner.run(s)
    }

    static func fit() {
        guard let none = run(nil) else { print("untreated run failed"); return }
        func v(_ t: SimulationTable, _ c: String) -> Double { GlucocorticoidCalibration.value(t, c, month: 24) }
        print("| relative absorption | LS diff 24 mo | TH diff 24 mo | PTH change (%) | objective |\n|---|---|---|---|---|")
        var best = (obj: Double.infinity, r: 0.0)
        for r in stride(from: 0.06, through: 0.5, by: 0.02) {
            guard let t = run(r) else { print("| \(r) | failed | | | |"); continue }
            let ls = v(t, "lumbar_spine_bmd_change_pct") - v(none, "lumbar_spine_bmd_change_pct")
            let th = v(t, "total_hip_bmd_change_pct") - v(none, "total_hip_bmd_change_pct")
            let pth = 100 * (v(t, "pth_pmol_l") / v(none, "pth_pmol_l") - 1)
            let obj = pow((ls - 1.19) / 0.43, 2)
            print("| \(f2(r)) | \(f2(ls)) | \(f2(th)) | \(f1(pth)) | \(f2(obj)) |")
            if obj < best.obj { best = (obj, r) }
        }
        print("best: calcium_relative_absorption = \(f2(best.r)) (objective \(f2(best.obj)))")
    }
}
