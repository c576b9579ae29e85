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

/// Entry point the façade calls: simulate one patient, untreated, from day 0 to `durationDays`.
public enum BoneSimulation {
    /// Output columns, in order.
    public static let columnNames = [
        "lumbar_spine_bmd_change_pct", "total_hip_bmd_change_pct", "ctx_change_pct", "p1np_change_pct",
        "ctx_ng_ml", "p1np_ng_ml", "calcium_mmol_l", "pth_pmol_l", "calcitriol_pmol_l",
        "osteoclasts_rel", "osteoblasts_rel", "opg_rel", "sclerostin_rel", "osteocytes_rel",
    ]

    /// Default tolerances: rtol 1e-6; atol 1e-9 relative to each state's reference magnitude.
    public static func defaultOptions(for model: BoneModel) -> SolverOptions {
        let ref = model.referenceState
        return SolverOptions(rtol: 1e-6, atol: ref.map { 1e-9 * max(abs($0), 1e-3) })
    }

    public static func run(patient: PatientBaseline, durationDays: Double, outputDays: [Double],
                           parameters: BoneModelParameters = BoneModelParameters(),
                           levers: BoneLevers = BoneLevers(),
                           options: SolverOptions? = nil) throws(ODEError) -> BoneSimulationResult {
        // The baseline is the patient's unperturbed steady state; levers act from day 0 on.
        let y0 = try BoneModel(patient: patient, parameters: parameters).baselineState()
        let model = BoneModel(patient: patient, parameters: parameters, levers: levers)
        let sol = try ODESolver.solve(model, y0: y0, t0: 0, tEnd: durationDays, saveAt: outputDays,
                                      options: options ?? defaultOptions(for: model))
        return makeResult(model: model, y0: y0, solution: sol)
    }

    static func makeResult(model: BoneModel, y0: [Double], solution sol: ODESolution) -> BoneSimulationResult {
        let p = model.parameters
        func series(_ s: BoneState) -> [Double] { sol.component(s.index) }
        func change(_ s: BoneState) -> [Double] { series(s).map { 100 * ($0 / y0[s.index] - 1) } }
        let oc = series(.osteoclasts), ob = series(.osteoblasts)
        let columns: [[Double]] = [
            change(.spineMineral), change(.hipMineral), change(.osteoclasts), change(.osteoblasts),
            oc.map { $0 * p.ctxReference }, ob.map { $0 * p.p1npReference },
            series(.calcium), series(.pth), series(.calcitriol),
            oc, ob, series(.opg), series(.sclerostin), series(.osteocytes),
        ]
        return BoneSimulationResult(days: sol.times, columnNames: columnNames, columns: columns, statistics: sol.statistics)
    }
}
