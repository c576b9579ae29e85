import OsteoODE

extension BoneSystem {
    /// Matrix-volume / mineral pairs of the core's sites: mineral is in steady *decline* with its
    /// matrix at baseline (dM/dt = (dV/dt / V)·M), so mineral per volume is at steady state.
    static let declinePairs = [(BoneState.spineMatrix.index, BoneState.spineMineral.index),
                               (BoneState.hipMatrix.index, BoneState.hipMineral.index)]

    /// The patient's unperturbed state at time `t0` (days from day 0; negative for a run-in):
    /// Newton's method on f(y) = 0 for every state that is not held, with the age and menopause
    /// drives frozen at `t0` and an exact (dual-number) Jacobian; held states (matrix volumes,
    /// switches, infusion rates) keep their reference values and drug compartments stay empty.
    /// For the reference adult this returns ``referenceState`` exactly.
    public func baselineState(at t0: Double = 0) throws(ODEError) -> [Double] {
        let frozen = frozen(at: t0)
        do {
            return try frozen.newton(from: referenceState, t: t0)
        } catch {
            // Far from the reference (e.g. just after menopause): relax the frozen system in time
            // (pseudo-transient continuation over 300 years), then polish with Newton.
            let relaxing = self.frozen(at: t0, holdMatrix: true)
            let span = 300 * 365.25
            let ref = referenceState
            let sol = try ODESolver.solve(relaxing, y0: ref, t0: 0, tEnd: span, saveAt: [span],
                                          options: SolverOptions(rtol: 1e-8, atol: compartments.map { 1e-10 * $0.compartment.scale }))
            return try frozen.newton(from: Array(sol.final), t: t0)
        }
    }

    func newton(from start: [Double], t: Double) throws(ODEError) -> [Double] {
        let n = dimension
        var y = start
        let held = compartments.map(\.compartment.held)
        let free = (0..<n).filter { !held[$0] }
        let m = free.count
        var J = [Double](repeating: 0, count: n * n)
        let duals = UnsafeMutablePointer<Dual>.allocate(capacity: 2 * n)
        duals.initialize(repeating: Dual(0), count: 2 * n)
        let doubles = UnsafeMutablePointer<Double>.allocate(capacity: 2 * n)
        defer { duals.deallocate(); doubles.deallocate() }
        let scratch = JacobianScratch(duals: duals, doubles: doubles)

        func derivative(_ y: [Double]) -> [Double] {
            var out = [Double](repeating: 0, count: n)
            y.withUnsafeBufferPointer { yp in
                out.withUnsafeMutableBufferPointer { op in
                    if let a = yp.baseAddress, let b = op.baseAddress { evaluate(t: t, y: a, dy: b) }
                }
            }
            return out
        }
        func residual(_ y: [Double]) -> [Double] {
            var out = derivative(y)
            for (v, mi) in Self.declinePairs { out[mi] -= out[v] / y[v] * y[mi] }
            return out
        }
        // Residuals are compared relative to each state's own size: f_i / (|y_i| + tiny).
        func relative(_ f: [Double], _ y: [Double], _ i: Int) -> Double { abs(f[i]) / max(abs(y[i]), 1e-12) }
        func norm(_ f: [Double], _ y: [Double]) -> Double { free.map { relative(f, y, $0) }.max() ?? 0 }

        var f = residual(y)
        var iterations = 0
        while iterations < 60 {
            if norm(f, y) < 1e-14 { return y }
            iterations += 1
            let f0 = derivative(y)
            y.withUnsafeBufferPointer { yp in
                J.withUnsafeMutableBufferPointer { jp in
                    if let a = yp.baseAddress, let b = jp.baseAddress { _ = jacobian(t: t, y: a, into: b, scratch: scratch) }
                }
            }
            // Jacobian of the modified mineral residual: J_M − (M/V)·J_V − (f_V/V)·e_M.
            for (v, mi) in Self.declinePairs {
                for j in 0..<n { J[j * n + mi] -= y[mi] / y[v] * J[j * n + v] }
                J[mi * n + mi] -= f0[v] / y[v]
            }
            var A = [Double](repeating: 0, count: m * m)
            var b = [Double](repeating: 0, count: m)
            for (cj, j) in free.enumerated() {
                for (ci, i) in free.enumerated() { A[cj * m + ci] = J[j * n + i] }
            }
            for (ci, i) in free.enumerated() { b[ci] = -f[i] }
            guard DenseLinearAlgebra.solve(&A, n: m, &b) else { break }
            // Damped update keeping every state positive and the residual decreasing.
            var lambda = 1.0
            var accepted = false
            let current = norm(f, y)
            while lambda > 1e-6 {
                var trial = y
                for (ci, i) in free.enumerated() { trial[i] += lambda * b[ci] }
                if free.allSatisfy({ trial[$0] > 0 || start[$0] == 0 && trial[$0] >= -1e-300 }) {
                    let ft = residual(trial)
                    if norm(ft, trial) < current || norm(ft, trial) < 1e-14 {
                        y = trial
                        f = ft
                        accepted = true
                        break
                    }
                }
                lambda *= 0.5
            }
            if !accepted { break }
        }
        if norm(f, y) < 1e-10 { return y }
        let worst = free.max { relative(f, y, $0) < relative(f, y, $1) } ?? 0
        throw .steadyStateNotFound(component: worst, residual: relative(f, y, worst), iterations: iterations)
    }
}
