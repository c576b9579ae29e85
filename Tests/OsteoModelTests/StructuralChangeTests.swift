import Testing
import Foundation
import OsteoModel

/// The four structural changes of model-notes §3.3, each shown to do what it is for.
/// Reference subject: a 40-year-old man (reference adult, no age or menopause drive).
@Suite struct StructuralChangeTests {
    let man = PatientBaseline(sex: .male, age: 40)
    let year = 365.25

    /// Constant levers from day 0 (perturbations with no stop).
    func run(_ levers: [Lever: Double], years: Double = 1) throws -> BoneSimulationResult {
        try BoneSimulation.run(patient: man, durationDays: years * year, outputDays: [0, 30, 90, years * year],
                               perturbations: levers.map { Perturbation(lever: $0.key, factor: $0.value) })
    }

    @Test func opgNowMattersForResorption() throws {
        // Change 1. In the published model OPG production ×0.7 changed nothing over 12 months
        // (model-notes §3.3). With competitive binding a 25% fall in OPG (the fall Sasaki 2001
        // saw on glucocorticoids) must raise resorption and lower BMD.
        var levers: [Lever: Double] = [:]
        levers[.opgProduction] = 0.75
        let r = try run(levers)
        let ctx = r.column("ctx_change_pct")!, opg = r.column("opg_rel")!
        // OPG falls (partly offset by coupling: more resorption → more osteoblasts → more OPG).
        #expect(opg[3] < 0.9, "OPG follows its production: \(opg[3])")
        #expect(ctx[1] > 5, "CTX rises within a month: \(ctx[1])%")
        #expect(r.column("lumbar_spine_bmd_change_pct")![3] < -0.3)
    }

    @Test func uncoupledFormationLossLowersBMD() throws {
        // Change 2. With the Riggs 2012 BMD equation, osteoblast differentiation ×0.6 made
        // lumbar spine BMD *rise* +3.5% (model-notes §3.3). In a mass balance it must fall.
        // Core v2 (issue 12, item 1): formation falls first and, through coupling, resorption
        // follows over the following months — P1NP leads CTX at 1 month, both fall by 12.
        var levers: [Lever: Double] = [:]
        levers[.osteoblastDifferentiation] = 0.6
        let r = try run(levers)
        let ls = r.column("lumbar_spine_bmd_change_pct")!, th = r.column("total_hip_bmd_change_pct")!
        let p1np = r.column("p1np_change_pct")!, ctx = r.column("ctx_change_pct")!
        // Issue 3: it "loses spine bone". The bar here was −1% at 12 months (below −1 with the largest
        // per-BMU deficit at 0.4); the GC stage-1 v2 fit set that deficit to 0.25 (2026-12-02): −0.92% (−0.82% at 0.2).
        #expect(ls[3] < -0.5, "LS \(ls[3])%")
        #expect(th[3] < 0 && th[3] > ls[3], "TH loses less than LS (lower turnover): \(th[3])% vs \(ls[3])%")
        #expect(p1np[1] < ctx[1] - 5, "formation falls first: P1NP \(p1np[1])%, CTX \(ctx[1])% at 1 month")
        #expect(ctx[3] < -5, "resorption follows through coupling: CTX \(ctx[3])% at 12 months")
    }

    @Test func osteocyteLossLowersSclerostin() throws {
        // Change 3. Osteocyte apoptosis ×2 → fewer osteocytes → less sclerostin.
        var levers: [Lever: Double] = [:]
        levers[.osteocyteApoptosis] = 2
        let r = try run(levers, years: 10)
        #expect(r.column("osteocytes_rel")![3] < 0.9)
        #expect(r.column("sclerostin_rel")![3] < 0.9)
    }

    @Test func lessSclerostinBuildsBone() throws {
        // Change 3. SOST expression ×0.5 (the direction of sclerostin antibodies) releases Wnt
        // inhibition of osteoblast differentiation: formation rises first and bone is gained.
        var levers: [Lever: Double] = [:]
        levers[.sostExpression] = 0.5
        let r = try run(levers, years: 1)
        #expect(r.column("p1np_change_pct")![2] > 0, "P1NP at 3 months \(r.column("p1np_change_pct")![2])%")
        #expect(r.column("lumbar_spine_bmd_change_pct")![3] > 0)
    }

    @Test func lowerTurnoverRaisesMineralisation() throws {
        // Antiresorption (osteoclast removal ×2) lowers resorption, and bone mineral rises
        // beyond refilling through secondary mineralisation — the qualitative denosumab and
        // bisphosphonate response (calibration.md D2/D14 direction).
        var levers: [Lever: Double] = [:]
        levers[.osteoclastApoptosis] = 2
        let r = try run(levers, years: 3)
        #expect(r.column("ctx_change_pct")![3] < -30)
        #expect(r.column("lumbar_spine_bmd_change_pct")![3] > 1)
        #expect(r.column("total_hip_bmd_change_pct")![3] > 0.5)
    }
}
