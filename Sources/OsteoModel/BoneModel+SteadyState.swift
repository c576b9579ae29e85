import OsteoODE

extension BoneModel {
    /// The matrix-volume states are pure integrators of formation minus resorption (zero
    /// eigenvalue at balance): they are held at 1 (= the patient's own day-0 bone) while every
    /// other state is put at its steady state for the day-0 drives.
    static let heldStates: Set<Int> = [BoneState.spineMatrix.index, BoneState.hipMatrix.index]

    /// The day-0 state of this patient: Newton's method on f(y) = 0 for all states but the
    /// matrix volumes (mineral in steady decline with its matrix), with age and menopause drives frozen at day 0 and an exact (dual-number)
    /// Jacobian. For the reference adult this returns ``referenceState`` exactly.
    public func baselineState() throws(ODEError) -> [Double] {
        if let y = try? newton(from: referenceState) { return y }
        // Far from the reference (e.g. just after menopause): relax the frozen system in time
        // (pseudo-transient continuation over 300 years), then polish with Newton.
        var frozen = self
        frozen.freezeDrives = true
        frozen.holdMatrix = true
        let span = 300 * 365.25
        let sol = try ODESolver.solve(frozen, y0: referenceState, t0: 0, tEnd: span, saveAt: [span],
                                      options: SolverOptions(rtol: 1e-8, atol: referenceState.map { 1e-10 * max(abs($0), 1e-3) }))
        return try newton(from: Array(sol.final))
    }

    func newton(from start: [Double]) throws(ODEError) -> [Double] {
        var frozen = self
        frozen.freezeDrives = true
        let n = dimension
        var y = start
        let free = (0..<n).filter { !Self.heldStates.contains($0) }
        let m = free.count
        var f = [Double](repeating: 0, count: n)
        var J = [Double](repeating: 0, count: n * n)
        let duals = UnsafeMutablePointer<Dual>.allocate(capacity: 2 * n)
        duals.initialize(repeating: Dual(0), count: 2 * n)
        let doubles = UnsafeMutablePointer<Double>.allocate(capacity: 2 * n)
        defer { duals.deallocate(); doubles.deallocate() }
        let scratch = JacobianScratch(duals: duals, doubles: doubles)

        // Mineral is in steady *decline*: it falls at the matrix's own relative rate,
        // dM/dt = (dV/dt / V)·M, so that mineral content per volume is at its steady state.
        let sites = [(BoneState.spineMatrix.index, BoneState.spineMineral.index),
                     (BoneState.hipMatrix.index, BoneState.hipMineral.index)]
        func residual(_ y: [Double]) -> [Double] {
            var out = [Double](repeating: 0, count: n)
            y.withUnsafeBufferPointer { yp in
                out.withUnsafeMutableBufferPointer { op in
                    if let a = yp.baseAddress, let b = op.baseAddress { frozen.evaluate(t: 0, y: a, dy: b) }
                }
            }
            for (v, m) in sites { out[m] -= out[v] / y[v] * y[m] }
            return out
        }
        // Residuals are compared relative to each state's own turnover: f_i / (|y_i| + tiny).
        func norm(_ f: [Double], _ y: [Double]) -> Double {
            free.map { abs(f[$0]) / max(abs(y[$0]), 1e-12) }.max() ?? 0
        }
        f = residual(y)
        for _ in 0..<60 {
            if norm(f, y) < 1e-14 { return y }
            var f0 = [Double](repeating: 0, count: n)
            y.withUnsafeBufferPointer { yp in
                f0.withUnsafeMutableBufferPointer { op in
                    if let a = yp.baseAddress, let b = op.baseAddress { frozen.evaluate(t: 0, y: a, dy: b) }
                }
            }
            y.withUnsafeBufferPointer { yp in
                J.withUnsafeMutableBufferPointer { jp in
                    if let a = yp.baseAddress, let b = jp.baseAddress { _ = frozen.jacobian(t: 0, y: a, into: b, scratch: scratch) }
                }
            }
            // Jacobian of the modified mineral residual: J_M − (M/V)·J_V − (f_V/V)·e_M.
            for (v, mi) in sites {
                for j in 0..<n { J[j * n + mi] -= y[mi] / y[v] * J[j * n + v] }
                J[mi * n + mi] -= f0[v] / y[v]
            }
            var A = [Double](repeating: 0, count: m * m)
            var b = [Double](repeating: 0, count: m)
            for (cj, j) in free.enumerated() {
                for (ci, i) in free.enumerated() { A[cj * m + ci] = J[j * n + i] }
            }
            for (ci, i) in free.enumerated() { b[ci] = -f[i] }
            guard DenseLinearAlgebra.solve(&A, n: m, &b) else { throw .singularMatrix(t: 0, component: -1) }
            // Damped update keeping every state positive and the residual decreasing.
            var lambda = 1.0
            var accepted = false
            let current = norm(f, y)
            while lambda > 1e-6 {
                var trial = y
                for (ci, i) in free.enumerated() { trial[i] += lambda * b[ci] }
                if free.allSatisfy({ trial[$0] > 0 }) {
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
        let worst = free.max { abs(f[$0]) / max(abs(y[$0]), 1e-12) < abs(f[$1]) / max(abs(y[$1]), 1e-12) } ?? 0
        throw .nonFiniteState(t: 0, component: worst)
    }
}
