import OsteoClinical

/// Cross-field checks of a patient file (docs/file-formats.md, "Plausibility checks"): each field may be in range
/// while the combination is not a plausible person.
extension PatientFile {
    static func checkPlausibility(_ p: ClinicalPatient, root: InputNode, _ m: [String: Any]) throws(InputError) {
        let age = Quantity.formatted(p.age)
        if p.sex == .female && p.menopausal == false && p.age > FieldRanges.maximumPremenopausalAge {
            throw root.field("menopausal", in: m).error("a premenopausal woman of \(age) years is not plausible",
                accepted: "menopausal: true (or omit it) above age \(Quantity.formatted(FieldRanges.maximumPremenopausalAge))")
        }
        for key in ["pregnant", "planning_pregnancy"] {
            let set = key == "pregnant" ? p.pregnant : p.planningPregnancy
            guard set else { continue }
            if p.age > FieldRanges.maximumPregnancyAge {
                throw root.field(key, in: m).error("\(key): true at \(age) years is not plausible",
                    accepted: "false (or omit it) above age \(Quantity.formatted(FieldRanges.maximumPregnancyAge))")
            }
            if p.menopausal == true {
                throw root.field(key, in: m).error("\(key): true together with menopausal: true", accepted: "one of the two")
            }
        }
        if p.childbearingPotential == true && p.menopausal == true {
            throw root.field("childbearing_potential", in: m).error("childbearing_potential: true together with menopausal: true", accepted: "one of the two")
        }
        for (i, c) in p.glucocorticoids.enumerated() where c.startDay < -p.age * 365.25 {
            throw InputError(file: root.file, field: "glucocorticoids[\(i)].start", problem:
                "a course that started \(Quantity.formatted((-c.startDay / 365.25 * 10).rounded() / 10)) years ago began before the patient was born (age \(age))",
                accepted: "a start within the patient's life")
        }
    }
}
