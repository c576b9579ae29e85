import Foundation
import OsteoClinical
import QFracture2012

/// A parsed `assess` patient file (PRODUCT.md, `assess` input): the clinical record plus the QFracture inputs.
public struct PatientFile: Sendable, Equatable {
    public var name: String?
    public var patient: ClinicalPatient
    public var heightCm: Double?
    public var weightKg: Double?
    public var ethnicity: QFractureInput.Ethnicity?
    public var smoking: QFractureInput.Smoking?
    public var alcoholUnitsPerDay: Double?

    public static let ethnicities: [(String, QFractureInput.Ethnicity)] = [
        ("white", .whiteOrNotStated), ("indian", .indian), ("pakistani", .pakistani), ("bangladeshi", .bangladeshi),
        ("other_asian", .otherAsian), ("black_caribbean", .blackCaribbean), ("black_african", .blackAfrican),
        ("chinese", .chinese), ("other", .other),
    ]
    public static let smokingValues: [(String, QFractureInput.Smoking)] = [
        ("non_smoker", .nonSmoker), ("ex_smoker", .exSmoker), ("light", .light), ("moderate", .moderate), ("heavy", .heavy),
    ]
    /// Drugs accepted in `osteoporosis_therapy`.
    public static let therapyDrugs: [OsteoporosisDrug] = [
        .alendronate, .risedronate, .ibandronate, .zoledronicAcid, .denosumab, .teriparatide, .abaloparatide, .romosozumab, .raloxifene,
    ]

    static let booleanKeys = [
        "prior_fragility_fracture", "pregnant", "planning_pregnancy", "childbearing_potential", "organ_transplant",
        "hypocalcaemia", "mi_or_stroke_last_year", "venous_thromboembolism_history",
    ]
    static let scoreKeys = [
        "lumbar_spine_t_score", "total_hip_t_score", "femoral_neck_t_score",
        "lumbar_spine_z_score", "total_hip_z_score", "femoral_neck_z_score",
    ]
    /// Every top-level key accepted.
    public static let keys = [
        "name", "sex", "age", "menopausal", "glucocorticoids", "cumulative_gc_last_year_g", "lumbar_spine_yam_pct", "frax",
        "bmd_loss_last_year_pct", "dxa_least_significant_change_pct", "egfr", "osteoporosis_therapy", "height_cm", "weight_kg",
        "ethnicity", "smoking", "alcohol_units_per_day", "conditions",
    ] + booleanKeys + scoreKeys

    /// Reads and validates a patient file (YAML or JSON).
    public static func load(path: String) throws(InputError) -> PatientFile {
        try parse(InputNode.load(path: path))
    }

    public static func parse(text: String, file: String) throws(InputError) -> PatientFile {
        try parse(InputNode.parse(text, file: file))
    }

    public static func parse(_ root: InputNode) throws(InputError) -> PatientFile {
        let m = try root.mapping(allowed: keys)
        func node(_ k: String) -> InputNode { root.field(k, in: m) }
        func opt<T>(_ k: String, _ read: (InputNode) throws(InputError) -> T) throws(InputError) -> T? {
            let n = node(k)
            return n.isNull ? nil : try read(n)
        }
        func optBool(_ k: String) throws(InputError) -> Bool? {
            let n = node(k)
            return n.isNull ? nil : try n.bool()
        }
        func optNumber(_ k: String, _ r: ClosedRange<Double>, unit: String = "") throws(InputError) -> Double? {
            let n = node(k)
            return n.isNull ? nil : try n.number(in: r, unit: unit)
        }
        func optString(_ k: String) throws(InputError) -> String? {
            let n = node(k)
            return n.isNull ? nil : try n.string()
        }
        func required(_ k: String) throws(InputError) -> InputNode {
            let n = node(k)
            if n.isNull { throw n.error("required field is missing") }
            return n
        }
        let sex: ClinicalPatient.Sex = try required("sex").choice(["female", "male"]) == "female" ? .female : .male
        let ageNode = try required("age")
        let age: Double
        do { age = try ageNode.number() } catch {
            throw InputError(file: ageNode.file, field: ageNode.path, problem: error.problem, accepted: FieldRanges.age.accepted)
        }
        if age < FieldRanges.age.range.lowerBound && age >= 0 {
            throw ageNode.error(ClinicalError.child(age).message, accepted: FieldRanges.age.accepted)
        }
        var p = ClinicalPatient(sex: sex, age: try FieldRanges.age.read(ageNode))
        p.menopausal = try optBool("menopausal")
        if sex == .male, p.menopausal == true { throw node("menopausal").error("menopausal: true is given for a man", accepted: "omit it, or false") }
        p.glucocorticoids = try opt("glucocorticoids") { n throws(InputError) in try n.items().map(course) } ?? []
        p.cumulativeGCLastYearG = try optNumber("cumulative_gc_last_year_g", 0...100, unit: "g")
        for k in booleanKeys {
            let v = try optBool(k)
            switch k {
            case "prior_fragility_fracture": p.priorFragilityFracture = v ?? false
            case "pregnant": p.pregnant = v ?? false
            case "planning_pregnancy": p.planningPregnancy = v ?? false
            case "childbearing_potential": p.childbearingPotential = v
            case "organ_transplant": p.organTransplant = v ?? false
            case "hypocalcaemia": p.hypocalcaemia = v ?? false
            case "mi_or_stroke_last_year": p.myocardialInfarctionOrStrokeLastYear = v ?? false
            default: p.venousThromboembolismHistory = v ?? false
            }
        }
        if sex == .male, p.pregnant || p.planningPregnancy || p.childbearingPotential == true {
            throw root.error("pregnancy fields are set for a man", accepted: "omit pregnant, planning_pregnancy and childbearing_potential for men")
        }
        for k in scoreKeys {
            let v = try optNumber(k, k.hasSuffix("_t_score") ? FieldRanges.tScore.range : FieldRanges.zScore.range)
            switch k {
            case "lumbar_spine_t_score": p.lumbarSpineTScore = v
            case "total_hip_t_score": p.totalHipTScore = v
            case "femoral_neck_t_score": p.femoralNeckTScore = v
            case "lumbar_spine_z_score": p.lumbarSpineZScore = v
            case "total_hip_z_score": p.totalHipZScore = v
            default: p.femoralNeckZScore = v
            }
        }
        p.lumbarSpineYAMPct = try optNumber("lumbar_spine_yam_pct", 20...200, unit: "%")
        p.frax = node("frax").isNull ? nil : try frax(node("frax"))
        p.bmdLossLastYearPct = try optNumber("bmd_loss_last_year_pct", -50...50, unit: "%")
        p.dxaLeastSignificantChangePct = try optNumber("dxa_least_significant_change_pct", 0.1...20, unit: "%")
        p.egfr = try optNumber("egfr", FieldRanges.egfr.range, unit: FieldRanges.egfr.unit)
        p.osteoporosisTherapy = try opt("osteoporosis_therapy") { n throws(InputError) in try n.items().map(therapy) } ?? []
        p.conditions = Set(try opt("conditions") { n throws(InputError) in
            try n.items().map { c throws(InputError) in
                guard let v = Condition(rawValue: try c.choice(Condition.allCases.map(\.rawValue))) else { throw c.error("unknown condition") }
                return v
            }
        } ?? [])

        try checkPlausibility(p, root: root, m)
        var file = PatientFile(name: try optString("name"), patient: p)
        file.heightCm = try optNumber("height_cm", 50...250, unit: "cm")
        file.weightKg = try optNumber("weight_kg", 10...350, unit: "kg")
        file.ethnicity = try opt("ethnicity") { n throws(InputError) in
            let s = try n.choice(ethnicities.map(\.0))
            return ethnicities.first { $0.0 == s }?.1 ?? .other
        }
        file.smoking = try opt("smoking") { n throws(InputError) in
            let s = try n.choice(smokingValues.map(\.0))
            return smokingValues.first { $0.0 == s }?.1 ?? .nonSmoker
        }
        file.alcoholUnitsPerDay = try optNumber("alcohol_units_per_day", 0...100, unit: "units/day")
        return file
    }

    static func course(_ n: InputNode) throws(InputError) -> GlucocorticoidCourse {
        let m = try n.mapping(allowed: ["drug", "dose", "start", "stop"])
        let drugNode = n.field("drug", in: m)
        if drugNode.isNull { throw drugNode.error("required field is missing", accepted: GlucocorticoidDrug.allCases.map(\.rawValue).joined(separator: ", ")) }
        let id = try drugNode.choice(GlucocorticoidDrug.allCases.map(\.rawValue))
        guard let drug = GlucocorticoidDrug(rawValue: id) else { throw drugNode.error("unknown glucocorticoid") }
        let doseNode = n.field("dose", in: m)
        if doseNode.isNull { throw doseNode.error("required field is missing", accepted: "a dose per day such as '10 mg/day'") }
        let dose = try Quantity.dailyDoseMg(doseNode)
        let startNode = n.field("start", in: m), stopNode = n.field("stop", in: m)
        let start = startNode.isNull ? 0 : try Quantity.days(startNode, allowNegative: true, maxYears: 50)
        let stop = stopNode.isNull ? nil : try Quantity.days(stopNode, allowNegative: true, maxYears: 50)
        if let stop, stop <= start { throw stopNode.error("stop must be after start", accepted: "a time after start") }
        return GlucocorticoidCourse(drug: drug, doseMgPerDay: dose, startDay: start, stopDay: stop)
    }

    static func therapy(_ n: InputNode) throws(InputError) -> TherapyCourse {
        let m = try n.mapping(allowed: ["drug", "start", "stop"])
        let drugNode = n.field("drug", in: m)
        if drugNode.isNull { throw drugNode.error("required field is missing") }
        let id = try drugNode.choice(therapyDrugs.map(\.rawValue))
        guard let drug = OsteoporosisDrug(rawValue: id) else { throw drugNode.error("unknown drug") }
        let startNode = n.field("start", in: m), stopNode = n.field("stop", in: m)
        if startNode.isNull { throw startNode.error("required field is missing", accepted: "a time relative to today such as '-2 years'") }
        let start = try Quantity.days(startNode, allowNegative: true, maxYears: 50)
        if start > 0 { throw startNode.error("osteoporosis_therapy lists past or current treatment; start must be today or earlier", accepted: "0 or a negative time") }
        let stop = stopNode.isNull ? nil : try Quantity.days(stopNode, allowNegative: true, maxYears: 50)
        if let stop, stop <= start { throw stopNode.error("stop must be after start", accepted: "a time after start") }
        return TherapyCourse(drug: drug, startDay: start, stopDay: stop)
    }

    static func frax(_ n: InputNode) throws(InputError) -> FRAXInput {
        let m = try n.mapping(allowed: ["major_osteoporotic_pct", "hip_pct", "bmd_used", "country"])
        let mofNode = n.field("major_osteoporotic_pct", in: m), hipNode = n.field("hip_pct", in: m)
        if mofNode.isNull { throw mofNode.error("required field is missing", accepted: "0 to 100 %") }
        if hipNode.isNull { throw hipNode.error("required field is missing", accepted: "0 to 100 %") }
        let mof = try mofNode.number(in: 0...100, unit: "%"), hip = try hipNode.number(in: 0...100, unit: "%")
        if hip > mof { throw hipNode.error("hip fracture probability \(hip)% is above the major osteoporotic \(mof)% (FRAX hip is part of MOF)", accepted: "hip_pct <= major_osteoporotic_pct") }
        let bmd = n.field("bmd_used", in: m), country = n.field("country", in: m)
        return FRAXInput(majorOsteoporoticPct: mof, hipPct: hip,
                         bmdUsed: bmd.isNull ? nil : try bmd.bool(), country: country.isNull ? nil : try country.string())
    }
}
