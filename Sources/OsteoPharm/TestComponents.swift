import OsteoModel
import OsteoODE

/// Two *pipeline test components* — not drugs. They exercise every path a real drug takes
/// (doses into a compartment, bioavailability, infusions, core→component and component→core
/// coupling, concentration outputs, parameter overrides) so that the composable model is tested
/// before the drug library exists. Their parameter values are round numbers chosen for the test
/// ("assumed"); the effects are deliberately mild. Scenario ids: `test_sc_depot`, `test_oral`.
public enum TestComponents {
    public static let ids = ["test_sc_depot", "test_oral", "test_pth"]
}

/// One-compartment subcutaneous depot → central compartment, first-order absorption and
/// elimination; the central concentration lowers RANKL availability by an Imax model.
///
///     dA_d/dt = −k_a·A_d;   dA_c/dt = k_a·A_d − k_e·A_c + R_inf;   C = A_c / V
///     ranklAvailability ×= 1 − I_max·C/(IC50 + C)
public struct TestDepotComponent: GenericComponent {
    public struct Parameters: ParameterSet {
        public var absorptionRate = 0.5
        public var eliminationRate = 0.1
        public var volume = 5.0
        public var bioavailability = 0.6
        public var maximumInhibition = 0.5
        public var halfInhibitoryConcentration = 1.0
        public init() {}
        public static let table: [ParameterRow<Parameters>] = [
            ParameterRow("test_sc_depot_ka", \.absorptionRate, "1/day", "absorption rate from the SC depot", "assumed (pipeline test component)", range: 0.01...100),
            ParameterRow("test_sc_depot_ke", \.eliminationRate, "1/day", "elimination rate from the central compartment", "assumed (pipeline test component)", range: 0.001...100),
            ParameterRow("test_sc_depot_volume", \.volume, "L", "central volume", "assumed (pipeline test component)", range: 0.1...100),
            ParameterRow("test_sc_depot_f", \.bioavailability, "-", "SC bioavailability", "assumed (pipeline test component)", range: 0.01...1),
            ParameterRow("test_sc_depot_imax", \.maximumInhibition, "-", "maximal fractional inhibition of RANKL availability", "assumed (pipeline test component)", range: 0...0.99),
            ParameterRow("test_sc_depot_ic50", \.halfInhibitoryConcentration, "mg/L", "concentration of half-maximal inhibition", "assumed (pipeline test component)", range: 0.001...1000),
        ]
    }

    public let parameters: Parameters
    public init(parameters: Parameters = Parameters()) { self.parameters = parameters }

    public var id: String { "test_sc_depot" }
    public var compartments: [Compartment] {
        [Compartment("depot", unit: "mg", meaning: "amount in the SC depot", scale: 1),
         Compartment("central", unit: "mg", meaning: "amount in the central compartment", scale: 1),
         Compartment("infusion_rate", unit: "mg/day", meaning: "zero-order infusion rate into the central compartment", scale: 1, held: true)]
    }
    public var parameterInfo: [ParameterInfo] { parameters.info(component: id) }
    public var observables: [Observable] { [Observable("test_sc_depot_mg_l", unit: "mg/L", meaning: "central concentration")] }
    public func observe(x: ArraySlice<Double>) -> [Double] { [x[x.startIndex + 1] / parameters.volume] }
    public func doseTarget(route: Route) -> DoseTarget? {
        switch route {
        case .sc: DoseTarget(compartment: 0, fraction: parameters.bioavailability, unitsPerMg: 1)
        case .iv: DoseTarget(compartment: 1, fraction: 1, unitsPerMg: 1)
        case .oral: nil
        }
    }
    public func infusionRateCompartment(into target: Int) -> Int? { target == 1 ? 2 : nil }
    public func setting(_ name: String, to value: Double) throws(ParameterError) -> any ModelComponent {
        TestDepotComponent(parameters: try parameters.setting(name, to: value))
    }

    public func rhs<S: ODEScalar>(t: S, x: UnsafePointer<S>, dx: UnsafeMutablePointer<S>,
                                  core: CoreSignals<S>, effects: inout Effects<S>) {
        let p = parameters
        let absorbed = p.absorptionRate * x[0]
        dx[0] = -absorbed
        dx[1] = absorbed - p.eliminationRate * x[1] + x[2]
        dx[2] = S(0)
        let c = x[1] / p.volume
        effects.scale(.ranklAvailability, by: 1.0 - p.maximumInhibition * c / (p.halfInhibitoryConcentration + c))
    }
}

/// An oral dose with very low bioavailability that binds to bone in proportion to formation and
/// is released by resorption; bound drug raises osteoclast apoptosis — both coupling
/// directions of a bisphosphonate-like drug, in miniature. Absorption and plasma clearance take
/// hours, the dosing interval a week and the bone pool years, so gut and plasma are treated as
/// quasi-steady: at the dose the absorbed amount A = dose·F splits at once between bone and
/// urine by the competing first-order rates, given formation now (a state-dependent dose,
/// ``DoseTarget/placedByComponent``):
///
///     at a dose:  B += A · k_b·formation / (k_r + k_b·formation)
///     dB/dt = −k_rel·resorption·B
///     osteoclastApoptosis ×= 1 + E_max·B/(EC50 + B)
public struct TestOralComponent: GenericComponent {
    public struct Parameters: ParameterSet {
        public var bioavailability = 0.007
        public var renalClearanceRate = 12.0
        public var bindingRate = 12.0
        public var releaseRate = 0.002
        public var maximumEffect = 0.3
        public var halfEffectAmount = 0.5
        public init() {}
        public static let table: [ParameterRow<Parameters>] = [
            ParameterRow("test_oral_f", \.bioavailability, "-", "oral bioavailability (0.7%, as for fasting oral bisphosphonates)", "assumed (pipeline test component)", range: 0.0001...1),
            ParameterRow("test_oral_kr", \.renalClearanceRate, "1/day", "renal elimination rate from plasma", "assumed (pipeline test component)", range: 0.1...1000),
            ParameterRow("test_oral_kb", \.bindingRate, "1/day", "binding rate to bone at reference formation", "assumed (pipeline test component)", range: 0.1...1000),
            ParameterRow("test_oral_krel", \.releaseRate, "1/day", "release rate from bone at reference resorption", "assumed (pipeline test component)", range: 0.00001...1),
            ParameterRow("test_oral_emax", \.maximumEffect, "-", "maximal fractional rise in osteoclast apoptosis", "assumed (pipeline test component)", range: 0...10),
            ParameterRow("test_oral_ec50", \.halfEffectAmount, "mg", "bound amount of half-maximal effect", "assumed (pipeline test component)", range: 0.0001...1000),
        ]
    }

    public let parameters: Parameters
    public init(parameters: Parameters = Parameters()) { self.parameters = parameters }

    public var id: String { "test_oral" }
    public var compartments: [Compartment] {
        [Compartment("bone", unit: "mg", meaning: "amount bound to bone surfaces", scale: 1)]
    }
    public var parameterInfo: [ParameterInfo] { parameters.info(component: id) }
    public var observables: [Observable] { [Observable("test_oral_bone_mg", unit: "mg", meaning: "amount bound to bone")] }
    public func observe(x: ArraySlice<Double>) -> [Double] { [x[x.startIndex]] }
    public func doseTarget(route: Route) -> DoseTarget? {
        route == .oral ? DoseTarget(compartment: 0, fraction: parameters.bioavailability, unitsPerMg: 1, placedByComponent: true) : nil
    }
    public func receive(dose amount: Double, route: Route, x: UnsafeMutablePointer<Double>, core: CoreSignals<Double>) {
        let binding = parameters.bindingRate * core.formation
        x[0] += amount * binding / (parameters.renalClearanceRate + binding)
    }
    public func setting(_ name: String, to value: Double) throws(ParameterError) -> any ModelComponent {
        TestOralComponent(parameters: try parameters.setting(name, to: value))
    }

    public func rhs<S: ODEScalar>(t: S, x: UnsafePointer<S>, dx: UnsafeMutablePointer<S>,
                                  core: CoreSignals<S>, effects: inout Effects<S>) {
        let p = parameters
        dx[0] = -p.releaseRate * core.resorption * x[0]
        effects.scale(.osteoclastApoptosis, by: 1.0 + p.maximumEffect * x[0] / (p.halfEffectAmount + x[0]))
    }
}

/// A PTH input for testing the core's PTH receptor signalling (not a drug; teriparatide comes
/// with drug library II). An SC bolus (pmol, after bioavailability) empties into plasma at k_a;
/// a held rate compartment carries a continuous infusion. Both enter the core as
/// `pthInput` = (k_a·depot + infusion)/V, pmol/L/day.
///
/// k_a = 24·ln 2 /day (apparent t½ ≈ 1 h after SC dosing: Forteo label, calibration.md D19);
/// V = 62 L/h · 24 / k_PTH ≈ 8.7 L, so V·k_PTH matches teriparatide clearance 62 L/h (D19);
/// molar mass 4117.8 g/mol (teriparatide, PTH 1–34).
public struct TestPTHComponent: GenericComponent {
    public struct Parameters: ParameterSet {
        public var absorptionRate = 24 * 0.693147
        public var volume = 62.0 * 24 / (24 * 100.0 / 14)
        public var bioavailability = 0.95
        public init() {}
        public static let table: [ParameterRow<Parameters>] = [
            ParameterRow("test_pth_ka", \.absorptionRate, "1/day", "SC absorption rate (apparent t½ ≈ 1 h)", "Forteo label via calibration.md D19", range: 1...1000),
            ParameterRow("test_pth_volume", \.volume, "L", "apparent volume such that V·k_PTH = 62 L/h", "teriparatide CL 62 L/h (calibration.md D19) with the core's PTH elimination", range: 1...100),
            ParameterRow("test_pth_f", \.bioavailability, "-", "SC bioavailability", "calibration.md D19 (≈95%)", range: 0.01...1),
        ]
    }
    /// pmol per mg of PTH 1–34 (molar mass 4117.8 g/mol).
    public static let pmolPerMg = 1e9 / 4117.8

    public let parameters: Parameters
    public init(parameters: Parameters = Parameters()) { self.parameters = parameters }

    public var id: String { "test_pth" }
    public var compartments: [Compartment] {
        [Compartment("depot", unit: "pmol", meaning: "PTH 1–34 in the SC depot", scale: 1000),
         Compartment("infusion_rate", unit: "pmol/day", meaning: "continuous PTH 1–34 infusion into plasma", scale: 1000, held: true)]
    }
    public var parameterInfo: [ParameterInfo] { parameters.info(component: id) }
    public func doseTarget(route: Route) -> DoseTarget? {
        switch route {
        case .sc: DoseTarget(compartment: 0, fraction: parameters.bioavailability, unitsPerMg: Self.pmolPerMg)
        case .iv: DoseTarget(compartment: 0, fraction: 1, unitsPerMg: Self.pmolPerMg)
        case .oral: nil
        }
    }
    public func infusionRateCompartment(into target: Int) -> Int? { target == 0 ? 1 : nil }
    public func setting(_ name: String, to value: Double) throws(ParameterError) -> any ModelComponent {
        TestPTHComponent(parameters: try parameters.setting(name, to: value))
    }

    public func rhs<S: ODEScalar>(t: S, x: UnsafePointer<S>, dx: UnsafeMutablePointer<S>,
                                  core: CoreSignals<S>, effects: inout Effects<S>) {
        let p = parameters
        let absorbed = p.absorptionRate * x[0]
        dx[0] = -absorbed
        dx[1] = S(0)
        effects.add(.pth, (absorbed + x[1]) / p.volume)
    }
}
