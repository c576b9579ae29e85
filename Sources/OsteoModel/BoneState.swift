/// The state vector of the core model (v2) (index = position in y). "rel." = 1 in the reference adult.
public enum BoneState: Int, CaseIterable, Sendable {
    // Calcium / PTH / vitamin D
    case calcium = 0          // ECF calcium, mmol/L
    case pth                  // plasma PTH, pmol/L
    case glandCapacity        // parathyroid secretory capacity, rel. (P&R PTmax)
    case hydroxylase          // renal 1α-hydroxylase, rel.
    case calcitriol           // plasma 1,25(OH)2D, pmol/L
    case gutAbsorption        // gut Ca absorption efficiency, rel.
    case exchangeableCalcium  // exchangeable bone calcium pool, mmol (P&R Q)
    // PTH receptor signalling
    case pthrAvailable        // PTH1R at the cell surface (fraction of total; desensitisation)
    case pthrAnabolic         // anabolic PTH1R programme (CREB/RUNX2-like), rel.
    // Cells and signals
    case preosteoblasts       // committed preosteoblasts (ROB), rel.
    case osteoblasts          // remodelling-based active osteoblasts, rel.
    case modelingOsteoblasts  // lining-cell-derived (modelling-based) osteoblasts, rel. to OB0 (0 at baseline)
    case osteoclastPrecursors // RANK+ precursors and osteomorphs, rel.
    case osteoclasts          // active osteoclasts, rel.
    case opg                  // osteoprotegerin, rel.
    case osteocytes           // osteocytes, rel.
    case sclerostin           // sclerostin, rel.
    // Envelopes: remodelling space C (fraction of envelope bone), matrix V (rel.), mineral M (rel. to full)
    case lsTrabCavity, lsTrabMatrix, lsTrabMineral
    case lsCortCavity, lsCortMatrix, lsCortMineral
    case thTrabCavity, thTrabMatrix, thTrabMineral
    case thCortCavity, thCortMatrix, thCortMineral
    /// The drives' clock: days from day 0 at which age and menopause are evaluated (dτ/dt = 1;
    /// held in the baseline search). A state rather than t, so the system is autonomous and the
    /// exact Jacobian carries the drives' time dependence: no ∂f/∂t evaluation per step.
    case clock

    /// Number of core states (a stored constant: `allCases.count` allocates in debug builds; tested).
    public static let count = 30
    @inlinable public var index: Int { rawValue }
}

/// The four bone envelopes: (site, envelope type). Their order matches the state layout.
public enum Envelope: Int, CaseIterable, Sendable {
    case spineTrabecular = 0, spineCortical, hipTrabecular, hipCortical
    public var cavity: Int { BoneState.lsTrabCavity.index + 3 * rawValue }
    public var matrix: Int { cavity + 1 }
    public var mineral: Int { cavity + 2 }
    public var isTrabecular: Bool { self == .spineTrabecular || self == .hipTrabecular }
    public var isHip: Bool { self == .hipTrabecular || self == .hipCortical }
}

extension BoneState {
    /// Short name (docs, SBML ids).
    public var name: String {
        switch self {
        case .calcium: "Ca"
        case .pth: "PTH"
        case .glandCapacity: "G"
        case .hydroxylase: "A"
        case .calcitriol: "D"
        case .gutAbsorption: "R"
        case .exchangeableCalcium: "Q"
        case .pthrAvailable: "q"
        case .pthrAnabolic: "Sa"
        case .preosteoblasts: "ROB"
        case .osteoblasts: "OB"
        case .modelingOsteoblasts: "OBm"
        case .osteoclastPrecursors: "OCP"
        case .osteoclasts: "OC"
        case .opg: "OPG"
        case .osteocytes: "OCY"
        case .sclerostin: "SCL"
        case .lsTrabCavity: "C_LS_trab"
        case .lsTrabMatrix: "V_LS_trab"
        case .lsTrabMineral: "M_LS_trab"
        case .lsCortCavity: "C_LS_cort"
        case .lsCortMatrix: "V_LS_cort"
        case .lsCortMineral: "M_LS_cort"
        case .thTrabCavity: "C_TH_trab"
        case .thTrabMatrix: "V_TH_trab"
        case .thTrabMineral: "M_TH_trab"
        case .thCortCavity: "C_TH_cort"
        case .thCortMatrix: "V_TH_cort"
        case .thCortMineral: "M_TH_cort"
        case .clock: "tau"
        }
    }

    public var unit: String {
        switch self {
        case .calcium: "mmol/L"
        case .pth: "pmol/L"
        case .glandCapacity: "relative"
        case .hydroxylase: "relative"
        case .calcitriol: "pmol/L"
        case .gutAbsorption: "relative"
        case .exchangeableCalcium: "mmol"
        case .pthrAvailable: "fraction"
        case .pthrAnabolic: "relative"
        case .preosteoblasts: "relative"
        case .osteoblasts: "relative"
        case .modelingOsteoblasts: "relative"
        case .osteoclastPrecursors: "relative"
        case .osteoclasts: "relative"
        case .opg: "relative"
        case .osteocytes: "relative"
        case .sclerostin: "relative"
        case .lsTrabCavity: "fraction"
        case .lsTrabMatrix: "relative"
        case .lsTrabMineral: "relative"
        case .lsCortCavity: "fraction"
        case .lsCortMatrix: "relative"
        case .lsCortMineral: "relative"
        case .thTrabCavity: "fraction"
        case .thTrabMatrix: "relative"
        case .thTrabMineral: "relative"
        case .thCortCavity: "fraction"
        case .thCortMatrix: "relative"
        case .thCortMineral: "relative"
        case .clock: "day"
        }
    }

    public var meaning: String {
        switch self {
        case .calcium: "ECF calcium"
        case .pth: "plasma PTH"
        case .glandCapacity: "parathyroid secretory capacity"
        case .hydroxylase: "renal 1α-hydroxylase activity"
        case .calcitriol: "plasma calcitriol"
        case .gutAbsorption: "gut calcium absorption efficiency"
        case .exchangeableCalcium: "exchangeable bone calcium pool"
        case .pthrAvailable: "PTH1R at the cell surface (desensitisation)"
        case .pthrAnabolic: "anabolic PTH1R programme (CREB/RUNX2-like)"
        case .preosteoblasts: "committed preosteoblasts"
        case .osteoblasts: "remodelling-based active osteoblasts"
        case .modelingOsteoblasts: "modelling-based (lining-cell-derived) osteoblasts"
        case .osteoclastPrecursors: "osteoclast precursors and osteomorphs"
        case .osteoclasts: "active osteoclasts"
        case .opg: "osteoprotegerin"
        case .osteocytes: "osteocytes"
        case .sclerostin: "sclerostin"
        case .lsTrabCavity: "LS trab remodelling space (resorbed, not yet refilled)"
        case .lsTrabMatrix: "LS trab mineralised matrix volume"
        case .lsTrabMineral: "LS trab mineral (1 = fully mineralised reference)"
        case .lsCortCavity: "LS cort remodelling space (resorbed, not yet refilled)"
        case .lsCortMatrix: "LS cort mineralised matrix volume"
        case .lsCortMineral: "LS cort mineral (1 = fully mineralised reference)"
        case .thTrabCavity: "TH trab remodelling space (resorbed, not yet refilled)"
        case .thTrabMatrix: "TH trab mineralised matrix volume"
        case .thTrabMineral: "TH trab mineral (1 = fully mineralised reference)"
        case .thCortCavity: "TH cort remodelling space (resorbed, not yet refilled)"
        case .thCortMatrix: "TH cort mineralised matrix volume"
        case .thCortMineral: "TH cort mineral (1 = fully mineralised reference)"
        case .clock: "clock of the age and menopause drives (days from day 0)"
        }
    }
}
