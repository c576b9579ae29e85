import OsteoODE

extension BoneSystem {
    /// Largest relative residual accepted for a relaxed baseline that Newton cannot polish.
    static let relaxedResidualLimit = 1e-7

    /// The patient's unperturbed state at time `t0` (days from day 0; negative for a run-in):
    /// Newton's method on f(y) = 0 for every state that is not held, with the age and menopause
    /// drives frozen at `t0` and an exact (dual-number) Jacobian; held states (matrix volumes,
    /// switches, infusion rates) keep their reference values and drug compartments stay empty.
    /// The core's cavities and minerals follow their matrix in steady decline
    /// (``BoneCore/baselineFollowers``). For the reference adult this returns ``referenceState``.
    /// When Newton stalls even after relaxing, the relaxed state is accepted only if its largest
    /// relative residual is below ``relaxedResidualLimit``; otherwise the error says which state.
    public func baselineState(at t0: Double = 0) throws(ODEError) -> [Double] {
        let frozen = frozen()
        do {
            return try frozen.newton(from: referenceState(clockAt: t0), t: t0)
        } catch {
            // Far from the reference (e.g. just after menopause): relax the frozen system in time
            // (pseudo-transient continuation over 300 years), then polish with Newton.
            let relaxing = self.frozen(holdMatrix: true)
            let span = 60 * 365.25
            var options = SolverOptions(rtol: 1e-7, atol: compartments.map { 1e-10 * $0.compartment.scale })
            options.initialStep = 1e-3
            options.maxStep = 200
            let sol = try ODESolver.solve(relaxing, y0: referenceState(clockAt: t0), t0: t0, tEnd: t0 + span, saveAt: [t0 + span], options: options)
            let relaxed = Array(sol.final)
            do {
                return try frozen.newton(from: relaxed, t: t0)
            } catch let ODEError.steadyStateNotFound(component, _, iterations) {
                let r = frozen.relativeResidual(relaxed, t: t0)
                guard r.worst < Self.relaxedResidualLimit else {
                    throw ODEError.steadyStateNotFound(component: r.component, residual: r.worst, iterations: iterations)
                }
                _ = component
                return relaxed
            }
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
        let followers = core.baselineFollowers
        let scale = compartments.map(\.compartment.scale)
        let positive = compartments.map { $0.compartment.reference > 0 }
        func residual(_ y: [Double]) -> [Double] {
            var out = derivative(y)
            for (v, x) in followers { out[x] -= out[v] / y[v] * y[x] }
            return out
        }
        // Residuals are compared relative to each state's typical size (its compartment scale).
        func relative(_ f: [Double], _ y: [Double], _ i: Int) -> Double { abs(f[i]) / scale[i] }
        func norm(_ f: [Double], _ y: [Double]) -> Double { free.map { relative(f, y, $0) }.max() ?? 0 }
        func norm2(_ f: [Double]) -> Double { free.reduce(0) { $0 + (f[$1] / scale[$1]) * (f[$1] / scale[$1]) } }

        var f = residual(y)
        var iterations = 0
        while iterations < 80 {
            if norm(f, y) < 1e-15 { return y }
            iterations += 1
            let f0 = derivative(y)
            y.withUnsafeBufferPointer { yp in
                J.withUnsafeMutableBufferPointer { jp in
                    if let a = yp.baseAddress, let b = jp.baseAddress { _ = jacobian(t: t, y: a, into: b, scratch: scratch) }
                }
            }
            // Jacobian of the modified mineral residual: J_M − (M/V)·J_V − (f_V/V)·e_M.
            for (v, x) in followers {
                for j in 0..<n { J[j * n + x] -= y[x] / y[v] * J[j * n + v] }
                J[x * n + x] -= f0[v] / y[v]
            }
            // The step is taken in log coordinates for the positive states (y = e^z, so the
            // columns are scaled by y): the model's rates are products of powers of its states,
            // nearly linear in log y, and a log step cannot leave the positive orthant. From a
            // reference far from the patient (another age, T-score or parameter set) the plain
            // step overshot and backtracking crept (10–40 iterations, measured 2026-12-01 on trial
            // patients); in log coordinates Newton converges in a few.
            let logStep = (0..<n).map { positive[$0] && y[$0] > 0 }
            var A = [Double](repeating: 0, count: m * m)
            var b = [Double](repeating: 0, count: m)
            for (cj, j) in free.enumerated() {
                let s = logStep[j] ? y[j] : 1
                for (ci, i) in free.enumerated() { A[cj * m + ci] = J[j * n + i] * s }
            }
            for (ci, i) in free.enumerated() { b[ci] = -f[i] }
            guard DenseLinearAlgebra.solve(&A, n: m, &b) else { break }
            // Damped update keeping the residual decreasing.
            var lambda = 1.0
            var accepted = false
            let current = norm2(f)
            while lambda > 1e-8 {
                var trial = y
                for (ci, i) in free.enumerated() {
                    if logStep[i] { trial[i] = y[i] * Double.exp(lambda * b[ci]) } else { trial[i] += lambda * b[ci] }
                }
                if free.allSatisfy({ trial[$0] > 0 || !positive[$0] }) {
                    let ft = residual(trial)
                    let nt = norm2(ft)
                    if nt.isFinite, nt < current || nt < 1e-30 {
                        y = trial
                        f = ft
                        accepted = true
                        break
                    }
                }
                // A full step that cannot lower a residual already at rounding level: converged.
                if lambda == 1, norm(f, y) < 1e-12 { break }
                lambda *= 0.5
            }
            if !accepted { break }
        }
        if norm(f, y) < 1e-10 { return y }
        let worst = free.max { relative(f, y, $0) < relative(f, y, $1) } ?? 0
        throw .steadyStateNotFound(component: worst, residual: relative(f, y, worst), iterations: iterations)
    }

    /// The largest relative residual of the baseline equations at `y` (drives frozen at `t`).
    func relativeResidual(_ y: [Double], t: Double) -> (worst: Double, component: Int) {
        var f = [Double](repeating: 0, count: dimension)
        y.withUnsafeBufferPointer { yp in
            f.withUnsafeMutableBufferPointer { fp in
                if let a = yp.baseAddress, let b = fp.baseAddress { evaluate(t: t, y: a, dy: b) }
            }
        }
        for (v, x) in core.baselineFollowers { f[x] -= f[v] / y[v] * y[x] }
        let c = compartments
        var worst = 0.0, at = 0
        for i in 0..<dimension where !c[i].compartment.held {
            let r = abs(f[i]) / c[i].compartment.scale
            if !(r <= worst) { worst = r; at = i }
        }
        return (worst, at)
    }
}
