// SPDX-License-Identifier: LGPL-3.0-or-later
//
// Part of the QFracture-2012 transcription (ClinRisk Ltd, LGPL-3.0-or-later); see QFracture2012.swift.

/// The inputs of QFracture-2012, with the codes of the ClinRisk C source.
public struct QFractureInput: Sendable, Equatable {
    public enum Sex: Sendable, Equatable { case female, male }

    /// `ethrisk` 1…9 (C source arrays `Iethrisk[1…9]`; category order as in the ClinRisk Q-scores).
    public enum Ethnicity: Int, Sendable, CaseIterable {
        case whiteOrNotStated = 1, indian, pakistani, bangladeshi, otherAsian, blackCaribbean, blackAfrican, chinese, other
    }

    /// `smoke_cat` 0…4: non-smoker, ex-smoker, light (1–9/day), moderate (10–19/day), heavy (20+/day).
    public enum Smoking: Int, Sendable, CaseIterable {
        case nonSmoker = 0, exSmoker, light, moderate, heavy
    }

    /// `alcohol_cat6` 0…5: none, <1 unit/day, 1–2, 3–6, 7–9, >9 units/day (ClinRisk's six alcohol bands).
    public enum Alcohol: Int, Sendable, CaseIterable {
        case none = 0, lessThanOneUnit, oneToTwoUnits, threeToSixUnits, sevenToNineUnits, moreThanNineUnits

        /// The band for an average daily intake in UK units. Between the published integer bands the lower band
        /// is used up to (not including) the next band's first value: (0,1) → <1; [1,3) → 1–2; [3,7) → 3–6;
        /// [7,9] → 7–9; >9 → >9. Negative intake is a precondition failure of the caller (checked upstream).
        public init(unitsPerDay u: Double) {
            switch u {
            case ..<Double.leastNonzeroMagnitude: self = .none
            case ..<1: self = .lessThanOneUnit
            case ..<3: self = .oneToTwoUnits
            case ..<7: self = .threeToSixUnits
            case ...9: self = .sevenToNineUnits
            default: self = .moreThanNineUnits
            }
        }
    }

    /// The binary risk factors (`b_*` and `fh_osteoporosis` in the C source). A factor that an equation does not
    /// contain is ignored by that equation (e.g. care home in the female equations, HRT and endocrine disorder in
    /// the male ones, malabsorption in the hip equations, family history in the female hip equation).
    public struct Flags: Sendable, Equatable {
        public var antidepressant = false      // b_antidepressant
        public var anyCancer = false           // b_anycancer
        public var asthmaOrCOPD = false        // b_asthmacopd
        public var careHome = false            // b_carehome (male equations only)
        public var corticosteroids = false     // b_corticosteroids (current systemic use)
        public var cardiovascularDisease = false // b_cvd
        public var dementia = false            // b_dementia
        public var endocrineDisorder = false   // b_endocrine (female equations only)
        public var epilepsyOrAnticonvulsant = false // b_epilepsy2
        public var historyOfFalls = false      // b_falls
        public var priorFracture = false       // b_fracture4 (prior hip, spine, wrist or shoulder fracture)
        public var hrt = false                 // b_hrt_oest (female equations only)
        public var chronicLiverDisease = false // b_liver
        public var malabsorption = false       // b_malabsorption (major osteoporotic equations only)
        public var parkinsons = false          // b_parkinsons
        public var rheumatoidArthritisOrSLE = false // b_ra_sle
        public var chronicRenalDisease = false // b_renal
        public var type1Diabetes = false       // b_type1
        public var type2Diabetes = false       // b_type2
        public var parentalOsteoporosisOrHipFracture = false // fh_osteoporosis (not in the female hip equation)
        public init() {}
    }

    public var sex: Sex
    /// Whole years, 30…100 (the C functions take an `int`).
    public var age: Int
    /// kg/m², 20…40.
    public var bmi: Double
    public var ethnicity: Ethnicity
    public var smoking: Smoking
    public var alcohol: Alcohol
    public var flags: Flags

    public init(sex: Sex, age: Int, bmi: Double, ethnicity: Ethnicity = .whiteOrNotStated,
                smoking: Smoking = .nonSmoker, alcohol: Alcohol = .none, flags: Flags = Flags()) {
        self.sex = sex
        self.age = age
        self.bmi = bmi
        self.ethnicity = ethnicity
        self.smoking = smoking
        self.alcohol = alcohol
        self.flags = flags
    }
}
