/// The state vector of the OsteoSim core model (index = position in y).
/// Relative quantities are 1 in the reference adult (premenopausal woman / man < 50).
public enum BoneState: Int, CaseIterable, Sendable {
    // Calcium / PTH / vitamin D (reduced from Peterson & Riggs 2010)
    case calcium = 0          // ECF ionised+bound Ca, mmol/L
    case pth                  // plasma PTH, pmol/L
    case hydroxylase          // renal 1α-hydroxylase activity, relative
    case calcitriol           // plasma 1,25(OH)2D, pmol/L
    case gutAbsorption        // calcitriol-driven gut Ca absorption efficiency, relative
    // Bone cells and signals
    case preosteoblasts       // responding osteoblasts (ROB), relative
    case osteoblasts          // active osteoblasts (OB), relative
    case osteoclasts          // active osteoclasts (OC), relative
    case opg                  // osteoprotegerin, relative
    case osteocytes           // osteocytes (OCY), relative
    case sclerostin           // sclerostin, relative
    // Bone mineral, lumbar spine (trabecular-rich)
    case spineOsteoid         // unmineralised matrix, fraction of site bone volume
    case spineMatrix          // mineralised matrix volume, relative
    case spineMineral         // mineral mass, relative to the fully mineralised reference
    // Bone mineral, total hip (cortical-rich)
    case hipOsteoid
    case hipMatrix
    case hipMineral

    public static let count = BoneState.allCases.count
    @inlinable public var index: Int { rawValue }
}
