import Testing
import Foundation
import OsteoSim

@Suite struct ValidationTests {
    /// The endpoints the model is known to miss, each reported in docs/validation.md and the
    /// closing notes. A new miss, or a miss that starts passing, fails this test: update the list
    /// deliberately, never the tolerance.
    static let knownMisses: Set<String> = [
        // Risedronate's potency is fitted jointly to Mortensen's spine and the weekly dose's CTX, and
        // the two pull apart: CTX −35% (not −55%) with the spine already 2.2 points high. At the
        // potency that fits the marker the model gains too much bone per unit of resorption
        // suppressed (docs/model.md, known limitation 12, with the search that shows it).
        "risedronate-markers-weekly CTX at 6 months, osteoporotic group (%)",
        "risedronate-early-postmenopause-mortensen LS vs placebo at 24 months (points)",
        "risedronate-early-postmenopause-mortensen hip (femoral neck published) vs placebo at 24 months (points)",
        // Stopping zoledronic acid after 3 years loses the hip faster than HORIZON's extension (6 − 3
        // years 2.4 vs 1.04 points; the hip stays above baseline): the surface pool drains within
        // months once dosing stops, and re-binding of the drug that resorption frees is too weak.
        "zoledronic-acid-extension-d15 hip, 6 vs 3 years of treatment, at year 6 (points)",
        // GC stage 1 v2 (2026-12-02): the hip of initiating men falls short (−2.4 vs −3.4): with no
        // osteocyte-death term the targeted cortical remodelling that deepened the hip is inert.
        "gc-initiators-placebo-a1-a3 A3 placebo trochanter at 12 months (men, %)",
        // With at most 97% of RANKL signalling blocked, CTX at 36 months is still too low (−83% vs
        // −72%), and P1NP at 1 month rises (+6% vs −18%): formation follows resorption only
        // through the months-long osteoblast lineage, and lower calcium raises PTH meanwhile.
        "denosumab-freedom-d2-d4 CTX at 36 months (%)",
        "denosumab-freedom-d2-d4 P1NP at 1 month (%)",
        // A 66-year-old gains more on denosumab than D10's women (8.9/5.9 vs 6.4/3.6 points at 24 months).
        "denosumab-discontinuation-d10 LS vs placebo at 24 months (points)",
        "denosumab-discontinuation-d10 TH vs placebo at 24 months (points)",
        // One infusion of zoledronic acid (Grey 2017): the model's gain at 2 years is too small (spine
        // +2.4/+3.1/+3.7 vs +5.0/+5.7/+5.7 for 1/2.5/5 mg; hip +1.6/+2.1/+2.5 vs +2.6/+4.1/+4.7) and the
        // dose response too steep, and by 5 years the low doses hold more than published (the 5-year
        // spine differences pass inside their wide CIs), so the single dose builds too slowly (the
        // osteoclast load and the 140-day remodelling space) and the published near-saturation at
        // 1–2.5 mg is not reproduced; 5 mg's 5-year hip is low (+3.2 vs +5.4).
        "zoledronic-acid-single-dose-grey 1 mg: LS vs placebo at 2 years (points)",
        "zoledronic-acid-single-dose-grey 2.5 mg: LS vs placebo at 2 years (points)",
        "zoledronic-acid-single-dose-grey 5 mg: LS vs placebo at 2 years (points)",
        "zoledronic-acid-single-dose-grey 2.5 mg: TH vs placebo at 2 years (points)",
        "zoledronic-acid-single-dose-grey 5 mg: TH vs placebo at 2 years (points)",
        "zoledronic-acid-single-dose-grey 5 mg: TH vs placebo at 5 years (points)",
        // Hip/spine under antiresorptives is fixed by envelope composition at ≈ 0.67 (FREEDOM-like),
        // so A2's trochanter gain is missed (docs/model.md, core limitations); HORIZON's hip misses
        // just outside the tolerance (4.98 vs 6.02; listed below with the D17 change).
        "risedronate-gc-initiators-a2 trochanter vs placebo at 12 months (points)",
        // Antiresorptives in glucocorticoid users. Since GC stage 1 v2 keeps turnover up (CTX −35%
        // at 12 months on 10 mg/day, was −66%) and lets the resorption response fade in chronic use,
        // A2's spine, C4's treatment ZOL spine and hip, C5's prevention RIS spine and the ALN arms of
        // C2/C3 pass; still short: alendronate in A4 (+0.9/+1.5 vs +2.1/+2.9 at 48 weeks: its chronic
        // placebo loses −1.36 against −0.4, and the effect over it is 2.2/2.9 against 2.5/3.3),
        // risedronate in C4's treatment arm (+1.6 vs +2.7) and zoledronic acid's lead over it in
        // prevention (3.5 vs 1.96 points).
        "zoledronic-vs-risedronate-gio-c4-c5 prevention: ZOL − RIS LS (points)",
        "alendronate-gc-a4 ALN 5 mg LS at 48 weeks (%)",
        "alendronate-gc-a4 ALN 10 mg LS at 48 weeks (%)",
        "zoledronic-vs-risedronate-gio-c4-c5 treatment: RIS LS at 12 months (%)",
        // e-GLORIA's 24-month spine difference (not fitted; the 12-month one is): the model's
        // difference keeps growing (+2.26 vs +1.10 ± 1) where the trial's did not.
        "eldecalcitol-vs-alfacalcidol-gio-c12 ELD − ALF LS at 24 months (points)",
        // Laan 1993's trabecular loss on 10 mg/day in active RA (−8.2% in 20 weeks, +5.3% regained)
        // is far larger and faster than the model's trabecular envelope (−3.0%, +0.2): the
        // remodelling-space transient is small and RA itself is not modelled (v2 GC fit: −3.0, +0.3).
        "gc-reversibility-a8 trabecular LS change by week 20 (%)",
        "gc-reversibility-a8 trabecular LS regained from week 20 to 44 (points)",
        // Chen 2018's half-lives (15 d at 60 mg, 26 d at 120 mg) are shorter than the label's 25.4 d
        // that the Gibiansky/Sutjandra parameters reproduce (26.8 d); the two sources disagree.
        "denosumab-pk-pd-chinese-d7 60 mg: half-life, days 30–90 (days)",
        "denosumab-pk-pd-chinese-d7 120 mg: half-life, days 30–90 (days)",
        // CTX falls with the osteoclasts' lifespan once RANKL is neutralised (−55% by day 5 vs more
        // than −80%): the core has no RANKL-dependent osteoclast activity or survival (docs/model.md).
        "denosumab-pk-pd-chinese-d7 60 mg: CTX by day 5 (%; at most −80)",
        // Calcium + vitamin D act through PTH alike with and without glucocorticoids (+0.7 vs +1.0
        // points), where Buckley found +5.4 on prednisone and nothing without: the model's GC loss
        // is not calcium-limited, and the supplement fit itself needs an implausibly low absorption.
        "calcium-vitamin-d-gc-buckley on prednisone: LS, supplemented − placebo at 24 months (points)",
        "calcium-vitamin-d-gc-buckley on prednisone: hip (trochanter published), supplemented − placebo (points)",
        // HORIZON's hip is fitted jointly with its spine (the zoledronic acid EC50): with the shallow
        // plasma-return pool (2026-12-02) the joint optimum leaves the hip at +4.98 against 6.02 ± 1,
        // just outside, with the spine high (+7.4 vs 6.71): the hip/spine split, not the potency.
        "zoledronic-acid-horizon-d14 TH vs placebo at 36 months (points)",
        // Drug library II (issue 15; docs/model.md, "Drugs"). The core's anabolic PTH1R programme
        // saturates within each pulse at 20 µg (so 40 µg adds little, weekly 56.5 µg gives about a
        // fifth of daily) and its spine response accelerates instead of decelerating (too little at
        // 12–18 months and in the first months' P1NP, too much by 21 months).
        "teriparatide-fpt-d18 20 µg: LS vs placebo at 21 months (points)",
        "teriparatide-fpt-d18 20 µg: FN vs placebo at 21 months (points)",
        "teriparatide-fpt-d18 40 − 20 µg LS at 21 months (points; dose ordering)",
        "teriparatide-eurofors-markers-d20 P1NP at 1 month (%)",
        "teriparatide-eurofors-markers-d20 P1NP at 6 months (%)",
        "teriparatide-weekly-tower LS vs placebo at 72 weeks (points)",
        "teriparatide-weekly-tower TH vs placebo at 72 weeks (points)",
        "teriparatide-weekly-tower FN vs placebo at 72 weeks (points)",
        "anabolics-vs-alendronate-d21 TPTD LS at 12 months (%)",
        "teriparatide-vs-alendronate-giop-c1-c3 C1: TPTD LS at 18 months (%)",
        "teriparatide-vs-alendronate-giop-c1-c3 C3: postmenopausal women, TPTD LS at 18 months (%)",
        "teriparatide-vs-alendronate-giop-c1-c3 C3: men, TPTD LS at 18 months (%)",
        "teriparatide-vs-alendronate-giop-c1-c3 C3: premenopausal women, TPTD − ALN LS (points; ordering)",
        // In GIOP, teriparatide gains too little at 18 months (+5.3 vs +7.2; premenopausal women +5.65
        // vs +7.0 passes) and rather much by 36 months (+12.5 vs +11.0, inside: the spine response
        // accelerates, as in FPT), while alendronate now fits (+3.9), so the 18-month lead is too
        // small in C1 and in men (+1.4/+1.6 vs +3.8/+3.6) and the 36-month lead too large (7.7 vs
        // 5.7; the orderings hold); premenopausal women gain as much on alendronate as the others
        // (+4.1 vs +0.7): the model has no premenopausal difference in the alendronate response.
        "teriparatide-vs-alendronate-giop-c1-c3 C2: TPTD − ALN LS at 36 months (points; ordering)",
        "teriparatide-vs-alendronate-giop-c1-c3 C1: TPTD − ALN LS at 18 months (points; ordering)",
        "teriparatide-vs-alendronate-giop-c1-c3 C3: men, TPTD − ALN LS (points; ordering)",
        "teriparatide-vs-alendronate-giop-c1-c3 C3: premenopausal women, ALN LS at 18 months (%)",
        // Hip/spine under anabolics is fixed near 0.5–0.57 by envelope composition (core limitation 5),
        // so the hip gains too much where the spine fits (romosozumab TH; ACTIVE FN passes at the edge).
        "anabolics-vs-alendronate-d21 ROMO TH at 12 months (%)",
        "anabolics-vs-alendronate-d21 ROMO − ALN TH (points; ordering)",
        "anabolics-vs-alendronate-d21 ROMO − TPTD LS (points; ordering)",
        // Romosozumab's formation does not wane and resorption rises through coupling: the core's
        // Wnt branch has no self-limiting feedback (docs/model.md, "Drugs").
        "anabolics-vs-alendronate-d21 ROMO P1NP peak (day; about month 1)",
        "anabolics-vs-alendronate-d21 ROMO P1NP at 9 months below baseline (%)",
        "anabolics-vs-alendronate-d21 ROMO CTX at 12 months below baseline (%)",
        // Inflammation (docs/model.md, "Inflammation"). The E1 fit trades the two-year spine loss
        // (−5.4%, just short of the published 5.5–10%) against the 12-month targets.
        "inflammation-early-ra-e1 LS at 24 months, active disease (%)",
        // Wijbrandts' prednisone users gained at the neck (+2.5 vs −0.7%); in the model the bone
        // effects of 7.4 mg/day outweigh their anti-inflammatory benefit (−0.4 vs +1.1%: the
        // non-users regain from disuse after control): the sign of the subgroup split is reversed.
        "inflammation-adalimumab-methotrexate-e4 femoral neck at 12 months, no prednisone (%)",
        "inflammation-adalimumab-methotrexate-e4 femoral neck at 12 months, prednisone users (%)",
        // Periarticular (hand) bone is not in the model; at the hip the net benefit of prednisolone
        // 7.5 mg/day in early RA is small (+0.2/+1.0 vs +1.9/+2.3 points for the hand).
        "inflammation-prednisolone-early-ra-e6 hand BMD (model: total hip), prednisolone − placebo at 1 year (points)",
        "inflammation-prednisolone-early-ra-e6 hand BMD (model: total hip), prednisolone − placebo at 2 years (points)",
        // Low-grade inflammation held for 15–30 years costs 2–4 times the BMD difference Koh's odds
        // ratios imply: the model's loss accumulates with exposure (no adaptation), and one hsCRP
        // measurement stands for a lifetime's exposure only with regression dilution.
        "inflammation-crp-fifths-e9 premenopausal: LS BMD, highest − lowest hsCRP fifth (relative)",
        "inflammation-crp-fifths-e9 postmenopausal: LS BMD, highest − lowest hsCRP fifth (relative)",
    ]

    /// Known misses the model has no output for at all (reported as such in docs/validation.md).
    /// Endpoints whose output column the model does not produce (none since the bisphosphonates'
    /// plasma column, 2026-12-02).
    static let notModelled: Set<String> = []

    @Test func bundledCasesRunAndOnlyKnownMissesFail() throws {
        let cases = try ValidationCase.bundled()
        #expect(cases.count >= 5)
        for c in cases {
            #expect(!c.citation.isEmpty && ["V", "V*", "M"].contains(c.status))
            for r in ValidationRunner.run(c) {
                let key = "\(r.caseID) \(r.endpoint)"
                #expect((r.simulated == nil) == Self.notModelled.contains(key), "\(key) produced no value: \(r.note ?? "")")
                #expect(r.pass != Self.knownMisses.contains(key),
                        "\(key): simulated \(String(describing: r.simulated)) vs \(r.published) ± \(r.tolerance), pass \(r.pass)")
            }
        }
    }

    @Test func betweenArmComparisonAndMissingColumn() throws {
        let text = """
            id: test-arms
            title: two arms
            citation: test (hand-made)
            status: M
            arms:
              - {name: young, scenario: {patient: {sex: female, age: 37}, duration: 1 month}}
              - {name: old, scenario: {patient: {sex: female, age: 52}, duration: 1 month}}
            endpoints:
              - {output: ctx_ng_ml, day: 0, published: 0, tolerance: 10, difference: [old, young]}
              - {output: no_such_column, day: 0, published: 0, tolerance: 1, arm: young}
            """
        let c = try ValidationCase.parse(InputNode.parse(text, file: "t.yaml"))
        let r = ValidationRunner.run(c)
        // Early postmenopause raises CTX above the premenopausal reference (menopause drive).
        #expect((r[0].simulated ?? 0) > 0 && r[0].pass)
        #expect(!r[1].pass && r[1].simulated == nil && (r[1].note ?? "").contains("not produced"))
        #expect(ValidationReport.json(r).contains("\"pass\": false"))
    }

    @Test func calibratedParametersExist() throws {
        // Every parameter a case says it calibrated is a parameter of the model, by its table name.
        let names = Set(ModelInfo.allParameters.map(\.name))
        for c in try ValidationCase.bundled() {
            for p in c.calibrates { #expect(names.contains(p), "\(c.id) calibrates unknown parameter \(p)") }
            if !c.calibrates.isEmpty { #expect(c.role == "calibration", "\(c.id) names fitted parameters but is not a calibration case") }
        }
    }

    /// A hand-made two-arm case (RANKL availability ×0.3 against placebo, woman of 70) for the
    /// relative-risk statistics; each test appends its endpoints.
    static let relativeRiskCase = """
        id: test-rr
        title: rr
        citation: test (hand-made)
        status: M
        arms:
          - {name: placebo, scenario: {patient: {sex: female, age: 70, lumbar_spine_t_score: -2.5}, duration: 12 months}}
          - {name: treated, scenario: {patient: {sex: female, age: 70, lumbar_spine_t_score: -2.5}, duration: 12 months,
                                       perturbations: [{lever: rankl_availability, factor: 0.3}]}}
        endpoints:

        """

    @Test func bmdExplainedRelativeRiskBetweenArms() throws {
        // The statistic reads both arms' relative BMD at the site and applies Marshall's gradient:
        // RR = G^(−BMD0·(rel_a/rel_b − 1)/SD), recomputed here from the tables.
        let text = Self.relativeRiskCase + """
              - {difference: [treated, placebo], output: vertebral_fracture_rr, statistic: bmd_relative_risk, day: 365.25, published: 1, tolerance: 1}
            """
        let c = try ValidationCase.parse(InputNode.parse(text, file: "t.yaml"))
        let rr = try #require(ValidationRunner.run(c).first?.simulated)
        let t = try SimulationRunner.run(c.arms[1].scenario), p = try SimulationRunner.run(c.arms[0].scenario)
        let a = try #require(t.column("lumbar_spine_bmd_rel")?.last), b = try #require(p.column("lumbar_spine_bmd_rel")?.last)
        let ref = TScoreReference.lumbarSpine(.female)
        let expected = pow(2.3, -(ref.mean - 2.5 * ref.sd) * (a / b - 1) / ref.sd)
        #expect(abs(rr - expected) < 1e-12 && rr < 1, "\(rr) vs \(expected)")
    }

    @Test func treatmentRelativeRiskAddsSuppressionForVertebralFractureOnly() throws {
        // relative_risk = the BMD part × T(d) for vertebral fracture, d = 1 − CTX_a/CTX_b at the day;
        // hip and non-vertebral keep the BMD part (Austin 2012: hip BMD explained 87% of the
        // non-vertebral effect). Recomputed here from the arms' tables.
        let text = Self.relativeRiskCase + """
              - {difference: [treated, placebo], output: vertebral_fracture_rr, statistic: bmd_relative_risk, day: 365.25, published: 1, tolerance: 1}
              - {difference: [treated, placebo], output: vertebral_fracture_rr, statistic: relative_risk, day: 365.25, published: 1, tolerance: 1}
              - {difference: [treated, placebo], output: hip_fracture_rr, statistic: bmd_relative_risk, day: 365.25, published: 1, tolerance: 1}
              - {difference: [treated, placebo], output: hip_fracture_rr, statistic: relative_risk, day: 365.25, published: 1, tolerance: 1}
            """
        let c = try ValidationCase.parse(InputNode.parse(text, file: "t.yaml"))
        let r = ValidationRunner.run(c).map(\.simulated)
        let t = try SimulationRunner.run(c.arms[1].scenario), p = try SimulationRunner.run(c.arms[0].scenario)
        let ratio = try #require(t.column("ctx_ng_ml")?.last) / #require(p.column("ctx_ng_ml")?.last)
        let fp = FractureRiskParameters(), d = 1 - ratio
        let term = 1 - fp.vertebralSuppressionMaximum * d * (1 + fp.vertebralSuppressionHalf) / (d + fp.vertebralSuppressionHalf)
        let bmdV = try #require(r[0]), fullV = try #require(r[1])
        #expect(d > 0.3 && abs(fullV - bmdV * term) < 1e-12, "vertebral: \(fullV) vs \(bmdV) × \(term) (d = \(d))")
        #expect(r[2] == r[3], "hip: BMD part only")
        // The term saturates and never raises risk: T(0) = 1, T(1) = 1 − T_max, no term for a rise.
        #expect(FractureRisk.suppressionTerm(ctxRatio: 1) == 1 && FractureRisk.suppressionTerm(ctxRatio: 1.5) == 1)
        #expect(abs(FractureRisk.suppressionTerm(ctxRatio: 0) - (1 - fp.vertebralSuppressionMaximum)) < 1e-15)
        let half = FractureRisk.suppressionTerm(ctxRatio: 0.5), most = FractureRisk.suppressionTerm(ctxRatio: 0.2)
        #expect(most < half && half - most < 0.5 * (1 - half), "saturating: T(0.5) = \(half), T(0.8) = \(most)")
    }

    @Test func raloxifeneOnlyForPostmenopausalWomen() throws {
        // Raloxifene tempers estrogen deficiency: refused, naming the field, for a man and for a
        // premenopausal woman; accepted for a postmenopausal woman.
        func scenario(_ patient: String) -> String {
            "patient: \(patient)\nduration: 6 months\ntreatments: [{drug: raloxifene, regimen: \"60 mg po daily\"}]\n"
        }
        for patient in ["{sex: male, age: 70}", "{sex: female, age: 40}"] {
            let s = try Scenario.parse(text: scenario(patient), file: "r.yaml")
            do {
                _ = try SimulationRunner.run(s)
                Issue.record("raloxifene accepted for \(patient)")
            } catch {
                #expect("\(error)".contains("treatments[0].drug") && "\(error)".contains("postmenopausal women only"), "\(error)")
            }
        }
        let ok = try SimulationRunner.run(Scenario.parse(text: scenario("{sex: female, age: 67}"), file: "r.yaml"))
        #expect(ok.column("raloxifene_agonism")?.last.map { $0 > 0.8 } == true)
    }

    @Test func statisticsAndOneSidedBounds() throws {
        // A single denosumab dose: the statistics read the concentration column over a window.
        let text = """
            id: test-statistics
            title: statistics
            citation: test (hand-made)
            status: M
            calibrates: [denosumab_potency]
            scenario:
              patient: {sex: female, age: 65}
              duration: 100 days
              output_every: 1 day
              treatments: [{drug: denosumab, dose: 60 mg, route: sc, start: 0 days}]
            endpoints:
              - {output: denosumab_ng_ml, statistic: max, from_day: 0, day: 60, published: 0, tolerance: 1e9}
              - {output: denosumab_ng_ml, statistic: day_of_max, from_day: 0, day: 60, published: 0, tolerance: 1e9}
              - {output: denosumab_ng_ml, statistic: half_life, from_day: 30, day: 90, published: 0, tolerance: 1e9}
              - {output: ctx_change_pct, day: 30, published: -50, bound: at_most, tolerance: 0}
              - {output: ctx_change_pct, day: 30, published: -50, bound: at_least, tolerance: 0}
            """
        let c = try ValidationCase.parse(InputNode.parse(text, file: "t.yaml"))
        #expect(c.calibrates == ["denosumab_potency"])
        let r = ValidationRunner.run(c)
        let cmax = try #require(r[0].simulated), tmax = try #require(r[1].simulated), half = try #require(r[2].simulated)
        // Recompute from the table itself: the max over days 0–60, its day, and the two-point half-life.
        let table = try SimulationRunner.run(c.arms[0].scenario)
        let day = try #require(table.column("day")), conc = try #require(table.column("denosumab_ng_ml"))
        let window = day.indices.filter { day[$0] <= 60 }
        let best = try #require(window.max { conc[$0] < conc[$1] })
        #expect(cmax == conc[best] && tmax == day[best])
        let i30 = try #require(day.firstIndex(of: 30)), i90 = try #require(day.firstIndex(of: 90))
        #expect(abs(half - 60 * log(2) / log(conc[i30] / conc[i90])) < 1e-12)
        // CTX falls by more than half within a month of denosumab: at_most −50 passes, at_least fails.
        #expect(r[3].pass && !r[4].pass)
        // A half-life needs a window; a statistic cannot be read from a difference.
        let bad = text.replacingOccurrences(of: "from_day: 30, day: 90", with: "from_day: 90, day: 30")
        #expect(throws: InputError.self) { try ValidationCase.parse(InputNode.parse(bad, file: "t.yaml")) }
    }

    @Test func validationDocMatchesCurrentRun() throws {
        // docs/validation.md is generated; every case and its pass/miss must match today's run.
        let doc = try String(contentsOf: ScenarioTests.root.appendingPathComponent("docs/validation.md"), encoding: .utf8)
        for c in try ValidationCase.bundled() {
            for r in ValidationRunner.run(c) {
                let row = doc.split(separator: "\n").first { $0.contains("| \(r.caseID) | \(r.endpoint) |") }
                #expect(row != nil, "missing row \(r.caseID) \(r.endpoint)")
                #expect(row?.contains(r.pass ? "| pass" : "**MISS**") == true)
            }
        }
    }
}
