import Foundation
/// One documented v2 parameter: the ``ModelParameter`` fields plus the accepted range (the
/// interval in which the model has been exercised and its bars hold; outside it, results are
/// extrapolation).
public struct RangedModelParameter: Sendable {
    public let base: ModelParameter
    public let range: ClosedRange<Double>
    public init(_ name: String, _ value: Double, _ unit: String, _ meaning: String, _ source: String, _ range: ClosedRange<Double>) {
        base = ModelParameter(name, value, unit, meaning, source)
        self.range = range
    }
    public var name: String { base.name }
    public var value: Double { base.value }
}

/// Parameters of core model v2 (docs/research/core-v2.md). Values live here once; ``table`` gives
/// each one's unit, meaning, source and accepted range.
///
/// Sources: P&R = Peterson & Riggs, Bone 2010;46:49–63; Pivonka = Pivonka et al., Bone 2008;43:249;
/// M-R = Martínez-Reina & Pivonka, Bone 2019;125:87; Eriksen = Eriksen EF, Endocr Rev 1986;7:379 and
/// Bone 1994 (histomorphometric remodelling periods); Parfitt = Parfitt AM, Calcif Tissue Int 1984
/// (trabecular vs cortical turnover). "assumed" = chosen without a fit; "calibrated to X" = fitted
/// by the search in Sources/osteosim-v2-probe (docs/research/core-v2.md §Calibration).
public struct BoneModelV2Parameters: Sendable, Equatable {
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
    public var trabecularTurnover = 0.25 / 365.25
    public var corticalTurnover = 0.04 / 365.25
    public var trabecularRefillPeriod = 150.0
    public var corticalRefillPeriod = 120.0
    public var refillSpeedExponent = 0.5
    public var balanceSlope = 1.0
    public var corticalTargetedRemodeling = 1.0
    public var balanceDeficitAmplitude = 0.4
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

extension BoneModelV2Parameters {
    /// Every v2 parameter: value, unit, meaning, source, accepted range. [M] = from memory, to be
    /// checked against the cited paper; "calibrated to X" = chosen by the search in
    /// Sources/osteosim-v2-probe/Calibration.swift against X.
    public static let table: [RangedModelParameter] = {
        let p = BoneModelV2Parameters()
        typealias R = RangedModelParameter
        return [
            // Calcium / PTH / vitamin D
            R("calcium0", p.calcium0, "mmol/L", "reference plasma calcium", "P&R (32.9 mmol in 14 L)", 2.2...2.5),
            R("ecfVolume", p.ecfVolume, "L", "extracellular fluid volume", "P&R (V1)", 10...20),
            R("pth0", p.pth0, "pmol/L", "reference plasma PTH", "P&R (53.9 pmol in 14 L)", 1...10),
            R("calcitriol0", p.calcitriol0, "pmol/L", "reference plasma calcitriol", "P&R (1260 pmol in 14 L)", 40...150),
            R("kPTH", p.kPTH, "1/day", "PTH elimination rate (t½ ≈ 6 min)", "P&R (kout 100/14 h⁻¹)", 50...300),
            R("pthSetPoint", p.pthSetPoint, "mmol/L", "calcium at half-maximal PTH secretion", "assumed (gives maximal secretion ≈ 4.4× reference; v1 had 2.30 → 2.5× cap)", 2.0...2.4),
            R("pthHill", p.pthHill, "-", "steepness of the Ca–PTH secretion curve", "assumed (as v1)", 5...40),
            R("pthMaxToMin", p.pthMaxToMin, "-", "maximal to minimal PTH secretion ratio", "assumed (as v1)", 10...100),
            R("kGland", p.kGland, "1/day", "adaptation rate of parathyroid secretory capacity", "assumed (P&R PTmax adapts over weeks)", 0.005...0.2),
            R("glandExponent", p.glandExponent, "-", "capacity reached per unit sustained secretion demand (G_ss = S_rel^γ)", "assumed", 0...1),
            R("kHydroxylase", p.kHydroxylase, "1/day", "1α-hydroxylase turnover", "P&R (T64 0.05 h⁻¹)", 0.3...5),
            R("hydroxylasePTHExponent", p.hydroxylasePTHExponent, "-", "power of PTH on 1α-hydroxylase", "assumed (as v1)", 0.2...1),
            R("kCalcitriol", p.kCalcitriol, "1/day", "calcitriol elimination", "P&R (T69 0.10 h⁻¹)", 1...5),
            R("kGutAbsorption", p.kGutAbsorption, "1/day", "adaptation of gut Ca absorption to calcitriol", "assumed (as v1)", 0.1...2),
            R("gutCalcitriolExponent", p.gutCalcitriolExponent, "-", "power of calcitriol on gut absorption", "assumed (as v1)", 0.2...1),
            R("dietaryCalcium", p.dietaryCalcium, "mmol/day", "dietary calcium (≈ 964 mg/day)", "P&R (OralCa 24.055/24 mmol/h)", 10...50),
            R("fractionAbsorbed0", p.fractionAbsorbed0, "-", "net fraction of dietary Ca absorbed at reference", "assumed (as v1)", 0.1...0.4),
            R("urineCalciumExponent", p.urineCalciumExponent, "-", "power of plasma Ca on urinary Ca", "assumed (as v1)", 2...10),
            R("urinePTHExponent", p.urinePTHExponent, "-", "power of PTH lowering urinary Ca", "assumed (as v1)", 0...1),
            R("exchangeableCalcium0", p.exchangeableCalcium0, "mmol", "exchangeable bone calcium pool at reference", "P&R (Q0 = 100 mmol)", 50...200),
            R("kExchange", p.kExchange, "1/day", "exchange rate of that pool with ECF (ECF re-equilibrates in ≈ 2 h)", "assumed", 0.5...20),
            R("exchangePTHExponent", p.exchangePTHExponent, "-", "PTH shift of the exchange equilibrium towards ECF", "assumed (0.5 gave 3.4 mmol/L peaks with daily teriparatide pulses)", 0...0.3),
            R("boneCalciumTotal", p.boneCalciumTotal, "mmol", "skeletal calcium (the four envelopes stand for the skeleton)", "P&R (Qbone0 = 24 900 mmol)", 15_000...35_000),
            R("mineralisationCalciumK", p.mineralisationCalciumK, "rel.", "plasma Ca (rel.) at half-maximal mineral deposition", "assumed (mineralisation needs Ca×P; guards hypocalcaemia)", 0.7...0.95),
            R("mineralisationCalciumHill", p.mineralisationCalciumHill, "-", "steepness of that dependence", "assumed", 2...20),
            // PTH receptor
            R("kPTHRInternalise", p.kPTHRInternalise, "1/day", "PTH1R internalisation rate per unit relative PTH (0.1 h⁻¹)", "assumed (desensitisation within hours)", 0.5...24),
            R("kPTHRRecycle", p.kPTHRRecycle, "1/day", "PTH1R recycling to the surface (0.01 h⁻¹; recovery ≈ 9 h at baseline)", "assumed", 0.05...2),
            R("pthAnabolicK", p.pthAnabolicK, "rel.", "desensitised PTH1R signal at half-maximal anabolic programme", "assumed (threshold: only fresh, strong signal)", 2...10),
            R("pthAnabolicHill", p.pthAnabolicHill, "-", "steepness of the anabolic programme", "assumed", 2...8),
            R("kPTHAnabolic", p.kPTHAnabolic, "1/day", "decay of the anabolic programme (CREB/RUNX2-like memory ≈ 1 day)", "assumed", 0.2...5),
            // Osteoblast lineage
            R("kPreosteoblast", p.kPreosteoblast, "1/day", "preosteoblast turnover (mean residence ≈ 14 d)", "P&R (ROB0/OB0 with kb)", 0.02...0.2),
            R("preosteoblastDifferentiatingFraction", p.preosteoblastDifferentiatingFraction, "-", "share of preosteoblasts leaving by differentiation (rest: apoptosis/adipogenic exit)", "assumed (lets a differentiation lever lose output; v1 had 1)", 0.2...0.9),
            R("kOsteoblast", p.kOsteoblast, "1/day", "active osteoblast removal (mean life ≈ 69 d)", "P&R (kb 6.05516e-4 h⁻¹)", 0.005...0.05),
            R("tgfActivationK", p.tgfActivationK, "rel.", "TGF-β (∝ OC) for half-maximal activation (commitment, OC apoptosis)", "calibrated (stage 5): Pivonka structure; 1 (K = reference) let turnover collapse under sustained formation levers", 0.1...3),
            R("tgfRepressionK", p.tgfRepressionK, "rel.", "TGF-β for half-maximal repression of differentiation", "Pivonka (K_rep/K_act)", 0.1...1),
            R("modelingGain", p.modelingGain, "rel. OB", "lining-cell activation per unit of anabolic signal above 1 (modelling-based formation)", "calibrated to D21 romosozumab (via sclerostinActivity ×0.2) by hand; assumed structure", 0.1...2),
            R("swishWidth", p.swishWidth, "-", "width of the smooth threshold at anabolic signal 1", "assumed", 0.01...0.2),
            // Wnt / sclerostin
            R("sclerostinK", p.sclerostinK, "rel.", "free sclerostin binding strength (Wnt = (1+K)/(1+K·SCL·λ))", "assumed (gives 2.8× Wnt at 80% less active sclerostin)", 1...10),
            R("wntCommitmentExponent", p.wntCommitmentExponent, "-", "power of Wnt on progenitor commitment", "assumed", 0...1),
            R("wntSurvivalExponent", p.wntSurvivalExponent, "-", "power of Wnt on osteoblast survival", "assumed", 0...1),
            R("wntOPGExponent", p.wntOPGExponent, "-", "power of Wnt on OPG (β-catenin → OPG; lowers resorption)", "assumed (Kramer 2010 MCB osteocyte β-catenin → OPG [M]); hand-tuned so romosozumab-like CTX falls", 0...3),
            R("wntModelingExponent", p.wntModelingExponent, "-", "power of Wnt in the modelling signal", "assumed", 0.5...2),
            R("kSclerostin", p.kSclerostin, "1/day", "sclerostin elimination", "Eudy (SOSTKOUT 25/24 h⁻¹)", 5...50),
            R("sclerostinPTHExponent", p.sclerostinPTHExponent, "-", "power of the desensitised PTH1R signal suppressing SOST", "assumed (as v1 but on the desensitised signal)", 0...1),
            // PTH anabolic effects
            R("pthCommitmentGain", p.pthCommitmentGain, "-", "commitment gain per unit anabolic programme", "assumed (hand-tuned to the pulse/continuous bar)", 0...50),
            R("pthSurvivalGain", p.pthSurvivalGain, "-", "osteoblast survival gain per unit anabolic programme (Jilka 1999 [M])", "assumed", 0...50),
            R("pthModelingGain", p.pthModelingGain, "-", "modelling (lining-cell) gain per unit anabolic programme", "calibrated to D21 teriparatide LS/TH at 12 mo (stage 3)", 10...300),
            // Osteoclast lineage
            R("kOsteoclast", p.kOsteoclast, "1/day", "osteoclast removal at reference (mean life ≈ 6 d)", "P&R (0.00665 h⁻¹)", 0.05...0.5),
            R("kPrecursor", p.kPrecursor, "1/day", "turnover of the precursor/osteomorph pool", "calibrated to the RANKL-blockade bars (stage 2); Martínez-Reina 2022 variable pool, McDonald 2021 osteomorphs (structure)", 0.005...0.1),
            R("fusionFraction", p.fusionFraction, "-", "share of precursors leaving by RANKL-driven fusion at reference (rest die)", "assumed (sets accumulation under blockade: ×1/(1−f) at most)", 0.5...0.97),
            R("osteomorphRecycling", p.osteomorphRecycling, "-", "share of precursor influx that is recycled from osteoclasts (osteomorphs)", "assumed (McDonald 2021 Cell, structure)", 0...0.6),
            R("canopyExponent", p.canopyExponent, "-", "power of active osteoblasts (canopy/reversal cells) on precursor recruitment (formation → resorption coupling)", "calibrated to the commitment ×0.6 bars (stage 3); Delaisse 2020, Lassen 2017 [M] (structure)", 0.5...1.5),
            R("tgfOsteoclastApoptosisExponent", p.tgfOsteoclastApoptosisExponent, "-", "power of TGF-β on osteoclast apoptosis", "assumed (Pivonka has 1; weakened so RANKL blockade is not buffered)", 0...1),
            R("ranklSurvivalExponent", p.ranklSurvivalExponent, "-", "RANK signalling on osteoclast survival (removal ∝ signal^−s)", "P&R Lsurv (structure); kept at 0: s = 1 drove RANKL blockade into a low-turnover trap (P1NP −93%, no rebound)", 0...0.5),
            R("ranklRecruitmentExponent", p.ranklRecruitmentExponent, "-", "RANK signalling on precursor recruitment (influx ∝ signal^ρ)", "assumed", 0...1),
            R("canopyIndependentShare", p.canopyIndependentShare, "-", "share of precursor recruitment that does not need the osteoblast canopy", "assumed", 0...0.5),
            R("ranklOsteocyteShare", p.ranklOsteocyteShare, "-", "share of RANKL made by osteocytes (rest: preosteoblasts)", "Nakashima 2011 Nat Med, Xiong 2011 Nat Med: osteocytes the main source in adult remodelling [M]; value assumed", 0.3...0.9),
            R("opgOsteoblastShare", p.opgOsteoblastShare, "-", "share of OPG made by osteoblasts (rest: osteocytes)", "assumed (Kramer 2010 [M])", 0...0.6),
            R("apoptoticOsteocyteRANKL", p.apoptoticOsteocyteRANKL, "-", "extra osteocyte RANKL per unit extra osteocyte apoptosis (targeted remodelling signal)", "assumed (apoptotic osteocytes signal targeted remodelling: Cardoso 2009, Jilka 2013 [M])", 0...1),
            R("opgSequestration", p.opgSequestration, "-", "K_A1·OPG at reference (OPG binds ≈ 95% of RANKL)", "Pivonka", 5...50),
            R("rankSequestration", p.rankSequestration, "-", "K_A2·RANK at reference", "Pivonka", 0.1...1),
            R("ranklSaturationK", p.ranklSaturationK, "rel.", "free RANKL for half-maximal osteoclastogenesis", "calibrated to the RANKL-blockade bars (stage 2)", 1...20),
            R("pthRANKLExponent", p.pthRANKLExponent, "-", "power of sustained PTH on RANKL", "assumed (Pivonka's π_act is ≈ linear; weakened: the Ca→PTH→turnover loop damped bone loss)", 0.2...1),
            R("pthOPGExponent", p.pthOPGExponent, "-", "power of sustained PTH lowering OPG", "assumed (Pivonka's π_rep ≈ 1/PTH; weakened as above)", 0.2...1),
            R("kOPG", p.kOPG, "1/day", "OPG degradation", "Pivonka (D_OPG 0.35 d⁻¹)", 0.1...1),
            R("kOsteocyte", p.kOsteocyte, "1/day", "osteocyte turnover (mean life 25 y)", "assumed (as v1)", 1e-5...1e-3),
            // Envelopes
            R("trabecularTurnover", p.trabecularTurnover, "1/day", "trabecular bone resorbed per day at reference (25%/y)", "Parfitt 1984 [M] (≈ 26%/y cancellous)", 0.1 / 365.25...0.4 / 365.25),
            R("corticalTurnover", p.corticalTurnover, "1/day", "cortical bone resorbed per day at reference (4%/y)", "Parfitt 1984 [M] (≈ 3%/y cortical)", 0.01 / 365.25...0.08 / 365.25),
            R("trabecularRefillPeriod", p.trabecularRefillPeriod, "day", "reversal + formation period, cancellous BMU", "Eriksen 1986 Endocr Rev [M] (formation ≈ 145 d, reversal ≈ 10 d)", 80...250),
            R("corticalRefillPeriod", p.corticalRefillPeriod, "day", "reversal + formation period, cortical BMU", "Eriksen 1986 [M] (cortical remodelling period ≈ 120 d)", 60...200),
            R("refillSpeedExponent", p.refillSpeedExponent, "-", "power of osteoblasts-per-cavity on the refill rate (fewer OB: longer formation period)", "assumed", 0...0.8),
            R("balanceSlope", p.balanceSlope, "-", "per-BMU balance change per unit relative osteoblasts-per-cavity at 1", "assumed (GIOP wall width −25–40% at OB ×0.5 [M])", 0.3...2),
            R("corticalTargetedRemodeling", p.corticalTargetedRemodeling, "-", "extra cortical activation per unit extra osteocyte apoptosis (targeted intracortical remodelling)", "calibrated to A1/A3 GC hip/spine ratio (stage 4); Cardoso 2009, Emerton 2010 [M] (structure)", 0...2),
            R("balanceDeficitAmplitude", p.balanceDeficitAmplitude, "-", "largest per-BMU deficit", "assumed", 0.1...0.8),
            R("balanceOverfillAmplitude", p.balanceOverfillAmplitude, "-", "largest per-BMU overfill", "assumed (small; larger values kept BMD after stopping RANKL blockade)", 0...0.3),
            R("spineTrabecularShare", p.spineTrabecularShare, "-", "trabecular share of lumbar-spine (AP DXA) mineral", "assumed (vertebral body trabecular-rich, posterior elements cortical)", 0.3...0.7),
            R("hipTrabecularShare", p.hipTrabecularShare, "-", "trabecular share of total-hip mineral", "assumed", 0.1...0.5),
            R("skeletonTrabecularShare", p.skeletonTrabecularShare, "-", "trabecular share of skeletal calcium (calcium fluxes)", "textbook 20/80 [M]", 0.1...0.35),
            R("trabecularModelingSurface", p.trabecularModelingSurface, "-", "quiescent surface available for modelling formation, trabecular (× k_T·OBm)", "assumed", 0.2...3),
            R("corticalModelingSurface", p.corticalModelingSurface, "-", "same, cortical envelopes", "calibrated to D21 TH (stage 3; at its lower grid bound)", 0.05...1),
            R("hipLoadWeight", p.hipLoadWeight, "-", "how much of the mechanicalLoading lever reaches the hip", "assumed (disuse loses mainly at the hip)", 0.5...1),
            R("spineLoadWeight", p.spineLoadWeight, "-", "how much reaches the spine", "assumed", 0...0.5),
            R("loadActivationExponent", p.loadActivationExponent, "-", "local activation ∝ sensed load^−γ (disuse raises activation)", "assumed", 0...2),
            R("loadBalanceExponent", p.loadBalanceExponent, "-", "local per-BMU balance ∝ sensed load^γ", "assumed", 0...1),
            R("osteocyteSensingExponent", p.osteocyteSensingExponent, "-", "sensed load ∝ osteocytes^γ (fewer osteocytes sense less)", "assumed", 0...2),
            R("primaryMineralFraction", p.primaryMineralFraction, "-", "mineral reached by primary mineralisation (fraction of full)", "Boivin & Meunier 2002 [M] (50–70% within days); v1 used M-R 0.274", 0.25...0.75),
            R("kSecondaryMineralisation", p.kSecondaryMineralisation, "1/day", "secondary mineralisation rate", "M-R (0.007 d⁻¹)", 0.001...0.02),
            // Age and menopause
            R("ageDeficitOnset", p.ageDeficitOnset, "year", "age at which the per-BMU deficit begins", "assumed (as v1)", 40...60),
            R("ageDeficitPerYear", p.ageDeficitPerYear, "1/year", "per-BMU refill deficit added per year of age after onset", "calibrated to D2 FREEDOM placebo TH + F2 NHANES (stage 1)", 0...0.005),
            R("menopauseTransientRANKL", p.menopauseTransientRANKL, "-", "extra RANKL production just after menopause", "calibrated (stage 1; v1 assumed 2)", 0...3),
            R("menopausePersistentRANKL", p.menopausePersistentRANKL, "-", "extra RANKL production persisting after menopause", "calibrated (stage 1; at the lower grid bound)", 0...0.3),
            R("menopauseTransientYears", p.menopauseTransientYears, "year", "Lorentzian width of the transient", "M-R (ξ 65, τ 30 d)", 1...10),
            // Markers
            R("ctxReference", p.ctxReference, "ng/mL", "serum CTX of the reference adult", "F6 geometric mean (Eastell 2012)", 0.1...0.8),
            R("p1npReference", p.p1npReference, "ng/mL", "serum P1NP of the reference adult", "F6 geometric mean (Eastell 2012)", 15...85),
        ]
    }()

    /// Markdown table of ``table``.
    public static func markdown() -> String {
        var s = "| name | value | unit | meaning | source | accepted range |\n|---|---|---|---|---|---|\n"
        for r in table {
            s += "| `\(r.name)` | \(String(format: "%.6g", r.value)) | \(r.base.unit) | \(r.base.meaning) | \(r.base.source) | \(String(format: "%.4g", r.range.lowerBound))–\(String(format: "%.4g", r.range.upperBound)) |\n"
        }
        return s
    }
}
