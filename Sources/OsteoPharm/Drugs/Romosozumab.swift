import OsteoModel
import OsteoODE

/// Romosozumab: a humanised IgG2 against sclerostin, 210 mg SC monthly for at most 12 months.
///
/// **PK** (one compartment, first-order SC absorption, a linear and a saturable, target-mediated
/// elimination — the label's "nonlinear (target-mediated) PK", D23):
///
///     dD/dt = −k_a·D                                            (SC depot, mg; dose × F)
///     dA/dt = k_a·D − CL·C − V_max·C/(K_m + C),   C = A/V        (mg, mg/L)
///
/// F = 0.81, t_max ≈ 5 days, C_max 22.2 µg/mL and AUC 389 µg·day/mL after one 210 mg dose, effective
/// t½ 12.8 days (Evenity product information; calibration.md D23); the absorption rate, volume,
/// clearance and V_max are fitted to those four numbers (`osteosim-calibrate anabolics`, stage 1;
/// K_m fixed).
///
/// **PD**: free sclerostin's effect on Wnt (the core's `sclerostin_activity` lever) × 1/(1 + (C/EC50)^h).
/// What follows — formation up through commitment, survival and lining-cell activation, resorption
/// down through Wnt-driven OPG — is the core's; EC50 is fitted to D21 (`osteosim-calibrate
/// anabolics`, stage 2).
public struct RomosozumabComponent: GenericComponent {
    public struct Parameters: ParameterSet {
        public var bioavailability = 0.81
        public var absorptionRate = 0.5
        public var volume = 5.5
        public var clearance = 0.15
        public var maximumTargetElimination = 5.0
        public var targetMichaelisConstant = 5.0
        public var potency = 1.946
        public var hill = 1.0
        public init() {}

        public static let table: [ParameterRow<Parameters>] = [
            ParameterRow("romosozumab_f", \.bioavailability, "-", "SC bioavailability", "Evenity product information (81%; calibration.md D23)", range: 0.1...1),
            ParameterRow("romosozumab_ka", \.absorptionRate, "1/day", "SC absorption rate",
                         "fitted to t_max ≈ 5 d, C_max 22.2 µg/mL, AUC 389 µg·d/mL, effective t½ 12.8 d (Evenity; D23; `osteosim-calibrate anabolics`)", range: 0.01...5),
            ParameterRow("romosozumab_volume", \.volume, "L", "volume of distribution", "fitted with romosozumab_ka (D23)", range: 0.5...20),
            ParameterRow("romosozumab_cl", \.clearance, "L/day", "linear (non-specific) clearance", "fitted with romosozumab_ka (D23)", range: 0.01...5),
            ParameterRow("romosozumab_vmax", \.maximumTargetElimination, "mg/day", "maximal target-mediated (sclerostin-complex) elimination",
                         "fitted with romosozumab_ka (D23)", range: 0...100),
            ParameterRow("romosozumab_km", \.targetMichaelisConstant, "mg/L", "concentration of half-maximal target-mediated elimination",
                         "assumed (fixed in the PK fit: the four label numbers do not determine it)", range: 0.01...100),
            ParameterRow("romosozumab_ec50", \.potency, "mg/L", "free concentration halving sclerostin's effect on Wnt",
                         "calibrated to D21 LS and TH at 12 months (McClung 2014; `osteosim-calibrate anabolics`)", range: 0.001...100),
            ParameterRow("romosozumab_hill", \.hill, "-", "steepness of sclerostin neutralisation", "assumed", range: 0.3...4),
        ]
    }

    /// The label's maximum number of monthly doses (Evenity: 12 months).
    public static let maximumDoses = 12

    public let parameters: Parameters
    public init(parameters: Parameters = Parameters()) { self.parameters = parameters }

    public var id: String { "romosozumab" }
    static let depot = 0, central = 1
    public var compartments: [Compartment] {
        // Absolute tolerance 1e-6 mg/L on the concentration scale (0.1% of the smallest EC50 the
        // fit explores); the depot's tail below 1e-3 mg is irrelevant (as for denosumab).
        [Compartment("depot", unit: "mg", meaning: "SC depot (after bioavailability)", scale: 100, absoluteTolerance: 1e-3, relativeTolerance: 1e-4),
         Compartment("central", unit: "mg", meaning: "amount in the central compartment", scale: 100, absoluteTolerance: 1e-5, relativeTolerance: 1e-4)]
    }
    public var parameterInfo: [ParameterInfo] { parameters.info(component: id) }
    public var observables: [Observable] { [Observable("romosozumab_ug_ml", unit: "µg/mL", meaning: "serum romosozumab")] }
    public func observe(x: ArraySlice<Double>) -> [Double] { [x[x.startIndex + Self.central] / parameters.volume] }
    public func doseTarget(route: Route) -> DoseTarget? {
        route == .sc ? DoseTarget(compartment: Self.depot, fraction: parameters.bioavailability, unitsPerMg: 1) : nil
    }
    public func setting(_ name: String, to value: Double) throws(ParameterError) -> any ModelComponent {
        RomosozumabComponent(parameters: try parameters.setting(name, to: value))
    }

    public func rhs<S: ODEScalar>(t: S, x: UnsafePointer<S>, dx: UnsafeMutablePointer<S>,
                                  core: CoreSignals<S>, effects: inout Effects<S>) {
        let p = parameters
        let absorbed = p.absorptionRate * x[Self.depot]
        let c = ODEScalarSoft.nonNegative(x[Self.central]) / p.volume
        dx[Self.depot] = -1.0 * absorbed
        dx[Self.central] = absorbed - p.clearance * c - p.maximumTargetElimination * c / (p.targetMichaelisConstant + c)
        effects.scale(.sclerostinActivity, by: 1.0 / (1.0 + S.pow(c / p.potency, p.hill)))
    }
}
