import OsteoModel

extension Scenario {
    public static let glucocorticoidFactors: [String: Double] = [
        // Prednisolone-equivalent factors (guidelines.md §0; BNF-derived formulary tables).
        "prednisone": 1, "prednisolone": 1, "methylprednisolone": 1.25, "hydrocortisone": 0.25,
        "cortisone": 0.2, "dexamethasone": 5 / 0.75, "betamethasone": 5 / 0.75, "deflazacort": 5.0 / 6.0,
        "triamcinolone": 1.25,
    ]
    public static let drugIDs = [
        "alendronate", "risedronate", "ibandronate", "zoledronic_acid", "denosumab", "teriparatide",
        "abaloparatide", "romosozumab", "raloxifene", "calcium", "vitamin_d", "alfacalcidol", "eldecalcitol",
        "calcitriol", "adalimumab", "infliximab", "etanercept", "anakinra", "tocilizumab", "celecoxib", "methotrexate",
    ]
    public static let diseaseIDs = [
        "rheumatoid_arthritis", "systemic_lupus_erythematosus", "crohns_disease", "ulcerative_colitis",
        "coeliac_disease", "copd", "periodontitis", "cystic_fibrosis", "ankylosing_spondylitis",
    ]

    public static func load(path: String) throws(InputError) -> Scenario {
        try parse(InputNode.load(path: path))
    }

    public static func parse(text: String, file: String) throws(InputError) -> Scenario {
        try parse(InputNode.parse(text, file: file))
    }

    public static func parse(_ root: InputNode) throws(InputError) -> Scenario {
        let top = try root.mapping(allowed: ["name", "patient", "duration", "output_every", "glucocorticoids", "inflammation", "treatments"])
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

    static func parseCourse(_ node: InputNode) throws(InputError) -> GlucocorticoidCourse {
        let m = try node.mapping(allowed: ["drug", "dose", "start", "stop"])
        let drugNode = node.field("drug", in: m)
        if drugNode.isNull { throw drugNode.error("required", accepted: glucocorticoidFactors.keys.sorted().joined(separator: ", ")) }
        let drug = try drugNode.choice(glucocorticoidFactors.keys.sorted())
        let dose = try Quantity.dailyDoseMg(node.field("dose", in: m))
        let startNode = node.field("start", in: m), stopNode = node.field("stop", in: m)
        let start = startNode.isNull ? 0 : try Quantity.days(startNode, allowNegative: true)
        let stop: Double? = stopNode.isNull ? nil : try Quantity.days(stopNode, allowNegative: true)
        if let stop, stop <= start { throw stopNode.error("stop must come after start") }
        return GlucocorticoidCourse(drug: drug, dose: dose, prednisoloneEquivalentMgPerDay: dose * (glucocorticoidFactors[drug] ?? 1),
                                    startDay: start, stopDay: stop)
    }

    static func parseInflammation(_ node: InputNode) throws(InputError) -> Inflammation {
        let m = try node.mapping(allowed: ["disease", "crp", "das28"])
        let dNode = node.field("disease", in: m)
        if dNode.isNull { throw dNode.error("required", accepted: diseaseIDs.joined(separator: ", ")) }
        let disease = try dNode.choice(diseaseIDs)
        let crpNode = node.field("crp", in: m), dasNode = node.field("das28", in: m)
        let crp: Double? = crpNode.isNull ? nil : try Quantity.mgPerLitre(crpNode)
        var das: Double?
        if !dasNode.isNull {
            guard disease == "rheumatoid_arthritis" else { throw dasNode.error("das28 applies to rheumatoid_arthritis only") }
            das = try dasNode.number(in: 0...10)
        }
        return Inflammation(disease: disease, crpMgPerL: crp, das28: das)
    }

    static func parseTreatment(_ node: InputNode) throws(InputError) -> Treatment {
        let m = try node.mapping(allowed: ["drug", "dose", "every", "start", "stop", "doses", "route"])
        let drugNode = node.field("drug", in: m)
        if drugNode.isNull { throw drugNode.error("required", accepted: drugIDs.joined(separator: ", ")) }
        let drug = try drugNode.choice(drugIDs)
        let (amount, unit) = try Quantity.dose(node.field("dose", in: m))
        let everyNode = node.field("every", in: m), startNode = node.field("start", in: m)
        let stopNode = node.field("stop", in: m), dosesNode = node.field("doses", in: m), routeNode = node.field("route", in: m)
        let every: Double? = everyNode.isNull ? nil : try Quantity.days(everyNode)
        if let every, every <= 0 { throw everyNode.error("must be positive") }
        let start = startNode.isNull ? 0 : try Quantity.days(startNode, allowNegative: true)
        let stop: Double? = stopNode.isNull ? nil : try Quantity.days(stopNode, allowNegative: true)
        if !stopNode.isNull && !dosesNode.isNull { throw dosesNode.error("give either stop or doses, not both") }
        let doses: Int? = dosesNode.isNull ? nil : Int(try dosesNode.number(in: 1...10_000))
        let route: String? = routeNode.isNull ? nil : try routeNode.choice(["oral", "sc", "iv"])
        return Treatment(drug: drug, dose: amount, doseUnit: unit, everyDays: every, startDay: start, stopDay: stop, doses: doses, route: route)
    }
}
