import OsteoModel
import OsteoODE

/// Denosumab: a two-compartment monoclonal antibody with quasi-steady-state target-mediated
/// disposition (Gibiansky 2012, Clin Pharmacokinet 51:247; Sutjandra 2011), neutralising RANKL.
///
///     dD/dt   = −k_a·D                                            (SC depot, mg; dose × F)
///     C       = ½[(C_t − R_t − K_ss) + √((C_t − R_t − K_ss)² + 4 K_ss C_t)]   (free, mg/L)
///     dC_t/dt = k_a·D/V_c − (CL + Q)/V_c·C + Q/V_c·A_p/V_p − k_int·(C_t − C)
///     dA_p/dt = Q·C − Q·A_p/V_p
///     dR_t/dt = k_deg·R_0 − k_deg·R_t − (k_int − k_deg)·(C_t − C)
///     RANKL availability × (1 − I_max · (C/K_D)^h/(1 + (C/K_D)^h))
///
/// The rebound after stopping is not special-cased: it is the core's osteoclast-precursor pool,
/// which grows while RANKL is neutralised and overshoots when it returns.
public struct DenosumabComponent: GenericComponent {
    public struct Parameters: ParameterSet {
        public var bioavailability = 0.61
        public var absorptionRate = 0.693147 / 2.7
        public var centralVolume = 2.62
        public var clearance = 3.25e-3 * 24
        public var intercompartmentalClearance = 37.9e-3 * 24
        public var peripheralVolume = 1.36
        public var quasiSteadyStateConstant = 0.138
        public var internalisationRate = 0.00795 * 24
        public var targetBaseline = 0.614
        public var targetDegradation = 0.00148 * 24
        public var potency = 1e-4
        public var hill = 2.0
        public var maximalNeutralisation = 0.97
        public init() {}

        public static let table: [ParameterRow<Parameters>] = [
            ParameterRow("denosumab_f", \.bioavailability, "-", "SC bioavailability", "Gibiansky 2012 (F 61%; calibration.md D8)", range: 0.1...1),
            ParameterRow("denosumab_ka", \.absorptionRate, "1/day", "absorption rate (absorption t½ 2.7 d)", "Gibiansky 2012 (D8)", range: 0.01...5),
            ParameterRow("denosumab_vc", \.centralVolume, "L", "central volume (66 kg)", "Gibiansky 2012 (2.62 L/66 kg; D8)", range: 0.5...10),
            ParameterRow("denosumab_cl", \.clearance, "L/day", "linear clearance (3.25 mL/h/66 kg)", "Gibiansky 2012 (D8)", range: 0.005...1),
            ParameterRow("denosumab_q", \.intercompartmentalClearance, "L/day", "intercompartmental clearance (37.9 mL/h)", "Sutjandra 2011 via model-notes §5 (b)", range: 0.01...10),
            ParameterRow("denosumab_vp", \.peripheralVolume, "L", "peripheral volume", "Sutjandra 2011 via model-notes §5 (b)", range: 0.1...10),
            ParameterRow("denosumab_kss", \.quasiSteadyStateConstant, "mg/L", "quasi-steady-state constant of target binding (138 ng/mL)", "Sutjandra 2011 via model-notes §5 (b) [M: coded ×10 in the source]", range: 0.001...10),
            ParameterRow("denosumab_kint", \.internalisationRate, "1/day", "internalisation rate of the drug–target complex (0.00795/h)", "Sutjandra 2011 via model-notes §5 (b)", range: 0.001...10),
            ParameterRow("denosumab_r0", \.targetBaseline, "mg/L", "baseline target (RANKL-binding capacity, antibody-equivalent)", "Sutjandra 2011 via model-notes §5 (b) (R0 614, read as ng/mL)", range: 0.001...100),
            ParameterRow("denosumab_kdeg", \.targetDegradation, "1/day", "target turnover (0.00148/h)", "Sutjandra 2011 via model-notes §5 (b)", range: 0.0001...10),
            ParameterRow("denosumab_potency", \.potency, "mg/L", "free concentration halving RANKL availability", "calibrated to FREEDOM CTX and BMD (D2–D4; `osteosim-calibrate denosumab`)", range: 0.0001...10),
            ParameterRow("denosumab_imax", \.maximalNeutralisation, "-", "largest fraction of RANKL signalling the antibody can block in bone (membrane RANKL at cell contacts, tissue penetration)",
                         "calibrated with denosumab_potency (FREEDOM CTX plateau −86% at 1 month; `osteosim-calibrate denosumab`)", range: 0.5...1),
            ParameterRow("denosumab_hill", \.hill, "-", "steepness of RANKL neutralisation", "calibrated with denosumab_potency and denosumab_imax (FREEDOM D2–D4; `osteosim-calibrate denosumab`)", range: 0.3...4),
        ]
    }

    public let parameters: Parameters
    public init(parameters: Parameters = Parameters()) { self.parameters = parameters }

    public var id: String { "denosumab" }
    static let depot = 0, total = 1, peripheral = 2, target = 3
    public var compartments: [Compartment] {
        // Tolerances: absolute 1e-7 in mg and mg/L (0.1% of the potency, 1e-4 mg/L, at which RANKL
        // availability halves) and relative 1e-4 (PK data carry no more than two or three digits;
        // the effect then moves by ≈ 1.5e-4), so the solver does not resolve each exponential
        // tail to the core's 1e-6.
        // The depot's tail below 1e-3 mg (3e-5 of a dose) is irrelevant: its absolute tolerance
        // is 1e-3 mg, so its 20-e-fold exponential tail is not resolved step by step.
        [Compartment("depot", unit: "mg", meaning: "SC depot (after bioavailability)", scale: 10, absoluteTolerance: 1e-3, relativeTolerance: 1e-4),
         Compartment("total_central", unit: "mg/L", meaning: "total (free + bound) central concentration", scale: 1, absoluteTolerance: 1e-7, relativeTolerance: 1e-4),
         Compartment("peripheral", unit: "mg", meaning: "peripheral amount", scale: 1, absoluteTolerance: 1e-7, relativeTolerance: 1e-4),
         Compartment("target_total", unit: "mg/L", meaning: "total target (free + bound), antibody-equivalent", reference: parameters.targetBaseline,
                     scale: max(parameters.targetBaseline, 1e-3), relativeTolerance: 1e-4)]
    }
    public var parameterInfo: [ParameterInfo] { parameters.info(component: id) }
    public var observables: [Observable] { [Observable("denosumab_ng_ml", unit: "ng/mL", meaning: "free serum denosumab")] }
    public func observe(x: ArraySlice<Double>) -> [Double] {
        let b = x.startIndex
        return [1000 * free(total: x[b + Self.total], target: x[b + Self.target])]
    }
    public func doseTarget(route: Route) -> DoseTarget? {
        route == .sc ? DoseTarget(compartment: Self.depot, fraction: parameters.bioavailability, unitsPerMg: 1) : nil
    }
    public func setting(_ name: String, to value: Double) throws(ParameterError) -> any ModelComponent {
        DenosumabComponent(parameters: try parameters.setting(name, to: value))
    }

    @inlinable func free<S: ODEScalar>(total ct: S, target rt: S) -> S {
        let k = parameters.quasiSteadyStateConstant
        let d = ct - rt - k
        return 0.5 * (d + S.sqrt(d * d + 4.0 * k * ct))
    }

    public func rhs<S: ODEScalar>(t: S, x: UnsafePointer<S>, dx: UnsafeMutablePointer<S>,
                                  core: CoreSignals<S>, effects: inout Effects<S>) {
        let p = parameters
        let depot = x[Self.depot], ct = x[Self.total], ap = x[Self.peripheral], rt = x[Self.target]
        let c = free(total: ct, target: rt)
        let bound = ct - c
        let absorbed = p.absorptionRate * depot
        dx[Self.depot] = -1.0 * absorbed
        dx[Self.total] = absorbed / p.centralVolume - (p.clearance + p.intercompartmentalClearance) / p.centralVolume * c
            + p.intercompartmentalClearance / p.centralVolume * ap / p.peripheralVolume - p.internalisationRate * bound
        dx[Self.peripheral] = p.intercompartmentalClearance * (c - ap / p.peripheralVolume)
        dx[Self.target] = p.targetDegradation * (p.targetBaseline - rt) - (p.internalisationRate - p.targetDegradation) * bound
        let occupancy = S.pow(ODEScalarSoft.nonNegative(c) / p.potency, p.hill)
        effects.scale(.ranklAvailability, by: 1.0 - p.maximalNeutralisation * occupancy / (1.0 + occupancy))
    }
}
