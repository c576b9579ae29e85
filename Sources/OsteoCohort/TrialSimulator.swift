import Foundation
import OsteoModel
import OsteoODE
import OsteoSim

/// What one patient's simulation gave: the values of the trial's columns at each output time (nil where the arm
/// has no such column), or the reason it failed. Never silently dropped.
public struct PatientOutcome: Sendable {
    public var patient: VirtualPatient
    /// `values[t][c]`: column c at output time t; empty when the simulation failed.
    public var values: [[Double?]]
    public var failure: String?
    public var steps: Int
    public var rejectedSteps: Int
}

/// Simulates trial patients: the arm's scenario with the patient's covariates and parameter values, compiled and
/// solved with the trial's tolerances, sampled at the trial's output times only.
public struct TrialSimulator: Sendable {
    /// How trial patients are solved (the file sets the tolerance scale; the rest is fixed, and the benchmarks
    /// vary it).
    public struct Settings: Sendable, Equatable {
        public var toleranceScale: Double
        /// Static sparse LU of the Rosenbrock matrix (same results to rounding as the dense LU; faster).
        public var sparseLinearAlgebra: Bool
        /// A new starting step after each dose or switch (instead of the step before it), at half Hairer &
        /// Wanner's estimate.
        public var estimateRestartStep: Bool
        /// The elementary step-size controller h_new = h · err^(−1/(q+1)) (Hairer & Wanner I, II.4) instead of
        /// `simulate`'s PI controller, whose memory term slows the regrowth of the step after each dose.
        public var elementaryController: Bool
        public var method: RosenbrockMethod
        public init(toleranceScale: Double, sparseLinearAlgebra: Bool = true, estimateRestartStep: Bool = true,
                    elementaryController: Bool = true, method: RosenbrockMethod = .rodas5P) {
            self.toleranceScale = toleranceScale
            self.sparseLinearAlgebra = sparseLinearAlgebra
            self.estimateRestartStep = estimateRestartStep
            self.elementaryController = elementaryController
            self.method = method
        }
        /// `osteosim simulate`'s solver: its tolerances, dense LU, PI controller, Rodas5P.
        public static let simulate = Settings(toleranceScale: 1, sparseLinearAlgebra: false, estimateRestartStep: false, elementaryController: false)
    }
    public let trial: Trial
    public let settings: Settings
    /// What a patient's Jacobian structure depends on besides the arm: sex and menopausal status switch
    /// drives on or off. Everything else a patient varies (age, T-scores, eGFR, parameters under log-normal
    /// variability) changes non-zero values only, so the pattern stays.
    struct StructureKey: Hashable, Sendable {
        var arm: Int
        var sex: Sex
        var menopausal: Bool
    }
    /// Per structure: the Jacobian colouring of a representative system (found once, not per patient) and the
    /// sparse LU planned for it.
    let structures: [StructureKey: (coloring: JacobianColoring, plan: SparseLUPlan?)]

    public init(trial: Trial, settings: Settings? = nil) {
        self.trial = trial
        let settings = settings ?? Settings(toleranceScale: trial.toleranceScale)
        self.settings = settings
        var structures: [StructureKey: (coloring: JacobianColoring, plan: SparseLUPlan?)] = [:]
        for (a, arm) in trial.arms.enumerated() {
            // One representative per structure; the ages only need to agree with the menopausal status.
            for (sex, menopausal, age) in [(Sex.female, true, 65.0), (Sex.female, false, 40.0), (Sex.male, false, 65.0)] {
                var s = arm.scenario
                s.patient = Scenario.Patient(sex: sex, age: age, menopausal: menopausal, lumbarSpineTScore: nil,
                                             totalHipTScore: nil, egfr: nil, yearsSinceMenopause: nil)
                guard let system = try? ScenarioCompiler.compile(s).system else { continue }
                let plan = settings.sparseLinearAlgebra
                    ? system.jacobianPattern.map { SparseLUPlan(dimension: system.dimension, pattern: $0) } : nil
                structures[StructureKey(arm: a, sex: sex, menopausal: menopausal)] = (system.coloring, plan)
            }
        }
        self.structures = structures
    }

    static func menopausal(_ p: VirtualPatient) -> Bool {
        p.sex == .female && (p.yearsSinceMenopause != nil || p.age >= 51)
    }

    /// The colouring and sparse LU plan a patient's system reuses (nil: found anew).
    func structure(for p: VirtualPatient) -> (coloring: JacobianColoring, plan: SparseLUPlan?)? {
        structures[StructureKey(arm: p.arm, sex: p.sex, menopausal: Self.menopausal(p))]
    }

    /// The scenario of one patient (what `osteosim simulate` would run for it, apart from the tolerances).
    public func scenario(for p: VirtualPatient) -> Scenario {
        var s = trial.arms[p.arm].scenario
        let menopausal = Self.menopausal(p)
        s.patient = Scenario.Patient(sex: p.sex, age: p.age, menopausal: menopausal, lumbarSpineTScore: p.lumbarSpineTScore,
                                     totalHipTScore: p.totalHipTScore, egfr: p.egfr, yearsSinceMenopause: p.yearsSinceMenopause)
        if !p.parameters.isEmpty {
            let varied = Set(p.parameters.map(\.name))
            s.parameters = s.parameters.filter { !varied.contains($0.name) }
                + p.parameters.map { Scenario.ParameterOverride(name: $0.name, value: $0.value, field: "population.variability.\($0.name)") }
        }
        return s
    }

    /// Solver options of a trial: every tolerance of the simulate defaults times the scale.
    public static func options(_ base: SolverOptions, settings: Settings) -> SolverOptions {
        var o = base
        if settings.sparseLinearAlgebra { o.linearSolver = .sparse }
        if settings.estimateRestartStep {
            o.restartStep = .estimate
            // Half Hairer & Wanner's estimate: at 1 it was rejected twice after every denosumab dose; at 0.5
            // rejected steps fell from 82 to 64 per patient with the same accuracy (`osteosim-bench trial
            // examples/trials/bar-denosumab-10y.yaml`, 2026-12-01). (Halving the step after a non-finite one,
            // instead of the five-fold cut, saved accepted steps too, but the error against the tight
            // reference grew tenfold, 0.0015 → 0.019 of the between-patient SD: not adopted.)
            o.restartStepFactor = 0.5
        }
        o.method = settings.method
        if settings.elementaryController {
            o.controllerExponents = ControllerExponents(beta1: 1 / Double(settings.method.tableau.embeddedOrder + 1), beta2: 0)
        }
        let scale = settings.toleranceScale
        guard scale != 1 else { return o }
        o.relativeTolerance = base.relativeTolerance * scale
        o.relativeTolerances = base.relativeTolerances.map { $0.map { $0 * scale } }
        switch base.absoluteTolerance {
        case .scalar(let a): o.absoluteTolerance = .scalar(a * scale)
        case .perComponent(let a): o.absoluteTolerance = .perComponent(a.map { $0 * scale })
        }
        return o
    }

    public func simulate(id: Int) -> PatientOutcome {
        simulate(trial.patient(id: id))
    }

    public func simulate(_ p: VirtualPatient) -> PatientOutcome {
        let s = scenario(for: p)
        func failed(_ why: String, steps: Int = 0) -> PatientOutcome {
            PatientOutcome(patient: p, values: [], failure: why, steps: steps, rejectedSteps: 0)
        }
        let compiled: BoneProblem
        let structure = structure(for: p)
        do { compiled = try ScenarioCompiler.compile(s, coloring: structure?.coloring) } catch { return failed(error.description) }
        var options = Self.options(compiled.system.defaultOptions, settings: settings)
        if let plan = structure?.plan, structure?.coloring == compiled.system.coloring { options.linearSolver = .sparsePlan(plan) }
        let problem = BoneProblem(system: compiled.system, startDay: compiled.startDay, durationDays: compiled.durationDays,
                                  outputDays: compiled.outputDays, events: compiled.events, options: options)
        let result: BoneSimulationResult
        do { result = try problem.solve() } catch { return failed("simulation failed: \(error)") }
        let days = trial.outputDays
        var rowOf: [Int] = []
        var j = 0
        for d in days {
            while j < result.days.count && result.days[j] < d - 1e-9 { j += 1 }
            guard j < result.days.count, abs(result.days[j] - d) <= 1e-9 else { return failed("internal error: output day \(d) missing") }
            rowOf.append(j)
        }
        var columnData: [[Double]?] = []
        for c in trial.columns {
            switch c {
            case "lumbar_spine_t_score":
                columnData.append(p.lumbarSpineTScore.flatMap { t0 in
                    result.column("lumbar_spine_bmd_change_pct").map { $0.map { TScoreReference.lumbarSpine(p.sex).tScore(baseline: t0, changePct: $0) } }
                })
            case "total_hip_t_score":
                columnData.append(p.totalHipTScore.flatMap { t0 in
                    result.column("total_hip_bmd_change_pct").map { $0.map { TScoreReference.totalHip(p.sex).tScore(baseline: t0, changePct: $0) } }
                })
            default:
                columnData.append(result.column(c))
            }
        }
        var values: [[Double?]] = []
        for r in rowOf {
            var row: [Double?] = []
            for col in columnData {
                guard let col else { row.append(nil); continue }
                let v = col[r]
                guard v.isFinite else { return failed("a non-finite value at day \(result.days[r])", steps: result.statistics.steps) }
                row.append(v)
            }
            values.append(row)
        }
        return PatientOutcome(patient: p, values: values, failure: nil, steps: result.statistics.steps, rejectedSteps: result.statistics.rejectedSteps)
    }
}
