import OsteoClinical

/// The embedded demo patient and her guideline assessment.
public enum DemoAssessment {
    /// The demo patient file (the same patient as examples/patients/demo-prednisone-10mg.yaml;
    /// a test keeps the two equal).
    public static let patientYAML = """
        name: 65-year-old woman starting prednisone 10 mg/day
        sex: female
        age: 65
        menopausal: true
        glucocorticoids:
          - {drug: prednisone, dose: 10 mg/day, start: 0}
        prior_fragility_fracture: false
        lumbar_spine_t_score: -1.8
        total_hip_t_score: -1.2
        frax: {major_osteoporotic_pct: 14, hip_pct: 2.1, bmd_used: true, country: UK}
        egfr: 75
        height_cm: 165
        weight_kg: 68
        ethnicity: white
        smoking: non_smoker
        alcohol_units_per_day: 0
        """

    public static func report() throws(InputError) -> AssessmentReport {
        let file = try PatientFile.parse(text: patientYAML, file: "(embedded demo patient)")
        return try AssessmentReport.assess(file, path: "(embedded demo patient)")
    }

    /// The drug options of the ACR 2022 recommendations, in order, without repeats
    /// (calcium + vitamin D, recommended for everyone, first).
    public static func recommendedOptions(_ report: AssessmentReport) -> [String] {
        recommendedDrugs(report).map(\.displayName)
    }

    /// The same options as drugs (for projections).
    public static func recommendedDrugs(_ report: AssessmentReport) -> [OsteoporosisDrug] {
        var seen: [OsteoporosisDrug] = []
        for rec in report.clinical.acr2022.recommendations {
            for option in rec.options where option.suitable && !seen.contains(option.drug) { seen.append(option.drug) }
        }
        return seen
    }
}
