/// Adjustment of a user-entered FRAX result for the glucocorticoid dose (guidelines.md §1).
///
/// FRAX's GC input is yes/no (≥ 5 mg/day for ≥ 3 months). Two published adjustments:
/// - ACR (2017 and 2022, Table 1 footnote) [V]: if PEQ > 7.5 mg/day, MOF × 1.15 and hip × 1.2; otherwise unchanged.
/// - Kanis et al. 2011 [V]: percentage change by dose band (low < 2.5, medium 2.5–7.5, high ≥ 7.5 mg/day) and
///   age (40…90 by decades); `adjusted = frax × (1 + pct/100)`.
/// The paper's abstract says high = "> 7.5" while its table says "≥ 7.5": `HighDoseBoundary` selects either, for
/// both methods (the ACR default is `.above7_5`).
public enum FRAXAdjustment {
    public enum Method: String, Sendable, Codable { case acr, kanis2011 }
    public enum HighDoseBoundary: String, Sendable, Codable {
        /// PEQ > 7.5 mg/day is high (ACR wording; Kanis abstract).
        case above7_5 = ">7.5"
        /// PEQ ≥ 7.5 mg/day is high (Kanis 2011 table).
        case atLeast7_5 = ">=7.5"

        func isHigh(_ peq: Double) -> Bool { self == .above7_5 ? peq > 7.5 : peq >= 7.5 }
    }
    /// Between the Kanis age columns: nearest column (ties go to the older column) or linear interpolation.
    /// The paper gives only the grid [M: either is a reading of the paper].
    public enum AgeInterpolation: String, Sendable, Codable { case nearest, linear }

    public struct Settings: Sendable, Equatable {
        public var method: Method = .acr
        public var boundary: HighDoseBoundary = .above7_5
        public var ageInterpolation: AgeInterpolation = .nearest
        public init(method: Method = .acr, boundary: HighDoseBoundary = .above7_5, ageInterpolation: AgeInterpolation = .nearest) {
            self.method = method
            self.boundary = boundary
            self.ageInterpolation = ageInterpolation
        }
    }

    public struct Result: Sendable, Equatable, Codable {
        public var majorOsteoporoticPct: Double
        public var hipPct: Double
        public var majorOsteoporoticChangePct: Double
        public var hipChangePct: Double
        public var method: Method
        public var doseBand: String
        public var source: RuleSource
        /// What bounded the result, if anything (empty when the multipliers were applied as they are).
        public var notes: [String] = []
    }

    /// The adjusted pair as probabilities: MOF at most 100%, hip at most MOF (a hip fracture is a major
    /// osteoporotic fracture, so its probability cannot exceed MOF's). A multiplied value past either bound is
    /// set to the bound and the note says so (the published multipliers were derived for ordinary risks, not
    /// for values near 100%).
    static func bounded(_ r: Result) -> Result {
        var r = r
        let rawMOF = r.majorOsteoporoticPct, rawHip = r.hipPct
        if rawMOF > 100 {
            r.majorOsteoporoticPct = 100
            r.notes.append("major osteoporotic \(fixed(rawMOF, 1))% after the multiplier is not a probability: reported as 100% (upper bound)")
        }
        if rawHip > r.majorOsteoporoticPct {
            r.hipPct = r.majorOsteoporoticPct
            r.notes.append("hip \(fixed(rawHip, 1))% after the multiplier exceeds the major osteoporotic \(fixed(r.majorOsteoporoticPct, 1))%, "
                + "of which hip fracture is a part: reported as \(fixed(r.hipPct, 1))% (upper bound)")
        }
        return r
    }

    /// Kanis 2011 Table (reproduced in Allergy Asthma Clin Immunol 9:30, Table 7) [V]: % change, ages 40…90.
    public static let kanisAges: [Double] = [40, 50, 60, 70, 80, 90]
    public static let kanisHip: (low: [Double], high: [Double]) = ([-40, -40, -40, -40, -30, -30], [25, 25, 25, 20, 10, 10])
    public static let kanisMOF: (low: [Double], high: [Double]) = ([-20, -20, -15, -20, -20, -20], [20, 20, 15, 15, 10, 10])
    /// ACR multipliers [V].
    public static let acrMOFMultiplier = 1.15
    public static let acrHipMultiplier = 1.2

    /// Adjusts `frax` for a current PEQ dose at `age`. Kanis: ages outside 40…90 use the nearest column.
    public static func adjust(_ frax: FRAXInput, peqMgPerDay peq: Double, age: Double, settings: Settings = Settings()) -> Result {
        switch settings.method {
        case .acr:
            let high = settings.boundary.isHigh(peq)
            let m = high ? acrMOFMultiplier : 1, h = high ? acrHipMultiplier : 1
            return bounded(Result(majorOsteoporoticPct: frax.majorOsteoporoticPct * m, hipPct: frax.hipPct * h,
                          majorOsteoporoticChangePct: (m - 1) * 100, hipChangePct: (h - 1) * 100,
                          method: .acr, doseBand: high ? "high (\(settings.boundary.rawValue) mg/day)" : "not high",
                          source: RuleSource(Citation.acr2022 + ", Table 1 footnote; " + Citation.acr2017, .verified)))
        case .kanis2011:
            let band: String
            let mofPct: Double, hipPct: Double
            if settings.boundary.isHigh(peq) {
                band = "high (\(settings.boundary.rawValue) mg/day)"
                mofPct = column(kanisMOF.high, age: age, settings.ageInterpolation)
                hipPct = column(kanisHip.high, age: age, settings.ageInterpolation)
            } else if peq < 2.5 {
                band = "low (<2.5 mg/day)"
                mofPct = column(kanisMOF.low, age: age, settings.ageInterpolation)
                hipPct = column(kanisHip.low, age: age, settings.ageInterpolation)
            } else {
                band = "medium (2.5-7.5 mg/day)"
                mofPct = 0
                hipPct = 0
            }
            return bounded(Result(majorOsteoporoticPct: frax.majorOsteoporoticPct * (1 + mofPct / 100),
                          hipPct: frax.hipPct * (1 + hipPct / 100),
                          majorOsteoporoticChangePct: mofPct, hipChangePct: hipPct, method: .kanis2011, doseBand: band,
                          source: RuleSource(Citation.kanis2011, .verified,
                                             note: "age between columns: \(settings.ageInterpolation.rawValue) [M]")))
        }
    }

    static func column(_ values: [Double], age: Double, _ mode: AgeInterpolation) -> Double {
        let a = min(max(age, kanisAges[0]), kanisAges[kanisAges.count - 1])
        let position = (a - kanisAges[0]) / 10
        switch mode {
        case .nearest:
            return values[Int((position).rounded(.toNearestOrAwayFromZero))]
        case .linear:
            let i = min(Int(position), values.count - 2)
            let f = position - Double(i)
            return values[i] + f * (values[i + 1] - values[i])
        }
    }
}
