import Foundation
import OsteoCatalog
import OsteoModel
import OsteoPharm

extension Scenario {
    /// Prednisolone-equivalent factors, from the one shared table (OsteoCatalog).
    public static var glucocorticoidFactors: [String: Double] {
        Dictionary(uniqueKeysWithValues: GlucocorticoidDrug.allCases.map { ($0.rawValue, $0.prednisoloneEquivalentFactor) })
    }
    /// Drug ids accepted in `treatments:` and dosing records: the catalog's drugs and the
    /// pipeline test components.
    public static var drugIDs: [String] { DrugID.allCases.map(\.rawValue) + TestComponents.ids }
    public static var diseaseIDs: [String] { DiseaseID.allCases.map(\.rawValue) }

    public static func load(path: String) throws(InputError) -> Scenario {
        try parse(InputNode.load(path: path))
    }

    public static func parse(text: String, file: String) throws(InputError) -> Scenario {
        try parse(InputNode.parse(text, file: file))
    }

    public static func parse(_ root: InputNode) throws(InputError) -> Scenario {
        let top = try root.mapping(allowed: ["name", "patient", "duration", "output_every", "glucocorticoids", "inflammation",
                                             "treatments", "dosing_records", "parameters", "perturbations"])
        let name: String? = root.field("name", in: top).isNull ? nil : try root.field("name", in: top).string()
        let patient = try parsePatient(root.field("patient", in: top))
        let durationNode = root.field("duration", in: top)
        if durationNode.isNull { throw durationNode.error("required", accepted: "e.g. '24 months'") }
        let duration = try Quantity.days(durationNode)
        guard duration > 0, duration <= 100 * 365.25 else {
            throw durationNode.error("must be more than 0 and at most 100 years")
        }
        let everyNode = root.field("output_every", in: top)
        let every = everyNode.isNull ? 30.4375 : try Quantity.days(everyNode)
        guard every > 0 else { throw everyNode.error("must be positive") }
        var s = Scenario(name: name, patient: patient, durationDays: duration, outputEveryDays: every, file: root.file)
        let gcNode = root.field("glucocorticoids", in: top)
        if !gcNode.isNull { s.glucocorticoids = try gcNode.items().map { (n) throws(InputError) in try parseCourse(n) } }
        let infNode = root.field("inflammation", in: top)
        if !infNode.isNull { s.inflammation = try parseInflammation(infNode) }
        let trNode = root.field("treatments", in: top)
        if !trNode.isNull { s.treatments = try trNode.items().map { (n) throws(InputError) in try parseTreatment(n) } }
        let recNode = root.field("dosing_records", in: top)
        if !recNode.isNull { s.dosingRecords = try parseDosingRecords(recNode) }
        let parNode = root.field("parameters", in: top)
        if !parNode.isNull { s.parameters = try parseOverrides(parNode) }
        let pertNode = root.field("perturbations", in: top)
        if !pertNode.isNull { s.perturbations = try pertNode.items().map { (n) throws(InputError) in try parsePerturbation(n) } }
        try checkPlausibility(s, root: root, top: top)
        return s
    }

    static func parsePatient(_ node: InputNode) throws(InputError) -> Patient {
        if node.isNull { throw node.error("required", accepted: "a mapping with sex and age") }
        let m = try node.mapping(allowed: ["sex", "age", "menopausal", "years_since_menopause", "lumbar_spine_t_score", "total_hip_t_score", "egfr"])
        let sexNode = node.field("sex", in: m)
        if sexNode.isNull { throw sexNode.error("required", accepted: "female, male") }
        let sex = Sex(rawValue: try sexNode.choice(["female", "male"])) ?? .female
        let ageNode = node.field("age", in: m)
        if ageNode.isNull { throw ageNode.error("required", accepted: FieldRanges.age.accepted) }
        let age = try FieldRanges.age.read(ageNode)
        let menoNode = node.field("menopausal", in: m)
        let menopausal = menoNode.isNull ? (sex == .female && age >= 51) : try menoNode.bool()
        if sex == .male && menopausal { throw menoNode.error("only women can be menopausal") }
        func optional(_ key: String, _ range: FieldRange) throws(InputError) -> Double? {
            let n = node.field(key, in: m)
            return n.isNull ? nil : try range.read(n)
        }
        let ysm = try optional("years_since_menopause", FieldRanges.yearsSinceMenopause)
        if ysm != nil && !menopausal { throw node.field("years_since_menopause", in: m).error("given for a patient who is not menopausal") }
        return Patient(sex: sex, age: age, menopausal: menopausal,
                       lumbarSpineTScore: try optional("lumbar_spine_t_score", FieldRanges.tScore),
                       totalHipTScore: try optional("total_hip_t_score", FieldRanges.tScore),
                       egfr: try optional("egfr", FieldRanges.egfr),
                       yearsSinceMenopause: ysm)
    }

    /// A glucocorticoid course: daily (`dose: 10 mg/day`, optional `taper:` steps), or
    /// intermittent (`dose: 20 mg`, `every: 2 days`, optional `doses: N`; a pulse is e.g.
    /// `{drug: methylprednisolone, dose: 1 g, route: iv, every: 1 day, doses: 3}`).
    static func parseCourse(_ node: InputNode) throws(InputError) -> GlucocorticoidCourse {
        let m = try node.mapping(allowed: ["drug", "dose", "start", "stop", "taper", "every", "doses", "route"])
        let drugNode = node.field("drug", in: m)
        let ids = GlucocorticoidDrug.allCases.map(\.rawValue)
        if drugNode.isNull { throw drugNode.error("required", accepted: ids.joined(separator: ", ")) }
        if let text = drugNode.value as? String, let why = GlucocorticoidDrug.notSystemic[text.lowercased()] {
            throw drugNode.error("'\(text)' is not simulated: \(why)", accepted: ids.joined(separator: ", ") + " (systemic, with a prednisolone equivalent)")
        }
        let drugID = try drugNode.choice(ids)
        guard let drug = GlucocorticoidDrug(rawValue: drugID) else { throw drugNode.error("unknown glucocorticoid", accepted: ids.joined(separator: ", ")) }
        let startNode = node.field("start", in: m), stopNode = node.field("stop", in: m)
        let start = startNode.isNull ? 0 : try Quantity.days(startNode, allowNegative: true)
        let stop: Double? = stopNode.isNull ? nil : try Quantity.days(stopNode, allowNegative: true)
        if let stop, stop <= start { throw stopNode.error("stop must come after start") }
        let routeNode = node.field("route", in: m)
        let route: Route = routeNode.isNull ? .oral : (Route(rawValue: try routeNode.choice(["oral", "iv"])) ?? .oral)
        let everyNode = node.field("every", in: m), dosesNode = node.field("doses", in: m), taperNode = node.field("taper", in: m)
        let doseNode = node.field("dose", in: m)
        if doseNode.isNull { throw doseNode.error("required", accepted: "a daily dose such as '10 mg/day', or a single dose such as '20 mg' with 'every'") }
        let schedule: GlucocorticoidRegimen.Schedule
        let nominalMgPerDay: Double
        if everyNode.isNull {
            if !dosesNode.isNull { throw dosesNode.error("'doses' needs 'every'", accepted: "e.g. every: 1 day, doses: 3") }
            let mgPerDay = try Quantity.dailyDoseMg(doseNode)
            var steps: [GlucocorticoidRegimen.TaperStep] = []
            if !taperNode.isNull {
                for (i, stepNode) in try taperNode.items().enumerated() {
                    let sm = try stepNode.mapping(allowed: ["after", "dose"])
                    let afterNode = stepNode.field("after", in: sm), dNode = stepNode.field("dose", in: sm)
                    if afterNode.isNull { throw afterNode.error("required", accepted: "time after the course's start, e.g. '2 weeks'") }
                    let after = try Quantity.days(afterNode)
                    guard after > 0 else { throw afterNode.error("must be after the start (more than 0)") }
                    if let last = steps.last, after <= last.afterDays {
                        throw afterNode.error("taper steps must come in order (step \(i) is not after step \(i - 1))")
                    }
                    if dNode.isNull { throw dNode.error("required", accepted: "a daily dose such as '5 mg/day' (end the course with 'stop')") }
                    steps.append(.init(afterDays: after, mgPerDay: try Quantity.dailyDoseMg(dNode)))
                }
            }
            schedule = .daily(mgPerDay: mgPerDay, taper: steps)
            nominalMgPerDay = mgPerDay
        } else {
            if !taperNode.isNull { throw taperNode.error("a taper applies to a daily dose, not to 'every'", accepted: "remove 'taper' or 'every'") }
            let every = try Quantity.days(everyNode)
            guard every >= 1.0 / 24 else { throw everyNode.error("must be at least 1 hour", accepted: "e.g. '2 days'") }
            let (amount, unit) = try Quantity.dose(doseNode)
            guard unit == "mg" else { throw doseNode.error("a glucocorticoid dose is a mass", accepted: "mg, g, µg") }
            guard amount <= 5000 else { throw doseNode.error("\(amount) mg is more than any pulse (accepted: at most 5 g)") }
            let doses: Int? = dosesNode.isNull ? nil : Int(try dosesNode.number(in: 1...100_000))
            schedule = .intermittent(mg: amount, everyDays: every, doses: doses)
            nominalMgPerDay = amount / every
        }
        let regimen = GlucocorticoidRegimen(drug: drug, route: route, schedule: schedule, startDay: start, stopDay: stop)
        return GlucocorticoidCourse(drug: drugID, dose: nominalMgPerDay, prednisoloneEquivalentMgPerDay: nominalMgPerDay * drug.prednisoloneEquivalentFactor,
                                    startDay: start, stopDay: stop, regimen: regimen)
    }

    /// `inflammation:` — `disease` (required), the disease's own activity as one of `crp`, `das28`
    /// (rheumatoid arthritis) or `level` (a word or a number 0–6; default `high`), `start`
    /// (onset; negative = before day 0), and `activity:` changes `{from, to?, crp | das28 | level}`.
    static func parseInflammation(_ node: InputNode) throws(InputError) -> Inflammation {
        let m = try node.mapping(allowed: ["disease", "crp", "das28", "level", "start", "activity"])
        let dNode = node.field("disease", in: m)
        if dNode.isNull { throw dNode.error("required", accepted: diseaseIDs.joined(separator: ", ")) }
        let disease = try dNode.choice(diseaseIDs)
        let startNode = node.field("start", in: m)
        let start = startNode.isNull ? 0 : try Quantity.days(startNode, allowNegative: true)
        var inf = Inflammation(disease: disease, crpMgPerL: nil, das28: nil, startDay: start)
        if let (input, field) = try parseActivityInput(node, m, disease: disease, allowPair: true) {
            inf.input = input
            inf.inputField = field
            if case .crp(let c) = input { inf.crpMgPerL = c }
            if case .das28(let d) = input { inf.das28 = d }
            if case .das28AndCRP(let d, let c) = input { inf.das28 = d; inf.crpMgPerL = c }
        }
        let actNode = node.field("activity", in: m)
        if !actNode.isNull {
            for item in try actNode.items() {
                let im = try item.mapping(allowed: ["from", "to", "crp", "das28", "level"])
                let fromNode = item.field("from", in: im), toNode = item.field("to", in: im)
                if fromNode.isNull { throw fromNode.error("required", accepted: "the time the change starts, e.g. '6 months'") }
                let from = try Quantity.days(fromNode, allowNegative: true)
                if from < start { throw fromNode.error("the change starts before the disease's start (\(Quantity.formatted(start)) days)") }
                let to: Double? = toNode.isNull ? nil : try Quantity.days(toNode, allowNegative: true)
                if let to, to <= from { throw toNode.error("'to' must come after 'from'") }
                guard let (input, field) = try parseActivityInput(item, im, disease: disease) else {
                    throw item.error("an activity change needs one of crp, das28, level", accepted: "e.g. {from: 6 months, crp: 5 mg/L} or {from: 9 months, to: 11 months, level: severe}")
                }
                inf.changes.append(Inflammation.Change(from: from, to: to, input: input, field: field))
            }
        }
        return inf
    }

    /// One of `crp`, `das28`, `level` (at most one), or nil if none is given.
    /// With `allowPair` (the onset activity of rheumatoid arthritis) `das28` and `crp` may come
    /// together: DAS28 sets the activity, CRP the systemic inflammation per unit of activity.
    static func parseActivityInput(_ node: InputNode, _ m: [String: Any], disease: String, allowPair: Bool = false) throws(InputError) -> (ActivityInput, String)? {
        let crpNode = node.field("crp", in: m), dasNode = node.field("das28", in: m), levelNode = node.field("level", in: m)
        if allowPair, disease == "rheumatoid_arthritis", !crpNode.isNull, !dasNode.isNull, levelNode.isNull {
            return (.das28AndCRP(das28: try dasNode.number(in: 0...9.4), crp: try Quantity.mgPerLitre(crpNode)), dasNode.path)
        }
        let given = [crpNode, dasNode, levelNode].filter { !$0.isNull }
        if given.count > 1 {
            throw given[1].error("give one of crp, das28, level, not several", accepted: allowPair && disease == "rheumatoid_arthritis"
                                 ? "crp, das28, level, or das28 with crp (DAS28 sets the activity, CRP the systemic inflammation)" : "crp, das28 (rheumatoid arthritis) or level")
        }
        if !crpNode.isNull {
            let c = try Quantity.mgPerLitre(crpNode)
            return (.crp(c), crpNode.path)
        }
        if !dasNode.isNull {
            guard disease == "rheumatoid_arthritis" else { throw dasNode.error("das28 applies to rheumatoid_arthritis only", accepted: "crp or level for this disease") }
            return (.das28(try dasNode.number(in: 0...9.4)), dasNode.path)
        }
        if !levelNode.isNull {
            if levelNode.value is String { return (.level(try levelNode.choice(Activity.levelNames)), levelNode.path) }
            return (.value(try levelNode.number(in: 0...Activity.maximum)), levelNode.path)
        }
        return nil
    }

    static func parseTreatment(_ node: InputNode) throws(InputError) -> Treatment {
        let m = try node.mapping(allowed: ["drug", "dose", "every", "start", "stop", "doses", "route", "regimen", "missed_doses"])
        let drugNode = node.field("drug", in: m)
        if drugNode.isNull { throw drugNode.error("required", accepted: drugIDs.joined(separator: ", ")) }
        let drug = try drugNode.choice(drugIDs)
        let everyNode = node.field("every", in: m), startNode = node.field("start", in: m), doseNode = node.field("dose", in: m)
        let stopNode = node.field("stop", in: m), dosesNode = node.field("doses", in: m), routeNode = node.field("route", in: m)
        let regimenNode = node.field("regimen", in: m)
        let start = startNode.isNull ? 0 : try Quantity.days(startNode, allowNegative: true)
        let stop: Double? = stopNode.isNull ? nil : try Quantity.days(stopNode, allowNegative: true)
        if let stop, stop <= start { throw stopNode.error("stop must come after start") }
        if !stopNode.isNull && !dosesNode.isNull { throw dosesNode.error("give either stop or doses, not both") }
        let regimen: Regimen
        if !regimenNode.isNull {
            for (key, n) in [("dose", doseNode), ("every", everyNode), ("doses", dosesNode), ("route", routeNode)] where !n.isNull {
                throw n.error("give either 'regimen' or the explicit fields, not both", accepted: "remove '\(key)' or 'regimen'")
            }
            let text = try regimenNode.string()
            do { regimen = try Regimen(parsing: text) } catch {
                throw regimenNode.error(error.description, accepted: "AMOUNT UNIT [ROUTE] (once | daily | weekly | monthly | every N UNIT) [x COUNT | for DURATION] [then REGIMEN]")
            }
        } else {
            if doseNode.isNull { throw doseNode.error("required (or give 'regimen')", accepted: "e.g. '70 mg'") }
            let (amount, unit) = try Quantity.dose(doseNode)
            let every: Double? = everyNode.isNull ? nil : try Quantity.days(everyNode)
            if let every, every <= 0 { throw everyNode.error("must be positive") }
            let doses: Int? = dosesNode.isNull ? nil : Int(try dosesNode.number(in: 1...100_000))
            if doses != nil && every == nil && doses != 1 { throw dosesNode.error("more than one dose needs 'every'") }
            let route: Route? = routeNode.isNull ? nil : Route(rawValue: try routeNode.choice(["oral", "sc", "iv"]))
            regimen = Regimen(phases: [Regimen.Phase(amount: amount, unit: unit == "IU" ? .iu : .mg, route: route,
                                                     intervalDays: every, count: doses)])
        }
        let missedNode = node.field("missed_doses", in: m)
        var missed: [Int] = []
        if !missedNode.isNull {
            missed = try missedNode.items().map { (n) throws(InputError) in Int(try n.number(in: 1...100_000)) }
        }
        return Treatment(drug: drug, regimen: regimen, startDay: start, stopDay: stop, missedDoses: missed, field: node.path)
    }

    static func parseDosingRecords(_ node: InputNode) throws(InputError) -> [Dose] {
        let name = try node.string()
        let base = URL(fileURLWithPath: node.file).deletingLastPathComponent()
        let path = name.hasPrefix("/") ? name : base.appendingPathComponent(name).path
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw node.error("cannot read the dosing-records file '\(path)'", accepted: "a CSV file path relative to the scenario file")
        }
        do { return try DosingRecords.parse(text, file: path, drugIDs: drugIDs) } catch {
            throw InputError(file: path, field: "line \(error.line)" + (error.column.isEmpty ? "" : ", \(error.column)"),
                             problem: error.problem, accepted: error.accepted.isEmpty ? nil : error.accepted)
        }
    }

    static func parseOverrides(_ node: InputNode) throws(InputError) -> [ParameterOverride] {
        guard let dict = node.value as? [String: Any] else {
            throw node.error("expected a mapping of parameter names to values", accepted: "e.g. 'spine_turnover: 0.14'; `osteosim parameters` lists them")
        }
        return try dict.keys.sorted().map { (key) throws(InputError) in
            let n = node.field(key, in: dict)
            return ParameterOverride(name: key, value: try n.number(), field: n.path)
        }
    }

    static func parsePerturbation(_ node: InputNode) throws(InputError) -> Perturbation {
        let m = try node.mapping(allowed: ["lever", "factor", "start", "stop"])
        let leverNode = node.field("lever", in: m)
        let ids = Lever.allCases.map(\.id)
        if leverNode.isNull { throw leverNode.error("required", accepted: ids.joined(separator: ", ")) }
        let id = try leverNode.choice(ids)
        guard let lever = Lever(rawValue: id) else { throw leverNode.error("unknown lever", accepted: ids.joined(separator: ", ")) }
        guard lever.isAvailable else {
            throw leverNode.error("'\(id)' is not in the current core physiology: it arrives with core model v2",
                                  accepted: Lever.allCases.filter(\.isAvailable).map(\.id).joined(separator: ", "))
        }
        let factorNode = node.field("factor", in: m)
        if factorNode.isNull { throw factorNode.error("required", accepted: "a number > 0 (1 = no effect)") }
        let factor = try factorNode.number()
        guard factor > 0, factor <= 100 else { throw factorNode.error("\(factor) is out of range", accepted: "a number > 0 and at most 100 (1 = no effect)") }
        let startNode = node.field("start", in: m), stopNode = node.field("stop", in: m)
        let start = startNode.isNull ? 0 : try Quantity.days(startNode, allowNegative: true)
        let stop: Double? = stopNode.isNull ? nil : try Quantity.days(stopNode, allowNegative: true)
        if let stop, stop <= start { throw stopNode.error("stop must come after start") }
        return Perturbation(lever: lever, factor: factor, startDay: start, stopDay: stop)
    }
}
