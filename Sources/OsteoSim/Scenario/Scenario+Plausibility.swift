/// Cross-field checks of a scenario (docs/file-formats.md, "Plausibility checks"): each field may be in range on its
/// own while the combination is not a person the model can simulate.
extension Scenario {
    static func checkPlausibility(_ s: Scenario, root: InputNode, top: [String: Any]) throws(InputError) {
        let p = s.patient
        let patientNode = root.field("patient", in: top)
        let pm = (patientNode.value as? [String: Any]) ?? [:]
        let years = s.durationDays / 365.25
        let maxAge = FieldRanges.age.range.upperBound
        if p.age + years > maxAge + 1e-9 {
            throw root.field("duration", in: top).error(
                "a patient of \(Quantity.formatted(p.age)) years simulated for \(Quantity.formatted((years * 100).rounded() / 100)) years would reach "
                    + "\(Quantity.formatted(((p.age + years) * 100).rounded() / 100)), beyond the model's age range (\(FieldRanges.age.accepted))",
                accepted: "at most \(Quantity.formatted(((maxAge - p.age) * 100).rounded() / 100)) years for this patient")
        }
        let rows = Int((s.durationDays / s.outputEveryDays).rounded(.up)) + 1
        if rows > InputLimits.maxOutputRows {
            throw root.field("output_every", in: top).error(
                "\(rows) output rows (duration / output_every + 1), more than the limit of \(InputLimits.maxOutputRows)",
                accepted: "an interval of at least \(Quantity.formatted((s.durationDays / Double(InputLimits.maxOutputRows - 1) * 1000).rounded(.up) / 1000)) days for this duration (docs/file-formats.md, Limits)")
        }
        if let ysm = p.yearsSinceMenopause, p.age - ysm < FieldRanges.minimumAgeAtMenopause {
            throw patientNode.field("years_since_menopause", in: pm).error(
                "menopause \(Quantity.formatted(ysm)) years ago at age \(Quantity.formatted(p.age)) means menopause at \(Quantity.formatted(p.age - ysm))",
                accepted: "at most \(Quantity.formatted(max(0, p.age - FieldRanges.minimumAgeAtMenopause))) years (menopause at \(Quantity.formatted(FieldRanges.minimumAgeAtMenopause)) or later)")
        }
        if p.sex == .female && !p.menopausal && p.age > FieldRanges.maximumPremenopausalAge {
            throw patientNode.field("menopausal", in: pm).error(
                "a premenopausal woman of \(Quantity.formatted(p.age)) years is not plausible",
                accepted: "menopausal: true (or omit it) above age \(Quantity.formatted(FieldRanges.maximumPremenopausalAge))")
        }
    }
}
