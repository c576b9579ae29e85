import Testing
import Foundation
import OsteoModel
import OsteoODE
import OsteoTestSupport

@Suite struct BoneModelTests {
    let year = 365.25

    @Test func referenceAdultIsExactSteadyState() throws {
        // A 40-year-old man: no menopause drive, age deficit ≈ 0 (onset 50 y, softplus tail only).
        let model = BoneSystem(core: BoneCore(patient: PatientBaseline(sex: .male, age: 40)))
        let frozen = model.frozen()
        let y = model.referenceState
        var dy = [Double](repeating: 0, count: model.dimension)
        y.withUnsafeBufferPointer { yp in dy.withUnsafeMutableBufferPointer { frozen.evaluate(t: 0, y: yp.baseAddress!, dy: $0.baseAddress!) } }
        // The reference constants are back-solved, so all but the age tail vanish to rounding.
        for i in 0..<model.dimension where i != BoneState.calcium.index {
            #expect(abs(dy[i]) / max(abs(y[i]), 1e-12) < 1e-6, "state \(BoneState(rawValue: i)!) residual \(dy[i])")
        }
    }

    @Test func noPerturbationDriftBelowTenthPercentIn10Years() throws {
        // Issue 3 bar: a 40-year-old man with no perturbation drifts < 0.1% BMD in 10 years.
        let days = (0...120).map { Double($0) * 10 * year / 120 }
        let r = try BoneSimulation.run(patient: PatientBaseline(sex: .male, age: 40), durationDays: 10 * year, outputDays: days)
        let ls = r.column("lumbar_spine_bmd_change_pct")!, th = r.column("total_hip_bmd_change_pct")!
        #expect(abs(ls.last!) < 0.1, "LS drift \(ls.last!)%")
        #expect(abs(th.last!) < 0.1, "TH drift \(th.last!)%")
        print("drift40M LS \(ls.last!) TH \(th.last!) steps \(r.statistics.steps)")
    }

    @Test func jacobianMatchesFiniteDifferences() throws {
        let model = BoneSystem(core: BoneCore(patient: PatientBaseline(sex: .female, age: 65)))
        let base = try model.baselineState()
        for perturb in [0.0, 0.15] {
            var y = base
            for i in y.indices { y[i] *= 1 + perturb * sin(Double(i + 1)) }
            let worst = FiniteDifference.worstMismatch(model, t: 100, y: y, scales: model.compartments.map(\.compartment.scale))
            // Central differences are accurate to ~1e-7 relative for these smooth functions.
            #expect(worst < 1e-5, "perturbation \(perturb): worst relative Jacobian mismatch \(worst)")
        }
    }

    @Test func overriddenParametersKeepTheReferenceStateExact() throws {
        // Issue 11: setting pth0 on the old BoneModel after init left 5.6% residual at the
        // reference state. A model is now immutable: overriding gives a new, consistent value.
        let p = try BoneModelParameters().setting("pth_ref", to: 5.0)
        let model = BoneSystem(core: BoneCore(patient: PatientBaseline(sex: .male, age: 40), parameters: p)).frozen()
        let y = model.referenceState
        let f = FiniteDifference.evaluate(model, t: 0, y: y)
        for i in 0..<model.dimension where i != BoneState.calcium.index {
            #expect(abs(f[i]) / max(abs(y[i]), 1e-12) < 1e-6, "state \(i) residual \(f[i])")
        }
    }
}
