import Testing
import Foundation
import OsteoSim

@Suite struct ValidationTests {
    /// The endpoints the model is known to miss, each reported in docs/validation.md and the
    /// closing notes. A new miss, or a miss that starts passing, fails this test: update the list
    /// deliberately, never the tolerance.
    static let knownMisses: Set<String> = [
        // The model's P1NP at 4 weeks falls further than the acute osteocalcin data (−31/−43/−46%
        // vs −17/−22/−26% at 10/15/20 mg/day): formation suppression too fast or deep (docs/model.md).
        "gc-marker-dose-response formation marker at 10 mg/day (%)",
        "gc-marker-dose-response formation marker at 15 mg/day (%)",
        "gc-marker-dose-response formation marker at 20 mg/day (%)",
        // Denosumab suppresses the markers too deeply (CTX −99% at 1 month, P1NP −95% at 36) while
        // BMD fits: RANKL neutralisation is near-complete between doses (docs/model.md).
        "denosumab-freedom-d2-d4 CTX at 1 month (%)",
        "denosumab-freedom-d2-d4 CTX at 36 months (%)",
        "denosumab-freedom-d2-d4 P1NP at 1 month (%)",
        "denosumab-freedom-d2-d4 P1NP at 6 months (%)",
        "denosumab-freedom-d2-d4 P1NP at 36 months (%)",
        // A 66-year-old gains more on denosumab than D10's women (7.9/5.4 vs 6.4/3.6 points at 24 months).
        "denosumab-discontinuation-d10 LS vs placebo at 24 months (points)",
        "denosumab-discontinuation-d10 TH vs placebo at 24 months (points)",
        // Hip/spine under antiresorptives is fixed by envelope composition at ≈ 0.67 (FREEDOM-like),
        // so HORIZON's 0.9 and A2's trochanter gain are missed (docs/model.md, core limitations).
        "zoledronic-acid-horizon-d14 TH vs placebo at 36 months (points)",
        "risedronate-gc-initiators-a2 trochanter vs placebo at 12 months (points)",
        // Antiresorptives barely act in glucocorticoid users: the GC layer drives the core into a
        // low-turnover state (CTX −66% at 12 months on 10 mg/day), leaving little resorption to
        // suppress, and a bisphosphonate binds in proportion to the suppressed formation.
        "alendronate-gc-a4 ALN 5 mg LS at 48 weeks (%)",
        "alendronate-gc-a4 ALN 10 mg LS at 48 weeks (%)",
        "zoledronic-vs-risedronate-gio-c4-c5 treatment: ZOL LS at 12 months (%)",
        "zoledronic-vs-risedronate-gio-c4-c5 treatment: RIS LS at 12 months (%)",
        "zoledronic-vs-risedronate-gio-c4-c5 treatment: ZOL − RIS LS (points)",
        "zoledronic-vs-risedronate-gio-c4-c5 prevention: ZOL LS at 12 months (%)",
        "zoledronic-vs-risedronate-gio-c4-c5 prevention: ZOL − RIS LS (points)",
        "zoledronic-vs-risedronate-gio-c4-c5 treatment: ZOL TH at 12 months (%)",
        "zoledronic-vs-risedronate-gio-c4-c5 prevention: ZOL TH at 12 months (%)",
        // Laan 1993's trabecular loss on 10 mg/day in active RA (−8.2% in 20 weeks, +5.3% regained)
        // is far larger and faster than the model's trabecular envelope (−3.0%, +0.2): the
        // remodelling-space transient is small and RA itself is not modelled.
        "gc-reversibility-a8 trabecular LS change by week 20 (%)",
        "gc-reversibility-a8 trabecular LS regained from week 20 to 44 (points)",
    ]

    @Test func bundledCasesRunAndOnlyKnownMissesFail() throws {
        let cases = try ValidationCase.bundled()
        #expect(cases.count >= 5)
        for c in cases {
            #expect(!c.citation.isEmpty && ["V", "V*", "M"].contains(c.status))
            for r in ValidationRunner.run(c) {
                #expect(r.simulated != nil, "\(r.caseID) \(r.endpoint) produced no value")
                let key = "\(r.caseID) \(r.endpoint)"
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
