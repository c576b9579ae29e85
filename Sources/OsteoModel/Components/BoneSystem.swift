import Foundation
import OsteoODE

/// The assembled model: the core plus any set of add-on components, as one ODE system.
///
/// State layout: the core's compartments first, then each component's in order. Every derived
/// property — dimension, offsets, reference state, tolerances, baseline, output columns,
/// parameter list — comes from the components' declarations. Immutable.
///
/// One evaluation: (1) the core's ``CoreSignals`` from its own state; (2) each component
/// writes its derivatives and folds its effects into one ``Effects`` (the combination rule
/// lives there); (3) the core's derivatives under those effects. All of it runs over the
/// solver's scalar, so the dual-number Jacobian is exact, including core→component (a
/// component reading the signals) and component→core (effects) terms.
public struct BoneSystem: ODESystem, Sendable {
    public let core: BoneCore
    public let components: [any ModelComponent]
    /// `offsets[i]` is the index of component i's first compartment.
    public let offsets: [Int]
    /// The order the components are evaluated in: those that read ``Mediator`` signals last, so
    /// every writer has run (state order is unchanged).
    let evaluationOrder: [Int]
    public let dimension: Int
    /// Baseline search only: the drives' clock stands still (the baseline sets it to the run's start).
    package let clockFrozen: Bool
    /// Baseline relaxation only: the matrix-volume integrators held.
    package let holdMatrix: Bool
    /// The Jacobian's sparsity, found once from the dual-number Jacobian at two probe states
    /// (see ``sparsityPattern()``), coloured so that structurally independent columns share
    /// a dual slot.
    public let coloring: JacobianColoring
    /// Scratch memory for PTH1R pulses taken at the dose, allocated once, only when a component
    /// takes them (``ModelComponent/pth1rPulse(dose:route:)``); nil otherwise.
    let pulseScratch: PulseScratch?

    public init(core: BoneCore, components: [any ModelComponent] = []) {
        self.init(core: core, components: components, clockFrozen: false, holdMatrix: false)
    }

    /// The same system with its Jacobian colouring given rather than found (finding it costs about three
    /// Jacobians): for many systems of one structure, such as a trial's patients, which differ from the one the
    /// colouring came from only in non-zero parameter values (a parameter at exactly 0 can remove a Jacobian
    /// entry, so the caller must not reuse a colouring across such a change). Its dimension must match.
    public init(core: BoneCore, components: [any ModelComponent], reusing coloring: JacobianColoring) {
        self.init(core: core, components: components, clockFrozen: false, holdMatrix: false, coloring: coloring)
    }

    init(core: BoneCore, components: [any ModelComponent], clockFrozen: Bool, holdMatrix: Bool,
         coloring: JacobianColoring? = nil) {
        self.core = core
        self.components = components
        var offsets: [Int] = []
        var n = BoneState.count
        for c in components {
            offsets.append(n)
            n += c.compartments.count
        }
        self.offsets = offsets
        self.evaluationOrder = components.indices.filter { !components[$0].readsMediators } + components.indices.filter { components[$0].readsMediators }
        self.dimension = n
        self.clockFrozen = clockFrozen
        self.holdMatrix = holdMatrix
        self.pulseScratch = components.contains { $0.pth1rPulse(dose: 1, route: .sc) != nil }
            ? PulseScratch(count: max(core.pulseScratchCount, n)) : nil
        if let coloring, coloring.dimension == n {
            self.coloring = coloring
        } else {
            let dense = BoneSystem(core: core, components: components, clockFrozen: clockFrozen,
                                   holdMatrix: holdMatrix, coloring: .dense(n))
            self.coloring = JacobianColoring(dimension: n, nonZero: dense.sparsityPattern())
        }
    }

    /// The rows each column may touch: the union of the non-zeros of the exact (dense)
    /// Jacobian at two generic probe states (every state non-zero and away from the reference,
    /// switches half on, at two times), so that no entry vanishes by accident at the probe.
    /// The composite-Jacobian test checks the coloured Jacobian against finite differences.
    func sparsityPattern() -> [[Int]] {
        let n = dimension
        var nonZero = [Set<Int>](repeating: [], count: n)
        let duals = UnsafeMutablePointer<Dual>.allocate(capacity: 2 * n)
        duals.initialize(repeating: Dual(0), count: 2 * n)
        let doubles = UnsafeMutablePointer<Double>.allocate(capacity: 2 * n)
        defer { duals.deallocate(); doubles.deallocate() }
        var J = [Double](repeating: 0, count: n * n)
        let ref = referenceState
        for (probe, t) in [(0.13, 37.0), (0.29, 911.0)] {
            var y = ref
            for i in 0..<n {
                let wobble: Double = 0.5 + Double((7 * i) % 11) / 11.0   // 0.5…1.4, fixed pseudo-random
                y[i] = ref[i] == 0 ? probe * wobble : ref[i] * (1 + probe * (wobble - 0.95))
            }
            y.withUnsafeBufferPointer { yp in
                J.withUnsafeMutableBufferPointer { jp in
                    guard let a = yp.baseAddress, let b = jp.baseAddress else { return }
                    DualJacobian.columns(dimension: n, t: t, y: a, into: b, scratch: JacobianScratch(duals: duals, doubles: doubles)) { t, y, dy in
                        evaluateDual(t: t, y: y, dy: dy)
                    }
                }
            }
            for j in 0..<n {
                for i in 0..<n where J[j * n + i] != 0 || !J[j * n + i].isFinite { nonZero[j].insert(i) }
            }
        }
        return nonZero.map { Array($0) }
    }

    /// The same system with the drives' clock standing still at its state value (and optionally
    /// the matrix held): the baseline search.
    package func frozen(holdMatrix: Bool = false) -> BoneSystem {
        BoneSystem(core: core, components: components, clockFrozen: true, holdMatrix: holdMatrix, coloring: coloring)
    }

    /// The core's time dependence (age, menopause) runs through its clock state, so the system
    /// is autonomous unless a component reads t itself.
    public var isAutonomous: Bool { !components.contains { $0.usesTime } }

    /// The Jacobian's pattern (from ``coloring``), for a sparse factorisation.
    public var jacobianPattern: [[Int]]? {
        (0..<dimension).map { j in Array(coloring.rows[coloring.rowStart[j]..<coloring.rowStart[j + 1]]) }
    }
    public var jacobianKind: JacobianKind { .dual }

    /// Index of the component with this id, or nil.
    public func componentIndex(id: String) -> Int? { components.firstIndex { $0.id == id } }

    /// Global state index of compartment `local` of component `i`.
    public func stateIndex(component i: Int, compartment local: Int) -> Int { offsets[i] + local }

    // MARK: Right-hand side

    /// The assembly, written once over the scalar; `call` is the concrete (specialised)
    /// component entry point for that scalar.
    @inline(__always)
    func assemble<S: ODEScalar>(t: S, y: UnsafePointer<S>, dy: UnsafeMutablePointer<S>,
                                call: (any ModelComponent, S, UnsafePointer<S>, UnsafeMutablePointer<S>, CoreSignals<S>, inout Effects<S>) -> Void) {
        let signals = core.signals(x: y)
        var effects = Effects<S>()
        for k in 0..<evaluationOrder.count {   // by index: iterating the array itself allocates in debug builds
            let i = evaluationOrder[k]
            let o = offsets[i]
            call(components[i], t, y + o, dy + o, signals, &effects)
        }
        core.rhs(t: t, x: y, dx: dy, effects: effects, clockRunning: !clockFrozen, holdMatrix: holdMatrix)
    }

    public func evaluate(t: Double, y: UnsafePointer<Double>, dy: UnsafeMutablePointer<Double>) {
        assemble(t: t, y: y, dy: dy) { c, t, x, dx, s, e in c.evaluate(t: t, x: x, dx: dx, core: s, effects: &e) }
    }

    func evaluateDual(t: Dual, y: UnsafePointer<Dual>, dy: UnsafeMutablePointer<Dual>) {
        assemble(t: t, y: y, dy: dy) { c, t, x, dx, s, e in c.evaluate(t: t, x: x, dx: dx, core: s, effects: &e) }
    }

    public func jacobian(t: Double, y: UnsafePointer<Double>, into J: UnsafeMutablePointer<Double>, scratch: JacobianScratch) -> Bool {
        DualJacobian.columns(coloring: coloring, t: t, y: y, into: J, scratch: scratch) { t, y, dy in evaluateDual(t: t, y: y, dy: dy) }
        return true
    }

    public func timeDerivative(t: Double, y: UnsafePointer<Double>, into dT: UnsafeMutablePointer<Double>, scratch: JacobianScratch) -> Bool {
        DualJacobian.timeDerivative(dimension: dimension, t: t, y: y, into: dT, scratch: scratch) { t, y, dy in evaluateDual(t: t, y: y, dy: dy) }
        return true
    }

    /// The tag of a component-placed dose (``DoseTarget/placedByComponent``).
    public static func doseTag(component: Int, route: Route) -> Int {
        component * Route.tagCount + route.tagIndex
    }

    public func applyJump(tag: Int, amount: Double, t: Double, y: UnsafeMutablePointer<Double>) {
        let n = Route.tagCount
        let c = tag / n, r = Route(tagIndex: tag % n)
        guard c >= 0, c < components.count else { return }
        let component = components[c]
        if let pulse = component.pth1rPulse(dose: amount, route: r), let scratch = pulseScratch {
            scratch.lock.lock()
            defer { scratch.lock.unlock() }
            let effects = combinedEffects(y: UnsafePointer(y), scratch: scratch.buffer)
            let outcome = core.applyPTH1RPulse(pulse, y: y, effects: effects, scratch: scratch.buffer)
            component.pulseTaken(outcome, dose: amount, route: r, x: y + offsets[c])
            return
        }
        component.receive(dose: amount, route: r, x: y + offsets[c], core: core.signals(x: UnsafePointer(y)))
    }

    /// The components' combined levers and inputs at state `y` (their derivatives go to
    /// `scratch`, ≥ ``dimension`` doubles, and are discarded). Allocates nothing.
    func combinedEffects(y: UnsafePointer<Double>, scratch dx: UnsafeMutablePointer<Double>) -> Effects<Double> {
        var effects = Effects<Double>()
        let signals = core.signals(x: y)
        for i in 0..<components.count {
            components[i].evaluate(t: 0, x: y + offsets[i], dx: dx + offsets[i], core: signals, effects: &effects)
        }
        return effects
    }

    // MARK: Derived layout

    /// Every compartment in state order, with its owner.
    public var compartments: [(component: String, compartment: Compartment)] {
        core.compartments.map { (core.id, $0) } + components.flatMap { c in c.compartments.map { (c.id, $0) } }
    }

    /// The reference state (core at the reference adult, components at their references).
    public var referenceState: [Double] { compartments.map(\.compartment.reference) }

    /// The reference state with the drives' clock at `day`.
    public func referenceState(clockAt day: Double) -> [Double] {
        var y = referenceState
        y[BoneState.clock.index] = day
        return y
    }

    /// Default tolerances: rtol 1e-6; each compartment's absolute tolerance (1e-9 × its scale
    /// unless it declares one).
    /// A component may loosen the core's signalling states (``ModelComponent/coreSignallingRelativeTolerance``).
    public var defaultOptions: SolverOptions {
        var o = SolverOptions(rtol: 1e-6, atol: compartments.map(\.compartment.absoluteTolerance))
        let c = compartments
        let signalling = components.compactMap(\.coreSignallingRelativeTolerance).max()
        if signalling != nil || c.contains(where: { $0.compartment.relativeTolerance != nil }) {
            var r = c.map { $0.compartment.relativeTolerance ?? 1e-6 }
            if let signalling { for s in BoneCore.signallingStates { r[s.index] = Swift.max(r[s.index], signalling) } }
            o.relativeTolerances = r
        }
        return o
    }

    /// Output columns: the core's observables, then each component's.
    public var observables: [Observable] { core.observables + components.flatMap(\.observables) }

    /// Every parameter of every part.
    public var parameterInfo: [ParameterInfo] { core.parameterInfo + components.flatMap(\.parameterInfo) }

    /// Observable values at one time from the full state `y` and the day-0 state `y0`.
    public func observe(_ y: ArraySlice<Double>, day0 y0: ArraySlice<Double>) -> [Double] {
        let b = y.startIndex, b0 = y0.startIndex
        var out = core.observe(x: y[b..<(b + BoneState.count)], day0: y0[b0..<(b0 + BoneState.count)])
        for (i, c) in components.enumerated() {
            let o = b + offsets[i]
            out += c.observe(x: y[o..<(o + c.compartments.count)])
        }
        return out
    }
}

/// Preallocated scratch for the PTH1R pulse kernel (the jump API has no workspace of its own).
/// Shared by copies of the system, so guarded by a lock; allocated once.
final class PulseScratch: @unchecked Sendable {
    let buffer: UnsafeMutablePointer<Double>
    let lock = NSLock()
    init(count: Int) {
        buffer = UnsafeMutablePointer<Double>.allocate(capacity: count)
        buffer.initialize(repeating: 0, count: count)
    }
    deinit { buffer.deallocate() }
}
