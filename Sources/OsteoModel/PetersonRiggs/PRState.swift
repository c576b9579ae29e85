/// State layout of the Peterson & Riggs 2010 model (BIOMD0000000613): the 30 dynamic species,
/// named as in the paper and the SBML (`ROB` is the SBML's `ROB1`). The SBML's 31st species,
/// `OB`, never changes; it is the parameter ``PetersonRiggsParameters/OB``.
public enum PRState: Int, CaseIterable, Sendable {
    case PTH, S, PTmax, B, SC, P, ECCPhos, T, R, HAp, PhosGut, IntraPO, OC, ROB, L, RNK, O, Q, Qbone
    case RX2, CREB, BCL2, TERISC, A, TGFB, TGFBact, OBfast, OBslow, M, N

    /// Index into the state vector.
    @inlinable public var index: Int { rawValue }

    /// Number of states.
    /// 30 states (a stored constant: `allCases.count` allocates in debug builds; a test checks it).
    public static let count = 30

    /// The species identifier in BIOMD0000000613.
    public var sbmlID: String { self == .ROB ? "ROB1" : String(describing: self) }

    /// Unit and meaning (SBML species notes, "from README file", and the paper).
    public var info: (unit: String, meaning: String) {
        switch self {
        case .PTH: return ("pmol", "circulating PTH (concentration = PTH/V1 pM; 53.9 pmol ≙ 3.85 pM)")
        case .S: return ("–", "PTH gland secretory pool (0.5 at baseline)")
        case .PTmax: return ("–", "PT gland maximal capacity (1 at baseline)")
        case .B: return ("pmol", "circulating calcitriol (1260 pmol ≙ 90 pM)")
        case .SC: return ("pmol", "subcutaneous PTH depot (driven by IPTHint; 0)")
        case .P: return ("mmol", "extracellular calcium (32.9 mmol ≙ 2.35 mM)")
        case .ECCPhos: return ("mmol", "extracellular phosphate (16.8 mmol ≙ 1.2 mM)")
        case .T: return ("mmol", "gut (oral) calcium")
        case .R: return ("–", "intestinal calcitriol response (calcium transport capacity)")
        case .HAp: return ("–", "hydroxyapatite / mineralisation signal following OB/OB0")
        case .PhosGut: return ("mmol", "gut (oral) phosphate")
        case .IntraPO: return ("mmol", "intracellular phosphate")
        case .OC: return ("relative", "active osteoclasts")
        case .ROB: return ("relative", "responding (uncommitted) osteoblasts (SBML ROB1)")
        case .L: return ("pM", "RANKL")
        case .RNK: return ("pM", "RANK")
        case .O: return ("pM", "OPG")
        case .Q: return ("mmol", "exchangeable (immediately available) bone calcium")
        case .Qbone: return ("mmol", "non-exchangeable bone calcium")
        case .RX2: return ("relative", "RUNX2")
        case .CREB: return ("relative", "CREB")
        case .BCL2: return ("relative", "BCL2")
        case .TERISC: return ("pmol", "teriparatide amount at the subcutaneous site (set by the dosing event)")
        case .A: return ("pmol/h", "1α-hydroxylase activity (calcitriol production rate)")
        case .TGFB: return ("relative", "latent TGF-β stored in bone")
        case .TGFBact: return ("relative", "active TGF-β")
        case .OBfast: return ("relative", "active osteoblasts, fast-elimination pool")
        case .OBslow: return ("relative", "active osteoblasts, slow-elimination pool")
        case .M: return ("pM", "RANK–RANKL complex")
        case .N: return ("pM", "OPG–RANKL complex (an output only: its formation consumes neither OPG nor RANKL)")
        }
    }

    /// The initial value written in the SBML, or nil where the SBML sets it by an initial
    /// assignment (A, TGFB, TGFBact, OBfast, OBslow, M, N; see ``PetersonRiggs2010System/sbmlInitialState(_:)``).
    public var sbmlInitialValue: Double? {
        switch self {
        case .PTH: return 53.9
        case .S: return 0.5
        case .PTmax: return 1
        case .B: return 1260
        case .SC: return 0
        case .P: return 32.9
        case .ECCPhos: return 16.8
        case .T: return 1.2375
        case .R: return 0.5
        case .HAp: return 1
        case .PhosGut: return 0.839
        case .IntraPO: return 3226
        case .OC: return 0.00115398
        case .ROB: return 0.00104122
        case .L: return 0.4
        case .RNK: return 10
        case .O: return 4
        case .Q: return 100
        case .Qbone: return 24_900
        case .RX2: return 10
        case .CREB: return 10
        case .BCL2: return 100
        case .TERISC: return 0
        case .A, .TGFB, .TGFBact, .OBfast, .OBslow, .M, .N: return nil
        }
    }
}
