import Foundation
import OsteoODE

extension BoneModelV2 {
    /// The matrix volumes of the four envelopes: pure integrators of refill + modelling − resorption,
    /// held at 1 (the patient's own day-0 bone) while every other state is put at steady state.
    static var heldStates: [Int] { V2Envelope.allCases.map(\.matrix) }

    /// The day-0 state of this patient with no levers: Newton's method on f(y) = 0 (cavity and
    /// mineral in steady decline with their matrix), drives frozen at day 0, exact dual-number
    /// Jacobian; pseudo-transient continuation first when Newton from the reference fails.
    /// (Adapted from BoneModel+SteadyState.)
    public func baselineState() throws(ODEError) -> [Double] {
        var base = self
        base.schedule = LeverSchedule()
        if let y = try? base.newton(from: referenceState) { return y }
        var frozen = base
        frozen.freezeDrives = true
        frozen.holdMatrix = true
        let span = 60 * 365.25
        var options = SolverOptions(rtol: 1e-7, atol: stateScale.map { 1e-10 * $0 })
        options.initialStep = 1e-3
        options.maxStep = 200
        let sol = try ODESolver.solve(frozen, y0: referenceState, t0: 0, tEnd: span, saveAt: [span], options: options)
        // Newton from the relaxed state; if it stalls, the relaxed (held-matrix) steady state is
        // used as it is: its residual differs from the steady-decline one only by the matrix's own
        // slow relative decline (≈ 1e-5/day), which the untreated comparison run shares.
        if let y = try? base.newton(from: Array(sol.final)) { return y }
        return Array(sol.final)
    }

    func newton(from start: [Double]) throws(ODEError) -> [Double] {
        var frozen = self
        frozen.freezeDrives = true
        let n = dimension
        let held = Set(Self.heldStates)
        let free = (0..<n).filter { !held.contains($0) }
        let m = free.count
        let scale = stateScale
        var y = start
        let duals = UnsafeMutablePointer<Dual>.allocate(capacity: 2 * n)
        duals.initialize(repeating: Dual(0), count: 2 * n)
        let doubles = UnsafeMutablePointer<Double>.allocate(capacity: 2 * n)
        defer { duals.deallocate(); doubles.deallocate() }
        let scratch = JacobianScratch(duals: duals, doubles: doubles)
        // Cavity and mineral fall at the matrix's own relative rate: g_X = f_X − (f_V/V)·X.
        let followers = V2Envelope.allCases.flatMap { [($0.matrix, $0.cavity), ($0.matrix, $0.mineral)] }
        func raw(_ y: [Double]) -> [Double] {
            var out = [Double](repeating: 0, count: n)
            y.withUnsafeBufferPointer { yp in
                out.withUnsafeMutableBufferPointer { op in frozen.evaluate(t: 0, y: yp.baseAddress!, dy: op.baseAddress!) }
            }
            return out
        }
        func residual(_ y: [Double]) -> [Double] {
            var out = raw(y)
            for (v, x) in followers { out[x] -= out[v] / y[v] * y[x] }
            return out
        }
        func norm(_ f: [Double]) -> Double { free.map { abs(f[$0]) / scale[$0] }.max() ?? 0 }
        func norm2(_ f: [Double]) -> Double { free.reduce(0) { $0 + (f[$1] / scale[$1]) * (f[$1] / scale[$1]) } }
        var f = residual(y)
        var J = [Double](repeating: 0, count: n * n)
        for _ in 0..<80 {
            if norm(f) < 1e-15 { return y }
            let f0 = raw(y)
            y.withUnsafeBufferPointer { yp in
                J.withUnsafeMutableBufferPointer { jp in _ = frozen.jacobian(t: 0, y: yp.baseAddress!, into: jp.baseAddress!, scratch: scratch) }
            }
            for (v, x) in followers {
                for j in 0..<n { J[j * n + x] -= y[x] / y[v] * J[j * n + v] }
                J[x * n + x] -= f0[v] / y[v]
            }
            if ProcessInfo.processInfo.environment["V2_NEWTON_TRACE"] != nil {
                var worstJ = 0.0
                for j in free {
                    let h = 1e-6 * scale[j]
                    var yp = y, ym = y
                    yp[j] += h; ym[j] -= h
                    let gp = residual(yp), gm = residual(ym)
                    for i in free {
                        let fd = (gp[i] - gm[i]) / (2 * h)
                        let e = abs(fd - J[j * n + i]) / max(abs(fd), abs(J[j * n + i]), 1e-9)
                        if e > 1e-4 { worstJ = max(worstJ, e); print("  Jg mismatch", V2State(rawValue: i)!, V2State(rawValue: j)!, J[j * n + i], fd) }
                    }
                }
            }
            var A = [Double](repeating: 0, count: m * m)
            var b = [Double](repeating: 0, count: m)
            for (cj, j) in free.enumerated() { for (ci, i) in free.enumerated() { A[cj * m + ci] = J[j * n + i] } }
            for (ci, i) in free.enumerated() { b[ci] = -f[i] }
            guard DenseLinearAlgebra.solve(&A, n: m, &b) else { throw .singularMatrix(t: 0, component: -1) }
            var lambda = 1.0, accepted = false
            let current = norm2(f)
            while lambda > 1e-8 {
                var trial = y
                for (ci, i) in free.enumerated() { trial[i] += lambda * b[ci] }
                let positive = free.allSatisfy { trial[$0] > 0 || $0 == V2State.modelingOsteoblasts.index }
                if positive {
                    let ft = residual(trial)
                    let nt = norm2(ft)
                    if nt.isFinite, nt < current || nt < 1e-30 { y = trial; f = ft; accepted = true; break }
                }
                lambda *= 0.5
            }
            if ProcessInfo.processInfo.environment["V2_NEWTON_TRACE"] != nil { print("newton", current, lambda, accepted, free.max { abs(f[$0]) / scale[$0] < abs(f[$1]) / scale[$1] }.map { V2State(rawValue: $0)! } as Any) }
            if !accepted { break }
        }
        if norm(f) < 1e-10 { return y }
        let worst = free.max { abs(f[$0]) / scale[$0] < abs(f[$1]) / scale[$1] } ?? 0
        throw .nonFiniteState(t: 0, component: worst)
    }
}
