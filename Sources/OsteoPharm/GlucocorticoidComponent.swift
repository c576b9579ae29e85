import OsteoModel
import OsteoODE

/// Systemic glucocorticoid exposure and its actions on bone (docs/model.md, "Glucocorticoids").
///
/// Exposure: the summed prednisolone-equivalent rate R (mg/day, a held compartment set by the
/// course events) drives an effect compartment E (dE/dt = k_e0·(R − E); daily-averaged
/// exposure, model-notes §6), a slow tolerance state A in response units (dA/dt = k_A·(H(E) − A)) and a fracture-risk
/// exposure X (dX/dt = (R − X)/τ_X, onset and offset over months, B5). The actions use one
/// shared saturating function of E, H(E) = E^n/(EC50^n + E^n):
///
///     osteoblast commitment      × (1 − I_commit·H(E))          PPARγ2/KLF15 adipogenic shift, Wnt/DKK1
///     osteoblast differentiation × (1 − I_diff·H(E))            DKK1, Notch
///     osteoblast apoptosis       × (1 + a_ob·H(E))               ROS → PI3K/AKT/GSK3β (Weinstein 1998)
///     osteocyte apoptosis        × (1 + a_ocy·H(E))              (Weinstein 1998; O'Brien 2004)
///     SOST expression            × (1 + a_sost·H(E))             (Compston 2018)
///     OPG production             × (1 − I_opg·H(E))              (Sasaki 2001: −25% at 32.5 mg/d)
///     RANKL production           × (1 + a_rankl·max(H(E) − θ·A, 0))  early resorption rise that adapts
///     osteoclast apoptosis       × (1 − I_oc·max(H(E) − θ·A, 0))  longer osteoclast life early (modest; Weinstein 2002), adapting
///     gut calcium absorption     × (1 − I_gut·H(E))              (Reid 1997)
///     calcium input              − u_renal·H(E) mmol/day         more renal calcium loss (Reid 1997)
///
/// and, coupled to the inflammation layer (``Mediator/diseaseActivity``), their anti-inflammatory
/// action, with its own (lower) potency: disease activity × (1 − I_ai·E^m/(EC50_ai^m + E^m)). Without
/// an inflammatory disease in the scenario nothing reads it.
public struct GlucocorticoidComponent: GenericComponent {
    public struct Parameters: ParameterSet {
        public var ec50 = 9.0
        public var hill = 4.0
        public var effectHalfLife = 0.5
        public var toleranceHalfLife = 120.0
        public var toleranceFraction = 0.8
        public var riskTimeConstant = 60.0
        public var commitmentInhibition = 0.3
        public var differentiationInhibition = 0.1
        public var osteoblastApoptosisRise = 0.5
        public var osteocyteApoptosisRise = 0.0
        public var sostRise = 0.5
        public var opgInhibition = 0.25
        public var ranklRise = 0.1
        public var osteoclastApoptosisInhibition = 0.3
        public var gutAbsorptionInhibition = 0.3
        public var renalCalciumLoss = 1.0
        public var antiInflammatoryMaximum = 0.7
        public var antiInflammatoryEC50 = 2.5
        public var antiInflammatoryHill = 1.0
        public init() {}

        public static let table: [ParameterRow<Parameters>] = [
            ParameterRow("gc_ec50", \.ec50, "mg/day PEQ", "prednisolone-equivalent exposure of half-maximal bone effect", "fitted to the osteocalcin dose–response (−17/−22/−26% at 10/15/20 mg/d, none at 5 mg; model-notes §6), least squares, `osteosim-calibrate gc` stage 0", range: 1...100),
            ParameterRow("gc_hill", \.hill, "-", "steepness of the exposure–effect function", "fitted with gc_ec50 (stage 0; at the grid edge 4)", range: 0.5...5),
            ParameterRow("gc_effect_half_life", \.effectHalfLife, "day", "half-life of the effect compartment (daily-averaged exposure)", "assumed (osteocalcin nadir within hours of a dose, model-notes §6; daily average)", range: 0.05...10),
            ParameterRow("gc_tolerance_half_life", \.toleranceHalfLife, "day", "half-life of adaptation of the resorption response", "calibrated in GC stage 1 (v2): 120 d — the early resorption response fades over months (Compston 2018: \"an early but transient increase in bone resorption\"; formation falls for good)", range: 7...1000),
            ParameterRow("gc_tolerance_fraction", \.toleranceFraction, "-", "fraction of the resorption response (RANKL rise, longer osteoclast life) that adapts away in chronic use (the adaptation follows the response H(E), t½ gc_tolerance_half_life)", "calibrated in GC stage 1 (v2): 0.8 — chronic users then lose −1.49%/y, inside the published 0 to −1.6", range: 0...1),
            ParameterRow("gc_risk_time_constant", \.riskTimeConstant, "day", "time constant of the fracture-risk exposure (onset and offset)", "assumed (risk up within 3–6 months, back within about a year of stopping: van Staa 2000, B5)", range: 7...730),
            ParameterRow("gc_commitment_inhibition", \.commitmentInhibition, "-", "maximal fall in osteoblast commitment", "calibrated to the GC stage-1 targets, v2 2026-12-02 (A1–A3 placebo LS/TH, chronic users inside 0 to −1.6%/y, P1NP at 1 month, CTX and P1NP hinges, A8 recovery; `osteosim-calibrate gc`, docs/model.md)", range: 0...0.95),
            ParameterRow("gc_differentiation_inhibition", \.differentiationInhibition, "-", "maximal fall in osteoblast differentiation", "calibrated to the GC stage-1 targets, v2 2026-12-02 (A1–A3 placebo LS/TH, chronic users inside 0 to −1.6%/y, P1NP at 1 month, CTX and P1NP hinges, A8 recovery; `osteosim-calibrate gc`, docs/model.md)", range: 0...0.95),
            ParameterRow("gc_osteoblast_apoptosis_rise", \.osteoblastApoptosisRise, "-", "maximal fractional rise in osteoblast apoptosis", "calibrated to the GC stage-1 targets, v2 2026-12-02 (A1–A3 placebo LS/TH, chronic users inside 0 to −1.6%/y, P1NP at 1 month, CTX and P1NP hinges, A8 recovery; `osteosim-calibrate gc`, docs/model.md)", range: 0...5),
            ParameterRow("gc_osteocyte_apoptosis_rise", \.osteocyteApoptosisRise, "-", "maximal fractional rise in osteocyte apoptosis", "calibrated in GC stage 1 (v2): 0 — the BMD and marker targets need no osteocyte death term (which, via targeted cortical remodelling, moved the hip); the mechanism stays for scenarios that set it", range: 0...5),
            ParameterRow("gc_sost_rise", \.sostRise, "-", "maximal fractional rise in SOST expression", "assumed (Compston 2018, qualitative)", range: 0...5),
            ParameterRow("gc_opg_inhibition", \.opgInhibition, "-", "maximal fall in OPG production", "sourced: serum OPG −25% after 4 weeks at ≈32.5 mg/d, where H ≈ 1 (Sasaki 2001)", range: 0...0.95),
            ParameterRow("gc_rankl_rise", \.ranklRise, "-", "maximal early fractional rise in RANKL production (adapts with the tolerance)", "calibrated to the GC stage-1 targets, v2 2026-12-02 (A1–A3 placebo LS/TH, chronic users inside 0 to −1.6%/y, P1NP at 1 month, CTX and P1NP hinges, A8 recovery; `osteosim-calibrate gc`, docs/model.md)", range: 0...5),
            ParameterRow("gc_osteoclast_apoptosis_inhibition", \.osteoclastApoptosisInhibition, "-", "maximal early fall in osteoclast apoptosis (longer life; adapts with the tolerance)", "calibrated in GC stage 1 (v2; grid 0.1–0.5): 0.3, modest as in murine data (Weinstein 2002; none in human culture)", range: 0...0.9),
            ParameterRow("gc_gut_absorption_inhibition", \.gutAbsorptionInhibition, "-", "maximal fall in gut calcium absorption", "assumed (Reid 1997 review)", range: 0...0.9),
            ParameterRow("gc_renal_calcium_loss", \.renalCalciumLoss, "mmol/day", "maximal extra urinary calcium", "assumed (Reid 1997 review)", range: 0...10),
            ParameterRow("gc_anti_inflammatory_max", \.antiInflammatoryMaximum, "-", "maximal fall in inflammatory disease activity (anti-inflammatory action, read by the inflammation layer)", "assumed: prednisone ≈ 8 mg/day alone lowered DAS28-ESR 5.1 → 2.7 in 6 weeks in new RA (Adv Rheumatol 2021, retrospective); the response partly fades after months (Arthritis Res Ther 2012 review), which is not modelled", range: 0...0.95),
            ParameterRow("gc_anti_inflammatory_ec50", \.antiInflammatoryEC50, "mg/day PEQ", "exposure of half the maximal anti-inflammatory action", "assumed (low doses, 5–7.5 mg/day, are clearly anti-inflammatory in RA while bone effects need more: EC50 well below gc_ec50)", range: 0.1...100),
            ParameterRow("gc_anti_inflammatory_hill", \.antiInflammatoryHill, "-", "steepness of the anti-inflammatory action", "assumed", range: 0.5...5),
        ]
    }

    public let parameters: Parameters
    public init(parameters: Parameters = Parameters()) { self.parameters = parameters }

    public var id: String { "glucocorticoids" }
    public static let rate = 0, effect = 1, tolerance = 2, riskExposure = 3

    public var compartments: [Compartment] {
        [Compartment("peq_rate", unit: "mg/day", meaning: "summed prednisolone-equivalent dose rate (set by the course events)", scale: 10, held: true),
         Compartment("effect", unit: "mg/day", meaning: "effect-compartment exposure", scale: 10),
         Compartment("tolerance", unit: "-", meaning: "adapted part of the resorption response (follows H(E), 0–1)", scale: 1),
         Compartment("risk_exposure", unit: "mg/day", meaning: "exposure that sets the BMD-independent fracture-risk term", scale: 10)]
    }
    public var parameterInfo: [ParameterInfo] { parameters.info(component: id) }
    public var observables: [Observable] {
        [Observable("gc_peq_mg_day", unit: "mg/day", meaning: "prednisolone-equivalent dose rate"),
         Observable("gc_risk_exposure_mg_day", unit: "mg/day", meaning: "exposure of the BMD-independent fracture-risk term")]
    }
    public func observe(x: ArraySlice<Double>) -> [Double] {
        [x[x.startIndex + Self.rate], x[x.startIndex + Self.riskExposure]]
    }
    public func setting(_ name: String, to value: Double) throws(ParameterError) -> any ModelComponent {
        GlucocorticoidComponent(parameters: try parameters.setting(name, to: value))
    }

    /// H(E): the shared saturating exposure–effect function.
    @inlinable func response<S: ODEScalar>(_ e: S) -> S {
        let p = parameters
        let en = S.pow(ODEScalarSoft.nonNegative(e), p.hill)
        return en / (en + Double.pow(p.ec50, p.hill))
    }

    public func rhs<S: ODEScalar>(t: S, x: UnsafePointer<S>, dx: UnsafeMutablePointer<S>,
                                  core: CoreSignals<S>, effects: inout Effects<S>) {
        let p = parameters
        let r = x[Self.rate], e = x[Self.effect], a = x[Self.tolerance], risk = x[Self.riskExposure]
        dx[Self.rate] = S(0)
        dx[Self.effect] = (0.693147180559945 / p.effectHalfLife) * (r - e)
        let h = response(e)
        // Adaptation acts on the response (0–1), not on the exposure, so it fades alike at every dose,
        // and the adapted response never turns negative (no resorption deficit after stopping).
        dx[Self.tolerance] = (0.693147180559945 / p.toleranceHalfLife) * (h - a)
        dx[Self.riskExposure] = (r - risk) / p.riskTimeConstant
        let resorptionResponse = ODEScalarSoft.nonNegative(h - p.toleranceFraction * a)
        effects.scale(.osteoblastCommitment, by: 1.0 - p.commitmentInhibition * h)
        effects.scale(.osteoblastDifferentiation, by: 1.0 - p.differentiationInhibition * h)
        effects.scale(.osteoblastApoptosis, by: 1.0 + p.osteoblastApoptosisRise * h)
        effects.scale(.osteocyteApoptosis, by: 1.0 + p.osteocyteApoptosisRise * h)
        effects.scale(.sostExpression, by: 1.0 + p.sostRise * h)
        effects.scale(.opgProduction, by: 1.0 - p.opgInhibition * h)
        // The resorption response (RANKL rise, longer osteoclast life) adapts by the tolerance fraction.
        effects.scale(.ranklProduction, by: 1.0 + p.ranklRise * resorptionResponse)
        effects.scale(.osteoclastApoptosis, by: 1.0 - p.osteoclastApoptosisInhibition * resorptionResponse)
        effects.scale(.gutCalciumAbsorption, by: 1.0 - p.gutAbsorptionInhibition * h)
        effects.add(.calcium, -1.0 * p.renalCalciumLoss * h)
        let em = S.pow(ODEScalarSoft.nonNegative(e), p.antiInflammatoryHill)
        effects.scale(.diseaseActivity, by: 1.0 - p.antiInflammatoryMaximum * em / (em + Double.pow(p.antiInflammatoryEC50, p.antiInflammatoryHill)))
    }
}

/// Smooth guards shared by components.
public enum ODEScalarSoft {
    /// max(x, 0) without a branch on the value: x where x ≥ 0, else 0 (the select primitive).
    @inlinable public static func nonNegative<S: ODEScalar>(_ x: S) -> S { S.select(ifNonNegative: x, x, else: S(0)) }
}
