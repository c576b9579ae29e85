/// The one list of ids that every module shares (scenario files, patient files, the guideline
/// engine, the drug library): drugs, glucocorticoids and diseases. No dependencies, so both the
/// clinical rules (which never import the ODE code) and the simulation use it.

/// Drug ids accepted in scenario files, dosing records and on the command line (PRODUCT.md).
public enum DrugID: String, Sendable, CaseIterable, Codable {
    case alendronate, risedronate, ibandronate
    case zoledronicAcid = "zoledronic_acid"
    case denosumab, teriparatide, abaloparatide, romosozumab, raloxifene
    case calcium
    case vitaminD = "vitamin_d"
    case alfacalcidol, eldecalcitol, calcitriol
    case adalimumab, infliximab, etanercept, anakinra, tocilizumab, celecoxib, methotrexate
    /// Experimental levers (animal evidence only), marked as such wherever they are shown.
    case icariin
    case nosInhibitor = "nos_inhibitor"

    public var id: String { rawValue }
    public var isExperimental: Bool { self == .icariin || self == .nosInhibitor }
    /// The route used when a scenario names none.
    public var usualRoute: String {
        switch self {
        case .zoledronicAcid, .infliximab, .tocilizumab: "iv"
        case .denosumab, .teriparatide, .abaloparatide, .romosozumab, .adalimumab, .etanercept, .anakinra: "sc"
        default: "oral"
        }
    }
}

/// Systemic glucocorticoids and their prednisolone-equivalent (PEQ) factors: the one table
/// (guidelines.md §0 [V]: ELMMB/BNF-derived formulary 6.3; globalrph; formularyproductions).
/// Equivalent anti-inflammatory oral/IV doses, each row ≈ prednisolone 5 mg. Betamethasone: some
/// tables give 0.6 mg ≡ 5 mg; the 0.75 mg row is used. Budesonide, inhaled, topical and
/// intra-articular steroids have no validated PEQ and are not accepted (``notSystemic``).
public enum GlucocorticoidDrug: String, Sendable, CaseIterable, Codable {
    case prednisone, prednisolone, methylprednisolone, hydrocortisone, cortisone, dexamethasone, betamethasone
    case deflazacort, triamcinolone

    /// mg of this drug equivalent to prednisolone 5 mg.
    public var milligramsEquivalentToPrednisolone5mg: Double {
        switch self {
        case .prednisone, .prednisolone: 5
        case .methylprednisolone, .triamcinolone: 4
        case .hydrocortisone: 20
        case .cortisone: 25
        case .deflazacort: 6
        case .dexamethasone, .betamethasone: 0.75
        }
    }

    /// Multiply a dose of this drug by this to get prednisolone-equivalent mg.
    public var prednisoloneEquivalentFactor: Double { 5 / milligramsEquivalentToPrednisolone5mg }

}


extension GlucocorticoidDrug {
    /// Glucocorticoids refused with the reason: their systemic exposure has no validated
    /// prednisolone equivalent.
    public static let notSystemic: [String: String] = [
        "budesonide": "oral budesonide has high first-pass metabolism and no validated prednisolone equivalent",
        "inhaled": "inhaled glucocorticoids have no validated prednisolone equivalent for bone",
        "fluticasone": "inhaled fluticasone has no validated prednisolone equivalent for bone",
        "beclometasone": "inhaled beclometasone has no validated prednisolone equivalent for bone",
        "topical": "topical glucocorticoids have no validated prednisolone equivalent",
    ]
}

/// Disease ids (scenario `inflammation:`; all but `low_grade_inflammation` are also patient `conditions:`).
public enum DiseaseID: String, Sendable, CaseIterable, Codable {
    case rheumatoidArthritis = "rheumatoid_arthritis"
    case systemicLupusErythematosus = "systemic_lupus_erythematosus"
    case crohnsDisease = "crohns_disease"
    case ulcerativeColitis = "ulcerative_colitis"
    case coeliacDisease = "coeliac_disease"
    case copd
    case periodontitis
    case cysticFibrosis = "cystic_fibrosis"
    case ankylosingSpondylitis = "ankylosing_spondylitis"
    /// Low-grade systemic inflammation without a named disease (a raised hsCRP in otherwise healthy
    /// people; scenario presets only).
    case lowGradeInflammation = "low_grade_inflammation"
}
