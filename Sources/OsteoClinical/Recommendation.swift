/// A recommendation as a guideline states it, with the eligibility of each option for this patient.
public struct Recommendation: Sendable, Equatable, Codable {
    public enum Strength: String, Sendable, Codable {
        case strong, conditional, goodPractice = "good_practice"
        /// The guideline recommends drugs none of which is suitable for this patient: the text says so and what
        /// to do instead.
        case noSuitableOption = "no_suitable_option"
    }

    public struct Option: Sendable, Equatable, Codable {
        public var drug: OsteoporosisDrug
        /// Worst eligibility verdict found for this patient (nil = none found).
        public var eligibility: DrugEligibility.Verdict?
        public var notes: [String]
        public var suitable: Bool { eligibility == nil || eligibility == .caution }
    }

    public var id: String
    public var text: String
    public var strength: Strength
    public var options: [Option]
    public var rationale: String
    public var source: RuleSource
}

/// One row of a recommendation table: when `applies`, recommend `drugs` (in preference order).
struct RecommendationRule<Category: Sendable>: Sendable {
    var id: String
    var text: String
    var strength: Recommendation.Strength
    var drugs: [OsteoporosisDrug]
    var source: RuleSource
    var applies: @Sendable (PatientFacts, Category) -> Bool
    var rationale: @Sendable (PatientFacts, Category) -> String
}

extension RecommendationRule {
    func make(_ f: PatientFacts, _ c: Category, eligibility: [DrugEligibility.Finding]) -> Recommendation {
        let options = drugs.map { d in
            Recommendation.Option(drug: d, eligibility: DrugEligibility.verdict(for: d, in: eligibility),
                                  notes: eligibility.filter { $0.drugs.contains(d) }.map(\.text))
        }
        return Recommendation(id: id, text: text, strength: strength, options: options, rationale: rationale(f, c), source: source)
            .reconciled(with: eligibility)
    }
}

extension Recommendation {
    /// Drugs considered when none of a recommendation's options is suitable (the GIOP options of ACR 2022, plus
    /// ibandronate).
    static let fallbackDrugs: [OsteoporosisDrug] = Drugs.acr2022Options + [.ibandronate]

    static func describe(_ o: Option) -> String {
        o.drug.displayName + (o.eligibility.map { " (" + spaced($0.rawValue) + ")" } ?? "")
    }

    /// Makes the text and strength agree with the options' eligibility: when none of the drug options is
    /// suitable, the strength becomes `noSuitableOption` and the text says why and what to do instead; when only
    /// some are, the text names the suitable ones.
    func reconciled(with eligibility: [DrugEligibility.Finding]) -> Recommendation {
        let drugs = options.filter { $0.drug != .calciumVitaminD }
        guard !drugs.isEmpty else { return self }
        let suitable = drugs.filter(\.suitable)
        var r = self
        if suitable.isEmpty {
            let others = Self.fallbackDrugs.filter { d in !drugs.contains { $0.drug == d } }
                .map { Option(drug: $0, eligibility: DrugEligibility.verdict(for: $0, in: eligibility), notes: []) }
                .filter(\.suitable)
            let instead = others.isEmpty
                ? "no osteoporosis drug is suitable: refer to a bone specialist; calcium and vitamin D, fall prevention"
                : "consider " + others.map(Self.describe).joined(separator: ", ") + " with specialist advice, or refer to a bone specialist"
            let listed: String = drugs.map(Self.describe).joined(separator: ", ")
            let original: String = "\"" + text + "\" (" + spaced(strength.rawValue) + ")"
            r.text = "None of the options is suitable for this patient (" + listed + ") for the guideline's " + original + "; instead: " + instead
            r.strength = .noSuitableOption
        } else if suitable.count < drugs.count {
            let yes: String = suitable.map(Self.describe).joined(separator: ", ")
            let no: String = drugs.filter { !$0.suitable }.map(Self.describe).joined(separator: ", ")
            r.text = text + " — suitable for this patient: " + yes + "; not: " + no
        }
        return r
    }
}

enum Drugs {
    static let caD: [OsteoporosisDrug] = [.calciumVitaminD]
    static let acr2022Options: [OsteoporosisDrug] = [.alendronate, .risedronate, .zoledronicAcid, .denosumab, .teriparatide, .abaloparatide]
    static let anabolic: [OsteoporosisDrug] = [.teriparatide, .abaloparatide]
}

/// ACR 2022 treatment table (guidelines.md §3; [V] guidelinecentral key recommendations unless marked).
enum ACR2022Recommendations {
    typealias C = ACR2022.Category
    static func atLeast(_ c: C, _ min: C) -> Bool { c >= min }
    static func pregnancyBlocks(_ f: PatientFacts) -> Bool { f.patient.pregnant || f.patient.planningPregnancy }

    static let rules: [RecommendationRule<C>] = [
        .init(id: "acr2022.all.cad", text: "Optimise calcium and vitamin D (age-appropriate), weight-bearing exercise, no smoking, limit alcohol",
              strength: .strong, drugs: Drugs.caD, source: RuleSource(Citation.acr2022, .verified, note: "strength [M]"),
              applies: { _, _ in true }, rationale: { _, _ in "every patient on glucocorticoids" }),
        .init(id: "acr2022.pregnancy", text: "Pregnant or planning pregnancy: calcium and vitamin D only; no osteoporosis drug",
              strength: .goodPractice, drugs: Drugs.caD, source: RuleSource(Citation.acr2022 + " (special populations)", .fromMemory),
              applies: { f, _ in pregnancyBlocks(f) }, rationale: { _, _ in "fetal safety of osteoporosis drugs unknown or adverse" }),
        .init(id: "acr2022.treat", text: "Offer an osteoporosis medication in addition to calcium and vitamin D",
              strength: .strong, drugs: Drugs.acr2022Options, source: RuleSource(Citation.acr2022, .verified),
              applies: { f, c in atLeast(c, .moderate) && !pregnancyBlocks(f) }, rationale: { _, c in "ACR 2022 risk category \(c.rawValue) (adult > 18)" }),
        .init(id: "acr2022.highvh.oralbp", text: "Oral bisphosphonate rather than no treatment",
              strength: .strong, drugs: [.alendronate, .risedronate], source: RuleSource(Citation.acr2022, .verified),
              applies: { f, c in atLeast(c, .high) && !pregnancyBlocks(f) }, rationale: { _, c in "risk category \(c.rawValue)" }),
        .init(id: "acr2022.vh.anabolic", text: "Anabolic agent (teriparatide or abaloparatide) preferred over bisphosphonate or denosumab",
              strength: .conditional, drugs: Drugs.anabolic, source: RuleSource(Citation.acr2022, .verified),
              applies: { f, c in c == .veryHigh && !pregnancyBlocks(f) }, rationale: { _, _ in "very high risk" }),
        .init(id: "acr2022.ge40high.dmab_pth", text: "Denosumab or a PTH/PTHrP analogue preferred over a bisphosphonate",
              strength: .conditional, drugs: [.denosumab, .teriparatide, .abaloparatide], source: RuleSource(Citation.acr2022, .verified),
              applies: { f, c in c == .high && f.age >= 40 && !pregnancyBlocks(f) }, rationale: { _, _ in "age >= 40 and high risk" }),
        .init(id: "acr2022.moderate.choice", text: "Oral bisphosphonate, IV bisphosphonate, denosumab or PTH/PTHrP analogue (shared decision)",
              strength: .conditional, drugs: [.alendronate, .risedronate, .zoledronicAcid, .denosumab, .teriparatide, .abaloparatide],
              source: RuleSource(Citation.acr2022, .verified),
              applies: { f, c in c == .moderate && !pregnancyBlocks(f) }, rationale: { _, _ in "moderate risk" }),
        .init(id: "acr2022.low.cad", text: "Calcium and vitamin D only; no osteoporosis drug; reassess fracture risk every 12 months",
              strength: .conditional, drugs: Drugs.caD, source: RuleSource(Citation.acr2022, .fromMemory),
              applies: { _, c in c == .low }, rationale: { _, _ in "low risk" }),
        .init(id: "acr2022.gcstopped.low", text: "Glucocorticoid stopped and now low risk: the osteoporosis drug may be stopped, except denosumab, which needs a bisphosphonate follow-on",
              strength: .conditional, drugs: Drugs.caD, source: RuleSource(Citation.acr2022, .fromMemory),
              applies: { f, c in c == .low && !f.exposure.isCurrent && f.patient.osteoporosisTherapy.contains(where: \.isCurrent) },
              rationale: { _, _ in "no current glucocorticoid, low risk, on treatment" }),
    ]
}

/// ACR 2017 treatment table (guidelines.md §2; all conditional).
enum ACR2017Recommendations {
    typealias C = ACR2017.Category
    static func treat(_ f: PatientFacts, _ c: C) -> Bool {
        (c >= .moderate || (f.age >= 30 && ACR2017.veryHighDose(f))) && !(f.patient.pregnant || f.patient.planningPregnancy)
    }

    static let rules: [RecommendationRule<C>] = [
        .init(id: "acr2017.all.cad", text: "Calcium 1000-1200 mg/day and vitamin D 600-800 IU/day (target 25OHD >= 20 ng/mL), healthy weight, stop smoking, alcohol <= 1-2/day, weight-bearing or resistance exercise",
              strength: .conditional, drugs: Drugs.caD, source: RuleSource(Citation.acr2017, .verified, note: "numbers [M]"),
              applies: { _, _ in true }, rationale: { _, _ in "every adult on glucocorticoids" }),
        .init(id: "acr2017.low", text: "Calcium and vitamin D only", strength: .conditional, drugs: Drugs.caD, source: RuleSource(Citation.acr2017, .verified),
              applies: { f, c in c == .low && !(f.age >= 30 && ACR2017.veryHighDose(f)) }, rationale: { _, _ in "low risk" }),
        .init(id: "acr2017.ge40.treat", text: "Oral bisphosphonate preferred; if unsuitable, in order: IV bisphosphonate, teriparatide, denosumab, raloxifene (postmenopausal women, only if none of the others is suitable)",
              strength: .conditional, drugs: [.alendronate, .risedronate, .zoledronicAcid, .teriparatide, .denosumab, .raloxifene],
              source: RuleSource(Citation.acr2017, .fromMemory),
              applies: { f, c in f.age >= 40 && treat(f, c) && !f.patient.couldBecomePregnant },
              rationale: { f, c in ACR2017.veryHighDose(f) ? "very-high-dose glucocorticoid" : "risk category \(c.rawValue), age >= 40" }),
        .init(id: "acr2017.lt40.treat", text: "Oral bisphosphonate; alternatives IV bisphosphonate, teriparatide, denosumab (no raloxifene)",
              strength: .conditional, drugs: [.alendronate, .risedronate, .zoledronicAcid, .teriparatide, .denosumab],
              source: RuleSource(Citation.acr2017, .fromMemory),
              applies: { f, c in f.age < 40 && treat(f, c) && !f.patient.couldBecomePregnant },
              rationale: { f, c in ACR2017.veryHighDose(f) ? "very-high-dose glucocorticoid (age >= 30)" : "risk category \(c.rawValue), age < 40" }),
        .init(id: "acr2017.childbearing", text: "Could become pregnant (not planning, on effective contraception): oral bisphosphonate; teriparatide if unsuitable; IV bisphosphonate or denosumab only at high risk",
              strength: .conditional, drugs: [.alendronate, .risedronate, .teriparatide, .zoledronicAcid, .denosumab],
              source: RuleSource(Citation.acr2017, .fromMemory),
              applies: { f, c in treat(f, c) && f.patient.couldBecomePregnant }, rationale: { _, c in "risk category \(c.rawValue), childbearing potential" }),
        .init(id: "acr2017.pregnancy", text: "Pregnant or planning pregnancy: calcium and vitamin D only", strength: .goodPractice, drugs: Drugs.caD,
              source: RuleSource(Citation.acr2017, .fromMemory),
              applies: { f, _ in f.patient.pregnant || f.patient.planningPregnancy }, rationale: { _, _ in "pregnancy" }),
    ]
}

/// `raw_value` as words ("not_recommended" → "not recommended").
func spaced(_ raw: String) -> String { String(raw.map { $0 == "_" ? " " : $0 }) }
