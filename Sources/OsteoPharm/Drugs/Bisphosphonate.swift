import OsteoModel
import OsteoODE

/// Bisphosphonates (alendronate, risedronate, ibandronate, zoledronic acid): bone-surface
/// binding in proportion to remodelling (formation) surface, release by resorption, and osteoclast
/// inhibition by the surface-bound drug (model-notes §5 "BP design"; Pillai 2004's 4-compartment PK
/// has plasma t½ of hours, so plasma is treated as quasi-steady: each dose partitions at once
/// between bone and urine, a component-placed dose).
///
///     at a dose:  B += dose · F · f_b(formation),   f_b = f_b0·formation / (f_b0·formation + 1 − f_b0)
///     dB/dt = −k_rel · resorption · B
///     osteoclast apoptosis × (1 + E_max · B/(EC50 + B))
///
/// f_b0 (the fraction of the absorbed dose bound at reference formation) is 0.5 for every drug
/// (40–60% retained, calibration.md D17). The long offset after stopping (a single zoledronic acid
/// dose still acts years later, D15) is the slow release of the bound pool.
public struct BisphosphonateComponent: GenericComponent {
    public enum Drug: String, Sendable, CaseIterable {
        case alendronate, risedronate, ibandronate
        case zoledronicAcid = "zoledronic_acid"
    }

    public struct Parameters: ParameterSet {
        public var oralBioavailability = 0.0064
        public var boundFraction = 0.5
        public var releaseRate = 0.693147 / (10 * 365.25)
        public var maximumEffect = 3.0
        public var halfEffectAmount = 1.0
        public init() {}
        public init(oralBioavailability: Double, halfEffectAmount: Double) {
            self.oralBioavailability = oralBioavailability
            self.halfEffectAmount = halfEffectAmount
        }
        public static let table: [ParameterRow<Parameters>] = [
            ParameterRow("f_oral", \.oralBioavailability, "-", "oral bioavailability, fasting", "labels/Gertz 1995 [M]: alendronate 0.64%, risedronate 0.63%, ibandronate 0.6% (issue 14: ≈0.6–0.7%); IV = 1", range: 0.001...0.05),
            ParameterRow("bound_fraction", \.boundFraction, "-", "fraction of the absorbed dose bound to bone at reference formation", "calibration.md D17 (40–60% of a dose retained in bone)", range: 0.05...0.95),
            ParameterRow("release_rate", \.releaseRate, "1/day", "release of bound drug at reference resorption", "assumed (terminal t½ ≈ 10 years at reference turnover; alendronate label [M])", range: 1e-5...0.01),
            ParameterRow("emax", \.maximumEffect, "-", "maximal fractional rise in osteoclast apoptosis", "assumed", range: 0...20),
            ParameterRow("ec50", \.halfEffectAmount, "mg", "bound amount of half-maximal effect", "calibrated per drug outside glucocorticoids (`osteosim-calibrate bisphosphonates`: ALN D21, ZOL D14, RIS Mortensen 1998, IBN = ALN)", range: 1e-4...100),
        ]
    }

    public let drug: Drug
    public let parameters: Parameters
    public init(_ drug: Drug, parameters: Parameters? = nil) {
        self.drug = drug
        self.parameters = parameters ?? Self.defaults(drug)
    }

    /// Per-drug defaults: bioavailability from the labels [M]; EC50 calibrated per drug by
    /// `osteosim-calibrate bisphosphonates`: alendronate to D21 (LS/TH at 12 months), zoledronic
    /// acid to D14 (LS/TH vs placebo at 36 months), risedronate to A2 (LS vs placebo in GC
    /// initiators at 12 months); ibandronate matched to alendronate's 12-month gain (assumed).
    public static func defaults(_ drug: Drug) -> Parameters {
        switch drug {
        case .alendronate: Parameters(oralBioavailability: 0.0064, halfEffectAmount: 14.69)
        case .risedronate: Parameters(oralBioavailability: 0.0063, halfEffectAmount: 70.06)
        case .ibandronate: Parameters(oralBioavailability: 0.006, halfEffectAmount: 7.523)
        case .zoledronicAcid: Parameters(oralBioavailability: 0.0064, halfEffectAmount: 18.37)
        }
    }

    public var id: String { drug.rawValue }
    public var compartments: [Compartment] {
        [Compartment("bone_bound", unit: "mg", meaning: "\(drug.rawValue) bound to bone surfaces", scale: 1)]
    }
    public var parameterInfo: [ParameterInfo] { parameters.info(component: id, prefix: id) }
    public var observables: [Observable] { [Observable("\(id)_bone_mg", unit: "mg", meaning: "\(drug.rawValue) bound to bone")] }
    public func observe(x: ArraySlice<Double>) -> [Double] { [x[x.startIndex]] }
    public func doseTarget(route: Route) -> DoseTarget? {
        switch (drug, route) {
        case (.zoledronicAcid, .iv), (.ibandronate, .iv): DoseTarget(compartment: 0, fraction: 1, unitsPerMg: 1, placedByComponent: true)
        case (.zoledronicAcid, _): nil
        case (_, .oral): DoseTarget(compartment: 0, fraction: parameters.oralBioavailability, unitsPerMg: 1, placedByComponent: true)
        default: nil
        }
    }
    public func receive(dose amount: Double, route: Route, x: UnsafeMutablePointer<Double>, core: CoreSignals<Double>) {
        let f0 = parameters.boundFraction
        let bound = f0 * core.formation / (f0 * core.formation + 1 - f0)
        x[0] += amount * bound
    }
    public func setting(_ name: String, to value: Double) throws(ParameterError) -> any ModelComponent {
        BisphosphonateComponent(drug, parameters: try parameters.setting(name, to: value, prefix: id))
    }

    public func rhs<S: ODEScalar>(t: S, x: UnsafePointer<S>, dx: UnsafeMutablePointer<S>,
                                  core: CoreSignals<S>, effects: inout Effects<S>) {
        let p = parameters
        let b = x[0]
        dx[0] = -1.0 * p.releaseRate * core.resorption * b
        effects.scale(.osteoclastApoptosis, by: 1.0 + p.maximumEffect * b / (p.halfEffectAmount + b))
    }
}
