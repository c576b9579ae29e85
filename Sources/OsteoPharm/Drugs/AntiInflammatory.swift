import OsteoModel
import OsteoODE

/// TNF blockers (adalimumab, infliximab, etanercept): linear one- or two-compartment antibody /
/// fusion-protein PK with first-order SC absorption, neutralising TNF-α:
///
///     dD/dt = −k_a·D                         (SC depot, mg; dose × F; IV doses go to the central compartment)
///     dA_c/dt = k_a·D − (CL + Q)/V_c·A_c + Q/V_p·A_p,   dA_p/dt = Q/V_c·A_c − Q/V_p·A_p
///     TNF-α signalling × 1/(1 + (C/EC50)^h),  C = A_c/V_c (mg/L)
///
/// At the approved doses TNF-α is a tiny target next to the drug, so target-mediated disposition
/// is negligible and the PK is linear (it is in the population analyses used here).
public struct AntiTNFComponent: GenericComponent {
    public enum Drug: String, Sendable, CaseIterable {
        case adalimumab, infliximab, etanercept
    }

    public struct Parameters: ParameterSet {
        public var bioavailability = 0.64
        public var absorptionRate = 0.28
        public var centralVolume = 6.91
        public var clearance = 0.205
        public var intercompartmentalClearance = 0.0
        public var peripheralVolume = 1.0
        public var potency = 1.1
        public var hill = 1.0
        public init() {}
        public init(f: Double, ka: Double, vc: Double, cl: Double, q: Double, vp: Double, potency: Double) {
            bioavailability = f; absorptionRate = ka; centralVolume = vc; clearance = cl
            intercompartmentalClearance = q; peripheralVolume = vp; self.potency = potency
        }
        public static let table: [ParameterRow<Parameters>] = [
            ParameterRow("f", \.bioavailability, "-", "SC bioavailability (IV = 1)", "per drug (defaults)", range: 0.05...1),
            ParameterRow("ka", \.absorptionRate, "1/day", "SC absorption rate", "per drug", range: 0.01...10),
            ParameterRow("vc", \.centralVolume, "L", "central volume", "per drug", range: 0.5...50),
            ParameterRow("cl", \.clearance, "L/day", "linear clearance", "per drug", range: 0.01...20),
            ParameterRow("q", \.intercompartmentalClearance, "L/day", "intercompartmental clearance (0 = one compartment)", "per drug", range: 0...50),
            ParameterRow("vp", \.peripheralVolume, "L", "peripheral volume", "per drug", range: 0.1...50),
            ParameterRow("ec50", \.potency, "mg/L", "serum concentration halving TNF-α signalling in vivo", "per drug", range: 0.001...100),
            ParameterRow("hill", \.hill, "-", "steepness of TNF-α neutralisation", "assumed (1)", range: 0.3...4),
        ]
    }

    public let drug: Drug
    public let parameters: Parameters
    public init(_ drug: Drug, parameters: Parameters? = nil) {
        self.drug = drug
        self.parameters = parameters ?? Self.defaults(drug)
    }

    public static func defaults(_ drug: Drug) -> Parameters {
        switch drug {
        // Ternant 2015 Br J Clin Pharmacol (RA, 1-compartment): V/F 10.8 L, CL/F 0.32 L/day, ka 0.28/day;
        // F 0.64 (label) gives V 6.91 L, CL 0.205 L/day.
        case .adalimumab: Parameters(f: 0.64, ka: 0.28, vc: 6.91, cl: 0.205, q: 0, vp: 1, potency: 1.1)
        // Ternant 2014 Br J Clin Pharmacol (RA): V_c 2.3 L, CL 0.019 L/h; Xu 2008 J Clin Pharmacol (AS): Q 1.72 L/day, V_p 2.94 L.
        case .infliximab: Parameters(f: 1, ka: 1, vc: 2.3, cl: 0.456, q: 1.72, vp: 2.94, potency: 1.1)
        // Korth-Bradley 2000 (single 25 mg SC): CL/F 132 mL/h, V/F 12 L, tmax 51 h; F 0.58 (Zhou 2005 J Clin Pharmacol).
        case .etanercept: Parameters(f: 0.58, ka: 0.78, vc: 6.96, cl: 1.84, q: 0, vp: 1, potency: 0.28)
        }
    }

    static func sources(_ drug: Drug) -> [String] {
        switch drug {
        case .adalimumab:
            ["label (absolute bioavailability 64% after 40 mg SC)", "Ternant D et al., Br J Clin Pharmacol 2015;79:286 (ka 0.28/day)",
             "Ternant 2015 (V/F 10.8 L) × F", "Ternant 2015 (CL/F 0.32 L/day) × F (t½ ≈ 23 days)", "one compartment (Ternant 2015)", "unused (one compartment)",
             "Granneman 2003 via Abbott label: concentration effective in 50% of RA patients 0.8–1.4 µg/mL", "assumed"]
        case .infliximab:
            ["IV", "unused (IV)", "Ternant D et al., Br J Clin Pharmacol 2014 (RA: 2.3 L)", "Ternant 2014 (0.019 L/h)",
             "Xu Z et al., J Clin Pharmacol 2008;48:681 (AS: 1.72 L/day)", "Xu 2008 (2.94 L)",
             "assumed equal to adalimumab's (IgG1 anti-TNF; maintenance trough > 1 µg/mL goes with low disease activity, RMD Open review)", "assumed"]
        case .etanercept:
            ["Zhou H, J Clin Pharmacol 2005;45:490 (58% in healthy subjects)", "derived from tmax 51 ± 14 h after 25 mg SC (Korth-Bradley 2000)",
             "Korth-Bradley 2000 (V/F 12 L) × F", "Korth-Bradley 2000 (CL/F 132 mL/h) × F (t½ ≈ 63 h)", "one compartment (Korth-Bradley 2000)", "unused (one compartment)",
             "assumed: the same TNF-α neutralisation at the mean concentration of 50 mg weekly as adalimumab 40 mg every other week (comparable ACR responses in RA trials [M])", "assumed"]
        }
    }

    public var id: String { drug.rawValue }
    static let depot = 0, central = 1, peripheral = 2
    public var compartments: [Compartment] {
        [Compartment("depot", unit: "mg", meaning: "SC depot (after bioavailability)", scale: 40, absoluteTolerance: 1e-4, relativeTolerance: 1e-4),
         Compartment("central", unit: "mg", meaning: "amount in the central compartment", scale: 20, absoluteTolerance: 1e-5, relativeTolerance: 1e-4),
         // One-compartment drugs (Q = 0) leave it empty: held, so the baseline search does not see a
         // state with no dynamics.
         Compartment("peripheral", unit: "mg", meaning: "amount in the peripheral compartment", scale: 20, held: parameters.intercompartmentalClearance == 0,
                     absoluteTolerance: 1e-5, relativeTolerance: 1e-4)]
    }
    public var parameterInfo: [ParameterInfo] {
        let src = Self.sources(drug)
        return parameters.info(component: id).enumerated().map { i, p in
            ParameterInfo(component: p.component, name: "\(id)_\(p.name)", value: p.value, unit: p.unit, meaning: p.meaning,
                          source: src[i], min: p.min, max: p.max)
        }
    }
    public var observables: [Observable] { [Observable("\(id)_mg_l", unit: "mg/L", meaning: "serum \(drug.rawValue)")] }
    public func observe(x: ArraySlice<Double>) -> [Double] { [x[x.startIndex + Self.central] / parameters.centralVolume] }
    public func doseTarget(route: Route) -> DoseTarget? {
        switch route {
        case .sc: drug == .infliximab ? nil : DoseTarget(compartment: Self.depot, fraction: parameters.bioavailability, unitsPerMg: 1)
        case .iv: DoseTarget(compartment: Self.central, fraction: 1, unitsPerMg: 1)
        case .oral: nil
        }
    }
    public func setting(_ name: String, to value: Double) throws(ParameterError) -> any ModelComponent {
        AntiTNFComponent(drug, parameters: try parameters.setting(name, to: value, prefix: id))
    }

    public func rhs<S: ODEScalar>(t: S, x: UnsafePointer<S>, dx: UnsafeMutablePointer<S>,
                                  core: CoreSignals<S>, effects: inout Effects<S>) {
        let p = parameters
        let absorbed = p.absorptionRate * x[Self.depot]
        let c = x[Self.central] / p.centralVolume, cp = x[Self.peripheral] / p.peripheralVolume
        dx[Self.depot] = -1.0 * absorbed
        dx[Self.central] = absorbed - p.clearance * c - p.intercompartmentalClearance * (c - cp)
        dx[Self.peripheral] = p.intercompartmentalClearance * (c - cp)
        effects.scale(.tnfAlpha, by: 1.0 / (1.0 + S.pow(ODEScalarSoft.nonNegative(c) / p.potency, p.hill)))
    }
}

/// Anakinra (IL-1 receptor antagonist): one-compartment SC PK (absorption-limited: the 4–6 h
/// half-life after SC dosing is the absorption), competitive blockade of IL-1 receptor
/// signalling: IL-1 signalling × 1/(1 + C/K).
public struct AnakinraComponent: GenericComponent {
    public struct Parameters: ParameterSet {
        public var bioavailability = 0.95
        public var absorptionRate = 0.693147 / (5.0 / 24.0)
        public var volume = 9.44
        public var clearance = 197.0
        public var blockadeConstant = 0.48
        public init() {}
        public static let table: [ParameterRow<Parameters>] = [
            ParameterRow("anakinra_f", \.bioavailability, "-", "SC bioavailability", "Kineret label (95% after 70 mg SC)", range: 0.1...1),
            ParameterRow("anakinra_ka", \.absorptionRate, "1/day", "SC absorption rate (absorption t½ 5 h)", "label: t½ 4–6 h after SC (absorption-limited, since CL/V gives < 1 h)", range: 0.1...50),
            ParameterRow("anakinra_v", \.volume, "L", "volume of distribution (70 kg)", "Yang 2001 ARD abstract FRI0036 (RA pop-PK: V/F = 0.142 L/kg) × F", range: 1...100),
            ParameterRow("anakinra_cl", \.clearance, "L/day", "clearance", "Yang 2001 (women 144 mL/min) × F", range: 10...1000),
            ParameterRow("anakinra_k", \.blockadeConstant, "mg/L", "concentration halving IL-1 receptor signalling", "assumed: half blockade at the mean concentration of 100 mg/day (0.48 mg/L), which with inflammation_il1_dependence gives anakinra's modest efficacy", range: 0.001...100),
        ]
    }
    public let parameters: Parameters
    public init(parameters: Parameters = Parameters()) { self.parameters = parameters }
    public var id: String { "anakinra" }
    public var compartments: [Compartment] {
        [Compartment("depot", unit: "mg", meaning: "SC depot (after bioavailability)", scale: 100, absoluteTolerance: 1e-4, relativeTolerance: 1e-4),
         Compartment("central", unit: "mg", meaning: "amount in the body", scale: 5, absoluteTolerance: 1e-5, relativeTolerance: 1e-4)]
    }
    public var parameterInfo: [ParameterInfo] { parameters.info(component: id) }
    public var observables: [Observable] { [Observable("anakinra_mg_l", unit: "mg/L", meaning: "plasma anakinra")] }
    public func observe(x: ArraySlice<Double>) -> [Double] { [x[x.startIndex + 1] / parameters.volume] }
    public func doseTarget(route: Route) -> DoseTarget? {
        switch route {
        case .sc: DoseTarget(compartment: 0, fraction: parameters.bioavailability, unitsPerMg: 1)
        case .iv: DoseTarget(compartment: 1, fraction: 1, unitsPerMg: 1)
        case .oral: nil
        }
    }
    public func setting(_ name: String, to value: Double) throws(ParameterError) -> any ModelComponent {
        AnakinraComponent(parameters: try parameters.setting(name, to: value))
    }
    public func rhs<S: ODEScalar>(t: S, x: UnsafePointer<S>, dx: UnsafeMutablePointer<S>,
                                  core: CoreSignals<S>, effects: inout Effects<S>) {
        let p = parameters
        let absorbed = p.absorptionRate * x[0]
        dx[0] = -1.0 * absorbed
        dx[1] = absorbed - p.clearance / p.volume * x[1]
        let c = ODEScalarSoft.nonNegative(x[1] / p.volume)
        effects.scale(.interleukin1, by: 1.0 / (1.0 + c / p.blockadeConstant))
    }
}

/// Tocilizumab (IL-6 receptor antibody): one compartment with parallel linear and
/// Michaelis–Menten (target-mediated, IL-6 receptor) elimination (Bastida 2018), IV or SC;
/// IL-6 receptor signalling × 1/(1 + C/K).
public struct TocilizumabComponent: GenericComponent {
    public struct Parameters: ParameterSet {
        public var bioavailability = 0.8
        public var absorptionRate = 0.35
        public var volume = 4.83
        public var clearance = 0.0104 * 24
        public var maximumElimination = 0.239 * 24
        public var michaelisConstant = 4.22
        public var blockadeConstant = 0.1
        public init() {}
        public static let table: [ParameterRow<Parameters>] = [
            ParameterRow("tocilizumab_f", \.bioavailability, "-", "SC bioavailability", "assumed [M] (RA pop-PK; the apparent 49% after a single 162 mg dose in healthy subjects, Zhang 2013 Int J Clin Pharmacol Ther, reflects target-mediated clearance, which the model carries)", range: 0.1...1),
            ParameterRow("tocilizumab_ka", \.absorptionRate, "1/day", "SC absorption rate", "assumed (median tmax 2–3 days after 162 mg SC in RA: Zhang 2013 Int J Clin Pharmacol Ther 51:620)", range: 0.01...10),
            ParameterRow("tocilizumab_v", \.volume, "L", "volume of distribution", "Bastida C et al., Br J Clin Pharmacol 2018 (RA, one compartment: 4.83 L)", range: 0.5...50),
            ParameterRow("tocilizumab_cl", \.clearance, "L/day", "linear clearance", "Bastida 2018 (0.0104 L/h)", range: 0.01...10),
            ParameterRow("tocilizumab_vmax", \.maximumElimination, "mg/day", "maximal target-mediated elimination", "Bastida 2018 (0.239 mg/h)", range: 0...100),
            ParameterRow("tocilizumab_km", \.michaelisConstant, "mg/L", "concentration of half-maximal target-mediated elimination", "Bastida 2018 (4.22 µg/mL)", range: 0.01...100),
            ParameterRow("tocilizumab_k", \.blockadeConstant, "mg/L", "concentration halving IL-6 receptor signalling", "assumed: CRP normalises once serum tocilizumab exceeds about 1 µg/mL (Nishimoto 2008 Blood [M]; RMD Open review: > 1 µg/mL with DAS28 improvement ≥ 1.2)", range: 0.001...100),
        ]
    }
    public let parameters: Parameters
    public init(parameters: Parameters = Parameters()) { self.parameters = parameters }
    public var id: String { "tocilizumab" }
    public var compartments: [Compartment] {
        [Compartment("depot", unit: "mg", meaning: "SC depot (after bioavailability)", scale: 100, absoluteTolerance: 1e-4, relativeTolerance: 1e-4),
         Compartment("central", unit: "mg", meaning: "amount in the body", scale: 100, absoluteTolerance: 1e-5, relativeTolerance: 1e-4)]
    }
    public var parameterInfo: [ParameterInfo] { parameters.info(component: id) }
    public var observables: [Observable] { [Observable("tocilizumab_mg_l", unit: "mg/L", meaning: "serum tocilizumab")] }
    public func observe(x: ArraySlice<Double>) -> [Double] { [x[x.startIndex + 1] / parameters.volume] }
    public func doseTarget(route: Route) -> DoseTarget? {
        switch route {
        case .sc: DoseTarget(compartment: 0, fraction: parameters.bioavailability, unitsPerMg: 1)
        case .iv: DoseTarget(compartment: 1, fraction: 1, unitsPerMg: 1)
        case .oral: nil
        }
    }
    public func setting(_ name: String, to value: Double) throws(ParameterError) -> any ModelComponent {
        TocilizumabComponent(parameters: try parameters.setting(name, to: value))
    }
    public func rhs<S: ODEScalar>(t: S, x: UnsafePointer<S>, dx: UnsafeMutablePointer<S>,
                                  core: CoreSignals<S>, effects: inout Effects<S>) {
        let p = parameters
        let absorbed = p.absorptionRate * x[0]
        let c = ODEScalarSoft.nonNegative(x[1] / p.volume)
        dx[0] = -1.0 * absorbed
        dx[1] = absorbed - p.clearance * c - p.maximumElimination * c / (p.michaelisConstant + c)
        effects.scale(.interleukin6, by: 1.0 / (1.0 + c / p.blockadeConstant))
    }
}

/// Celecoxib (selective COX-2 inhibitor): one-compartment oral PK in apparent terms (CL/F, V/F),
/// COX-2 (PGE2) activity × (1 − I_max·C/(IC50 + C)).
public struct CelecoxibComponent: GenericComponent {
    public struct Parameters: ParameterSet {
        public var absorptionRate = 8.0
        public var apparentVolume = 429.0
        public var apparentClearance = 27.7 * 24
        public var maximumInhibition = 1.0
        public var halfInhibitoryConcentration = 0.2
        public init() {}
        public static let table: [ParameterRow<Parameters>] = [
            ParameterRow("celecoxib_ka", \.absorptionRate, "1/day", "oral absorption rate", "assumed (tmax ≈ 3 h, Celebrex label [M])", range: 0.5...100),
            ParameterRow("celecoxib_v", \.apparentVolume, "L", "apparent volume of distribution (V/F)", "Celebrex label [M] (429 L)", range: 10...5000),
            ParameterRow("celecoxib_cl", \.apparentClearance, "L/day", "apparent clearance (CL/F)", "Celebrex label [M] (27.7 L/h; t½ ≈ 11 h)", range: 10...10000),
            ParameterRow("celecoxib_imax", \.maximumInhibition, "-", "maximal inhibition of COX-2 activity", "assumed (selective COX-2 inhibitor)", range: 0...1),
            ParameterRow("celecoxib_ic50", \.halfInhibitoryConcentration, "mg/L", "plasma concentration halving COX-2 activity", "assumed [M] (human whole-blood COX-2 IC50 of the order of 0.5 µM ≈ 0.2 mg/L)", range: 0.001...100),
        ]
    }
    public let parameters: Parameters
    public init(parameters: Parameters = Parameters()) { self.parameters = parameters }
    public var id: String { "celecoxib" }
    public var compartments: [Compartment] {
        [Compartment("gut", unit: "mg", meaning: "oral dose not yet absorbed", scale: 200, absoluteTolerance: 1e-3, relativeTolerance: 1e-4),
         Compartment("central", unit: "mg", meaning: "amount in the body (apparent)", scale: 200, absoluteTolerance: 1e-3, relativeTolerance: 1e-4)]
    }
    public var parameterInfo: [ParameterInfo] { parameters.info(component: id) }
    public var observables: [Observable] { [Observable("celecoxib_mg_l", unit: "mg/L", meaning: "plasma celecoxib")] }
    public func observe(x: ArraySlice<Double>) -> [Double] { [x[x.startIndex + 1] / parameters.apparentVolume] }
    public func doseTarget(route: Route) -> DoseTarget? { route == .oral ? DoseTarget(compartment: 0, fraction: 1, unitsPerMg: 1) : nil }
    public func setting(_ name: String, to value: Double) throws(ParameterError) -> any ModelComponent {
        CelecoxibComponent(parameters: try parameters.setting(name, to: value))
    }
    public func rhs<S: ODEScalar>(t: S, x: UnsafePointer<S>, dx: UnsafeMutablePointer<S>,
                                  core: CoreSignals<S>, effects: inout Effects<S>) {
        let p = parameters
        let absorbed = p.absorptionRate * x[0]
        dx[0] = -1.0 * absorbed
        dx[1] = absorbed - p.apparentClearance / p.apparentVolume * x[1]
        let c = ODEScalarSoft.nonNegative(x[1] / p.apparentVolume)
        effects.scale(.cox2, by: 1.0 - p.maximumInhibition * c / (p.halfInhibitoryConcentration + c))
    }
}

/// A drug whose action follows an accumulated exposure pool rather than its plasma level:
/// each absorbed dose enters the pool, which is lost first-order (dP/dt = −k·P), and the effect
/// is H = P/(P + P50). Methotrexate (its polyglutamates accumulate in cells over weeks) and the
/// two experimental levers (icariin, NOS inhibition), whose human PK is not modelled, use it.
public struct ExposurePoolComponent: GenericComponent {
    public enum Drug: String, Sendable, CaseIterable {
        case methotrexate, icariin
        case nosInhibitor = "nos_inhibitor"
        public var isExperimental: Bool { self != .methotrexate }
    }

    public struct Parameters: ParameterSet {
        public var oralBioavailability = 0.7
        public var poolHalfLife = 21.0
        public var halfEffectPool = 22.7
        public var maximumEffect = 0.69
        public var boneEffect = 0.0
        public init() {}
        public init(f: Double, halfLife: Double, p50: Double, emax: Double, bone: Double) {
            oralBioavailability = f; poolHalfLife = halfLife; halfEffectPool = p50; maximumEffect = emax; boneEffect = bone
        }
        public static let table: [ParameterRow<Parameters>] = [
            ParameterRow("f", \.oralBioavailability, "-", "oral bioavailability (SC = 1)", "per drug", range: 0.01...1),
            ParameterRow("pool_half_life", \.poolHalfLife, "day", "half-life of the exposure pool", "per drug", range: 0.1...365),
            ParameterRow("p50", \.halfEffectPool, "mg", "pool of half-maximal effect", "per drug", range: 0.01...10000),
            ParameterRow("emax", \.maximumEffect, "-", "maximal fractional effect on its mediator", "per drug", range: 0...0.99),
            ParameterRow("bone_emax", \.boneEffect, "-", "maximal direct action on bone cells (icariin: RANKL ↓, OPG ↑)", "per drug", range: 0...0.9),
        ]
    }

    public let drug: Drug
    public let parameters: Parameters
    public init(_ drug: Drug, parameters: Parameters? = nil) {
        self.drug = drug
        self.parameters = parameters ?? Self.defaults(drug)
    }

    public static func defaults(_ drug: Drug) -> Parameters {
        switch drug {
        // P50: the mean pool of 7.5 mg/week orally (0.7 × 7.5/7/k); E_max calibrated (stage D).
        case .methotrexate: Parameters(f: 0.7, halfLife: 21, p50: 0.7 * 7.5 / 7 / (0.693147 / 21), emax: 0.69, bone: 0)
        // P50: the mean pool of 60 mg/day (the icariin dose of the 24-month trial [M]) with a 1-day half-life.
        case .icariin: Parameters(f: 1, halfLife: 1, p50: 60 / 0.693147, emax: 0.2, bone: 0.2)
        case .nosInhibitor: Parameters(f: 1, halfLife: 0.5, p50: 100 * 0.5 / 0.693147, emax: 0.9, bone: 0)
        }
    }

    static func sources(_ drug: Drug) -> [String] {
        switch drug {
        case .methotrexate:
            ["Hoekstra 2004 J Rheumatol [M] (about 0.7 at 15–25 mg orally; SC = 1)",
             "assumed [M]: erythrocyte methotrexate polyglutamates reach steady state over months and leave with a half-life of about 3 weeks (Dalrymple 2008 Arthritis Rheum [M]); clinical onset over 6–12 weeks",
             "assumed: the mean pool of 7.5 mg/week orally",
             "calibrated: methotrexate alone (20 mg/week) halves the activity at 12 months, as adalimumab alone does (PREMIER ACR50 46% vs 41%; `osteosim-calibrate inflammation` stage D)",
             "none (methotrexate acts through disease control only)"]
        case .icariin:
            ["EXPERIMENTAL: assumed (no human PK in the model)", "EXPERIMENTAL: assumed (1 day)",
             "EXPERIMENTAL: assumed: the mean pool at 60 mg/day, the icariin content of the Epimedium flavonoid dose of a 24-month trial in postmenopausal women [M] (Wang 2018 Osteoporos Int review)",
             "EXPERIMENTAL: assumed; animal evidence only: icariin lowers LPS-induced resorption and IL-6/TNF-α and COX-2/PGE2 expression (review 2); acts on TNF-α, IL-6 and COX-2",
             "EXPERIMENTAL: assumed; raises OPG/RANKL in ovariectomised mice (Mok 2010 Br J Pharmacol) and inhibits RANKL-induced osteoclastogenesis in vitro"]
        case .nosInhibitor:
            ["EXPERIMENTAL: assumed", "EXPERIMENTAL: assumed (0.5 day)",
             "EXPERIMENTAL: assumed: an arbitrary dose scale (half inhibition at 100 mg/day); there is no human dose–response",
             "EXPERIMENTAL: assumed; animal evidence only: the NOS inhibitor L-NMMA reversed inflammation-induced bone loss and turnover in rats and did nothing in controls (Armour 1999 J Bone Miner Res)",
             "EXPERIMENTAL: none (acts only on the inflammation layer's nitric oxide)"]
        }
    }

    public var id: String { drug.rawValue }
    public var compartments: [Compartment] {
        [Compartment("pool", unit: "mg", meaning: drug == .methotrexate ? "methotrexate polyglutamate pool (mg-equivalent)" : "\(drug.rawValue) exposure pool (EXPERIMENTAL)",
                     scale: 10, absoluteTolerance: 1e-5, relativeTolerance: 1e-4)]
    }
    public var parameterInfo: [ParameterInfo] {
        let src = Self.sources(drug)
        return parameters.info(component: id).enumerated().map { i, p in
            ParameterInfo(component: p.component, name: "\(id)_\(p.name)", value: p.value, unit: p.unit,
                          meaning: (drug.isExperimental ? "EXPERIMENTAL lever: " : "") + p.meaning, source: src[i], min: p.min, max: p.max)
        }
    }
    public var observables: [Observable] {
        [Observable("\(id)_pool_mg", unit: "mg", meaning: drug == .methotrexate ? "methotrexate polyglutamate pool (model)" : "\(drug.rawValue) exposure pool (EXPERIMENTAL lever)")]
    }
    public func observe(x: ArraySlice<Double>) -> [Double] { [x[x.startIndex]] }
    public func doseTarget(route: Route) -> DoseTarget? {
        switch route {
        case .oral: DoseTarget(compartment: 0, fraction: parameters.oralBioavailability, unitsPerMg: 1)
        case .sc: drug == .methotrexate ? DoseTarget(compartment: 0, fraction: 1, unitsPerMg: 1) : nil
        case .iv: nil
        }
    }
    public func setting(_ name: String, to value: Double) throws(ParameterError) -> any ModelComponent {
        ExposurePoolComponent(drug, parameters: try parameters.setting(name, to: value, prefix: id))
    }

    public func rhs<S: ODEScalar>(t: S, x: UnsafePointer<S>, dx: UnsafeMutablePointer<S>,
                                  core: CoreSignals<S>, effects: inout Effects<S>) {
        let p = parameters
        let pool = x[0]
        dx[0] = -1.0 * (0.693147180559945 / p.poolHalfLife) * pool
        let h = ODEScalarSoft.nonNegative(pool) / (p.halfEffectPool + ODEScalarSoft.nonNegative(pool))
        switch drug {
        case .methotrexate:
            effects.scale(.diseaseActivity, by: 1.0 - p.maximumEffect * h)
        case .icariin:
            effects.scale(.tnfAlpha, by: 1.0 - p.maximumEffect * h)
            effects.scale(.interleukin6, by: 1.0 - p.maximumEffect * h)
            effects.scale(.cox2, by: 1.0 - p.maximumEffect * h)
            effects.scale(.ranklProduction, by: 1.0 - p.boneEffect * h)
            effects.scale(.opgProduction, by: 1.0 + p.boneEffect * h)
        case .nosInhibitor:
            effects.scale(.nitricOxideSynthase, by: 1.0 - p.maximumEffect * h)
        }
    }
}
