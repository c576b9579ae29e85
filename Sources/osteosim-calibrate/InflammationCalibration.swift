import Foundation
import OsteoSim

/// The inflammation layer's calibration, written as code (`osteosim-calibrate inflammation`;
/// docs/model.md, "Inflammation"). Every run goes through the public scenario path.
///
/// Stage D, disease control — `inflammation_tnf_dependence` (w_T) and `methotrexate_emax`.
///   Data: PREMIER (early aggressive RA, baseline DAS28 6.3, CRP 40 mg/L, disease duration 0.7 y):
///   at year 1 ACR50 41% on adalimumab alone and 46% on methotrexate alone (62% combined), i.e.
///   the two monotherapies control the disease about equally. Target (stated assumption): each
///   monotherapy halves the inflammatory activity at 12 months (adalimumab 40 mg every other
///   week; methotrexate 20 mg/week orally). Grid search, each parameter on its own run.
/// Stage B, bone — the resorption scale R (RANKL production by TNF-α/IL-1β/IL-6/PGE2, TNF-α
///   priming, osteoclast survival by TNF-α/IL-1β), the formation scale F (DKK1, sclerostin, nitric
///   oxide, in equal parts) and RA's disuse (`ra_disuse`). The shares inside each scale are
///   assumed (TNF-α-led, because anti-TNF prevented generalised loss even in clinical
///   non-responders: Marotte 2007). E1 alone cannot tell resorption from formation: a fit with a
///   free osteoclast-survival scale put everything on survival and the formation scale at 0, and
///   the one quantitative split found — iNOS knockout mice with inflammation-mediated
///   osteoporosis kept 60% of the BMD loss (8.6 vs 14.4%; Armour 2001 Arthritis Rheum), i.e. a
///   nitric-oxide share of 40% — cannot be reached in this core (osteoblast apoptosis lowers
///   turnover through coupling and costs little bone in a year: the NO arm carries under 10% at
///   any formation scale that keeps E1, and above F ≈ 2 it turns into a gain). So the formation
///   scale is tied to the resorption scale (F = R: every mechanism of equal weight per unit of its
///   share, an assumption) and the NO share is reported, not fitted.
///   Patient: a woman of 55 with early untreated RA (onset 3 months before day 0, activity 1 =
///   DAS28 5.5, CRP 25 mg/L). Targets (calibration.md E1, Gough 1994):
///   - lumbar spine at 12 months −2.4% (SE 0.8), trochanter (model: total hip) −4.3% (SE 0.8);
///   - "active disease over 2 years: 5.5 to 10% at each site": hinge, both sites in [−10, −5.5] at 24 months;
///   - marker hinges (qualitative: resorption raised, formation not, in active RA): CTX at 6 months
///     ≥ +5%, P1NP at 6 months ≤ 0.
///   Objective Σ((model − target)/SE)² + hinge penalties; coordinate search over grids until a
///   round changes nothing.
/// Independent checks are the validation cases (E2, E4, E6, E7, E9, E11, E12); they are not in the
/// objective.
enum InflammationCalibration {
    static let shares: [(name: String, scale: String, base: Double)] = [
        ("inflammation_rankl_tnf", "R", 0.25), ("inflammation_rankl_il1", "R", 0.075), ("inflammation_rankl_il6", "R", 0.1),
        ("inflammation_rankl_pge2", "R", 0.075), ("inflammation_priming_tnf", "R", 0.1),
        ("inflammation_survival_tnf", "R", 0.1), ("inflammation_survival_il1", "R", 0.1), ("inflammation_opg_il1", "R", 0.05),
        ("inflammation_dkk1_tnf", "F", 0.1), ("inflammation_sost_tnf", "F", 0.1), ("inflammation_no_apoptosis", "F", 0.1),
    ]

    static func run(_ body: String, months: Double, every: Double = 1, _ p: [String: Double]) -> SimulationTable? {
        let params = p.keys.sorted().map { "  \($0): \(p[$0] ?? 0)" }.joined(separator: "\n")
        let text = "patient: {sex: female, age: 55}\nduration: \(months) months\noutput_every: \(every) months\n" + body
            + (p.isEmpty ? "" : "parameters:\n\(params)\n")
        guard let s = try? Scenario.parse(text: text, file: "inflammation-calibration.yaml") else { return nil }
        return try? SimulationRunner.run(s)
    }

    static func v(_ t: SimulationTable?, _ c: String, _ month: Double) -> Double {
        t.map { GlucocorticoidCalibration.value($0, c, month: month) } ?? .nan
    }

    // MARK: Stage D

    static let premier = "inflammation: {disease: rheumatoid_arthritis, das28: 6.3, start: -8 months}\n"

    static func fitDiseaseControl() -> [String: Double] {
        let untreated = v(run(premier, months: 12, [:]), "inflammatory_activity_rel", 12)
        var best: [String: Double] = [:]
        var wt = (err: Double.infinity, value: 0.0, ratio: 0.0)
        for w in stride(from: 0.30, through: 0.90, by: 0.01) {
            let t = run(premier + "treatments: [{drug: adalimumab, regimen: \"40 mg sc every 2 weeks\"}]\n", months: 12, ["inflammation_tnf_dependence": w])
            let ratio = v(t, "inflammatory_activity_rel", 12) / untreated
            if abs(ratio - 0.5) < wt.err { wt = (abs(ratio - 0.5), w, ratio) }
        }
        var mx = (err: Double.infinity, value: 0.0, ratio: 0.0)
        for e in stride(from: 0.30, through: 0.95, by: 0.01) {
            let t = run(premier + "treatments: [{drug: methotrexate, regimen: \"20 mg po weekly\"}]\n", months: 12, ["methotrexate_emax": e])
            let ratio = v(t, "inflammatory_activity_rel", 12) / untreated
            if abs(ratio - 0.5) < mx.err { mx = (abs(ratio - 0.5), e, ratio) }
        }
        best["inflammation_tnf_dependence"] = wt.value
        best["methotrexate_emax"] = mx.value
        let combo = run(premier + "treatments:\n  - {drug: adalimumab, regimen: \"40 mg sc every 2 weeks\"}\n  - {drug: methotrexate, regimen: \"20 mg po weekly\"}\n",
                        months: 12, best)
        let comboRatio = v(combo, "inflammatory_activity_rel", 12) / untreated
        print("Stage D (disease control, PREMIER-like early RA, DAS28 6.3): untreated activity at 12 months \(f2(untreated))")
        print("  inflammation_tnf_dependence = \(f2(wt.value)): adalimumab alone leaves \(f2(wt.ratio)) of the activity (target 0.5)")
        print("  methotrexate_emax = \(f2(mx.value)): methotrexate 20 mg/week alone leaves \(f2(mx.ratio)) (target 0.5)")
        print("  check: both together leave \(f2(comboRatio)); DAS28 \(f2(v(combo, "das28", 12))) (PREMIER: combination superior to either, ACR50 62%)")
        return best
    }

    // MARK: Stage B

    static let earlyRA = "inflammation: {disease: rheumatoid_arthritis, level: high, start: -3 months}\n"

    struct Scores {
        var ls12, th12, ls24, th24, ctx6, p1np6, noShare: Double
        var objective: Double {
            var o = pow((ls12 + 2.4) / 0.8, 2) + pow((th12 + 4.3) / 0.8, 2)
            for x in [ls24, th24] {
                if x > -5.5 { o += pow((x + 5.5) / 0.8, 2) }
                if x < -10 { o += pow((x + 10) / 0.8, 2) }
            }
            if ctx6 < 0 { o += pow(ctx6 / 2.5, 2) }
            if p1np6 > 0 { o += pow(p1np6 / 2.5, 2) }
            return o
        }
    }

    static func parameters(_ x: [String: Double], fixed: [String: Double]) -> [String: Double] {
        var p = fixed
        // F = R unless given separately (the one-at-a-time contributions below).
        for s in shares { p[s.name] = s.base * (x[s.scale] ?? (s.scale == "F" && x["F"] == nil && x["tied"] != nil ? x["R"] ?? 0 : 0)) }
        p["ra_disuse"] = x["m"] ?? 0
        return p
    }

    static func scores(_ p: [String: Double]) -> Scores? {
        var noNO = p, noInflammation = p
        noNO["inflammation_no_apoptosis"] = 0
        for s in shares { noInflammation[s.name] = 0 }
        guard let t = run(earlyRA, months: 24, p), let a = run(earlyRA, months: 12, noNO), let b = run(earlyRA, months: 12, noInflammation) else { return nil }
        let ls = "lumbar_spine_bmd_change_pct"
        let inflammatory = v(t, ls, 12) - v(b, ls, 12), withoutNO = v(a, ls, 12) - v(b, ls, 12)
        return Scores(ls12: v(t, ls, 12), th12: v(t, "total_hip_bmd_change_pct", 12),
                      ls24: v(t, ls, 24), th24: v(t, "total_hip_bmd_change_pct", 24),
                      ctx6: v(t, "ctx_change_pct", 6), p1np6: v(t, "p1np_change_pct", 6),
                      noShare: inflammatory < -1e-6 ? 1 - withoutNO / inflammatory : 0)
    }

    static func calibrate() {
        let control = fitDiseaseControl()
        let grids: [(String, [Double])] = [
            ("R", Array(stride(from: 0.0, through: 1.0, by: 0.01))),
            ("m", Array(stride(from: 0.0, through: 0.4, by: 0.01))),
        ]
        var x: [String: Double] = ["R": 0.2, "m": 0.2, "tied": 1]
        // A drug's parameters are accepted only when the drug is given: stage B passes the layer's.
        let layer = control.filter { $0.key.hasPrefix("inflammation_") }
        func eval(_ x: [String: Double]) -> Scores? {
            scores(parameters(x, fixed: layer))
        }
        var best = eval(x)?.objective ?? .infinity
        for round in 1...8 {
            var changed = false
            for (name, grid) in grids {
                for g in grid where g != x[name] {
                    var y = x
                    y[name] = g
                    if let s = eval(y), s.objective < best - 1e-9 { best = s.objective; x = y; changed = true }
                }
            }
            print("Stage B round \(round): objective \(f2(best)) — R = F = \(x["R"] ?? 0), ra_disuse = \(x["m"] ?? 0)")
            if !changed { break }
        }
        let p = parameters(x, fixed: layer)
        print("\nParameters:")
        for k in (p.keys + ["methotrexate_emax"]).sorted() { print("  \(k): \(String(format: "%.4g", p[k] ?? control[k] ?? 0))") }
        if let s = scores(p) {
            print("\n| target | model | data |\n|---|---|---|")
            print("| early RA, LS 12 mo | \(f2(s.ls12)) | −2.4 ± 0.8 (E1) |")
            print("| early RA, trochanter (TH) 12 mo | \(f2(s.th12)) | −4.3 ± 0.8 (E1) |")
            print("| active 2 y, LS / TH 24 mo | \(f2(s.ls24)) / \(f2(s.th24)) | −5.5 to −10 at each site (E1, hinge) |")
            print("| CTX 6 mo | \(f1(s.ctx6))% | ≥ 0 (hinge: resorption raised in active RA) |")
            print("| nitric-oxide share of the inflammatory spine loss, 12 mo | \(f2(s.noShare)) | 0.40 in iNOS knockout mice (Armour 2001; reported, not fitted) |")
            print("| P1NP 6 mo | \(f1(s.p1np6))% | ≤ 0 (hinge: formation not raised in active RA) |")
        }
        // Sensitivities of the two E1 targets to each scale (reported, for the structural notes).
        print("\nOne-at-a-time contributions at 12 months (LS / TH, points vs the untreated 55-year-old):")
        // The same onset (run-in from 3 months before day 0) with every action off.
        let none = run(earlyRA, months: 12, parameters([:], fixed: layer))
        let ls0 = v(none, "lumbar_spine_bmd_change_pct", 12), th0 = v(none, "total_hip_bmd_change_pct", 12)
        let scale = x["R"] ?? 0
        for (label, only) in [("resorption only", ["R": scale]), ("formation only", ["F": scale]), ("disuse only", ["m": x["m"] ?? 0])] {
            let q = parameters(only, fixed: layer)
            let t = run(earlyRA, months: 12, q)
            print("  \(label): \(f2(v(t, "lumbar_spine_bmd_change_pct", 12) - ls0)) / \(f2(v(t, "total_hip_bmd_change_pct", 12) - th0))")
        }
    }
}
