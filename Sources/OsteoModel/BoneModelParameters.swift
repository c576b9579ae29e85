import OsteoODE

/// Parameters of the core model (v2; docs/model.md, docs/research/core-v2.md). Values live here
/// once; ``table`` gives each one's name, unit, meaning, source and accepted range.
///
/// Sources: P&R = Peterson & Riggs, Bone 2010;46:49–63; Pivonka = Pivonka et al., Bone 2008;43:249;
/// M-R = Martínez-Reina & Pivonka, Bone 2019;125:87; Eriksen = Eriksen EF, Endocr Rev 1986;7:379 and
/// Bone 1994 (histomorphometric remodelling periods); Parfitt = Parfitt AM, Calcif Tissue Int 1984
/// (trabecular vs cortical turnover). "assumed" = chosen without a fit; "calibrated to X" = fitted
/// by the search in Sources/osteosim-v2-probe (docs/research/core-v2.md, "Calibration").
public struct BoneModelParameters: ParameterSet {
    // Calcium / PTH / vitamin D
    public var calcium0 = 2.35
    public var ecfVolume = 14.0
    public var pth0 = 3.85
    public var calcitriol0 = 90.0
    public var kPTH = 24 * 100.0 / 14
    public var pthSetPoint = 2.20
    public var pthHill = 20.0
    public var pthMaxToMin = 50.0
    public var kGland = 1.0 / 30
    public var glandExponent = 0.5
    public var kHydroxylase = 24 * 0.05
    public var hydroxylasePTHExponent = 0.5
    public var kCalcitriol = 24 * 0.10
    public var kGutAbsorption = 0.5
    public var gutCalcitriolExponent = 0.5
    public var dietaryCalcium = 24.055
    public var fractionAbsorbed0 = 0.25
    public var urineCalciumExponent = 6.0
    public var urinePTHExponent = 0.3
    public var exchangeableCalcium0 = 100.0
    public var kExchange = 3.0
    public var exchangePTHExponent = 0.1
    public var boneCalciumTotal = 24_900.0
    public var mineralisationCalciumK = 0.9
    public var mineralisationCalciumHill = 10.0
    // PTH receptor
    public var kPTHRInternalise = 24 * 0.1
    public var kPTHRRecycle = 24 * 0.01
    public var pthAnabolicK = 4.0
    public var pthAnabolicHill = 4.0
    public var kPTHAnabolic = 1.0
    // Osteoblast lineage
    public var kPreosteoblast = 1 / 14.3
    public var preosteoblastDifferentiatingFraction = 0.5
    public var kOsteoblast = 24 * 6.05516e-4
    public var tgfActivationK = 0.5
    public var tgfRepressionK = 0.31
    public var modelingGain = 0.5
    public var swishWidth = 0.05
    // Wnt / sclerostin
    public var sclerostinK = 4.0
    public var wntCommitmentExponent = 0.25
    public var wntSurvivalExponent = 0.25
    public var wntOPGExponent = 1.5
    public var wntModelingExponent = 1.0
    public var kSclerostin = 25.0
    public var sclerostinPTHExponent = 0.5
    // PTH anabolic effects
    public var pthCommitmentGain = 10.0
    public var pthSurvivalGain = 5.0
    public var pthModelingGain = 100.0
    // Osteoclast lineage
    public var kOsteoclast = 0.16
    public var kPrecursor = 1.0 / 60
    public var fusionFraction = 0.9
    public var osteomorphRecycling = 0.3
    public var canopyExponent = 1.1
    public var tgfOsteoclastApoptosisExponent = 0.1
    public var ranklSurvivalExponent = 0.0
    public var ranklRecruitmentExponent = 0.0
    public var canopyIndependentShare = 0.0
    public var ranklOsteocyteShare = 0.7
    public var opgOsteoblastShare = 0.2
    public var apoptoticOsteocyteRANKL = 0.5
    public var opgSequestration = 18.0
    public var rankSequestration = 0.34
    public var ranklSaturationK = 12.0
    public var pthRANKLExponent = 0.5
    public var pthOPGExponent = 0.5
    public var kOPG = 0.35
    public var kOsteocyte = 1 / (25 * 365.25)
    // Envelopes
    public var trabecularTurnover = 0.25
    public var corticalTurnover = 0.04
    public var trabecularRefillPeriod = 140.0
    public var corticalRefillPeriod = 120.0
    public var refillSpeedExponent = 0.5
    public var surplusRefillSpeedExponent = 0.5
    public var balanceSlope = 1.0
    public var corticalTargetedRemodeling = 1.0
    public var balanceDeficitAmplitude = 0.25
    public var balanceOverfillAmplitude = 0.05
    public var spineTrabecularShare = 0.45
    public var hipTrabecularShare = 0.25
    public var skeletonTrabecularShare = 0.2
    public var trabecularModelingSurface = 1.0
    public var corticalModelingSurface = 0.1
    public var hipLoadWeight = 1.0
    public var spineLoadWeight = 0.2
    public var loadActivationExponent = 1.0
    public var loadBalanceExponent = 0.5
    public var osteocyteSensingExponent = 1.0
    public var primaryMineralFraction = 0.6
    public var kSecondaryMineralisation = 0.007
    // Age and menopause
    public var ageDeficitOnset = 50.0
    public var ageDeficitPerYear = 0.0025
    public var menopauseTransientRANKL = 0.5
    public var menopausePersistentRANKL = 0.0
    public var menopauseTransientYears = 65 * 30 / 365.25
    // Markers
    public var ctxReference = 0.296
    public var p1npReference = 38.0

    public init() {}
}


extension BoneModelParameters {
    /// Every core parameter: name (what `parameters:` takes), unit, meaning, source, accepted
    /// range. [M] = from memory, to be checked against the cited paper; "calibrated to X" = chosen
    /// by the search in Sources/osteosim-v2-probe against X (docs/research/core-v2.md).
    public static let table: [ParameterRow<BoneModelParameters>] = [
            ParameterRow("calcium_ref", \.calcium0, "mmol/L", "reference plasma calcium",
                         "P&R (32.9 mmol in 14 L)", range: 2.2...2.5),
            ParameterRow("ecf_volume", \.ecfVolume, "L", "extracellular fluid volume",
                         "P&R (V1)", range: 10...20),
            ParameterRow("pth_ref", \.pth0, "pmol/L", "reference plasma PTH",
                         "P&R (53.9 pmol in 14 L)", range: 1...10),
            ParameterRow("calcitriol_ref", \.calcitriol0, "pmol/L", "reference plasma calcitriol",
                         "P&R (1260 pmol in 14 L)", range: 40...150),
            ParameterRow("k_pth", \.kPTH, "1/day", "PTH elimination rate (t½ ≈ 6 min)",
                         "P&R (kout 100/14 h⁻¹)", range: 50...300),
            ParameterRow("pth_set_point", \.pthSetPoint, "mmol/L", "calcium at half-maximal PTH secretion",
                         "assumed (gives maximal secretion ≈ 4.4× reference; v1 had 2.30 → 2.5× cap)", range: 2.0...2.4),
            ParameterRow("pth_hill", \.pthHill, "-", "steepness of the Ca–PTH secretion curve",
                         "assumed (as v1)", range: 5...40),
            ParameterRow("pth_max_to_min", \.pthMaxToMin, "-", "maximal to minimal PTH secretion ratio",
                         "assumed (as v1)", range: 10...100),
            ParameterRow("k_gland", \.kGland, "1/day", "adaptation rate of parathyroid secretory capacity",
                         "assumed (P&R PTmax adapts over weeks)", range: 0.005...0.2),
            ParameterRow("gland_exponent", \.glandExponent, "-", "capacity reached per unit sustained secretion demand (G_ss = S_rel^γ)",
                         "assumed", range: 0...1),
            ParameterRow("k_hydroxylase", \.kHydroxylase, "1/day", "1α-hydroxylase turnover",
                         "P&R (T64 0.05 h⁻¹)", range: 0.3...5),
            ParameterRow("hydroxylase_pth_exponent", \.hydroxylasePTHExponent, "-", "power of PTH on 1α-hydroxylase",
                         "assumed (as v1)", range: 0.2...1),
            ParameterRow("k_calcitriol", \.kCalcitriol, "1/day", "calcitriol elimination",
                         "P&R (T69 0.10 h⁻¹)", range: 1...5),
            ParameterRow("k_gut_absorption", \.kGutAbsorption, "1/day", "adaptation of gut Ca absorption to calcitriol",
                         "assumed (as v1)", range: 0.1...2),
            ParameterRow("gut_calcitriol_exponent", \.gutCalcitriolExponent, "-", "power of calcitriol on gut absorption",
                         "assumed (as v1)", range: 0.2...1),
            ParameterRow("dietary_calcium", \.dietaryCalcium, "mmol/day", "dietary calcium (≈ 964 mg/day)",
                         "P&R (OralCa 24.055/24 mmol/h)", range: 10...50),
            ParameterRow("fraction_absorbed_ref", \.fractionAbsorbed0, "-", "net fraction of dietary Ca absorbed at reference",
                         "assumed (as v1)", range: 0.1...0.4),
            ParameterRow("urine_calcium_exponent", \.urineCalciumExponent, "-", "power of plasma Ca on urinary Ca",
                         "assumed (as v1)", range: 2...10),
            ParameterRow("urine_pth_exponent", \.urinePTHExponent, "-", "power of PTH lowering urinary Ca",
                         "assumed (as v1)", range: 0...1),
            ParameterRow("exchangeable_calcium_ref", \.exchangeableCalcium0, "mmol", "exchangeable bone calcium pool at reference",
                         "P&R (Q0 = 100 mmol)", range: 50...200),
            ParameterRow("k_exchange", \.kExchange, "1/day", "exchange rate of that pool with ECF (ECF re-equilibrates in ≈ 2 h)",
                         "assumed", range: 0.5...20),
            ParameterRow("exchange_pth_exponent", \.exchangePTHExponent, "-", "PTH shift of the exchange equilibrium towards ECF",
                         "assumed (0.5 gave 3.4 mmol/L peaks with daily teriparatide pulses)", range: 0...0.3),
            ParameterRow("bone_calcium_total", \.boneCalciumTotal, "mmol", "skeletal calcium (the four envelopes stand for the skeleton)",
                         "P&R (Qbone0 = 24 900 mmol)", range: 15_000...35_000),
            ParameterRow("mineralisation_calcium_k", \.mineralisationCalciumK, "rel.", "plasma Ca (rel.) at half-maximal mineral deposition",
                         "assumed (mineralisation needs Ca×P; guards hypocalcaemia)", range: 0.7...0.95),
            ParameterRow("mineralisation_calcium_hill", \.mineralisationCalciumHill, "-", "steepness of that dependence",
                         "assumed", range: 2...20),
            ParameterRow("k_pthr_internalise", \.kPTHRInternalise, "1/day", "PTH1R internalisation rate per unit relative PTH (0.1 h⁻¹)",
                         "assumed (desensitisation within hours)", range: 0.5...24),
            ParameterRow("k_pthr_recycle", \.kPTHRRecycle, "1/day", "PTH1R recycling to the surface (0.01 h⁻¹; recovery ≈ 9 h at baseline)",
                         "assumed", range: 0.05...2),
            ParameterRow("pth_anabolic_k", \.pthAnabolicK, "rel.", "desensitised PTH1R signal at half-maximal anabolic programme",
                         "assumed (threshold: only fresh, strong signal)", range: 2...10),
            ParameterRow("pth_anabolic_hill", \.pthAnabolicHill, "-", "steepness of the anabolic programme",
                         "assumed", range: 2...8),
            ParameterRow("k_pth_anabolic", \.kPTHAnabolic, "1/day", "decay of the anabolic programme (CREB/RUNX2-like memory ≈ 1 day)",
                         "assumed", range: 0.2...5),
            ParameterRow("k_preosteoblast", \.kPreosteoblast, "1/day", "preosteoblast turnover (mean residence ≈ 14 d)",
                         "P&R (ROB0/OB0 with kb)", range: 0.02...0.2),
            ParameterRow("preosteoblast_differentiating_fraction", \.preosteoblastDifferentiatingFraction, "-", "share of preosteoblasts leaving by differentiation (rest: apoptosis/adipogenic exit)",
                         "assumed (lets a differentiation lever lose output; v1 had 1)", range: 0.2...0.9),
            ParameterRow("k_osteoblast", \.kOsteoblast, "1/day", "active osteoblast removal (mean life ≈ 69 d)",
                         "P&R (kb 6.05516e-4 h⁻¹)", range: 0.005...0.05),
            ParameterRow("tgf_activation_k", \.tgfActivationK, "rel.", "TGF-β (∝ OC) for half-maximal activation (commitment, OC apoptosis)",
                         "calibrated (stage 5): Pivonka structure; 1 (K = reference) let turnover collapse under sustained formation levers", range: 0.1...3),
            ParameterRow("tgf_repression_k", \.tgfRepressionK, "rel.", "TGF-β for half-maximal repression of differentiation",
                         "Pivonka (K_rep/K_act)", range: 0.1...1),
            ParameterRow("modeling_gain", \.modelingGain, "rel. OB", "lining-cell activation per unit of anabolic signal above 1 (modelling-based formation)",
                         "calibrated to D21 romosozumab (via sclerostinActivity ×0.2) by hand; assumed structure", range: 0.1...2),
            ParameterRow("swish_width", \.swishWidth, "-", "width of the smooth threshold at anabolic signal 1",
                         "assumed", range: 0.01...0.2),
            ParameterRow("sclerostin_k", \.sclerostinK, "rel.", "free sclerostin binding strength (Wnt = (1+K)/(1+K·SCL·λ))",
                         "assumed (gives 2.8× Wnt at 80% less active sclerostin)", range: 1...10),
            ParameterRow("wnt_commitment_exponent", \.wntCommitmentExponent, "-", "power of Wnt on progenitor commitment",
                         "assumed", range: 0...1),
            ParameterRow("wnt_survival_exponent", \.wntSurvivalExponent, "-", "power of Wnt on osteoblast survival",
                         "assumed", range: 0...1),
            ParameterRow("wnt_opg_exponent", \.wntOPGExponent, "-", "power of Wnt on OPG (β-catenin → OPG; lowers resorption)",
                         "assumed (Kramer 2010 MCB osteocyte β-catenin → OPG [M]); hand-tuned so romosozumab-like CTX falls", range: 0...3),
            ParameterRow("wnt_modeling_exponent", \.wntModelingExponent, "-", "power of Wnt in the modelling signal",
                         "assumed", range: 0.5...2),
            ParameterRow("k_sclerostin", \.kSclerostin, "1/day", "sclerostin elimination",
                         "Eudy (SOSTKOUT 25/24 h⁻¹)", range: 5...50),
            ParameterRow("sclerostin_pth_exponent", \.sclerostinPTHExponent, "-", "power of the desensitised PTH1R signal suppressing SOST",
                         "assumed (as v1 but on the desensitised signal)", range: 0...1),
            ParameterRow("pth_commitment_gain", \.pthCommitmentGain, "-", "commitment gain per unit anabolic programme",
                         "assumed (hand-tuned to the pulse/continuous bar)", range: 0...50),
            ParameterRow("pth_survival_gain", \.pthSurvivalGain, "-", "osteoblast survival gain per unit anabolic programme (Jilka 1999 [M])",
                         "assumed", range: 0...50),
            ParameterRow("pth_modeling_gain", \.pthModelingGain, "-", "modelling (lining-cell) gain per unit anabolic programme",
                         "calibrated to D21 teriparatide LS/TH at 12 mo (stage 3)", range: 10...300),
            ParameterRow("k_osteoclast", \.kOsteoclast, "1/day", "osteoclast removal at reference (mean life ≈ 6 d)",
                         "P&R (0.00665 h⁻¹)", range: 0.05...0.5),
            ParameterRow("k_precursor", \.kPrecursor, "1/day", "turnover of the precursor/osteomorph pool",
                         "calibrated to the RANKL-blockade bars (stage 2); Martínez-Reina 2022 variable pool, McDonald 2021 osteomorphs (structure)", range: 0.005...0.1),
            ParameterRow("fusion_fraction", \.fusionFraction, "-", "share of precursors leaving by RANKL-driven fusion at reference (rest die)",
                         "assumed (sets accumulation under blockade: ×1/(1−f) at most)", range: 0.5...0.97),
            ParameterRow("osteomorph_recycling", \.osteomorphRecycling, "-", "share of precursor influx that is recycled from osteoclasts (osteomorphs)",
                         "assumed (McDonald 2021 Cell, structure)", range: 0...0.6),
            ParameterRow("canopy_exponent", \.canopyExponent, "-", "power of active osteoblasts (canopy/reversal cells) on precursor recruitment (formation → resorption coupling)",
                         "calibrated to the commitment ×0.6 bars (stage 3); Delaisse 2020, Lassen 2017 [M] (structure)", range: 0.5...1.5),
            ParameterRow("tgf_osteoclast_apoptosis_exponent", \.tgfOsteoclastApoptosisExponent, "-", "power of TGF-β on osteoclast apoptosis",
                         "assumed (Pivonka has 1; weakened so RANKL blockade is not buffered)", range: 0...1),
            ParameterRow("rankl_survival_exponent", \.ranklSurvivalExponent, "-", "RANK signalling on osteoclast survival (removal ∝ signal^−s)",
                         "P&R Lsurv (structure); kept at 0: s = 1 drove RANKL blockade into a low-turnover trap (P1NP −93%, no rebound)", range: 0...0.5),
            ParameterRow("rankl_recruitment_exponent", \.ranklRecruitmentExponent, "-", "RANK signalling on precursor recruitment (influx ∝ signal^ρ)",
                         "assumed", range: 0...1),
            ParameterRow("canopy_independent_share", \.canopyIndependentShare, "-", "share of precursor recruitment that does not need the osteoblast canopy",
                         "assumed", range: 0...0.5),
            ParameterRow("rankl_osteocyte_share", \.ranklOsteocyteShare, "-", "share of RANKL made by osteocytes (rest: preosteoblasts)",
                         "Nakashima 2011 Nat Med, Xiong 2011 Nat Med: osteocytes the main source in adult remodelling [M]; value assumed", range: 0.3...0.9),
            ParameterRow("opg_osteoblast_share", \.opgOsteoblastShare, "-", "share of OPG made by osteoblasts (rest: osteocytes)",
                         "assumed (Kramer 2010 [M])", range: 0...0.6),
            ParameterRow("apoptotic_osteocyte_rankl", \.apoptoticOsteocyteRANKL, "-", "extra osteocyte RANKL per unit extra osteocyte apoptosis (targeted remodelling signal)",
                         "assumed (apoptotic osteocytes signal targeted remodelling: Cardoso 2009, Jilka 2013 [M])", range: 0...1),
            ParameterRow("opg_sequestration", \.opgSequestration, "-", "K_A1·OPG at reference (OPG binds ≈ 95% of RANKL)",
                         "Pivonka", range: 5...50),
            ParameterRow("rank_sequestration", \.rankSequestration, "-", "K_A2·RANK at reference",
                         "Pivonka", range: 0.1...1),
            ParameterRow("rankl_saturation_k", \.ranklSaturationK, "rel.", "free RANKL for half-maximal osteoclastogenesis",
                         "calibrated to the RANKL-blockade bars (stage 2)", range: 1...20),
            ParameterRow("pth_rankl_exponent", \.pthRANKLExponent, "-", "power of sustained PTH on RANKL",
                         "assumed (Pivonka's π_act is ≈ linear; weakened: the Ca→PTH→turnover loop damped bone loss)", range: 0.2...1),
            ParameterRow("pth_opg_exponent", \.pthOPGExponent, "-", "power of sustained PTH lowering OPG",
                         "assumed (Pivonka's π_rep ≈ 1/PTH; weakened as above)", range: 0.2...1),
            ParameterRow("k_opg", \.kOPG, "1/day", "OPG degradation",
                         "Pivonka (D_OPG 0.35 d⁻¹)", range: 0.1...1),
            ParameterRow("k_osteocyte", \.kOsteocyte, "1/day", "osteocyte turnover (mean life 25 y)",
                         "assumed (as v1)", range: 1e-5...1e-3),
            ParameterRow("trabecular_turnover", \.trabecularTurnover, "1/year", "trabecular bone resorbed per year at reference (25%/y)",
                         "Parfitt 1984 [M] (≈ 26%/y cancellous)", range: 0.1...0.4),
            ParameterRow("cortical_turnover", \.corticalTurnover, "1/year", "cortical bone resorbed per year at reference (4%/y)",
                         "Parfitt 1984 [M] (≈ 3%/y cortical)", range: 0.01...0.08),
            ParameterRow("trabecular_refill_period", \.trabecularRefillPeriod, "day", "mean residence of resorbed cancellous volume before it is refilled (sets the remodelling space an antiresorptive closes)",
                         "calibrated (`osteosim-calibrate remodelling-space`: Mortensen 1998 LS, weekly risedronate CTX, FREEDOM TH and LS at 36 months, with issue 12's lever bars and FREEDOM's spine bar as hinges; 140 d is the best point that keeps every bar); bounds from Eriksen 1986 [M]: reversal ≈ 10 d + half the formation period ≈ 80 d, up to the whole remodelling period ≈ 155 d (150 d until 2026-12-01)", range: 80...250),
            ParameterRow("cortical_refill_period", \.corticalRefillPeriod, "day", "reversal + formation period, cortical BMU",
                         "Eriksen 1986 [M] (cortical remodelling period ≈ 120 d)", range: 60...200),
            ParameterRow("refill_speed_exponent", \.refillSpeedExponent, "-", "power of osteoblasts-per-cavity on the refill rate (fewer OB: longer formation period)",
                         "assumed", range: 0...0.8),
            ParameterRow("surplus_refill_speed_exponent", \.surplusRefillSpeedExponent, "-", "power of osteoblasts-per-cavity on the refill rate when there are more than at reference (u > 1; blended at u = 1 like the balance amplitude)",
                         "assumed: as for a deficit (0.5); 0.1 fits the bisphosphonate marker and BMD data better but breaks issue 12's RANKL-blockade and recovery bars and FREEDOM's spine bar (`osteosim-calibrate remodelling-space`; docs/model.md, limitation 12)", range: 0...0.8),
            ParameterRow("balance_slope", \.balanceSlope, "-", "per-BMU balance change per unit relative osteoblasts-per-cavity at 1",
                         "assumed (GIOP wall width −25–40% at OB ×0.5 [M])", range: 0.3...2),
            ParameterRow("cortical_targeted_remodeling", \.corticalTargetedRemodeling, "-", "extra cortical activation per unit extra osteocyte apoptosis (targeted intracortical remodelling)",
                         "calibrated to A1/A3 GC hip/spine ratio (stage 4); Cardoso 2009, Emerton 2010 [M] (structure)", range: 0...2),
            ParameterRow("balance_deficit_amplitude", \.balanceDeficitAmplitude, "-", "largest per-BMU deficit",
                         "calibrated with the GC stage-1 targets (v2, 2026-12-02, `osteosim-calibrate gc`: 0.25 on a grid 0.2–0.4; 0.4 assumed before): reached only when osteoblasts per cavity fall short; below 0.2 issue 12's commitment-deceleration bar fails", range: 0.1...0.8),
            ParameterRow("balance_overfill_amplitude", \.balanceOverfillAmplitude, "-", "largest per-BMU overfill",
                         "assumed (small; larger values kept BMD after stopping RANKL blockade); searched 2026-12-01 with the remodelling space (`osteosim-calibrate remodelling-space`: 0.01 fits the bisphosphonate data better, but only 0.05 keeps issue 12's bars)", range: 0...0.3),
            ParameterRow("spine_trabecular_share", \.spineTrabecularShare, "-", "trabecular share of lumbar-spine (AP DXA) mineral",
                         "assumed (vertebral body trabecular-rich, posterior elements cortical)", range: 0.3...0.7),
            ParameterRow("hip_trabecular_share", \.hipTrabecularShare, "-", "trabecular share of total-hip mineral",
                         "assumed", range: 0.1...0.5),
            ParameterRow("skeleton_trabecular_share", \.skeletonTrabecularShare, "-", "trabecular share of skeletal calcium (calcium fluxes)",
                         "textbook 20/80 [M]", range: 0.1...0.35),
            ParameterRow("trabecular_modeling_surface", \.trabecularModelingSurface, "-", "quiescent surface available for modelling formation, trabecular (× k_T·OBm)",
                         "assumed", range: 0.2...3),
            ParameterRow("cortical_modeling_surface", \.corticalModelingSurface, "-", "same, cortical envelopes",
                         "calibrated to D21 TH (stage 3; at its lower grid bound)", range: 0.05...1),
            ParameterRow("hip_load_weight", \.hipLoadWeight, "-", "how much of the mechanicalLoading lever reaches the hip",
                         "assumed (disuse loses mainly at the hip)", range: 0.5...1),
            ParameterRow("spine_load_weight", \.spineLoadWeight, "-", "how much reaches the spine",
                         "assumed", range: 0...0.5),
            ParameterRow("load_activation_exponent", \.loadActivationExponent, "-", "local activation ∝ sensed load^−γ (disuse raises activation)",
                         "assumed", range: 0...2),
            ParameterRow("load_balance_exponent", \.loadBalanceExponent, "-", "local per-BMU balance ∝ sensed load^γ",
                         "assumed", range: 0...1),
            ParameterRow("osteocyte_sensing_exponent", \.osteocyteSensingExponent, "-", "sensed load ∝ osteocytes^γ (fewer osteocytes sense less)",
                         "assumed", range: 0...2),
            ParameterRow("primary_mineral_fraction", \.primaryMineralFraction, "-", "mineral reached by primary mineralisation (fraction of full)",
                         "Boivin & Meunier 2002 [M] (50–70% within days); v1 used M-R 0.274", range: 0.25...0.75),
            ParameterRow("k_secondary_mineralisation", \.kSecondaryMineralisation, "1/day", "secondary mineralisation rate",
                         "M-R (0.007 d⁻¹)", range: 0.001...0.02),
            ParameterRow("age_deficit_onset", \.ageDeficitOnset, "year", "age at which the per-BMU deficit begins",
                         "assumed (as v1)", range: 40...60),
            ParameterRow("age_deficit_per_year", \.ageDeficitPerYear, "1/year", "per-BMU refill deficit added per year of age after onset",
                         "calibrated to D2 FREEDOM placebo TH + F2 NHANES (stage 1)", range: 0...0.005),
            ParameterRow("menopause_transient_rankl", \.menopauseTransientRANKL, "-", "extra RANKL production just after menopause",
                         "calibrated (stage 1; v1 assumed 2)", range: 0...3),
            ParameterRow("menopause_persistent_rankl", \.menopausePersistentRANKL, "-", "extra RANKL production persisting after menopause",
                         "calibrated (stage 1; at the lower grid bound)", range: 0...0.3),
            ParameterRow("menopause_transient_years", \.menopauseTransientYears, "year", "Lorentzian width of the transient",
                         "M-R (ξ 65, τ 30 d)", range: 1...10),
            ParameterRow("ctx_ref", \.ctxReference, "ng/mL", "serum CTX of the reference adult",
                         "F6 geometric mean (Eastell 2012)", range: 0.1...0.8),
            ParameterRow("p1np_ref", \.p1npReference, "ng/mL", "serum P1NP of the reference adult",
                         "F6 geometric mean (Eastell 2012)", range: 15...85),
    ]
}
