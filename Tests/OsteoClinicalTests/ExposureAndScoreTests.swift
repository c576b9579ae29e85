import Testing
@testable import OsteoClinical

// Glucocorticoid exposure (guidelines.md §0 equivalence table [V]): hand calculations.
@Test func prednisoloneEquivalents() {
    // Each row ≈ prednisolone 5 mg: hydrocortisone 20, cortisone 25, methylprednisolone 4, triamcinolone 4,
    // deflazacort 6, dexamethasone 0.75, betamethasone 0.75.
    let cases: [(GlucocorticoidDrug, Double, Double)] = [
        (.prednisone, 10, 10), (.hydrocortisone, 20, 5), (.cortisone, 25, 5), (.methylprednisolone, 8, 10),
        (.triamcinolone, 4, 5), (.deflazacort, 6, 5), (.dexamethasone, 0.75, 5), (.betamethasone, 1.5, 10),
    ]
    for (drug, dose, peq) in cases {
        #expect(abs(GlucocorticoidCourse(drug: drug, doseMgPerDay: dose).prednisoloneEquivalentMgPerDay - peq) < 1e-12, "\(drug)")
    }
}

@Test func exposureFromCourses() {
    // 20 mg/day on days −99…0 (100 days) then 10 mg/day planned to day 49: current 20, past 2.0 g,
    // 100 days at >= 30? none. Run at >= 7.5: 100 past + 49 planned = 149.
    let e = GlucocorticoidExposure(courses: [
        GlucocorticoidCourse(drug: .prednisolone, doseMgPerDay: 20, startDay: -99, stopDay: 1),
        GlucocorticoidCourse(drug: .prednisolone, doseMgPerDay: 10, startDay: 1, stopDay: 50),
    ])
    #expect(e.currentDailyPEQMg == 20)
    #expect(abs(e.cumulativeLastYearG - 2.0) < 1e-12)
    #expect(e.daysAtOrAbove30mg == 0)
    #expect(e.continuousDaysAtOrAbove7_5mg == 149)
    #expect(!e.openEnded)
}

@Test func overlappingCoursesAdd() {
    // Two overlapping courses of 15 mg/day on days −39…0: 30 mg/day for 40 days, 1.2 g.
    let c = GlucocorticoidCourse(drug: .prednisone, doseMgPerDay: 15, startDay: -39, stopDay: 1)
    let e = GlucocorticoidExposure(courses: [c, c])
    #expect(e.pastDaysAtOrAbove30mg == 40)
    #expect(abs(e.cumulativeLastYearG - 1.2) < 1e-12)
}

@Test func pastCoursesOlderThanAYearDoNotCount() {
    // 50 mg/day on days −500…−400: nothing in days −364…0.
    let e = GlucocorticoidExposure(courses: [GlucocorticoidCourse(drug: .prednisone, doseMgPerDay: 50, startDay: -500, stopDay: -400)])
    #expect(e.cumulativeLastYearG == 0)
    #expect(e.currentDailyPEQMg == 0)
}

// FRAX adjustment (guidelines.md §1, Kanis 2011 Table [V]; ACR multipliers [V]).
@Test func fraxACRMultipliers() {
    let f = FRAXInput(majorOsteoporoticPct: 10, hipPct: 2)
    let high = FRAXAdjustment.adjust(f, peqMgPerDay: 10, age: 65)
    #expect(abs(high.majorOsteoporoticPct - 11.5) < 1e-12 && abs(high.hipPct - 2.4) < 1e-12)
    let low = FRAXAdjustment.adjust(f, peqMgPerDay: 7.5, age: 65)
    #expect(low.majorOsteoporoticPct == 10 && low.hipPct == 2)
}

@Test func fraxKanisTable() {
    let f = FRAXInput(majorOsteoporoticPct: 20, hipPct: 4)
    func k(_ peq: Double, _ age: Double, _ mode: FRAXAdjustment.AgeInterpolation = .nearest, _ b: FRAXAdjustment.HighDoseBoundary = .above7_5) -> FRAXAdjustment.Result {
        FRAXAdjustment.adjust(f, peqMgPerDay: peq, age: age, settings: .init(method: .kanis2011, boundary: b, ageInterpolation: mode))
    }
    // High dose, age 60: MOF +15%, hip +25% → 23, 5.
    #expect(abs(k(10, 60).majorOsteoporoticPct - 23) < 1e-12 && abs(k(10, 60).hipPct - 5) < 1e-12)
    // Low dose (< 2.5), age 80: MOF −20%, hip −30% → 16, 2.8.
    #expect(abs(k(2, 80).majorOsteoporoticPct - 16) < 1e-12 && abs(k(2, 80).hipPct - 2.8) < 1e-12)
    // Medium dose: unchanged.
    #expect(k(5, 70).majorOsteoporoticPct == 20 && k(5, 70).hipPct == 4)
    // Age 65 between the 60 (+25) and 70 (+20) hip columns: nearest (ties older) = +20; linear = +22.5.
    #expect(k(10, 65).hipChangePct == 20)
    #expect(abs(k(10, 65, .linear).hipChangePct - 22.5) < 1e-12)
    // Outside 40–90: nearest column (age 95 → 90: hip +10).
    #expect(k(10, 95).hipChangePct == 10)
    // 7.5 exactly: medium with ">7.5", high with ">=7.5" (age 50: MOF +20).
    #expect(k(7.5, 50).majorOsteoporoticChangePct == 0)
    #expect(k(7.5, 50, .nearest, .atLeast7_5).majorOsteoporoticChangePct == 20)
}

// JSBMR 2014 (guidelines.md §5 [V]): points and threshold 3.
@Test func jsbmrPoints() {
    #expect(JSBMR2014.agePoints(49.9) == 0 && JSBMR2014.agePoints(50) == 2 && JSBMR2014.agePoints(64.9) == 2 && JSBMR2014.agePoints(65) == 4)
    #expect(JSBMR2014.dosePoints(4.9) == 0 && JSBMR2014.dosePoints(5) == 1 && JSBMR2014.dosePoints(7.4) == 1 && JSBMR2014.dosePoints(7.5) == 4)
    #expect(JSBMR2014.yamPoints(80) == 0 && JSBMR2014.yamPoints(79.9) == 2 && JSBMR2014.yamPoints(70) == 2 && JSBMR2014.yamPoints(69.9) == 4)
    #expect(JSBMR2014.fracturePoints(true) == 7)
}

@Test func jsbmrVignettes() throws {
    // Age 50 (2) + 5 mg (1) = 3 → treat; age 50 + 4.9 mg = 2 → observe.
    let treat = try assess(vignette(sex: .male, age: 50, doseMg: 5)).jsbmr2014
    #expect(treat.score == 3 && treat.treat && treat.lowerBound)
    #expect(try !assess(vignette(sex: .male, age: 50, doseMg: 4.9)).jsbmr2014.treat)
    // Each of prior fracture (7), age >= 65 (4), PSL >= 7.5 (4) alone reaches the threshold (Soen 2015 summary [V]).
    #expect(try assess(vignette(age: 30, doseMg: 2) { $0.priorFragilityFracture = true }).jsbmr2014.score == 7)
    #expect(try assess(vignette(age: 65, doseMg: 2)).jsbmr2014.score == 4)
    #expect(try assess(vignette(age: 30, doseMg: 7.5)).jsbmr2014.score == 4)
    // Full: 7 + 4 + 4 + 4 = 19 (maximum).
    let full = try assess(vignette(age: 70, doseMg: 10) { $0.priorFragilityFracture = true; $0.lumbarSpineYAMPct = 65 }).jsbmr2014
    #expect(full.score == 19 && !full.lowerBound)
}

// IOF-ECTS 2012 [M] and NOGG 2022 §7 [V].
@Test func iofAndNogg() throws {
    // Postmenopausal woman 65 on 10 mg/day: IOF treat (PEQ >= 7.5); NOGG start (>= 7.5 for >= 3 months, open-ended).
    let a = try assess(vignette())
    #expect(a.iofEcts2012.decision == .treat)
    #expect(a.nogg2022.startBoneProtection)
    // 5 mg/day, T -1.6, no FRAX: IOF treat by T <= -1.5; NOGG no GC trigger.
    let b = try assess(vignette(doseMg: 5) { $0.lumbarSpineTScore = -1.6 })
    #expect(b.iofEcts2012.decision == .treat)
    #expect(!b.nogg2022.startBoneProtection)
    // T -1.4 → not indicated.
    #expect(try assess(vignette(doseMg: 5) { $0.lumbarSpineTScore = -1.4 }).iofEcts2012.decision == .notIndicated)
    // Premenopausal 35 without fracture: individual decision; with fracture: treat.
    #expect(try assess(vignette(age: 35)).iofEcts2012.decision == .individualDecision)
    #expect(try assess(vignette(age: 35) { $0.priorFragilityFracture = true }).iofEcts2012.decision == .treat)
    // NOGG: woman >= 70 regardless of dose; 10 mg/day planned for only 60 days → no dose trigger.
    #expect(try assess(vignette(age: 70, doseMg: 2)).nogg2022.startBoneProtection)
    let short = try assess(vignette(doseMg: nil) { $0.glucocorticoids = [GlucocorticoidCourse(drug: .prednisone, doseMgPerDay: 10, startDay: 0, stopDay: 60)] })
    #expect(!short.nogg2022.startBoneProtection)
}

/// Issue 11: drug ids live once (OsteoCatalog). Every recommendation option maps onto catalog
/// drug ids, so assessment options and scenario treatments name the same drugs.
@Test func recommendationOptionsUseCatalogDrugIDs() {
    for option in OsteoporosisDrug.allCases {
        #expect(!option.constituents.isEmpty, "\(option.rawValue) has no catalog drug id")
    }
    #expect(OsteoporosisDrug.calciumVitaminD.constituents == [.calcium, .vitaminD])
}
