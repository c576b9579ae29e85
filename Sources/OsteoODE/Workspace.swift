/// All memory one integration needs, allocated once when the integrator is created and freed
/// when it goes away. This is the only type in OsteoODE that manages raw memory; the step loop
/// works on these buffers and never allocates.
@usableFromInline final class Workspace {
    let n: Int
    let stages: Int
    let denseRows: Int
    // n-vectors
    var uprev: UnsafeMutablePointer<Double>
    var unew: UnsafeMutablePointer<Double>
    let fprev: UnsafeMutablePointer<Double>   // f(t, uprev)
    let stage: UnsafeMutablePointer<Double>   // stage argument U_i
    let rhs: UnsafeMutablePointer<Double>     // stage right-hand side, then k_i
    let dT: UnsafeMutablePointer<Double>      // ∂f/∂t
    let err: UnsafeMutablePointer<Double>     // error estimate
    let atol: UnsafeMutablePointer<Double>
    let rtol: UnsafeMutablePointer<Double>
    let ftmp: UnsafeMutablePointer<Double>    // finite-difference and start-step scratch
    // stacks
    let k: UnsafeMutablePointer<Double>       // stages × n
    let dense: UnsafeMutablePointer<Double>   // denseRows × n
    let J: UnsafeMutablePointer<Double>       // n × n, column-major
    let W: UnsafeMutablePointer<Double>       // n × n, LU factors of I/(hγ) − J
    let pivots: UnsafeMutablePointer<Int>
    // tableau, flattened row-major s×s
    let a: UnsafeMutablePointer<Double>
    let C: UnsafeMutablePointer<Double>
    let c: UnsafeMutablePointer<Double>
    let d: UnsafeMutablePointer<Double>
    let m: UnsafeMutablePointer<Double>
    let e: UnsafeMutablePointer<Double>
    let H: UnsafeMutablePointer<Double>       // denseRows × s
    /// Stage i evaluates f at (t, y_n) again (all a_ij = 0 and c_i = 0): reuse f(t, y_n).
    let reusesFirstF: [Bool]
    /// Stage i evaluates f where stage i−1 did (same a row and node): reuse that value.
    let reusesPreviousF: [Bool]
    /// The static sparse LU of W, when the options ask for it and the system has a pattern.
    let sparse: SparseLUKernel?
    // Jacobian scratch lent to systems
    let dualScratch: UnsafeMutablePointer<Dual>
    let doubleScratch: UnsafeMutablePointer<Double>

    init(n: Int, tableau tb: RosenbrockTableau, atol: AbsoluteTolerance, rtol: Double, rtols: [Double]?, sparse: SparseLUPlan? = nil) {
        self.n = n
        self.sparse = sparse.map(SparseLUKernel.init)
        let s = tb.stages
        self.stages = s
        self.denseRows = tb.H.count
        func vec(_ count: Int) -> UnsafeMutablePointer<Double> {
            let p = UnsafeMutablePointer<Double>.allocate(capacity: max(count, 1))
            p.initialize(repeating: 0, count: max(count, 1))
            return p
        }
        uprev = vec(n); unew = vec(n); fprev = vec(n); stage = vec(n); rhs = vec(n)
        dT = vec(n); err = vec(n); self.atol = vec(n); self.rtol = vec(n); ftmp = vec(2 * n)
        k = vec(s * n); dense = vec(max(1, tb.H.count) * n)
        J = vec(n * n); W = vec(n * n)
        pivots = UnsafeMutablePointer<Int>.allocate(capacity: max(n, 1))
        pivots.initialize(repeating: 0, count: max(n, 1))
        a = vec(s * s); C = vec(s * s); c = vec(s); d = vec(s); m = vec(s); e = vec(s)
        H = vec(max(1, tb.H.count) * s)
        for i in 0..<s {
            c[i] = tb.c[i]; d[i] = tb.d[i]; m[i] = tb.m[i]; e[i] = tb.e[i]
            for j in 0..<i {
                a[i * s + j] = tb.a[i][j]
                C[i * s + j] = tb.C[i][j]
            }
        }
        for r in 0..<tb.H.count { for j in 0..<s { H[r * s + j] = tb.H[r][j] } }
        var first = [Bool](repeating: false, count: s)
        var previous = [Bool](repeating: false, count: s)
        for i in 0..<s {
            let zeroRow: Bool = tb.a[i].allSatisfy { $0 == 0 }
            first[i] = tb.c[i] == 0 && zeroRow
            if i >= 2 && !first[i] {
                let sameRow: Bool = tb.a[i] == tb.a[i - 1]
                previous[i] = sameRow && tb.c[i] == tb.c[i - 1]
            }
        }
        reusesFirstF = first
        reusesPreviousF = previous
        dualScratch = UnsafeMutablePointer<Dual>.allocate(capacity: max(2 * n, 1))
        dualScratch.initialize(repeating: Dual(0), count: max(2 * n, 1))
        doubleScratch = vec(2 * n)
        switch atol {
        case .scalar(let v): for i in 0..<n { self.atol[i] = v }
        case .perComponent(let vs): for i in 0..<n { self.atol[i] = vs[i] }
        }
        for i in 0..<n { self.rtol[i] = rtols.map { $0[i] } ?? rtol }
    }

    var scratch: JacobianScratch { JacobianScratch(duals: dualScratch, doubles: doubleScratch) }

    func swapSolution() { swap(&uprev, &unew) }

    deinit {
        for p in [uprev, unew, fprev, stage, rhs, dT, err, atol, rtol, ftmp, k, dense, J, W, a, C, c, d, m, e, H, doubleScratch] {
            p.deallocate()
        }
        pivots.deallocate()
        dualScratch.deallocate()
    }
}
