import OsteoODE

/// The mechanism levers of core model v2 (issue 12). Each multiplier is 1 for "no effect"; the three
/// inputs are additive rates (0 = none). Exposure layers (GC, inflammation, drugs) act only through
/// these; ``BoneModelV2/rhs(t:y:dy:levers:)`` reads them and never branches on their values.
public struct CoreLevers<S: ODEScalar>: Sendable {
    /// Progenitor supply: MSC → preosteoblast commitment (GC: PPARγ2/KLF15 adipogenic shift).
    public var osteoblastCommitment: S
    /// Preosteoblast → active osteoblast differentiation (GC: DKK1, Notch).
    public var osteoblastDifferentiation: S
    /// Active-osteoblast apoptosis rate (GC raise it).
    public var osteoblastApoptosis: S
    /// Osteoclast apoptosis rate (bisphosphonates raise it; GC lower it).
    public var osteoclastApoptosis: S
    /// RANKL production by osteocytes and the osteoblast lineage (cytokines).
    public var ranklProduction: S
    /// Free RANKL reaching RANK (denosumab lowers it).
    public var ranklAvailability: S
    /// OPG production (GC lower it).
    public var opgProduction: S
    /// Osteocyte apoptosis rate (GC raise it).
    public var osteocyteApoptosis: S
    /// SOST expression per osteocyte.
    public var sostExpression: S
    /// Effect of free sclerostin on LRP5/6 (romosozumab lowers it).
    public var sclerostinActivity: S
    /// Gut calcium absorption efficiency (GC lower it).
    public var gutCalciumAbsorption: S
    /// Mechanical loading sensed by osteocytes (1 = habitual; < 1 = disuse). Acts mainly at the hip.
    public var mechanicalLoading: S
    /// Additive PTH input into plasma, pmol/L/day (teriparatide PK output).
    public var pthInput: S
    /// Additive calcitriol input into plasma, pmol/L/day (active vitamin D).
    public var calcitriolInput: S
    /// Additive calcium input into ECF, mmol/day (supplements beyond the diet; infusions).
    public var calciumInput: S

    public init(osteoblastCommitment: S = S(1), osteoblastDifferentiation: S = S(1), osteoblastApoptosis: S = S(1),
                osteoclastApoptosis: S = S(1), ranklProduction: S = S(1), ranklAvailability: S = S(1),
                opgProduction: S = S(1), osteocyteApoptosis: S = S(1), sostExpression: S = S(1),
                sclerostinActivity: S = S(1), gutCalciumAbsorption: S = S(1), mechanicalLoading: S = S(1),
                pthInput: S = S(0), calcitriolInput: S = S(0), calciumInput: S = S(0)) {
        self.osteoblastCommitment = osteoblastCommitment
        self.osteoblastDifferentiation = osteoblastDifferentiation
        self.osteoblastApoptosis = osteoblastApoptosis
        self.osteoclastApoptosis = osteoclastApoptosis
        self.ranklProduction = ranklProduction
        self.ranklAvailability = ranklAvailability
        self.opgProduction = opgProduction
        self.osteocyteApoptosis = osteocyteApoptosis
        self.sostExpression = sostExpression
        self.sclerostinActivity = sclerostinActivity
        self.gutCalciumAbsorption = gutCalciumAbsorption
        self.mechanicalLoading = mechanicalLoading
        self.pthInput = pthInput
        self.calcitriolInput = calcitriolInput
        self.calciumInput = calciumInput
    }
}

/// Names of the multiplicative levers (for schedules and probes).
public enum CoreLever: String, CaseIterable, Sendable {
    case osteoblastCommitment, osteoblastDifferentiation, osteoblastApoptosis, osteoclastApoptosis
    case ranklProduction, ranklAvailability, opgProduction, osteocyteApoptosis, sostExpression
    case sclerostinActivity, gutCalciumAbsorption, mechanicalLoading
    case pthInput, calcitriolInput, calciumInput

    /// The documented range of each lever: the interval in which the core keeps plasma calcium
    /// physiological and the solver succeeds (checked by the probe's lever sweep, 24 months at each end).
    public var documentedRange: ClosedRange<Double> {
        switch self {
        case .osteoblastCommitment, .osteoblastDifferentiation: 0.2...2
        case .osteoblastApoptosis: 0.33...3
        case .osteoclastApoptosis: 0.5...3
        case .ranklProduction: 0.3...3
        case .ranklAvailability: 0.05...2
        case .opgProduction: 0.2...3
        case .osteocyteApoptosis: 0.5...3
        case .sostExpression: 0.1...3
        case .sclerostinActivity: 0.1...2
        case .gutCalciumAbsorption: 0.3...2
        case .mechanicalLoading: 0.3...1.5
        case .pthInput: 0...1000        // pmol/L/day (≈ 2× the mean of teriparatide 20 µg/day)
        case .calcitriolInput: 0...200  // pmol/L/day (≈ calcitriol 0.5 µg/day-scale)
        case .calciumInput: 0...25      // mmol/day (1 g/day elemental Ca)
        }
    }

    /// True for the additive inputs (neutral value 0), false for multipliers (neutral 1).
    public var isAdditive: Bool { self == .pthInput || self == .calcitriolInput || self == .calciumInput }
}

extension CoreLevers {
    public subscript(_ lever: CoreLever) -> S {
        get {
            switch lever {
            case .osteoblastCommitment: osteoblastCommitment
            case .osteoblastDifferentiation: osteoblastDifferentiation
            case .osteoblastApoptosis: osteoblastApoptosis
            case .osteoclastApoptosis: osteoclastApoptosis
            case .ranklProduction: ranklProduction
            case .ranklAvailability: ranklAvailability
            case .opgProduction: opgProduction
            case .osteocyteApoptosis: osteocyteApoptosis
            case .sostExpression: sostExpression
            case .sclerostinActivity: sclerostinActivity
            case .gutCalciumAbsorption: gutCalciumAbsorption
            case .mechanicalLoading: mechanicalLoading
            case .pthInput: pthInput
            case .calcitriolInput: calcitriolInput
            case .calciumInput: calciumInput
            }
        }
        set {
            switch lever {
            case .osteoblastCommitment: osteoblastCommitment = newValue
            case .osteoblastDifferentiation: osteoblastDifferentiation = newValue
            case .osteoblastApoptosis: osteoblastApoptosis = newValue
            case .osteoclastApoptosis: osteoclastApoptosis = newValue
            case .ranklProduction: ranklProduction = newValue
            case .ranklAvailability: ranklAvailability = newValue
            case .opgProduction: opgProduction = newValue
            case .osteocyteApoptosis: osteocyteApoptosis = newValue
            case .sostExpression: sostExpression = newValue
            case .sclerostinActivity: sclerostinActivity = newValue
            case .gutCalciumAbsorption: gutCalciumAbsorption = newValue
            case .mechanicalLoading: mechanicalLoading = newValue
            case .pthInput: pthInput = newValue
            case .calcitriolInput: calcitriolInput = newValue
            case .calciumInput: calciumInput = newValue
            }
        }
    }
}

/// Constant lever factors switched on over time windows [start, end) (days). Used by the
/// ``GenericODESystem`` conformance for probes; the time comparison happens here, outside the
/// right-hand side, and every switch time is passed to the solver as a discontinuity.
public struct LeverSchedule: Sendable {
    public struct Window: Sendable {
        public var lever: CoreLever
        public var value: Double
        public var start: Double
        public var end: Double
        public init(_ lever: CoreLever, _ value: Double, from start: Double = 0, to end: Double = .infinity) {
            self.lever = lever
            self.value = value
            self.start = start
            self.end = end
        }
    }
    public var windows: [Window]
    public init(_ windows: [Window] = []) { self.windows = windows }

    /// Levers in force at time t (windows on the same lever multiply; inputs add).
    public func levers<S: ODEScalar>(at t: Double) -> CoreLevers<S> {
        var L = CoreLevers<S>()
        for w in windows where t >= w.start && t < w.end {
            if w.lever.isAdditive { L[w.lever] = L[w.lever] + S(w.value) } else { L[w.lever] = L[w.lever] * S(w.value) }
        }
        return L
    }

    /// The switch times inside (t0, tEnd].
    public func switchTimes(in t0: Double, _ tEnd: Double) -> [Double] {
        Array(Set(windows.flatMap { [$0.start, $0.end] }.filter { $0 > t0 && $0 <= tEnd && $0.isFinite })).sorted()
    }
}
