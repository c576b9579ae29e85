import OsteoModel
import OsteoODE

/// Raloxifene, a selective estrogen-receptor modulator: an estrogen agonist on bone, for
/// postmenopausal women only (the scenario compiler refuses it for men and premenopausal women).
///
///     dA/dt = −k·A                                (absorbed drug in the body, mg; dose × F)
///     E     = A/(A + A50)                         (estrogen-receptor agonism, 0–1)
///     menopause drive × (1 − E)                   (the estrogen-deficiency RANKL excess tempered)
///     osteoclast apoptosis × (1 + g·E)            (estrogen's pro-apoptotic action on osteoclasts)
///
/// Two actions because estrogen deficiency acts on bone in two ways that the core carries: a
/// RANKL excess that is large early after menopause and fades over years (the core's menopause
/// drive), and the loss of estrogen's pro-apoptotic effect on osteoclasts (Hughes DE et al., Nat
/// Med 1996;2:1132; Nakamura T et al., Cell 2007;130:811, Fas ligand), which persists. Only the
/// second acts in a woman 20 years past menopause, whom MORE enrolled.
public struct RaloxifeneComponent: GenericComponent {
    public struct Parameters: ParameterSet {
        public var bioavailability = 0.02
        public var eliminationRate = 0.693147 / (27.7 / 24)
        public var halfEffectAmount = 0.25
        public var osteoclastApoptosisGain = 0.04
        public init() {}

        public static let table: [ParameterRow<Parameters>] = [
            ParameterRow("raloxifene_f", \.bioavailability, "-", "oral bioavailability (absolute)",
                         "Evista label, clinical pharmacology (2%) [M]", range: 0.005...0.2),
            ParameterRow("raloxifene_k", \.eliminationRate, "1/day", "elimination rate (t½ 27.7 h after a single dose)",
                         "Evista label, clinical pharmacology (27.7 h single dose, 32.5 h multiple doses) [M]", range: 0.05...5),
            ParameterRow("raloxifene_a50", \.halfEffectAmount, "mg", "absorbed amount of half-maximal estrogen agonism",
                         "assumed: 60 mg/day (steady-state mean ≈ 2 mg absorbed) gives E ≈ 0.9, so 60 and 120 mg act alike as in MORE (LS +2.6 vs +2.7 points; Ettinger 1999)",
                         range: 0.01...100),
            ParameterRow("raloxifene_oc_apoptosis_gain", \.osteoclastApoptosisGain, "-", "rise in osteoclast apoptosis at full agonism",
                         "calibrated to MORE LS +2.6 points at 36 months (`osteosim-calibrate raloxifene`; Ettinger 1999); CTX then falls only ≈ 4% (docs/model.md)", range: 0...3),
        ]
    }

    public let parameters: Parameters
    public init(parameters: Parameters = Parameters()) { self.parameters = parameters }

    public var id: String { "raloxifene" }
    public var compartments: [Compartment] {
        // A daily-dosed amount around 2 mg; its effect is saturated, so 1e-4 relative is ample.
        [Compartment("body", unit: "mg", meaning: "absorbed raloxifene in the body", scale: 1, absoluteTolerance: 1e-6, relativeTolerance: 1e-4)]
    }
    public var parameterInfo: [ParameterInfo] { parameters.info(component: id) }
    public var observables: [Observable] {
        [Observable("raloxifene_body_mg", unit: "mg", meaning: "absorbed raloxifene in the body (no plasma concentration: the label's volume is thousands of litres per kg)"),
         Observable("raloxifene_agonism", unit: "-", meaning: "estrogen-receptor agonism on bone (0–1)")]
    }
    public func observe(x: ArraySlice<Double>) -> [Double] {
        let a = x[x.startIndex]
        return [a, a / (a + parameters.halfEffectAmount)]
    }
    public func doseTarget(route: Route) -> DoseTarget? {
        route == .oral ? DoseTarget(compartment: 0, fraction: parameters.bioavailability, unitsPerMg: 1) : nil
    }
    public func setting(_ name: String, to value: Double) throws(ParameterError) -> any ModelComponent {
        RaloxifeneComponent(parameters: try parameters.setting(name, to: value))
    }

    @inlinable public func rhs<S: ODEScalar>(t: S, x: UnsafePointer<S>, dx: UnsafeMutablePointer<S>,
                                             core: CoreSignals<S>, effects: inout Effects<S>) {
        let p = parameters
        dx[0] = -p.eliminationRate * x[0]
        let agonism = x[0] / (x[0] + p.halfEffectAmount)
        effects.scale(.menopauseDrive, by: 1.0 - agonism)
        effects.scale(.osteoclastApoptosis, by: 1.0 + p.osteoclastApoptosisGain * agonism)
    }
}
