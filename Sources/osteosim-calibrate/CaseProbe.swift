import Foundation
import OsteoModel
import OsteoSim

/// `osteosim-calibrate cases [set:name=value ...] [only:prefix ...]`: every bundled validation case
/// run with parameter overrides added to each arm's scenario (a case's own override of the same
/// name is replaced), compared endpoint by endpoint with the defaults. Exploration only: it
/// changes no default; it prints the pass counts of the whole set and of drug libraries I and II,
/// every endpoint whose verdict changed, and issue 12's lever bars at the overridden core
/// parameters (the bars run the core alone, so component parameters do not reach them).
enum CaseProbe {
    /// The cases of issue 14 (drug library I) and issue 15 (drug library II), by id prefix.
    /// Issue 14 names D1–D4, D6–D8, D10, D14, D15, D17, C4, C5, C12 and the drug arms of A2 and A4.
    static let libraryI = ["alendronate-gc-a4", "denosumab-fractures-freedom-d1", "denosumab-freedom-d2-d4",
                           "denosumab-pk-d6-d8", "denosumab-pk-pd-chinese-d7", "denosumab-discontinuation-d10",
                           "zoledronic-acid-horizon-d14", "zoledronic-acid-extension-d15", "zoledronic-acid-pk-d17",
                           "zoledronic-vs-risedronate-gio-c4-c5", "eldecalcitol-vs-alfacalcidol-gio-c12",
                           "risedronate-gc-initiators-a2"]
    static let libraryII = ["teriparatide", "abaloparatide", "romosozumab", "anabolics"]

    static func run(_ args: [String]) {
        var overrides: [Scenario.ParameterOverride] = []
        var only: [String] = []
        for a in args {
            if a.hasPrefix("set:") {
                let kv = a.dropFirst(4).split(separator: "=")
                guard kv.count == 2, let v = Double(kv[1]) else { print("bad \(a): want set:name=value"); exit(2) }
                overrides.append(.init(name: String(kv[0]), value: v, field: "probe"))
            } else if a.hasPrefix("only:") {
                only.append(String(a.dropFirst(5)))
            }
        }
        let cases: [ValidationCase]
        do { cases = try ValidationCase.bundled() } catch { print("\(error)"); exit(2) }
        let chosen = cases.filter { c in only.isEmpty || only.contains { c.id.hasPrefix($0) } }
        var base: [ValidationResult] = [], probe: [ValidationResult] = []
        for c in chosen {
            base += ValidationRunner.run(c)
            var p = c
            p.arms = c.arms.map { arm in
                var s = arm.scenario
                let names = Set(overrides.map(\.name))
                // A component's parameters are accepted only with that component: glucocorticoids, or
                // a drug (its name is the prefix) given in this arm.
                let drugs = Set(s.treatments.map(\.drug))
                let drugNames = ["alendronate", "risedronate", "ibandronate", "zoledronic_acid", "denosumab", "raloxifene",
                                 "teriparatide", "abaloparatide", "romosozumab"]
                let apply = overrides.filter { o in
                    if o.name.hasPrefix("gc_") { return !s.glucocorticoids.isEmpty }
                    if let d = drugNames.first(where: { o.name.hasPrefix($0 + "_") }) { return drugs.contains(d) }
                    return true
                }
                s.parameters = s.parameters.filter { !names.contains($0.name) } + apply
                return (arm.name, s)
            }
            probe += ValidationRunner.run(p)
        }
        func count(_ r: [ValidationResult], _ prefixes: [String]?) -> String {
            let s = r.filter { e in prefixes.map { ps in ps.contains { e.caseID.hasPrefix($0) } } ?? true }
            return "\(s.filter(\.pass).count)/\(s.count)"
        }
        print("overrides: " + (overrides.isEmpty ? "none" : overrides.map { "\($0.name) = \($0.value)" }.joined(separator: ", ")))
        print("all: \(count(base, nil)) → \(count(probe, nil));  library I: \(count(base, libraryI)) → \(count(probe, libraryI));  library II: \(count(base, libraryII)) → \(count(probe, libraryII))")
        func f(_ v: Double?) -> String { v.map { String(format: "%.3g", $0) } ?? "—" }
        for (b, p) in zip(base, probe) where b.pass != p.pass || abs((b.simulated ?? 0) - (p.simulated ?? 0)) > 0.25 * b.tolerance {
            let mark = b.pass == p.pass ? "  " : (p.pass ? "+ " : "- ")
            print("\(mark)\(b.caseID) | \(b.endpoint) | published \(f(b.published)) ±\(f(b.tolerance)) | \(f(b.simulated)) → \(f(p.simulated))")
        }
        let gc = Dictionary(overrides.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
        if let b = GlucocorticoidCalibration.scores([:]), let q = GlucocorticoidCalibration.scores(gc) {
            func g(_ x: GlucocorticoidCalibration.Scores) -> String {
                String(format: "LS %.2f TH %.2f chronic %.2f P1NP1 %.1f CTX1 %.1f recovery %.2f CTX12 %.1f P1NP12 %.1f objective %.2f",
                       x.ls12, x.th12, x.chronic12, x.p1np1, x.ctx1, x.recovery, x.ctx12, x.p1np12, x.objective)
            }
            print("gc stage 1: \(g(b))\n         → \(g(q))")
        }
        var core = BoneModelV2Parameters()
        var coreSet = false
        for o in overrides { if let q = try? core.setting(o.name, to: o.value) { core = q; coreSet = true } }
        if coreSet {
            let bars = runBars(core, verbose: false)
            print("issue 12 bars: \(bars.filter(\.pass).count)/\(bars.count) pass" + bars.filter { !$0.pass }.map { "; MISS \($0.name): \($0.achieved)" }.joined())
        }
    }
}
