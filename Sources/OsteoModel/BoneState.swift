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

    /// Number of core states (a stored constant: `allCases.count` allocates in debug builds).
    public static let count = 17
    @inlinable public var index: Int { rawValue }

    /// Short name (docs, SBML ids).
    public var name: String {
        switch self {
        case .calcium: "Ca"
        case .pth: "PTH"
        case .hydroxylase: "A"
        case .calcitriol: "D"
        case .gutAbsorption: "R"
        case .preosteoblasts: "ROB"
        case .osteoblasts: "OB"
        case .osteoclasts: "OC"
        case .opg: "OPG"
        case .osteocytes: "OCY"
        case .sclerostin: "SCL"
        case .spineOsteoid: "O_LS"
        case .spineMatrix: "V_LS"
        case .spineMineral: "M_LS"
        case .hipOsteoid: "O_TH"
        case .hipMatrix: "V_TH"
        case .hipMineral: "M_TH"
        }
    }

    public var unit: String {
        switch self {
        case .calcium: "mmol/L"
        case .pth, .calcitriol: "pmol/L"
        case .spineOsteoid, .hipOsteoid, .spineMatrix, .hipMatrix, .spineMineral, .hipMineral: "fraction"
        default: "relative"
        }
    }

    public var meaning: String {
        switch self {
        case .calcium: "plasma calcium"
        case .pth: "plasma PTH"
        case .hydroxylase: "renal 1α-hydroxylase activity"
        case .calcitriol: "plasma calcitriol"
        case .gutAbsorption: "gut calcium absorption efficiency"
        case .preosteoblasts: "responding osteoblasts (preosteoblasts)"
        case .osteoblasts: "active osteoblasts"
        case .osteoclasts: "active osteoclasts"
        case .opg: "osteoprotegerin"
        case .osteocytes: "osteocytes"
        case .sclerostin: "sclerostin"
        case .spineOsteoid: "lumbar spine osteoid"
        case .spineMatrix: "lumbar spine mineralised matrix volume"
        case .spineMineral: "lumbar spine mineral"
        case .hipOsteoid: "total hip osteoid"
        case .hipMatrix: "total hip mineralised matrix volume"
        case .hipMineral: "total hip mineral"
        }
    }
}
