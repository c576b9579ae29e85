import OsteoODE

/// Core model v2 (issue 12): Peterson–Riggs-type calcium/PTH/calcitriol with an exchangeable bone
/// calcium pool and parathyroid capacity; PTH1R signalling with desensitisation (intermittent vs
/// continuous); osteoblast commitment apart from differentiation; RANKL from osteocytes and the
/// osteoblast lineage; a variable osteoclast-precursor/osteomorph pool; Wnt/sclerostin with gain;
/// modelling-based formation; and four bone envelopes (lumbar spine and total hip, each trabecular
/// and cortical) with a remodelling space. Time in days. Equations: docs/research/core-v2.md.
public struct BoneModelV2: GenericODESystem, Sendable {
    public var parameters: BoneModelV2Parameters
    public var patient: PatientBaseline
    /// Time-windowed constant lever factors used by the ``GenericODESystem`` conformance.
    public var schedule: LeverSchedule
    /// Hold age and menopause drives at their day-0 values (baseline search).
    public var freezeDrives = false
    /// Hold the matrix volumes (dV/dt = 0; baseline search only).
    public var holdMatrix = false

    let k: Derived

    struct Derived: Sendable, Equatable {
        var secretion0: Double, receptor0: Double, anabolic0: Double
        var tgfAct0: Double, tgfRep0: Double, rankl0: Double, urine0: Double
        var turnover: [Double], cavity0: [Double], refillPeriod: [Double], mineral0: [Double]
        var calciumScale: [Double], loadWeight: [Double], modelingSurface: [Double], siteShare: [Double], targetedRemodeling: [Double]
        var menopauseYears0: Double?
    }

    public init(patient: PatientBaseline, parameters: BoneModelV2Parameters = BoneModelV2Parameters(),
                schedule: LeverSchedule = LeverSchedule()) {
        self.patient = patient
        self.parameters = parameters
        self.schedule = schedule
        let p = parameters
        let secretion0 = 1 + (p.pthMaxToMin - 1) / (1 + Double.pow(p.calcium0 / p.pthSetPoint, p.pthHill))
        let receptor0 = p.kPTHRRecycle / (p.kPTHRRecycle + p.kPTHRInternalise)
        let anabolic0 = 1 / (1 + Double.pow(p.pthAnabolicK, p.pthAnabolicHill))
        var turnover = [Double](), cavity0 = [Double](), period = [Double](), mineral0 = [Double]()
        var scale = [Double](), load = [Double](), surface = [Double](), share = [Double](), targeted = [Double]()
        for e in V2Envelope.allCases {
            let kT = e.isTrabecular ? p.trabecularTurnover : p.corticalTurnover
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

    public var dimension: Int { V2State.count }
    public var isAutonomous: Bool { freezeDrives && schedule.windows.isEmpty }

    /// The reference-adult steady state (exact, by construction of the derived constants).
    public var referenceState: [Double] {
        let p = parameters
        var y = [Double](repeating: 1, count: dimension)
        y[V2State.calcium.index] = p.calcium0
        y[V2State.pth.index] = p.pth0
        y[V2State.calcitriol.index] = p.calcitriol0
        y[V2State.exchangeableCalcium.index] = p.exchangeableCalcium0
        y[V2State.pthrAvailable.index] = k.receptor0
        y[V2State.pthrAnabolic.index] = k.anabolic0
        y[V2State.modelingOsteoblasts.index] = 0
        for e in V2Envelope.allCases {
            y[e.cavity] = k.cavity0[e.rawValue]
            y[e.mineral] = k.mineral0[e.rawValue]
        }
        return y
    }

    /// Typical magnitude of each state (for tolerances and residual norms).
    public var stateScale: [Double] {
        var s = referenceState.map { max(abs($0), 1e-3) }
        s[V2State.modelingOsteoblasts.index] = 1
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

    public func rhs<S: ODEScalar>(t: S, y: UnsafePointer<S>, dy: UnsafeMutablePointer<S>) {
        let L: CoreLevers<S> = schedule.levers(at: t.value)
        rhs(t: t, y: y, dy: dy, levers: L)
    }

    /// The v2 right-hand side with explicit levers (the shape a core component will take).
    public func rhs<S: ODEScalar>(t: S, y: UnsafePointer<S>, dy: UnsafeMutablePointer<S>, levers L: CoreLevers<S>) {
        let p = parameters
        let years: S = freezeDrives ? S(0) : t / 365.25
        let age = patient.age + years
        let deficit = p.ageDeficitPerYear * Self.softplus(age - p.ageDeficitOnset, width: 0.5)
        var menopause = S(1)
        if let y0 = k.menopauseYears0 { menopause = menopauseDrive(yearsSince: y0 + years) }

        let ca = y[V2State.calcium.index], pth = y[V2State.pth.index], gland = y[V2State.glandCapacity.index]
        let hyd = y[V2State.hydroxylase.index], d = y[V2State.calcitriol.index]
        let gut = y[V2State.gutAbsorption.index], q = y[V2State.exchangeableCalcium.index]
        let receptor = y[V2State.pthrAvailable.index], anabolic = y[V2State.pthrAnabolic.index]
        let rob = y[V2State.preosteoblasts.index], ob = y[V2State.osteoblasts.index]
        let obm = y[V2State.modelingOsteoblasts.index], ocp = y[V2State.osteoclastPrecursors.index]
        let oc = y[V2State.osteoclasts.index], opg = y[V2State.opg.index]
        let ocy = y[V2State.osteocytes.index], scl = y[V2State.sclerostin.index]

        // --- Calcium, PTH (with gland capacity), calcitriol, gut ---
        let c = ca / p.calcium0
        let secretion = 1.0 + (p.pthMaxToMin - 1.0) / (1.0 + S.pow(ca / p.pthSetPoint, p.pthHill))
        let sRel = secretion / k.secretion0
        dy[V2State.pth.index] = p.kPTH * (p.pth0 * gland * sRel - pth) + L.pthInput
        dy[V2State.glandCapacity.index] = p.kGland * (S.pow(sRel, p.glandExponent) - gland)
        let x = pth / p.pth0
        dy[V2State.hydroxylase.index] = p.kHydroxylase * (S.pow(x, p.hydroxylasePTHExponent) - hyd)
        dy[V2State.calcitriol.index] = p.kCalcitriol * (p.calcitriol0 * hyd - d) + L.calcitriolInput
        dy[V2State.gutAbsorption.index] = p.kGutAbsorption * (S.pow(d / p.calcitriol0, p.gutCalcitriolExponent) * L.gutCalciumAbsorption - gut)
        let absorbed = p.dietaryCalcium * p.fractionAbsorbed0 * gut
        let urine = k.urine0 * S.pow(c, p.urineCalciumExponent) * S.pow(x, -p.urinePTHExponent)
        // Exchangeable bone calcium (P&R Q): equilibrates with ECF in hours; PTH shifts it to ECF.
        let exchange = p.kExchange * p.exchangeableCalcium0 * (q / p.exchangeableCalcium0 * S.pow(x, p.exchangePTHExponent) - c)
        dy[V2State.exchangeableCalcium.index] = -1.0 * exchange

        // --- PTH1R: surface receptor with internalisation; anabolic programme needs strong fresh signal ---
        dy[V2State.pthrAvailable.index] = p.kPTHRRecycle * (1.0 - receptor) - p.kPTHRInternalise * x * receptor
        let z = x * receptor / k.receptor0
        let zn = S.pow(z, p.pthAnabolicHill)
        let hillA = zn / (zn + Foundation_powV2(p.pthAnabolicK, p.pthAnabolicHill))
        dy[V2State.pthrAnabolic.index] = p.kPTHAnabolic * (hillA - anabolic)
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
        dy[V2State.preosteoblasts.index] = p.kPreosteoblast * (supply - fd * differentiation - (1.0 - fd) * rob)
        let obRemoval = L.osteoblastApoptosis / (S.pow(wnt, p.wntSurvivalExponent) * pthSurvive)
        dy[V2State.osteoblasts.index] = p.kOsteoblast * (differentiation - ob * obRemoval)
        let modelingSignal = S.pow(wnt, p.wntModelingExponent) * pthModel
        dy[V2State.modelingOsteoblasts.index] = p.kOsteoblast * (p.modelingGain * Self.swish(modelingSignal - 1.0, width: p.swishWidth) - obm * obRemoval)

        // --- Osteocytes and sclerostin ---
        dy[V2State.osteocytes.index] = p.kOsteocyte * (ob + obm - ocy * L.osteocyteApoptosis)
        dy[V2State.sclerostin.index] = p.kSclerostin * (ocy * S.pow(z, -p.sclerostinPTHExponent) * L.sostExpression - scl)

        // --- RANKL (osteocytes + lineage), OPG, precursors, osteoclasts ---
        // Sustained (un-desensitised) PTH raises RANKL and lowers OPG (the catabolic arm).
        let pthAct = S.pow(x, p.pthRANKLExponent)
        let pthRep = S.pow(x, -p.pthOPGExponent)
        let eta = p.apoptoticOsteocyteRANKL
        let osteocyteRANKL = ocy * (1.0 + eta * (L.osteocyteApoptosis - 1.0))
        let produced = menopause * L.ranklProduction * pthAct
            * (p.ranklOsteocyteShare * osteocyteRANKL + (1.0 - p.ranklOsteocyteShare) * rob)
        let opgMade = L.opgProduction * pthRep * S.pow(wnt, p.wntOPGExponent)
            * (p.opgOsteoblastShare * ob + (1.0 - p.opgOsteoblastShare) * ocy)
        dy[V2State.opg.index] = p.kOPG * (opgMade - opg)
        let free = produced * (1.0 + p.opgSequestration + p.rankSequestration)
            / (1.0 + p.opgSequestration * opg + p.rankSequestration) * L.ranklAvailability
        let rankSignal = free / (free + p.ranklSaturationK) / k.rankl0
        // Precursors reach remodelling sites under the lineage canopy (recruitment ∝ OB^γc), are
        // recycled from osteoclasts as osteomorphs, and leave by RANKL-driven fusion or death.
        let canopy = (p.canopyIndependentShare + (1.0 - p.canopyIndependentShare) * S.pow(ob, p.canopyExponent))
            * S.pow(rankSignal, p.ranklRecruitmentExponent)
        let ff = p.fusionFraction, omega = p.osteomorphRecycling
        let fusion = ocp * rankSignal
        dy[V2State.osteoclastPrecursors.index] = p.kPrecursor * ((1.0 - omega) * canopy + omega * oc - ff * fusion - (1.0 - ff) * ocp)
        // RANK signalling also keeps osteoclasts alive (P&R Lsurv): removal ∝ signal^−s.
        let ocRemoval = S.pow(tgfAct, p.tgfOsteoclastApoptosisExponent) * S.pow(rankSignal, -p.ranklSurvivalExponent) * L.osteoclastApoptosis
        dy[V2State.osteoclasts.index] = p.kOsteoclast * (fusion - oc * ocRemoval)

        // --- Envelopes ---
        let cn = S.pow(c, p.mineralisationCalciumHill)
        let kmu = Foundation_powV2(p.mineralisationCalciumK, p.mineralisationCalciumHill)
        let mu = (1.0 + kmu) * cn / (cn + kmu)
        let sensing = S.pow(ocy, p.osteocyteSensingExponent)
        var caResorbed = S(0), caFormed = S(0)
        for e in 0..<4 {
            let iC = V2State.lsTrabCavity.index + 3 * e
            let cav = y[iC], vol = y[iC + 1], min = y[iC + 2]
            let kT = k.turnover[e], C0 = k.cavity0[e]
            let load = (1.0 + k.loadWeight[e] * (L.mechanicalLoading - 1.0)) * sensing
            // Targeted remodelling: apoptotic osteocytes recruit BMUs locally, most in osteocyte-dense cortical bone.
            let targeted = 1.0 + k.targetedRemodeling[e] * (L.osteocyteApoptosis - 1.0)
            let resorption = kT * oc * S.pow(load, -p.loadActivationExponent) * targeted * vol
            // Osteoblasts per cavity (relative): the site's share of OB scales with its bone (surface), as resorption does.
            let u = ob * vol * C0 / cav
            let closure = cav / k.refillPeriod[e] * S.pow(u, p.refillSpeedExponent)
            // Per-BMU balance: slope s at u = 1, saturating at 1 − A_lo (deficit) and 1 + A_hi
            // (overfill); the amplitude switches smoothly (logistic, width 0.05) at u = 1.
            let up = 1.0 / (1.0 + S.exp(-1.0 * (u - 1.0) / 0.05))
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
        dy[V2State.calcium.index] = (absorbed + caResorbed - caFormed + exchange - urine + L.calciumInput) / p.ecfVolume
    }
}

@usableFromInline func Foundation_powV2(_ a: Double, _ b: Double) -> Double { Double.pow(a, b) }
