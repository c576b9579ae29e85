import OsteoCatalog
import OsteoModel
import OsteoODE

/// The inflammation layer (docs/model.md, "Inflammation"): a chronic inflammatory disease with an
/// activity that changes over time, the cytokines it drives, and their actions on bone through the
/// core's levers; anti-inflammatory drugs act on it through ``Mediator`` signals.
///
/// **Activity.** The disease's own activity a(t) (1 = the preset's typical active disease; a held
/// compartment set by the activity events: onset, flares, remission) under disease control D
/// (``Mediator/diseaseActivity``: methotrexate, glucocorticoids) is followed by the activity state A
/// with a half-life of about a week, dA/dt = k_A (a·D − A). The disease's dependence on each
/// cytokine gives the inflammatory activity
///
///     J* = A · (1 − w_T(1 − f_T)) · (1 − w_1(1 − f_1)) · (1 − w_6(1 − f_6))
///
/// (f_X = the fraction of TNF-α, IL-1 and IL-6 signalling the drugs leave; w_X = the share of the
/// disease's activity that needs the cytokine).
///
/// **Mediators.** With b = the preset's systemic burden (its CRP at activity 1 relative to the
/// anchor CRP of active RA), the serum levels follow their targets within hours (states, half-life
/// 0.5 day): free TNF-α = TNF_h + ΔTNF · b·J*·f_T (pg/mL; E13/E15), IL-6 = IL6_h + ΔIL6 · b·J*
/// (pg/mL; E13/E14), IL-1β excess = b·J*, inflammatory activity J → J*; CRP follows the IL-6
/// signalling with its own half-life (19 h): CRP = CRP_0 + (CRP_anchor − CRP_0)·x_6. Signalling
/// excesses (0 healthy, 1 active RA): x_T from free TNF, x_1 = IL-1β excess·f_1, x_6 = IL-6
/// excess·f_6; COX-2/PGE2 and iNOS/NO are induced by TNF-α and IL-1β:
/// x_P = b·J·f_P·(f_T + f_1)/2, x_N = b·J·f_N·(f_T + f_1)/2.
///
/// **Actions on the core** (σ(x) = x(1 + K)/(x + K): σ(1) = 1, saturating at 1 + K):
///
///     RANKL production   × (1 + e_LT σ(x_T) + e_L1 σ(x_1) + e_L6 σ(x_6) + e_LP σ(x_P))   osteoblast lineage, osteocytes, immune cells
///     RANKL availability × (1 + e_PT σ(x_T))                          TNF-α priming of osteoclast precursors (RANK expression)
///     osteoclast apoptosis ÷ (1 + e_sT σ(x_T) + e_s1 σ(x_1))           osteoclast survival (RANKL-independent)
///     OPG production     × (1 + e_O1 σ(x_1))                          IL-1β raises OPG as well as RANKL
///     osteoblast commitment ÷ (1 + e_D σ(x_T))                        DKK1 (Wnt inhibition)
///     SOST expression    × (1 + e_S σ(x_T))                           sclerostin
///     osteoblast apoptosis × (1 + e_N σ(x_N))                         nitric oxide (iNOS)
///     mechanical loading × (1 − m_d τ(J) + D_a)                       disuse (the preset's), with adaptation:
///                                                                     dD_a/dt = (m_d τ(J) − D_a)/τ_a
///     gut calcium absorption × (1 − g_d τ(J)) · (1 − v_d · present)   malabsorption, vitamin D deficiency
///
/// with τ(J) = J^n(1 + K_d^n)/(J^n + K_d^n) (τ(1) = 1: the preset's values hold at its typical
/// active disease; low activity leaves mobility and the mucosa near normal).
public struct InflammationComponent: GenericComponent {
    public struct Parameters: ParameterSet {
        public var activityHalfLife = 7.0
        public var responseHalfLife = 0.5
        public var crpHalfLife = 19.0 / 24.0
        public var cytokineSaturation = 2.0
        public var diseaseSaturation = 1.0
        public var diseaseHill = 2.0
        public var loadingAdaptationTime = 2 * 365.25
        public var tnfHealthy = 7.9
        public var tnfReference = 23.1
        public var il6Healthy = 5.19
        public var il6Reference = 17.6
        public var crpFloor = 0.1
        public var anchorCRP = 25.0
        public var tnfDependence = 0.57
        public var il1Dependence = 0.25
        public var il6Dependence = 0.5
        public var ranklTNF = 0.055
        public var ranklIL1 = 0.0165
        public var ranklIL6 = 0.022
        public var ranklPGE2 = 0.0165
        public var primingTNF = 0.022
        public var survivalTNF = 0.022
        public var survivalIL1 = 0.022
        public var opgIL1 = 0.011
        public var dkk1TNF = 0.022
        public var sostTNF = 0.022
        public var nitricOxideApoptosis = 0.022
        public init() {}

        static let resorption = "calibrated, resorption scale R times an assumed share (`osteosim-calibrate inflammation`: E1 spine and hip at 12 months, E1 two-year loss, marker hinges)"
        static let formation = "calibrated, formation scale F times an assumed share (`osteosim-calibrate inflammation`: E1 spine and hip at 12 months, E1 two-year loss, marker hinges)"

        public static let table: [ParameterRow<Parameters>] = [
            ParameterRow("inflammation_activity_half_life", \.activityHalfLife, "day", "half-life with which the activity follows a change (onset, flare, remission)", "assumed (flares develop and settle over 1–2 weeks)", range: 0.5...90),
            ParameterRow("inflammation_response_half_life", \.responseHalfLife, "day", "half-life with which cytokine levels follow the activity and the drugs", "assumed (cytokines turn over in hours; daily-averaged)", range: 0.05...10),
            ParameterRow("inflammation_crp_half_life", \.crpHalfLife, "day", "plasma half-life of CRP (follows IL-6 signalling)", "Pepys & Hirschfield 2003 J Clin Invest (19 h) [M]", range: 0.2...5),
            ParameterRow("inflammation_cytokine_saturation", \.cytokineSaturation, "-", "K of σ(x) = x(1 + K)/(x + K): how the bone actions saturate above active RA", "assumed", range: 0.1...100),
            ParameterRow("inflammation_disease_saturation", \.diseaseSaturation, "-", "K_d of τ(J) = J^n(1 + K_d^n)/(J^n + K_d^n): where disuse and malabsorption turn over (τ(1) = 1, at most 1 + K_d^n)", "assumed (the typical active disease)", range: 0.1...10),
            ParameterRow("inflammation_disease_hill", \.diseaseHill, "-", "n of τ(J): disuse and malabsorption need active disease (low activity leaves mobility and the mucosa near normal)", "assumed (physical disability, HAQ, is largely reversible and near normal in low disease activity [M])", range: 1...4),
            ParameterRow("inflammation_loading_adaptation_time", \.loadingAdaptationTime, "day", "time constant with which bone adapts to a lasting loading deficit (the deficit it senses returns towards none; on recovery the load is sensed as a surplus)", "assumed: disuse loss slows and plateaus within a few years (spinal cord injury: about 60% of normal bone mass within the first 3 years, then slower change or gain: Springer 2016 chapter; J Spinal Cord Med 2008 longitudinal study); the core's sensed load has no such feedback (docs/model.md)", range: 30...3650),
            ParameterRow("inflammation_tnf_healthy", \.tnfHealthy, "pg/mL", "serum TNF-α without inflammation", "derived: E15 RA mean 23.1 pg/mL and E13 SMD 1.93, with the healthy SD taken equal to the healthy mean (CV 100%, assumed): 23.1/2.93", range: 0.1...100),
            ParameterRow("inflammation_tnf_reference", \.tnfReference, "pg/mL", "serum TNF-α in active RA (activity 1)", "E15: pooled mean 23.1 pg/mL (104 studies)", range: 1...500),
            ParameterRow("inflammation_il6_healthy", \.il6Healthy, "pg/mL", "serum IL-6 without inflammation", "E14: pooled 5.19 pg/mL in healthy adults (Said 2021)", range: 0.1...50),
            ParameterRow("inflammation_il6_reference", \.il6Reference, "pg/mL", "serum IL-6 in active RA (activity 1)", "derived: E14 healthy 5.19 + E13 SMD 2.40 × SD (SD = mean, CV 100%, assumed) = 17.6 (a single RA cohort: 13.3 ± 14.0, J Clin Rheumatol 1995)", range: 1...500),
            ParameterRow("inflammation_crp_floor", \.crpFloor, "mg/L", "CRP without systemic inflammation (activity 0)", "assumed (the high-sensitivity assay range)", range: 0.01...1),
            ParameterRow("inflammation_anchor_crp", \.anchorCRP, "mg/L", "CRP of active RA, the systemic inflammation the bone actions are sized at", "early-RA cohorts (25–38 mg/L, FIN-RACo; 16–18 mg/L median, Leeds); equal to ra_reference_crp", range: 1...300),
            ParameterRow("inflammation_tnf_dependence", \.tnfDependence, "-", "share of the disease's activity that needs TNF-α", "calibrated: adalimumab alone halves the activity at 12 months, as methotrexate alone does (PREMIER ACR50 41% vs 46%, baseline DAS28 6.3; `osteosim-calibrate inflammation` stage D)", range: 0...0.95),
            ParameterRow("inflammation_il1_dependence", \.il1Dependence, "-", "share of the disease's activity that needs IL-1", "assumed (anakinra's modest efficacy: ACR20 38–43% vs 22–27% placebo)", range: 0...0.95),
            ParameterRow("inflammation_il6_dependence", \.il6Dependence, "-", "share of the disease's activity that needs IL-6", "assumed (tocilizumab ΔDAS28 −2.5 to −3.1 at 12 weeks, part of it the acute-phase term; Zhang 2013 Int J Clin Pharmacol Ther)", range: 0...0.95),
            ParameterRow("inflammation_rankl_tnf", \.ranklTNF, "-", "rise in RANKL production at active-RA TNF-α", resorption + "; TNF-α share 0.5", range: 0...5),
            ParameterRow("inflammation_rankl_il1", \.ranklIL1, "-", "rise in RANKL production at active-RA IL-1β", resorption + "; IL-1β share 0.15", range: 0...5),
            ParameterRow("inflammation_rankl_il6", \.ranklIL6, "-", "rise in RANKL production at active-RA IL-6 signalling", resorption + "; IL-6 share 0.2", range: 0...5),
            ParameterRow("inflammation_rankl_pge2", \.ranklPGE2, "-", "rise in RANKL production at active-RA PGE2 (COX-2)", resorption + "; PGE2 share 0.15", range: 0...5),
            ParameterRow("inflammation_priming_tnf", \.primingTNF, "-", "rise in RANK signalling per RANKL (TNF-α priming of osteoclast precursors)", resorption + "; 0.2 of the RANKL total", range: 0...2),
            ParameterRow("inflammation_survival_tnf", \.survivalTNF, "-", "fall in osteoclast apoptosis rate at active-RA TNF-α (÷(1 + e))", resorption + "; half of the survival total", range: 0...3),
            ParameterRow("inflammation_survival_il1", \.survivalIL1, "-", "fall in osteoclast apoptosis rate at active-RA IL-1β (÷(1 + e))", resorption + "; half of the survival total", range: 0...3),
            ParameterRow("inflammation_opg_il1", \.opgIL1, "-", "rise in OPG production at active-RA IL-1β", resorption + "; IL-1β raises OPG as well as RANKL mRNA (review 2), a fifth of its RANKL action", range: 0...2),
            ParameterRow("inflammation_dkk1_tnf", \.dkk1TNF, "-", "fall in osteoblast commitment at active-RA TNF-α (DKK1; ÷(1 + e))", formation + " (F = R); a third of the formation total", range: 0...3),
            ParameterRow("inflammation_sost_tnf", \.sostTNF, "-", "rise in SOST expression at active-RA TNF-α", formation + " (F = R); a third of the formation total", range: 0...3),
            ParameterRow("inflammation_no_apoptosis", \.nitricOxideApoptosis, "-", "rise in osteoblast apoptosis at active-RA nitric oxide (iNOS)", formation + " (F = R); a third of the formation total (iNOS knockout mice lose 60% of the inflammatory bone loss of wild type with no osteoblast apoptosis rise: Armour 2001 Arthritis Rheum)", range: 0...3),
        ]
    }

    public let parameters: Parameters
    public let preset: DiseasePreset

    public init(disease: DiseaseID, parameters: Parameters = Parameters(), preset: DiseasePreset? = nil) {
        self.parameters = parameters
        self.preset = preset ?? DiseasePreset(disease)
    }

    public var disease: DiseaseID { preset.disease }
    public var id: String { "inflammation" }
    public var readsMediators: Bool { true }

    public static let drive = 0, present = 1, activity = 2, inflammatory = 3, tnf = 4, il1 = 5, il6 = 6, crp = 7, adaptation = 8

    public var compartments: [Compartment] {
        let p = parameters
        // Tolerances: the activity and mediator states follow each dose and event within hours, but
        // act on bone only through processes of months; relative 1e-4 (clinical activity and serum
        // levels carry two or three digits) keeps the solver from resolving every weekly dose's
        // transient to the core's 1e-6 (as for the drugs' PK states).
        let r = 1e-4
        return [Compartment("activity_drive", unit: "-", meaning: "the disease's own activity (1 = the preset's typical active disease; set by the activity events)", scale: 1, held: true),
                Compartment("disease_present", unit: "-", meaning: "1 while the disease is present (vitamin D deficiency), set at onset", scale: 1, held: true),
                Compartment("activity", unit: "-", meaning: "the disease's own activity, following the drive", scale: 1, absoluteTolerance: 1e-6, relativeTolerance: r),
                Compartment("inflammatory_activity", unit: "-", meaning: "inflammatory activity under disease control and cytokine blockade", scale: 1, absoluteTolerance: 1e-6, relativeTolerance: r),
                Compartment("tnf_alpha", unit: "pg/mL", meaning: "free serum TNF-α", reference: p.tnfHealthy, scale: p.tnfHealthy, absoluteTolerance: 1e-5, relativeTolerance: r),
                Compartment("il1b_excess", unit: "-", meaning: "IL-1β above healthy (1 = active RA)", scale: 1, absoluteTolerance: 1e-6, relativeTolerance: r),
                Compartment("il6", unit: "pg/mL", meaning: "serum IL-6", reference: p.il6Healthy, scale: p.il6Healthy, absoluteTolerance: 1e-5, relativeTolerance: r),
                Compartment("crp", unit: "mg/L", meaning: "serum C-reactive protein", reference: p.crpFloor, scale: 1, absoluteTolerance: 1e-5, relativeTolerance: r),
                Compartment("loading_adaptation", unit: "-", meaning: "the part of the loading deficit bone has adapted to", scale: 0.1)]
    }

    public var parameterInfo: [ParameterInfo] { parameters.info(component: id) + preset.parameterInfo }

    public var observables: [Observable] {
        var o = [Observable("crp_mg_l", unit: "mg/L", meaning: "serum C-reactive protein (model)"),
                 Observable("tnf_alpha_pg_ml", unit: "pg/mL", meaning: "free serum TNF-α (model)"),
                 Observable("il6_pg_ml", unit: "pg/mL", meaning: "serum IL-6 (model; the rise under IL-6 receptor blockade is not modelled)"),
                 Observable("il1b_excess_rel", unit: "relative", meaning: "IL-1β above healthy (1 = active RA)"),
                 Observable("inflammatory_activity_rel", unit: "relative", meaning: "inflammatory activity (1 = the preset's typical active disease, untreated)")]
        if disease == .rheumatoidArthritis {
            o.append(Observable("das28", unit: "score", meaning: "DAS28 estimated from the inflammatory activity (2.0 + 3.5 × activity; the activity scale's definition)"))
        }
        return o
    }

    public func observe(x: ArraySlice<Double>) -> [Double] {
        let b = x.startIndex
        var out = [x[b + Self.crp], x[b + Self.tnf], x[b + Self.il6], x[b + Self.il1], x[b + Self.inflammatory]]
        if disease == .rheumatoidArthritis { out.append(Activity.das28(activity: x[b + Self.inflammatory])) }
        return out
    }

    public func setting(_ name: String, to value: Double) throws(ParameterError) -> any ModelComponent {
        if name.hasPrefix("\(preset.prefix)_"), DiseasePreset.Parameters.table.contains(where: { "\(preset.prefix)_\($0.name)" == name }) {
            return InflammationComponent(disease: disease, parameters: parameters, preset: try preset.setting(name, to: value))
        }
        return InflammationComponent(disease: disease, parameters: try parameters.setting(name, to: value), preset: preset)
    }

    /// The preset's systemic burden: its CRP at activity 1 relative to the anchor (active RA).
    public var systemicBurden: Double {
        (preset.parameters.referenceCRP - parameters.crpFloor) / (parameters.anchorCRP - parameters.crpFloor)
    }

    @inlinable static func saturating<S: ODEScalar>(_ x: S, _ k: Double) -> S { x * (1 + k) / (x + k) }

    public func rhs<S: ODEScalar>(t: S, x: UnsafePointer<S>, dx: UnsafeMutablePointer<S>,
                                  core: CoreSignals<S>, effects: inout Effects<S>) {
        let p = parameters, d = preset.parameters
        let ln2 = 0.693147180559945
        let kr = ln2 / p.responseHalfLife
        let b = systemicBurden
        let fT = effects[.tnfAlpha], f1 = effects[.interleukin1], f6 = effects[.interleukin6]
        let fP = effects[.cox2], fN = effects[.nitricOxideSynthase], control = effects[.diseaseActivity]

        let a = x[Self.drive], act = x[Self.activity], j = x[Self.inflammatory]
        dx[Self.drive] = S(0)
        dx[Self.present] = S(0)
        // Disease control (methotrexate, glucocorticoids) lowers the activity the state follows, so it
        // acts over the activity's half-life (days to weeks), not at once.
        dx[Self.activity] = (ln2 / p.activityHalfLife) * (a * control - act)
        let needT: S = 1.0 - p.tnfDependence * (1.0 - fT)
        let need1: S = 1.0 - p.il1Dependence * (1.0 - f1)
        let need6: S = 1.0 - p.il6Dependence * (1.0 - f6)
        let dependence = needT * need1 * need6
        let target = act * dependence
        dx[Self.inflammatory] = kr * (target - j)
        let dTNF = p.tnfReference - p.tnfHealthy, dIL6 = p.il6Reference - p.il6Healthy
        let produced: S = b * target
        let tnfTarget: S = p.tnfHealthy + dTNF * produced * fT
        let il6Target: S = p.il6Healthy + dIL6 * produced
        dx[Self.tnf] = kr * (tnfTarget - x[Self.tnf])
        dx[Self.il1] = kr * (produced - x[Self.il1])
        dx[Self.il6] = kr * (il6Target - x[Self.il6])

        // Signalling excesses (0 healthy, 1 active RA).
        let xT = (x[Self.tnf] - p.tnfHealthy) / dTNF
        let x1 = x[Self.il1] * f1
        let x6 = (x[Self.il6] - p.il6Healthy) / dIL6 * f6
        let induced: S = b * j * (fT + f1) * 0.5
        let xP = induced * fP, xN = induced * fN
        let crpTarget: S = p.crpFloor + (p.anchorCRP - p.crpFloor) * x6
        dx[Self.crp] = (ln2 / p.crpHalfLife) * (crpTarget - x[Self.crp])

        let k = p.cytokineSaturation
        let sT = Self.saturating(xT, k), s1 = Self.saturating(x1, k), s6 = Self.saturating(x6, k)
        let sP = Self.saturating(xP, k), sN = Self.saturating(xN, k)
        let rankl: S = p.ranklTNF * sT + p.ranklIL1 * s1 + p.ranklIL6 * s6 + p.ranklPGE2 * sP
        effects.scale(.ranklProduction, by: 1.0 + rankl)
        effects.scale(.ranklAvailability, by: 1.0 + p.primingTNF * sT)
        let survival: S = p.survivalTNF * sT + p.survivalIL1 * s1
        effects.scale(.osteoclastApoptosis, by: 1.0 / (1.0 + survival))
        effects.scale(.opgProduction, by: 1.0 + p.opgIL1 * s1)
        effects.scale(.osteoblastCommitment, by: 1.0 / (1.0 + p.dkk1TNF * sT))
        effects.scale(.sostExpression, by: 1.0 + p.sostTNF * sT)
        effects.scale(.osteoblastApoptosis, by: 1.0 + p.nitricOxideApoptosis * sN)
        let jn = S.pow(ODEScalarSoft.nonNegative(j), p.diseaseHill)
        let kn = Double.pow(p.diseaseSaturation, p.diseaseHill)
        let tau: S = jn * (1 + kn) / (jn + kn)
        // Disuse: the deficit D = m·τ(J); bone adapts to it (state D_a), so the sensed deficit is
        // D − D_a (a surplus after recovery).
        let deficit: S = d.disuse * tau
        dx[Self.adaptation] = (deficit - x[Self.adaptation]) / p.loadingAdaptationTime
        effects.scale(.mechanicalLoading, by: 1.0 - deficit + x[Self.adaptation])
        let absorbed: S = 1.0 - d.malabsorption * tau
        let vitaminD: S = 1.0 - d.vitaminDDeficiency * x[Self.present]
        effects.scale(.gutCalciumAbsorption, by: absorbed * vitaminD)
    }
}
