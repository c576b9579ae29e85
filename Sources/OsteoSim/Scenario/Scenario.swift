import OsteoModel
import OsteoPharm

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

        public init(sex: Sex, age: Double, menopausal: Bool, lumbarSpineTScore: Double? = nil, totalHipTScore: Double? = nil,
                    egfr: Double? = nil, yearsSinceMenopause: Double? = nil) {
            self.sex = sex
            self.age = age
            self.menopausal = menopausal
            self.lumbarSpineTScore = lumbarSpineTScore
            self.totalHipTScore = totalHipTScore
            self.egfr = egfr
            self.yearsSinceMenopause = yearsSinceMenopause
        }
    }

    /// A glucocorticoid course, dose converted to prednisolone-equivalent.
    public struct GlucocorticoidCourse: Sendable, Equatable {
        public var drug: String
        /// The nominal dose, mg/day of the preparation (the first daily dose, or the mean of an
        /// intermittent schedule).
        public var dose: Double
        public var prednisoloneEquivalentMgPerDay: Double
        public var startDay: Double
        public var stopDay: Double?
        /// The full schedule (taper steps, intermittent doses, route).
        public var regimen: GlucocorticoidRegimen
    }

    /// A chronic inflammatory disease: its preset, its own activity (without the scenario's
    /// anti-inflammatory treatments) from `startDay`, and changes over time (flares, remission).
    public struct Inflammation: Sendable, Equatable {
        /// A change of activity from `from` (with `to`: back to the base activity then).
        public struct Change: Sendable, Equatable {
            public var from: Double
            public var to: Double?
            public var input: ActivityInput
            /// The field path (for error messages).
            public var field: String
        }
        public var disease: String
        public var crpMgPerL: Double?
        public var das28: Double?
        /// The base activity as given (default: the preset's typical active disease, `level: high`).
        public var input: ActivityInput = .level("high")
        public var inputField: String = "inflammation"
        /// Onset (negative = before day 0: run in from the healthy state).
        public var startDay: Double = 0
        public var changes: [Change] = []
    }

    /// A treatment: a drug and its regimen (from the explicit fields or the regimen grammar,
    /// which mean the same), from `startDay` until `stopDay`, less the missed doses.
    public struct Treatment: Sendable, Equatable {
        public var drug: String
        public var regimen: Regimen
        public var startDay: Double
        public var stopDay: Double?
        /// 1-based dose numbers that are not taken.
        public var missedDoses: [Int]
        /// The field path (for error messages).
        public var field: String

        /// The doses actually taken, up to `end` (exclusive).
        public func doses(until end: Double) -> [Dose] {
            let last = min(end, stopDay ?? end)
            let missed = Set(missedDoses)
            return regimen.doses(drug: drug, start: startDay, end: last).enumerated()
                .filter { !missed.contains($0.offset + 1) }.map(\.element)
        }
    }

    /// A parameter override (`parameters:`), with its field for error messages.
    public struct ParameterOverride: Sendable, Equatable {
        public var name: String
        public var value: Double
        public var field: String

        public init(name: String, value: Double, field: String) {
            self.name = name
            self.value = value
            self.field = field
        }
    }

    public var name: String?
    public var patient: Patient
    public var durationDays: Double
    public var outputEveryDays: Double
    public var glucocorticoids: [GlucocorticoidCourse] = []
    public var inflammation: Inflammation?
    public var treatments: [Treatment] = []
    /// Doses from a NONMEM-style dosing-records file (`dosing_records:`), already read.
    public var dosingRecords: [Dose] = []
    public var parameters: [ParameterOverride] = []
    public var perturbations: [Perturbation] = []
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
