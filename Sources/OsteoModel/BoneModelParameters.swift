/// Parameters of the OsteoSim core model. Each value is defined once here, with its unit,
/// meaning and source in ``table``; the model reads the stored properties.
///
/// Sources: P&R = Peterson MC, Riggs MM, Bone 2010;46:49–63 (values as in the curated SBML
/// BIOMD0000000613 and model-notes §3.2); Pivonka = Pivonka P et al., Bone 2008;43:249–263;
/// M-R = Martínez-Reina J, Pivonka P, Bone 2019;125:87–95; Eudy = Eudy RJ et al., CPT:PSP 2015.
/// "assumed" marks a value chosen without a fit (its effect is documented in docs/model.md);
/// "calibrated to X" marks a value fitted to validation case X.
public struct BoneModelParameters: ParameterSet {
    // Calcium / PTH / vitamin D
    public var calcium0 = 2.35
    public var ecfVolume = 14.0
    public var pth0 = 3.85
    public var calcitriol0 = 90.0
    public var kPTH = 24 * 100.0 / 14
    public var pthSetPoint = 2.30
    public var pthHill = 20.0
    public var pthMaxToMin = 50.0
    public var kHydroxylase = 24 * 0.05
    public var hydroxylasePTHExponent = 0.5
    public var kCalcitriol = 24 * 0.10
    public var kGutAbsorption = 0.5
    public var gutCalcitriolExponent = 0.5
    public var dietaryCalcium = 24.055
    public var fractionAbsorbed0 = 0.25
    public var urineCalciumExponent = 6.0
    public var urinePTHExponent = 0.3
    public var boneCalciumTurnover = 10.0
    // Bone cells
    public var kOsteoclast = 0.16
    public var kOsteoblast = 24 * 6.05516e-4
    public var kPreosteoblast = 1 / 14.3
    public var tgfActivationK = 1.0
    public var tgfRepressionK = 0.31
    public var opgSequestration = 18.0
    public var rankSequestration = 0.34
    public var ranklSaturationK = 3.0
    public var pthRANKLActivationK = 150.0
    public var pthOPGRepressionK = 0.2226
    public var kOPG = 0.35
    public var kOsteocyte = 1 / (25 * 365.25)
    public var kSclerostin = 25.0
    public var sclerostinPTHExponent = 0.5
    public var sclerostinOBExponent = 0.1623
    // Bone mineral
    public var spineTurnover = 0.12
    public var hipTurnover = 0.05
    public var mineralisationLag = 12.0
    public var primaryMineralFraction = 0.121 / 0.442
    public var kSecondaryMineralisation = 0.007
    // Age and menopause (explicit terms)
    public var ageDeficitOnset = 50.0
    public var ageDeficitPerYear = 0.006
    public var menopauseTransientRANKL = 2.0
    public var menopausePersistentRANKL = 0.05
    public var menopauseTransientYears = 65 * 30 / 365.25
    // Markers
    public var ctxReference = 0.296
    public var p1npReference = 38.0

    public init() {}

    /// Accepted range of a rate or constant with no physical bound of its own: a tenth to ten
    /// times its default (the model has not been exercised beyond it).
    static func tenfold(_ v: Double) -> ClosedRange<Double> { (v / 10)...(v * 10) }

    /// Every parameter (generated into docs/parameters.md; names are what `parameters:` takes).
    public static let table: [ParameterRow<BoneModelParameters>] = {
        let d = BoneModelParameters()
        return [
            ParameterRow("calcium_ref", \.calcium0, "mmol/L", "reference plasma calcium",
                         "P&R (P0 = 32.9 mmol in 14 L)", range: 2.1...2.6),
            ParameterRow("ecf_volume", \.ecfVolume, "L", "extracellular fluid volume",
                         "P&R (V1)", range: 10...20),
            ParameterRow("pth_ref", \.pth0, "pmol/L", "reference plasma PTH",
                         "P&R (PTH0 = 53.9 pmol in 14 L)", range: 1.5...7),
            ParameterRow("calcitriol_ref", \.calcitriol0, "pmol/L", "reference plasma calcitriol",
                         "P&R (B0 = 1260 pmol in 14 L)", range: 40...160),
            ParameterRow("k_pth", \.kPTH, "1/day", "PTH elimination rate (t½ ≈ 6 min)",
                         "P&R (kout = 100/14 h⁻¹)", range: Self.tenfold(d.kPTH)),
            ParameterRow("pth_set_point", \.pthSetPoint, "mmol/L", "calcium at half-maximal PTH secretion",
                         "assumed (reduced gland model)", range: 2.0...2.6),
            ParameterRow("pth_hill", \.pthHill, "-", "steepness of the Ca–PTH secretion curve",
                         "assumed (reduced gland model)", range: 1...40),
            ParameterRow("pth_max_to_min", \.pthMaxToMin, "-", "ratio of maximal to minimal PTH secretion",
                         "assumed (reduced gland model)", range: 2...100),
            ParameterRow("k_hydroxylase", \.kHydroxylase, "1/day", "1α-hydroxylase turnover",
                         "P&R (T64 = 0.05 h⁻¹)", range: Self.tenfold(d.kHydroxylase)),
            ParameterRow("hydroxylase_pth_exponent", \.hydroxylasePTHExponent, "-", "power of PTH on 1α-hydroxylase",
                         "assumed", range: Self.tenfold(d.hydroxylasePTHExponent)),
            ParameterRow("k_calcitriol", \.kCalcitriol, "1/day", "calcitriol elimination rate",
                         "P&R (T69 = 0.10 h⁻¹)", range: Self.tenfold(d.kCalcitriol)),
            ParameterRow("k_gut_absorption", \.kGutAbsorption, "1/day", "adaptation rate of gut Ca absorption to calcitriol",
                         "assumed", range: Self.tenfold(d.kGutAbsorption)),
            ParameterRow("gut_calcitriol_exponent", \.gutCalcitriolExponent, "-", "power of calcitriol on gut Ca absorption",
                         "assumed", range: Self.tenfold(d.gutCalcitriolExponent)),
            ParameterRow("dietary_calcium", \.dietaryCalcium, "mmol/day", "dietary calcium (≈ 964 mg/day)",
                         "P&R (OralCa = 24.055/24 mmol/h)", range: 5...60),
            ParameterRow("fraction_absorbed_ref", \.fractionAbsorbed0, "-", "net fraction of dietary Ca absorbed at reference",
                         "assumed (typical adult net absorption)", range: 0.05...0.6),
            ParameterRow("urine_calcium_exponent", \.urineCalciumExponent, "-", "power of plasma Ca on urinary Ca",
                         "assumed", range: Self.tenfold(d.urineCalciumExponent)),
            ParameterRow("urine_pth_exponent", \.urinePTHExponent, "-", "power of PTH lowering urinary Ca (tubular reabsorption)",
                         "assumed", range: Self.tenfold(d.urinePTHExponent)),
            ParameterRow("bone_calcium_turnover", \.boneCalciumTurnover, "mmol/day", "Ca resorbed (= formed) by remodeling at reference (≈ 400 mg/day)",
                         "assumed", range: Self.tenfold(d.boneCalciumTurnover)),
            ParameterRow("k_osteoclast", \.kOsteoclast, "1/day", "osteoclast removal rate at reference (mean life ≈ 6 d)",
                         "P&R (baseline OC loss 0.00665 h⁻¹)", range: Self.tenfold(d.kOsteoclast)),
            ParameterRow("k_osteoblast", \.kOsteoblast, "1/day", "active osteoblast removal rate (mean life ≈ 69 d)",
                         "P&R (kb = 6.05516e-4 h⁻¹)", range: Self.tenfold(d.kOsteoblast)),
            ParameterRow("k_preosteoblast", \.kPreosteoblast, "1/day", "preosteoblast (ROB) differentiation rate (mean residence ≈ 14 d)",
                         "P&R (ROB0/OB0 = 0.2077 with kb)", range: Self.tenfold(d.kPreosteoblast)),
            ParameterRow("tgf_activation_k", \.tgfActivationK, "relative", "TGF-β level for half-maximal activation (OB supply, OC apoptosis)",
                         "assumed (Pivonka structure)", range: Self.tenfold(d.tgfActivationK)),
            ParameterRow("tgf_repression_k", \.tgfRepressionK, "relative", "TGF-β level for half-maximal repression of ROB→OB",
                         "Pivonka (K_rep/K_act = 1.416e-3/4.545e-3)", range: Self.tenfold(d.tgfRepressionK)),
            ParameterRow("opg_sequestration", \.opgSequestration, "-", "K_A1·OPG at reference: OPG binds ≈ 95% of RANKL",
                         "Pivonka (K_A1 = 1e-3 pM⁻¹, OPG steady state; model-notes §3.3)", range: Self.tenfold(d.opgSequestration)),
            ParameterRow("rank_sequestration", \.rankSequestration, "-", "K_A2·RANK at reference",
                         "Pivonka (K_A2 = 0.03412 pM⁻¹ × RANK 10 pM)", range: Self.tenfold(d.rankSequestration)),
            ParameterRow("rankl_saturation_k", \.ranklSaturationK, "relative", "free RANKL for half-maximal osteoclastogenesis",
                         "assumed", range: Self.tenfold(d.ranklSaturationK)),
            ParameterRow("pth_rankl_activation_k", \.pthRANKLActivationK, "pmol/L", "PTH for half-maximal RANKL expression",
                         "Pivonka (K_D,act^PTH = 150 pM)", range: Self.tenfold(d.pthRANKLActivationK)),
            ParameterRow("pth_opg_repression_k", \.pthOPGRepressionK, "pmol/L", "PTH for half-maximal repression of OPG",
                         "Pivonka (K_D,rep^PTH = 0.2226 pM)", range: Self.tenfold(d.pthOPGRepressionK)),
            ParameterRow("k_opg", \.kOPG, "1/day", "OPG degradation rate",
                         "Pivonka (D_OPG = 0.35 d⁻¹)", range: Self.tenfold(d.kOPG)),
            ParameterRow("k_osteocyte", \.kOsteocyte, "1/day", "osteocyte turnover (mean life 25 y)",
                         "assumed", range: Self.tenfold(d.kOsteocyte)),
            ParameterRow("k_sclerostin", \.kSclerostin, "1/day", "sclerostin elimination rate",
                         "Eudy (SOSTKOUT = 25/24 h⁻¹)", range: Self.tenfold(d.kSclerostin)),
            ParameterRow("sclerostin_pth_exponent", \.sclerostinPTHExponent, "-", "power of PTH suppressing SOST expression",
                         "assumed", range: Self.tenfold(d.sclerostinPTHExponent)),
            ParameterRow("sclerostin_ob_exponent", \.sclerostinOBExponent, "-", "power of sclerostin inhibiting ROB→OB (Wnt)",
                         "Eudy (SCLEROBgam = 0.1623)", range: Self.tenfold(d.sclerostinOBExponent)),
            ParameterRow("spine_turnover", \.spineTurnover, "1/year", "fraction of lumbar-spine bone remodeled per year at reference (12%/y)",
                         "assumed (trabecular-rich site)", range: 0.02...0.4),
            ParameterRow("hip_turnover", \.hipTurnover, "1/year", "fraction of total-hip bone remodeled per year at reference (5%/y)",
                         "assumed (cortical-rich site)", range: 0.01...0.2),
            ParameterRow("mineralisation_lag", \.mineralisationLag, "day", "osteoid maturation time before mineralisation",
                         "M-R (12 d)", range: 3...40),
            ParameterRow("primary_mineral_fraction", \.primaryMineralFraction, "-", "mineral reached by primary mineralisation, as fraction of maximum",
                         "M-R (0.121/0.442)", range: 0.1...0.9),
            ParameterRow("k_secondary_mineralisation", \.kSecondaryMineralisation, "1/day", "rate of secondary mineralisation towards the maximum",
                         "M-R (0.007 d⁻¹)", range: Self.tenfold(d.kSecondaryMineralisation)),
            ParameterRow("age_deficit_onset", \.ageDeficitOnset, "year", "age at which the per-BMU formation deficit begins",
                         "assumed", range: 30...70),
            ParameterRow("age_deficit_per_year", \.ageDeficitPerYear, "1/year", "per-BMU formation deficit added per year of age after onset (both sites)",
                         "derived from NHANES men total hip 21–30 vs 71–80 y (calibration.md F2: −9.9%), loss after 50 at rate k_TH·δ: see docs/model.md", range: 0...0.03),
            ParameterRow("menopause_transient_rankl", \.menopauseTransientRANKL, "-", "extra RANKL production just after menopause (fraction of reference)",
                         "assumed (gives LS −2.7%/y in the first postmenopausal year)", range: 0...5),
            ParameterRow("menopause_persistent_rankl", \.menopausePersistentRANKL, "-", "extra RANKL production that persists after menopause",
                         "calibrated to FREEDOM placebo total hip (D2), least squares: see docs/model.md", range: 0...1),
            ParameterRow("menopause_transient_years", \.menopauseTransientYears, "year", "years after menopause at which the transient drive halves (Lorentzian width)",
                         "M-R (ξ = 65, τ = 30 d)", range: 0.5...20),
            ParameterRow("ctx_ref", \.ctxReference, "ng/mL", "serum CTX of the reference adult",
                         "geometric mean of the F6 interval 0.111–0.791 (Eastell 2012)", range: 0.05...1.5),
            ParameterRow("p1np_ref", \.p1npReference, "ng/mL", "serum P1NP of the reference adult",
                         "geometric mean of the F6 interval 17.3–83.4 (Eastell 2012)", range: 10...120),
        ]
    }()
}
