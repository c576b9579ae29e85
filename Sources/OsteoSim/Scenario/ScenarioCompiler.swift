import OsteoCatalog
import OsteoModel
import OsteoODE
import OsteoPharm

/// Turns a validated ``Scenario`` into a simulation problem: the system (core + the
/// components the scenario needs), the dose and switch events, and the output days. Every
/// refusal names the scenario field.
public enum ScenarioCompiler {
    /// - Parameter runInFrom: start the run here (≤ the scenario's own earliest exposure), so a
    ///   counterfactual shares the factual run's starting state.
    /// - Parameter coloring: the Jacobian colouring of a system of the same structure (see
    ///   ``BoneSystem/init(core:components:reusing:)``), or nil to find it.
    public static func compile(_ s: Scenario, extraDays: [Double] = [], runInFrom: Double? = nil,
                               coloring: JacobianColoring? = nil) throws(InputError) -> BoneProblem {
        // Core parameters first; other names go to the components below.
        var coreParameters = BoneModelParameters()
        var pending: [Scenario.ParameterOverride] = []
        for o in s.parameters {
            guard BoneModelParameters.row(named: o.name) != nil else { pending.append(o); continue }
            do { coreParameters = try coreParameters.setting(o.name, to: o.value) } catch {
                throw InputError(file: s.file, field: o.field, problem: error.description, accepted: nil)
            }
        }
        let core = BoneCore(patient: s.baseline, parameters: coreParameters)

        // One component per drug, in order of first appearance, with its doses.
        var drugOrder: [String] = []
        var dosesByDrug: [String: [Dose]] = [:]
        var fieldByDrug: [String: String] = [:]
        for t in s.treatments {
            if dosesByDrug[t.drug] == nil { drugOrder.append(t.drug); fieldByDrug[t.drug] = t.field + ".drug" }
            dosesByDrug[t.drug, default: []] += t.doses(until: s.durationDays)
        }
        for d in s.dosingRecords where d.time < s.durationDays {
            if dosesByDrug[d.drug] == nil { drugOrder.append(d.drug); fieldByDrug[d.drug] = "dosing_records" }
            dosesByDrug[d.drug, default: []].append(d)
        }
        var components: [any ModelComponent] = []
        var routes: [Route] = []
        for drug in drugOrder {
            if drug == "raloxifene", s.patient.sex != .female || !s.patient.menopausal {
                // An estrogen agonist on bone: it tempers estrogen deficiency, which men and
                // premenopausal women do not have (and it is not licensed for them).
                throw InputError(file: s.file, field: fieldByDrug[drug] ?? "treatments",
                                 problem: "raloxifene is for postmenopausal women only; the patient is "
                                     + (s.patient.sex != .female ? "a man" : "premenopausal"),
                                 accepted: "a postmenopausal woman (patient.sex: female, menopausal), or another drug")
            }
            do {
                let (c, route) = try DrugLibrary.component(for: drug)
                components.append(c)
                routes.append(route)
            } catch {
                throw InputError(file: s.file, field: fieldByDrug[drug] ?? "treatments", problem: "\(error.problem)", accepted: error.accepted)
            }
        }
        // Glucocorticoid parameters are applied with that component below, when the scenario has courses.
        let gcNames: Set<String> = s.glucocorticoids.isEmpty ? [] : Set(GlucocorticoidComponent().parameterInfo.map(\.name))
        // Inflammation parameters (the layer's and the disease preset's) likewise.
        let disease = s.inflammation.flatMap { DiseaseID(rawValue: $0.disease) }
        let inflammationNames: Set<String> = disease.map { Set(InflammationComponent(disease: $0).parameterInfo.map(\.name)) } ?? []
        for o in pending where !gcNames.contains(o.name) && !inflammationNames.contains(o.name) {
            guard let i = components.firstIndex(where: { $0.parameterInfo.contains { $0.name == o.name } }) else {
                let all = core.parameterInfo.map(\.name) + components.flatMap { $0.parameterInfo.map(\.name) }
                let guess = ClosestName.find(o.name, among: all)
                throw InputError(file: s.file, field: o.field,
                                 problem: "unknown parameter '\(o.name)'" + (guess.map { " (did you mean '\($0)'?)" } ?? ""),
                                 accepted: "the names `osteosim parameters` lists (a drug's parameters apply when it is given, a disease preset's with that disease)")
            }
            do { components[i] = try components[i].setting(o.name, to: o.value) } catch {
                throw InputError(file: s.file, field: o.field, problem: error.description, accepted: nil)
            }
        }
        // Glucocorticoids: one component for all courses; its held rate is set to the summed
        // prednisolone-equivalent rate at every breakpoint of every course.
        var gcIndex: Int?
        if !s.glucocorticoids.isEmpty {
            var gc: any ModelComponent = GlucocorticoidComponent()
            for o in pending where gc.parameterInfo.contains(where: { $0.name == o.name }) {
                do { gc = try gc.setting(o.name, to: o.value) } catch {
                    throw InputError(file: s.file, field: o.field, problem: error.description, accepted: nil)
                }
            }
            gcIndex = components.count
            components.append(gc)
        }
        // Inflammation: one component for the disease; its held activity drive is set at the
        // onset and at every change (it reads the drugs' mediator signals, so it is evaluated last).
        var inflammation: (index: Int, course: InflammationCourse)?
        if let inf = s.inflammation, let disease {
            var c = InflammationComponent(disease: disease)
            for o in pending where inflammationNames.contains(o.name) {
                do {
                    guard let next = try c.setting(o.name, to: o.value) as? InflammationComponent else { continue }
                    c = next
                } catch {
                    throw InputError(file: s.file, field: o.field, problem: error.description, accepted: nil)
                }
            }
            func activity(_ input: ActivityInput, _ field: String) throws(InputError) -> Double {
                do { return try Activity.value(of: input, preset: c.preset, crpFloor: c.parameters.crpFloor) } catch {
                    throw InputError(file: s.file, field: field, problem: error.problem, accepted: error.accepted)
                }
            }
            let base = try activity(inf.input, inf.inputField)
            if case .das28AndCRP(_, let crp) = inf.input {
                // The patient's own systemic inflammation per unit of activity.
                let name = "\(c.preset.prefix)_reference_crp"
                if let o = s.parameters.first(where: { $0.name == name }) {
                    throw InputError(file: s.file, field: o.field, problem: "give either \(name) or crp together with das28, not both", accepted: "remove one")
                }
                guard base > 0 else {
                    throw InputError(file: s.file, field: "inflammation.crp", problem: "CRP together with DAS28 needs a DAS28 above \(Activity.das28AtZero) (activity above 0)", accepted: "crp alone, or das28 above \(Activity.das28AtZero)")
                }
                let floor = c.parameters.crpFloor
                let reference = floor + (crp - floor) / base
                do throws(ParameterError) {
                    guard let next = try c.setting(name, to: reference) as? InflammationComponent else { throw ParameterError.unknown(name: name, suggestion: nil) }
                    c = next
                } catch {
                    throw InputError(file: s.file, field: "inflammation.crp", problem: "CRP \(crp) mg/L at DAS28 \(Activity.das28(activity: base)) means a systemic inflammation the model does not accept (\(error.description))", accepted: nil)
                }
            }
            var steps: [InflammationCourse.Step] = []
            for ch in inf.changes { steps.append(InflammationCourse.Step(from: ch.from, to: ch.to, activity: try activity(ch.input, ch.field))) }
            inflammation = (components.count, InflammationCourse(disease: disease, startDay: inf.startDay, baseActivity: base, steps: steps))
            components.append(c)
        }
        let perturbations = s.perturbations.isEmpty ? nil : PerturbationComponent(s.perturbations)
        if let perturbations { components.append(perturbations) }
        let system = coloring.map { BoneSystem(core: core, components: components, reusing: $0) } ?? BoneSystem(core: core, components: components)

        var events: [Discontinuity] = []
        var earliest = 0.0
        for (i, drug) in drugOrder.enumerated() {
            let doses = dosesByDrug[drug] ?? []
            earliest = min(earliest, doses.map(\.time).min() ?? 0)
            do { events += try DoseEvents.events(for: doses, component: i, in: system, defaultRoute: routes[i]) } catch {
                throw InputError(file: s.file, field: fieldByDrug[drug] ?? "treatments", problem: error.problem, accepted: error.accepted)
            }
        }
        if let gcIndex {
            let rate = system.stateIndex(component: gcIndex, compartment: GlucocorticoidComponent.rate)
            let courses = s.glucocorticoids.map(\.regimen)
            earliest = min(earliest, courses.map(\.startDay).min() ?? 0)
            events += GlucocorticoidRegimen.combinedRate(courses, until: s.durationDays).map {
                Discontinuity(time: $0.time, jumps: [.set(component: rate, value: $0.peqMgPerDay)])
            }
        }
        if let (ci, course) = inflammation {
            let drive = system.stateIndex(component: ci, compartment: InflammationComponent.drive)
            let present = system.stateIndex(component: ci, compartment: InflammationComponent.present)
            earliest = min(earliest, course.startDay)
            for (k, step) in course.driveSteps(until: s.durationDays).enumerated() {
                // The first breakpoint is the onset: the disease is present from then on.
                events.append(Discontinuity(time: step.time, jumps: k == 0 ? [.set(component: drive, value: step.activity), .set(component: present, value: 1)]
                                                                        : [.set(component: drive, value: step.activity)]))
            }
        }
        if let perturbations {
            let ci = components.count - 1
            earliest = min(earliest, s.perturbations.map(\.startDay).min() ?? 0)
            events += perturbations.switches.map {
                Discontinuity(time: $0.time, jumps: [.set(component: system.stateIndex(component: ci, compartment: $0.compartment), value: $0.value)])
            }
        }
        let days = Array(Set(s.outputDays + extraDays.filter { $0 >= 0 && $0 <= s.durationDays })).sorted()
        return BoneProblem(system: system, startDay: min(earliest, runInFrom ?? 0), durationDays: s.durationDays, outputDays: days, events: events)
    }

}
