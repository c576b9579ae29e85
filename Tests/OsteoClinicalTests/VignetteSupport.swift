@testable import OsteoClinical

/// A vignette patient: by default a postmenopausal woman of 65 who starts prednisone 10 mg/day today (open-ended),
/// with no fracture, no BMD, no FRAX and eGFR 80. Each vignette changes only what it tests.
func vignette(sex: ClinicalPatient.Sex = .female, age: Double = 65, doseMg: Double? = 10, _ edit: (inout ClinicalPatient) -> Void = { _ in }) -> ClinicalPatient {
    var p = ClinicalPatient(sex: sex, age: age)
    if sex == .female { p.menopausal = age >= 51 }
    if let doseMg { p.glucocorticoids = [GlucocorticoidCourse(drug: .prednisone, doseMgPerDay: doseMg, startDay: 0)] }
    p.egfr = 80
    edit(&p)
    return p
}

func assess(_ p: ClinicalPatient, settings: AssessmentSettings = AssessmentSettings()) throws -> ClinicalAssessment {
    try ClinicalAssessment.assess(p, settings: settings)
}

/// A course of `mg` prednisone/day taken on exactly `days` whole days ending today (days −(days−1)…0).
func pastCourse(mg: Double, days: Int) -> GlucocorticoidCourse {
    GlucocorticoidCourse(drug: .prednisone, doseMgPerDay: mg, startDay: Double(-(days - 1)), stopDay: 1)
}
