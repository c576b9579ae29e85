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
    public static func run(patient: PatientBaseline, durationDays: Double, outputDays: [Double],
                           options: SolverOptions = SolverOptions(rtol: 1e-6, atol: 1e-9)) throws(ODEError) -> BoneSimulationResult {
        throw .invalidInput("the bone model is being built (placeholder)")
    }
}
