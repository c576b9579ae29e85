import Foundation
import OsteoSim

/// The glucocorticoid layer's calibration, written as code (docs/model.md, "Glucocorticoids").
/// Every run goes through the public scenario path (a YAML scenario with `parameters:`).
///
/// Stage 0, exposure–effect shape: `gc_ec50`, `gc_hill`. Data: osteocalcin 83/78/74% of
///   baseline at 10/15/20 mg/d prednisone and no change at 5 mg (healthy men; model-notes §6).
///   Model: fall = I·Cⁿ/(EC50ⁿ + Cⁿ) with I free; objective Σ(model − data)² in % points. Grid.
/// Stage 1, effect sizes (v2, 2026-12-02; `osteosim-calibrate gc`) — `gc_commitment_inhibition`,
///   `gc_differentiation_inhibition`, `gc_osteoblast_apoptosis_rise`, `gc_osteocyte_apoptosis_rise`,
///   `gc_rankl_rise`, `gc_tolerance_fraction`, `gc_tolerance_half_life`,
///   `gc_osteoclast_apoptosis_inhibition` and the core's `balance_deficit_amplitude` (the largest
///   per-BMU deficit, which only a shortage of osteoblasts per cavity reaches); `gc_opg_inhibition`
///   is sourced (Sasaki 2001). A 65-year-old woman 14 y after menopause, prednisone 10 mg/day.
///   Targets (calibration.md):
///   - initiator lumbar spine at 12 months −3.14% (mean of the A1 −3.23, A2 −2.8, A3 −3.4 placebo
///     arms of GC initiators; tolerance 0.5);
///   - initiator total hip at 12 months −2.8% (A1 trochanter/LS 0.85, A3 TH/LS ≈ 1.0; tol 0.6);
///   - a chronic user (course begun 24 months before) over the next 12 months inside the published
///     range, 0 to −1.6%/y (calibration.md notes: "chronic users lose little, about 0 to 1.6%/y");
///     a hinge with scale 0.3 outside it (v1 used the midpoint −0.8 ± 0.6);
///   - P1NP at 1 month −20% (osteocalcin −17% at 10 mg/d, model-notes §6; tol 10);
///   - hinges: CTX at 1 month ≥ +5% and CTX at 12 months ≥ −35% (Compston 2018: formation falls,
///     with "an early but transient increase in bone resorption" — resorption rises, then returns
///     towards normal, not far below it; the −35% bound is assumed); P1NP at 12 months ≥ −45%
///     (assumed: formation stays suppressed, by about the acute osteocalcin fall or twice it, not
///     by three quarters); after stopping at 6 months the spine at 18 months ≥ 0.5 points above
///     its 6-month value (A8 partial recovery). Scale 5 points for the marker hinges, 2 for CTX 1 mo.
///   The deficit amplitude's grid stops at 0.2: below it issue 12's bar (commitment ×0.6: year-2
///   spine loss < 0.6 × year 1) fails (0.15: ratio 4.4; `osteosim-calibrate cases`).
///   Coordinate search: each parameter over its grid in turn, repeated until a round changes nothing.
/// Stage 1 v1 (`osteosim-calibrate gc v1`, the 2026-11 fit kept for the record): no marker hinges
///   at 12 months, the chronic point target −0.8 ± 0.6, OC life and deficit fixed. It fitted the
///   spine with formation-side levers only and left CTX −66% and P1NP −75% at 12 months.
/// Independent checks (not in the objective): dose ordering at 2.5/7.5/15/30 mg/day, taper,
/// alternate-day, pulse and dexamethasone courses, the A8 time course, fracture risk bands (B3),
/// and every antiresorptive and anabolic arm in glucocorticoid users (A2, A4, C1–C5).
enum GlucocorticoidCalibration {
    static let patient = "{sex: female, age: 65, years_since_menopause: 14}"

    static func run(_ courses: String, months: Double, every: Double = 1, _ p: [String: Double]) -> SimulationTable? {
        let params = p.keys.sorted().map { "  \($0): \(p[$0] ?? 0)" }.joined(separator: "\n")
        let text = "patient: \(patient)\nduration: \(months) months\noutput_every: \(every) months\nglucocorticoids:\n\(courses)\n"
            + (p.isEmpty ? "" : "parameters:\n\(params)\n")
        guard let s = try? Scenario.parse(text: text, file: "calibration.yaml") else { return nil }
        return try? SimulationRunner.run(s)
    }

    static func value(_ t: SimulationTable, _ column: String, month: Double) -> Double {
        let i = t.rows.firstIndex { abs($0[0] - month * 30.4375) < 1e-6 } ?? (t.rows.count - 1)
        return t.column(column)?[i] ?? .nan
    }

    /// `osteosim-calibrate gc v1`: the earlier objective and grids (see the header).
    nonisolated(unsafe) static var v1 = false

    struct Scores {
        var ls12, th12, chronic12, p1np1, ctx1, recovery, ctx12: Double
        var p1np12: Double = 0
        var objective: Double {
            let v1 = GlucocorticoidCalibration.v1
            var e = 0.0
            if !v1 {
                e += p1np12 < -45 ? pow((-45 - p1np12) / 5, 2) : 0
                e += ctx12 < -35 ? pow((-35 - ctx12) / 5, 2) : 0
            }
            let chronicTerm = v1
                ? pow((chronic12 + 0.8) / 0.6, 2)
                : (chronic12 < -1.6 ? pow((chronic12 + 1.6) / 0.3, 2) : chronic12 > 0 ? pow(chronic12 / 0.3, 2) : 0)
            let a = pow((ls12 + 3.14) / 0.5, 2) + pow((th12 + 2.8) / 0.6, 2) + chronicTerm
            let b = pow((p1np1 + 20) / 10, 2)
            let c = ctx1 < 5 ? pow((5 - ctx1) / 2, 2) : 0
            let d = recovery < 0.5 ? pow((0.5 - recovery) / 0.2, 2) : 0
            return a + b + c + d + e
        }
    }

    static func scores(_ p: [String: Double]) -> Scores? {
        let daily = "  - {drug: prednisone, dose: 10 mg/day}"
        guard let a = run(daily, months: 12, p),
              let c = run("  - {drug: prednisone, dose: 10 mg/day, start: -24 months}", months: 12, p),
              let s = run("  - {drug: prednisone, dose: 10 mg/day, stop: 6 months}", months: 18, p) else { return nil }
        return Scores(ls12: value(a, "lumbar_spine_bmd_change_pct", month: 12), th12: value(a, "total_hip_bmd_change_pct", month: 12),
                      chronic12: value(c, "lumbar_spine_bmd_change_pct", month: 12), p1np1: value(a, "p1np_change_pct", month: 1),
                      ctx1: value(a, "ctx_change_pct", month: 1),
                      recovery: value(s, "lumbar_spine_bmd_change_pct", month: 18) - value(s, "lumbar_spine_bmd_change_pct", month: 6),
                      ctx12: value(a, "ctx_change_pct", month: 12), p1np12: value(a, "p1np_change_pct", month: 12))
    }

    static func fitExposureShape() -> (ec50: Double, hill: Double) {
        let data: [(Double, Double)] = [(5, 0), (10, 17), (15, 22), (20, 26)]
        var best = (sse: Double.infinity, ec50: 0.0, hill: 0.0, imax: 0.0)
        for ec50 in stride(from: 4.0, through: 20.0, by: 0.5) {
            for hill in stride(from: 1.0, through: 4.0, by: 0.25) {
                let h = data.map { Foundation.pow($0.0, hill) / (Foundation.pow(ec50, hill) + Foundation.pow($0.0, hill)) }
                // Least-squares I for this shape: I = Σ h·y / Σ h².
                let imax = zip(h, data).map { $0 * $1.1 }.reduce(0, +) / h.map { $0 * $0 }.reduce(0, +)
                let sse = zip(h, data).map { Foundation.pow(imax * $0 - $1.1, 2) }.reduce(0, +)
                if sse < best.sse { best = (sse, ec50, hill, imax) }
            }
        }
        print("Stage 0 (osteocalcin dose–response): EC50 = \(best.ec50) mg/day, n = \(best.hill), I = \(f1(best.imax))%, SSE \(f2(best.sse))")
        return (best.ec50, best.hill)
    }

    static var grids: [(String, [Double])] {
        if v1 {
            return [
                ("gc_commitment_inhibition", [0, 0.1, 0.2, 0.35, 0.5, 0.65, 0.8]),
                ("gc_differentiation_inhibition", [0, 0.1, 0.2, 0.3, 0.45, 0.6]),
                ("gc_osteoblast_apoptosis_rise", [0, 0.25, 0.5, 1.0, 1.5]),
                ("gc_rankl_rise", [0, 0.15, 0.3, 0.6, 1.0, 1.5, 2.5, 4]),
                ("gc_tolerance_fraction", [0, 0.3, 0.6, 0.8, 1.0]),
                ("gc_osteocyte_apoptosis_rise", [0, 0.5, 1.0, 2.0]),
            ]
        }
        return [
            ("gc_commitment_inhibition", [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6]),
            ("gc_differentiation_inhibition", [0, 0.05, 0.1, 0.15, 0.2, 0.3]),
            ("gc_osteoblast_apoptosis_rise", [0, 0.25, 0.5, 0.75, 1.0]),
            ("gc_rankl_rise", [0, 0.1, 0.2, 0.3, 0.6]),
            ("gc_tolerance_fraction", [0, 0.3, 0.6, 0.8, 1.0]),
            ("gc_osteocyte_apoptosis_rise", [0, 0.25, 0.5, 1.0]),
            ("gc_osteoclast_apoptosis_inhibition", [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5]),
            ("gc_tolerance_half_life", [30, 60, 120, 240, 480]),
            ("balance_deficit_amplitude", [0.2, 0.25, 0.3, 0.35, 0.4]),
        ]
    }

    static func calibrate() -> [String: Double] {
        let shape = fitExposureShape()
        // OPG is sourced, not fitted: serum OPG −25% after 4 weeks at ≈ 32.5 mg/d (Sasaki 2001),
        // where H ≈ 1, so the maximal fall is 0.25.
        var p: [String: Double] = ["gc_ec50": shape.ec50, "gc_hill": shape.hill, "gc_opg_inhibition": 0.25]
        for (name, grid) in grids { p[name] = grid[grid.count / 2] }
        if v1 {   // v1 held these at the values of its day
            p["gc_osteoclast_apoptosis_inhibition"] = 0.15
            p["gc_tolerance_half_life"] = 120
            p["balance_deficit_amplitude"] = 0.4
        }
        var best = scores(p)?.objective ?? .infinity
        for round in 1...8 {
            var changed = false
            for (name, grid) in grids {
                for v in grid where v != p[name] {
                    var q = p
                    q[name] = v
                    if let s = scores(q), s.objective < best { best = s.objective; p = q; changed = true }
                }
            }
            print("round \(round): objective \(f2(best)) — " + p.keys.sorted().map { "\($0) = \(p[$0] ?? 0)" }.joined(separator: ", "))
            if !changed { break }
        }
        if let s = scores(p) {
            print("| target | model | data |\n|---|---|---|")
            print("| initiator LS 12 mo | \(f2(s.ls12)) | −3.14 ± 0.5 (A1–A3) |")
            print("| initiator TH 12 mo | \(f2(s.th12)) | −2.8 ± 0.6 (A1, A3) |")
            print("| chronic user LS next 12 mo | \(f2(s.chronic12)) | \(v1 ? "−0.8 ± 0.6" : "0 to −1.6") (A4, A9 notes) |")
            print("| P1NP 1 mo | \(f1(s.p1np1))% | −20 ± 10% (osteocalcin, §6) |")
            print("| CTX 1 mo | \(f1(s.ctx1))% | ≥ +5% (hinge) |")
            print("| LS 18 mo − LS 6 mo after stopping at 6 | \(f2(s.recovery)) | ≥ +0.5 (hinge, A8) |")
            print("| CTX 12 mo | \(f1(s.ctx12))% | \(v1 ? "(reported only)" : "≥ −35% (hinge)") |")
            print("| P1NP 12 mo | \(f1(s.p1np12))% | \(v1 ? "(reported only)" : "≥ −45% (hinge)") |")
        }
        return p
    }
}

/// The BMD-independent fracture-risk terms, fitted as code (`osteosim-calibrate fracture`).
///
/// Data: van Staa 2000 (calibration.md B2, B3) relative risk during treatment by daily dose band,
/// < 2.5 / 2.5–7.5 / ≥ 7.5 mg/day: vertebral 1.55 (1.20–2.01) / 2.59 (2.16–3.10) / 5.18 (4.25–6.31);
/// hip 0.99 (0.82–1.20) / 1.77 (1.55–2.02) / 2.27 (1.94–2.66); non-vertebral: all users 1.33
/// (1.29–1.38, B1) and ≥ 7.5 vs < 2.5 mg/day 1.44 (B6). Each band is represented by one daily dose,
/// 1.25 / 5 / 15 mg/day (assumed: the band's middle, the open band at twice its edge). The model
/// is a 65-year-old woman starting prednisone at that dose, read at 12 months; the all-users
/// non-vertebral RR is read at 5 mg/day (assumed typical GPRD dose). Objective:
/// Σ ((ln RR_model − ln RR_data)/ln-CI-half-width)². Grid over (R_max, X50) per site.
enum FractureCalibration {
    struct Point { var dose: Double; var bmdPart: (v: Double, h: Double, n: Double); var exposure: Double }

    static func points() -> [Point] {
        let d = FractureRiskParameters()
        func term(_ x: Double, _ r: Double, _ h: Double) -> Double { 1 + (r - 1) * x / (h + x) }
        return [1.25, 5, 15].compactMap { dose in
            guard let t = GlucocorticoidCalibration.run("  - {drug: prednisone, dose: \(dose) mg/day}", months: 12, [:]) else { return nil }
            let x = GlucocorticoidCalibration.value(t, "gc_risk_exposure_mg_day", month: 12)
            let v = GlucocorticoidCalibration.value(t, "vertebral_fracture_rr", month: 12) / term(x, d.vertebralMaximum, d.vertebralHalfDose)
            let h = GlucocorticoidCalibration.value(t, "hip_fracture_rr", month: 12) / term(x, d.hipMaximum, d.hipHalfDose)
            let n = GlucocorticoidCalibration.value(t, "nonvertebral_fracture_rr", month: 12) / term(x, d.nonvertebralMaximum, d.nonvertebralHalfDose)
            return Point(dose: dose, bmdPart: (v, h, n), exposure: x)
        }
    }

    static func fit() {
        let pts = points()
        guard pts.count == 3 else { print("runs failed"); return }
        print("BMD part of RR at 12 months (vertebral, hip, non-vertebral): " + pts.map { "\($0.dose) mg: \(f2($0.bmdPart.v)), \(f2($0.bmdPart.h)), \(f2($0.bmdPart.n))" }.joined(separator: "; "))
        func fitSite(_ name: String, _ data: [(rr: Double, lo: Double, hi: Double)], _ part: (Point) -> Double) {
            var best = (obj: Double.infinity, r: 1.0, x50: 1.0)
            for r in stride(from: 1.0, through: 20.0, by: 0.05) {
                for x50 in stride(from: 0.5, through: 40.0, by: 0.25) {
                    var obj = 0.0
                    for (p, b) in zip(pts, data) {
                        let model = part(p) * (1 + (r - 1) * p.exposure / (x50 + p.exposure))
                        let half = (log(b.hi) - log(b.lo)) / 2
                        obj += pow((log(model) - log(b.rr)) / half, 2)
                    }
                    if obj < best.obj { best = (obj, r, x50) }
                }
            }
            let rows = zip(pts, data).map { p, b in
                "\(p.dose) mg: \(f2(part(p) * (1 + (best.r - 1) * p.exposure / (best.x50 + p.exposure)))) (\(b.rr), \(b.lo)–\(b.hi))"
            }
            print("\(name): R_max = \(f2(best.r)), X50 = \(f2(best.x50)) mg/day, objective \(f2(best.obj)); " + rows.joined(separator: "; "))
        }
        fitSite("vertebral", [(1.55, 1.20, 2.01), (2.59, 2.16, 3.10), (5.18, 4.25, 6.31)]) { $0.bmdPart.v }
        fitSite("hip", [(0.99, 0.82, 1.20), (1.77, 1.55, 2.02), (2.27, 1.94, 2.66)]) { $0.bmdPart.h }
        // Non-vertebral: all users 1.33 at 5 mg/day, and 15 vs 1.25 mg/day 1.44.
        var best = (obj: Double.infinity, r: 1.0, x50: 1.0)
        for r in stride(from: 1.0, through: 5.0, by: 0.01) {
            for x50 in stride(from: 0.5, through: 40.0, by: 0.25) {
                func rr(_ p: Point) -> Double { p.bmdPart.n * (1 + (r - 1) * p.exposure / (x50 + p.exposure)) }
                let all = rr(pts[1]), ratio = rr(pts[2]) / rr(pts[0])
                let obj = pow((log(all) - log(1.33)) / ((log(1.38) - log(1.29)) / 2), 2) + pow((log(ratio) - log(1.44)) / ((log(1.54) - log(1.34)) / 2), 2)
                if obj < best.obj { best = (obj, r, x50) }
            }
        }
        print("non-vertebral: R_max = \(f2(best.r)), X50 = \(f2(best.x50)) mg/day, objective \(f2(best.obj))")
        fitSuppression()
    }

    /// The vertebral suppression-of-resorption term's size, closed form: HORIZON-PFT (D14,
    /// Black 2007) vertebral RR 0.30 at 36 months = BMD part × (1 − T_max·s(d)), with the BMD part
    /// and d = 1 − CTX_ZOL/CTX_placebo from the case's own arms; s(d) with the assumed half
    /// suppression (fx_vertebral_suppression_half). FREEDOM's RR (D1) is left as the check.
    static func fitSuppression() {
        guard let c = (try? ValidationCase.bundled())?.first(where: { $0.id == "zoledronic-acid-horizon-d14" }),
              let treated = c.arms.first(where: { $0.name == "zoledronic_acid" }), let control = c.arms.first(where: { $0.name == "placebo" }),
              let a = try? SimulationRunner.run(treated.scenario), let b = try? SimulationRunner.run(control.scenario) else {
            print("suppression term: the HORIZON case did not run"); return
        }
        func last(_ t: SimulationTable, _ col: String) -> Double { t.column(col)?.last ?? .nan }
        let p = FractureRiskParameters()
        guard let bmd = FractureRisk.bmdRelativeRisk("vertebral_fracture_rr", sex: treated.scenario.patient.sex, spineTScore: nil, hipTScore: nil,
                                                     spineRel: (last(a, "lumbar_spine_bmd_rel"), last(b, "lumbar_spine_bmd_rel")),
                                                     hipRel: (last(a, "total_hip_bmd_rel"), last(b, "total_hip_bmd_rel"))) else { return }
        let d = 1 - last(a, "ctx_ng_ml") / last(b, "ctx_ng_ml")
        let s = FractureRisk.suppressionShape(d, parameters: p)
        let tmax = (1 - 0.30 / bmd) / s
        print("vertebral suppression term (D14 at 36 months): BMD part \(f2(bmd)), CTX suppression d = \(f2(d)), s(d) = \(f2(s)) → fx_vertebral_suppression_max = \(f2(tmax))")
    }
}

/// Denosumab's RANKL-neutralisation potency, fitted as code (`osteosim-calibrate denosumab`).
/// FREEDOM (calibration.md D2–D4), a 72-year-old woman, 60 mg SC every 6 months for 36 months:
/// total hip +3.2/+4.4/+5.0% from baseline at 12/24/36 months (D2; tol 1.0), lumbar spine +9.2
/// points vs placebo at 36 months (D3; tol 1.5), CTX vs placebo −86% at 1 month, −72% at 6 months
/// (before the second dose) and at 36 months, P1NP −50% at 6 and −76% at 36 months (D4; tol 10
/// points). Grid over (Imax, potency, Hill).
enum DenosumabCalibration {
    static func run(_ p: [String: Double], treated: Bool) -> SimulationTable? {
        let params = p.keys.sorted().map { "  \($0): \(p[$0] ?? 0)" }.joined(separator: "\n")
        var text = "patient: {sex: female, age: 72}\nduration: 36 months\noutput_every: 1 month\n"
        if treated { text += "treatments:\n  - {drug: denosumab, regimen: \"60 mg sc every 6 months x 6\"}\nparameters:\n\(params)\n" }
        guard let s = try? Scenario.parse(text: text, file: "dmab.yaml") else { return nil }
        return try? SimulationRunner.run(s)
    }

    static func fit() {
        guard let placebo = run([:], treated: false) else { print("placebo failed"); return }
        func v(_ t: SimulationTable, _ c: String, _ m: Double, beforeDose: Bool = false) -> Double {
            // Before a dose at month m: the sample a day earlier is not on the grid, so read month m
            // (the dose adds to the depot only; CTX and BMD are continuous there).
            GlucocorticoidCalibration.value(t, c, month: m)
        }
        var best = (obj: Double.infinity, k: 0.0, h: 0.0, i: 0.0)
        var bestRow = ""
        for imax in [0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99, 1.0] {
            for k in [1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 0.01, 0.02, 0.05] {
                for h in [0.5, 0.75, 1.0, 1.5, 2.0, 3.0] {
                    guard let t = run(["denosumab_potency": k, "denosumab_hill": h, "denosumab_imax": imax], treated: true) else { continue }
                    let ctx = [1.0, 6, 36].map { 100 * (v(t, "ctx_ng_ml", $0) / v(placebo, "ctx_ng_ml", $0) - 1) }
                    let p1np = [6.0, 36].map { 100 * (v(t, "p1np_ng_ml", $0) / v(placebo, "p1np_ng_ml", $0) - 1) }
                    let th = [12.0, 24, 36].map { v(t, "total_hip_bmd_change_pct", $0) }
                    let ls = v(t, "lumbar_spine_bmd_change_pct", 36) - v(placebo, "lumbar_spine_bmd_change_pct", 36)
                    var obj = pow((ctx[0] + 86) / 10, 2) + pow((ctx[1] + 72) / 10, 2) + pow((ctx[2] + 72) / 10, 2)
                    obj += pow((p1np[0] + 50) / 10, 2) + pow((p1np[1] + 76) / 10, 2)
                    obj += pow((th[0] - 3.2) / 1, 2) + pow((th[1] - 4.4) / 1, 2) + pow((th[2] - 5.0) / 1, 2) + pow((ls - 9.2) / 1.5, 2)
                    let row = "| \(imax) | \(k) | \(h) | \(ctx.map { f1($0) }.joined(separator: " / ")) | \(p1np.map { f1($0) }.joined(separator: " / ")) | "
                        + "\(th.map { f2($0) }.joined(separator: " / ")) | \(f2(ls)) | \(f2(obj)) |"
                    print(row)
                    if obj < best.obj { best = (obj, k, h, imax); bestRow = row }
                }
            }
        }
        print("best: Imax \(best.i), potency \(best.k) mg/L, Hill \(best.h): \(bestRow)")
    }
}

/// Bisphosphonate potencies (EC50 of the bound pool), fitted per drug as code
/// (`osteosim-calibrate bisphosphonates`), each on a log grid, objective Σ((model − data)/tol)²:
/// - alendronate 70 mg weekly, woman 67 y: LS +4.1, TH +1.9% at 12 months (D21, McClung 2014; tol 1);
/// - zoledronic acid 5 mg IV yearly × 3, woman 73 y: LS +6.71, TH +6.02 points vs placebo at 36
///   months (D14, HORIZON-PFT; tol 1);
/// - risedronate 5 mg daily in early postmenopausal women, woman 52 y, 3 years past menopause: LS
///   +4.5 points vs placebo at 24 months (Mortensen L et al., J Clin Endocrinol Metab 1998;83:396;
///   tol 1), jointly with the resorption marker of 35 mg weekly, woman 65 y: CTX −54.7% at 6 months
///   (Gynecol Endocrinol 2008, doi 10.1080/09513590801895617; tol 10) — since 2026-12-01, when
///   the bisphosphonate component got its surface/buried pools; before, the BMD-fitted potency
///   lowered CTX by only 8%. The two targets still pull apart (docs/model.md, limitation 12). Until 2026-12-01 risedronate was fitted to A2 (glucocorticoid initiators), which let
///   its potency absorb the model's weak antiresorptive response in glucocorticoid users and put
///   risedronate above zoledronic acid in C4/C5; every potency is now fitted outside
///   glucocorticoids, and A2, A4 and C4/C5 are independent checks;
/// - ibandronate: no trial in the calibration set; its EC50 is set so that 150 mg monthly gives
///   alendronate 70 mg weekly's 12-month spine gain (non-inferiority of the two regimens, [M]).
enum BisphosphonateCalibration {
    /// The value after a command-line option (`--surface-half-life D`, `--uptake-time D`: probes that
    /// set every drug's surface half-life or osteoclast uptake time during the fit).
    static func option(_ flag: String) -> Double? {
        let a = Array(CommandLine.arguments)
        guard let i = a.firstIndex(of: flag), i + 1 < a.count else { return nil }
        return Double(a[i + 1])
    }
    static let probes: [(suffix: String, value: Double)] =
        [("surface_half_life", option("--surface-half-life")), ("osteoclast_uptake_time", option("--uptake-time"))]
            .compactMap { name, v in v.map { (name, $0) } }
    static func run(_ body: String, _ param: String?, _ value: Double) -> SimulationTable? {
        var p: [String: Double] = [:]
        if let param {
            p[param] = value
            let drug = param.replacingOccurrences(of: "_ec50", with: "")
            for probe in probes { p["\(drug)_\(probe.suffix)"] = probe.value }
        }
        return AnabolicCalibration.run(body, p)
    }
    /// The two risedronate scenarios of the fit (Mortensen's placebo arm; the weekly-dose marker case),
    /// shared with `osteosim-calibrate remodelling-space`.
    static let mortensenPlacebo = "patient: {sex: female, age: 52, years_since_menopause: 3}\nduration: 24 months\noutput_every: 24 months\n"
    static let weeklyRisedronate = "patient: {sex: female, age: 65, years_since_menopause: 14}\nduration: 6 months\noutput_every: 6 months\ntreatments: [{drug: risedronate, regimen: \"35 mg po weekly\"}]\n"
    static let dailyRisedronate = "treatments: [{drug: risedronate, regimen: \"5 mg po daily\"}]\n"
    static func v(_ t: SimulationTable?, _ c: String, _ m: Double) -> Double {
        t.map { GlucocorticoidCalibration.value($0, c, month: m) } ?? .nan
    }

    static func search(_ name: String, _ score: (Double) -> (Double, String)) -> Double {
        var best = (obj: Double.infinity, ec: 0.0, row: "")
        var ec = 1e-3
        while ec <= 100 {
            let (obj, row) = score(ec)
            if obj < best.obj { best = (obj, ec, row) }
            ec *= 1.25
        }
        // Refine between the neighbouring grid points (×1.25 either side) in steps of 1%.
        let coarse = best.ec
        ec = coarse / 1.25
        while ec <= coarse * 1.25 {
            let (obj, row) = score(ec)
            if obj < best.obj { best = (obj, ec, row) }
            ec *= 1.01
        }
        print("\(name): EC50 = \(String(format: "%.4g", best.ec)) mg — \(best.row), objective \(f2(best.obj))")
        return best.ec
    }

    static func fit() {
        let aln = "patient: {sex: female, age: 67}\nduration: 12 months\noutput_every: 12 months\ntreatments: [{drug: alendronate, regimen: \"70 mg po weekly\"}]\n"
        let alnEC = search("alendronate") { ec in
            let t = run(aln, "alendronate_ec50", ec)
            let ls = v(t, "lumbar_spine_bmd_change_pct", 12), th = v(t, "total_hip_bmd_change_pct", 12)
            return (pow(ls - 4.1, 2) + pow(th - 1.9, 2), "LS \(f2(ls)) (4.1), TH \(f2(th)) (1.9)")
        }
        let zolPBO = run("patient: {sex: female, age: 73}\nduration: 36 months\noutput_every: 36 months\n", nil, 0)
        _ = search("zoledronic acid") { ec in
            let t = run("patient: {sex: female, age: 73}\nduration: 36 months\noutput_every: 36 months\ntreatments: [{drug: zoledronic_acid, regimen: \"5 mg iv every 12 months x 3\"}]\n", "zoledronic_acid_ec50", ec)
            let ls = v(t, "lumbar_spine_bmd_change_pct", 36) - v(zolPBO, "lumbar_spine_bmd_change_pct", 36)
            let th = v(t, "total_hip_bmd_change_pct", 36) - v(zolPBO, "total_hip_bmd_change_pct", 36)
            return (pow(ls - 6.71, 2) + pow(th - 6.02, 2), "LS vs PBO \(f2(ls)) (6.71), TH \(f2(th)) (6.02)")
        }
        let earlyPBO = run(mortensenPlacebo, nil, 0)
        _ = search("risedronate") { ec in
            let t = run(mortensenPlacebo + dailyRisedronate, "risedronate_ec50", ec)
            let ls = v(t, "lumbar_spine_bmd_change_pct", 24) - v(earlyPBO, "lumbar_spine_bmd_change_pct", 24)
            let ctx = v(run(weeklyRisedronate, "risedronate_ec50", ec), "ctx_change_pct", 6)
            return (pow(ls - 4.5, 2) + pow((ctx + 54.7) / 10, 2), "LS vs PBO \(f2(ls)) (4.5), weekly CTX at 6 months \(f2(ctx)) (−54.7)")
        }
        let alnLS = v(run(aln, "alendronate_ec50", alnEC), "lumbar_spine_bmd_change_pct", 12)
        _ = search("ibandronate") { ec in
            let t = run("patient: {sex: female, age: 67}\nduration: 12 months\noutput_every: 12 months\ntreatments: [{drug: ibandronate, regimen: \"150 mg po monthly\"}]\n", "ibandronate_ec50", ec)
            let ls = v(t, "lumbar_spine_bmd_change_pct", 12)
            return (pow(ls - alnLS, 2), "LS \(f2(ls)) (alendronate's \(f2(alnLS)))")
        }
    }
}
