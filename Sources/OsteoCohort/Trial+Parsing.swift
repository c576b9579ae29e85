import Foundation
import OsteoModel
import OsteoODE
import OsteoSim
import Yams

extension Trial {
    public static let topLevelKeys = ["name", "seed", "patients_per_arm", "duration", "output_every", "design", "population",
                                      "common", "arms", "reference_arm", "endpoints", "solver"]
    public static let populationKeys = ["sex", "age", "years_since_menopause", "lumbar_spine_t_score", "total_hip_t_score", "egfr", "variability"]
    /// Scenario sections an arm (or `common:`) may hold; the patient, duration and output times are the trial's.
    public static let armKeys = ["glucocorticoids", "inflammation", "treatments", "dosing_records", "parameters", "perturbations"]
    public static let defaultEndpoints = ["lumbar_spine_bmd_change_pct", "total_hip_bmd_change_pct"]
    /// Most patients per arm (10⁷: the store stays under a few GB) and output times per patient.
    public static let maxPatientsPerArm = 10_000_000
    public static let maxOutputTimes = 1_000
    public static let maxArms = 50
    /// Most patients of a trial (all arms).
    public static let maxPatients = 10_000_000
    /// Default solver tolerance scale of a trial whose endpoints are all BMD changes or T-scores
    /// (docs/file-formats.md, "Trial file"; the accuracy check is `osteosim-bench trial`): their largest error is
    /// below 2e-3 of the between-patient SD there. Other endpoints (bone markers, drug concentrations) move faster
    /// and are solved with `simulate`'s tolerances (scale 1) unless the file says otherwise.
    public static let defaultToleranceScale = 1000.0
    static func isBMDColumn(_ c: String) -> Bool { c.hasSuffix("_bmd_change_pct") || c.hasSuffix("_t_score") || c.hasSuffix("_bmd_rel") }
    public static let toleranceScaleRange: ClosedRange<Double> = 1...1000

    public static func load(path: String) throws(InputError) -> Trial {
        let name = path == "-" ? InputNode.standardInputName : path
        let text: String
        if path == "-" {
            let data = FileHandle.standardInput.readData(ofLength: InputLimits.maxBytes + 1)
            guard data.count <= InputLimits.maxBytes else {
                throw InputError(file: name, field: "", problem: "the input is more than the limit of \(InputLimits.maxBytes) bytes (1 MiB)")
            }
            guard let t = String(data: data, encoding: .utf8) else { throw InputError(file: name, field: "", problem: "not UTF-8 text") }
            text = t
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(file: path, field: "", problem: "no such file")
            }
            if isDirectory.boolValue { throw InputError(file: path, field: "", problem: "is a directory, not a file") }
            guard let h = FileHandle(forReadingAtPath: path) else { throw InputError(file: path, field: "", problem: "cannot open the file (permission?)") }
            defer { try? h.close() }
            let data = h.readData(ofLength: InputLimits.maxBytes + 1)
            guard data.count <= InputLimits.maxBytes else {
                throw InputError(file: path, field: "", problem: "the file is more than the limit of \(InputLimits.maxBytes) bytes (1 MiB)",
                                 accepted: "a trial file of at most 1 MiB (docs/file-formats.md, Limits)")
            }
            guard let t = String(data: data, encoding: .utf8) else { throw InputError(file: path, field: "", problem: "not UTF-8 text") }
            text = t
        }
        return try parse(text: text, file: name)
    }

    public static func parse(text: String, file: String) throws(InputError) -> Trial {
        let root = try InputNode.parse(text, file: file)
        return try parse(root, text: text)
    }

    /// The order of the keys of the mapping under `key` of the top-level mapping (YAML mappings are ordered in the
    /// file; the parsed node is not).
    static func keyOrder(text: String, key: String) -> [String] {
        guard let node = try? Yams.compose(yaml: text), let top = node.mapping,
              let sub = top.first(where: { $0.key.string == key })?.value.mapping else { return [] }
        return sub.keys.compactMap(\.string)
    }

    public static func parse(_ root: InputNode, text: String) throws(InputError) -> Trial {
        if root.isNull { throw root.error("the file is empty", accepted: "a trial file (docs/file-formats.md, Trial file)") }
        let top = try root.mapping(allowed: topLevelKeys)
        let file = root.file
        func field(_ k: String) -> InputNode { root.field(k, in: top) }

        let nameNode = field("name")
        let name = nameNode.isNull ? "" : try nameNode.string()

        let seedNode = field("seed")
        if seedNode.isNull { throw seedNode.error("required", accepted: "an integer from 0 to \(Int.max) (the same seed gives the same patients)") }
        guard let seedInt = seedNode.value as? Int, !(seedNode.value is Bool), seedInt >= 0 else {
            throw seedNode.error("expected a non-negative integer, got '\(seedNode.value.map { "\($0)" } ?? "")'",
                                 accepted: "an integer from 0 to \(Int.max)")
        }

        let nNode = field("patients_per_arm")
        if nNode.isNull { throw nNode.error("required", accepted: "an integer from 1 to \(maxPatientsPerArm)") }
        let nValue = try nNode.number(in: 1...Double(maxPatientsPerArm))
        guard nValue == nValue.rounded() else { throw nNode.error("expected a whole number of patients", accepted: "an integer from 1 to \(maxPatientsPerArm)") }
        let patientsPerArm = Int(nValue)

        let durationNode = field("duration")
        if durationNode.isNull { throw durationNode.error("required", accepted: "e.g. '36 months'") }
        let duration = try Quantity.days(durationNode)
        guard duration > 0 else { throw durationNode.error("must be more than 0", accepted: "e.g. '36 months', at most 100 years") }
        let everyNode = field("output_every")
        let every = everyNode.isNull ? 6 * 30.4375 : try Quantity.days(everyNode)
        guard every > 0 else { throw everyNode.error("must be positive", accepted: "e.g. '6 months'") }
        let times = Int((duration / every).rounded(.up)) + 1
        guard times <= maxOutputTimes else {
            throw everyNode.error("\(times) output times per patient, more than the limit of \(maxOutputTimes)",
                                  accepted: "an interval of at least \(fmt((duration / Double(maxOutputTimes - 1) * 100).rounded(.up) / 100)) days for this duration")
        }

        let designNode = field("design")
        let design = designNode.isNull ? Design.parallel
            : (Design(rawValue: try designNode.choice(Design.allCases.map(\.rawValue))) ?? .parallel)

        let solverNode = field("solver")
        var toleranceScale: Double?
        if !solverNode.isNull {
            let sm = try solverNode.mapping(allowed: ["tolerance_scale"])
            let t = solverNode.field("tolerance_scale", in: sm)
            if !t.isNull { toleranceScale = try t.number(in: toleranceScaleRange) }
        }

        let popNode = field("population")
        if popNode.isNull { throw popNode.error("required", accepted: "a mapping with sex and age (docs/file-formats.md, Trial file)") }
        let population = try parsePopulation(popNode, durationDays: duration)

        // Arms: scenario fragments, each merged with common.
        let armsNode = field("arms")
        if armsNode.isNull { throw armsNode.error("required", accepted: "a mapping of arm names to scenario sections, e.g. placebo: {}") }
        guard let armsDict = armsNode.value as? [String: Any], !armsDict.isEmpty else {
            throw armsNode.error("expected a mapping of arm names to scenario sections", accepted: "e.g. 'placebo: {}' and 'denosumab: {treatments: [...]}'")
        }
        guard armsDict.count <= maxArms else { throw armsNode.error("\(armsDict.count) arms, more than the limit of \(maxArms)") }
        guard patientsPerArm * armsDict.count <= maxPatients else {
            throw nNode.error("\(patientsPerArm) patients in each of \(armsDict.count) arms is more than the limit of \(maxPatients) patients per trial",
                              accepted: "at most \(maxPatients / armsDict.count) per arm with \(armsDict.count) arms (or shard the trial into several)")
        }
        var order = keyOrder(text: text, key: "arms").filter { armsDict[$0] != nil }
        if Set(order) != Set(armsDict.keys) { order = armsDict.keys.sorted() }
        for armName in order {
            let ok = !armName.isEmpty && armName.count <= 64 && armName.unicodeScalars.allSatisfy {
                ($0.isASCII && (CharacterSet.alphanumerics.contains($0))) || "_-.".unicodeScalars.contains($0)
            }
            guard ok else {
                throw InputError(file: file, field: "arms.\(armName)", problem: "arm name '\(armName)' is not accepted",
                                 accepted: "1 to 64 letters, digits, '_', '-' or '.'")
            }
        }
        let representative = Scenario.Patient(sex: population.femaleShare > 0 ? .female : .male, age: population.age.support.lowerBound,
                                              menopausal: population.femaleShare > 0 && (population.age.support.lowerBound >= 51 || population.yearsSinceMenopause != nil),
                                              yearsSinceMenopause: nil)
        let commonNode = field("common")
        let common: Scenario? = commonNode.isNull ? nil
            : try fragment(commonNode, duration: duration, every: every, patient: representative)
        var arms: [Arm] = []
        for armName in order {
            let node = armsNode.field(armName, in: armsDict)
            let own = try fragment(node, duration: duration, every: every, patient: representative, allowEmpty: true)
            var merged = own
            if let common {
                merged.glucocorticoids = common.glucocorticoids + own.glucocorticoids
                merged.treatments = common.treatments + own.treatments
                merged.dosingRecords = common.dosingRecords + own.dosingRecords
                merged.perturbations = common.perturbations + own.perturbations
                merged.inflammation = own.inflammation ?? common.inflammation
                let ownNames = Set(own.parameters.map(\.name))
                merged.parameters = common.parameters.filter { !ownNames.contains($0.name) } + own.parameters
            }
            merged.name = name.isEmpty ? armName : "\(name): \(armName)"
            let problem = try ScenarioCompiler.compile(merged)
            var columns = Set(problem.system.observables.map(\.name))
            if population.lumbarSpineTScore != nil { columns.insert("lumbar_spine_t_score") }
            if population.totalHipTScore != nil { columns.insert("total_hip_t_score") }
            let info = Dictionary(problem.system.parameterInfo.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            var typical: [String: Double] = [:]
            for n in population.variability.names {
                if let o = merged.parameters.last(where: { $0.name == n }) { typical[n] = o.value } else if let v = info[n] { typical[n] = v }
            }
            arms.append(Arm(name: armName, scenario: merged, typical: typical, columns: columns))
        }

        // Every varied parameter must be in at least one arm's model.
        let varNode = popNode.field("variability", in: (popNode.value as? [String: Any]) ?? [:])
        for n in population.variability.names where !arms.contains(where: { $0.typical[n] != nil }) {
            var all = Set<String>()
            for a in arms { all.formUnion(((try? ScenarioCompiler.compile(a.scenario))?.system.parameterInfo.map(\.name)) ?? []) }
            let guess = closestMatch(to: n, in: all.sorted())
            throw InputError(file: file, field: varNode.path.isEmpty ? "population.variability" : "\(varNode.path).\(n)",
                             problem: "unknown parameter '\(n)'" + (guess.map { " (did you mean '\($0)'?)" } ?? "") + ": no arm's model has it",
                             accepted: "the names `osteosim parameters` lists (a drug's parameters exist in the arms that give it)")
        }

        let refNode = field("reference_arm")
        var reference = 0
        if !refNode.isNull {
            let r = try refNode.choice(order)
            reference = order.firstIndex(of: r) ?? 0
        }

        let epNode = field("endpoints")
        var endpoints = defaultEndpoints
        if !epNode.isNull {
            let items = try epNode.items()
            if items.isEmpty { throw epNode.error("expected at least one endpoint", accepted: defaultEndpoints.joined(separator: ", ")) }
            endpoints = []
            let available = arms.reduce(into: Set<String>()) { $0.formUnion($1.columns) }
            for item in items {
                let e = try item.string()
                guard available.contains(e) else {
                    let list = available.sorted()
                    let guess = closestMatch(to: e, in: list)
                    var why = "'\(e)' is not an output of any arm" + (guess.map { " (did you mean '\($0)'?)" } ?? "")
                    if e.hasSuffix("_t_score") { why += "; a T-score column needs its baseline T-score in population" }
                    if e.hasSuffix("_fracture_rr") { why += "; fracture relative risks are not trial endpoints yet (use osteosim simulate)" }
                    throw item.error(why, accepted: list.joined(separator: ", "))
                }
                if endpoints.contains(e) { throw item.error("'\(e)' is given twice") }
                endpoints.append(e)
            }
        }
        var columns = endpoints
        for t in ["lumbar_spine_t_score", "total_hip_t_score"] where arms.contains(where: { $0.columns.contains(t) }) && !columns.contains(t) {
            columns.append(t)
        }
        return Trial(name: name, file: file, text: text, seed: UInt64(seedInt), patientsPerArm: patientsPerArm, durationDays: duration,
                     outputEveryDays: every, design: design, population: population, arms: arms, referenceArm: reference,
                     endpoints: endpoints, columns: columns,
                     toleranceScale: toleranceScale ?? (endpoints.allSatisfy(isBMDColumn) ? defaultToleranceScale : 1))
    }

    /// `common:` or one arm: scenario sections, parsed by the scenario parser with the trial's duration and a
    /// representative patient, so every error names the trial field (`arms.denosumab.treatments[0].dose`).
    static func fragment(_ node: InputNode, duration: Double, every: Double, patient: Scenario.Patient,
                         allowEmpty: Bool = false) throws(InputError) -> Scenario {
        var dict: [String: Any]
        if node.isNull && allowEmpty {
            dict = [:]
        } else {
            guard let d = node.value as? [String: Any] else {
                throw node.error("expected a mapping of scenario sections (or {} for none)", accepted: armKeys.joined(separator: ", "))
            }
            dict = d
        }
        for key in dict.keys.sorted() where !armKeys.contains(key) {
            let f = "\(node.path).\(key)"
            switch key {
            case "patient":
                throw InputError(file: node.file, field: f, problem: "patients come from the trial's population", accepted: armKeys.joined(separator: ", "))
            case "duration", "output_every", "name":
                throw InputError(file: node.file, field: f, problem: "'\(key)' is set once, at the trial's top level", accepted: armKeys.joined(separator: ", "))
            default:
                var problem = "unknown key '\(key)'"
                if let g = closestMatch(to: key, in: armKeys) { problem += " (did you mean '\(g)'?)" }
                throw InputError(file: node.file, field: f, problem: problem, accepted: armKeys.joined(separator: ", "))
            }
        }
        var p: [String: Any] = ["sex": patient.sex.rawValue, "age": patient.age, "menopausal": patient.menopausal]
        if let y = patient.yearsSinceMenopause { p["years_since_menopause"] = y }
        dict["patient"] = p
        dict["duration"] = "\(duration) days"
        dict["output_every"] = "\(every) days"
        return try Scenario.parse(InputNode(file: node.file, path: node.path, value: dict))
    }

    static func parsePopulation(_ node: InputNode, durationDays: Double) throws(InputError) -> Population {
        let m = try node.mapping(allowed: populationKeys)
        let sexNode = node.field("sex", in: m)
        if sexNode.isNull { throw sexNode.error("required", accepted: "female, male, or shares such as {female: 0.8, male: 0.2}") }
        let femaleShare: Double
        if sexNode.value is [String: Any] {
            let sm = try sexNode.mapping(allowed: ["female", "male"])
            let f = sexNode.field("female", in: sm), ml = sexNode.field("male", in: sm)
            let fv = f.isNull ? nil : try f.number(in: 0...1)
            let mv = ml.isNull ? nil : try ml.number(in: 0...1)
            let share = fv ?? (1 - (mv ?? 0))
            if let fv, let mv, abs(fv + mv - 1) > 1e-9 {
                throw sexNode.error("the shares add up to \(fmt(fv + mv)), not 1", accepted: "shares of female and male that add up to 1")
            }
            femaleShare = share
        } else {
            femaleShare = try sexNode.choice(["female", "male"]) == "female" ? 1 : 0
        }
        let ageNode = node.field("age", in: m)
        if ageNode.isNull { throw ageNode.error("required", accepted: "a number or a distribution within \(FieldRanges.age.accepted)") }
        let age = try distribution(ageNode, range: FieldRanges.age)
        let years = durationDays / 365.25
        if age.support.upperBound + years > FieldRanges.age.range.upperBound + 1e-9 {
            throw ageNode.error("patients up to \(fmt(age.support.upperBound)) years simulated for \(fmt((years * 100).rounded() / 100)) years would pass the model's age range (\(FieldRanges.age.accepted))",
                                accepted: "ages up to \(fmt(((FieldRanges.age.range.upperBound - years) * 100).rounded(.down) / 100)) years for this duration")
        }
        func optional(_ key: String, _ range: FieldRange) throws(InputError) -> Distribution? {
            let n = node.field(key, in: m)
            return n.isNull ? nil : try distribution(n, range: range)
        }
        let ysm = try optional("years_since_menopause", FieldRanges.yearsSinceMenopause)
        if let ysm {
            if femaleShare == 0 { throw node.field("years_since_menopause", in: m).error("given for a population of men only") }
            if age.support.lowerBound - ysm.support.upperBound < FieldRanges.minimumAgeAtMenopause {
                throw node.field("years_since_menopause", in: m).error(
                    "up to \(fmt(ysm.support.upperBound)) years since menopause at ages from \(fmt(age.support.lowerBound)) means menopause before \(fmt(FieldRanges.minimumAgeAtMenopause))",
                    accepted: "at most \(fmt(max(0, age.support.lowerBound - FieldRanges.minimumAgeAtMenopause))) years for this age range (menopause at \(fmt(FieldRanges.minimumAgeAtMenopause)) or later)")
            }
        }
        let variabilityNode = node.field("variability", in: m)
        let variability = variabilityNode.isNull ? Variability.none : try parseVariability(variabilityNode)
        return Population(femaleShare: femaleShare, age: age, yearsSinceMenopause: ysm,
                          lumbarSpineTScore: try optional("lumbar_spine_t_score", FieldRanges.tScore),
                          totalHipTScore: try optional("total_hip_t_score", FieldRanges.tScore),
                          egfr: try optional("egfr", FieldRanges.egfr), variability: variability)
    }

    static let distributionNames = ["uniform", "normal", "log_normal", "truncated_normal", "truncated_log_normal"]

    /// A covariate: a number, or `{distribution: ..., ...}`; every value it can give must lie in `range` (nothing is
    /// clamped, so an unbounded normal needs min and max).
    static func distribution(_ node: InputNode, range: FieldRange) throws(InputError) -> Distribution {
        if !(node.value is [String: Any]) {
            return .constant(try range.read(node))
        }
        let m = try node.mapping(allowed: ["distribution", "min", "max", "mean", "sd"])
        let kindNode = node.field("distribution", in: m)
        if kindNode.isNull { throw kindNode.error("required", accepted: distributionNames.joined(separator: ", ")) }
        let kind = try kindNode.choice(distributionNames)
        func num(_ k: String) throws(InputError) -> Double? {
            let n = node.field(k, in: m)
            return n.isNull ? nil : try n.number()
        }
        func required(_ k: String, _ what: String) throws(InputError) -> Double {
            guard let v = try num(k) else { throw node.field(k, in: m).error("required for a \(kind) distribution", accepted: what) }
            return v
        }
        let lo = try num("min"), hi = try num("max")
        if let lo, let hi, lo >= hi { throw node.field("max", in: m).error("max must be more than min") }
        for (k, v) in [("min", lo), ("max", hi)] {
            if let v, !range.range.contains(v) { throw node.field(k, in: m).error("\(fmt(v)) is outside the accepted range", accepted: range.accepted) }
        }
        let result: Distribution
        switch kind {
        case "uniform":
            for k in ["mean", "sd"] where !node.field(k, in: m).isNull {
                throw node.field(k, in: m).error("a uniform distribution has min and max only")
            }
            let a = try required("min", range.accepted), b = try required("max", range.accepted)
            result = .uniform(min: a, max: b)
        case "normal", "truncated_normal":
            let mean = try required("mean", "a number"), sd = try required("sd", "a number more than 0")
            guard sd > 0 else { throw node.field("sd", in: m).error("must be more than 0") }
            if kind == "truncated_normal" && lo == nil && hi == nil {
                throw node.error("a truncated normal needs min or max", accepted: "min and max within \(range.accepted)")
            }
            let a = lo ?? -.infinity, b = hi ?? .infinity
            if (StandardNormal.cdf((b - mean) / sd) - StandardNormal.cdf((a - mean) / sd)) < 1e-9 {
                throw node.error("the truncation [\(fmt(a)), \(fmt(b))] keeps almost none of this distribution", accepted: "min and max around the mean")
            }
            result = .normal(mean: mean, sd: sd, min: a, max: b)
        default:
            let mean = try required("mean", "a number more than 0 (the mean of the value)"), sd = try required("sd", "a number more than 0")
            guard mean > 0 else { throw node.field("mean", in: m).error("must be more than 0 for a log-normal") }
            guard sd > 0 else { throw node.field("sd", in: m).error("must be more than 0") }
            if kind == "truncated_log_normal" && lo == nil && hi == nil {
                throw node.error("a truncated log-normal needs min or max", accepted: "min and max within \(range.accepted)")
            }
            if let lo, lo < 0 { throw node.field("min", in: m).error("a log-normal value is positive", accepted: "min ≥ 0") }
            let (mu, sigma) = Distribution.logNormalParameters(mean: mean, sd: sd)
            result = .logNormal(mu: mu, sigma: sigma, min: lo ?? 0, max: hi ?? .infinity)
        }
        let s = result.support
        if !range.range.contains(s.lowerBound) || !range.range.contains(s.upperBound) {
            throw node.error("this \(kind) distribution can give values outside the accepted range (\(range.accepted)); nothing is clamped",
                             accepted: "min and max within \(range.accepted) (a truncated distribution)")
        }
        return result
    }

    /// `variability:` — per parameter `{cv: C}` (log-normal, ω² = ln(1 + C²)) or `{omega: ω²}`, and correlated
    /// blocks under `omega:` as `{parameters: [...], matrix: [[...]]}` (full or lower triangle, variances of η) or
    /// `{parameters: [...], cv: [...], correlation: [[...]]}`.
    static func parseVariability(_ node: InputNode) throws(InputError) -> Variability {
        guard let dict = node.value as? [String: Any] else {
            throw node.error("expected a mapping of parameter names to {cv: C}", accepted: "e.g. 'trabecular_turnover: {cv: 0.25}', and 'omega:' for correlated blocks")
        }
        var names: [String] = []
        var fields: [String: String] = [:]
        var blocks: [[[Double]]] = []
        for key in dict.keys.sorted() where key != "omega" {
            let n = node.field(key, in: dict)
            let m = try n.mapping(allowed: ["cv", "omega"])
            let cv = n.field("cv", in: m), om = n.field("omega", in: m)
            let variance: Double
            if !cv.isNull && !om.isNull { throw om.error("give cv or omega, not both") }
            if !cv.isNull {
                let c = try cv.number(in: 0...2)
                guard c > 0 else { throw cv.error("must be more than 0 (leave the parameter out for no variability)", accepted: "more than 0, at most 2") }
                variance = log(1 + c * c)
            } else if !om.isNull {
                let v = try om.number(in: 0...4)
                guard v > 0 else { throw om.error("must be more than 0", accepted: "more than 0, at most 4") }
                variance = v
            } else {
                throw n.error("give cv (coefficient of variation) or omega (variance of η)", accepted: "e.g. {cv: 0.25}")
            }
            names.append(key)
            fields[key] = n.path
            blocks.append([[variance]])
        }
        let omegaNode = node.field("omega", in: dict)
        if !omegaNode.isNull {
            let blockNodes = omegaNode.value is [Any] ? try omegaNode.items() : [omegaNode]
            for b in blockNodes {
                let m = try b.mapping(allowed: ["parameters", "matrix", "cv", "correlation"])
                let pNode = b.field("parameters", in: m)
                if pNode.isNull { throw pNode.error("required", accepted: "a list of parameter names") }
                let pNames = try pNode.items().map { (x) throws(InputError) in try x.string() }
                guard !pNames.isEmpty else { throw pNode.error("expected at least one parameter name") }
                let k = pNames.count
                var matrix = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
                let matNode = b.field("matrix", in: m), cvNode = b.field("cv", in: m), corNode = b.field("correlation", in: m)
                func square(_ n: InputNode) throws(InputError) -> [[Double]] {
                    let rows = try n.items()
                    if rows.allSatisfy({ !($0.value is [Any]) }) {
                        // Lower triangle, row by row (mrgsolve's $OMEGA @block): k(k+1)/2 numbers.
                        let flat = try rows.map { (x) throws(InputError) in try x.number() }
                        guard flat.count == k * (k + 1) / 2 else {
                            throw n.error("\(flat.count) numbers for \(k) parameters", accepted: "a \(k)×\(k) matrix, or its lower triangle row by row (\(k * (k + 1) / 2) numbers)")
                        }
                        var out = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
                        var idx = 0
                        for i in 0..<k { for j in 0...i { out[i][j] = flat[idx]; out[j][i] = flat[idx]; idx += 1 } }
                        return out
                    }
                    guard rows.count == k else { throw n.error("\(rows.count) rows for \(k) parameters", accepted: "a \(k)×\(k) matrix") }
                    var out: [[Double]] = []
                    for r in rows {
                        let v = try r.items().map { (x) throws(InputError) in try x.number() }
                        guard v.count == k else { throw r.error("\(v.count) numbers in a row of a \(k)×\(k) matrix") }
                        out.append(v)
                    }
                    for i in 0..<k { for j in 0..<i where abs(out[i][j] - out[j][i]) > 1e-12 * max(1, abs(out[i][j])) {
                        throw n.error("not symmetric: row \(i + 1), column \(j + 1) is \(fmt(out[i][j])) but row \(j + 1), column \(i + 1) is \(fmt(out[j][i]))")
                    } }
                    return out
                }
                if !matNode.isNull {
                    if !cvNode.isNull || !corNode.isNull { throw matNode.error("give matrix, or cv with correlation, not both") }
                    matrix = try square(matNode)
                } else {
                    if cvNode.isNull { throw cvNode.error("required (or give matrix)", accepted: "a list of \(k) coefficients of variation") }
                    let cvs = try cvNode.items().map { (x) throws(InputError) in try x.number(in: 0...2) }
                    guard cvs.count == k, cvs.allSatisfy({ $0 > 0 }) else {
                        throw cvNode.error("expected \(k) coefficients of variation, each more than 0", accepted: "e.g. [0.2, 0.3]")
                    }
                    let cor = corNode.isNull ? (0..<k).map { i in (0..<k).map { $0 == i ? 1.0 : 0.0 } } : try square(corNode)
                    for i in 0..<k {
                        if abs(cor[i][i] - 1) > 1e-12 { throw corNode.error("the diagonal of a correlation matrix is 1 (row \(i + 1))") }
                        for j in 0..<k where abs(cor[i][j]) > 1 { throw corNode.error("a correlation is between -1 and 1 (row \(i + 1), column \(j + 1))") }
                    }
                    let w = cvs.map { log(1 + $0 * $0).squareRoot() }
                    for i in 0..<k { for j in 0..<k { matrix[i][j] = cor[i][j] * w[i] * w[j] } }
                }
                for i in 0..<k where !(matrix[i][i] > 0 && matrix[i][i] <= 4) {
                    throw (matNode.isNull ? cvNode : matNode).error("the variance of η for '\(pNames[i])' is \(fmt(matrix[i][i]))", accepted: "more than 0, at most 4")
                }
                if choleskyLower(matrix) == nil {
                    throw (matNode.isNull ? corNode : matNode).error("not positive definite (no Cholesky factor): the correlations are impossible together",
                                                                     accepted: "a symmetric positive definite matrix")
                }
                for (i, p) in pNames.enumerated() {
                    if fields[p] != nil { throw pNode.error("'\(p)' is varied twice (a parameter is in one entry only)") }
                    fields[p] = "\(pNode.path)[\(i)]"
                    names.append(p)
                }
                blocks.append(matrix)
            }
        }
        // Block-diagonal Ω and its Cholesky factor.
        let n = names.count
        var omega = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        var at = 0
        for b in blocks {
            for i in b.indices { for j in b.indices { omega[at + i][at + j] = b[i][j] } }
            at += b.count
        }
        guard let l = choleskyLower(omega) else {
            throw node.error("the variability matrix is not positive definite")
        }
        let streams = names.map(Fingerprint.stream)
        if Set(streams).count != streams.count { throw node.error("two parameter names share a random stream (rename one)") }
        return Variability(names: names, omega: omega, cholesky: l, streams: streams)
    }
}

/// A number as a scenario error writes it: integers without a decimal point.
func fmt(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e12 ? String(Int(x)) : String(x)
}
