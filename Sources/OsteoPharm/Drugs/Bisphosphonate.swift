import OsteoModel
import OsteoODE

/// Bisphosphonates (alendronate, risedronate, ibandronate, zoledronic acid): bone-surface
/// binding in proportion to remodelling (formation) surface, burial under new bone, release by
/// resorption, and osteoclast inhibition by the surface-bound drug only (model-notes §5 "BP
/// design"). The early plasma phases last hours (zoledronic acid t½α 0.24 h, t½β 1.87 h, < 1% of
/// C_max by 24 h: Zometa label), so plasma is quasi-steady: each dose partitions at once between
/// bone and urine (a component-placed dose). The terminal plasma phase (t½γ 146 h, days 2–28) is
/// drug coming back from a shallow, low-affinity bone pool Q, which is represented:
///
///     at a dose:  bound = dose · F · f_b(formation),  f_b = f_b0·formation / (f_b0·formation + 1 − f_b0)
///                 S += (1 − φ) · bound,   Q += φ · bound
///     dS/dt = −k_bur · formation · S + f_b(formation) · (k_rel · resorption · B + k_Q · Q)   (surface, active)
///     dB/dt =  k_bur · formation · S − k_rel · resorption · B                      (buried, inert)
///     dQ/dt = −k_Q · Q                                     (shallow pool, inert; returns to plasma)
///     dL/dt = (S − L)/τ_L                                                      (osteoclasts' drug load)
///     osteoclast apoptosis × (1 + E_max · L/(EC50 + L))
///     plasma (terminal phase) = k_Q · Q / CL                     (what returns, over total clearance)
///
/// Drug on resorption and formation surfaces is covered as the cavity refills (k_bur, a surface
/// half-life of weeks at reference formation), so the effect reaches a plateau within months of
/// regular dosing instead of growing with the whole skeletal pool, and in low formation (as on
/// glucocorticoids) less is bound per dose but it stays exposed longer. Buried drug is inert until
/// resorbed; what resorption frees, and what the shallow pool returns, re-binds like a dose (the
/// rest is excreted), which is the long tail after stopping (a single zoledronic acid dose still
/// acts years later, D15). f_b0 (the fraction of the absorbed dose bound at reference formation)
/// is 0.5 for every drug (40–60% retained, calibration.md D17). The osteoclasts act on what they
/// have taken up from the surface over the resorption phase (L, τ_L ≈ 30 d), which also smooths
/// the weekly dosing cycle. The plasma column is the terminal phase only: the first-day peak after
/// a dose is not resolved.
public struct BisphosphonateComponent: GenericComponent {
    public enum Drug: String, Sendable, CaseIterable {
        case alendronate, risedronate, ibandronate
        case zoledronicAcid = "zoledronic_acid"
    }

    public struct Parameters: ParameterSet {
        public var oralBioavailability = 0.0064
        public var boundFraction = 0.5
        public var releaseRate = 0.693147 / (10 * 365.25)
        public var surfaceHalfLife = 30.0
        public var osteoclastUptakeTime = 30.0
        public var maximumEffect = 3.0
        public var halfEffectAmount = 1.0
        public var shallowFraction = 0.1
        public var shallowHalfLife = 146.0 / 24
        public var totalClearance = 5.04 * 24
        public init() {}
        public init(oralBioavailability: Double, halfEffectAmount: Double) {
            self.oralBioavailability = oralBioavailability
            self.halfEffectAmount = halfEffectAmount
        }
        public static let table: [ParameterRow<Parameters>] = [
            ParameterRow("f_oral", \.oralBioavailability, "-", "oral bioavailability, fasting", "labels/Gertz 1995 [M]: alendronate 0.64%, risedronate 0.63%, ibandronate 0.6% (issue 14: ≈0.6–0.7%); IV = 1", range: 0.001...0.05),
            ParameterRow("bound_fraction", \.boundFraction, "-", "fraction of the absorbed dose bound to bone at reference formation", "calibration.md D17 (40–60% of a dose retained in bone)", range: 0.05...0.95),
            ParameterRow("release_rate", \.releaseRate, "1/day", "release of bound drug at reference resorption", "assumed (terminal t½ ≈ 10 years at reference turnover; alendronate label [M])", range: 1e-5...0.01),
            ParameterRow("surface_half_life", \.surfaceHalfLife, "day", "half-life of surface-bound (active) drug before burial under new bone, at reference formation", "assumed (weeks: the refilling BMU covers the bound surface; oral bisphosphonates reach their marker plateau within 3–6 months); probed with `osteosim-calibrate bisphosphonates --surface-half-life`: 15–30 d fit risedronate's BMD and marker alike, 60–240 d worse", range: 3...365),
            ParameterRow("osteoclast_uptake_time", \.osteoclastUptakeTime, "day", "time constant of the osteoclasts' drug load, which follows the surface drug they resorb",
                         "assumed: the resorption phase of a cancellous BMU, ≈ 30–40 d (Eriksen 1986 [M]); it also averages the weekly dosing cycle", range: 1...60),
            ParameterRow("emax", \.maximumEffect, "-", "maximal fractional rise in osteoclast apoptosis", "assumed", range: 0...20),
            ParameterRow("shallow_fraction", \.shallowFraction, "-", "share of the bound drug that binds to a shallow, low-affinity pool and comes back to plasma within days (the terminal plasma phase)",
                         "assumed, bounded by the zoledronic acid label: only trace amounts in urine after the first 24 h (Chen 2002, J Clin Pharmacol 42:1228) and plasma below 0.1% of C_max on days 2–28 (Zometa label §12.3); 0.1 returns 2.5% of a dose to urine over weeks", range: 0...0.5),
            ParameterRow("shallow_half_life", \.shallowHalfLife, "day", "half-life of the shallow pool (the terminal plasma half-life)",
                         "zoledronic acid label (Zometa/Reclast §12.3): t½γ = 146 h, days 2–28 after a dose; taken for every bisphosphonate (assumed for the oral ones)", range: 0.5...60),
            ParameterRow("total_clearance", \.totalClearance, "L/day", "total plasma clearance (renal + bone uptake), converting the returning flux to a plasma concentration",
                         "zoledronic acid label: 5.04 ± 2.5 L/h, independent of dose, age and sex (assumed for the oral ones)", range: 10...1000),
            ParameterRow("ec50", \.halfEffectAmount, "mg", "surface-bound amount of half-maximal effect", "calibrated per drug outside glucocorticoids (`osteosim-calibrate bisphosphonates`: ALN D21, ZOL D14, RIS Mortensen 1998 + weekly CTX at 6 months, IBN = ALN)", range: 1e-4...100),
        ]
    }

    public let drug: Drug
    public let parameters: Parameters
    public init(_ drug: Drug, parameters: Parameters? = nil) {
        self.drug = drug
        self.parameters = parameters ?? Self.defaults(drug)
    }

    /// Per-drug defaults: bioavailability from the labels [M]; EC50 of the osteoclast load calibrated
    /// per drug by `osteosim-calibrate bisphosphonates` (2026-12-02), all outside glucocorticoids: alendronate to
    /// D21 (LS/TH at 12 months), zoledronic acid to D14 (LS/TH vs placebo at 36 months), risedronate
    /// to Mortensen 1998 (LS vs placebo at 24 months) jointly with the weekly-dose CTX at 6 months;
    /// ibandronate matched to alendronate's 12-month gain (assumed).
    public static func defaults(_ drug: Drug) -> Parameters {
        switch drug {
        case .alendronate: Parameters(oralBioavailability: 0.0064, halfEffectAmount: 2.834)
        case .risedronate: Parameters(oralBioavailability: 0.0063, halfEffectAmount: 3.008)
        case .ibandronate: Parameters(oralBioavailability: 0.006, halfEffectAmount: 1.422)
        case .zoledronicAcid: Parameters(oralBioavailability: 0.0064, halfEffectAmount: 0.2689)
        }
    }

    public var id: String { drug.rawValue }
    public var compartments: [Compartment] {
        [Compartment("bone_surface", unit: "mg", meaning: "\(drug.rawValue) bound to bone surfaces (active)", scale: 1),
         Compartment("bone_buried", unit: "mg", meaning: "\(drug.rawValue) buried under new bone (inert until resorbed)", scale: 1),
         Compartment("osteoclast_load", unit: "mg", meaning: "surface drug as the osteoclasts have taken it up (the surface pool averaged over the resorption phase)", scale: 1),
         // Looser tolerances (as raloxifene's body pool): the shallow pool acts only through the 5%
         // of a dose it re-binds and the plasma column, where 1e-4 relative is ample.
         Compartment("bone_shallow", unit: "mg", meaning: "\(drug.rawValue) in the shallow, low-affinity bone pool that returns to plasma within days (inert)", scale: 1,
                     absoluteTolerance: 1e-6, relativeTolerance: 1e-4)]
    }
    public var parameterInfo: [ParameterInfo] { parameters.info(component: id, prefix: id) }
    public var observables: [Observable] {
        [Observable("\(id)_bone_mg", unit: "mg", meaning: "\(drug.rawValue) retained in bone (surface + buried + shallow)"),
         Observable("\(id)_surface_mg", unit: "mg", meaning: "\(drug.rawValue) on bone surfaces (the active pool)"),
         Observable("\(id)_plasma_ng_ml", unit: "ng/mL", meaning: "\(drug.rawValue) in plasma, terminal phase (drug returning from the shallow bone pool; the first-day peak after a dose is not resolved)")]
    }
    public func observe(x: ArraySlice<Double>) -> [Double] {
        let i = x.startIndex
        let p = parameters
        // mg/L = 1000 ng/mL
        let plasma = (0.6931471805599453 / p.shallowHalfLife) * x[i + 3] / p.totalClearance * 1000
        return [x[i] + x[i + 1] + x[i + 3], x[i], plasma]
    }
    public func doseTarget(route: Route) -> DoseTarget? {
        switch (drug, route) {
        case (.zoledronicAcid, .iv), (.ibandronate, .iv): DoseTarget(compartment: 0, fraction: 1, unitsPerMg: 1, placedByComponent: true)
        case (.zoledronicAcid, _): nil
        case (_, .oral): DoseTarget(compartment: 0, fraction: parameters.oralBioavailability, unitsPerMg: 1, placedByComponent: true)
        default: nil
        }
    }
    /// f_b(formation): the share of drug reaching bone that binds (at a dose, and when resorption frees it).
    @inlinable static func bound<S: ODEScalar>(_ f0: Double, formation: S) -> S {
        f0 * formation / (f0 * formation + (1 - f0))
    }
    public func receive(dose amount: Double, route: Route, x: UnsafeMutablePointer<Double>, core: CoreSignals<Double>) {
        let bound = amount * Self.bound(parameters.boundFraction, formation: core.formation)
        x[0] += (1 - parameters.shallowFraction) * bound
        x[3] += parameters.shallowFraction * bound
    }
    public func setting(_ name: String, to value: Double) throws(ParameterError) -> any ModelComponent {
        BisphosphonateComponent(drug, parameters: try parameters.setting(name, to: value, prefix: id))
    }

    public func rhs<S: ODEScalar>(t: S, x: UnsafePointer<S>, dx: UnsafeMutablePointer<S>,
                                  core: CoreSignals<S>, effects: inout Effects<S>) {
        let p = parameters
        let surface = x[0], buried = x[1]
        let rebound = Self.bound(p.boundFraction, formation: core.formation)
        let burial = (0.6931471805599453 / p.surfaceHalfLife) * core.formation * surface
        let release = p.releaseRate * core.resorption * buried
        let returning = (0.6931471805599453 / p.shallowHalfLife) * x[3]
        dx[0] = rebound * (release + returning) - burial
        dx[1] = burial - release
        dx[3] = -returning
        let load = x[2]
        dx[2] = (surface - load) / p.osteoclastUptakeTime
        effects.scale(.osteoclastApoptosis, by: 1.0 + p.maximumEffect * load / (p.halfEffectAmount + load))
    }
}
