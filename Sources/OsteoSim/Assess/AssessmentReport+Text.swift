import OsteoClinical
import QFracture2012

extension AssessmentReport {
    /// The clinician-readable output of `osteosim assess` (default format).
    public func text() -> String {
        let c = clinical, p = file.patient, e = c.glucocorticoidExposure
        var o = "OsteoSim guideline assessment" + (file.name.map { " — \($0)" } ?? "") + "\n"
        o += Self.disclaimer + "\n\n"
        let who = p.sex == .female ? "woman" : "man"
        let meno = p.sex == .female ? (p.isPostmenopausalWoman ? ", postmenopausal" : ", premenopausal") : ""
        o += "Patient: \(who), \(formatNumber(p.age)) years\(meno)\n"
        o += "Glucocorticoid: \(formatNumber(e.currentDailyPEQMg)) mg/day prednisolone-equivalent today; "
        o += "\(fixed(e.cumulativeLastYearG, 2)) g in the past year (\(e.cumulativeEntered ? "entered" : "derived from courses")); "
        o += "days at >= 30 mg/day: \(e.pastDaysAtOrAbove30mg) past, \(e.plannedDaysAtOrAbove30mg) planned\n\n"

        o += "ACR 2022 (default): \(Self.label(c.acr2022.riskCategory.rawValue)) risk\n" + scopeLine("acr2022")
        o += Self.criteria(c.acr2022.criteria) + Self.recommendations(c.acr2022.recommendations) + "\n"
        o += "ACR 2017: " + acr2017Header + "\n" + scopeLine("acr2017")
        o += Self.criteria(c.acr2017.criteria) + Self.recommendations(c.acr2017.recommendations) + "\n"

        let j = c.jsbmr2014
        let jsbmrInScope = c.scope(of: "jsbmr2014")?.inScope ?? true
        o += "JSBMR 2014: score \(j.score)\(j.lowerBound ? " (lower bound: %YAM unknown)" : "") — "
        if jsbmrInScope {
            o += (j.treat ? "drug treatment (score >= 3)" : "observe, re-score periodically (score < 3)") + "\n"
        } else {
            o += "not applicable: the patient is outside the score's scope; for information, the score " + (j.treat ? "is >= 3" : "is < 3") + "\n"
        }
        o += scopeLine("jsbmr2014")
        for i in j.items { o += "    \(i.item): \(i.value) → \(i.points)\n" }
        if j.treat && jsbmrInScope {
            o += "    first line: \(j.firstLine.map(\.displayName).joined(separator: ", ")); alternatives: \(j.alternatives.map(\.displayName).joined(separator: ", "))\n"
        }
        o += "    source: \(j.source)\n\n"
        o += "IOF-ECTS 2012: \(c.iofEcts2012.decision.rawValue.replacingOccurrences(of: "_", with: " ")) — \(c.iofEcts2012.reasons.joined(separator: "; "))\n"
        o += scopeLine("iof_ects2012") + "    source: \(c.iofEcts2012.source)\n"
        o += "NOGG 2022: \(c.nogg2022.startBoneProtection ? "start bone protection with the glucocorticoid" : "no glucocorticoid-specific trigger")"
        o += c.nogg2022.reasons.isEmpty ? "\n" : " — \(c.nogg2022.reasons.joined(separator: "; "))\n"
        o += scopeLine("nogg2022") + "    source: \(c.nogg2022.source)\n\n"

        if let a = c.fraxAdjustedACR, let f = p.frax {
            o += "FRAX adjusted for glucocorticoid dose (ACR): major osteoporotic \(fixed(a.majorOsteoporoticPct, 1))%, hip \(fixed(a.hipPct, 1))%"
            o += " (entered \(formatNumber(f.majorOsteoporoticPct))% / \(formatNumber(f.hipPct))%; dose \(a.doseBand))\n"
            for n in a.notes { o += "    note: \(n)\n" }
            o += scopeLine("frax_adjusted")
            if let k = c.fraxAdjustedKanis {
                o += "    Kanis 2011 table: major osteoporotic \(fixed(k.majorOsteoporoticPct, 1))% (\(Self.signed(k.majorOsteoporoticChangePct))%), hip \(fixed(k.hipPct, 1))% (\(Self.signed(k.hipChangePct))%), dose \(k.doseBand)\n"
                for n in k.notes { o += "    note (Kanis): \(n)\n" }
            }
        } else {
            o += "FRAX adjusted for glucocorticoid dose: no FRAX entered\n"
        }
        o += "\nQFracture-2012 (10-year risk): "
        if let r = qfracture.result {
            o += "major osteoporotic fracture \(fixed(r.majorOsteoporoticPct, 2))%, hip fracture \(fixed(r.hipPct, 2))%\n"
        } else {
            o += "not computed — \(qfracture.notComputed ?? "")\n"
        }
        for n in qfracture.notes { o += "    note: \(n)\n" }
        o += "    ClinRisk disclaimer: \(qfracture.disclaimer)\n"
        o += "    source: \(qfracture.citation)\n\n"

        if !c.eligibility.isEmpty {
            o += "Drug eligibility:\n"
            for f in c.eligibility { o += "  - \(f.verdict.rawValue.replacingOccurrences(of: "_", with: " ")): \(f.drugs.map(\.displayName).joined(separator: ", ")) — \(f.text) [\(f.source.verification.rawValue)]\n" }
            o += "\n"
        }
        if !c.sequencing.isEmpty {
            o += "Sequencing:\n"
            for s in c.sequencing { o += "  - \(s.urgent ? "URGENT: " : "")\(s.text) [\(s.source.verification.rawValue)]\n" }
            o += "\n"
        }
        if !projections.isEmpty {
            o += "Projected BMD change from today (model; research software, not a prediction for this patient):\n"
            o += ProjectionTable.render(projections).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n\n"
        }
        if !c.cautions.isEmpty {
            o += "Cautions:\n"
            for s in c.cautions { o += "  - \(s)\n" }
            o += "\n"
        }
        o += "[V] = checked against a source; [M] = from memory of the guideline, not yet verified.\n"
        return o
    }

    /// "    outside its scope: …" when the patient is outside `instrument`'s population, else nothing.
    func scopeLine(_ instrument: String) -> String {
        guard let s = clinical.scope(of: instrument), !s.inScope else { return "" }
        return "    outside its scope: it covers \(s.note); shown for information only\n"
    }

    /// The ACR 2017 header: the Table 1 category, and whether drug therapy is recommended when the two differ
    /// (very-high-dose glucocorticoid).
    var acr2017Header: String {
        let c = clinical, category = Self.label(c.acr2017.riskCategory.rawValue)
        guard c.acr2017VeryHighDoseGlucocorticoid else { return "\(category) risk" }
        if c.acr2017.riskCategory == .low {
            return c.acr2017TreatmentRecommended
                ? "LOW risk by the Table 1 criteria, but very-high-dose glucocorticoid: drug treatment recommended (adults >= 30)"
                : "LOW risk; very-high-dose glucocorticoid (its treatment rule applies from age 30)"
        }
        return "\(category) risk; also very-high-dose glucocorticoid"
    }

    static func label(_ raw: String) -> String { raw.replacingOccurrences(of: "_", with: " ").uppercased() }
    static func signed(_ x: Double) -> String { (x > 0 ? "+" : "") + formatNumber(x) }

    static func criteria(_ met: [MetCriterion]) -> String {
        if met.isEmpty { return "  Criteria met: none (low unless other data change it)\n" }
        return "  Criteria met:\n" + met.map { "    - \($0.text) → \(label($0.category)) [\($0.source.verification.rawValue)]\n" }.joined()
    }

    static func recommendations(_ recs: [Recommendation]) -> String {
        var o = "  Recommendations:\n"
        for (i, r) in recs.enumerated() {
            o += "    \(i + 1). \(r.text) (\(r.strength.rawValue.replacingOccurrences(of: "_", with: " ")); \(r.rationale)) [\(r.source.verification.rawValue)]\n"
            let opts = r.options.filter { $0.drug != .calciumVitaminD }
            if !opts.isEmpty {
                o += "       options: " + opts.map { opt in
                    switch opt.eligibility {
                    case nil: opt.drug.displayName
                    case .caution: opt.drug.displayName + " (caution)"
                    case .some(let v): opt.drug.displayName + " (" + v.rawValue.replacingOccurrences(of: "_", with: " ") + ")"
                    }
                }.joined(separator: ", ") + "\n"
            }
        }
        return o
    }
}
