import Foundation

/// A published result as an executable check (validation/cases/*.yaml; format in PRODUCT.md).
public struct ValidationCase: Sendable {
    public struct Spread: Sendable, Equatable {
        public var value: Double
        /// SE, SD, CI95 (half-width) or range (half-width of a reference interval).
        public var kind: String
    }

    public struct Endpoint: Sendable {
        public var output: String
        public var day: Double
        public var published: Double
        public var spread: Spread?
        public var tolerance: Double
        /// The arm simulated (multi-arm cases), or nil for the single scenario.
        public var arm: String?
        /// For between-arm comparisons: simulated = arm[0] − arm[1].
        public var difference: [String]?
        /// For a change within one arm: simulated = value(day) − value(fromDay).
        public var fromDay: Double?
        /// For a population mixture: simulated = Σ weight·value(arm) / Σ weight (arms standing for
        /// the trial's subgroups, e.g. by sex and menopause).
        public var mixture: [(arm: String, weight: Double)]?
        public var label: String?
        /// What is read from the output: the value at `day` (default), or a statistic over the
        /// window [`from_day`, `day`] (PK endpoints: Cmax, tmax, a two-point half-life).
        public var statistic: Statistic = .value
        /// A one-sided published result ("CTX down more than 80% by day 5"): pass when the
        /// simulated value is at most (or at least) `published`, with `tolerance` beyond it.
        public var bound: Bound?
    }

    public enum Statistic: String, Sendable, CaseIterable {
        case value, max, min
        case dayOfMax = "day_of_max"
        /// ln 2 · (day − from_day) / ln(y(from_day) / y(day)).
        case halfLife = "half_life"
        /// The fracture relative risk the BMD difference between two arms explains (output one of
        /// `vertebral_fracture_rr`, `hip_fracture_rr`, `nonvertebral_fracture_rr`; needs `difference`).
        case bmdRelativeRisk = "bmd_relative_risk"
        /// The model's relative risk of a treatment between two arms: the BMD part, and for
        /// vertebral fracture the suppression of resorption (`FractureRisk.treatmentRelativeRisk`).
        case relativeRisk = "relative_risk"
    }

    public enum Bound: String, Sendable, CaseIterable {
        case atMost = "at_most", atLeast = "at_least"
    }

    public var id: String
    public var title: String
    public var citation: String
    /// V, V* or M, as in calibration.md.
    public var status: String
    /// "validation" (independent check) or "calibration" (the model was fitted to it).
    public var role: String
    public var arms: [(name: String, scenario: Scenario)]
    public var endpoints: [Endpoint]
    /// The parameters this case was used to fit (calibration cases), by name as in
    /// `osteosim parameters`; shown in docs/validation.md.
    public var calibrates: [String] = []
    public var file: String
}

extension ValidationCase {
    public static func parse(_ root: InputNode) throws(InputError) -> ValidationCase {
        let m = try root.mapping(allowed: ["id", "title", "citation", "status", "role", "notes", "calibrates", "scenario", "arms", "endpoints"])
        func text(_ key: String) throws(InputError) -> String {
            let n = root.field(key, in: m)
            if n.isNull { throw n.error("required") }
            return try n.string()
        }
        let role = root.field("role", in: m).isNull ? "validation" : try root.field("role", in: m).choice(["validation", "calibration"])
        var arms: [(String, Scenario)] = []
        let scenarioNode = root.field("scenario", in: m), armsNode = root.field("arms", in: m)
        if !scenarioNode.isNull { arms.append(("", try Scenario.parse(scenarioNode))) }
        if !armsNode.isNull {
            for a in try armsNode.items() {
                let am = try a.mapping(allowed: ["name", "scenario"])
                arms.append((try a.field("name", in: am).string(), try Scenario.parse(a.field("scenario", in: am))))
            }
        }
        if arms.isEmpty { throw root.error("a case needs a scenario or arms", accepted: "scenario, arms") }
        let armNames = arms.map(\.0)
        var endpoints: [Endpoint] = []
        for e in try root.field("endpoints", in: m).items() {
            let em = try e.mapping(allowed: ["output", "day", "from_day", "published", "spread", "tolerance", "arm", "difference", "mixture", "label",
                                                  "statistic", "bound"])
            var spread: Spread?
            let sNode = e.field("spread", in: em)
            if !sNode.isNull {
                let sm = try sNode.mapping(allowed: ["value", "kind"])
                spread = Spread(value: try sNode.field("value", in: sm).number(), kind: try sNode.field("kind", in: sm).choice(["SE", "SD", "CI95", "range"]))
            }
            let armNode = e.field("arm", in: em), diffNode = e.field("difference", in: em)
            let arm: String? = armNode.isNull ? nil : try armNode.choice(armNames)
            var diff: [String]?
            if !diffNode.isNull {
                let names = try diffNode.items().map { (n) throws(InputError) in try n.choice(armNames) }
                guard names.count == 2 else { throw diffNode.error("a difference names two arms") }
                diff = names
            }
            var mixture: [(arm: String, weight: Double)]?
            let mixNode = e.field("mixture", in: em)
            if !mixNode.isNull {
                guard let dict = mixNode.value as? [String: Any], !dict.isEmpty else {
                    throw mixNode.error("expected a mapping of arm names to weights", accepted: "e.g. {women: 0.8, men: 0.2}")
                }
                mixture = try dict.keys.sorted().map { (k) throws(InputError) in
                    guard armNames.contains(k) else { throw mixNode.error("no arm named '\(k)'", accepted: armNames.joined(separator: ", ")) }
                    return (k, try mixNode.field(k, in: dict).number(in: 0...1000))
                }
                if !(mixture?.contains { $0.weight > 0 } ?? false) { throw mixNode.error("the weights must not all be 0") }
                if !diffNode.isNull || !armNode.isNull { throw mixNode.error("give one of arm, difference, mixture") }
            }
            let tol = try e.field("tolerance", in: em).number()
            guard tol >= 0 else { throw e.field("tolerance", in: em).error("must be >= 0") }
            let statNode = e.field("statistic", in: em), boundNode = e.field("bound", in: em)
            let statistic = statNode.isNull ? Statistic.value
                : try Statistic(rawValue: statNode.choice(Statistic.allCases.map(\.rawValue))) ?? .value
            let bound = boundNode.isNull ? nil : try Bound(rawValue: boundNode.choice(Bound.allCases.map(\.rawValue)))
            let fromNode = e.field("from_day", in: em)
            let fromDay = fromNode.isNull ? nil : try fromNode.number(in: 0...36525)
            let day = try e.field("day", in: em).number(in: 0...36525)
            if statistic == .halfLife, (fromDay ?? day) >= day {
                throw fromNode.error("a half-life needs from_day before day", accepted: "from_day < day")
            }
            if statistic == .bmdRelativeRisk || statistic == .relativeRisk, diff == nil {
                throw statNode.error("a treatment's relative risk compares two arms", accepted: "difference: [treated, control]")
            }
            if statistic != .value, statistic != .bmdRelativeRisk, statistic != .relativeRisk, diff != nil {
                throw statNode.error("a statistic is read within one arm, not from a difference", accepted: "arm")
            }
            if statistic != .value, mixture != nil {
                throw statNode.error("a statistic is read within one arm, not from a mixture", accepted: "arm")
            }
            endpoints.append(Endpoint(output: try e.field("output", in: em).string(), day: day,
                                      published: try e.field("published", in: em).number(), spread: spread, tolerance: tol,
                                      arm: arm, difference: diff, fromDay: fromDay, mixture: mixture,
                                      label: e.field("label", in: em).isNull ? nil : try e.field("label", in: em).string(),
                                      statistic: statistic, bound: bound))
        }
        let calNode = root.field("calibrates", in: m)
        let calibrates = calNode.isNull ? [] : try calNode.items().map { (n) throws(InputError) in try n.string() }
        return ValidationCase(id: try text("id"), title: try text("title"), citation: try text("citation"),
                              status: try text("status"), role: role, arms: arms, endpoints: endpoints, calibrates: calibrates,
                              file: root.file)
    }

    /// The cases shipped with OsteoSim (Resources/validation/cases, also at validation/cases).
    public static func bundled() throws(InputError) -> [ValidationCase] {
        guard let dir = Bundle.module.url(forResource: "validation/cases", withExtension: nil, subdirectory: "Resources")
                ?? Bundle.module.resourceURL?.appendingPathComponent("Resources/validation/cases") else {
            throw InputError(file: "(bundle)", field: "", problem: "validation cases not found in the OsteoSim bundle")
        }
        let listing: [String]
        do { listing = try FileManager.default.contentsOfDirectory(atPath: dir.path) } catch {
            throw InputError(file: dir.path, field: "", problem: "cannot list the bundled validation cases (\(error.localizedDescription))")
        }
        let files = listing.filter { $0.hasSuffix(".yaml") }.sorted()
        guard !files.isEmpty else {
            throw InputError(file: dir.path, field: "", problem: "no validation case files (*.yaml) in the bundle")
        }
        var cases: [ValidationCase] = []
        for f in files { cases.append(try parse(InputNode.load(path: dir.appendingPathComponent(f).path))) }
        return cases
    }
}
