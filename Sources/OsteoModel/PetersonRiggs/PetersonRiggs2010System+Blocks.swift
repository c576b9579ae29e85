import OsteoODE

/// Right-hand-side blocks of the Peterson & Riggs 2010 model (BIOMD0000000613), one per
/// physiological process, generic over ``ODEScalar`` so that values and exact Jacobians come from
/// one code path. Names follow the SBML (J14, J15, J27, J40, T63, …). Concentrations:
/// C1 = P/V1 (Ca, mM), C2 = ECCPhos/V1 (PO4, mM), C4 = PTH/V1 (pM), C8 = B/V1 (calcitriol, pM).
/// SWITCH marks a non-smooth term kept as in the SBML.
extension PetersonRiggs2010System {
    public typealias Params = PetersonRiggsParameters
    public typealias Derived = PetersonRiggsDerived

    /// Sigmoid Emax term E·x^γ/(x^γ + EC50^γ), with EC50^γ precomputed.
    @inlinable static func emax<S: ODEScalar>(_ x: S, _ emax: Double, _ gamma: Double, ec50pow: Double) -> S {
        let xg = S.pow(x, gamma)
        return emax * xg / (xg + ec50pow)
    }

    // MARK: Calcium

    /// J14, bone → ECF calcium (mmol/h): a constant part CaDay/24·(1 − FracJ14) plus an
    /// osteoclast-dependent part scaled by the RANK–RANKL per osteoclast ratio.
    @inlinable static func boneResorptionCaFlux<S: ODEScalar>(OC: S, M: S, _ p: Params, _ d: Derived) -> S {
        let OCeqn = emax(OC, p.J14OCmax, p.J14OCgam, ec50pow: d.J14OC50pow)
        let MOCratioEff = S.pow((M / OC) / d.MOCratio0, p.MOCratioGam)
        let J14OCdepend = OCeqn * (d.Q0 * p.FracJ14) * MOCratioEff
        return d.T13 * d.Q0 * (1 - p.FracJ14) + J14OCdepend
    }

    /// J15, ECF → bone calcium (mmol/h): proportional to ECF calcium, a share FracJ15 modulated by
    /// the mineralisation signal HAp.
    @inlinable static func boneFormationCaFlux<S: ODEScalar>(P: S, HAp: S, _ p: Params, _ d: Derived) -> S {
        d.T15 * P * (1 - p.FracJ15) + d.T15 * P * p.FracJ15 * HAp
    }

    /// J27, urinary calcium (mmol/h): filtered load minus PTH-stimulated active reabsorption,
    /// scaled by (2 − T10(calcitriol)).
    /// SWITCH: J27 = max(J27a, 0) (SBML `piecewise(0, J27a < 0, J27a)`).
    @inlinable static func renalCaExcretion<S: ODEScalar>(C1: S, PTHconc: S, C8: S, _ p: Params, _ d: Derived) -> S {
        let CaFilt = 0.6 * 0.5 * p.GFR * C1
        let ReabsPTHeff = p.T16 * PTHconc / (PTHconc + d.T17)
        let CaReabsActive = d.ReabsMax * C1 / (p.Reabs50 + C1) * ReabsPTHeff
        let T10 = p.T7 * C8 / (C8 + p.T9)
        let J27a = (2 - T10) * (CaFilt - CaReabsActive)
        return J27a.value < 0 ? S(0) : J27a
    }

    /// J40, gut → ECF calcium absorption (mmol/h): saturable, R-dependent transport plus a
    /// passive term T87·T.
    @inlinable static func gutCaAbsorption<S: ODEScalar>(T: S, R: S, _ p: Params, _ d: Derived) -> S {
        let T31 = p.T28 * T / (T + d.T29)
        let T83 = R / 0.5
        return T31 * T * T83 / (T + p.T81) + p.T87 * T
    }

    /// F11 = T85, bioavailable fraction of oral calcium, a Hill function of the intestinal
    /// response R (so the gut input is OralCa·F11).
    @inlinable static func oralCaBioavailability<S: ODEScalar>(R: S, _ p: Params, _ d: Derived) -> S {
        emax(R, p.T77, p.T80, ec50pow: d.T81powT80)
    }

    // MARK: PTH gland

    /// SPTH, PTH secretion (pmol/h): the inverse sigmoid T63(Ca) of calcium, scaled by the gland
    /// pool S/0.5 and capacity PTmax, plus release from the subcutaneous depot and infusion.
    @inlinable static func pthSecretion<S: ODEScalar>(CaConc: S, S gland: S, PTmax: S, SC: S, _ p: Params, _ d: Derived) -> S {
        let T63 = p.T58 - emax(CaConc, p.T58 - p.T61, p.T59, ec50pow: d.T60pow)
        let FCTD = gland / 0.5 * PTmax
        return T63 * FCTD + (0.693 * SC + p.IPTHinf)
    }

    /// dS/dt, the gland secretory pool: production (1 − S)·T76 and loss S·T75 switch smoothly
    /// (tanh) around a calcitriol set point 90·(2.35/Ca)^ScaEffGam pM.
    @inlinable static func glandPoolRate<S: ODEScalar>(S gland: S, CaConc: S, C8: S, _ p: Params) -> S {
        let ScaEff = S.pow(2.35 / CaConc, p.ScaEffGam)
        let T73 = p.T71 * (C8 - 90 * ScaEff)
        let ep = S.exp(T73), em = S.exp(-T73)
        let T74 = (ep - em) / (ep + em)
        let T75 = p.T70 * (0.85 * (1 + T74) + 0.15)
        let T76 = p.T70 * (0.85 * (1 - T74) + 0.15)
        return (1 - gland) * T76 - gland * T75
    }

    /// dPTmax/dt, gland capacity: PTout·CtriolPTeff − PTout·PTmax. The SBML back-solves the
    /// calcitriol EC50 from the *current* C8 (INparenCtriol uses C8, not its baseline), so
    /// CtriolPTeff ≡ 1 and calcitriol has no effect on capacity; reproduced as written.
    @inlinable static func glandCapacityRate<S: ODEScalar>(PTmax: S, C8: S, _ p: Params) -> S {
        let g = p.CtriolPTgam
        let c8g = S.pow(C8, g)
        let inParen = (p.CtriolMax - p.CtriolMin) * c8g / (p.CtriolMax - 1) - c8g
        let Ctriol50 = S.exp(S.log(inParen) / g)
        let CtriolPTeff = p.CtriolMax - (p.CtriolMax - p.CtriolMin) * c8g / (c8g + S.pow(Ctriol50, g))
        return p.PTout * CtriolPTeff - p.PTout * PTmax
    }

    // MARK: Calcitriol

    /// SE, 1α-hydroxylase production (pmol/h²): T65 · T68(PTH) · PhosEffect(PO4).
    /// SWITCH: PhosEffect = PhosEff(C2) if C2 > 1.2 mM else 1 (continuous at 1.2, kink in slope;
    /// the baseline C2 = 16.8/14 sits exactly on it).
    @inlinable static func alphaHydroxylaseProduction<S: ODEScalar>(PTHconc: S, C2: S, _ p: Params, _ d: Derived) -> S {
        let PO4inhPTH = S.pow(C2 / 1.2, p.PO4inhPTHgam)
        let c2g = S.pow(C2, p.PhosEffGam)
        let PhosEff = p.PhosEff0 - d.PhosEffMax * p.PhosEff0 * c2g / (c2g + d.PhosEff50pow)
        let PhosEffect = C2.value > 1.2 ? PhosEff : S(1)
        let c4a = S.pow(PTHconc, p.AlphOHgam)
        let T68 = d.T66 * c4a / (d.T67pow * PO4inhPTH + c4a)
        return p.T65 * T68 * PhosEffect
    }

    /// dR/dt, intestinal calcitriol response: T36(C8)·(1 − R) − T37(C8)·R.
    @inlinable static func intestinalResponseRate<S: ODEScalar>(R: S, C8: S, _ p: Params, _ d: Derived) -> S {
        let h = emax(C8, 1, p.CaPOgam, ec50pow: d.T35pow)
        let T36 = p.T33 + (p.T34 - p.T33) * h
        let T37 = p.T34 - (p.T34 - p.T33) * h
        return T36 * (1 - R) - T37 * R
    }

    // MARK: Phosphate

    /// Phosphate rates (mmol/h) of the ECF, gut and intracellular pools. Bone PO4 exchange is
    /// 0.464 × the calcium fluxes (J41, J42).
    /// SWITCH: J48 (urinary PO4) = max(0.88·GFR·C2 − T47, 0).
    @inlinable static func phosphateRates<S: ODEScalar>(J14: S, J15: S, C2: S, PhosGut: S, IntraPO: S,
                                                        _ p: Params, _ d: Derived) -> (ecf: S, gut: S, intracellular: S) {
        let J41 = 0.464 * J14, J42 = 0.464 * J15
        let J48a = 0.88 * p.GFR * C2 - d.T47
        let J48 = J48a.value < 0 ? S(0) : J48a
        let J53 = p.T52 * PhosGut, J54 = p.T49 * C2, J56 = p.T55 * IntraPO
        return (J41 + J53 + J56 - J42 - J48 - J54, p.OralPhos * p.F12 - J53, J54 - J56)
    }

    // MARK: Bone cells

    /// Osteoclast production kinOC2 = Da·Pic0·MeffOC(M)·OC0 and elimination rate
    /// KLSoc = Da·PicOC(TGFβact)·LsurvOC(M/10) (1/h).
    @inlinable static func osteoclastRates<S: ODEScalar>(M: S, TGFBact: S, _ p: Params, _ d: Derived) -> (production: S, eliminationRate: S) {
        let MeffOC = p.E0Meff + emax(M, p.EmaxMeffOC, p.kinOCgam, ec50pow: d.EC50MeffOCpow)
        let PicOC = d.E0PicOC + emax(TGFBact, p.EmaxPicOC, p.PicOCgam, ec50pow: d.EC50PicOCpow)
        let LsurvOC = p.E0RANKL - emax(M / 10, p.E0RANKL - p.EmaxL, p.LsurvOCgam, ec50pow: d.EC50survPow)
        return (p.Da * p.Pic0 * MeffOC * d.OC0, p.Da * PicOC * LsurvOC)
    }

    /// PicOB(TGFβact): TGF-β effect on ROB → OB differentiation (the flux is bigDb/PicOB·ROB).
    @inlinable static func picOB<S: ODEScalar>(TGFBact: S, _ p: Params, _ d: Derived) -> S {
        d.E0PicOB + emax(TGFBact, p.EmaxPicOB, p.PicOBgam, ec50pow: d.EC50PicOBpow)
    }

    /// Responding osteoblasts: production ROBin = Dr·PicROB(TGFβact) and elimination
    /// (differentiation) rate KPT = bigDb/PicOB (1/h).
    @inlinable static func respondingOsteoblastRates<S: ODEScalar>(TGFBact: S, _ p: Params, _ d: Derived) -> (production: S, eliminationRate: S) {
        let PicROB = d.E0PicROB + emax(TGFBact, p.EmaxPicROB, p.PicROBgam, ec50pow: d.EC50PicROBpow)
        return (d.Dr * PicROB, d.bigDb / picOB(TGFBact: TGFBact, p, d))
    }

    /// RUNX2 as the SBML defines it from BCL2.
    /// SWITCH: RUNX2 = BCL2 − 90 if BCL2 > 105 else 10 (jumps 10 → 15 at BCL2 = 105).
    @inlinable static func runx2<S: ODEScalar>(BCL2: S) -> S {
        BCL2.value > 105 ? BCL2 - 90 : S(10)
    }

    /// Active osteoblasts: inflows into the fast and slow pools and their elimination rates.
    /// kb′ = 1.01·kb·PicOBkb(TGFβact)/Pic0 − RUNX2 effect; kbslow = Frackb·kb′; kbfast keeps the
    /// baseline total elimination kb·OB0.
    @inlinable static func osteoblastRates<S: ODEScalar>(ROB: S, TGFBact: S, BCL2: S, _ p: Params, _ d: Derived)
        -> (fastIn: S, slowIn: S, kbfast: S, kbslow: S) {
        let PicOBkb = d.E0PicOBkb - emax(TGFBact, d.E0PicOBkb - d.EmaxPicOBkb, p.PicOBgamkb, ec50pow: d.EC50PicOBkbPow)
        let RUNX2kbPrimeEff = emax(runx2(BCL2: BCL2), d.RUNkbMax, p.RUNkbGAM, ec50pow: d.RUNkb50pow)
        let kbprime = d.E0RUNX2kbEff * (PicOBkb / p.Pic0) - RUNX2kbPrimeEff
        let kbslow = kbprime * p.Frackb
        let kbfast = (p.kb * d.OB0 + kbslow * d.OBfast0 - kbslow * d.OB0) / d.OBfast0
        let flux = d.bigDb / picOB(TGFBact: TGFBact, p, d) * ROB
        return (flux * p.FracOBfast * (kbfast / kbprime), flux * (1 - p.FracOBfast) * p.Frackb, kbfast, kbslow)
    }

    // MARK: TGF-β

    /// Latent TGF-β production (∝ (OB/OB0)^OBtgfGAM), osteoclastic activation
    /// (koutTGF0·TGFB·(OC/OC0)^OCtgfGAM) and active TGF-β degradation (1000·koutTGF0·TGFBact).
    @inlinable static func tgfBetaRates<S: ODEScalar>(TGFB: S, TGFBact: S, OB: S, OC: S, _ p: Params, _ d: Derived)
        -> (production: S, activation: S, degradation: S) {
        (d.kinTGF * S.pow(OB / d.OB0, p.OBtgfGAM),
         p.koutTGF0 * TGFB * S.pow(OC / d.OC0, p.OCtgfGAM),
         d.koutTGFact * TGFBact)
    }

    // MARK: RANKL / RANK / OPG

    /// kinL, RANKL production (pM/h): koutL·L0·(OB/OB0)^γ · EmaxLpth·C4/(PTH50·(OB/OB0)^γ + C4).
    @inlinable static func ranklProduction<S: ODEScalar>(OB: S, PTHconc: S, _ p: Params, _ d: Derived) -> S {
        let OsteoEffect = S.pow(OB / d.OB0, p.OsteoEffectGam)
        let LpthEff = p.EmaxLpth * PTHconc / (d.PTH50 * S.pow(OsteoEffect, p.TESTPOWER) + PTHconc)
        return d.kinLbase * OsteoEffect * LpthEff
    }

    /// RANK production (pM/h): kinRNK·TGFβact^kinRNKgam.
    @inlinable static func rankProduction<S: ODEScalar>(TGFBact: S, _ p: Params, _ d: Derived) -> S {
        d.kinRNK * S.pow(TGFBact, p.kinRNKgam)
    }

    /// pO, OPG production (pM/h): kO·O0·(ROB/ROB0)·(C4 + opgPTH50·ROB/ROB0)/(2·C4) + IO.
    @inlinable static func opgProduction<S: ODEScalar>(ROB: S, PTHconc: S, _ p: Params, _ d: Derived) -> S {
        let r = ROB / d.ROB0
        return d.pObase * r * (PTHconc + p.opgPTH50 * r) / (2 * PTHconc) + p.IO
    }

    // MARK: RUNX2 / CREB / BCL2

    /// The PTH anabolic/catabolic switch: PTH raises RUNX2 elimination and CREB production;
    /// BCL2 is produced from RUNX2·CREB.
    @inlinable static func transcriptionRates<S: ODEScalar>(PTHconc: S, RX2: S, CREB: S, BCL2: S, _ p: Params, _ d: Derived)
        -> (rx2: S, creb: S, bcl2: S) {
        let RX2Kout = p.E0rx2Kout + p.EmaxPTHRX2x * PTHconc / (PTHconc + d.EC50PTHRX2x)
        let crebKin = d.crebKin0 * (p.E0crebKin + p.EmaxPTHcreb * PTHconc / (PTHconc + d.EC50PTHcreb))
        return (d.RX2Kin - RX2Kout * RX2, crebKin - p.crebKout * CREB, RX2 * CREB * 0.693 - p.bcl2Kout * BCL2)
    }
}
