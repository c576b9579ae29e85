/// Constant parameters of the Peterson & Riggs 2010 integrated calcium / PTH / calcitriol /
/// bone-remodeling model, unmodified, as encoded in the curated SBML BIOMD0000000613 (CC0).
///
/// Property names are the SBML identifiers so that every value can be traced to the SBML.
/// Values live in one place, ``definitions``; ``init()`` fills the stored properties from it and
/// ``table`` renders it for docs. Time is in hours, calcium and phosphate in mmol, PTH and
/// calcitriol in pmol, volumes in L (all SBML compartments have size 1, so the model's
/// "concentrations" are amounts). Quantities that the SBML derives from the initial state
/// (EC50s, baselines) are computed in ``PetersonRiggsDerived``, not stored here.
///
/// Reference: Peterson MC, Riggs MM. A physiologically based mathematical model of integrated
/// calcium homeostasis and bone remodeling. Bone 2010;46:49–63 (model equations, Appendix).
public struct PetersonRiggsParameters: Sendable, Equatable {
    // TGF-β and bone-cell dynamics
    public var Pic0 = 0.0, FracOBfast = 0.0, kb = 0.0, Frackb = 0.0, Da = 0.0
    public var koutTGF0 = 0.0, koutTGFGam = 0.0, OCtgfGAM = 0.0, OBtgfGAM = 0.0
    public var EmaxPicROB = 0.0, PicROBgam = 0.0, FracPicROB = 0.0
    public var EmaxPicOB = 0.0, PicOBgam = 0.0, FracPicOB = 0.0
    public var EmaxPicOC = 0.0, PicOCgam = 0.0, FracPicOC = 0.0
    public var PicOBgamkb = 0.0, MultPicOBkb = 0.0, FracPic0kb = 0.0
    public var E0RUNX2kbEffFACT = 0.0, RUNkbGAM = 0.0, RUNkbMaxFact = 0.0, RUNX20 = 0.0
    public var E0Meff = 0.0, EmaxMeffOC = 0.0, kinOCgam = 0.0
    public var E0RANKL = 0.0, EmaxL = 0.0, LsurvOCgam = 0.0, LsurvOCCgam = 0.0
    public var HApMRT = 0.0
    // RANKL / RANK / OPG
    public var k1 = 0.0, k2 = 0.0, k3 = 0.0, k4 = 0.0
    public var koutL = 0.0, koutRNK = 0.0, kinRNKgam = 0.0, kO = 0.0, IO = 0.0
    public var EmaxLpth = 0.0, OsteoEffectGam = 0.0, TESTPOWER = 0.0, opgPTH50 = 0.0
    // RUNX2 / CREB / BCL2
    public var RX2Kout0 = 0.0, E0rx2Kout = 0.0, EmaxPTHRX2x = 0.0
    public var E0crebKin = 0.0, EmaxPTHcreb = 0.0, crebKout = 0.0, bcl2Kout = 0.0
    // Calcium fluxes
    public var V1 = 0.0, CaDay = 0.0, FracJ14 = 0.0, J14OCmax = 0.0, J14OCgam = 0.0, MOCratioGam = 0.0
    public var FracJ15 = 0.0, k14a = 0.0, GFR = 0.0, T16 = 0.0, Reabs50 = 0.0, T7 = 0.0, T9 = 0.0
    public var OralCa = 0.0, T0 = 0.0, T28 = 0.0, T77 = 0.0, T80 = 0.0, T81 = 0.0, T87 = 0.0
    public var T33 = 0.0, T34 = 0.0, T35 = 0.0, CaPOgam = 0.0
    // PTH gland and PTH kinetics
    public var T57 = 0.0, T58 = 0.0, T59 = 0.0, T61 = 0.0, T70 = 0.0, T71 = 0.0, ScaEffGam = 0.0
    public var PTout = 0.0, CtriolMax = 0.0, CtriolMin = 0.0, CtriolPTgam = 0.0, IPTHint = 0.0, IPTHinf = 0.0
    // Calcitriol and 1α-hydroxylase
    public var T64 = 0.0, T65 = 0.0, T67 = 0.0, T69 = 0.0, AlphOHgam = 0.0
    public var PhosEff0 = 0.0, PhosEff50 = 0.0, PhosEffGam = 0.0, PO4inhPTHgam = 0.0
    // Phosphate
    public var T46 = 0.0, T49 = 0.0, T52 = 0.0, T55 = 0.0, F12 = 0.0, OralPhos = 0.0
    // Teriparatide PK and the constant osteoblast species
    public var TERIVC = 0.0, TERICL = 0.0, TERIKA = 0.0, OB = 0.0

    /// The published (SBML) values.
    public init() {
        for d in Self.definitions { self[keyPath: d.keyPath] = d.value }
    }

    /// One parameter definition: the single place where its value, unit and meaning are written.
    public struct Definition {
        public let name: String
        public let keyPath: WritableKeyPath<PetersonRiggsParameters, Double>
        public let value: Double
        public let unit: String
        public let meaning: String
        public let source: String
    }

    /// Source string for values taken unchanged from the curated SBML.
    public static let sbmlSource = "Peterson & Riggs 2010 via BIOMD0000000613"

    /// All constant parameters of the SBML (initial-assignment constants Da, GFR, OralCa and
    /// OralPhos included with their evaluated values).
    public static var definitions: [Definition] {
        // The name is the property's own (the SBML id), read from the key path, never repeated as a string.
        func d(_ k: WritableKeyPath<PetersonRiggsParameters, Double>, _ v: Double, _ u: String, _ m: String,
               _ s: String = sbmlSource) -> Definition {
            let name = String(describing: k).split(separator: ".").last.map(String.init) ?? ""
            return Definition(name: name, keyPath: k, value: v, unit: u, meaning: m, source: s)
        }
        return [
            // TGF-β and bone cells
            d(\.Pic0, 0.228142, "relative", "baseline active TGF-β (= TGFBact(0)); scale of the Pic_X(TGF-β) effect functions"),
            d(\.FracOBfast, 0.797629, "fraction", "share of active osteoblasts in the fast-turnover pool at baseline"),
            d(\.kb, 6.05516e-4, "1/h", "baseline osteoblast elimination rate (t½ ≈ 48 d)"),
            d(\.Frackb, 0.313186, "fraction", "slow-pool osteoblast elimination rate as a fraction of kb′"),
            d(\.Da, 0.7 / 24, "1/h", "osteoclast elimination rate constant (0.7/day)"),
            d(\.koutTGF0, 2.98449e-5, "1/h", "latent TGF-β turnover (activation) rate"),
            d(\.koutTGFGam, 0.919131, "–", "exponent on TGFB/TGFB0 in the TGF-β activation rate — declared but not used in the SBML equations"),
            d(\.OCtgfGAM, 0.593891, "–", "exponent of OC/OC0 on latent TGF-β activation (osteoclastic release)"),
            d(\.OBtgfGAM, 0.0111319, "–", "exponent of OB/OB0 on latent TGF-β production"),
            d(\.EmaxPicROB, 3.9745, "relative", "Emax of active TGF-β on responding-osteoblast production"),
            d(\.PicROBgam, 1.80968, "–", "Hill exponent, TGF-β on responding-osteoblast production"),
            d(\.FracPicROB, 0.883824, "fraction", "E0 of PicROB as a fraction of Pic0"),
            d(\.EmaxPicOB, 0.251636, "relative", "Emax of active TGF-β on ROB → OB differentiation (PicOB)"),
            d(\.PicOBgam, 0.122313, "–", "Hill exponent of PicOB"),
            d(\.FracPicOB, 2.44818e-4, "fraction", "E0 of PicOB as a fraction of Pic0"),
            d(\.EmaxPicOC, 1.9746, "relative", "Emax of active TGF-β on osteoclast elimination (PicOC)"),
            d(\.PicOCgam, 1.0168, "–", "Hill exponent of PicOC"),
            d(\.FracPicOC, 0.878215, "fraction", "E0 of PicOC as a fraction of Pic0"),
            d(\.PicOBgamkb, 2.92375, "–", "Hill exponent of the TGF-β effect on osteoblast elimination (PicOBkb)"),
            d(\.MultPicOBkb, 3.11842, "–", "E0 of PicOBkb as a multiple of Pic0"),
            d(\.FracPic0kb, 0.764028, "fraction", "Emax of PicOBkb as a fraction of Pic0"),
            d(\.E0RUNX2kbEffFACT, 1.01, "–", "kb multiplier giving the RUNX2-free osteoblast elimination rate"),
            d(\.RUNkbGAM, 3.67798, "–", "Hill exponent of RUNX2 on osteoblast survival"),
            d(\.RUNkbMaxFact, 0.638114, "fraction", "maximal RUNX2 reduction of osteoblast elimination, fraction of 1.01·kb"),
            d(\.RUNX20, 10, "relative", "RUNX2 level at baseline (reference for RUNkb50)"),
            d(\.E0Meff, 0.388267, "–", "baseline (M = 0) RANK–RANKL effect on osteoclast formation"),
            d(\.EmaxMeffOC, 3.15667, "–", "Emax of the RANK–RANKL complex on osteoclast formation"),
            d(\.kinOCgam, 8.53065, "–", "Hill exponent of RANK–RANKL on osteoclast formation"),
            d(\.E0RANKL, 3.80338, "–", "osteoclast elimination multiplier with no RANK–RANKL signal"),
            d(\.EmaxL, 0.469779, "–", "osteoclast elimination multiplier at saturating RANK–RANKL (survival)"),
            d(\.LsurvOCgam, 3.09023, "–", "Hill exponent of RANK–RANKL on osteoclast survival"),
            d(\.LsurvOCCgam, 3.0923, "–", "declared in the SBML, not used by any equation"),
            d(\.HApMRT, 3.60609, "h", "mean residence time of the hydroxyapatite (mineralisation) signal HAp"),
            // RANKL / RANK / OPG
            d(\.k1, 6.24e-6, "1/(pM·h)", "OPG–RANKL association (forms N; consumes neither O nor L in the SBML)"),
            d(\.k2, 0.112013, "1/h", "OPG–RANKL dissociation"),
            d(\.k3, 6.24e-6, "1/(pM·h)", "RANK–RANKL association"),
            d(\.k4, 0.112013, "1/h", "RANK–RANKL dissociation"),
            d(\.koutL, 0.00293273, "1/h", "RANKL elimination"),
            d(\.koutRNK, 0.00323667, "1/h", "RANK elimination"),
            d(\.kinRNKgam, 0.151825, "–", "exponent of active TGF-β on RANK production"),
            d(\.kO, 15.8885, "1/h", "OPG elimination"),
            d(\.IO, 0, "pM/h", "exogenous OPG input (0)"),
            d(\.EmaxLpth, 1.30721, "–", "Emax of PTH on RANKL production"),
            d(\.OsteoEffectGam, 0.173833, "–", "exponent of OB/OB0 on RANKL production"),
            d(\.TESTPOWER, 1, "–", "exponent on the osteoblast effect inside the PTH EC50 for RANKL"),
            d(\.opgPTH50, 3.85, "pM", "PTH constant of the OPG-production term"),
            // RUNX2 / CREB / BCL2
            d(\.RX2Kout0, 0.693, "1/h", "baseline RUNX2 elimination"),
            d(\.E0rx2Kout, 0.125, "1/h", "RUNX2 elimination with no PTH"),
            d(\.EmaxPTHRX2x, 5, "1/h", "Emax of PTH on RUNX2 elimination"),
            d(\.E0crebKin, 0.5, "fraction", "CREB production with no PTH, fraction of baseline"),
            d(\.EmaxPTHcreb, 3.39745, "–", "Emax of PTH on CREB production"),
            d(\.crebKout, 0.00279513, "1/h", "CREB elimination"),
            d(\.bcl2Kout, 0.693, "1/h", "BCL2 elimination"),
            // Calcium
            d(\.V1, 14, "L", "extracellular-fluid volume"),
            d(\.CaDay, 88, "mmol/day", "baseline calcium exchange between ECF and bone (J14 = J15 at baseline)"),
            d(\.FracJ14, 0.107763, "fraction", "osteoclast-dependent share of the bone → ECF calcium flux J14"),
            d(\.J14OCmax, 0.543488, "–", "Emax of osteoclasts on J14"),
            d(\.J14OCgam, 1.6971, "–", "Hill exponent of osteoclasts on J14"),
            d(\.MOCratioGam, 0.603754, "–", "exponent of the RANK–RANKL per osteoclast ratio on J14"),
            d(\.FracJ15, 0.114376, "fraction", "HAp (osteoblast)-dependent share of the ECF → bone calcium flux J15"),
            d(\.k14a, 2.44437e-5, "1/h", "non-exchangeable → exchangeable bone calcium rate"),
            d(\.GFR, 100 / 16.667, "L/h", "glomerular filtration rate (100 mL/min)"),
            d(\.T16, 1.06147, "–", "Emax of PTH on active renal calcium reabsorption"),
            d(\.Reabs50, 1.57322, "mM", "calcium concentration for half-maximal active reabsorption"),
            d(\.T7, 2, "–", "Emax of calcitriol on renal calcium excretion factor"),
            d(\.T9, 90, "pM", "calcitriol EC50 on renal calcium excretion factor"),
            d(\.OralCa, 24.055 / 24, "mmol/h", "dietary calcium intake (24.055 mmol/day ≈ 964 mg/day)"),
            d(\.T0, 1.58471, "mmol", "gut calcium reference amount for the saturable absorption term"),
            d(\.T28, 0.9, "1/h", "maximal rate of calcitriol-dependent gut calcium absorption"),
            d(\.T77, 0.909359, "fraction", "maximal bioavailable fraction of oral calcium (F11 = T77·Hill(R))"),
            d(\.T80, 4, "–", "Hill exponent of intestinal calcitriol response R on oral calcium bioavailability"),
            d(\.T81, 0.75, "mmol / –", "half-saturation constant (gut Ca in J40; R in T85)"),
            d(\.T87, 0.0495, "1/h", "passive (paracellular) gut calcium absorption rate"),
            d(\.T33, 0.003, "1/h", "minimal intestinal calcitriol-response turnover rate"),
            d(\.T34, 0.037, "1/h", "maximal intestinal calcitriol-response turnover rate"),
            d(\.T35, 90, "pM", "calcitriol EC50 on the intestinal response R"),
            d(\.CaPOgam, 1, "–", "Hill exponent of calcitriol on the intestinal response R"),
            // PTH
            d(\.T57, 100, "L/h", "PTH clearance (kout = T57/V1)"),
            d(\.T58, 6249.09, "pmol/h", "maximal PTH secretion (low calcium)"),
            d(\.T59, 11.7387, "–", "Hill exponent of calcium on PTH secretion"),
            d(\.T61, 96.25, "pmol/h", "minimal PTH secretion (high calcium)"),
            d(\.T70, 0.01, "1/h", "PTH gland pool (S) turnover rate"),
            d(\.T71, 0.03, "1/pM", "steepness of the calcitriol/calcium switch of the gland pool"),
            d(\.ScaEffGam, 0.9, "–", "exponent of the calcium effect on the gland-pool calcitriol set point"),
            d(\.PTout, 1.604e-4, "1/h", "PT gland capacity (PTmax) turnover rate"),
            d(\.CtriolMax, 4.1029, "–", "maximal calcitriol effect on PT gland capacity growth"),
            d(\.CtriolMin, 0.9, "–", "minimal calcitriol effect on PT gland capacity growth"),
            d(\.CtriolPTgam, 12.5033, "–", "Hill exponent of calcitriol on PT gland capacity (its EC50 tracks the current C8, so the effect is ≡ 1 in the SBML)"),
            d(\.IPTHint, 0, "pmol/h", "input into the subcutaneous PTH depot SC (0)"),
            d(\.IPTHinf, 0, "pmol/h", "PTH infusion (0)"),
            // Calcitriol
            d(\.T64, 0.05, "1/h", "1α-hydroxylase elimination"),
            d(\.T65, 6.3, "pmol/h", "1α-hydroxylase production scale"),
            d(\.T67, 1.54865, "pM", "PTH EC50 on 1α-hydroxylase production"),
            d(\.T69, 0.1, "1/h", "calcitriol elimination"),
            d(\.AlphOHgam, 0.111241, "–", "Hill exponent of PTH on 1α-hydroxylase production"),
            d(\.PhosEff0, 1.52493, "–", "phosphate effect on 1α-hydroxylase at zero phosphate"),
            d(\.PhosEff50, 1.3021, "mM", "phosphate EC50 on 1α-hydroxylase"),
            d(\.PhosEffGam, 8.25229, "–", "Hill exponent of phosphate on 1α-hydroxylase"),
            d(\.PO4inhPTHgam, 0, "–", "exponent of phosphate inhibition of the PTH effect on 1α-hydroxylase (0 = off)"),
            // Phosphate
            d(\.T46, 1.142, "mM", "renal phosphate threshold (J48 = 0.88·GFR·(C2 − T46))"),
            d(\.T49, 51.8, "L/h", "ECF → intracellular phosphate clearance"),
            d(\.T52, 0.365, "1/h", "gut phosphate absorption rate"),
            d(\.T55, 0.019268, "1/h", "intracellular → ECF phosphate rate"),
            d(\.F12, 0.7, "fraction", "bioavailable fraction of oral phosphate"),
            d(\.OralPhos, 10.5 / 24, "mmol/h", "dietary phosphate intake (10.5 mmol/day)"),
            // Teriparatide PK, constant species
            d(\.TERIVC, 133, "L", "teriparatide central volume (SC depot → PTH rate = TERICL/TERIVC)"),
            d(\.TERICL, 94.3, "L/h", "teriparatide clearance term of the depot release rate"),
            d(\.TERIKA, 16.4, "1/h", "teriparatide absorption rate — declared, not used by any SBML equation"),
            d(\.OB, 0.00501324, "relative", "total active osteoblasts at baseline (a constant species in the SBML; sets OB0 and the OBfast/OBslow initial values)"),
        ]
    }

    /// The annotated table for docs. The reference port is a fixed, faithful copy of the
    /// published model: it takes no overrides, so each accepted range is its published value.
    public static var table: [ParameterInfo] {
        definitions.map {
            ParameterInfo(component: "peterson_riggs_2010", name: $0.name, value: $0.value, unit: $0.unit,
                          meaning: $0.meaning, source: $0.source, min: $0.value, max: $0.value)
        }
    }
}
