/// The state vector of core model v2 (index = position in y). "rel." = 1 in the reference adult.
public enum V2State: Int, CaseIterable, Sendable {
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

    public static let count = V2State.allCases.count
    @inlinable public var index: Int { rawValue }
}

/// The four bone envelopes: (site, envelope type). Their order matches the state layout.
public enum V2Envelope: Int, CaseIterable, Sendable {
    case spineTrabecular = 0, spineCortical, hipTrabecular, hipCortical
    public var cavity: Int { V2State.lsTrabCavity.index + 3 * rawValue }
    public var matrix: Int { cavity + 1 }
    public var mineral: Int { cavity + 2 }
    public var isTrabecular: Bool { self == .spineTrabecular || self == .hipTrabecular }
    public var isHip: Bool { self == .hipTrabecular || self == .hipCortical }
}
