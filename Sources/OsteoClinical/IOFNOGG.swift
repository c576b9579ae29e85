/// IOF-ECTS 2012 framework and NOGG 2022 (UK) glucocorticoid rules, guidelines.md §4.
public enum IOFECTS2012 {
    public enum Decision: String, Sendable, Codable {
        case treat, treatIfAboveThreshold = "treat_if_above_national_threshold", notIndicated = "not_indicated"
        case individualDecision = "individual_decision", indeterminate
    }
    public struct Result: Sendable, Equatable, Codable {
        public var decision: Decision
        public var reasons: [String]
        public var source: RuleSource
    }
    public static let source = RuleSource(Citation.iofEcts2012, .fromMemory, note: "algorithm details from memory; scope and FRAX-threshold use verified")

    /// Postmenopausal women and men ≥ 50: treat if age ≥ 70, prior fragility fracture or PEQ ≥ 7.5 mg/day; otherwise
    /// by GC-adjusted FRAX against the national threshold (not built in: reported as such) or, without FRAX, by
    /// T-score ≤ −1.5. Premenopausal women and men < 50: treat after a fragility fracture; otherwise individual.
    public static func assess(_ f: PatientFacts) -> Result {
        let p = f.patient
        if p.isMan50OrPostmenopausalWoman {
            var reasons: [String] = []
            if p.age >= 70 { reasons.append("age >= 70") }
            if p.priorFragilityFracture { reasons.append("prior fragility fracture") }
            if f.exposure.currentDailyPEQMg >= 7.5 { reasons.append("prednisolone-equivalent >= 7.5 mg/day") }
            if !reasons.isEmpty { return Result(decision: .treat, reasons: reasons, source: source) }
            if let mof = f.mof, let hip = f.hip {
                return Result(decision: .treatIfAboveThreshold,
                              reasons: ["compare GC-adjusted FRAX (MOF \(fixed(mof, 1))%, hip \(fixed(hip, 1))%) with the national, often age-dependent, intervention threshold (not built into OsteoSim)"],
                              source: source)
            }
            if let t = f.lowestTScore {
                return t <= -1.5
                    ? Result(decision: .treat, reasons: ["no FRAX threshold available; T-score \(fixed(t, 1)) <= -1.5"], source: source)
                    : Result(decision: .notIndicated, reasons: ["no FRAX threshold available; T-score \(fixed(t, 1)) > -1.5"], source: source)
            }
            return Result(decision: .indeterminate, reasons: ["needs GC-adjusted FRAX or a BMD T-score"], source: source)
        }
        if p.priorFragilityFracture { return Result(decision: .treat, reasons: ["prior fragility fracture"], source: source) }
        var r = ["premenopausal woman or man < 50 without fragility fracture: individual decision (dose, BMD)"]
        if p.couldBecomePregnant { r.append("caution: childbearing potential") }
        return Result(decision: .individualDecision, reasons: r, source: source)
    }
}

public enum NOGG2022 {
    public struct Result: Sendable, Equatable, Codable {
        /// Start bone protection together with the glucocorticoid (BMD later).
        public var startBoneProtection: Bool
        public var reasons: [String]
        public var source: RuleSource
    }
    public static let source = RuleSource(Citation.nogg2022, .verified)

    /// NOGG 2022 §7: prior fragility fracture; woman ≥ 70; postmenopausal woman or man ≥ 50 on ≥ 7.5 mg/day
    /// prednisolone for ≥ 3 months (run including today, past + planned); or FRAX above the NOGG threshold
    /// (age-dependent; not built in, reported as a reminder).
    public static func assess(_ f: PatientFacts) -> Result {
        let p = f.patient
        var reasons: [String] = []
        if p.priorFragilityFracture { reasons.append("prior fragility fracture") }
        if p.sex == .female && p.age >= 70 { reasons.append("woman aged >= 70") }
        if p.isMan50OrPostmenopausalWoman && f.exposure.continuousDaysAtOrAbove7_5mg >= Int((3 * daysPerMonth).rounded()) {
            reasons.append("postmenopausal woman or man >= 50 on >= 7.5 mg/day prednisolone-equivalent for >= 3 months")
        }
        if reasons.isEmpty, p.isMan50OrPostmenopausalWoman, f.mof != nil {
            reasons.append("otherwise: compare FRAX with the NOGG age-dependent intervention threshold (not built into OsteoSim)")
            return Result(startBoneProtection: false, reasons: reasons, source: source)
        }
        return Result(startBoneProtection: !reasons.isEmpty, reasons: reasons, source: source)
    }
}
