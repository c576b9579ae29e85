#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Constants the SBML derives from the parameters and the initial state (its initial
/// assignments `Q0 = Q`, `OC0 = OC`, … and the assignment rules that depend on constants only).
/// Every EC50 is back-solved from the baseline so that the initial state is a steady state.
/// Hill terms store EC50^γ, computed exactly as the SBML does (`exp(ln(x)/γ)`, then `^γ`).
public struct PetersonRiggsDerived: Sendable, Equatable {
    // Baselines (SBML initial assignments from the initial state)
    public let Q0, OC0, RNK0, RANKL0, OB0, ROB0, QboneInit, OPG0, RX20, CREB0, M0, TGFBact0, TGFB0: Double
    // Calcium
    public let T13, T15, T17, J14OC50pow, MOCratio0, k15a, T29, ReabsMax, T47: Double
    // Bone cells and TGF-β
    public let bigDb, Dr, kinTGF, koutTGFact, kLShap, kHApIn, OBfast0: Double
    public let E0PicROB, EC50PicROBpow, E0PicOB, EC50PicOBpow, E0PicOC, EC50PicOCpow: Double
    public let EC50MeffOCpow, PiL0, EC50survPow: Double
    public let E0PicOBkb, EmaxPicOBkb, EC50PicOBkbPow, E0RUNX2kbEff, RUNkbMax, RUNkb50pow: Double
    // RANKL / RANK / OPG
    public let kinRNK, kinLbase, PTH50, pObase: Double
    // RUNX2 / CREB
    public let RX2Kin, EC50PTHRX2x, EC50PTHcreb, crebKin0: Double
    // PTH, calcitriol, phosphate, teriparatide
    public let T60pow, kout, T66, PhosEffMax, teriRate: Double
    // Constant powers of Hill terms
    public let T81powT80, PhosEff50pow, T67pow, T35pow: Double

    /// - Parameters:
    ///   - p: the constant parameters.
    ///   - y0: the baseline state (the SBML's initial state), laid out by ``PRState``.
    public init(_ p: PetersonRiggsParameters, baseline y0: [Double]) {
        func v(_ s: PRState) -> Double { y0[s.rawValue] }
        /// exp(ln(x)/γ) raised to γ, as the SBML writes its back-solved EC50s.
        func ec50pow(_ inParen: Double, _ g: Double) -> Double { pow(exp(log(inParen) / g), g) }

        Q0 = v(.Q); OC0 = v(.OC); RNK0 = v(.RNK); RANKL0 = v(.L); OB0 = p.OB; ROB0 = v(.ROB)
        QboneInit = v(.Qbone); OPG0 = v(.O); RX20 = v(.RX2); CREB0 = v(.CREB); M0 = v(.M)
        TGFBact0 = v(.TGFBact); TGFB0 = v(.TGFB)

        T13 = p.CaDay / 24 / Q0
        T15 = p.CaDay / (2.35 * 14 * 24)
        T17 = 3.85 * p.T16 - 3.85
        let oc0g = pow(OC0, p.J14OCgam)
        J14OC50pow = ec50pow(p.J14OCmax * oc0g / T13 - oc0g, p.J14OCgam)
        MOCratio0 = M0 / OC0
        k15a = p.k14a * QboneInit / Q0
        T29 = (p.T28 * p.T0 - 0.17533 * p.T0) / 0.17533
        ReabsMax = (0.3 * p.GFR * 2.35 - 0.149997) * (p.Reabs50 + 2.35) / 2.35
        T47 = p.T46 * 0.88 * p.GFR

        bigDb = p.kb * OB0 * p.Pic0 / ROB0
        Dr = p.kb * OB0 / p.Pic0
        kinTGF = p.koutTGF0 * TGFB0
        koutTGFact = p.koutTGF0 * 1000
        kLShap = 1 / p.HApMRT
        kHApIn = kLShap / OB0
        OBfast0 = OB0 * p.FracOBfast

        let t0 = TGFBact0
        E0PicROB = p.FracPicROB * p.Pic0
        EC50PicROBpow = ec50pow(p.EmaxPicROB * pow(t0, p.PicROBgam) / (p.Pic0 - E0PicROB) - pow(t0, p.PicROBgam), p.PicROBgam)
        E0PicOB = p.FracPicOB * p.Pic0
        EC50PicOBpow = ec50pow(p.EmaxPicOB * pow(t0, p.PicOBgam) / (p.Pic0 - E0PicOB) - pow(t0, p.PicOBgam), p.PicOBgam)
        E0PicOC = p.FracPicOC * p.Pic0
        EC50PicOCpow = ec50pow(p.EmaxPicOC * pow(t0, p.PicOCgam) / (p.Pic0 - E0PicOC) - pow(t0, p.PicOCgam), p.PicOCgam)
        let m0g = pow(M0, p.kinOCgam)
        EC50MeffOCpow = ec50pow(m0g * p.EmaxMeffOC / (1 - p.E0Meff) - m0g, p.kinOCgam)
        PiL0 = p.k3 / p.k4 * RANKL0
        let pil0g = pow(PiL0, p.LsurvOCgam)
        EC50survPow = ec50pow((p.E0RANKL - p.EmaxL) * pil0g / (p.E0RANKL - 1) - pil0g, p.LsurvOCgam)
        E0PicOBkb = p.MultPicOBkb * p.Pic0
        EmaxPicOBkb = p.FracPic0kb * p.Pic0
        EC50PicOBkbPow = ec50pow((E0PicOBkb - EmaxPicOBkb) * pow(t0, p.PicOBgamkb) / (E0PicOBkb - p.Pic0) - pow(t0, p.PicOBgamkb), p.PicOBgamkb)
        E0RUNX2kbEff = p.E0RUNX2kbEffFACT * p.kb
        RUNkbMax = E0RUNX2kbEff * p.RUNkbMaxFact
        let rx0g = pow(p.RUNX20, p.RUNkbGAM)
        RUNkb50pow = ec50pow(RUNkbMax * rx0g / (E0RUNX2kbEff - p.kb) - rx0g, p.RUNkbGAM)

        kinRNK = (p.koutRNK * RNK0 + p.k3 * RNK0 * RANKL0 - p.k4 * M0) / pow(TGFBact0, p.kinRNKgam)
        kinLbase = p.koutL * RANKL0
        PTH50 = p.EmaxLpth * 3.85 - 3.85
        pObase = p.kO * OPG0

        RX2Kin = p.RX2Kout0 * RX20
        EC50PTHRX2x = p.EmaxPTHRX2x * 3.85 / (p.RX2Kout0 - p.E0rx2Kout) - 3.85
        EC50PTHcreb = p.EmaxPTHcreb * 3.85 / (1 - p.E0crebKin) - 3.85
        crebKin0 = p.crebKout * CREB0

        let ca0g = pow(2.35, p.T59)
        T60pow = ec50pow((p.T58 - p.T61) * ca0g / (p.T58 - 385) - ca0g, p.T59)
        kout = p.T57 / 14
        T66 = (pow(p.T67, p.AlphOHgam) + pow(3.85, p.AlphOHgam)) / pow(3.85, p.AlphOHgam)
        let top = (p.PhosEff0 - 1) * (pow(1.2, p.PhosEffGam) + pow(p.PhosEff50, p.PhosEffGam))
        PhosEffMax = top / (p.PhosEff0 * pow(1.2, p.PhosEffGam))
        teriRate = p.TERICL / p.TERIVC
        T81powT80 = pow(p.T81, p.T80)
        PhosEff50pow = pow(p.PhosEff50, p.PhosEffGam)
        T67pow = pow(p.T67, p.AlphOHgam)
        T35pow = pow(p.T35, p.CaPOgam)
    }
}
