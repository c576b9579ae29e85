import OsteoODE

/// The one finite-difference check of an exact Jacobian that every test uses.
public enum FiniteDifference {
    /// Central-difference Jacobian, column-major `J[col * n + row]`; step `rel·max(|y_j|, floor)`
    /// unless `step` gives it. Columns in `backward` use a backward difference (to stay on the
    /// branch a model evaluates when a switch sits exactly at y).
    public static func jacobian(_ s: any ODESystem, t: Double, y: [Double], relativeStep: Double = 1e-6, floor: Double = 1e-6,
                                step: ((Int, Double) -> Double)? = nil, backward: Set<Int> = []) -> [Double] {
        let n = s.dimension
        var J = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            let h = step?(j, y[j]) ?? relativeStep * max(abs(y[j]), floor)
            var yp = y, ym = y
            let back = backward.contains(j)
            if !back { yp[j] += h }
            ym[j] -= h
            let fp = evaluate(s, t: t, y: yp), fm = evaluate(s, t: t, y: ym)
            for i in 0..<n { J[j * n + i] = (fp[i] - fm[i]) / (back ? h : 2 * h) }
        }
        return J
    }

    /// f(t, y) as an array.
    public static func evaluate(_ s: any ODESystem, t: Double, y: [Double]) -> [Double] {
        var f = [Double](repeating: 0, count: s.dimension)
        y.withUnsafeBufferPointer { yp in
            f.withUnsafeMutableBufferPointer { fp in
                if let a = yp.baseAddress, let b = fp.baseAddress { s.evaluate(t: t, y: a, dy: b) }
            }
        }
        return f
    }

    /// The system's own Jacobian (nil if it provides none).
    public static func exact(_ s: any ODESystem, t: Double, y: [Double]) -> [Double]? {
        let n = s.dimension
        var J = [Double](repeating: 0, count: n * n)
        let duals = UnsafeMutablePointer<Dual>.allocate(capacity: 2 * n)
        duals.initialize(repeating: Dual(0), count: 2 * n)
        let doubles = UnsafeMutablePointer<Double>.allocate(capacity: 2 * n)
        defer { duals.deallocate(); doubles.deallocate() }
        var ok = false
        y.withUnsafeBufferPointer { yp in
            J.withUnsafeMutableBufferPointer { jp in
                if let a = yp.baseAddress, let b = jp.baseAddress {
                    ok = s.jacobian(t: t, y: a, into: b, scratch: JacobianScratch(duals: duals, doubles: doubles))
                }
            }
        }
        return ok ? J : nil
    }

    /// Largest mismatch between the exact and the central-difference Jacobian, each entry
    /// relative to max(|fd|, |exact|, `absoluteFloor`). Central differences are accurate to
    /// ~1e-7 relative for smooth functions, so a correct Jacobian gives well under 1e-5.
    /// `scales`: a typical magnitude per state (the step is 1e-6 × max(|y_j|, scale_j)), for
    /// states that sit at 0 but vary on a large scale (a clock in days).
    public static func worstMismatch(_ s: any ODESystem, t: Double, y: [Double], absoluteFloor: Double = 1e-8,
                                     scales: [Double]? = nil) -> Double {
        guard let J = exact(s, t: t, y: y) else { return .infinity }
        let fd: [Double]
        if let scales {
            fd = jacobian(s, t: t, y: y, step: { j, v in 1e-6 * max(abs(v), scales[j], 1e-6) })
        } else {
            fd = jacobian(s, t: t, y: y)
        }
        var worst = 0.0
        for k in J.indices {
            let scale = max(abs(fd[k]), abs(J[k]), absoluteFloor)
            worst = max(worst, abs(fd[k] - J[k]) / scale)
        }
        return worst
    }
}
