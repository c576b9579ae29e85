import OsteoModel
import OsteoODE

/// PTH1R agonists given as daily (or weekly) SC injections: teriparatide (PTH 1–34) and
/// abaloparatide (a PTHrP 1–34 analogue). One model with per-drug parameters.
///
/// **PK**: first-order SC absorption into a one-compartment plasma,
///
///     a(τ) = A·k_a/(V(k_e − k_a))·(e^{−k_a τ} − e^{−k_e τ}),   A = dose × F,   k_e = CL/V,
///
/// so the apparent half-life is the absorption's (flip-flop: the labels' t½ ≈ 1 h and 1.7 h).
///
/// **PD, through the core's PTH1R signalling**: the agonist (× potency, in PTH-equivalents) adds to
/// the PTH signal at the receptor's RG conformation (``CoreInput/pthrAgonist``: internalisation, the
/// anabolic programme, SOST) and, × `sustainedWeight`, at the R0 conformation
/// (``CoreInput/pthrAgonistSustained``: the catabolic arm — RANKL, OPG — and the kidney and bone
/// calcium). Teriparatide is PTH 1–34: potency 1 and sustained weight 1 (it binds both). Abaloparatide
/// binds RG selectively and signals transiently (Hattersley 2016; Makino 2018: less RANKL/OPG
/// induction under transient exposure, the same osteoblast-gene and SOST/DKK1 response): sustained
/// weight < 1. Its intermittent action (anabolic) against continuous (catabolic) is the core's.
///
/// **Pulses**: by default each dose is taken whole by the core at the dose
/// (``BoneCore/applyPTH1RPulse(_:y:effects:)``: a per-dose kernel over a one-day window), so 730
/// daily doses cost a few solver steps each; `pulse_resolved = 1` instead lets the solver resolve
/// every pulse from depot and plasma states (the reference the kernel is tested against; ≈ 15×
/// slower).
public struct PTHAnalogueComponent: GenericComponent {
    public enum Drug: String, Sendable, CaseIterable {
        case teriparatide, abaloparatide
    }

    public struct Parameters: ParameterSet {
        public var bioavailability = 0.95
        public var absorptionRate = 0.693147 * 24
        public var clearance = 62.0 * 24
        public var volume = 62.0 * 24 / (0.693147 * 24 * 60 / 5)
        public var potency = 1.0
        public var sustainedWeight = 1.0
        public var molarMass = 4117.8
        public var window = 1.0
        public var resolved = 0.0
        public init() {}

        public static let table: [ParameterRow<Parameters>] = [
            ParameterRow("f_sc", \.bioavailability, "-", "SC bioavailability",
                         "teriparatide: Forteo label, calibration.md D19 (≈95%); abaloparatide: Tymlos label, calibration.md D24 (≈36%) [M]", range: 0.05...1),
            ParameterRow("ka", \.absorptionRate, "1/day", "SC absorption rate",
                         "teriparatide: ln 2 / 1 h, the SC t½ being absorption-limited (IV t½ ≈ 5 min; D19); abaloparatide: set for t_max ≈ 0.5 h (D24)", range: 1...500),
            ParameterRow("cl", \.clearance, "L/day", "plasma clearance",
                         "teriparatide 62 L/h in women (D19); abaloparatide k_e·V with k_e = ln 2 / 1.7 h (D24)", range: 10...20_000),
            ParameterRow("volume", \.volume, "L", "plasma volume of distribution",
                         "teriparatide CL / k_e with k_e = ln 2 / 5 min (IV t½, D19); abaloparatide 50 L (apparent, Lexicomp via 101ehealth [M]) × F", range: 1...200),
            ParameterRow("potency", \.potency, "PTH-eq", "PTH-equivalents per pmol at the receptor's RG conformation",
                         "teriparatide: 1 (PTH 1–34 is the active fragment, assumed equipotent per mole); abaloparatide: calibrated to ACTIVE (D22; `osteosim-calibrate anabolics`)", range: 0.01...10),
            ParameterRow("sustained_weight", \.sustainedWeight, "-", "share of the RG signal also carried by the sustained (R0) arm: RANKL/OPG, kidney, calcium exchange",
                         "teriparatide: 1 (PTH binds RG and R0); abaloparatide: 0.5 assumed (BMD does not identify it, `osteosim-calibrate anabolics`; halves the post-dose calcium rise, in line with ACTIVE hypercalcaemia 3.4% vs 6.4%; Makino 2018: less RANKL/OPG under transient exposure)", range: 0...1),
            ParameterRow("molar_mass", \.molarMass, "g/mol", "molar mass (dose in µg → pmol; concentration output in pg/mL)",
                         "teriparatide 4117.8 (PTH 1–34; model-notes §3.2); abaloparatide 3960.5 [M]", range: 3000...10_000),
            ParameterRow("pulse_window", \.window, "day", "window over which the core takes each pulse at the dose",
                         "assumed (covers absorption and receptor recovery, ≈ 9 h; the next daily dose)", range: 0.25...2),
            ParameterRow("pulse_resolved", \.resolved, "0/1", "1 = the solver resolves every pulse (depot and plasma states; reference), 0 = per-dose pulse kernel",
                         "numerical choice (issue 15 performance; tests compare the two)", range: 0...1),
        ]
    }

    public let drug: Drug
    public let parameters: Parameters
    public init(_ drug: Drug, parameters: Parameters? = nil) {
        self.drug = drug
        self.parameters = parameters ?? Self.defaults(drug)
    }

    /// Per-drug defaults. Abaloparatide's potency and sustained weight are fitted by
    /// `osteosim-calibrate anabolics` (ACTIVE, D22); k_e is set so that t_max ≈ 0.5 h.
    public static func defaults(_ drug: Drug) -> Parameters {
        var p = Parameters()
        switch drug {
        case .teriparatide:
            break
        case .abaloparatide:
            // t½ 1.7 h read as elimination (k_e = ln 2 / 1.7 h) and absorption set for t_max ≈ 0.5 h
            // (k_a = 5.7 /h); the profile's shape is the same either way round, its height is set by
            // V = 50 L (apparent, Lexicomp via 101ehealth [M]) × F. CL = k_e · V.
            p.bioavailability = 0.36
            p.absorptionRate = 5.7 * 24
            p.volume = 50 * 0.36
            p.clearance = 0.693147 / 1.7 * 24 * 50 * 0.36
            p.potency = 0.08
            p.sustainedWeight = 0.5
            p.molarMass = 3960.5
        }
        return p
    }

    public var id: String { drug.rawValue }
    var resolved: Bool { parameters.resolved == 1 }
    // Compartments: with resolved pulses depot and plasma come first; with the pulse kernel they
    // are not there (fewer states: a smaller matrix per solver step).
    static let depot = 0, plasma = 1
    var sinceDose: Int { resolved ? 2 : 0 }
    var lastDose: Int { sinceDose + 1 }
    var calciumPeak: Int { sinceDose + 2 }
    var eliminationRate: Double { parameters.clearance / parameters.volume }

    public var compartments: [Compartment] {
        (resolved ? [Compartment("depot", unit: "pmol", meaning: "SC depot (resolved pulses)", scale: 1000, absoluteTolerance: 1e-3),
                     Compartment("plasma", unit: "pmol/L", meaning: "plasma concentration (resolved pulses)", scale: 10, absoluteTolerance: 1e-5)] : [])
        + [Compartment("since_dose", unit: "day", meaning: "time since the latest dose", scale: 1, held: true, absoluteTolerance: 1, relativeTolerance: 1),
         Compartment("last_dose", unit: "pmol", meaning: "absorbed amount of the latest dose", scale: 1000, held: true),
         Compartment("calcium_peak", unit: "mmol/L", meaning: "estimated plasma calcium peak after the latest dose", scale: 1, held: true)]
    }
    public var parameterInfo: [ParameterInfo] { parameters.info(component: id, prefix: id) }
    public var observables: [Observable] {
        var o = [Observable("\(id)_pg_ml", unit: "pg/mL", meaning: "plasma \(drug.rawValue) at the output time")]
        if !resolved {
            o.append(Observable("\(id)_calcium_peak_mmol_l", unit: "mmol/L",
                                meaning: "estimated plasma calcium peak after the latest \(drug.rawValue) dose (pulse kernel)"))
        }
        return o
    }
    public func observe(x: ArraySlice<Double>) -> [Double] {
        let b = x.startIndex
        let pgPerPmol = parameters.molarMass / 1000
        if resolved { return [x[b + Self.plasma] * pgPerPmol] }
        let c = PTH1RPulse.concentration(amount: x[b + lastDose], at: x[b + sinceDose], absorptionRate: parameters.absorptionRate,
                                         eliminationRate: eliminationRate, volume: parameters.volume)
        return [c * pgPerPmol, x[b + calciumPeak]]
    }
    public func doseTarget(route: Route) -> DoseTarget? {
        guard route == .sc else { return nil }
        return DoseTarget(compartment: resolved ? Self.depot : lastDose, fraction: parameters.bioavailability, unitsPerMg: 1e9 / parameters.molarMass,
                          placedByComponent: !resolved)
    }
    /// With the pulse kernel the core's signalling states need only rtol 1e-4 (the kernel agrees
    /// with resolved pulses to a few per cent; tested).
    public var coreSignallingRelativeTolerance: Double? { resolved ? nil : 1e-4 }
    public func pth1rPulse(dose amount: Double, route: Route) -> PTH1RPulse? {
        let p = parameters
        return PTH1RPulse(amount: amount, absorptionRate: p.absorptionRate, eliminationRate: eliminationRate, volume: p.volume,
                          potency: p.potency, sustainedWeight: p.sustainedWeight, window: p.window)
    }
    public func pulseTaken(_ outcome: PTH1RPulseOutcome, dose amount: Double, route: Route, x: UnsafeMutablePointer<Double>) {
        x[sinceDose] = 0
        x[lastDose] = amount
        x[calciumPeak] = outcome.calciumPeak
    }
    public func setting(_ name: String, to value: Double) throws(ParameterError) -> any ModelComponent {
        // A switch, not a quantity: only 0 or 1 (nothing between is rounded silently).
        if name == "\(id)_pulse_resolved", value != 0, value != 1 {
            throw .outOfRange(name: name, value: value, range: 0...1, unit: "(0 or 1 only)")
        }
        return PTHAnalogueComponent(drug, parameters: try parameters.setting(name, to: value, prefix: id))
    }

    public func rhs<S: ODEScalar>(t: S, x: UnsafePointer<S>, dx: UnsafeMutablePointer<S>,
                                  core: CoreSignals<S>, effects: inout Effects<S>) {
        let p = parameters
        dx[sinceDose] = S(1)
        dx[lastDose] = S(0)
        dx[calciumPeak] = S(0)
        guard resolved else { return }
        let absorbed = p.absorptionRate * x[Self.depot]
        dx[Self.depot] = -1.0 * absorbed
        dx[Self.plasma] = absorbed / p.volume - eliminationRate * x[Self.plasma]
        let a = p.potency * x[Self.plasma]
        effects.add(.pthrAgonist, a)
        effects.add(.pthrAgonistSustained, p.sustainedWeight * a)
    }
}
