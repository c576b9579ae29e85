import Testing
import Foundation
import OsteoModel
import OsteoODE

@Suite struct BoneModelTests {
    let year = 365.25

    @Test func referenceAdultIsExactSteadyState() throws {
        // A 40-year-old man: no menopause drive, age deficit ≈ 0 (onset 50 y, softplus tail only).
        let model = BoneModel(patient: PatientBaseline(sex: .male, age: 40))
        var frozen = model
        frozen.freezeDrives = true
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
        let model = BoneModel(patient: PatientBaseline(sex: .female, age: 65))
        let base = try model.baselineState()
        for perturb in [0.0, 0.15] {
            var y = base
            for i in y.indices { y[i] *= 1 + perturb * sin(Double(i + 1)) }
            let n = model.dimension
            var J = [Double](repeating: 0, count: n * n)
            let duals = UnsafeMutablePointer<Dual>.allocate(capacity: 2 * n); duals.initialize(repeating: Dual(0), count: 2 * n)
            let dbl = UnsafeMutablePointer<Double>.allocate(capacity: 2 * n)
            defer { duals.deallocate(); dbl.deallocate() }
            _ = y.withUnsafeBufferPointer { yp in J.withUnsafeMutableBufferPointer { model.jacobian(t: 100, y: yp.baseAddress!, into: $0.baseAddress!, scratch: JacobianScratch(duals: duals, doubles: dbl)) } }
            var worst = 0.0
            for j in 0..<n {
                let h = 1e-6 * max(abs(y[j]), 1e-6)
                var yp = y, ym = y
                yp[j] += h; ym[j] -= h
                var fp = [Double](repeating: 0, count: n), fm = fp
                yp.withUnsafeBufferPointer { a in fp.withUnsafeMutableBufferPointer { model.evaluate(t: 100, y: a.baseAddress!, dy: $0.baseAddress!) } }
                ym.withUnsafeBufferPointer { a in fm.withUnsafeMutableBufferPointer { model.evaluate(t: 100, y: a.baseAddress!, dy: $0.baseAddress!) } }
                for i in 0..<n {
                    let fd = (fp[i] - fm[i]) / (2 * h)
                    let scale = max(abs(fd), abs(J[j * n + i]), 1e-8)
                    worst = max(worst, abs(fd - J[j * n + i]) / scale)
                }
            }
            // Central differences are accurate to ~1e-7 relative for these smooth functions.
            #expect(worst < 1e-5, "perturbation \(perturb): worst relative Jacobian mismatch \(worst)")
        }
    }
}
