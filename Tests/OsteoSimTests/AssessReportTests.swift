import Foundation
import Testing
import OsteoClinical
import QFracture2012
@testable import OsteoSim

@Suite struct AssessReportTests {
    @Test func everyExamplePatientIsAssessed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: assessExamplesDir.path).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }
        #expect(files.count >= 5)
        for name in files {
            let path = assessExamplesDir.appendingPathComponent(name).path
            let report = try AssessmentReport.assess(PatientFile.load(path: path), path: path)
            #expect(report.text().contains("not a medical device"), "\(name)")
            let json = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any]
            #expect(json?["acr2022"] != nil && json?["disclaimer"] != nil, "\(name)")
        }
    }

    @Test func demoPatientMatchesTheClinRiskReference() throws {
        // The demo patient file has the inputs of reference patient "F65demo" (woman 65, BMI 68/1.65², white,
        // non-smoker, no alcohol, current corticosteroids): 5.491148% / 1.406190% from the compiled ClinRisk C code
        // (see Tests/QFracture2012Tests/QFractureReferenceTests.swift for how these were obtained).
        let path = assessExamplesDir.appendingPathComponent("demo-prednisone-10mg.yaml").path
        let report = try AssessmentReport.assess(PatientFile.load(path: path), path: path)
        let q = try #require(report.qfracture.result)
        #expect(abs(q.majorOsteoporoticPct - 5.491148) < 0.01)
        #expect(abs(q.hipPct - 1.406190) < 0.01)
        // ACR 2022: T −1.8 and GC-adjusted FRAX 14 × 1.15 = 16.1% / 2.1 × 1.2 = 2.52% → moderate (guidelines.md §3).
        #expect(report.clinical.acr2022.riskCategory == .moderate)
        #expect(abs((report.clinical.fraxAdjustedACR?.majorOsteoporoticPct ?? 0) - 16.1) < 1e-9)
        #expect(abs((report.clinical.fraxAdjustedACR?.hipPct ?? 0) - 2.52) < 1e-9)
    }

    @Test func jsonHasTheContractKeys() throws {
        let f = try parsePatient("sex: female\nage: 65\nglucocorticoids: [{drug: prednisone, dose: 10 mg/day}]\nfrax: {major_osteoporotic_pct: 14, hip_pct: 2.1}\nheight_cm: 165\nweight_kg: 68\nsmoking: non_smoker\nalcohol_units_per_day: 0\n")
        let data = Data(try AssessmentReport.assess(f, path: "p.yaml").json().utf8)
        let j = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["acr2022", "acr2017", "jsbmr2014", "frax_adjusted", "qfracture2012", "cautions", "disclaimer", "iof_ects2012", "nogg2022"] {
            #expect(j[key] != nil, "\(key)")
        }
        let acr = try #require(j["acr2022"] as? [String: Any])
        #expect(acr["risk_category"] as? String == "moderate")
        #expect(acr["criteria"] is [Any] && acr["recommendations"] is [Any])
        let js = try #require(j["jsbmr2014"] as? [String: Any])
        #expect(js["score"] as? Int == 8 && js["treat"] as? Bool == true)  // age 65 (4) + 10 mg (4)
        let fx = try #require(j["frax_adjusted"] as? [String: Any])
        #expect(abs((fx["major_osteoporotic_pct"] as? Double ?? 0) - 16.1) < 1e-9)
        let q = try #require(j["qfracture2012"] as? [String: Any])
        #expect(abs((q["major_osteoporotic_pct"] as? Double ?? 0) - 5.491148) < 0.01)
        #expect((q["disclaimer"] as? String) == QFracture2012.disclaimer)
        #expect((j["disclaimer"] as? String)?.contains("not a medical device") == true)
    }

    @Test func textShowsTheClinRiskDisclaimerBesideTheScore() throws {
        let f = try parsePatient("sex: male\nage: 70\nheight_cm: 175\nweight_kg: 80\nsmoking: ex_smoker\nalcohol_units_per_day: 2\n")
        let t = try AssessmentReport.assess(f, path: "p.yaml").text()
        let score = try #require(t.range(of: "QFracture-2012 (10-year risk): major osteoporotic"))
        let disclaimer = try #require(t.range(of: "ClinRisk disclaimer: The initial version"))
        #expect(score.lowerBound < disclaimer.lowerBound)
        #expect(t.contains("not a medical device"))
    }

    @Test func qfractureOutOfRangeIsExplainedNotClamped() throws {
        // BMI 45/(1.60²) = 17.6 kg/m² < 20: the reference code rejects it, so no score, and the reason is given.
        let f = try parsePatient("sex: female\nage: 70\nheight_cm: 160\nweight_kg: 45\nsmoking: non_smoker\nalcohol_units_per_day: 0\n")
        let r = try AssessmentReport.assess(f, path: "p.yaml")
        #expect(r.qfracture.result == nil)
        #expect(r.qfracture.notComputed?.contains("20–40") == true)
        #expect(r.qfracture.notComputed?.contains("17.6") == true)
        // Missing inputs are named.
        let g = try parsePatient("sex: female\nage: 70\n")
        #expect(try AssessmentReport.assess(g, path: "p.yaml").qfracture.notComputed == "needs height_cm, weight_kg, smoking, alcohol_units_per_day")
        // Age 29: outside 30–100.
        let h = try parsePatient("sex: male\nage: 29\nheight_cm: 180\nweight_kg: 75\nsmoking: non_smoker\nalcohol_units_per_day: 0\n")
        #expect(try AssessmentReport.assess(h, path: "p.yaml").qfracture.notComputed?.contains("age 29") == true)
    }

    @Test func childIsRefusedAsBadInput() throws {
        // Refused while reading the file (one shared age range, FieldRanges.age: 18 to 100), with the reason.
        do {
            _ = try PatientFile.parse(text: "sex: female\nage: 12\nglucocorticoids: [{drug: prednisolone, dose: 20 mg/day}]\n", file: "child.yaml")
            Issue.record("a child was accepted")
        } catch {
            #expect(error.file == "child.yaml" && error.field == "age")
            #expect(error.problem.contains("adults only"))
            #expect(error.accepted == "18 to 100 years")
        }
    }
}
