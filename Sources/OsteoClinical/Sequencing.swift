/// Sequencing rules after stopping a drug (guidelines.md §3 and §8).
public enum Sequencing {
    public struct Finding: Sendable, Equatable, Codable {
        public var id: String
        public var text: String
        /// The drugs that should follow.
        public var followOn: [OsteoporosisDrug]
        public var urgent: Bool
        public var source: RuleSource
        /// What can replace `followOn` when none of it is suitable for the patient (e.g. restarting denosumab).
        public var alternatives: [OsteoporosisDrug] = []
    }

    /// Rewrites findings whose follow-on drugs are all unsuitable for this patient: the text says so and names
    /// the suitable alternative (or specialist referral), and `followOn` becomes that alternative.
    public static func reconciled(_ findings: [Finding], with eligibility: [DrugEligibility.Finding]) -> [Finding] {
        findings.map { s in
            func suitable(_ d: OsteoporosisDrug) -> Bool {
                let v = DrugEligibility.verdict(for: d, in: eligibility)
                return v == nil || v == .caution
            }
            guard !s.followOn.isEmpty, !s.followOn.contains(where: suitable) else { return s }
            var r = s
            let why = s.followOn.map { d in d.displayName + " (" + (DrugEligibility.verdict(for: d, in: eligibility).map { spaced($0.rawValue) } ?? "") + ")" }
            let alternatives = s.alternatives.filter(suitable)
            let situation = s.text.split(separator: ":", maxSplits: 1).first.map(String.init) ?? s.text
            r.text = situation + ": the usual follow-on (" + why.joined(separator: ", ") + ") is not suitable for this patient; instead: "
                + (alternatives.isEmpty ? "refer to a bone specialist now"
                   : alternatives.map(\.displayName).joined(separator: " or ") + " under specialist care (refer now)")
            r.followOn = alternatives
            return r
        }
    }

    static let denosumabSource = RuleSource(Citation.acr2022 + "; FDA patient advice", .verified)

    public static func findings(_ f: PatientFacts) -> [Finding] {
        let therapy = f.patient.osteoporosisTherapy
        var out: [Finding] = []
        func followedByAny(_ course: TherapyCourse, _ drugs: [OsteoporosisDrug]) -> Bool {
            guard let stop = course.stopDay else { return false }
            return therapy.contains { drugs.contains($0.drug) && ($0.stopDay ?? .infinity) > stop && $0.startDay >= stop - 31 }
        }
        for c in therapy where c.drug == .denosumab {
            if c.isCurrent {
                out.append(Finding(id: "seq.denosumab.current",
                                   text: "on denosumab: never stop it without a follow-on bisphosphonate (rebound bone loss and multiple vertebral fractures)",
                                   followOn: OsteoporosisDrug.bisphosphonates, urgent: false, source: denosumabSource))
            } else if !followedByAny(c, OsteoporosisDrug.bisphosphonates + [.denosumab]) {
                out.append(Finding(id: "seq.denosumab.stopped",
                                   text: "denosumab was stopped without a follow-on: start a bisphosphonate (oral or IV) now to limit rebound bone loss and vertebral fractures",
                                   followOn: OsteoporosisDrug.bisphosphonates, urgent: true,
                                   source: RuleSource(Citation.acr2022, .verified, note: "choice and timing of the bisphosphonate [M]; restarting denosumab when no bisphosphonate is suitable [M]"),
                                   alternatives: [.denosumab]))
            }
        }
        for c in therapy where (OsteoporosisDrug.pthAnalogues + [.romosozumab]).contains(c.drug) && !c.isCurrent {
            if !followedByAny(c, OsteoporosisDrug.antiresorptives) {
                out.append(Finding(id: "seq.anabolic.stopped",
                                   text: "\(c.drug.displayName) was stopped: follow with an antiresorptive (bisphosphonate or denosumab) to keep the gain",
                                   followOn: OsteoporosisDrug.bisphosphonates + [.denosumab], urgent: false,
                                   source: RuleSource(Citation.acr2022, .fromMemory)))
            }
        }
        for c in therapy where (OsteoporosisDrug.pthAnalogues + [.romosozumab]).contains(c.drug) && c.isCurrent {
            out.append(Finding(id: "seq.anabolic.current", text: "on \(c.drug.displayName): plan an antiresorptive (bisphosphonate or denosumab) to follow it",
                               followOn: OsteoporosisDrug.bisphosphonates + [.denosumab], urgent: false, source: RuleSource(Citation.acr2022, .fromMemory)))
        }
        return out
    }
}
