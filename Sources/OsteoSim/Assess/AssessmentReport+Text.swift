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

        o += "ACR 2022 (default): \(Self.label(c.acr2022.riskCategory.rawValue)) risk\n"
        o += Self.criteria(c.acr2022.criteria) + Self.recommendations(c.acr2022.recommendations) + "\n"
        o += "ACR 2017: \(Self.label(c.acr2017.riskCategory.rawValue)) risk"
        o += c.acr2017VeryHighDoseGlucocorticoid ? " (very-high-dose glucocorticoid)\n" : "\n"
        o += Self.criteria(c.acr2017.criteria) + Self.recommendations(c.acr2017.recommendations) + "\n"

        let j = c.jsbmr2014
        o += "JSBMR 2014: score \(j.score)\(j.lowerBound ? " (lower bound: %YAM unknown)" : "") — \(j.treat ? "drug treatment (score >= 3)" : "observe, re-score periodically (score < 3)")\n"
        for i in j.items { o += "    \(i.item): \(i.value) → \(i.points)\n" }
        if j.treat {
            o += "    first line: \(j.firstLine.map(\.displayName).joined(separator: ", ")); alternatives: \(j.alternatives.map(\.displayName).joined(separator: ", "))\n"
        }
        o += "    source: \(j.source)\n\n"
        o += "IOF-ECTS 2012: \(c.iofEcts2012.decision.rawValue.replacingOccurrences(of: "_", with: " ")) — \(c.iofEcts2012.reasons.joined(separator: "; "))\n"
        o += "    source: \(c.iofEcts2012.source)\n"
        o += "NOGG 2022: \(c.nogg2022.startBoneProtection ? "start bone protection with the glucocorticoid" : "no glucocorticoid-specific trigger")"
        o += c.nogg2022.reasons.isEmpty ? "\n" : " — \(c.nogg2022.reasons.joined(separator: "; "))\n"
        o += "    source: \(c.nogg2022.source)\n\n"

        if let a = c.fraxAdjustedACR, let f = p.frax {
            o += "FRAX adjusted for glucocorticoid dose (ACR): major osteoporotic \(fixed(a.majorOsteoporoticPct, 1))%, hip \(fixed(a.hipPct, 1))%"
            o += " (entered \(formatNumber(f.majorOsteoporoticPct))% / \(formatNumber(f.hipPct))%; dose \(a.doseBand))\n"
            if let k = c.fraxAdjustedKanis {
                o += "    Kanis 2011 table: major osteoporotic \(fixed(k.majorOsteoporoticPct, 1))% (\(Self.signed(k.majorOsteoporoticChangePct))%), hip \(fixed(k.hipPct, 1))% (\(Self.signed(k.hipChangePct))%), dose \(k.doseBand)\n"
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
        if !c.cautions.isEmpty {
            o += "Cautions:\n"
            for s in c.cautions { o += "  - \(s)\n" }
            o += "\n"
        }
        o += "[V] = checked against a source; [M] = from memory of the guideline, not yet verified.\n"
        o += Self.disclaimer + "\n"
        return o
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
