import OsteoODE

/// Core model v2 (issue 12): Peterson–Riggs-type calcium/PTH/calcitriol with an exchangeable bone
/// calcium pool and parathyroid capacity; PTH1R signalling with desensitisation (intermittent vs
/// continuous); osteoblast commitment apart from differentiation; RANKL from osteocytes and the
/// osteoblast lineage; a variable osteoclast-precursor/osteomorph pool; Wnt/sclerostin with gain;
/// modelling-based formation; and four bone envelopes (lumbar spine and total hip, each trabecular
/// and cortical) with a remodelling space. Time in days. Equations: docs/research/core-v2.md.
///
/// The core is a component of ``BoneSystem``: it owns the ``BoneState`` compartments and the
/// ``BoneModelParameters`` table, exposes ``CoreSignals`` to the add-on components and reads
/// their combined ``Effects`` (the levers). A value is immutable: its derived constants are
/// computed once from its parameters and patient and can never disagree with them.
public struct BoneCore: ComponentDescription {
    public let parameters: BoneModelParameters
    public let patient: PatientBaseline

    let k: Derived

    struct Derived: Sendable, Equatable {
        var secretion0: Double, receptor0: Double, anabolic0: Double
        var tgfAct0: Double, tgfRep0: Double, rankl0: Double, urine0: Double
        var turnover: [Double], cavity0: [Double], refillPeriod: [Double], mineral0: [Double]
        var calciumScale: [Double], loadWeight: [Double], modelingSurface: [Double], siteShare: [Double], targetedRemodeling: [Double]
        var menopauseYears0: Double?
    }

    public init(patient: PatientBaseline, parameters: BoneModelParameters = BoneModelParameters()) {
        self.patient = patient
        self.parameters = parameters
        let p = parameters
        let secretion0 = 1 + (p.pthMaxToMin - 1) / (1 + Double.pow(p.calcium0 / p.pthSetPoint, p.pthHill))
        let receptor0 = p.kPTHRRecycle / (p.kPTHRRecycle + p.kPTHRInternalise)
        let anabolic0 = 1 / (1 + Double.pow(p.pthAnabolicK, p.pthAnabolicHill))
        var turnover = [Double](), cavity0 = [Double](), period = [Double](), mineral0 = [Double]()
        var scale = [Double](), load = [Double](), surface = [Double](), share = [Double](), targeted = [Double]()
        for e in Envelope.allCases {
            let kT = (e.isTrabecular ? p.trabecularTurnover : p.corticalTurnover) / 365.25
            let T = e.isTrabecular ? p.trabecularRefillPeriod : p.corticalRefillPeriod
            let m0 = (p.primaryMineralFraction * kT + p.kSecondaryMineralisation) / (kT + p.kSecondaryMineralisation)
            turnover.append(kT); period.append(T); cavity0.append(kT * T); mineral0.append(m0)
            let skeletal = e.isTrabecular ? p.skeletonTrabecularShare / 2 : (1 - p.skeletonTrabecularShare) / 2
            scale.append(p.boneCalciumTotal * skeletal / m0)
            load.append(e.isHip ? p.hipLoadWeight : p.spineLoadWeight)
            surface.append(e.isTrabecular ? p.trabecularModelingSurface : p.corticalModelingSurface)
            let trab = e.isHip ? p.hipTrabecularShare : p.spineTrabecularShare
            share.append(e.isTrabecular ? trab : 1 - trab)
            targeted.append(e.isTrabecular ? 0 : p.corticalTargetedRemodeling)
        }
        var yearsSinceMenopause: Double?
        if patient.sex == .female {
            yearsSinceMenopause = patient.yearsSinceMenopause ?? (patient.age - 51)
            if patient.menopausal, let y = yearsSinceMenopause, y < 0 { yearsSinceMenopause = 0 }
            if !patient.menopausal, let y = yearsSinceMenopause, y > 0 { yearsSinceMenopause = 0 }
        }
        k = Derived(secretion0: secretion0, receptor0: receptor0, anabolic0: anabolic0,
                    tgfAct0: 1 / (1 + p.tgfActivationK), tgfRep0: p.tgfRepressionK / (1 + p.tgfRepressionK),
                    rankl0: 1 / (1 + p.ranklSaturationK), urine0: p.dietaryCalcium * p.fractionAbsorbed0,
                    turnover: turnover, cavity0: cavity0, refillPeriod: period, mineral0: mineral0,
                    calciumScale: scale, loadWeight: load, modelingSurface: surface, siteShare: share, targetedRemodeling: targeted,
                    menopauseYears0: yearsSinceMenopause)
    }

    public var dimension: Int { BoneState.count }

    /// The reference-adult steady state (exact, by construction of the derived constants).
    public var referenceState: [Double] {
        let p = parameters
        var y = [Double](repeating: 1, count: dimension)
        y[BoneState.calcium.index] = p.calcium0
        y[BoneState.pth.index] = p.pth0
        y[BoneState.calcitriol.index] = p.calcitriol0
        y[BoneState.exchangeableCalcium.index] = p.exchangeableCalcium0
        y[BoneState.pthrAvailable.index] = k.receptor0
        y[BoneState.pthrAnabolic.index] = k.anabolic0
        y[BoneState.modelingOsteoblasts.index] = 0
        y[BoneState.clock.index] = 0
        for e in Envelope.allCases {
            y[e.cavity] = k.cavity0[e.rawValue]
            y[e.mineral] = k.mineral0[e.rawValue]
        }
        return y
    }

    /// Typical magnitude of each state (for tolerances and residual norms).
    public var stateScale: [Double] {
        var s = referenceState.map { max(abs($0), 1e-3) }
        s[BoneState.modelingOsteoblasts.index] = 1
        s[BoneState.clock.index] = 365.25
        return s
    }

    // MARK: Smooth helpers (no branch on values, so a symbolic scalar can trace them)

    @inlinable static func softplus<S: ODEScalar>(_ x: S, width w: Double) -> S { w * S.log(1.0 + S.exp(x / w)) }
    /// x·logistic(x/w): ≈ max(x, 0), exactly 0 at x = 0, smooth, bounded below by −0.28·w.
    @inlinable static func swish<S: ODEScalar>(_ x: S, width w: Double) -> S { x / (1.0 + S.exp(-1.0 * x / w)) }

    func menopauseDrive<S: ODEScalar>(yearsSince y: S) -> S {
        let p = parameters
        let on = 1.0 / (1.0 + S.exp(-1.0 * y / 0.25))
        let xi = p.menopauseTransientYears
        let transient = (xi * xi) / (xi * xi + y * y)
        return 1.0 + on * (p.menopausePersistentRANKL + p.menopauseTransientRANKL * transient)
    }

    // MARK: Right-hand side

    /// The core's derivatives under the components' combined `effects` (the levers L).
    /// - Parameters:
    ///   - t: time, days from day 0.
    ///   - clockRunning: whether the drives' clock state advances (false in the baseline search,
    ///     where the drives are frozen at the clock's value).
    ///   - holdMatrix: hold the matrix-volume integrators (baseline relaxation only).
    func rhs<S: ODEScalar>(t: S, x y: UnsafePointer<S>, dx dy: UnsafeMutablePointer<S>,
                           effects L: Effects<S>, clockRunning: Bool, holdMatrix: Bool) {
        let p = parameters
        let years: S = y[BoneState.clock.index] / 365.25
        dy[BoneState.clock.index] = clockRunning ? S(1) : S(0)
        let age = patient.age + years
        let deficit = p.ageDeficitPerYear * Self.softplus(age - p.ageDeficitOnset, width: 0.5)
        var menopause = S(1)
        if let y0 = k.menopauseYears0 { menopause = 1.0 + L.menopauseDrive * (menopauseDrive(yearsSince: y0 + years) - 1.0) }

        let ca = y[BoneState.calcium.index], pth = y[BoneState.pth.index], gland = y[BoneState.glandCapacity.index]
        let hyd = y[BoneState.hydroxylase.index], d = y[BoneState.calcitriol.index]
        let gut = y[BoneState.gutAbsorption.index], q = y[BoneState.exchangeableCalcium.index]
        let receptor = y[BoneState.pthrAvailable.index], anabolic = y[BoneState.pthrAnabolic.index]
        let rob = y[BoneState.preosteoblasts.index], ob = y[BoneState.osteoblasts.index]
        let obm = y[BoneState.modelingOsteoblasts.index], ocp = y[BoneState.osteoclastPrecursors.index]
        let oc = y[BoneState.osteoclasts.index], opg = y[BoneState.opg.index]
        let ocy = y[BoneState.osteocytes.index], scl = y[BoneState.sclerostin.index]

        // --- Calcium, PTH (with gland capacity), calcitriol, gut ---
        let c = ca / p.calcium0
        let secretion = 1.0 + (p.pthMaxToMin - 1.0) / (1.0 + S.pow(ca / p.pthSetPoint, p.pthHill))
        let sRel = secretion / k.secretion0
        dy[BoneState.pth.index] = p.kPTH * (p.pth0 * gland * sRel - pth) + L.pthInput
        dy[BoneState.glandCapacity.index] = p.kGland * (S.pow(sRel, p.glandExponent) - gland)
        // PTH1R signal: endogenous PTH plus an exogenous agonist (PTH-equivalent) at the RG
        // (transient, receptor/anabolic) and R0 (sustained: kidney, exchange, RANKL/OPG) arms;
        // both equal x when no agonist is given.
        let x = pth / p.pth0
        let xr = x + L.pthrAgonist / p.pth0
        let xs = x + L.pthrAgonistSustained / p.pth0
        dy[BoneState.hydroxylase.index] = p.kHydroxylase * (S.pow(xs, p.hydroxylasePTHExponent) - hyd)
        dy[BoneState.calcitriol.index] = p.kCalcitriol * (p.calcitriol0 * hyd - d) + L.calcitriolInput
        dy[BoneState.gutAbsorption.index] = p.kGutAbsorption * (S.pow(d / p.calcitriol0, p.gutCalcitriolExponent) * L.gutCalciumAbsorption - gut)
        let absorbed = p.dietaryCalcium * p.fractionAbsorbed0 * gut
        let urine = k.urine0 * S.pow(c, p.urineCalciumExponent) * S.pow(xs, -p.urinePTHExponent)
        // Exchangeable bone calcium (P&R Q): equilibrates with ECF in hours; PTH shifts it to ECF.
        let exchange = p.kExchange * p.exchangeableCalcium0 * (q / p.exchangeableCalcium0 * S.pow(xs, p.exchangePTHExponent) - c)
        dy[BoneState.exchangeableCalcium.index] = -1.0 * exchange

        // --- PTH1R: surface receptor with internalisation; anabolic programme needs strong fresh signal ---
        dy[BoneState.pthrAvailable.index] = p.kPTHRRecycle * (1.0 - receptor) - p.kPTHRInternalise * xr * receptor
        let z = xr * receptor / k.receptor0
        let zn = S.pow(z, p.pthAnabolicHill)
        let hillA = zn / (zn + Foundation_powV2(p.pthAnabolicK, p.pthAnabolicHill))
        dy[BoneState.pthrAnabolic.index] = p.kPTHAnabolic * (hillA - anabolic)
        let a0 = k.anabolic0
        let pthCommit = (1.0 + p.pthCommitmentGain * anabolic) / (1.0 + p.pthCommitmentGain * a0)
        let pthSurvive = (1.0 + p.pthSurvivalGain * anabolic) / (1.0 + p.pthSurvivalGain * a0)
        let pthModel = (1.0 + p.pthModelingGain * anabolic) / (1.0 + p.pthModelingGain * a0)

        // --- Wnt: free sclerostin's effect on LRP5/6 ---
        let wnt = (1.0 + p.sclerostinK) / (1.0 + p.sclerostinK * scl * L.sclerostinActivity)

        // --- Osteoblast lineage ---
        let tgf = oc
        let tgfAct = tgf / (tgf + p.tgfActivationK) / k.tgfAct0
        let tgfRep = p.tgfRepressionK / (tgf + p.tgfRepressionK) / k.tgfRep0
        let supply = tgfAct * L.osteoblastCommitment * S.pow(wnt, p.wntCommitmentExponent) * pthCommit
        let differentiation = rob * L.osteoblastDifferentiation * tgfRep
        let fd = p.preosteoblastDifferentiatingFraction
        dy[BoneState.preosteoblasts.index] = p.kPreosteoblast * (supply - fd * differentiation - (1.0 - fd) * rob)
        let obRemoval = L.osteoblastApoptosis / (S.pow(wnt, p.wntSurvivalExponent) * pthSurvive)
        dy[BoneState.osteoblasts.index] = p.kOsteoblast * (differentiation - ob * obRemoval)
        let modelingSignal = S.pow(wnt, p.wntModelingExponent) * pthModel
        dy[BoneState.modelingOsteoblasts.index] = p.kOsteoblast * (p.modelingGain * Self.swish(modelingSignal - 1.0, width: p.swishWidth) - obm * obRemoval)

        // --- Osteocytes and sclerostin ---
        dy[BoneState.osteocytes.index] = p.kOsteocyte * (ob + obm - ocy * L.osteocyteApoptosis)
        dy[BoneState.sclerostin.index] = p.kSclerostin * (ocy * S.pow(z, -p.sclerostinPTHExponent) * L.sostExpression - scl)

        // --- RANKL (osteocytes + lineage), OPG, precursors, osteoclasts ---
        // Sustained (un-desensitised) PTH raises RANKL and lowers OPG (the catabolic arm).
        let pthAct = S.pow(xs, p.pthRANKLExponent)
        let pthRep = S.pow(xs, -p.pthOPGExponent)
        let eta = p.apoptoticOsteocyteRANKL
        let osteocyteRANKL = ocy * (1.0 + eta * (L.osteocyteApoptosis - 1.0))
        let produced = menopause * L.ranklProduction * pthAct
            * (p.ranklOsteocyteShare * osteocyteRANKL + (1.0 - p.ranklOsteocyteShare) * rob)
        let opgMade = L.opgProduction * pthRep * S.pow(wnt, p.wntOPGExponent)
            * (p.opgOsteoblastShare * ob + (1.0 - p.opgOsteoblastShare) * ocy)
        dy[BoneState.opg.index] = p.kOPG * (opgMade - opg)
        let free = produced * (1.0 + p.opgSequestration + p.rankSequestration)
            / (1.0 + p.opgSequestration * opg + p.rankSequestration) * L.ranklAvailability
        let rankSignal = free / (free + p.ranklSaturationK) / k.rankl0
        // Precursors reach remodelling sites under the lineage canopy (recruitment ∝ OB^γc), are
        // recycled from osteoclasts as osteomorphs, and leave by RANKL-driven fusion or death.
        let canopy = (p.canopyIndependentShare + (1.0 - p.canopyIndependentShare) * S.pow(ob, p.canopyExponent))
            * S.pow(rankSignal, p.ranklRecruitmentExponent)
        let ff = p.fusionFraction, omega = p.osteomorphRecycling
        let fusion = ocp * rankSignal
        dy[BoneState.osteoclastPrecursors.index] = p.kPrecursor * ((1.0 - omega) * canopy + omega * oc - ff * fusion - (1.0 - ff) * ocp)
        // RANK signalling also keeps osteoclasts alive (P&R Lsurv): removal ∝ signal^−s.
        let ocRemoval = S.pow(tgfAct, p.tgfOsteoclastApoptosisExponent) * S.pow(rankSignal, -p.ranklSurvivalExponent) * L.osteoclastApoptosis
        dy[BoneState.osteoclasts.index] = p.kOsteoclast * (fusion - oc * ocRemoval)

        // --- Envelopes ---
        let cn = S.pow(c, p.mineralisationCalciumHill)
        let kmu = Foundation_powV2(p.mineralisationCalciumK, p.mineralisationCalciumHill)
        let mu = (1.0 + kmu) * cn / (cn + kmu)
        let sensing = S.pow(ocy, p.osteocyteSensingExponent)
        var caResorbed = S(0), caFormed = S(0)
        for e in 0..<4 {
            let iC = BoneState.lsTrabCavity.index + 3 * e
            let cav = y[iC], vol = y[iC + 1], min = y[iC + 2]
            let kT = k.turnover[e], C0 = k.cavity0[e]
            let load = (1.0 + k.loadWeight[e] * (L.mechanicalLoading - 1.0)) * sensing
            // Targeted remodelling: apoptotic osteocytes recruit BMUs locally, most in osteocyte-dense cortical bone.
            let targeted = 1.0 + k.targetedRemodeling[e] * (L.osteocyteApoptosis - 1.0)
            let resorption = kT * oc * S.pow(load, -p.loadActivationExponent) * targeted * vol
            // Osteoblasts per cavity (relative): the site's share of OB scales with its bone (surface), as resorption does.
            let u = ob * vol * C0 / cav
            // Per-BMU balance: slope s at u = 1, saturating at 1 − A_lo (deficit) and 1 + A_hi
            // (overfill); the amplitude, and the refill-speed exponent, switch smoothly (logistic,
            // width 0.05) at u = 1.
            let up = 1.0 / (1.0 + S.exp(-1.0 * (u - 1.0) / 0.05))
            // u^(α_lo + (α_hi − α_lo)·up), written as u^α_lo · e^((α_hi − α_lo)·up·ln u); the branch is
            // on two model constants, not on a state.
            let surplusSpeed = p.surplusRefillSpeedExponent - p.refillSpeedExponent
            let speed = surplusSpeed == 0 ? S.pow(u, p.refillSpeedExponent)
                : S.pow(u, p.refillSpeedExponent) * S.exp(surplusSpeed * up * S.log(u))
            let closure = cav / k.refillPeriod[e] * speed
            let amp = p.balanceDeficitAmplitude + (p.balanceOverfillAmplitude - p.balanceDeficitAmplitude) * up
            let balance = 1.0 + amp * S.tanh(p.balanceSlope * (u - 1.0) / amp)
            let refill = closure * balance * (1.0 - deficit) * S.pow(load, p.loadBalanceExponent)
            let modeling = kT * k.modelingSurface[e] * obm
            let mineralOut = resorption * min / vol
            let mineralIn = mu * (p.primaryMineralFraction * (refill + modeling) + p.kSecondaryMineralisation * (vol - min))
            dy[iC] = resorption - closure
            dy[iC + 1] = holdMatrix ? S(0) : refill + modeling - resorption
            dy[iC + 2] = mineralIn - mineralOut
            caResorbed = caResorbed + k.calciumScale[e] * mineralOut
            caFormed = caFormed + k.calciumScale[e] * mineralIn
        }
        dy[BoneState.calcium.index] = (absorbed + caResorbed - caFormed + exchange - urine + L.calciumInput) / p.ecfVolume
    }
}

@usableFromInline func Foundation_powV2(_ a: Double, _ b: Double) -> Double { Double.pow(a, b) }

// MARK: Signals, component description and observables

extension BoneCore {
    /// What components may read (computed from the core's own state only). Whole-skeleton
    /// resorption and formation are relative to the reference adult (osteoclasts; remodelling
    /// plus modelling osteoblasts).
    func signals<S: ODEScalar>(x y: UnsafePointer<S>) -> CoreSignals<S> {
        let oc = y[BoneState.osteoclasts.index]
        let ob = y[BoneState.osteoblasts.index] + y[BoneState.modelingOsteoblasts.index]
        return CoreSignals(osteoclasts: oc, osteoblasts: ob, calcium: y[BoneState.calcium.index],
                           pth: y[BoneState.pth.index], calcitriol: y[BoneState.calcitriol.index],
                           resorption: oc, formation: ob,
                           calciumAbsorbedFraction: parameters.fractionAbsorbed0 * y[BoneState.gutAbsorption.index])
    }

    public var id: String { "core" }

    /// The matrix volumes are held by the baseline search (pure integrators of formation minus
    /// resorption; 1 = the patient's own day-0 bone), and so is the drives' clock.
    public var compartments: [Compartment] {
        let ref = referenceState, scale = stateScale
        let held = Set(Envelope.allCases.map(\.matrix) + [BoneState.clock.index])
        return BoneState.allCases.map { s in
            Compartment(s.name, unit: s.unit, meaning: s.meaning, reference: ref[s.index], scale: scale[s.index],
                        held: held.contains(s.index))
        }
    }

    /// Baseline search: these states follow their envelope's matrix in steady decline
    /// (d x/dt = (dV/dt / V)·x), so cavity and mineral per volume are at steady state.
    public var baselineFollowers: [(matrix: Int, follower: Int)] {
        Envelope.allCases.flatMap { [($0.matrix, $0.cavity), ($0.matrix, $0.mineral)] }
    }

    public var parameterInfo: [ParameterInfo] { parameters.info(component: id) }

    public var observables: [Observable] {
        [
            Observable("lumbar_spine_bmd_change_pct", unit: "%", meaning: "lumbar spine BMD change from day 0"),
            Observable("total_hip_bmd_change_pct", unit: "%", meaning: "total hip BMD change from day 0"),
            Observable("ctx_change_pct", unit: "%", meaning: "serum CTX change from day 0"),
            Observable("p1np_change_pct", unit: "%", meaning: "serum P1NP change from day 0"),
            Observable("ctx_ng_ml", unit: "ng/mL", meaning: "serum CTX"),
            Observable("p1np_ng_ml", unit: "ng/mL", meaning: "serum P1NP"),
            Observable("calcium_mmol_l", unit: "mmol/L", meaning: "plasma calcium"),
            Observable("pth_pmol_l", unit: "pmol/L", meaning: "plasma PTH"),
            Observable("calcitriol_pmol_l", unit: "pmol/L", meaning: "plasma calcitriol"),
            Observable("osteoclasts_rel", unit: "relative", meaning: "active osteoclasts (1 = reference adult)"),
            Observable("osteoblasts_rel", unit: "relative", meaning: "active osteoblasts, remodelling + modelling (1 = reference adult)"),
            Observable("opg_rel", unit: "relative", meaning: "osteoprotegerin (1 = reference adult)"),
            Observable("sclerostin_rel", unit: "relative", meaning: "sclerostin (1 = reference adult)"),
            Observable("osteocytes_rel", unit: "relative", meaning: "osteocytes (1 = reference adult)"),
            Observable("osteoclast_precursors_rel", unit: "relative", meaning: "osteoclast precursors and osteomorphs (1 = reference adult)"),
            Observable("lumbar_spine_bmd_rel", unit: "relative", meaning: "lumbar spine BMD relative to the reference adult's (not to day 0)"),
            Observable("total_hip_bmd_rel", unit: "relative", meaning: "total hip BMD relative to the reference adult's (not to day 0)"),
            Observable("lumbar_spine_trabecular_bmd_change_pct", unit: "%", meaning: "lumbar spine trabecular envelope mineral change from day 0 (what QCT measures)"),
        ]
    }

    /// Site BMD relative to the fully mineralised reference: mineral summed over the site's
    /// envelopes, weighted by their share of the site.
    public func siteBMD(_ y: ArraySlice<Double>, hip: Bool) -> Double {
        var s = 0.0
        for e in Envelope.allCases where e.isHip == hip {
            s += k.siteShare[e.rawValue] * y[y.startIndex + e.mineral] / k.mineral0[e.rawValue]
        }
        return s
    }

    /// The observables at one time, from the core state `x` and the day-0 core state `x0`.
    /// CTX ∝ osteoclasts; P1NP ∝ remodelling + modelling osteoblasts.
    public func observe(x: ArraySlice<Double>, day0 x0: ArraySlice<Double>) -> [Double] {
        let b = x.startIndex, b0 = x0.startIndex
        func v(_ s: BoneState) -> Double { x[b + s.index] }
        func v0(_ s: BoneState) -> Double { x0[b0 + s.index] }
        let ob = v(.osteoblasts) + v(.modelingOsteoblasts), ob0 = v0(.osteoblasts) + v0(.modelingOsteoblasts)
        let p = parameters
        return [
            100 * (siteBMD(x, hip: false) / siteBMD(x0, hip: false) - 1),
            100 * (siteBMD(x, hip: true) / siteBMD(x0, hip: true) - 1),
            100 * (v(.osteoclasts) / v0(.osteoclasts) - 1), 100 * (ob / ob0 - 1),
            v(.osteoclasts) * p.ctxReference, ob * p.p1npReference,
            v(.calcium), v(.pth), v(.calcitriol),
            v(.osteoclasts), ob, v(.opg), v(.sclerostin), v(.osteocytes), v(.osteoclastPrecursors),
            siteBMD(x, hip: false), siteBMD(x, hip: true),
            100 * (x[b + Envelope.spineTrabecular.mineral] / x0[b0 + Envelope.spineTrabecular.mineral] - 1),
        ]
    }
}
