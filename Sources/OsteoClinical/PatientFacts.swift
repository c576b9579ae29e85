/// Settings of the assessment.
public struct AssessmentSettings: Sendable, Equatable {
    /// The FRAX GC-adjustment boundary (> 7.5 vs ≥ 7.5 mg/day) and the Kanis age handling; ACR categories always
    /// use the ACR multipliers with this boundary.
    public var frax = FRAXAdjustment.Settings()
    public init(frax: FRAXAdjustment.Settings = FRAXAdjustment.Settings()) { self.frax = frax }
}

/// Quantities derived from the patient record, shared by every rule table.
public struct PatientFacts: Sendable {
    public var patient: ClinicalPatient
    public var exposure: GlucocorticoidExposure
    /// GC-adjusted FRAX with the ACR multipliers (nil if no FRAX was entered).
    public var acrAdjustedFRAX: FRAXAdjustment.Result?
    /// Lowest of the lumbar spine, total hip and femoral neck T-scores, rounded to one decimal
    /// (guidelines.md §3 coding note: closes the −2.4/−2.5 gap).
    public var lowestTScore: Double?
    /// Lowest Z-score, rounded to one decimal.
    public var lowestZScore: Double?

    public init(_ p: ClinicalPatient, settings: AssessmentSettings = AssessmentSettings()) {
        patient = p
        exposure = GlucocorticoidExposure(courses: p.glucocorticoids, enteredCumulativeLastYearG: p.cumulativeGCLastYearG)
        var acr = settings.frax
        acr.method = .acr
        acrAdjustedFRAX = p.frax.map { FRAXAdjustment.adjust($0, peqMgPerDay: exposure.currentDailyPEQMg, age: p.age, settings: acr) }
        lowestTScore = [p.lumbarSpineTScore, p.totalHipTScore, p.femoralNeckTScore].compactMap { $0 }.map(roundedT).min()
        lowestZScore = [p.lumbarSpineZScore, p.totalHipZScore, p.femoralNeckZScore].compactMap { $0 }.map(roundedT).min()
    }

    /// Adjusted MOF/hip, with floating-point noise removed (rounded to 1e-6 %) before comparing with cut-offs.
    public var mof: Double? { acrAdjustedFRAX.map { clean($0.majorOsteoporoticPct) } }
    public var hip: Double? { acrAdjustedFRAX.map { clean($0.hipPct) } }
    public var age: Double { patient.age }
}

/// A T- or Z-score rounded to one decimal, halves away from zero.
public func roundedT(_ t: Double) -> Double { (t * 10).rounded(.toNearestOrAwayFromZero) / 10 }

func clean(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }

/// One row of a risk-category table: if `test` holds, the patient is at least in `category`.
public struct CategoryCriterion<Category: Sendable>: Sendable {
    public var id: String
    public var category: Category
    public var text: String
    public var source: RuleSource
    public var test: @Sendable (PatientFacts) -> Bool
}

/// A criterion that fired, for the output.
public struct MetCriterion: Sendable, Equatable, Codable {
    public var id: String
    public var category: String
    public var text: String
    public var source: RuleSource
}
