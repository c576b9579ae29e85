import OsteoODE

/// The Peterson & Riggs 2010 model exactly as the curated SBML BIOMD0000000613 encodes it
/// (unmodified; time in hours; 30 states laid out by ``PRState``).
///
/// The right-hand side is assembled from the small block functions in
/// `PetersonRiggs2010System+Blocks.swift` (calcium fluxes, PTH gland, calcitriol, phosphate,
/// bone cells, RANKL/RANK/OPG, TGF-β, RUNX2/CREB/BCL2, teriparatide depot) so that a modified
/// model can reuse them. It keeps every non-smooth switch of the SBML (see the blocks' comments
/// and docs/research/peterson-riggs-2010.md): nothing is smoothed here.
///
/// Teriparatide doses are not part of the RHS: the SBML *sets* `TERISC` to the dose
/// (µg·1e6/4117.8 pmol) at each dose time, which callers express as a
/// `Discontinuity(time:, jumps: [.set(PRState.TERISC.index, dose)])`.
public struct PetersonRiggs2010System: GenericODESystem, Sendable {
    public let parameters: PetersonRiggsParameters
    public let derived: PetersonRiggsDerived
    /// The baseline (initial) state the derived constants were computed from.
    public let baseline: [Double]

    /// The model with the published parameters, baselined at the SBML initial state.
    public init(parameters: PetersonRiggsParameters = PetersonRiggsParameters()) {
        self.init(parameters: parameters, baseline: Self.sbmlInitialState(parameters))
    }

    /// The model baselined at `baseline` (the SBML's initial assignments `Q0 = Q`, `OC0 = OC`, …
    /// take their values from it).
    public init(parameters: PetersonRiggsParameters, baseline: [Double]) {
        self.parameters = parameters
        self.baseline = baseline
        self.derived = PetersonRiggsDerived(parameters, baseline: baseline)
    }

    public var dimension: Int { PRState.count }

    /// The SBML initial state: the species' initial values, and the initial assignments
    /// A = B/10, TGFB = 1000·Pic0, TGFBact = Pic0, OBfast = OB·FracOBfast,
    /// OBslow = OB·(1 − FracOBfast), M = k3·RNK·L/k4, N = k1·O·L/k2.
    public static func sbmlInitialState(_ p: PetersonRiggsParameters = PetersonRiggsParameters()) -> [Double] {
        var y = [Double](repeating: 0, count: PRState.count)
        for s in PRState.allCases { y[s.rawValue] = s.sbmlInitialValue ?? 0 }
        y[PRState.A.rawValue] = y[PRState.B.rawValue] / 10
        y[PRState.TGFB.rawValue] = p.Pic0 * 1000
        y[PRState.TGFBact.rawValue] = p.Pic0
        y[PRState.OBfast.rawValue] = p.OB * p.FracOBfast
        y[PRState.OBslow.rawValue] = p.OB * (1 - p.FracOBfast)
        let L = y[PRState.L.rawValue], RNK = y[PRState.RNK.rawValue], O = y[PRState.O.rawValue]
        y[PRState.M.rawValue] = p.k3 * RNK * L / p.k4
        y[PRState.N.rawValue] = p.k1 * O * L / p.k2
        return y
    }

    /// Teriparatide dose in pmol for a dose in µg (SBML event: µg·1e6/4117.8).
    public static func teriparatideDosePmol(micrograms: Double) -> Double { micrograms * 1_000_000 / 4117.8 }

    @inlinable
    public func rhs<S: ODEScalar>(t: S, y: UnsafePointer<S>, dy: UnsafeMutablePointer<S>) {
        let p = parameters, d = derived
        @inline(__always) func v(_ s: PRState) -> S { y[s.rawValue] }
        @inline(__always) func set(_ s: PRState, _ value: S) { dy[s.rawValue] = value }

        let PTH = v(.PTH), P = v(.P), B = v(.B), ECCPhos = v(.ECCPhos)
        let OC = v(.OC), ROB = v(.ROB), M = v(.M), L = v(.L), TGFBact = v(.TGFBact)
        let OB = v(.OBfast) + v(.OBslow)
        let PTHconc = PTH / p.V1              // C4 = PTHconc (pM)
        let CaConc = P / 14                   // CaConc (mM); the SBML writes 14, not V1
        let C1 = P / p.V1, C2 = ECCPhos / p.V1, C8 = B / p.V1

        // Calcium
        let J14 = Self.boneResorptionCaFlux(OC: OC, M: M, p, d)
        let J15 = Self.boneFormationCaFlux(P: P, HAp: v(.HAp), p, d)
        let J27 = Self.renalCaExcretion(C1: C1, PTHconc: PTHconc, C8: C8, p, d)
        let J40 = Self.gutCaAbsorption(T: v(.T), R: v(.R), p, d)
        let oralCaIn = p.OralCa * Self.oralCaBioavailability(R: v(.R), p, d)
        let J14a = p.k14a * v(.Qbone), J15a = d.k15a * v(.Q)
        set(.P, J14 + J40 - J15 - J27)
        set(.T, oralCaIn - J40)
        set(.Q, J15 - J14 + J14a - J15a)
        set(.Qbone, J15a - J14a)

        // PTH gland, PTH and teriparatide
        let teriIn = d.teriRate * v(.TERISC)
        set(.PTH, Self.pthSecretion(CaConc: CaConc, S: v(.S), PTmax: v(.PTmax), SC: v(.SC), p, d) + teriIn - d.kout * PTH)
        set(.S, Self.glandPoolRate(S: v(.S), CaConc: CaConc, C8: C8, p))
        set(.PTmax, Self.glandCapacityRate(PTmax: v(.PTmax), C8: C8, p))
        set(.SC, p.IPTHint - 0.693 * v(.SC))
        set(.TERISC, -teriIn)

        // Calcitriol, 1α-hydroxylase, intestinal response
        set(.A, Self.alphaHydroxylaseProduction(PTHconc: PTHconc, C2: C2, p, d) - p.T64 * v(.A))
        set(.B, v(.A) - p.T69 * B)
        set(.R, Self.intestinalResponseRate(R: v(.R), C8: C8, p, d))

        // Phosphate
        let po4 = Self.phosphateRates(J14: J14, J15: J15, C2: C2, PhosGut: v(.PhosGut), IntraPO: v(.IntraPO), p, d)
        set(.ECCPhos, po4.ecf)
        set(.PhosGut, po4.gut)
        set(.IntraPO, po4.intracellular)

        // Bone cells
        let oc = Self.osteoclastRates(M: M, TGFBact: TGFBact, p, d)
        set(.OC, oc.production - oc.eliminationRate * OC)
        let rob = Self.respondingOsteoblastRates(TGFBact: TGFBact, p, d)
        set(.ROB, rob.production - rob.eliminationRate * ROB)
        let ob = Self.osteoblastRates(ROB: ROB, TGFBact: TGFBact, BCL2: v(.BCL2), p, d)
        set(.OBfast, ob.fastIn - ob.kbfast * v(.OBfast))
        set(.OBslow, ob.slowIn - ob.kbslow * v(.OBslow))
        set(.HAp, d.kHApIn * OB - d.kLShap * v(.HAp))

        // TGF-β
        let tgf = Self.tgfBetaRates(TGFB: v(.TGFB), TGFBact: TGFBact, OB: OB, OC: OC, p, d)
        set(.TGFB, tgf.production - tgf.activation)
        set(.TGFBact, tgf.activation - tgf.degradation)

        // RANKL / RANK / OPG
        let RNK = v(.RNK), O = v(.O)
        let bindRANK = p.k3 * RNK * L - p.k4 * M
        set(.L, Self.ranklProduction(OB: OB, PTHconc: PTHconc, p, d) - p.koutL * L - bindRANK)
        set(.RNK, Self.rankProduction(TGFBact: TGFBact, p, d) - p.koutRNK * RNK - bindRANK)
        set(.M, bindRANK)
        set(.O, Self.opgProduction(ROB: ROB, PTHconc: PTHconc, p, d) - p.kO * O)
        // SBML: OPG–RANKL association/dissociation change N only (L and O are modifiers).
        set(.N, p.k1 * O * L - p.k2 * v(.N))

        // RUNX2 / CREB / BCL2
        let tf = Self.transcriptionRates(PTHconc: PTHconc, RX2: v(.RX2), CREB: v(.CREB), BCL2: v(.BCL2), p, d)
        set(.RX2, tf.rx2)
        set(.CREB, tf.creb)
        set(.BCL2, tf.bcl2)
    }
}
