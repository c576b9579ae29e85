import OsteoModel
import OsteoODE

// Calibrated to Tang 2007 (`osteosim-calibrate calcium`). The fit needs an implausible value: a
// supplement dose absorbed at 8% of the dietary fraction (≈ 2% of the dose, where calcium
// carbonate is absorbed at 25–35%). With a realistic fraction, 1000 mg + 800 IU daily gains
// ≈ 4 spine points in 2 years (PTH −55%), several times the trials' 1.2. So the core turns an
// absorbed calcium surplus into bone too readily: the renal calcium response to a plasma rise
// (U0·c^nU·x^−γU) is too weak against calcium-dependent deposition. Recorded in docs/model.md.

/// Oral calcium supplement: elemental calcium into a gut pool absorbed over hours, at the core's
/// current absorption fraction (so calcitriol and glucocorticoids change what a tablet gives);
/// the absorbed calcium enters the extracellular pool (the core's `calciumInput`).
///
///     dG/dt = −k_a·G;   calcium input = k_a·G·f_abs(core)        (G in mmol; 1 mg Ca = 1/40.08 mmol)
public struct CalciumSupplementComponent: GenericComponent {
    public struct Parameters: ParameterSet {
        public var absorptionRate = 0.693147 / (4.0 / 24)
        public var relativeAbsorption = 0.08
        public init() {}
        public static let table: [ParameterRow<Parameters>] = [
            ParameterRow("calcium_ka", \.absorptionRate, "1/day", "transfer rate from the gut pool (t½ ≈ 4 h)",
                         "assumed (serum calcium peaks 3–5 h after an oral dose [M])", range: 0.5...100),
            ParameterRow("calcium_relative_absorption", \.relativeAbsorption, "-",
                         "fractional absorption of a supplement dose relative to the core's current dietary fraction (saturable transport at a 500–1000 mg load)",
                         "calibrated to Tang 2007 spine +1.19 (`osteosim-calibrate calcium`); implausibly low (a structural finding, docs/model.md)", range: 0.05...1.5),
        ]
    }
    public let parameters: Parameters
    public init(parameters: Parameters = Parameters()) { self.parameters = parameters }

    public var id: String { "calcium" }
    public var compartments: [Compartment] {
        [Compartment("gut", unit: "mmol", meaning: "supplement calcium in the gut", scale: 10, absoluteTolerance: 1e-4, relativeTolerance: 1e-4)]
    }
    public var parameterInfo: [ParameterInfo] { parameters.info(component: id) }
    public var observables: [Observable] { [Observable("calcium_gut_mmol", unit: "mmol", meaning: "supplement calcium not yet absorbed")] }
    public func observe(x: ArraySlice<Double>) -> [Double] { [x[x.startIndex]] }
    public func doseTarget(route: Route) -> DoseTarget? {
        route == .oral ? DoseTarget(compartment: 0, fraction: 1, unitsPerMg: 1 / 40.078) : nil
    }
    public func setting(_ name: String, to value: Double) throws(ParameterError) -> any ModelComponent {
        CalciumSupplementComponent(parameters: try parameters.setting(name, to: value))
    }
    public func rhs<S: ODEScalar>(t: S, x: UnsafePointer<S>, dx: UnsafeMutablePointer<S>,
                                  core: CoreSignals<S>, effects: inout Effects<S>) {
        let leaving = parameters.absorptionRate * x[0]
        dx[0] = -1.0 * leaving
        effects.add(.calcium, leaving * parameters.relativeAbsorption * core.calciumAbsorbedFraction)
    }
}

/// Cholecalciferol (vitamin D3): 25-hydroxyvitamin D above the patient's own baseline, raised by
/// each dose and cleared with a t½ of ≈ 15 days, raising gut calcium absorption through a
/// saturating substrate curve — so a vitamin D-replete patient gains little.
///
///     at a dose of d µg:  Δ += a·d;   dΔ/dt = −k·Δ
///     gut calcium absorption × H(D0 + Δ)/H(D0),  H(D) = D/(D + K)
public struct VitaminDComponent: GenericComponent {
    public struct Parameters: ParameterSet {
        public var responsePerMicrogram = 0.7 * 0.693147 / 15
        public var eliminationRate = 0.693147 / 15
        public var baseline = 60.0
        public var halfSaturation = 25.0
        public init() {}
        public static let table: [ParameterRow<Parameters>] = [
            ParameterRow("vitamin_d_response", \.responsePerMicrogram, "nmol/L per µg", "25-OH-D rise per µg taken",
                         "derived: a steady 1 µg/day raises 25-OH-D by ≈ 0.7 nmol/L (Heaney 2003 [M]) at k below", range: 0.001...1),
            ParameterRow("vitamin_d_k", \.eliminationRate, "1/day", "25-OH-D clearance (t½ ≈ 15 days)", "assumed (t½ 2–3 weeks [M])", range: 0.005...0.5),
            ParameterRow("vitamin_d_baseline", \.baseline, "nmol/L", "the patient's own 25-OH-D", "assumed (a typical treated-population value; set it for a deficient patient)", range: 5...250),
            ParameterRow("vitamin_d_k_half", \.halfSaturation, "nmol/L", "25-OH-D of half-maximal calcium absorption", "assumed (absorption plateaus above ≈ 50–80 nmol/L [M])", range: 1...200),
        ]
    }
    public let parameters: Parameters
    public init(parameters: Parameters = Parameters()) { self.parameters = parameters }

    public var id: String { "vitamin_d" }
    public var compartments: [Compartment] {
        [Compartment("delta_25ohd", unit: "nmol/L", meaning: "25-OH-D above the patient's baseline", scale: 10, absoluteTolerance: 1e-4, relativeTolerance: 1e-4)]
    }
    public var parameterInfo: [ParameterInfo] { parameters.info(component: id) }
    public var observables: [Observable] { [Observable("vitamin_d_25ohd_nmol_l", unit: "nmol/L", meaning: "serum 25-hydroxyvitamin D")] }
    public func observe(x: ArraySlice<Double>) -> [Double] { [parameters.baseline + x[x.startIndex]] }
    /// Doses in µg (1 mg = 1000 µg) or IU (40 IU = 1 µg).
    public func doseTarget(route: Route) -> DoseTarget? {
        route == .oral ? DoseTarget(compartment: 0, fraction: parameters.responsePerMicrogram, unitsPerMg: 1000, unitsPerIU: 0.025) : nil
    }
    public func setting(_ name: String, to value: Double) throws(ParameterError) -> any ModelComponent {
        VitaminDComponent(parameters: try parameters.setting(name, to: value))
    }
    public func rhs<S: ODEScalar>(t: S, x: UnsafePointer<S>, dx: UnsafeMutablePointer<S>,
                                  core: CoreSignals<S>, effects: inout Effects<S>) {
        let p = parameters
        dx[0] = -1.0 * p.eliminationRate * x[0]
        let d = p.baseline + x[0]
        let ratio = (d / (d + p.halfSaturation)) / (p.baseline / (p.baseline + p.halfSaturation))
        effects.scale(.gutCalciumAbsorption, by: ratio)
    }
}
