import OsteoODE

/// A mechanism of the core model that exposures (glucocorticoids, inflammation, drugs) and
/// modellers (`perturbations:` in scenario files) act through. A lever's value multiplies the
/// mechanism's rate; 1 = no effect. The ids are a stable contract (PRODUCT.md "Lever ids").
public enum Lever: String, CaseIterable, Sendable, Codable {
    case osteoblastCommitment = "osteoblast_commitment"
    case osteoblastDifferentiation = "osteoblast_differentiation"
    case osteoblastApoptosis = "osteoblast_apoptosis"
    case osteoclastApoptosis = "osteoclast_apoptosis"
    case ranklProduction = "rankl_production"
    case ranklAvailability = "rankl_availability"
    case opgProduction = "opg_production"
    case osteocyteApoptosis = "osteocyte_apoptosis"
    case sostExpression = "sost_expression"
    case sclerostinActivity = "sclerostin_activity"
    case gutCalciumAbsorption = "gut_calcium_absorption"
    case mechanicalLoading = "mechanical_loading"
    case menopauseDrive = "menopause_drive"

    public var id: String { rawValue }

    /// What the lever multiplies, in the core's own terms.
    public var meaning: String {
        switch self {
        case .osteoblastCommitment: "supply of committed osteoblast progenitors (Wnt/Runx2 commitment)"
        case .osteoblastDifferentiation: "preosteoblast → active osteoblast differentiation (Wnt/DKK1, PPARγ2 shift)"
        case .osteoblastApoptosis: "active osteoblast removal (apoptosis)"
        case .osteoclastApoptosis: "active osteoclast removal (apoptosis)"
        case .ranklProduction: "RANKL production by the osteoblast lineage (PTH-independent drive)"
        case .ranklAvailability: "free RANKL available to RANK (neutralised by denosumab)"
        case .opgProduction: "osteoprotegerin production by osteoblasts"
        case .osteocyteApoptosis: "osteocyte removal (apoptosis)"
        case .sostExpression: "SOST (sclerostin) expression per osteocyte"
        case .sclerostinActivity: "the effect of free sclerostin on Wnt signalling (neutralised by romosozumab)"
        case .gutCalciumAbsorption: "calcitriol-driven gut calcium absorption efficiency"
        case .mechanicalLoading: "mechanical loading sensed by osteocytes (disuse < 1)"
        case .menopauseDrive: "the estrogen-deficiency (menopause) excess of RANKL production (0 removes it)"
        }
    }

    /// What acts, or will act, through the lever.
    public var actedOnBy: String {
        switch self {
        case .osteoblastCommitment: "glucocorticoids, inflammation (DKK1), PTH signalling, Wnt"
        case .osteoblastDifferentiation: "glucocorticoids"
        case .osteoblastApoptosis: "glucocorticoids, nitric oxide (inflammation), PTH signalling"
        case .osteoclastApoptosis: "bisphosphonates (raise), glucocorticoids and TNF-α/IL-1β (lower)"
        case .ranklProduction: "glucocorticoids, TNF-α, IL-1β, IL-6, PGE2 (inflammation), icariin (lower), menopause"
        case .ranklAvailability: "denosumab, TNF-α priming of precursors (inflammation)"
        case .opgProduction: "glucocorticoids (lower), IL-1β and icariin (raise), Wnt"
        case .osteocyteApoptosis: "glucocorticoids, disuse"
        case .sostExpression: "glucocorticoids, TNF-α (inflammation), PTH"
        case .sclerostinActivity: "romosozumab"
        case .gutCalciumAbsorption: "glucocorticoids, malabsorption and vitamin D deficiency (disease presets) (lower), calcium and vitamin D, active vitamin D (raise)"
        case .mechanicalLoading: "immobility, bed rest, disease disuse (inflammation presets: RA, COPD, …)"
        case .menopauseDrive: "raloxifene and other estrogen agonists on bone (lower)"
        }
    }

    /// The documented range of the lever: the interval in which the core keeps plasma calcium
    /// at 2.0–2.8 mmol/L and the solver succeeds (24 months at each end, 65-year-old woman;
    /// `osteosim-calibrate sweep`, docs/research/core-v2.md "Lever sweep").
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
        case .menopauseDrive: 0...2
        }
    }

    /// Levers whose mechanism the current core physiology lacks (none since core model v2).
    public static let awaitingCoreV2: Set<Lever> = []

    /// Whether the current core model has this mechanism.
    public var isAvailable: Bool { !Self.awaitingCoreV2.contains(self) }
}

/// An additive input into the core's calcium, PTH or vitamin D system (a drug that is PTH, an
/// oral calcium supplement, exogenous calcitriol) or into its PTH1R signalling (an exogenous
/// PTH1R agonist: teriparatide, abaloparatide).
public enum CoreInput: String, CaseIterable, Sendable {
    /// The documented range (same meaning as ``Lever/documentedRange``): pmol/L/day for PTH
    /// (≈ 2× the mean of teriparatide 20 µg/day) and calcitriol, mmol/day for calcium (1 g/day),
    /// pmol/L PTH-equivalent for the agonist inputs, held constant (`osteosim-calibrate sweep`):
    /// at the RG arm up to 4× reference PTH, at the sustained arm up to 1.5× (a constant 15 pmol/L
    /// there is hyperparathyroidism: calcium 3.0 mmol/L); a daily teriparatide pulse peaks at
    /// ≈ 36 pmol/L for about an hour, which the pulse kernel takes whole.
    public var documentedRange: ClosedRange<Double> {
        switch self {
        case .pth: 0...1000
        case .calcitriol: 0...200
        case .calcium: 0...25
        case .pthrAgonist: 0...15
        case .pthrAgonistSustained: 0...6
        }
    }

    /// pmol/L/day into plasma PTH.
    case pth = "pth_input"
    /// pmol/L/day into plasma calcitriol.
    case calcitriol = "calcitriol_input"
    /// mmol/day into the extracellular calcium pool.
    case calcium = "calcium_input"
    /// pmol/L (PTH-equivalent) of an exogenous PTH1R agonist at the receptor's G-protein-coupled
    /// (RG) conformation: adds to the PTH signal that internalises PTH1R and drives the anabolic
    /// programme and SOST suppression (the transient, cell-surface signal).
    case pthrAgonist = "pthr_agonist"
    /// pmol/L (PTH-equivalent) of the same agonist acting through the sustained (R0, endosomal)
    /// signal: adds to the PTH signal of the catabolic arm (RANKL, OPG) and of the kidney and
    /// bone-calcium exchange. PTH 1–34 binds both conformations (equal to ``pthrAgonist``); a
    /// PTHrP analogue selective for RG gives less (Hattersley 2016 [M]; Makino 2018).
    case pthrAgonistSustained = "pthr_agonist_sustained"
}

/// A signal between components that the core never reads: anti-inflammatory drugs (and
/// glucocorticoids) write it, the inflammation layer (`OsteoPharm.InflammationComponent`) reads it.
/// Each is a fraction that starts at 1 and *multiplies*, like a lever (1 = untouched; a TNF
/// blocker neutralising 90% of TNF-α writes 0.1). Components that read mediators are evaluated
/// after every other component (``ModelComponent/readsMediators``), so the value they read is
/// complete.
public enum Mediator: String, CaseIterable, Sendable {
    /// Fraction of TNF-α signalling left (neutralised by adalimumab, infliximab, etanercept).
    case tnfAlpha = "tnf_alpha"
    /// Fraction of IL-1 receptor signalling left (blocked by anakinra).
    case interleukin1 = "il1"
    /// Fraction of IL-6 receptor signalling left (blocked by tocilizumab).
    case interleukin6 = "il6"
    /// Fraction of COX-2 (prostaglandin E2) activity left (inhibited by celecoxib).
    case cox2
    /// Fraction of nitric-oxide-synthase activity left (NOS inhibitors, experimental).
    case nitricOxideSynthase = "nos"
    /// Fraction of the disease's intrinsic inflammatory activity left under disease control
    /// (methotrexate, the anti-inflammatory action of glucocorticoids).
    case diseaseActivity = "disease_activity"
}

/// What the components do to the core at one instant, over the solver's scalar (so dual numbers
/// carry the drug→bone terms into the Jacobian), and the ``Mediator`` signals components pass to
/// the inflammation layer (which the core ignores).
///
/// **The one combination rule** (and the only code that applies it): lever values start at 1
/// and *multiply* (two components that each halve RANKL availability give 0.25); inputs start
/// at 0 and *add*. Components can only call ``scale(_:by:)`` and ``add(_:_:)``.
public struct Effects<S: ODEScalar>: Sendable {
    @usableFromInline var _osteoblastCommitment = S(1)
    @usableFromInline var _osteoblastDifferentiation = S(1)
    @usableFromInline var _osteoblastApoptosis = S(1)
    @usableFromInline var _osteoclastApoptosis = S(1)
    @usableFromInline var _ranklProduction = S(1)
    @usableFromInline var _ranklAvailability = S(1)
    @usableFromInline var _opgProduction = S(1)
    @usableFromInline var _osteocyteApoptosis = S(1)
    @usableFromInline var _sostExpression = S(1)
    @usableFromInline var _sclerostinActivity = S(1)
    @usableFromInline var _gutCalciumAbsorption = S(1)
    @usableFromInline var _mechanicalLoading = S(1)
    @usableFromInline var _menopauseDrive = S(1)
    @usableFromInline var _pthInput = S(0)
    @usableFromInline var _calcitriolInput = S(0)
    @usableFromInline var _calciumInput = S(0)
    @usableFromInline var _pthrAgonist = S(0)
    @usableFromInline var _pthrAgonistSustained = S(0)
    @usableFromInline var _tnfAlpha = S(1)
    @usableFromInline var _interleukin1 = S(1)
    @usableFromInline var _interleukin6 = S(1)
    @usableFromInline var _cox2 = S(1)
    @usableFromInline var _nitricOxideSynthase = S(1)
    @usableFromInline var _diseaseActivity = S(1)

    @inlinable public var osteoblastCommitment: S { _osteoblastCommitment }
    @inlinable public var osteoblastDifferentiation: S { _osteoblastDifferentiation }
    @inlinable public var osteoblastApoptosis: S { _osteoblastApoptosis }
    @inlinable public var osteoclastApoptosis: S { _osteoclastApoptosis }
    @inlinable public var ranklProduction: S { _ranklProduction }
    @inlinable public var ranklAvailability: S { _ranklAvailability }
    @inlinable public var opgProduction: S { _opgProduction }
    @inlinable public var osteocyteApoptosis: S { _osteocyteApoptosis }
    @inlinable public var sostExpression: S { _sostExpression }
    @inlinable public var sclerostinActivity: S { _sclerostinActivity }
    @inlinable public var gutCalciumAbsorption: S { _gutCalciumAbsorption }
    @inlinable public var mechanicalLoading: S { _mechanicalLoading }
    @inlinable public var menopauseDrive: S { _menopauseDrive }
    @inlinable public var pthInput: S { _pthInput }
    @inlinable public var calcitriolInput: S { _calcitriolInput }
    @inlinable public var calciumInput: S { _calciumInput }
    @inlinable public var pthrAgonist: S { _pthrAgonist }
    @inlinable public var pthrAgonistSustained: S { _pthrAgonistSustained }

    /// No effect: every lever 1, every input 0.
    @inlinable public init() {}

    /// Multiplies a lever by `factor` (rate factors multiply).
    @inlinable public mutating func scale(_ lever: Lever, by factor: S) {
        switch lever {
        case .osteoblastCommitment: _osteoblastCommitment *= factor
        case .osteoblastDifferentiation: _osteoblastDifferentiation *= factor
        case .osteoblastApoptosis: _osteoblastApoptosis *= factor
        case .osteoclastApoptosis: _osteoclastApoptosis *= factor
        case .ranklProduction: _ranklProduction *= factor
        case .ranklAvailability: _ranklAvailability *= factor
        case .opgProduction: _opgProduction *= factor
        case .osteocyteApoptosis: _osteocyteApoptosis *= factor
        case .sostExpression: _sostExpression *= factor
        case .sclerostinActivity: _sclerostinActivity *= factor
        case .gutCalciumAbsorption: _gutCalciumAbsorption *= factor
        case .mechanicalLoading: _mechanicalLoading *= factor
        case .menopauseDrive: _menopauseDrive *= factor
        }
    }

    /// Adds to an input (inputs add).
    @inlinable public mutating func add(_ input: CoreInput, _ amount: S) {
        switch input {
        case .pth: _pthInput += amount
        case .calcitriol: _calcitriolInput += amount
        case .calcium: _calciumInput += amount
        case .pthrAgonist: _pthrAgonist += amount
        case .pthrAgonistSustained: _pthrAgonistSustained += amount
        }
    }

    /// Multiplies a mediator signal by `factor` (fractions multiply, as levers do).
    @inlinable public mutating func scale(_ mediator: Mediator, by factor: S) {
        switch mediator {
        case .tnfAlpha: _tnfAlpha *= factor
        case .interleukin1: _interleukin1 *= factor
        case .interleukin6: _interleukin6 *= factor
        case .cox2: _cox2 *= factor
        case .nitricOxideSynthase: _nitricOxideSynthase *= factor
        case .diseaseActivity: _diseaseActivity *= factor
        }
    }

    /// The current value of a mediator signal (complete only for a component that
    /// ``ModelComponent/readsMediators``).
    @inlinable public subscript(mediator: Mediator) -> S {
        switch mediator {
        case .tnfAlpha: _tnfAlpha
        case .interleukin1: _interleukin1
        case .interleukin6: _interleukin6
        case .cox2: _cox2
        case .nitricOxideSynthase: _nitricOxideSynthase
        case .diseaseActivity: _diseaseActivity
        }
    }

    /// The current value of a lever.
    @inlinable public subscript(lever: Lever) -> S {
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
        case .menopauseDrive: menopauseDrive
        }
    }

    /// The current value of an input.
    @inlinable public subscript(input: CoreInput) -> S {
        switch input {
        case .pth: pthInput
        case .calcitriol: calcitriolInput
        case .calcium: calciumInput
        case .pthrAgonist: pthrAgonist
        case .pthrAgonistSustained: pthrAgonistSustained
        }
    }
}

/// What the core exposes to components at one instant (read-only), computed from the core's
/// state alone, so components may depend on it without a cycle: e.g. a bisphosphonate's uptake
/// follows bone formation, its release follows resorption. Relative quantities are 1 in the
/// reference adult.
public struct CoreSignals<S: ODEScalar>: Sendable {
    /// Active osteoclasts, relative (resorption per unit surface).
    public var osteoclasts: S
    /// Active osteoblasts, relative (formation per unit surface).
    public var osteoblasts: S
    /// Plasma calcium, mmol/L.
    public var calcium: S
    /// Plasma PTH, pmol/L.
    public var pth: S
    /// Plasma calcitriol, pmol/L.
    public var calcitriol: S
    /// Whole-skeleton resorption rate, relative to the reference adult.
    public var resorption: S
    /// Whole-skeleton formation rate, relative to the reference adult.
    public var formation: S
    /// Fraction of ingested calcium absorbed now (the core's absorption efficiency × its reference
    /// fraction), for oral calcium supplements.
    public var calciumAbsorbedFraction: S

    @inlinable public init(osteoclasts: S, osteoblasts: S, calcium: S, pth: S, calcitriol: S, resorption: S, formation: S,
                           calciumAbsorbedFraction: S = S(0.25)) {
        self.osteoclasts = osteoclasts
        self.osteoblasts = osteoblasts
        self.calcium = calcium
        self.pth = pth
        self.calcitriol = calcitriol
        self.resorption = resorption
        self.formation = formation
        self.calciumAbsorbedFraction = calciumAbsorbedFraction
    }
}
