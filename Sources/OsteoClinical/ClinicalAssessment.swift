/// A patient outside the adult instruments.
public struct ClinicalError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    public static func child(_ age: Double) -> ClinicalError {
        ClinicalError(message: "age \(formatNumber(age)) years: OsteoSim assesses adults only (18 years and over). "
            + "ACR 2022, JSBMR 2014, IOF-ECTS 2012, NOGG, FRAX and QFracture are adult instruments; ACR 2017 covers children "
            + (age < 4 ? "only from 4 years" : "4-17 years with separate paediatric recommendations")
            + ", which are not implemented. Refer to paediatric bone specialist guidance")
    }
}

/// The guideline assessment of one adult patient (everything except QFracture, which lives in its own LGPL module).
public struct ClinicalAssessment: Sendable, Equatable, Codable {
    public struct GuidelineResult<Category: Codable & Sendable & Equatable>: Sendable, Equatable, Codable {
        public var riskCategory: Category
        public var criteria: [MetCriterion]
        public var recommendations: [Recommendation]
    }

    public var glucocorticoidExposure: GlucocorticoidExposure
    public var acr2022: GuidelineResult<ACR2022.Category>
    public var acr2017: GuidelineResult<ACR2017.Category>
    public var acr2017VeryHighDoseGlucocorticoid: Bool
    public var jsbmr2014: JSBMR2014.Result
    public var iofEcts2012: IOFECTS2012.Result
    public var nogg2022: NOGG2022.Result
    /// GC-adjusted FRAX with the ACR multipliers and with the Kanis 2011 table (nil without a FRAX entry).
    public var fraxAdjustedACR: FRAXAdjustment.Result?
    public var fraxAdjustedKanis: FRAXAdjustment.Result?
    public var eligibility: [DrugEligibility.Finding]
    public var sequencing: [Sequencing.Finding]
    public var cautions: [String]
    /// Each instrument's scope for this patient (`acr2022`, `acr2017`, `jsbmr2014`, `iof_ects2012`, `nogg2022`,
    /// `frax_adjusted`).
    public var scope: [InstrumentScope]
    /// ACR 2017 recommends drug therapy (risk category moderate or high, or very-high-dose glucocorticoid from 30).
    public var acr2017TreatmentRecommended: Bool

    public func scope(of instrument: String) -> InstrumentScope? { scope.first { $0.instrument == instrument } }

    /// Adults from 18 years; younger patients are refused with `ClinicalError`.
    public static let minimumAge = 18.0

    public static func assess(_ p: ClinicalPatient, settings: AssessmentSettings = AssessmentSettings()) throws(ClinicalError) -> ClinicalAssessment {
        guard p.age >= minimumAge else { throw .child(p.age) }
        let f = PatientFacts(p, settings: settings)
        let elig = DrugEligibility.findings(f)
        let seq = Sequencing.reconciled(Sequencing.findings(f), with: elig)

        let a22 = ACR2022.categorise(f)
        var recs22 = ACR2022Recommendations.rules.filter { $0.applies(f, a22.category) }.map { $0.make(f, a22.category, eligibility: elig) }
        let a17 = ACR2017.categorise(f)
        var recs17 = ACR2017Recommendations.rules.filter { $0.applies(f, a17.category) }.map { $0.make(f, a17.category, eligibility: elig) }
        for s in seq where s.urgent {
            let rule = RecommendationRule<ACR2022.Category>(
                id: s.id, text: s.text, strength: .strong, drugs: s.followOn, source: s.source,
                applies: { _, _ in true }, rationale: { _, _ in "sequencing after denosumab" })
            recs22.insert(rule.make(f, a22.category, eligibility: elig), at: 0)
            recs17.insert(rule.make(f, a22.category, eligibility: elig), at: 0)
        }

        var kanis = settings.frax
        kanis.method = .kanis2011
        let fraxKanis = p.frax.map { FRAXAdjustment.adjust($0, peqMgPerDay: f.exposure.currentDailyPEQMg, age: p.age, settings: kanis) }

        return ClinicalAssessment(
            glucocorticoidExposure: f.exposure,
            acr2022: GuidelineResult(riskCategory: a22.category, criteria: a22.criteria, recommendations: recs22),
            acr2017: GuidelineResult(riskCategory: a17.category, criteria: a17.criteria, recommendations: recs17),
            acr2017VeryHighDoseGlucocorticoid: a17.veryHighDoseGlucocorticoid,
            jsbmr2014: JSBMR2014.score(f), iofEcts2012: IOFECTS2012.assess(f), nogg2022: NOGG2022.assess(f),
            fraxAdjustedACR: f.acrAdjustedFRAX, fraxAdjustedKanis: fraxKanis,
            eligibility: elig, sequencing: seq, cautions: cautions(f, seq), scope: InstrumentScope.all(f),
            acr2017TreatmentRecommended: ACR2017Recommendations.treat(f, a17.category))
    }

    static func cautions(_ f: PatientFacts, _ seq: [Sequencing.Finding]) -> [String] {
        let p = f.patient, e = f.exposure
        var c: [String] = []
        for s in seq where s.urgent { c.append("URGENT: " + s.text) }
        let outside = InstrumentScope.all(f).filter { !$0.inScope }.map(\.instrument)
        if !outside.isEmpty {
            c.append("outside the scope of \(outside.joined(separator: ", ")) (each says why): those results are shown for information only")
        }
        if !e.overlappingCourses.isEmpty {
            let pairs = e.overlappingCourses.prefix(5).map { "\($0[0] + 1) and \($0[1] + 1)" }.joined(separator: ", ")
            let more = e.overlappingCourses.count > 5 ? " and \(e.overlappingCourses.count - 5) more pairs" : ""
            c.append("glucocorticoid courses overlap (courses \(pairs)\(more)): their doses are added, up to \(formatNumber(e.peakDailyPEQMg)) mg/day prednisolone-equivalent on the busiest day; check that this is intended (a taper or a switch is written as consecutive courses)")
        }
        if p.pregnant || p.planningPregnancy {
            c.append("pregnant or planning pregnancy: the drug suggestions of JSBMR 2014 and IOF-ECTS do not apply; calcium and vitamin D only, specialist advice")
        }
        if e.openEnded { c.append("an open-ended glucocorticoid course is assumed to continue for the planned-exposure counts") }
        if p.frax == nil && p.age >= 40 {
            c.append("no FRAX entered: ACR categories use only fracture history, BMD and glucocorticoid dose; enter FRAX (with GC = yes) for a complete categorisation")
        }
        if p.frax != nil && p.age < 40 { c.append("FRAX is not validated under 40 years; the entered FRAX is not used by the ACR categories for adults < 40") }
        if p.frax != nil && p.age > 90 { c.append("FRAX covers ages 40-90; the Kanis adjustment uses the 90-year column") }
        if f.lowestTScore == nil && f.lowestZScore == nil {
            c.append("no BMD: ACR 2022 recommends BMD with vertebral fracture assessment or spine X-ray as soon as possible (within 6 months of starting), then every 1-2 years on glucocorticoids")
        }
        if p.egfr == nil { c.append("eGFR unknown: renal eligibility of bisphosphonates and denosumab not checked") }
        if e.cumulativeEntered {
            c.append("cumulative glucocorticoid of the past year taken as entered (\(formatNumber(e.cumulativeLastYearG)) g), not derived from the courses")
        }
        if p.age < 40 && p.bmdLossLastYearPct != nil && p.dxaLeastSignificantChangePct == nil {
            c.append("BMD loss entered without the DXA least significant change: the ACR 2022 bone-loss criterion for adults < 40 was not evaluated")
        }
        if p.sex == .female && p.menopausal == nil {
            c.append("menopausal status not given: taken as \(p.isPostmenopausalWoman ? "postmenopausal" : "premenopausal") from age (>= 51)")
        }
        return c
    }
}
