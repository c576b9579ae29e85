/// ACR 2022 GIOP risk categories (Humphrey et al. 2023), guidelines.md §3 [V BMJ Best Practice copy].
/// The category is the highest that any criterion triggers; with no criterion, LOW.
public enum ACR2022 {
    public enum Category: String, Sendable, Codable, Comparable, CaseIterable {
        case low, moderate, high, veryHigh = "very_high"
        var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
        public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
    }

    static let table = RuleSource(Citation.acr2022 + ", risk categories", .verified)

    /// Adults ≥ 40.
    public static let criteria40AndOver: [CategoryCriterion<Category>] = [
        .init(id: "acr2022.ge40.vh.fracture", category: .veryHigh, text: "prior osteoporotic fracture", source: table) { $0.patient.priorFragilityFracture },
        .init(id: "acr2022.ge40.vh.t", category: .veryHigh, text: "hip or spine T-score <= -3.5", source: table) { ($0.lowestTScore ?? 0) <= -3.5 },
        .init(id: "acr2022.ge40.vh.mof", category: .veryHigh, text: "GC-adjusted FRAX major osteoporotic >= 30%", source: table) { ($0.mof ?? 0) >= 30 },
        .init(id: "acr2022.ge40.vh.hip", category: .veryHigh, text: "GC-adjusted FRAX hip >= 4.5%", source: table) { ($0.hip ?? 0) >= 4.5 },
        .init(id: "acr2022.ge40.vh.gc30", category: .veryHigh, text: "glucocorticoid >= 30 mg/day for > 30 days (past year plus planned)",
              source: RuleSource(Citation.acr2022, .verified, note: "planned days of the current course count [M design choice]")) { $0.exposure.daysAtOrAbove30mg > 30 },
        .init(id: "acr2022.ge40.vh.cum5g", category: .veryHigh, text: "cumulative glucocorticoid >= 5 g in the past year", source: table) { clean($0.exposure.cumulativeLastYearG) >= 5 },
        .init(id: "acr2022.ge40.h.t", category: .high, text: "hip or spine T-score <= -2.5 and > -3.5", source: table) { inBand($0.lowestTScore, atMost: -2.5, above: -3.5) },
        .init(id: "acr2022.ge40.h.mof", category: .high, text: "GC-adjusted FRAX major osteoporotic >= 20% and < 30%", source: table) { inBand($0.mof, atLeast: 20, below: 30) },
        .init(id: "acr2022.ge40.h.hip", category: .high, text: "GC-adjusted FRAX hip >= 3% and < 4.5%", source: table) { inBand($0.hip, atLeast: 3, below: 4.5) },
        .init(id: "acr2022.ge40.m.mof", category: .moderate, text: "GC-adjusted FRAX major osteoporotic >= 10% and < 20%", source: table) { inBand($0.mof, atLeast: 10, below: 20) },
        .init(id: "acr2022.ge40.m.hip", category: .moderate, text: "GC-adjusted FRAX hip > 1% and < 3%",
              source: RuleSource(Citation.acr2022, .verified, note: "hip exactly 1% is undefined in the 2022 text; treated as LOW as in 2017 (<= 1%)")) { ($0.hip ?? 0) > 1 && ($0.hip ?? 0) < 3 },
        .init(id: "acr2022.ge40.m.t", category: .moderate, text: "T-score between -1.0 and -2.4", source: table) { inBand($0.lowestTScore, atMost: -1.0, above: -2.5) },
    ]

    /// Adults 18–39.
    public static let criteriaUnder40: [CategoryCriterion<Category>] = [
        .init(id: "acr2022.lt40.vh.fracture", category: .veryHigh, text: "prior osteoporotic fracture", source: table) { $0.patient.priorFragilityFracture },
        .init(id: "acr2022.lt40.vh.gc30", category: .veryHigh, text: "current glucocorticoid >= 30 mg/day",
              source: RuleSource(Citation.acr2022, .verified, note: "the table copy says 'GC >= 30 mg/d' without a duration")) { $0.exposure.currentDailyPEQMg >= 30 },
        .init(id: "acr2022.lt40.vh.cum5g", category: .veryHigh, text: "cumulative glucocorticoid >= 5 g in the past year", source: table) { clean($0.exposure.cumulativeLastYearG) >= 5 },
        .init(id: "acr2022.lt40.m.z", category: .moderate, text: "continuing glucocorticoid >= 7.5 mg/day for >= 6 months and hip or spine Z-score < -3", source: table) {
            continuing7_5For6Months($0) && ($0.lowestZScore ?? 0) < -3
        },
        .init(id: "acr2022.lt40.m.loss", category: .moderate,
              text: "continuing glucocorticoid >= 7.5 mg/day for >= 6 months and BMD loss over a year greater than the DXA least significant change", source: table) {
            guard continuing7_5For6Months($0), let loss = $0.patient.bmdLossLastYearPct, let lsc = $0.patient.dxaLeastSignificantChangePct else { return false }
            return loss > lsc
        },
    ]

    /// lower <= x < upper (absent = false).
    static func inBand(_ x: Double?, atLeast lower: Double, below upper: Double) -> Bool {
        guard let x else { return false }
        return x >= lower && x < upper
    }
    /// lower < t <= upper (absent = false); T-scores are already rounded to one decimal.
    static func inBand(_ t: Double?, atMost upper: Double, above lower: Double) -> Bool {
        guard let t else { return false }
        return t <= upper && t > lower
    }

    /// ≥ 7.5 mg/day today, in a run (past + planned) of at least 6 months (183 days).
    static func continuing7_5For6Months(_ f: PatientFacts) -> Bool {
        f.exposure.continuousDaysAtOrAbove7_5mg >= Int((6 * daysPerMonth).rounded())
    }

    public struct Result: Sendable, Equatable, Codable {
        public var category: Category
        public var criteria: [MetCriterion]
    }

    public static func categorise(_ f: PatientFacts) -> Result {
        let table = f.age >= 40 ? criteria40AndOver : criteriaUnder40
        let met = table.filter { $0.test(f) }
        let category = met.map(\.category).max() ?? .low
        return Result(category: category, criteria: met.map {
            MetCriterion(id: $0.id, category: $0.category.rawValue, text: $0.text, source: $0.source)
        })
    }
}
