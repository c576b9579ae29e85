/// ACR 2017 GIOP risk categories (Buckley et al. 2017, Table 1), guidelines.md §2, plus the very-high-dose GC flag.
public enum ACR2017 {
    public enum Category: String, Sendable, Codable, Comparable, CaseIterable {
        case low, moderate, high
        var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
        public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
    }

    static let table = RuleSource(Citation.acr2017 + ", Table 1", .verified, note: "MOF cut-offs via the 2022 summary")
    static let tableM = RuleSource(Citation.acr2017 + ", Table 1", .fromMemory, note: "consistent with the 2022 text")

    /// Adults ≥ 40.
    public static let criteria40AndOver: [CategoryCriterion<Category>] = [
        .init(id: "acr2017.ge40.h.fracture", category: .high, text: "prior osteoporotic fracture", source: table) { $0.patient.priorFragilityFracture },
        .init(id: "acr2017.ge40.h.t", category: .high, text: "hip or spine T-score <= -2.5 (men >= 50, postmenopausal women)", source: tableM) {
            $0.patient.isMan50OrPostmenopausalWoman && ($0.lowestTScore ?? 0) <= -2.5
        },
        .init(id: "acr2017.ge40.h.mof", category: .high, text: "GC-adjusted FRAX major osteoporotic >= 20%", source: table) { ($0.mof ?? 0) >= 20 },
        .init(id: "acr2017.ge40.h.hip", category: .high, text: "GC-adjusted FRAX hip >= 3%", source: tableM) { ($0.hip ?? 0) >= 3 },
        .init(id: "acr2017.ge40.m.mof", category: .moderate, text: "GC-adjusted FRAX major osteoporotic 10-19%", source: table) { ACR2022.inBand($0.mof, atLeast: 10, below: 20) },
        .init(id: "acr2017.ge40.m.hip", category: .moderate, text: "GC-adjusted FRAX hip > 1% and < 3%", source: table) { ($0.hip ?? 0) > 1 && ($0.hip ?? 0) < 3 },
    ]

    /// Adults 18–39 (the 2017 guideline also covers children from 4; not implemented).
    public static let criteriaUnder40: [CategoryCriterion<Category>] = [
        .init(id: "acr2017.lt40.h.fracture", category: .high, text: "prior osteoporotic fracture",
              source: RuleSource(Citation.acr2017, .verified, note: "seekhealthz summary")) { $0.patient.priorFragilityFracture },
        .init(id: "acr2017.lt40.m.z", category: .moderate, text: "hip or spine Z-score < -3 and continuing glucocorticoid >= 7.5 mg/day for >= 6 months",
              source: RuleSource(Citation.acr2017, .verified, note: "GC condition applied to both criteria, as in the 2022 text")) {
            ACR2022.continuing7_5For6Months($0) && ($0.lowestZScore ?? 0) < -3
        },
        .init(id: "acr2017.lt40.m.loss", category: .moderate, text: "BMD loss >= 10% at hip or spine in one year and continuing glucocorticoid >= 7.5 mg/day for >= 6 months",
              source: RuleSource(Citation.acr2017, .verified, note: "GC condition applied to both criteria, as in the 2022 text")) {
            ACR2022.continuing7_5For6Months($0) && ($0.patient.bmdLossLastYearPct ?? 0) >= 10
        },
    ]

    /// Very-high-dose GC (2017): prednisone ≥ 30 mg/day AND cumulative > 5 g in the past year [V PMC6288607 Fig 3].
    public static func veryHighDose(_ f: PatientFacts) -> Bool {
        f.exposure.currentDailyPEQMg >= 30 && clean(f.exposure.cumulativeLastYearG) > 5
    }
    public static let veryHighDoseSource = RuleSource(Citation.acr2017 + " (very-high-dose definition)", .verified, note: "PMC6288607 Fig 3")

    public struct Result: Sendable, Equatable, Codable {
        public var category: Category
        public var criteria: [MetCriterion]
        public var veryHighDoseGlucocorticoid: Bool
    }

    public static func categorise(_ f: PatientFacts) -> Result {
        let table = f.age >= 40 ? criteria40AndOver : criteriaUnder40
        var met = table.filter { $0.test(f) }.map {
            MetCriterion(id: $0.id, category: $0.category.rawValue, text: $0.text, source: $0.source)
        }
        let vhd = veryHighDose(f)
        if vhd {
            met.append(MetCriterion(id: "acr2017.vhd", category: "very_high_dose_gc",
                                    text: "very-high-dose glucocorticoid (>= 30 mg/day and > 5 g in the past year)", source: veryHighDoseSource))
        }
        let category = table.filter { $0.test(f) }.map(\.category).max() ?? .low
        return Result(category: category, criteria: met, veryHighDoseGlucocorticoid: vhd)
    }
}
