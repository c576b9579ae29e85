import OsteoODE

/// A v2 model with a subcutaneous PTH depot appended (state `dimension − 1`, pmol): the depot
/// empties at `ka` into plasma PTH (`pthInput = ka·depot/V`), so a dose is a jump in the depot.
/// PK: teriparatide, apparent t½ ≈ 1 h after SC dosing (Forteo label, calibration.md D19).
public struct BoneModelV2WithPTHDepot: GenericODESystem, Sendable {
    public var core: BoneModelV2
    /// Depot absorption rate, 1/day (t½ 1 h).
    public var ka = 24 * 0.693
    /// Apparent volume, L, such that V·k_PTH ≈ teriparatide CL 62 L/h.
    public var volume = 62.0 * 24 / (24 * 100.0 / 14)
    public init(core: BoneModelV2) { self.core = core }
    public var dimension: Int { core.dimension + 1 }
    public var isAutonomous: Bool { false }
    public func rhs<S: ODEScalar>(t: S, y: UnsafePointer<S>, dy: UnsafeMutablePointer<S>) {
        var L: CoreLevers<S> = core.schedule.levers(at: t.value)
        let n = core.dimension
        let rate = ka * y[n]
        L.pthInput = L.pthInput + rate / volume
        core.rhs(t: t, y: y, dy: dy, levers: L)
        dy[n] = -1.0 * rate
    }
}

/// Sampled v2 outputs.
public struct V2Trajectory: Sendable {
    public let days: [Double]
    public let spinePct: [Double], hipPct: [Double], ctxPct: [Double], p1npPct: [Double]
    public let calcium: [Double], pth: [Double]
    public let states: [[Double]]
    public let statistics: SolverStatistics
}

public enum BoneSimulationV2 {
    public static func options(for model: BoneModelV2, extra: Int = 0) -> SolverOptions {
        SolverOptions(rtol: 1e-6, atol: model.stateScale.map { 1e-9 * $0 } + Array(repeating: 1e-3, count: extra))
    }

    /// Site BMD relative to the fully mineralised reference: mineral mass summed over the envelopes.
    public static func siteBMD(_ model: BoneModelV2, _ y: ArraySlice<Double>, hip: Bool) -> Double {
        var s = 0.0
        for e in V2Envelope.allCases where e.isHip == hip {
            s += model.k.siteShare[e.rawValue] * y[y.startIndex + e.mineral] / model.k.mineral0[e.rawValue]
        }
        return s
    }

    /// Runs `model` (levers from its schedule) from the patient's lever-free baseline.
    /// `pthDoses`: times (days) of SC PTH doses of `pthDosePmol` each.
    public static func run(_ model: BoneModelV2, days: Double, saveAt: [Double], y0 given: [Double]? = nil,
                           pthDoses: [Double] = [], pthDosePmol: Double = 0) throws(ODEError) -> V2Trajectory {
        let y0: [Double]
        if let given { y0 = given } else { y0 = try model.baselineState() }
        let switches = model.schedule.switchTimes(in: 0, days)
        let sol: ODESolution
        let n = model.dimension
        if pthDoses.isEmpty {
            sol = try ODESolver.solve(model, y0: y0, t0: 0, tEnd: days, saveAt: saveAt,
                                      discontinuities: switches.map { Discontinuity(time: $0) }, options: options(for: model))
        } else {
            let sys = BoneModelV2WithPTHDepot(core: model)
            var events = [Double: [RosenbrockIntegrator.Jump]]()
            for t in switches { events[t, default: []] += [] }
            for t in pthDoses where t <= days { events[t, default: []].append(.add(component: n, amount: pthDosePmol)) }
            var y = y0 + [0]
            var disc = [Discontinuity]()
            for (t, j) in events.sorted(by: { $0.key < $1.key }) {
                if t == 0 { for case let .add(_, a) in j { y[n] += a } } else { disc.append(Discontinuity(time: t, jumps: j)) }
            }
            sol = try ODESolver.solve(sys, y0: y, t0: 0, tEnd: days, saveAt: saveAt, discontinuities: disc,
                                      options: options(for: model, extra: 1))
        }
        let dim = sol.dimension
        var states = [[Double]]()
        for i in 0..<saveAt.count { states.append(Array(sol.values[(i * dim)..<(i * dim + n)])) }
        let ls0 = siteBMD(model, y0[...], hip: false), th0 = siteBMD(model, y0[...], hip: true)
        let oc0 = y0[V2State.osteoclasts.index]
        let p0 = y0[V2State.osteoblasts.index] + y0[V2State.modelingOsteoblasts.index]
        return V2Trajectory(
            days: saveAt,
            spinePct: states.map { 100 * (siteBMD(model, $0[...], hip: false) / ls0 - 1) },
            hipPct: states.map { 100 * (siteBMD(model, $0[...], hip: true) / th0 - 1) },
            ctxPct: states.map { 100 * ($0[V2State.osteoclasts.index] / oc0 - 1) },
            p1npPct: states.map { 100 * (($0[V2State.osteoblasts.index] + $0[V2State.modelingOsteoblasts.index]) / p0 - 1) },
            calcium: states.map { $0[V2State.calcium.index] }, pth: states.map { $0[V2State.pth.index] },
            states: states, statistics: sol.statistics)
    }
}
