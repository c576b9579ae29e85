import Foundation
import Testing
import OsteoClinical
@testable import OsteoSim

/// The repository's examples/patients folder, located from this file.
let assessExamplesDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("examples/patients")

func parsePatient(_ yaml: String) throws(InputError) -> PatientFile { try PatientFile.parse(text: yaml, file: "p.yaml") }

func parseError(_ yaml: String) -> InputError? {
    do { _ = try parsePatient(yaml); return nil } catch { return error }
}

@Suite struct AssessPatientFileTests {
    @Test func parsesTheProductExample() throws {
        // The `assess` input example of PRODUCT.md, verbatim in its keys.
        let f = try parsePatient("""
            sex: female
            age: 62
            menopausal: true
            glucocorticoids:
              - {drug: prednisone, dose: 10 mg/day, start: -4 months}
            cumulative_gc_last_year_g: 1.2
            prior_fragility_fracture: false
            lumbar_spine_t_score: -2.1
            lumbar_spine_yam_pct: 78
            frax: {major_osteoporotic_pct: 14, hip_pct: 2.1}
            bmd_loss_last_year_pct: 4
            egfr: 60
            pregnant: false
            height_cm: 165
            weight_kg: 68
            ethnicity: white
            smoking: non_smoker
            alcohol_units_per_day: 0
            conditions: [rheumatoid_arthritis]
            """)
        #expect(f.patient.age == 62 && f.patient.sex == .female)
        let c = try #require(f.patient.glucocorticoids.first)
        #expect(c.drug == .prednisone && c.doseMgPerDay == 10)
        #expect(c.startDay == -4 * 30.4375)  // month = 30.4375 days (PRODUCT.md)
        #expect(f.patient.cumulativeGCLastYearG == 1.2)
        #expect(f.patient.frax == FRAXInput(majorOsteoporoticPct: 14, hipPct: 2.1))
        #expect(f.patient.conditions == [.rheumatoidArthritis])
        #expect(f.ethnicity == .whiteOrNotStated && f.smoking == .nonSmoker)
    }

    @Test func unknownKeySuggestsTheClosest() throws {
        let e = try #require(parseError("sex: female\nage: 60\nlumbar_spine_tscore: -2\n"))
        #expect(e.field == "lumbar_spine_tscore")
        #expect(e.problem.contains("did you mean 'lumbar_spine_t_score'"))
    }

    @Test func rangesAndRequiredFields() throws {
        #expect(try #require(parseError("age: 60\n")).field == "sex")
        #expect(try #require(parseError("sex: female\nage: 130\n")).field == "age")
        #expect(try #require(parseError("sex: female\nage: 60\negfr: -5\n")).field == "egfr")
        #expect(try #require(parseError("sex: female\nage: 60\nlumbar_spine_t_score: -9\n")).field == "lumbar_spine_t_score")
        #expect(try #require(parseError("sex: female\nage: 60\nfrax: {major_osteoporotic_pct: 10, hip_pct: 12}\n")).field == "frax.hip_pct")
        #expect(try #require(parseError("sex: female\nage: 60\nsmoking: sometimes\n")).field == "smoking")
        #expect(try #require(parseError("sex: male\nage: 60\npregnant: true\n")).problem.contains("man"))
        #expect(try #require(parseError("sex: female\nage: 60\nconditions: [rheumatoid_arthritus]\n")).problem.contains("rheumatoid_arthritis"))
    }

    @Test func doseParsing() throws {
        func dose(_ s: String) -> Result<Double, InputError> {
            Result { () throws(InputError) -> Double in try parsePatient("sex: female\nage: 60\nglucocorticoids: [{drug: prednisone, dose: \(s)}]\n").patient.glucocorticoids[0].doseMgPerDay }
        }
        #expect(try dose("10 mg/day").get() == 10)
        #expect(try dose("7.5mg/d").get() == 7.5)
        #expect(try dose("0.5 g/day").get() == 500)
        #expect(try dose("750 ug/day").get() == 0.75)
        for bad in ["10", "10 mg", "ten mg/day", "0 mg/day", "3000 mg/day", "10 mg/week"] {
            guard case .failure(let e) = dose(bad) else { Issue.record("\(bad) accepted"); continue }
            #expect(e.field == "glucocorticoids[0].dose", "\(bad)")
        }
    }

    @Test func timeParsing() throws {
        func start(_ s: String) throws(InputError) -> Double {
            try parsePatient("sex: female\nage: 60\nglucocorticoids: [{drug: prednisone, dose: 5 mg/day, start: \(s)}]\n").patient.glucocorticoids[0].startDay
        }
        #expect(try start("0") == 0)
        #expect(try start("-2 weeks") == -14)
        #expect(try start("-1 year") == -365.25)
        #expect(try start("3 days") == 3)
        let e = try #require(parseError("sex: female\nage: 60\nglucocorticoids: [{drug: prednisone, dose: 5 mg/day, start: -4 moths}]\n"))
        #expect(e.field == "glucocorticoids[0].start" && e.problem.contains("did you mean 'months'"))
        #expect(parseError("sex: female\nage: 60\nglucocorticoids: [{drug: prednisone, dose: 5 mg/day, start: -30}]\n") != nil)
        let stop = try #require(parseError("sex: female\nage: 60\nglucocorticoids: [{drug: prednisone, dose: 5 mg/day, start: 0, stop: -1 month}]\n"))
        #expect(stop.field == "glucocorticoids[0].stop")
    }

    @Test func jsonInputIsAccepted() throws {
        let f = try PatientFile.parse(text: #"{"sex": "male", "age": 70, "glucocorticoids": [{"drug": "dexamethasone", "dose": "1.5 mg/day"}]}"#, file: "p.json")
        #expect(abs(f.patient.glucocorticoids[0].prednisoloneEquivalentMgPerDay - 10) < 1e-12)  // 0.75 mg ≡ 5 mg
    }
}
