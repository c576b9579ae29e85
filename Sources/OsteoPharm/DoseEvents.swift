import OsteoModel
import OsteoODE

/// Why doses could not be turned into events.
public struct DoseError: Error, Equatable, Sendable, CustomStringConvertible {
    public let drug: String
    public let problem: String
    public let accepted: String
    public var description: String { "\(drug): \(problem)" + (accepted.isEmpty ? "" : " (accepted: \(accepted))") }
}

/// Turns doses into the solver's scheduled discontinuities. **All dose semantics live in the
/// one switch below**: a bolus adds `amount × fraction` to its target compartment (or, for a
/// target the component places itself, is handed to the component with the state); an infusion
/// adds its rate to the target's rate compartment at its start and takes it away at its end.
public enum DoseEvents {
    /// - Parameters:
    ///   - component: index of the drug's component in `system`.
    ///   - defaultRoute: the route used when a dose names none.
    public static func events(for doses: [Dose], component: Int, in system: BoneSystem,
                              defaultRoute: Route) throws(DoseError) -> [Discontinuity] {
        let c = system.components[component]
        var out: [Discontinuity] = []
        for dose in doses {
            let route = dose.route ?? defaultRoute
            guard let target = c.doseTarget(route: route) else {
                let ok = Route.allCases.filter { c.doseTarget(route: $0) != nil }.map(\.rawValue)
                throw DoseError(drug: dose.drug, problem: "route \(route.rawValue) is not available", accepted: ok.joined(separator: ", "))
            }
            let perUnit: Double
            if let mg = dose.unit.milligrams {
                perUnit = mg * target.unitsPerMg
            } else if let iu = target.unitsPerIU {
                perUnit = iu
            } else {
                throw DoseError(drug: dose.drug, problem: "a dose in IU is accepted only for vitamin D", accepted: "mg, g, µg")
            }
            let amount = dose.amount * perUnit * target.fraction
            let index = system.stateIndex(component: component, compartment: target.compartment)
            switch dose.rate {
            case nil where target.placedByComponent:
                out.append(Discontinuity(time: dose.time, jumps: [.system(tag: BoneSystem.doseTag(component: component, route: route), amount: amount)]))
            case nil:
                out.append(Discontinuity(time: dose.time, jumps: [.add(component: index, amount: amount)]))
            case let rate?:
                guard let rc = c.infusionRateCompartment(into: target.compartment) else {
                    throw DoseError(drug: dose.drug, problem: "cannot be given as an infusion by route \(route.rawValue)", accepted: "a bolus (no RATE)")
                }
                let r = system.stateIndex(component: component, compartment: rc)
                let perDay = rate * perUnit * target.fraction
                out.append(Discontinuity(time: dose.time, jumps: [.add(component: r, amount: perDay)]))
                out.append(Discontinuity(time: dose.endTime, jumps: [.add(component: r, amount: -perDay)]))
            }
        }
        return out
    }
}

/// The drug library: which component simulates a drug id. Drugs arrive with the drug issues;
/// until then every drug id is refused with a clear message, and only the pipeline test
/// components are available.
public enum DrugLibrary {
    public static func component(for id: String) throws(DoseError) -> (component: any ModelComponent, route: Route) {
        switch id {
        case "test_sc_depot": return (TestDepotComponent(), .sc)
        case "test_oral": return (TestOralComponent(), .oral)
        case "test_pth": return (TestPTHComponent(), .sc)
        case "denosumab": return (DenosumabComponent(), .sc)
        case "alendronate": return (BisphosphonateComponent(.alendronate), .oral)
        case "risedronate": return (BisphosphonateComponent(.risedronate), .oral)
        case "ibandronate": return (BisphosphonateComponent(.ibandronate), .oral)
        case "zoledronic_acid": return (BisphosphonateComponent(.zoledronicAcid), .iv)
        case "teriparatide": return (PTHAnalogueComponent(.teriparatide), .sc)
        case "abaloparatide": return (PTHAnalogueComponent(.abaloparatide), .sc)
        case "romosozumab": return (RomosozumabComponent(), .sc)
        case "adalimumab": return (AntiTNFComponent(.adalimumab), .sc)
        case "infliximab": return (AntiTNFComponent(.infliximab), .iv)
        case "etanercept": return (AntiTNFComponent(.etanercept), .sc)
        case "anakinra": return (AnakinraComponent(), .sc)
        case "tocilizumab": return (TocilizumabComponent(), .iv)
        case "celecoxib": return (CelecoxibComponent(), .oral)
        case "methotrexate": return (ExposurePoolComponent(.methotrexate), .oral)
        case "icariin": return (ExposurePoolComponent(.icariin), .oral)
        case "nos_inhibitor": return (ExposurePoolComponent(.nosInhibitor), .oral)
        case "raloxifene": return (RaloxifeneComponent(), .oral)
        case "calcium": return (CalciumSupplementComponent(), .oral)
        case "vitamin_d": return (VitaminDComponent(), .oral)
        case "calcitriol": return (ActiveVitaminDComponent(.calcitriol), .oral)
        case "alfacalcidol": return (ActiveVitaminDComponent(.alfacalcidol), .oral)
        case "eldecalcitol": return (ActiveVitaminDComponent(.eldecalcitol), .oral)
        default:
            throw DoseError(drug: id, problem: "not modelled yet: the drug library arrives in a later release",
                            accepted: "remove the treatment to simulate without it")
        }
    }
}

extension DrugLibrary {
    /// Warnings about a course that the model simulates as given but that leaves the label
    /// (shown with the results, never a refusal): romosozumab beyond its 12 monthly doses.
    public static func warnings(drug: String, doses: [Dose]) -> [String] {
        switch drug {
        case "romosozumab" where doses.count > RomosozumabComponent.maximumDoses:
            return ["romosozumab: \(doses.count) doses given; the label limits treatment to \(RomosozumabComponent.maximumDoses) monthly doses "
                    + "(Evenity), and the model's response beyond 12 months is not validated"]
        default:
            return []
        }
    }
}
