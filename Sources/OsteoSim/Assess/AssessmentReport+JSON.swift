import OsteoClinical
import QFracture2012

extension AssessmentReport {
    /// The JSON output of `osteosim assess --format json` (PRODUCT.md: one object per instrument, `cautions`,
    /// `disclaimer`).
    public func json() -> String { jsonValue().rendered() + "\n" }

    func jsonValue() -> AssessJSON {
        let c = clinical, e = c.glucocorticoidExposure
        var top: [(String, AssessJSON)] = []
        if let name = file.name { top.append(("name", .string(name))) }
        top.append(("patient", .object([("sex", .string(file.patient.sex.rawValue)), ("age", .number(file.patient.age))])))
        top.append(("glucocorticoid_exposure", .object([
            ("current_daily_prednisolone_equivalent_mg", .number(e.currentDailyPEQMg)),
            ("cumulative_last_year_g", .number(e.cumulativeLastYearG)),
            ("cumulative_source", .string(e.cumulativeEntered ? "entered" : "derived")),
            ("days_at_or_above_30mg_past_year", .number(Double(e.pastDaysAtOrAbove30mg))),
            ("days_at_or_above_30mg_planned", .number(Double(e.plannedDaysAtOrAbove30mg))),
            ("continuous_days_at_or_above_7_5mg", .number(Double(e.continuousDaysAtOrAbove7_5mg))),
        ])))
        func scope(_ id: String) -> [(String, AssessJSON)] {
            guard let s = c.scope(of: id) else { return [] }
            return [("in_scope", .bool(s.inScope)), ("scope", .string(s.note))]
        }
        top.append(("acr2022", .object(scope("acr2022") + [
            ("risk_category", .string(c.acr2022.riskCategory.rawValue)),
            ("criteria", .array(c.acr2022.criteria.map(Self.json))),
            ("recommendations", .array(c.acr2022.recommendations.map(Self.json))),
        ])))
        top.append(("acr2017", .object(scope("acr2017") + [
            ("risk_category", .string(c.acr2017.riskCategory.rawValue)),
            ("very_high_dose_glucocorticoid", .bool(c.acr2017VeryHighDoseGlucocorticoid)),
            ("treatment_recommended", .bool(c.acr2017TreatmentRecommended)),
            ("criteria", .array(c.acr2017.criteria.map(Self.json))),
            ("recommendations", .array(c.acr2017.recommendations.map(Self.json))),
        ])))
        let j = c.jsbmr2014
        top.append(("jsbmr2014", .object(scope("jsbmr2014") + [
            ("score", .number(Double(j.score))), ("treat", .bool(j.treat)), ("threshold", .number(Double(JSBMR2014.threshold))),
            ("lower_bound", .bool(j.lowerBound)),
            ("items", .array(j.items.map { .object([("item", .string($0.item)), ("value", .string($0.value)), ("points", .number(Double($0.points)))]) })),
            ("first_line", .strings(j.firstLine.map(\.rawValue))), ("alternatives", .strings(j.alternatives.map(\.rawValue))),
            ("source", Self.json(j.source)),
        ])))
        top.append(("iof_ects2012", .object(scope("iof_ects2012") + [("decision", .string(c.iofEcts2012.decision.rawValue)), ("reasons", .strings(c.iofEcts2012.reasons)), ("source", Self.json(c.iofEcts2012.source))])))
        top.append(("nogg2022", .object(scope("nogg2022") + [("start_bone_protection", .bool(c.nogg2022.startBoneProtection)), ("reasons", .strings(c.nogg2022.reasons)), ("source", Self.json(c.nogg2022.source))])))
        if let acr = c.fraxAdjustedACR, let entered = file.patient.frax {
            var frax: [(String, AssessJSON)] = scope("frax_adjusted") + [
                ("major_osteoporotic_pct", .number(acr.majorOsteoporoticPct)), ("hip_pct", .number(acr.hipPct)),
                ("method", .string("acr")), ("dose_band", .string(acr.doseBand)), ("notes", .strings(acr.notes)),
                ("entered", .object([("major_osteoporotic_pct", .number(entered.majorOsteoporoticPct)), ("hip_pct", .number(entered.hipPct)),
                                     ("bmd_used", entered.bmdUsed.map(AssessJSON.bool) ?? .null), ("country", entered.country.map(AssessJSON.string) ?? .null)])),
                ("source", Self.json(acr.source)),
            ]
            if let k = c.fraxAdjustedKanis {
                frax.append(("kanis2011", .object([("major_osteoporotic_pct", .number(k.majorOsteoporoticPct)), ("hip_pct", .number(k.hipPct)),
                                                   ("major_osteoporotic_change_pct", .number(k.majorOsteoporoticChangePct)), ("hip_change_pct", .number(k.hipChangePct)),
                                                   ("dose_band", .string(k.doseBand)), ("notes", .strings(k.notes)), ("source", Self.json(k.source))])))
            }
            top.append(("frax_adjusted", .object(frax)))
        } else {
            top.append(("frax_adjusted", .null))
        }
        var q: [(String, AssessJSON)] = []
        if let r = qfracture.result {
            q += [("major_osteoporotic_pct", .number(r.majorOsteoporoticPct)), ("hip_pct", .number(r.hipPct)), ("years", .number(Double(r.years)))]
        } else {
            q += [("major_osteoporotic_pct", .null), ("hip_pct", .null), ("not_computed", .string(qfracture.notComputed ?? ""))]
        }
        q += [("notes", .strings(qfracture.notes)), ("citation", .string(qfracture.citation)), ("disclaimer", .string(qfracture.disclaimer))]
        top.append(("qfracture2012", .object(q)))
        top.append(("drug_eligibility", .array(c.eligibility.map {
            .object([("id", .string($0.id)), ("drugs", .strings($0.drugs.map(\.rawValue))), ("verdict", .string($0.verdict.rawValue)),
                     ("text", .string($0.text)), ("source", Self.json($0.source))])
        })))
        top.append(("sequencing", .array(c.sequencing.map {
            .object([("id", .string($0.id)), ("text", .string($0.text)), ("follow_on", .strings($0.followOn.map(\.rawValue))),
                     ("urgent", .bool($0.urgent)), ("source", Self.json($0.source))])
        })))
        top.append(("projections", .array(projections.map { pr in
            .object([("option", .string(pr.label)),
                     ("lumbar_spine_bmd_change_pct", .object([("month_12", .optional(pr.lumbarSpine12)), ("month_24", .optional(pr.lumbarSpine24))])),
                     ("total_hip_bmd_change_pct", .object([("month_12", .optional(pr.totalHip12)), ("month_24", .optional(pr.totalHip24))])),
                     ("simulated", .bool(pr.lumbarSpine12 != nil)), ("note", .string(pr.note))])
        })))
        top.append(("cautions", .strings(c.cautions)))
        top.append(("disclaimer", .string(Self.disclaimer)))
        return .object(top)
    }

    static func json(_ s: RuleSource) -> AssessJSON {
        .object([("citation", .string(s.citation)), ("verification", .string(s.verification.rawValue)), ("note", s.note.map(AssessJSON.string) ?? .null)])
    }

    static func json(_ m: MetCriterion) -> AssessJSON {
        .object([("id", .string(m.id)), ("category", .string(m.category)), ("text", .string(m.text)), ("source", json(m.source))])
    }

    static func json(_ r: Recommendation) -> AssessJSON {
        .object([
            ("id", .string(r.id)), ("text", .string(r.text)), ("strength", .string(r.strength.rawValue)),
            ("options", .array(r.options.map {
                .object([("drug", .string($0.drug.rawValue)), ("suitable", .bool($0.suitable)),
                         ("eligibility", $0.eligibility.map { AssessJSON.string($0.rawValue) } ?? .null), ("notes", .strings($0.notes))])
            })),
            ("rationale", .string(r.rationale)), ("source", json(r.source)),
        ])
    }
}
