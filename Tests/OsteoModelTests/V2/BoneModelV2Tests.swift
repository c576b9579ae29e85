import Testing
import Foundation
import OsteoModel
import OsteoODE

@Suite struct BoneModelV2Tests {
    let year = 365.25

    @Test func referenceAdultIsExactSteadyState() {
        var model = BoneModelV2(patient: PatientBaseline(sex: .male, age: 40))
        model.freezeDrives = true
        let y = model.referenceState
        var dy = [Double](repeating: 0, count: model.dimension)
        y.withUnsafeBufferPointer { yp in dy.withUnsafeMutableBufferPointer { model.evaluate(t: 0, y: yp.baseAddress!, dy: $0.baseAddress!) } }
        let scale = model.stateScale
        for i in 0..<model.dimension {
            #expect(abs(dy[i]) / scale[i] < 1e-9, "state \(V2State(rawValue: i)!) residual \(dy[i])")
        }
    }

    @Test func baselineOf65YearOldWomanIsSteadyExceptMatrixDecline() throws {
        let model = BoneModelV2(patient: PatientBaseline(sex: .female, age: 65, menopausal: true, yearsSinceMenopause: 14))
        let y = try model.baselineState()
        var frozen = model
        frozen.freezeDrives = true
        frozen.holdMatrix = true
        var dy = [Double](repeating: 0, count: model.dimension)
        y.withUnsafeBufferPointer { yp in dy.withUnsafeMutableBufferPointer { frozen.evaluate(t: 0, y: yp.baseAddress!, dy: $0.baseAddress!) } }
        let scale = model.stateScale
        // Cell, signal and calcium states are at rest (envelope states follow the slow matrix decline).
        for i in 0..<V2State.lsTrabCavity.index {
            #expect(abs(dy[i]) / scale[i] < 1e-6, "state \(V2State(rawValue: i)!) residual \(dy[i])")
        }
    }

    @Test func noDriveDriftBelowTenthPercentIn10Years() throws {
        let model = BoneModelV2(patient: PatientBaseline(sex: .male, age: 40))
        let days = (0...10).map { Double($0) * year }
        let r = try BoneSimulationV2.run(model, days: 10 * year, saveAt: days)
        #expect(abs(r.spinePct.last!) < 0.1, "LS drift \(r.spinePct.last!)")
        #expect(abs(r.hipPct.last!) < 0.1, "TH drift \(r.hipPct.last!)")
    }

    @Test func dualJacobianMatchesFiniteDifferences() throws {
        let patient = PatientBaseline(sex: .female, age: 65, menopausal: true, yearsSinceMenopause: 14)
        // Non-trivial levers so every lever-dependent branch of the rhs is exercised.
        let schedule = LeverSchedule([.init(.osteoblastCommitment, 0.7), .init(.ranklAvailability, 0.5),
                                      .init(.sclerostinActivity, 0.6), .init(.mechanicalLoading, 0.8),
                                      .init(.osteocyteApoptosis, 1.3), .init(.pthInput, 50)])
        let model = BoneModelV2(patient: patient, schedule: schedule)
        let base = try BoneModelV2(patient: patient).baselineState()
        for perturb in [0.0, 0.1] {
            var y = base
            for i in y.indices { y[i] *= 1 + perturb * sin(Double(i + 1)) }
            y[V2State.modelingOsteoblasts.index] = 0.05 + perturb
            let n = model.dimension
            var J = [Double](repeating: 0, count: n * n)
            let duals = UnsafeMutablePointer<Dual>.allocate(capacity: 2 * n); duals.initialize(repeating: Dual(0), count: 2 * n)
            let dbl = UnsafeMutablePointer<Double>.allocate(capacity: 2 * n)
            defer { duals.deallocate(); dbl.deallocate() }
            _ = y.withUnsafeBufferPointer { yp in J.withUnsafeMutableBufferPointer { model.jacobian(t: 400, y: yp.baseAddress!, into: $0.baseAddress!, scratch: JacobianScratch(duals: duals, doubles: dbl)) } }
            var worst = 0.0
            for j in 0..<n {
                let h = 1e-6 * max(abs(y[j]), 1e-6)
                var yp = y, ym = y
                yp[j] += h; ym[j] -= h
                var fp = [Double](repeating: 0, count: n), fm = fp
                yp.withUnsafeBufferPointer { a in fp.withUnsafeMutableBufferPointer { model.evaluate(t: 400, y: a.baseAddress!, dy: $0.baseAddress!) } }
                ym.withUnsafeBufferPointer { a in fm.withUnsafeMutableBufferPointer { model.evaluate(t: 400, y: a.baseAddress!, dy: $0.baseAddress!) } }
                for i in 0..<n {
                    let fd = (fp[i] - fm[i]) / (2 * h)
                    let scale = max(abs(fd), abs(J[j * n + i]), 1e-8)
                    worst = max(worst, abs(fd - J[j * n + i]) / scale)
                }
            }
            #expect(worst < 1e-5, "perturbation \(perturb): worst relative Jacobian mismatch \(worst)")
        }
    }

    @Test func calciumStaysPhysiologicalUnderStrongLevers() throws {
        let patient = PatientBaseline(sex: .female, age: 65, menopausal: true, yearsSinceMenopause: 14)
        let y0 = try BoneModelV2(patient: patient).baselineState()
        let save = stride(from: 0.0, through: 2 * year, by: 5).map { $0 }
        for (lever, v) in [(CoreLever.osteoblastApoptosis, 0.33), (.osteoblastApoptosis, 2.0), (.ranklAvailability, 0.05)] {
            let m = BoneModelV2(patient: patient, schedule: LeverSchedule([.init(lever, v)]))
            let r = try BoneSimulationV2.run(m, days: 2 * year, saveAt: save, y0: y0)
            #expect(r.calcium.min()! >= 2.0 && r.calcium.max()! <= 2.8, "\(lever) ×\(v): Ca \(r.calcium.min()!)–\(r.calcium.max()!)")
        }
    }

    @Test func everyParameterIsDocumentedWithRange() {
        let t = BoneModelV2Parameters.table
        #expect(Set(t.map(\.name)).count == t.count, "duplicate names")
        for p in t {
            #expect(!p.base.source.isEmpty && !p.base.unit.isEmpty && !p.base.meaning.isEmpty, "\(p.name)")
            #expect(p.range.contains(p.value), "\(p.name) = \(p.value) outside its range \(p.range)")
        }
        // The table covers every stored property (Mirror counts them).
        #expect(t.count == Mirror(reflecting: BoneModelV2Parameters()).children.count)
    }
}
