import Testing
@testable import OsteoClinical

/// Drug eligibility, sequencing and special populations (guidelines.md §8; ACR 2022 §3 sequencing [V]).
func verdict(_ drug: OsteoporosisDrug, _ a: ClinicalAssessment) -> DrugEligibility.Verdict? {
    DrugEligibility.verdict(for: drug, in: a.eligibility)
}

@Test func renalThresholds() throws {
    // eGFR 35: no renal restriction; 34: alendronate not recommended (< 35), zoledronic acid contraindicated (< 35),
    // risedronate fine (< 30 threshold); 29: risedronate not recommended, denosumab caution (boxed warning).
    let e35 = try assess(vignette { $0.egfr = 35 })
    #expect(verdict(.alendronate, e35) == nil && verdict(.zoledronicAcid, e35) == nil)
    let e34 = try assess(vignette { $0.egfr = 34 })
    #expect(verdict(.alendronate, e34) == .notRecommended)
    #expect(verdict(.zoledronicAcid, e34) == .contraindicated)
    #expect(verdict(.risedronate, e34) == nil)
    #expect(verdict(.denosumab, e34) == nil)
    let e29 = try assess(vignette { $0.egfr = 29 })
    #expect(verdict(.risedronate, e29) == .notRecommended)
    #expect(verdict(.denosumab, e29) == .caution)
    #expect(verdict(.teriparatide, e29) == nil)
}

@Test func unknownEGFRIsACaution() throws {
    #expect(try assess(vignette { $0.egfr = nil }).cautions.contains { $0.contains("eGFR unknown") })
}

@Test func pregnancyLimitsToCalciumAndVitaminD() throws {
    // Premenopausal 32, 20 mg/day for a year (7.3 g → ACR 2022 very high), pregnant.
    let a = try assess(vignette(age: 32, doseMg: nil) {
        $0.glucocorticoids = [GlucocorticoidCourse(drug: .prednisone, doseMgPerDay: 20, startDay: -364)]
        $0.pregnant = true
    })
    #expect(a.acr2022.riskCategory == .veryHigh)
    for d in [OsteoporosisDrug.alendronate, .zoledronicAcid, .denosumab, .teriparatide, .abaloparatide, .romosozumab, .raloxifene] {
        #expect(verdict(d, a) == .contraindicated, "\(d)")
    }
    #expect(!a.acr2022.recommendations.contains { $0.id == "acr2022.treat" })
    #expect(a.acr2022.recommendations.contains { $0.id == "acr2022.pregnancy" })
    #expect(a.acr2017.recommendations.contains { $0.id == "acr2017.pregnancy" })
}

@Test func childbearingPotential() throws {
    // Premenopausal 35 with prior fracture, not pregnant: IV BP and denosumab only with caution (high risk only);
    // ACR 2017 uses its childbearing-potential row.
    let a = try assess(vignette(age: 35) { $0.priorFragilityFracture = true })
    #expect(a.glucocorticoidExposure.currentDailyPEQMg == 10)
    #expect(verdict(.denosumab, a) == .caution && verdict(.zoledronicAcid, a) == .caution)
    #expect(a.acr2017.recommendations.contains { $0.id == "acr2017.childbearing" })
    // Explicitly not of childbearing potential: no such caution.
    let b = try assess(vignette(age: 35) { $0.priorFragilityFracture = true; $0.childbearingPotential = false })
    #expect(verdict(.denosumab, b) == nil)
}

@Test func hypocalcaemiaBlocksAntiresorptives() throws {
    let a = try assess(vignette { $0.hypocalcaemia = true })
    #expect(verdict(.alendronate, a) == .contraindicated && verdict(.denosumab, a) == .contraindicated)
    #expect(verdict(.teriparatide, a) == nil)
}

@Test func teriparatideDuration() throws {
    // 24 months so far: no flag; 25 months: caution (US label may continue if still high risk; EU 24 months).
    let m24 = try assess(vignette { $0.osteoporosisTherapy = [TherapyCourse(drug: .teriparatide, startDay: -24 * daysPerMonth)] })
    #expect(verdict(.teriparatide, m24) == nil)
    let m25 = try assess(vignette { $0.osteoporosisTherapy = [TherapyCourse(drug: .teriparatide, startDay: -25 * daysPerMonth)] })
    #expect(verdict(.teriparatide, m25) == .caution)
    #expect(verdict(.abaloparatide, m25) == .notRecommended)
}

@Test func romosozumabAndRaloxifene() throws {
    #expect(verdict(.romosozumab, try assess(vignette { $0.myocardialInfarctionOrStrokeLastYear = true })) == .contraindicated)
    #expect(verdict(.romosozumab, try assess(vignette())) == .caution)
    #expect(verdict(.raloxifene, try assess(vignette(sex: .male, age: 70))) == .contraindicated)
    #expect(verdict(.raloxifene, try assess(vignette { $0.venousThromboembolismHistory = true })) == .contraindicated)
    #expect(verdict(.raloxifene, try assess(vignette())) == nil)
}

@Test func afterDenosumab() throws {
    // Stopped 8 months ago with no follow-on: urgent bisphosphonate, first recommendation in both ACR outputs.
    let stopped = try assess(vignette { $0.osteoporosisTherapy = [TherapyCourse(drug: .denosumab, startDay: -1500, stopDay: -240)] })
    #expect(stopped.sequencing.contains { $0.id == "seq.denosumab.stopped" && $0.urgent })
    #expect(stopped.acr2022.recommendations.first?.id == "seq.denosumab.stopped")
    #expect(stopped.acr2017.recommendations.first?.id == "seq.denosumab.stopped")
    #expect(stopped.cautions.first?.hasPrefix("URGENT") == true)
    // Followed by zoledronic acid: no urgent finding.
    let followed = try assess(vignette {
        $0.osteoporosisTherapy = [TherapyCourse(drug: .denosumab, startDay: -1500, stopDay: -240), TherapyCourse(drug: .zoledronicAcid, startDay: -230)]
    })
    #expect(!followed.sequencing.contains { $0.urgent })
    // Current denosumab: a (non-urgent) never-stop-without-follow-on reminder.
    let current = try assess(vignette { $0.osteoporosisTherapy = [TherapyCourse(drug: .denosumab, startDay: -365)] })
    #expect(current.sequencing.contains { $0.id == "seq.denosumab.current" && !$0.urgent })
    // Teriparatide finished without an antiresorptive: follow-on advised.
    let tpt = try assess(vignette { $0.osteoporosisTherapy = [TherapyCourse(drug: .teriparatide, startDay: -800, stopDay: -30)] })
    #expect(tpt.sequencing.contains { $0.id == "seq.anabolic.stopped" })
}

@Test func childrenAreRefused() {
    for age in [17.9, 12, 3] {
        #expect(throws: ClinicalError.self) { try assess(vignette(age: age)) }
    }
    do {
        _ = try ClinicalAssessment.assess(vignette(age: 3))
    } catch {
        #expect(error.message.contains("adults only"))
        #expect(error.message.contains("only from 4 years"))
    }
    #expect(throws: Never.self) { try assess(vignette(age: 18)) }
}

@Test func recommendationsByCategory() throws {
    // ACR 2022: low → Ca+D only; very high → anabolic preferred; >= 40 high → denosumab or PTH analogue preferred.
    let low = try assess(vignette(doseMg: 5))
    #expect(low.acr2022.riskCategory == .low)
    #expect(low.acr2022.recommendations.map(\.id) == ["acr2022.all.cad", "acr2022.low.cad"])
    let vh = try assess(vignette { $0.priorFragilityFracture = true })
    #expect(vh.acr2022.recommendations.contains { $0.id == "acr2022.vh.anabolic" && $0.strength == .conditional })
    #expect(vh.acr2022.recommendations.contains { $0.id == "acr2022.highvh.oralbp" && $0.strength == .strong })
    let high = try assess(vignette { $0.lumbarSpineTScore = -2.8 })
    #expect(high.acr2022.recommendations.contains { $0.id == "acr2022.ge40high.dmab_pth" })
    // Ineligible options stay listed and are marked unsuitable.
    let ckd = try assess(vignette { $0.lumbarSpineTScore = -2.8; $0.egfr = 20 })
    let oral = try #require(ckd.acr2022.recommendations.first { $0.id == "acr2022.highvh.oralbp" })
    #expect(oral.options.allSatisfy { !$0.suitable })
}
