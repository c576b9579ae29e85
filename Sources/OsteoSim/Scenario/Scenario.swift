import OsteoModel

/// One patient's simulation, as read from a scenario file (PRODUCT.md "Scenario file").
public struct Scenario: Sendable, Equatable {
    public struct Patient: Sendable, Equatable {
        public var sex: Sex
        public var age: Double
        public var menopausal: Bool
        public var lumbarSpineTScore: Double?
        public var totalHipTScore: Double?
        public var egfr: Double?
        public var yearsSinceMenopause: Double?
    }

    /// A glucocorticoid course, dose converted to prednisolone-equivalent.
    public struct GlucocorticoidCourse: Sendable, Equatable {
        public var drug: String
        public var dose: Double
        public var prednisoloneEquivalentMgPerDay: Double
        public var startDay: Double
        public var stopDay: Double?
    }

    public struct Inflammation: Sendable, Equatable {
        public var disease: String
        public var crpMgPerL: Double?
        public var das28: Double?
    }

    public struct Treatment: Sendable, Equatable {
        public var drug: String
        public var dose: Double
        public var doseUnit: String
        public var everyDays: Double?
        public var startDay: Double
        public var stopDay: Double?
        public var doses: Int?
        public var route: String?
    }

    public var name: String?
    public var patient: Patient
    public var durationDays: Double
    public var outputEveryDays: Double
    public var glucocorticoids: [GlucocorticoidCourse] = []
    public var inflammation: Inflammation?
    public var treatments: [Treatment] = []
    /// The file it came from (for error messages).
    public var file: String

    /// Output days: 0, every `outputEveryDays`, and the end.
    public var outputDays: [Double] {
        var days: [Double] = []
        var d = 0.0
        while d < durationDays - 1e-9 { days.append(d); d += outputEveryDays }
        days.append(durationDays)
        return days
    }

    public var baseline: PatientBaseline {
        PatientBaseline(sex: patient.sex, age: patient.age, menopausal: patient.menopausal, yearsSinceMenopause: patient.yearsSinceMenopause)
    }
}
