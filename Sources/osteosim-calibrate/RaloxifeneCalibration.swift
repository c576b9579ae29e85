import Foundation
import OsteoSim

/// Raloxifene's one fitted parameter, the osteoclast-apoptosis gain at full agonism, as code
/// (`osteosim-calibrate raloxifene`):
/// - data: MORE, raloxifene 60 mg/day in osteoporotic women (mean age 67, ≈ 18 years past
///   menopause), lumbar spine +2.6 points vs placebo at 36 months (Ettinger B et al., JAMA
///   1999;282:637; the per-site split is from the abstract [M], reviews give 2.0–2.7 for both sites);
/// - objective: ((LS difference − 2.6)/0.5)², on a grid of 0–0.2 in steps of 0.005;
/// - kept apart: Delmas 1997 (early postmenopausal women, 24 months) is the validation case
///   `raloxifene-early-postmenopause-delmas`, not used here.
enum RaloxifeneCalibration {
    static func run(gain: Double?) -> SimulationTable? {
        var text = "patient: {sex: female, age: 67, years_since_menopause: 18}\nduration: 36 months\noutput_every: 12 months\n"
        if let gain {
            text += "treatments: [{drug: raloxifene, regimen: \"60 mg po daily\"}]\nparameters:\n  raloxifene_oc_apoptosis_gain: \(gain)\n"
        }
        guard let s = try? Scenario.parse(text: text, file: "ralox.yaml") else { return nil }
        return try? SimulationRunner.run(s)
    }

    static func fit() {
        guard let placebo = run(gain: nil) else { print("placebo failed"); return }
        let lsP = GlucocorticoidCalibration.value(placebo, "lumbar_spine_bmd_change_pct", month: 36)
        let thP = GlucocorticoidCalibration.value(placebo, "total_hip_bmd_change_pct", month: 36)
        print("| gain | LS vs PBO 36 mo | TH vs PBO 36 mo | CTX vs PBO 36 mo (%) | objective |\n|---|---|---|---|---|")
        var best = (obj: Double.infinity, gain: 0.0)
        for i in 0...40 {  // 0–0.2
            let g = Double(i) * 0.005
            guard let t = run(gain: g) else { print("| \(g) | failed | | | |"); continue }
            let ls = GlucocorticoidCalibration.value(t, "lumbar_spine_bmd_change_pct", month: 36) - lsP
            let th = GlucocorticoidCalibration.value(t, "total_hip_bmd_change_pct", month: 36) - thP
            let ctx = 100 * (GlucocorticoidCalibration.value(t, "ctx_ng_ml", month: 36) / GlucocorticoidCalibration.value(placebo, "ctx_ng_ml", month: 36) - 1)
            let obj = pow((ls - 2.6) / 0.5, 2)
            print("| \(String(format: "%.3f", g)) | \(f2(ls)) | \(f2(th)) | \(f1(ctx)) | \(f2(obj)) |")
            if obj < best.obj { best = (obj, g) }
        }
        print("best: raloxifene_oc_apoptosis_gain = \(String(format: "%.3f", best.gain)) (objective \(f2(best.obj)))")
    }
}
