import Testing
@testable import OsteoClinical

/// Issue 18: bounded FRAX, recommendations that agree with eligibility, scope, headers.

@Test func adjustedFRAXIsAProbability() {
    // FRAX 100/99 on 10 mg/day: the ACR multipliers (1.15 MOF, 1.2 hip; ACR 2022 Table 1 footnote) give
    // 115% and 118.8%, which are not probabilities: MOF is bounded at 100% and hip at MOF, with notes.
    let r = FRAXAdjustment.adjust(FRAXInput(majorOsteoporoticPct: 100, hipPct: 99), peqMgPerDay: 10, age: 70)
    #expect(r.majorOsteoporoticPct == 100)
    #expect(r.hipPct <= r.majorOsteoporoticPct)
    #expect(r.notes.count == 2)
    #expect(r.notes[0].contains("115.0%") && r.notes[1].contains("118.8%"))
    // Kanis 2011, 70 years, high dose: MOF +15%, hip +20% (Kanis table, age 70 column) → also bounded.
    var kanis = FRAXAdjustment.Settings()
    kanis.method = .kanis2011
    let k = FRAXAdjustment.adjust(FRAXInput(majorOsteoporoticPct: 100, hipPct: 99), peqMgPerDay: 10, age: 70, settings: kanis)
    #expect(k.majorOsteoporoticPct == 100 && k.hipPct <= k.majorOsteoporoticPct)
    // An ordinary value is untouched: 14% × 1.15 = 16.1%, 2.1% × 1.2 = 2.52% (hand calculation), no notes.
    let o = FRAXAdjustment.adjust(FRAXInput(majorOsteoporoticPct: 14, hipPct: 2.1), peqMgPerDay: 10, age: 70)
    #expect(abs(o.majorOsteoporoticPct - 16.1) < 1e-9 && abs(o.hipPct - 2.52) < 1e-9 && o.notes.isEmpty)
    // Hip close to MOF: 20 / 19 → 23 and 22.8 (hand calculation): hip stays below MOF, no note.
    let c = FRAXAdjustment.adjust(FRAXInput(majorOsteoporoticPct: 20, hipPct: 19), peqMgPerDay: 10, age: 70)
    #expect(abs(c.hipPct - 22.8) < 1e-9 && c.notes.isEmpty)
    // 20 / 20 → 23 and 24 (hand calculation): hip bounded at MOF 23.
    let d = FRAXAdjustment.adjust(FRAXInput(majorOsteoporoticPct: 20, hipPct: 20), peqMgPerDay: 10, age: 70)
    #expect(abs(d.hipPct - 23) < 1e-9 && d.notes.count == 1)
}

@Test func recommendationsAgreeWithEligibility() throws {
    // eGFR 25 (< 30, < 35: every bisphosphonate not recommended or contraindicated; labels/KDOQI rows), denosumab
    // stopped 8 months ago without a follow-on, 10 mg/day for 9 months, T-score -2.7: ACR 2022 high or above.
    let a = try assess(vignette(age: 78, doseMg: nil) {
        $0.glucocorticoids = [GlucocorticoidCourse(drug: .prednisolone, doseMgPerDay: 10, startDay: -274)]
        $0.osteoporosisTherapy = [TherapyCourse(drug: .denosumab, startDay: -4 * 365, stopDay: -243)]
        $0.egfr = 25
        $0.lumbarSpineTScore = -2.7
    })
    for r in a.acr2022.recommendations + a.acr2017.recommendations {
        let drugs = r.options.filter { $0.drug != .calciumVitaminD }
        guard !drugs.isEmpty else { continue }
        if !drugs.contains(where: \.suitable) {
            #expect(r.strength == .noSuitableOption, "\(r.id): \(r.text)")
            #expect(r.text.contains("instead"), "\(r.id)")
        } else {
            #expect(r.strength != .noSuitableOption, "\(r.id)")
        }
    }
    // The oral-bisphosphonate recommendation (alendronate, risedronate) has no suitable option here.
    let oral = try #require(a.acr2022.recommendations.first { $0.id == "acr2022.highvh.oralbp" })
    #expect(oral.strength == .noSuitableOption)
    // Sequencing: no bisphosphonate is suitable, so it names the alternative (restart denosumab) instead.
    let seq = try #require(a.sequencing.first { $0.id == "seq.denosumab.stopped" })
    #expect(seq.followOn == [.denosumab])
    #expect(seq.text.contains("not suitable") && !seq.text.contains("start a bisphosphonate"))
}

@Test func everyInstrumentStatesItsScope() throws {
    // A woman of 70 on no glucocorticoid: outside every GIOP instrument's scope (ACR 2022/2017: >= 2.5 mg/day for
    // >= 3 months; JSBMR 2014, IOF-ECTS 2012, NOGG 2022: glucocorticoid for >= 3 months).
    let none = try assess(vignette(age: 70, doseMg: nil) { $0.lumbarSpineYAMPct = 60 })
    for id in ["acr2022", "acr2017", "jsbmr2014", "iof_ects2012", "nogg2022"] {
        #expect(none.scope(of: id)?.inScope == false, "\(id)")
    }
    #expect(none.cautions.contains { $0.contains("outside the scope of acr2022, acr2017, jsbmr2014") })
    // 10 mg/day for a year: inside all of them.
    let on = try assess(vignette(age: 70, doseMg: nil) {
        $0.glucocorticoids = [GlucocorticoidCourse(drug: .prednisolone, doseMgPerDay: 10, startDay: -364)]
    })
    #expect(on.scope.allSatisfy { $0.inScope })
    // FRAX at 95 (FRAX covers 40-90).
    let old = try assess(vignette(age: 95) { $0.frax = FRAXInput(majorOsteoporoticPct: 20, hipPct: 5) })
    #expect(old.scope(of: "frax_adjusted")?.inScope == false)
}

@Test func acr2017VeryHighDoseTreatmentIsReported() throws {
    // 35 years, 40 mg/day for 6 months (7.3 g > 5 g, >= 30 mg/day: ACR 2017 very-high-dose definition) and no
    // Table 1 criterion: category LOW, but the very-high-dose rule (adults >= 30) recommends treatment.
    let a = try assess(vignette(age: 35, doseMg: nil) {
        $0.glucocorticoids = [GlucocorticoidCourse(drug: .prednisolone, doseMgPerDay: 40, startDay: -182)]
        $0.childbearingPotential = false
    })
    #expect(a.acr2017.riskCategory == .low && a.acr2017VeryHighDoseGlucocorticoid)
    #expect(a.acr2017TreatmentRecommended)
    #expect(a.acr2017.recommendations.contains { $0.id == "acr2017.lt40.treat" })
}

@Test func overlappingCoursesAreFlagged() throws {
    // 100 overlapping courses of 10 mg/day: summed to 1000 mg/day (100 × 10), said in a caution.
    let a = try assess(vignette(doseMg: nil) {
        $0.glucocorticoids = Array(repeating: GlucocorticoidCourse(drug: .prednisolone, doseMgPerDay: 10, startDay: -30), count: 100)
    })
    #expect(a.glucocorticoidExposure.currentDailyPEQMg == 1000)
    #expect(a.cautions.contains { $0.contains("overlap") && $0.contains("1000 mg/day") && $0.contains("4945 more pairs") })
    // Consecutive courses (a taper) do not overlap: 20 mg/day days -60..-30, then 10 mg/day from -30.
    let taper = try assess(vignette(doseMg: nil) {
        $0.glucocorticoids = [GlucocorticoidCourse(drug: .prednisolone, doseMgPerDay: 20, startDay: -60, stopDay: -30),
                              GlucocorticoidCourse(drug: .prednisolone, doseMgPerDay: 10, startDay: -30)]
    })
    #expect(!taper.cautions.contains { $0.contains("overlap") })
}
