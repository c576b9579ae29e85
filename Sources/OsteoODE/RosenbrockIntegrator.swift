#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stateful Rosenbrock integrator: create it once (this allocates its workspace), then call
/// ``advance(to:saveTimes:saveIndex:output:)`` between discontinuities and ``applyJump(_:)``
/// at them. Neither allocates. ``ODESolver/solve(_:y0:t0:tEnd:saveAt:discontinuities:options:)``
/// is the usual entry point; this type is for callers that drive integration themselves.
///
/// Design (after OrdinaryDiffEq.jl): the tableau is data; ``attemptStep(_:)`` computes one step
/// and its error estimate but never decides acceptance; the PI controller and the driver loop
/// are separate; dense output uses the method's own interpolant.
public final class RosenbrockIntegrator {
    public let dimension: Int
    public let tableau: RosenbrockTableau
    public let options: SolverOptions
    public internal(set) var t: Double
    public internal(set) var statistics = SolverStatistics()

    let system: any ODESystem
    let ws: Workspace
    let gamma: Double
    let beta1: Double
    let beta2: Double
    let autonomous: Bool
    var stepProposal: Double?
    /// A restart (``restart()``) cleared the proposal: the next estimate is a restart's (``SolverOptions/restartStepFactor``).
    var restartPending = false
    var errOld = 1e-4
    var lastRejected = false
    var derivativesCurrent = false   // fprev, J, dT valid at (t, uprev)

    public init(system: some ODESystem, t0: Double, y0: [Double], options: SolverOptions = SolverOptions()) throws(ODEError) {
        let n = system.dimension
        guard n > 0, y0.count == n else {
            throw .invalidInput("y0 has \(y0.count) components but the system has dimension \(n)")
        }
        if !options.adaptive {
            guard let h = options.initialStep, h > 0, h.isFinite else {
                throw .invalidInput("a fixed-step run (adaptive = false) needs a positive initialStep")
            }
        }
        guard options.relativeTolerance > 0, options.relativeTolerance.isFinite else {
            throw .invalidInput("relative tolerance must be positive, got \(options.relativeTolerance)")
        }
        guard options.restartStepFactor > 0, options.restartStepFactor <= 1 else {
            throw .invalidInput("restartStepFactor must lie in (0, 1], got \(options.restartStepFactor)")
        }
        switch options.absoluteTolerance {
        case .scalar(let v):
            guard v >= 0, v.isFinite else { throw .invalidInput("absolute tolerance must be >= 0, got \(v)") }
        case .perComponent(let vs):
            guard vs.count == n else { throw .invalidInput("absolute tolerance has \(vs.count) components, expected \(n)") }
            guard vs.allSatisfy({ $0 >= 0 && $0.isFinite }) else { throw .invalidInput("absolute tolerances must be >= 0") }
        }
        if let bad = y0.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteState(t: t0, component: bad) }
        self.dimension = n
        self.system = system
        self.options = options
        self.tableau = options.method.tableau
        self.t = t0
        if let r = options.relativeTolerances {
            guard r.count == n, r.allSatisfy({ $0 > 0 && $0.isFinite }) else {
                throw .invalidInput("per-component relative tolerances: \(r.count) given for \(n) components, each must be positive")
            }
        }
        var plan: SparseLUPlan?
        switch options.linearSolver {
        case .dense: plan = nil
        case .sparse: plan = system.jacobianPattern.map { SparseLUPlan(dimension: n, pattern: $0) }
        case .sparsePlan(let p):
            guard p.dimension == n else { throw .invalidInput("the sparse LU plan has dimension \(p.dimension); the system has \(n)") }
            plan = p
        }
        self.ws = Workspace(n: n, tableau: tableau, atol: options.absoluteTolerance, rtol: options.relativeTolerance, rtols: options.relativeTolerances,
                            sparse: plan)
        self.gamma = tableau.gamma
        let k = Double(tableau.embeddedOrder + 1)
        self.beta1 = options.controllerExponents?.beta1 ?? 0.7 / k
        self.beta2 = options.controllerExponents?.beta2 ?? 0.4 / k
        self.autonomous = system.isAutonomous
        for i in 0..<n { ws.uprev[i] = y0[i] }
        stepProposal = options.initialStep
    }

    /// The current state (allocates a new array; not for use inside hot loops).
    public var state: [Double] { Array(UnsafeBufferPointer(start: ws.uprev, count: dimension)) }

    /// Reads component `i` of the current state.
    public func component(_ i: Int) -> Double { ws.uprev[i] }

    /// A jump in the state at the current time (a dose); the next step restarts the method.
    public enum Jump: Sendable, Equatable {
        case add(component: Int, amount: Double)
        case set(component: Int, value: Double)
        case scale(component: Int, factor: Double)
        /// A jump the system applies itself (``ODESystem/applyJump(tag:amount:t:y:)``), for doses
        /// whose effect on the state depends on the state (e.g. a drug that partitions at once
        /// between bone and urine according to current bone formation).
        case system(tag: Int, amount: Double)
    }

    public func applyJump(_ jump: Jump) {
        switch jump {
        case let .add(i, x): ws.uprev[i] += x
        case let .set(i, x): ws.uprev[i] = x
        case let .scale(i, f): ws.uprev[i] *= f
        case let .system(tag, amount): system.applyJump(tag: tag, amount: amount, t: t, y: ws.uprev)
        }
        restart()
    }

    /// Forget the step history (after a discontinuity in f or a state jump).
    public func restart() {
        derivativesCurrent = false
        errOld = 1e-4
        lastRejected = false
        if options.restartStep == .estimate { stepProposal = nil; restartPending = true }
    }

    /// Integrates from the current time to `tEnd` exactly, writing the state at every save time
    /// `saveTimes[saveIndex...]` that is < `tEnd` (by dense output) into `output` (row-major,
    /// `dimension` values per save time) and advancing `saveIndex`. Save times equal to `tEnd` are
    /// left for the caller, so that they can be written after any jump at `tEnd`.
    public func advance(to tEnd: Double, saveTimes: UnsafeBufferPointer<Double>, saveIndex: inout Int,
                        output: UnsafeMutablePointer<Double>) throws(ODEError) {
        let n = dimension
        guard tEnd > t else {
            if tEnd == t { return }
            throw .invalidInput("cannot integrate backwards from t = \(t) to \(tEnd)")
        }
        if stepProposal == nil {
            stepProposal = startingStep(tEnd: tEnd) * (restartPending ? options.restartStepFactor : 1)
            restartPending = false
        }
        // The step loop works on locals (no class-property access, so no dynamic exclusivity
        // checks or reference counting per step) and writes them back on every exit.
        var t = self.t
        var proposal = stepProposal ?? (tEnd - t)
        var errOld = self.errOld
        var lastRejected = self.lastRejected
        var current = derivativesCurrent
        var stats = statistics
        defer {
            self.t = t
            self.stepProposal = proposal
            self.errOld = errOld
            self.lastRejected = lastRejected
            self.derivativesCurrent = current
            self.statistics = stats
        }
        let opts = options
        let adaptive = opts.adaptive
        let fixedStep = opts.initialStep ?? 0
        let maxStep = opts.maxStep, maxSteps = opts.maxSteps
        let safety = opts.safety, invMinRatio = 1 / opts.minRatio, invMaxRatio = 1 / opts.maxRatio
        let beta1 = self.beta1, beta2 = self.beta2
        while t < tEnd {
            if stats.steps + stats.rejectedSteps >= maxSteps {
                throw .tooManySteps(t: t, maxSteps: maxSteps)
            }
            var h = Swift.min(proposal, maxStep)
            let unclipped = h
            var reachesEnd = false
            if t + h >= tEnd || tEnd - (t + h) < 0.01 * h {
                h = tEnd - t
                reachesEnd = true
            }
            if !current {
                try computeDerivatives(t: t, stats: &stats)
                current = true
            }
            var outcome = attemptStep(t: t, h: h, stats: &stats)
            if !adaptive, case .rejected(let norm, _) = outcome { outcome = .accepted(norm) }
            let minStep = Swift.max(16 * abs(t).ulp, Double.leastNormalMagnitude)
            switch outcome {
            case .accepted(let errNorm):
                let tNew = reachesEnd ? tEnd : t + h
                // Dense output for the save times inside this step.
                var computedDense = false
                while saveIndex < saveTimes.count, saveTimes[saveIndex] < tEnd, saveTimes[saveIndex] <= tNew {
                    if !computedDense { buildDense(t: t, h: h, stats: &stats); computedDense = true }
                    let theta = (saveTimes[saveIndex] - t) / h
                    interpolate(theta: theta, h: h, into: output + saveIndex * n)
                    saveIndex += 1
                }
                t = tNew
                ws.swapSolution()
                current = false
                stats.steps += 1
                // PI controller (Gustafsson 1991, as in Hairer & Wanner II, IV.2).
                let q11 = Double.pow(Swift.max(errNorm, 1e-16), beta1)
                var q = q11 / Double.pow(errOld, beta2) / safety
                q = Swift.min(invMinRatio, Swift.max(invMaxRatio, q))
                var hNew = h / q
                if lastRejected { hNew = Swift.min(hNew, h) }
                // A step shortened to land on a stop (a dose, the end) says little about the step
                // the solution allows: keep the step that was proposed before shortening
                // (as OrdinaryDiffEq does after a tstop), unless the error asks for less.
                if reachesEnd && h < unclipped && !lastRejected { hNew = Swift.max(hNew, unclipped) }
                proposal = adaptive ? hNew : fixedStep
                errOld = Swift.max(errNorm, 1e-4)
                lastRejected = false
            case .rejected(let errNorm, let worst):
                stats.rejectedSteps += 1
                let q11 = Double.pow(errNorm, beta1)
                let hNew = h / Swift.min(invMinRatio, q11 / safety)
                proposal = hNew
                lastRejected = true
                if hNew < minStep { throw .stepSizeUnderflow(t: t, stepSize: hNew, component: worst) }
            case .nonFinite(let component):
                stats.rejectedSteps += 1
                let hNew = h * opts.minRatio
                proposal = hNew
                lastRejected = true
                if hNew < minStep { throw .nonFiniteState(t: t, component: component) }
            case .singular(let column):
                stats.rejectedSteps += 1
                let hNew = h * 0.5
                proposal = hNew
                lastRejected = true
                if hNew < minStep { throw .singularMatrix(t: t, component: column) }
            }
        }
    }

    enum StepOutcome {
        case accepted(Double)
        case rejected(Double, Int)
        case nonFinite(Int)
        case singular(Int)
    }

    /// f(t, uprev), the Jacobian and ∂f/∂t at the current accepted point.
    func computeDerivatives(t: Double, stats: inout SolverStatistics) throws(ODEError) {
        let n = dimension
        let ws = self.ws
        system.evaluate(t: t, y: ws.uprev, dy: ws.fprev)
        stats.rhsEvaluations += 1
        for i in 0..<n where !ws.fprev[i].isFinite { throw .nonFiniteDerivative(t: t, component: i) }
        if system.jacobian(t: t, y: ws.uprev, into: ws.J, scratch: ws.scratch) {
            stats.jacobianEvaluations += 1
        } else {
            finiteDifferenceJacobian(t: t, stats: &stats)
        }
        if autonomous {
            for i in 0..<n { ws.dT[i] = 0 }
        } else if !system.timeDerivative(t: t, y: ws.uprev, into: ws.dT, scratch: ws.scratch) {
            let dt = Double.ulpOfOne.squareRoot() * Swift.max(1, abs(t))
            system.evaluate(t: t + dt, y: ws.uprev, dy: ws.ftmp)
            stats.rhsEvaluations += 1
            for i in 0..<n { ws.dT[i] = (ws.ftmp[i] - ws.fprev[i]) / dt }
        }
    }

    func finiteDifferenceJacobian(t: Double, stats: inout SolverStatistics) {
        let n = dimension
        let u = ws.uprev
        for j in 0..<n {
            let saved = u[j]
            let delta = Double.ulpOfOne.squareRoot() * Swift.max(abs(saved), ws.atol[j] > 0 ? ws.atol[j] : 1e-8, 1e-8)
            u[j] = saved + delta
            system.evaluate(t: t, y: u, dy: ws.ftmp)
            u[j] = saved
            let col = ws.J + j * n
            for i in 0..<n { col[i] = (ws.ftmp[i] - ws.fprev[i]) / delta }
        }
        stats.rhsEvaluations += n
        stats.jacobianEvaluations += 1
    }

    /// One Rosenbrock step of size h from (t, uprev) into unew; returns the scaled error norm.
    /// Computes; never decides acceptance.
    func attemptStep(t: Double, h: Double, stats: inout SolverStatistics) -> StepOutcome {
        let n = dimension
        let ws = self.ws
        let s = ws.stages
        let W = ws.W, J = ws.J, pivots = ws.pivots
        let A = ws.a, C = ws.C, cNodes = ws.c, dCoef = ws.d, mCoef = ws.m, eCoef = ws.e
        let fprev = ws.fprev, dT = ws.dT, atol = ws.atol
        let system = self.system
        let autonomous = self.autonomous
        // W = I/(hγ) − J, factorised.
        let diag = 1 / (h * gamma)
        var sparse = ws.sparse
        if let kernel = sparse {
            kernel.assemble(W, J, diag)   // only the entries the sparse factorisation reads
        } else {
            for idx in 0..<(n * n) { W[idx] = -J[idx] }
            for i in 0..<n { W[i * n + i] += diag }
        }
        stats.luDecompositions += 1
        if let kernel = sparse, kernel.factor(W) != nil {
            // A pivot failed its check: this step factorises densely, with partial pivoting.
            stats.sparseFallbacks += 1
            sparse = nil
            for idx in 0..<(n * n) { W[idx] = -J[idx] }
            for i in 0..<n { W[i * n + i] += diag }
        }
        if sparse == nil, let col = DenseLU.factor(W, n: n, pivots: pivots) { return .singular(col) }
        let uprev = ws.uprev
        let U = ws.stage
        let r = ws.rhs
        let k = ws.k
        let invH = 1 / h
        var rhsCount = 0
        let fsaved = ws.ftmp  // f of a stage that the next stage reuses
        let csum = ws.err   // scratch: Σ_j (C_ij/h) k_j of the current stage (err is rebuilt below)
        for i in 0..<s {
            let ki = k + i * n
            let arow = A + i * s, crow = C + i * s
            let reuse = i == 0 || ws.reusesFirstF[i]
            // One pass over the components builds both the stage argument and the C-sum.
            for q in 0..<n {
                var u = uprev[q]
                var c = 0.0
                var kq = k + q
                for j in 0..<i {
                    let kjq = kq.pointee
                    u += arow[j] * kjq
                    c += crow[j] * kjq
                    kq += n
                }
                U[q] = u
                csum[q] = c * invH
            }
            if reuse {
                for q in 0..<n { r[q] = fprev[q] }
            } else if ws.reusesPreviousF[i] {
                for q in 0..<n { r[q] = fsaved[q] }
            } else {
                system.evaluate(t: t + cNodes[i] * h, y: U, dy: r)
                rhsCount += 1
                // A stage that left the domain (a state overshooting below zero under a power) makes the
                // step non-finite whatever follows: stop here rather than run the remaining stages (same
                // outcome and step-size reduction, less work). 0·x is NaN exactly when x is NaN or ±∞.
                var probe = 0.0
                for q in 0..<n { probe += 0 * r[q] }
                if !probe.isFinite {
                    stats.rhsEvaluations += rhsCount
                    var q = 0
                    while q < n && r[q].isFinite { q += 1 }
                    return .nonFinite(q < n ? q : 0)
                }
            }
            if i + 1 < s, ws.reusesPreviousF[i + 1] { for q in 0..<n { fsaved[q] = r[q] } }
            if autonomous {
                for q in 0..<n { r[q] += csum[q] }
            } else {
                let hd = h * dCoef[i]
                for q in 0..<n { r[q] += csum[q] + hd * dT[q] }
            }
            if let kernel = sparse { kernel.solve(W, r) } else { DenseLU.solve(W, n: n, pivots: pivots, r) }
            for q in 0..<n { ki[q] = r[q] }
        }
        stats.rhsEvaluations += rhsCount
        stats.linearSolves += s
        // Solution and error estimate.
        let unew = ws.unew
        let err = ws.err
        for q in 0..<n {
            var u = uprev[q]
            var e = 0.0
            var kq = k + q
            for j in 0..<s {
                let kjq = kq.pointee
                u += mCoef[j] * kjq
                e += eCoef[j] * kjq
                kq += n
            }
            unew[q] = u
            err[q] = e
        }
        var sum = 0.0
        var worst = 0
        var worstValue = -1.0
        let rtol = ws.rtol
        for q in 0..<n {
            if !unew[q].isFinite { return .nonFinite(q) }
            let sc = atol[q] + rtol[q] * Swift.max(abs(uprev[q]), abs(unew[q]))
            let ratio = err[q] / sc
            let r2 = ratio * ratio
            if r2 > worstValue { worstValue = r2; worst = q }
            sum += r2
        }
        let norm = (sum / Double(n)).squareRoot()
        guard norm.isFinite else { return .nonFinite(worst) }
        return norm <= 1 ? .accepted(norm) : .rejected(norm, worst)
    }

    /// h_r = Σ_j H[r][j] k_j for the step just taken; for a method without its own dense output,
    /// f(t + h, y_{n+1}) for the cubic Hermite interpolant.
    func buildDense(t: Double, h: Double, stats: inout SolverStatistics) {
        let n = dimension, s = ws.stages
        if ws.denseRows == 0 {
            system.evaluate(t: t + h, y: ws.unew, dy: ws.dense)
            stats.rhsEvaluations += 1
            return
        }
        for rIdx in 0..<ws.denseRows {
            let hr = ws.dense + rIdx * n
            for q in 0..<n { hr[q] = 0 }
            for j in 0..<s {
                let coef = ws.H[rIdx * s + j]
                if coef != 0 { let kj = ws.k + j * n; for q in 0..<n { hr[q] += coef * kj[q] } }
            }
        }
    }

    /// y(θ) = (1−θ) y_n + θ (y_{n+1} + (1−θ)(h_0 + θ h_1 + θ² h_2 …)) for the step just taken
    /// (before the solution buffers are swapped).
    func interpolate(theta: Double, h: Double, into out: UnsafeMutablePointer<Double>) {
        let n = dimension
        let rows = ws.denseRows
        if rows == 0 {
            // Cubic Hermite: y0, h·f0, y1, h·f1 (f1 in ws.dense).
            let t2 = theta * theta, t3 = t2 * theta
            let h00 = 2 * t3 - 3 * t2 + 1, h10 = t3 - 2 * t2 + theta, h01 = -2 * t3 + 3 * t2, h11 = t3 - t2
            for q in 0..<n {
                out[q] = h00 * ws.uprev[q] + h10 * h * ws.fprev[q] + h01 * ws.unew[q] + h11 * h * ws.dense[q]
            }
            return
        }
        let oneMinus = 1 - theta
        for q in 0..<n {
            var poly = 0.0
            var rIdx = rows - 1
            while rIdx >= 0 { poly = poly * theta + ws.dense[rIdx * n + q]; rIdx -= 1 }
            out[q] = oneMinus * ws.uprev[q] + theta * (ws.unew[q] + oneMinus * poly)
        }
    }

    /// Hairer & Wanner's starting step (Solving ODEs I, II.4, algorithm "HINIT").
    func startingStep(tEnd: Double) -> Double {
        let n = dimension
        let span = tEnd - t
        let y0 = ws.uprev
        let f0 = ws.ftmp
        let f1 = ws.ftmp + n
        system.evaluate(t: t, y: y0, dy: f0)
        statistics.rhsEvaluations += 1
        var d0 = 0.0, d1 = 0.0
        for i in 0..<n {
            let sk = ws.atol[i] + ws.rtol[i] * abs(y0[i])
            let sc = sk > 0 ? sk : 1e-16
            d0 += (y0[i] / sc) * (y0[i] / sc)
            d1 += (f0[i] / sc) * (f0[i] / sc)
        }
        d0 = (d0 / Double(n)).squareRoot()
        d1 = (d1 / Double(n)).squareRoot()
        var h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1
        if !h0.isFinite { h0 = 1e-6 }
        h0 = Swift.min(h0, span)
        // Explicit Euler probe, written into the stage buffer.
        for i in 0..<n { ws.stage[i] = y0[i] + h0 * f0[i] }
        system.evaluate(t: t + h0, y: ws.stage, dy: f1)
        statistics.rhsEvaluations += 1
        var d2 = 0.0
        for i in 0..<n {
            let sk = ws.atol[i] + ws.rtol[i] * abs(y0[i])
            let sc = sk > 0 ? sk : 1e-16
            let v = (f1[i] - f0[i]) / sc
            d2 += v * v
        }
        d2 = (d2 / Double(n)).squareRoot() / h0
        let dmax = Swift.max(d1, d2)
        let h1: Double
        if dmax <= 1e-15 || !dmax.isFinite {
            h1 = Swift.max(1e-6, h0 * 1e-3)
        } else {
            h1 = Double.pow(0.01 / dmax, 1 / Double(tableau.order + 1))
        }
        return Swift.min(Swift.min(100 * h0, h1), Swift.min(span, options.maxStep))   // no variadic min: it allocates (restarts call this in the step loop)
    }
}
