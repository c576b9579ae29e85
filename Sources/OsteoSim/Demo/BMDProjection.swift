import Foundation
import OsteoClinical
import OsteoModel
import OsteoPharm
import OsteoODE

/// Projected lumbar spine and total hip BMD change of one course (untreated or under an option).
public struct BMDProjection: Sendable, Equatable {
    public var label: String
    /// nil when the course cannot be simulated yet; `note` says why.
    public var lumbarSpine12: Double?
    public var lumbarSpine24: Double?
    public var totalHip12: Double?
    public var totalHip24: Double?
    public var note: String

    /// The scenario that projects a patient file 24 months ahead from today: the patient, her
    /// glucocorticoid courses (start and stop relative to today; a course begun in the past runs
    /// in from the unperturbed state), output at 0, 12 and 24 months.
    public static func scenario(for file: PatientFile) -> Scenario {
        let p = file.patient
        let sex: Sex = p.sex.rawValue == "male" ? .male : .female
        let menopausal = sex == .female && (p.menopausal ?? (p.age >= 51))
        let courses = p.glucocorticoids.map { c in
            Scenario.GlucocorticoidCourse(
                drug: c.drug.rawValue, dose: c.doseMgPerDay, prednisoloneEquivalentMgPerDay: c.prednisoloneEquivalentMgPerDay,
                startDay: c.startDay, stopDay: c.stopDay,
                regimen: GlucocorticoidRegimen(drug: c.drug, schedule: .daily(mgPerDay: c.doseMgPerDay, taper: []), startDay: c.startDay, stopDay: c.stopDay))
        }
        return Scenario(name: file.name, patient: .init(sex: sex, age: p.age, menopausal: menopausal, lumbarSpineTScore: p.lumbarSpineTScore,
                                                      totalHipTScore: p.totalHipTScore, egfr: p.egfr, yearsSinceMenopause: nil),
                        durationDays: 24 * 30.4375, outputEveryDays: 12 * 30.4375, glucocorticoids: courses, file: "(projection)")
    }

    /// The course with no bone treatment, including the patient's own glucocorticoid courses.
    public static func untreated(for file: PatientFile) -> BMDProjection {
        let s = scenario(for: file)
        let label = "No bone treatment" + (s.glucocorticoids.isEmpty ? "" : " (glucocorticoids as prescribed)")
        do {
            let t = try SimulationRunner.run(s)
            let ls = t.column("lumbar_spine_bmd_change_pct") ?? [], th = t.column("total_hip_bmd_change_pct") ?? []
            guard ls.count == 3, th.count == 3 else { return BMDProjection(label: label, note: "not simulated: unexpected output") }
            return BMDProjection(label: label, lumbarSpine12: ls[1], lumbarSpine24: ls[2], totalHip12: th[1], totalHip24: th[2],
                                 note: s.glucocorticoids.isEmpty ? "age- and menopause-related change"
                                     : "age, menopause and the glucocorticoid effect (model)")
        } catch {
            return BMDProjection(label: label, note: "not simulated: \(error)")
        }
    }

    /// The usual adult regimen of each option (labels; ACR 2022 / guidelines.md), as treatment
    /// entries in the regimen grammar.
    public static func standardTreatments(_ option: OsteoporosisDrug) -> [(drug: String, regimen: String)] {
        switch option {
        case .calciumVitaminD: [("calcium", "1000 mg po daily"), ("vitamin_d", "800 IU po daily")]
        case .alendronate: [("alendronate", "70 mg po weekly")]
        case .risedronate: [("risedronate", "35 mg po weekly")]
        case .ibandronate: [("ibandronate", "150 mg po monthly")]
        case .zoledronicAcid: [("zoledronic_acid", "5 mg iv every 12 months")]
        case .denosumab: [("denosumab", "60 mg sc every 6 months")]
        case .teriparatide: [("teriparatide", "20 ug sc daily")]
        case .abaloparatide: [("abaloparatide", "80 ug sc daily")]
        case .romosozumab: [("romosozumab", "210 mg sc monthly x 12")]
        case .raloxifene: [("raloxifene", "60 mg po daily")]
        case .alfacalcidol: [("alfacalcidol", "1 ug po daily")]
        case .calcitriol: [("calcitriol", "0.5 ug po daily")]
        case .eldecalcitol: [("eldecalcitol", "0.75 ug po daily")]
        }
    }

    /// The projection under one option, with the patient's own glucocorticoid courses; an option
    /// whose drug the library does not simulate yet is shown as such, not guessed.
    public static func option(_ option: OsteoporosisDrug, for file: PatientFile) -> BMDProjection {
        let entries = standardTreatments(option)
        let label = option.displayName
        var s = scenario(for: file)
        do {
            s.treatments = try entries.enumerated().map { (i, e) throws(RegimenError) in
                Scenario.Treatment(drug: e.drug, regimen: try Regimen(parsing: e.regimen), startDay: 0, stopDay: nil,
                                   missedDoses: [], field: "treatments[\(i)]")
            }
        } catch {
            return BMDProjection(label: label, note: "not simulated: \(error)")
        }
        let regimen = entries.map { "\($0.drug) \($0.regimen)" }.joined(separator: " + ")
        do {
            let t = try SimulationRunner.run(s)
            let ls = t.column("lumbar_spine_bmd_change_pct") ?? [], th = t.column("total_hip_bmd_change_pct") ?? []
            guard ls.count == 3, th.count == 3 else { return BMDProjection(label: label, note: "not simulated: unexpected output") }
            return BMDProjection(label: label, lumbarSpine12: ls[1], lumbarSpine24: ls[2], totalHip12: th[1], totalHip24: th[2],
                                 note: "\(regimen) (model)")
        } catch let SimulationError.input(e) where e.problem.contains("not modelled yet") {
            return pending(label)
        } catch {
            return BMDProjection(label: label, note: "not simulated: \(error)")
        }
    }

    /// A row for an option whose drug the model cannot simulate yet.
    public static func pending(_ option: String) -> BMDProjection {
        BMDProjection(label: option, note: "not simulated: this drug is not in the drug library yet")
    }
}

/// Renders projection rows as an aligned text table.
public enum ProjectionTable {
    public static func render(_ rows: [BMDProjection]) -> String {
        func f(_ v: Double?) -> String { v.map { String(format: "%+.1f%%", $0) } ?? "—" }
        let header = ["Course", "LS 12 mo", "LS 24 mo", "TH 12 mo", "TH 24 mo", "Note"]
        let body = rows.map { [$0.label, f($0.lumbarSpine12), f($0.lumbarSpine24), f($0.totalHip12), f($0.totalHip24), $0.note] }
        let all = [header] + body
        let widths = (0..<header.count).map { c in all.map { $0[c].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, s in
                i == cells.count - 1 ? s : s.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        var out = line(header) + "\n"
        out += widths.enumerated().map { i, w in String(repeating: "-", count: i == widths.count - 1 ? 4 : w) }.joined(separator: "  ") + "\n"
        for r in body { out += line(r) + "\n" }
        return out
    }
}
