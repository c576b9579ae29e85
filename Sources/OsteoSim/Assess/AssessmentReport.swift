import OsteoClinical
import QFracture2012

/// The full `assess` result: the guideline assessment (OsteoClinical) and QFracture-2012 (its LGPL module).
public struct AssessmentReport: Sendable {
    /// QFracture-2012 for this patient, or why it was not computed.
    public struct QFracture: Sendable {
        public var result: QFractureResult?
        public var notComputed: String?
        public var notes: [String]
        public var disclaimer: String { QFracture2012.disclaimer }
        public var citation: String { QFracture2012.citation }
    }

    public var file: PatientFile
    public var clinical: ClinicalAssessment
    public var qfracture: QFracture
    /// Projected BMD change with no bone treatment and under each recommended ACR 2022 option,
    /// with the patient's own glucocorticoid courses (model; options the drug library lacks say so).
    public var projections: [BMDProjection] = []

    /// Shown on every assessment (research/education software; not a medical device).
    public static let disclaimer = OsteoSimInfo.disclaimer
        + " Guideline rules marked [M] were written from memory of the guideline and are not yet verified against the primary paper."

    /// Assesses a parsed patient file. Children (< 18 years) are refused with an `InputError` on `age`.
    public static func assess(_ file: PatientFile, path: String, settings: AssessmentSettings = AssessmentSettings()) throws(InputError) -> AssessmentReport {
        let clinical: ClinicalAssessment
        do {
            clinical = try ClinicalAssessment.assess(file.patient, settings: settings)
        } catch {
            throw InputError(file: path, field: "age", problem: error.message, accepted: "18 to 120 years")
        }
        var report = AssessmentReport(file: file, clinical: clinical, qfracture: qfracture(file, currentGC: clinical.glucocorticoidExposure.isCurrent))
        report.projections = [BMDProjection.untreated(for: file)] + DemoAssessment.recommendedDrugs(report).map { BMDProjection.option($0, for: file) }
        return report
    }

    /// Maps the patient file to QFracture-2012 inputs. Age: whole years (the reference takes an integer; a
    /// fractional age is truncated, with a note). Nothing else is rounded or clamped: out-of-range BMI or age gives
    /// no score and says why (the reference code rejects such inputs too).
    static func qfracture(_ f: PatientFile, currentGC: Bool) -> QFracture {
        let p = f.patient
        var notes: [String] = []
        var missing: [String] = []
        if f.heightCm == nil { missing.append("height_cm") }
        if f.weightKg == nil { missing.append("weight_kg") }
        if f.smoking == nil { missing.append("smoking") }
        if f.alcoholUnitsPerDay == nil { missing.append("alcohol_units_per_day") }
        guard missing.isEmpty, let h = f.heightCm, let w = f.weightKg, let smoking = f.smoking, let alcohol = f.alcoholUnitsPerDay else {
            return QFracture(result: nil, notComputed: "needs " + missing.joined(separator: ", "), notes: [])
        }
        let bmi = w / ((h / 100) * (h / 100))
        let age = Int(p.age.rounded(.down))
        if Double(age) != p.age { notes.append("age \(formatNumber(p.age)) taken as \(age) whole years (the reference implementation takes an integer age)") }
        if f.ethnicity == nil { notes.append("ethnicity not given: coded as 'white or not stated' (ClinRisk category 1)") }
        let c = p.conditions
        var flags = QFractureInput.Flags()
        flags.antidepressant = c.contains(.antidepressants)
        flags.anyCancer = c.contains(.cancer)
        flags.asthmaOrCOPD = c.contains(.asthma) || c.contains(.copd)
        flags.careHome = c.contains(.careHome)
        flags.corticosteroids = currentGC
        flags.cardiovascularDisease = c.contains(.cardiovascularDisease)
        flags.dementia = c.contains(.dementia)
        flags.endocrineDisorder = c.contains(.endocrineDisorder)
        flags.epilepsyOrAnticonvulsant = c.contains(.epilepsy) || c.contains(.anticonvulsants)
        flags.historyOfFalls = c.contains(.historyOfFalls)
        flags.priorFracture = p.priorFragilityFracture
        flags.hrt = c.contains(.hormoneReplacementTherapy)
        flags.chronicLiverDisease = c.contains(.chronicLiverDisease)
        flags.malabsorption = c.contains(.crohnsDisease) || c.contains(.ulcerativeColitis) || c.contains(.coeliacDisease)
        flags.parkinsons = c.contains(.parkinsonsDisease)
        flags.rheumatoidArthritisOrSLE = c.contains(.rheumatoidArthritis) || c.contains(.systemicLupusErythematosus)
        flags.chronicRenalDisease = c.contains(.chronicKidneyDisease)
        flags.type1Diabetes = c.contains(.type1Diabetes)
        flags.type2Diabetes = c.contains(.type2Diabetes)
        flags.parentalOsteoporosisOrHipFracture = c.contains(.parentalOsteoporosisOrHipFracture)
        notes.append("corticosteroid flag = current systemic glucocorticoid (\(currentGC ? "yes" : "no")); QFracture has no dose term")
        if p.priorFragilityFracture { notes.append("prior fragility fracture used as QFracture's prior hip/spine/wrist/shoulder fracture") }
        let input = QFractureInput(sex: p.sex == .female ? .female : .male, age: age, bmi: bmi,
                                   ethnicity: f.ethnicity ?? .whiteOrNotStated, smoking: smoking,
                                   alcohol: QFractureInput.Alcohol(unitsPerDay: alcohol), flags: flags)
        do {
            return QFracture(result: try QFracture2012.score(input), notComputed: nil, notes: notes)
        } catch {
            return QFracture(result: nil, notComputed: error.description + " (BMI computed from height and weight: \(fixed(bmi, 1)) kg/m²)", notes: notes)
        }
    }
}
