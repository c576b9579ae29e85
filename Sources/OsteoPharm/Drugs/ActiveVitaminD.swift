import OsteoModel
import OsteoODE

/// Active vitamin D: calcitriol, alfacalcidol and eldecalcitol (one model, per-drug parameters).
///
///     dA/dt = −k·A                                  (drug in the body after absorption, µg; dose × F)
///     calcitriol, alfacalcidol:  calcitriol input = k·A · c · 1e6/MW / V_ECF   (pmol/L/day)
///     eldecalcitol:  E = A/(A + A50);  gut calcium absorption × (1 + g_abs·E),
///                                      RANKL production × (1 − g_RANKL·E)
///
/// Calcitriol and alfacalcidol *are* (or become) the core's calcitriol: their input goes into the
/// core's plasma calcitriol, which then acts on gut absorption, PTH and the kidney through the
/// core's own equations and is cleared with the core's own rate. Alfacalcidol needs hepatic
/// 25-hydroxylation, so it enters more slowly and only a fraction c becomes calcitriol.
/// Eldecalcitol is an analogue with its own, long half-life; it acts on the vitamin D receptor
/// directly, and suppresses osteoclastogenesis beyond its calcaemic action (Harada S et al., J
/// Bone Miner Res 2012;27:461 [M]: lower RANKL expression in osteoblasts and fewer osteoclast
/// precursors in mice) — the extra antiresorptive action of C12.
public struct ActiveVitaminDComponent: GenericComponent {
    public enum Drug: String, CaseIterable, Sendable {
        case calcitriol, alfacalcidol, eldecalcitol
    }

    public struct Parameters: ParameterSet {
        public var bioavailability = 0.7
        public var transferRate = 0.693147 / (6.0 / 24)
        public var calcitriolYield = 1.0
        public var molarMass = 416.6
        public var distributionVolume = 14.0
        public var halfEffectAmount = 0.5
        public var absorptionGain = 0.3
        public var ranklSuppression = 0.0
        public init() {}

        public static let table: [ParameterRow<Parameters>] = [
            ParameterRow("f", \.bioavailability, "-", "oral bioavailability",
                         "labels [M]: calcitriol ≈ 0.7; alfacalcidol ≈ 0.4 as calcitriol after conversion is carried by the yield; eldecalcitol assumed 0.7",
                         range: 0.05...1),
            ParameterRow("k", \.transferRate, "1/day",
                         "entry into plasma (calcitriol: absorption, t½ ≈ 6 h; alfacalcidol: hepatic 25-hydroxylation, t½ ≈ 24 h) or elimination (eldecalcitol, t½ ≈ 53 h)",
                         "labels [M]: Rocaltrol tmax 3–6 h; alfacalcidol peak 1,25(OH)2D at 8–24 h; eldecalcitol t½ ≈ 53 h (Edirol interview form [M])", range: 0.05...50),
            ParameterRow("calcitriol_yield", \.calcitriolYield, "-", "fraction of the absorbed dose that becomes plasma calcitriol (eldecalcitol: none, it acts itself)",
                         "assumed: calcitriol 1; alfacalcidol 0.5 (clinically ≈ half as potent per µg [M])", range: 0...1),
            ParameterRow("molar_mass", \.molarMass, "g/mol", "molar mass", "chemistry (calcitriol 416.6, alfacalcidol 400.6, eldecalcitol 490.7)", range: 300...600),
            ParameterRow("volume", \.distributionVolume, "L", "volume the entering calcitriol dilutes into (extracellular fluid)",
                         "assumed (ECF ≈ 14 L, the core's plasma compartment)", range: 3...50),
            ParameterRow("a50", \.halfEffectAmount, "µg", "eldecalcitol amount in the body of half-maximal receptor agonism",
                         "assumed: 0.75 µg/day (steady-state ≈ 2.4 µg absorbed) gives E ≈ 0.8", range: 0.01...100),
            ParameterRow("absorption_gain", \.absorptionGain, "-", "eldecalcitol: rise in gut calcium absorption at full agonism",
                         "assumed (calcaemic action comparable to alfacalcidol 1 µg in the trials [M])", range: 0...3),
            ParameterRow("rankl_suppression", \.ranklSuppression, "-", "eldecalcitol: fall in RANKL production at full agonism",
                         "calibrated to C12 (e-GLORIA, ELD − ALF spine +1.29 at 12 months; `osteosim-calibrate eldecalcitol`): 0.50 (0.58 before the GC stage-1 v2 fit of 2026-12-02), a large value — RANKL production −40% at 0.75 µg/day", range: 0...0.9),
        ]
    }

    public let drug: Drug
    public let parameters: Parameters

    public init(_ drug: Drug, parameters: Parameters? = nil) {
        self.drug = drug
        self.parameters = parameters ?? Self.defaults(drug)
    }

    public static func defaults(_ drug: Drug) -> Parameters {
        var p = Parameters()
        switch drug {
        case .calcitriol:
            break
        case .alfacalcidol:
            p.bioavailability = 0.7
            p.transferRate = 0.693147 / 1.0
            p.calcitriolYield = 0.5
            p.molarMass = 400.6
        case .eldecalcitol:
            p.transferRate = 0.693147 / (53.0 / 24)
            p.calcitriolYield = 0
            p.molarMass = 490.7
            p.ranklSuppression = 0.5
        }
        return p
    }

    public var id: String { drug.rawValue }
    public var compartments: [Compartment] {
        [Compartment("body", unit: "µg", meaning: "\(drug.rawValue) absorbed, not yet converted or eliminated", scale: 1,
                     absoluteTolerance: 1e-7, relativeTolerance: 1e-4)]
    }
    /// Names carry the drug (`eldecalcitol_rankl_suppression`): one table, three drugs.
    public var parameterInfo: [ParameterInfo] { parameters.info(component: id, prefix: id) }
    public var observables: [Observable] { [Observable("\(id)_body_ug", unit: "µg", meaning: "\(drug.rawValue) in the body")] }
    public func observe(x: ArraySlice<Double>) -> [Double] { [x[x.startIndex]] }
    /// Doses in µg (1 mg = 1000 µg).
    public func doseTarget(route: Route) -> DoseTarget? {
        route == .oral ? DoseTarget(compartment: 0, fraction: parameters.bioavailability, unitsPerMg: 1000) : nil
    }
    public func setting(_ name: String, to value: Double) throws(ParameterError) -> any ModelComponent {
        ActiveVitaminDComponent(drug, parameters: try parameters.setting(name, to: value, prefix: id))
    }

    @inlinable public func rhs<S: ODEScalar>(t: S, x: UnsafePointer<S>, dx: UnsafeMutablePointer<S>,
                                             core: CoreSignals<S>, effects: inout Effects<S>) {
        let p = parameters
        let flux = p.transferRate * x[0]
        dx[0] = -1.0 * flux
        if p.calcitriolYield > 0 {
            effects.add(.calcitriol, flux * (p.calcitriolYield * 1e6 / p.molarMass / p.distributionVolume))
        }
        if p.absorptionGain > 0 || p.ranklSuppression > 0, drug == .eldecalcitol {
            let agonism = x[0] / (x[0] + p.halfEffectAmount)
            effects.scale(.gutCalciumAbsorption, by: 1.0 + p.absorptionGain * agonism)
            effects.scale(.ranklProduction, by: 1.0 - p.ranklSuppression * agonism)
        }
    }
}
