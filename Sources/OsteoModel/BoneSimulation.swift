import OsteoODE

public enum Sex: String, Sendable, Codable, CaseIterable {
    case female, male
}

/// Who is simulated: the baseline the model is put at steady state for.
public struct PatientBaseline: Sendable, Equatable {
    public var sex: Sex
    /// Age at the start of the simulation, years.
    public var age: Double
    /// Postmenopausal at the start (women only).
    public var menopausal: Bool
    /// Years since the final menstrual period at the start (women; nil = derived from age, menopause at 51).
    public var yearsSinceMenopause: Double?

    public init(sex: Sex, age: Double, menopausal: Bool? = nil, yearsSinceMenopause: Double? = nil) {
        self.sex = sex
        self.age = age
        self.menopausal = sex == .female ? (menopausal ?? (age >= 51)) : false
        self.yearsSinceMenopause = yearsSinceMenopause
    }
}

/// Trajectories sampled at the output days, as named columns in a fixed order.
public struct BoneSimulationResult: Sendable {
    public let days: [Double]
    /// Column names in output order; the first four are always
    /// `lumbar_spine_bmd_change_pct, total_hip_bmd_change_pct, ctx_change_pct, p1np_change_pct`.
    public let columnNames: [String]
    /// `columns[i]` holds the values of `columnNames[i]` at each day.
    public let columns: [[Double]]
    public let statistics: SolverStatistics

    public init(days: [Double], columnNames: [String], columns: [[Double]], statistics: SolverStatistics) {
        self.days = days
        self.columnNames = columnNames
        self.columns = columns
        self.statistics = statistics
    }

    public func column(_ name: String) -> [Double]? {
        columnNames.firstIndex(of: name).map { columns[$0] }
    }
}

/// A compiled simulation problem: the assembled system, the scheduled events (doses, switches)
/// and the output days. Day 0 is the baseline of every "change" output; when an exposure began
/// before day 0, the run starts at `startDay` < 0 from the patient's unperturbed state then, so
/// day 0 is the state that exposure produced.
public struct BoneProblem: Sendable {
    public let system: BoneSystem
    /// Start of the run (≤ 0): the unperturbed baseline is taken here.
    public let startDay: Double
    public let durationDays: Double
    /// Output days in [0, durationDays], sorted (day 0 is added if missing).
    public let outputDays: [Double]
    public let events: [Discontinuity]
    public let options: SolverOptions

    public init(system: BoneSystem, startDay: Double = 0, durationDays: Double, outputDays: [Double],
                events: [Discontinuity] = [], options: SolverOptions? = nil) {
        self.system = system
        self.startDay = min(startDay, 0)
        self.durationDays = durationDays
        self.outputDays = Array(Set(outputDays + [0])).sorted()
        self.events = events
        self.options = options ?? system.defaultOptions
    }

    /// Baseline, integration between events, sampling, observables.
    public func solve() throws(ODEError) -> BoneSimulationResult {
        let y0 = try system.baselineState(at: startDay)
        // Day 0, the reference of every "change" column, is the state just *before* any dose at
        // day 0 (a PTH1R pulse moves core states at the dose): the baseline itself, or after a
        // run-in the state at day 0 — an instant before it (1e-7 days) when a dose placed by a
        // component falls on day 0.
        let placedAtZero = events.contains { e in
            e.time == 0 && e.jumps.contains { if case .system = $0 { return true } else { return false } }
        }
        let runIn = startDay < -1e-6 && placedAtZero
        let sol = try ODESolver.solve(system, y0: y0, t0: startDay, tEnd: durationDays, saveAt: (runIn ? [-1e-7] : []) + outputDays,
                                      discontinuities: events, options: options)
        let first = runIn ? 1 : 0
        let day0 = startDay < -1e-6 ? sol.state(at: 0) : y0[...]
        let rows = (first..<sol.times.count).map { system.observe(sol.state(at: $0), day0: day0) }
        let names = system.observables.map(\.name)
        let columns = names.indices.map { c in rows.map { $0[c] } }
        return BoneSimulationResult(days: Array(sol.times[first...]), columnNames: names, columns: columns, statistics: sol.statistics)
    }
}

/// Entry point for the untreated course and for direct mechanism perturbations.
public enum BoneSimulation {
    /// The core's output columns, in order.
    public static var columnNames: [String] { BoneCore(patient: PatientBaseline(sex: .male, age: 40)).observables.map(\.name) }

    public static func run(patient: PatientBaseline, durationDays: Double, outputDays: [Double],
                           parameters: BoneModelParameters = BoneModelParameters(),
                           perturbations: [Perturbation] = [],
                           options: SolverOptions? = nil) throws(ODEError) -> BoneSimulationResult {
        let core = BoneCore(patient: patient, parameters: parameters)
        guard !perturbations.isEmpty else {
            return try BoneProblem(system: BoneSystem(core: core), durationDays: durationDays, outputDays: outputDays, options: options).solve()
        }
        let component = PerturbationComponent(perturbations)
        let system = BoneSystem(core: core, components: [component])
        let events = component.switches.map {
            Discontinuity(time: $0.time, jumps: [.set(component: system.stateIndex(component: 0, compartment: $0.compartment), value: $0.value)])
        }
        let start = min(0, perturbations.map(\.startDay).min() ?? 0)
        return try BoneProblem(system: system, startDay: start, durationDays: durationDays, outputDays: outputDays,
                               events: events, options: options).solve()
    }
}
