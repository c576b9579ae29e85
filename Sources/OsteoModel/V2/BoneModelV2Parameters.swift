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
    public var tgfActivationK = 1.0
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
    public var kPrecursor = 1.0 / 90
    public var fusionFraction = 0.9
    public var osteomorphRecycling = 0.3
    public var canopyExponent = 1.3
    public var tgfOsteoclastApoptosisExponent = 0.1
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
