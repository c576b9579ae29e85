/// Drug eligibility and sequencing rules (guidelines.md §8), as a table: each row names the drugs it concerns,
/// its verdict, the reason shown to the user and its source.
public enum DrugEligibility {
    public enum Verdict: String, Sendable, Codable, Comparable {
        /// Do not use.
        case contraindicated
        /// Not recommended / not routinely (label or guideline says avoid; specialist decision).
        case notRecommended = "not_recommended"
        /// May be used with the stated precaution.
        case caution
        var rank: Int { switch self { case .caution: 0; case .notRecommended: 1; case .contraindicated: 2 } }
        public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
    }

    public struct Rule: Sendable {
        public var id: String
        public var drugs: [OsteoporosisDrug]
        public var verdict: Verdict
        public var text: String
        public var source: RuleSource
        public var test: @Sendable (PatientFacts) -> Bool
    }

    public struct Finding: Sendable, Equatable, Codable {
        public var id: String
        public var drugs: [OsteoporosisDrug]
        public var verdict: Verdict
        public var text: String
        public var source: RuleSource
    }

    static func egfr(_ f: PatientFacts, below x: Double) -> Bool { (f.patient.egfr ?? .infinity) < x }
    static let pregnancyDrugs: [OsteoporosisDrug] = OsteoporosisDrug.bisphosphonates + [.denosumab, .teriparatide, .abaloparatide, .romosozumab, .raloxifene]

    public static let rules: [Rule] = [
        Rule(id: "renal.alendronate", drugs: [.alendronate], verdict: .notRecommended, text: "eGFR < 35 mL/min: alendronate not recommended (label)",
             source: RuleSource(Citation.labels, .verified, note: "via secondary summaries; confirm against the current SPL")) { egfr($0, below: 35) },
        Rule(id: "renal.risedronate_ibandronate", drugs: [.risedronate, .ibandronate], verdict: .notRecommended, text: "eGFR < 30 mL/min: not recommended (label)",
             source: RuleSource(Citation.labels, .verified, note: "via secondary summaries")) { egfr($0, below: 30) },
        Rule(id: "renal.zoledronic", drugs: [.zoledronicAcid], verdict: .contraindicated, text: "eGFR < 35 mL/min: zoledronic acid 5 mg contraindicated; measure creatinine clearance before every dose",
             source: RuleSource(Citation.labels, .verified, note: "via secondary summaries")) { egfr($0, below: 35) },
        Rule(id: "renal.bp_ckd", drugs: OsteoporosisDrug.bisphosphonates, verdict: .notRecommended, text: "eGFR < 30: no routine bisphosphonate; CKD-MBD work-up and specialist referral (KDOQI 2B)",
             source: RuleSource("KDOQI / KDIGO CKD-MBD", .verified, note: "via secondary summaries")) { egfr($0, below: 30) },
        Rule(id: "renal.denosumab", drugs: [.denosumab], verdict: .caution,
             text: "eGFR < 30 or dialysis: boxed warning for severe, sometimes fatal hypocalcaemia; CKD-MBD work-up (iPTH, Ca, 25OHD, 1,25(OH)2D), calcium weekly in month 1 then monthly; specialist",
             source: RuleSource(Citation.prolia2024, .verified)) { egfr($0, below: 30) },
        Rule(id: "hypocalcaemia", drugs: OsteoporosisDrug.antiresorptives, verdict: .contraindicated,
             text: "hypocalcaemia: correct calcium (and vitamin D deficiency) before any antiresorptive",
             source: RuleSource("Prolia label; bisphosphonate labels", .verified, note: "oral bisphosphonate contraindication [M]")) { $0.patient.hypocalcaemia },
        Rule(id: "pregnancy", drugs: pregnancyDrugs, verdict: .contraindicated,
             text: "pregnant or planning pregnancy: no bisphosphonate (long skeletal retention), denosumab, PTH analogue, romosozumab or raloxifene; calcium + vitamin D only",
             source: RuleSource(Citation.labels + "; " + Citation.acr2017 + " (special populations)", .fromMemory)) { $0.patient.pregnant || $0.patient.planningPregnancy },
        Rule(id: "childbearing.ivbp_denosumab", drugs: [.zoledronicAcid, .denosumab], verdict: .caution,
             text: "could become pregnant: IV bisphosphonate and denosumab only at high risk (fetal safety unknown); effective contraception (denosumab: during and >= 5 months after)",
             source: RuleSource(Citation.acr2017 + " (women of childbearing potential)", .fromMemory)) {
            $0.patient.couldBecomePregnant && !$0.patient.pregnant && !$0.patient.planningPregnancy
        },
        Rule(id: "childbearing.other", drugs: [.alendronate, .risedronate, .ibandronate, .teriparatide, .abaloparatide], verdict: .caution,
             text: "could become pregnant: only with effective contraception (or not sexually active) and no plan for pregnancy",
             source: RuleSource(Citation.acr2017 + " (women of childbearing potential)", .fromMemory)) {
            $0.patient.couldBecomePregnant && !$0.patient.pregnant && !$0.patient.planningPregnancy
        },
        Rule(id: "teriparatide.duration", drugs: [.teriparatide], verdict: .caution,
             text: "more than 24 months of teriparatide so far: US label (2020) allows more only if still at high fracture risk; EU SmPC limits treatment to 24 months",
             source: RuleSource("Krege et al. JBMR Plus 2022 (US label change)", .verified, note: "exact label wording and EU limit [M]")) {
            pthMonths($0) > 24 && !$0.patient.pregnant
        },
        Rule(id: "abaloparatide.duration", drugs: [.abaloparatide], verdict: .notRecommended,
             text: "cumulative PTH-analogue use over 24 months: abaloparatide not recommended (label)",
             source: RuleSource(Citation.labels, .fromMemory)) { pthMonths($0) > 24 },
        Rule(id: "romosozumab.cv", drugs: [.romosozumab], verdict: .contraindicated,
             text: "myocardial infarction or stroke within the past year: do not start romosozumab (boxed warning: MI, stroke, CV death)",
             source: RuleSource(Citation.labels, .fromMemory)) { $0.patient.myocardialInfarctionOrStrokeLastYear },
        Rule(id: "romosozumab.general", drugs: [.romosozumab], verdict: .caution,
             text: "romosozumab: little GIOP data, maximum 12 monthly doses, cardiovascular boxed warning; not a standard first choice",
             source: RuleSource(Citation.acr2022, .fromMemory)) { _ in true },
        Rule(id: "raloxifene.population", drugs: [.raloxifene], verdict: .contraindicated,
             text: "raloxifene: only for postmenopausal women; contraindicated with past venous thromboembolism",
             source: RuleSource(Citation.labels, .fromMemory)) { !$0.patient.isPostmenopausalWoman || $0.patient.venousThromboembolismHistory },
        Rule(id: "transplant.denosumab", drugs: [.denosumab], verdict: .caution,
             text: "organ transplant on several immunosuppressants: caution with denosumab (infections)",
             source: RuleSource(Citation.acr2017 + " (organ transplant)", .fromMemory)) { $0.patient.organTransplant },
    ]

    static func pthMonths(_ f: PatientFacts) -> Double {
        f.patient.osteoporosisTherapy.filter { OsteoporosisDrug.pthAnalogues.contains($0.drug) }.reduce(0) { $0 + $1.monthsSoFar }
    }

    /// Every rule that applies to this patient.
    public static func findings(_ f: PatientFacts) -> [Finding] {
        rules.filter { $0.test(f) }.map { Finding(id: $0.id, drugs: $0.drugs, verdict: $0.verdict, text: $0.text, source: $0.source) }
    }

    /// The worst verdict for one drug among `findings` (nil = no restriction found).
    public static func verdict(for drug: OsteoporosisDrug, in findings: [Finding]) -> Verdict? {
        findings.filter { $0.drugs.contains(drug) }.map(\.verdict).max()
    }
}
