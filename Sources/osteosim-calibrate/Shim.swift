import Foundation
import OsteoModel
import OsteoODE
import OsteoPharm

// The calibration search and the issue-12 bar probes were written against the core-v2
// prototype (branch core-v2-proto, Sources/osteosim-v2-probe). This file maps the few names they
// use onto the composable model, so the same search runs against the model the library ships.

typealias BoneModelV2Parameters = BoneModelParameters

/// A lever or an additive input, as the probes name them.
enum CoreLever: CaseIterable, Sendable {
    case lever(Lever), input(CoreInput)
    static var allCases: [CoreLever] { Lever.allCases.map { .lever($0) } + CoreInput.allCases.map { .input($0) } }
    static let osteoblastCommitment = CoreLever.lever(.osteoblastCommitment)
    static let osteoblastDifferentiation = CoreLever.lever(.osteoblastDifferentiation)
    static let osteoblastApoptosis = CoreLever.lever(.osteoblastApoptosis)
    static let osteoclastApoptosis = CoreLever.lever(.osteoclastApoptosis)
    static let ranklProduction = CoreLever.lever(.ranklProduction)
    static let ranklAvailability = CoreLever.lever(.ranklAvailability)
    static let opgProduction = CoreLever.lever(.opgProduction)
    static let osteocyteApoptosis = CoreLever.lever(.osteocyteApoptosis)
    static let sostExpression = CoreLever.lever(.sostExpression)
    static let sclerostinActivity = CoreLever.lever(.sclerostinActivity)
    static let gutCalciumAbsorption = CoreLever.lever(.gutCalciumAbsorption)
    static let mechanicalLoading = CoreLever.lever(.mechanicalLoading)
    static let pthInput = CoreLever.input(.pth)
    var rawValue: String {
        switch self { case .lever(let l): l.rawValue; case .input(let i): i.rawValue }
    }
    var documentedRange: ClosedRange<Double> {
        switch self { case .lever(let l): l.documentedRange; case .input(let i): i.documentedRange }
    }
    var isAdditive: Bool { if case .input = self { true } else { false } }
}

enum LeverSchedule {
    struct Window: Sendable {
        var lever: CoreLever, value: Double, start: Double, end: Double
        init(_ lever: CoreLever, _ value: Double, from start: Double = 0, to end: Double = .infinity) {
            self.lever = lever
            self.value = value
            self.start = start
            self.end = end
        }
    }
}

/// A constant additive input over a window (probes only), switched like a perturbation.
struct InputWindows: GenericComponent {
    let windows: [(input: CoreInput, amount: Double)]
    var id: String { "probe_inputs" }
    var compartments: [Compartment] {
        windows.indices.map { Compartment("input_switch_\($0)", unit: "-", meaning: "probe input on/off", held: true) }
    }
    var parameterInfo: [ParameterInfo] { [] }
    func rhs<S: ODEScalar>(t: S, x: UnsafePointer<S>, dx: UnsafeMutablePointer<S>, core: CoreSignals<S>, effects: inout Effects<S>) {
        for i in 0..<windows.count {
            dx[i] = S(0)
            effects.add(windows[i].input, windows[i].amount * x[i])
        }
    }
}

/// Sampled outputs, as the probes read them.
struct V2Trajectory: Sendable {
    let days: [Double]
    let spinePct: [Double], hipPct: [Double], ctxPct: [Double], p1npPct: [Double]
    let calcium: [Double], pth: [Double]
    let statistics: SolverStatistics
}

/// Runs the core with the windows (levers as perturbations, inputs as switched components) and
/// optional SC PTH doses (pmol, through the PTH-input test component).
func simulate(_ params: BoneModelParameters, _ patient: PatientBaseline, days: Double, saveAt: [Double],
              windows: [LeverSchedule.Window] = [], pthDoses: [Double] = [], pthDosePmol: Double = 0) throws(ODEError) -> V2Trajectory {
    let core = BoneCore(patient: patient, parameters: params)
    var perturbations: [Perturbation] = []
    var inputs: [(CoreInput, Double, Double, Double)] = []
    for w in windows {
        switch w.lever {
        case .lever(let l): perturbations.append(Perturbation(lever: l, factor: w.value, startDay: w.start, stopDay: w.end.isFinite ? w.end : nil))
        case .input(let i): inputs.append((i, w.value, w.start, w.end))
        }
    }
    var components: [any ModelComponent] = []
    if !perturbations.isEmpty { components.append(PerturbationComponent(perturbations)) }
    if !inputs.isEmpty { components.append(InputWindows(windows: inputs.map { ($0.0, $0.1) })) }
    if !pthDoses.isEmpty { components.append(TestPTHComponent()) }
    let system = BoneSystem(core: core, components: components)
    var events: [Discontinuity] = []
    var c = 0
    if !perturbations.isEmpty {
        let pc = PerturbationComponent(perturbations)
        events += pc.switches.map { Discontinuity(time: $0.time, jumps: [.set(component: system.stateIndex(component: c, compartment: $0.compartment), value: $0.value)]) }
        c += 1
    }
    if !inputs.isEmpty {
        for (k, w) in inputs.enumerated() {
            let idx = system.stateIndex(component: c, compartment: k)
            events.append(Discontinuity(time: w.2, jumps: [.set(component: idx, value: 1)]))
            if w.3.isFinite { events.append(Discontinuity(time: w.3, jumps: [.set(component: idx, value: 0)])) }
        }
        c += 1
    }
    if !pthDoses.isEmpty {
        let depot = system.stateIndex(component: c, compartment: 0)
        events += pthDoses.filter { $0 <= days }.map { Discontinuity(time: $0, jumps: [.add(component: depot, amount: pthDosePmol)]) }
    }
    let r = try BoneProblem(system: system, durationDays: days, outputDays: saveAt, events: events).solve()
    func col(_ n: String) -> [Double] { r.column(n) ?? [] }
    let ctx = col("ctx_ng_ml"), p1np = col("p1np_ng_ml")
    return V2Trajectory(days: r.days, spinePct: col("lumbar_spine_bmd_change_pct"), hipPct: col("total_hip_bmd_change_pct"),
                        ctxPct: ctx.map { 100 * ($0 / ctx[0] - 1) }, p1npPct: p1np.map { 100 * ($0 / p1np[0] - 1) },
                        calcium: col("calcium_mmol_l"), pth: col("pth_pmol_l"), statistics: r.statistics)
}

/// The PTH-input test component's volume (pmol/L per pmol/day of continuous input).
let pthInputVolume = TestPTHComponent().parameters.volume
