/// The patient record the guideline engine reads. All fields are as entered; derived quantities (GC exposure,
/// adjusted FRAX, rounded T-scores) are computed by `PatientFacts`.
public struct ClinicalPatient: Sendable, Equatable {
    public enum Sex: String, Sendable, Codable { case female, male }

    public var sex: Sex
    /// Years (adults only: 18…120 for the assessment).
    public var age: Double
    /// Women: default `age >= 51` (PRODUCT.md scenario convention). Ignored for men.
    public var menopausal: Bool?
    public var glucocorticoids: [GlucocorticoidCourse] = []
    public var cumulativeGCLastYearG: Double?
    public var priorFragilityFracture = false
    public var lumbarSpineTScore: Double?
    public var totalHipTScore: Double?
    public var femoralNeckTScore: Double?
    public var lumbarSpineZScore: Double?
    public var totalHipZScore: Double?
    public var femoralNeckZScore: Double?
    /// Lumbar spine BMD as % of young adult mean (JSBMR 2014).
    public var lumbarSpineYAMPct: Double?
    public var frax: FRAXInput?
    public var bmdLossLastYearPct: Double?
    /// The DXA centre's least significant change (%), for the ACR 2022 rule for adults < 40.
    public var dxaLeastSignificantChangePct: Double?
    /// mL/min/1.73 m².
    public var egfr: Double?
    public var pregnant = false
    public var planningPregnancy = false
    public var childbearingPotential: Bool?
    public var organTransplant = false
    public var hypocalcaemia = false
    public var myocardialInfarctionOrStrokeLastYear = false
    public var venousThromboembolismHistory = false
    public var osteoporosisTherapy: [TherapyCourse] = []
    public var conditions: Set<Condition> = []

    public init(sex: Sex, age: Double) {
        self.sex = sex
        self.age = age
    }

    public var isPostmenopausalWoman: Bool { sex == .female && (menopausal ?? (age >= 51)) }
    /// ACR 2017 applies the T-score criterion to men ≥ 50 and postmenopausal women.
    public var isMan50OrPostmenopausalWoman: Bool { isPostmenopausalWoman || (sex == .male && age >= 50) }
    /// Women who could become pregnant: as entered, else premenopausal women aged < 51 [M design default].
    public var couldBecomePregnant: Bool {
        sex == .female && (childbearingPotential ?? (!isPostmenopausalWoman && age < 51))
    }
}

/// A user-entered FRAX result (FRAX is proprietary; OsteoSim only adjusts it, guidelines.md §7).
public struct FRAXInput: Sendable, Equatable, Codable {
    public var majorOsteoporoticPct: Double
    public var hipPct: Double
    /// Whether femoral neck BMD was entered into FRAX (recorded and reported; not used in the arithmetic).
    public var bmdUsed: Bool?
    /// The FRAX country model used (recorded and reported).
    public var country: String?

    public init(majorOsteoporoticPct: Double, hipPct: Double, bmdUsed: Bool? = nil, country: String? = nil) {
        self.majorOsteoporoticPct = majorOsteoporoticPct
        self.hipPct = hipPct
        self.bmdUsed = bmdUsed
        self.country = country
    }
}

/// Osteoporosis drugs the engine recommends or checks.
public enum OsteoporosisDrug: String, Sendable, CaseIterable, Codable {
    case calciumVitaminD = "calcium_vitamin_d"
    case alendronate, risedronate, ibandronate
    case zoledronicAcid = "zoledronic_acid"
    case denosumab, teriparatide, abaloparatide, romosozumab, raloxifene
    case alfacalcidol, calcitriol, eldecalcitol

    public static let oralBisphosphonates: [OsteoporosisDrug] = [.alendronate, .risedronate, .ibandronate]
    public static let bisphosphonates: [OsteoporosisDrug] = oralBisphosphonates + [.zoledronicAcid]
    public static let pthAnalogues: [OsteoporosisDrug] = [.teriparatide, .abaloparatide]
    public static let antiresorptives: [OsteoporosisDrug] = bisphosphonates + [.denosumab, .raloxifene, .romosozumab]

    /// The drug ids (OsteoCatalog, the ids scenario files use) this option consists of: the
    /// calcium + vitamin D option is two drugs; every other option is the drug of the same id.
    public var constituents: [DrugID] {
        switch self {
        case .calciumVitaminD: [.calcium, .vitaminD]
        default: DrugID(rawValue: rawValue).map { [$0] } ?? []
        }
    }

    public var displayName: String {
        switch self {
        case .calciumVitaminD: "calcium + vitamin D"
        case .zoledronicAcid: "zoledronic acid (IV)"
        case .ibandronate: "ibandronate"
        default: rawValue
        }
    }
}

/// A past or current course of an osteoporosis drug; days relative to today, `stopDay == nil` = ongoing.
public struct TherapyCourse: Sendable, Equatable, Codable {
    public var drug: OsteoporosisDrug
    public var startDay: Double
    public var stopDay: Double?

    public init(drug: OsteoporosisDrug, startDay: Double, stopDay: Double? = nil) {
        self.drug = drug
        self.startDay = startDay
        self.stopDay = stopDay
    }

    public var isCurrent: Bool { stopDay.map { $0 > 0 } ?? true }
    /// Months taken up to today.
    public var monthsSoFar: Double { max(0, min(stopDay ?? 0, 0) - startDay) / daysPerMonth }
}

/// Conditions accepted in `conditions:` (PRODUCT.md `assess` input).
public enum Condition: String, Sendable, CaseIterable, Codable {
    case rheumatoidArthritis = "rheumatoid_arthritis"
    case systemicLupusErythematosus = "systemic_lupus_erythematosus"
    case crohnsDisease = "crohns_disease"
    case ulcerativeColitis = "ulcerative_colitis"
    case coeliacDisease = "coeliac_disease"
    case copd, periodontitis
    case cysticFibrosis = "cystic_fibrosis"
    case ankylosingSpondylitis = "ankylosing_spondylitis"
    case asthma
    case type1Diabetes = "type1_diabetes"
    case type2Diabetes = "type2_diabetes"
    case cardiovascularDisease = "cardiovascular_disease"
    case chronicKidneyDisease = "chronic_kidney_disease"
    case chronicLiverDisease = "chronic_liver_disease"
    case dementia, epilepsy
    case parkinsonsDisease = "parkinsons_disease"
    case cancer
    case endocrineDisorder = "endocrine_disorder"
    case historyOfFalls = "history_of_falls"
    case parentalOsteoporosisOrHipFracture = "parental_osteoporosis_or_hip_fracture"
    case careHome = "care_home"
    case hormoneReplacementTherapy = "hormone_replacement_therapy"
    case antidepressants, anticonvulsants
}
