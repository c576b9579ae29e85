import OsteoODE

/// The OsteoSim core model: a reduced Peterson–Riggs (2010) calcium/PTH/calcitriol system coupled
/// to a Pivonka-type bone-cell model with competitive RANKL–RANK–OPG binding, osteocytes and
/// sclerostin, and a formation-minus-resorption mineral balance with a mineralisation lag at the
/// lumbar spine and total hip. Time in days. Equations: docs/model.md.
///
/// The core is a component of ``BoneSystem``: it owns the ``BoneState`` compartments and the
/// ``BoneModelParameters`` table, exposes ``CoreSignals`` to the add-on components and reads
/// their combined ``Effects``. A value is immutable: its derived constants are computed once
/// from its parameters and patient and can never disagree with them.
public struct BoneCore: ComponentDescription {
    public let parameters: BoneModelParameters
    public let patient: PatientBaseline

    // Reference-state constants, derived once so that the reference adult is an exact steady state.
    let k: Derived

    struct Derived: Sendable, Equatable {
        var secretion0: Double, tgfAct0: Double, tgfRep0: Double, pthAct0: Double, pthRep0: Double
        var rankl0: Double, urine0: Double, spineMineral0: Double, hipMineral0: Double
        var menopauseYears0: Double?
    }

    public init(patient: PatientBaseline, parameters: BoneModelParameters = BoneModelParameters()) {
        self.patient = patient
        self.parameters = parameters
        let p = parameters
        func secretion(_ ca: Double) -> Double {
            let sMin = 1.0, sMax = p.pthMaxToMin
            return sMin + (sMax - sMin) / (1 + Double.pow(ca / p.pthSetPoint, p.pthHill))
        }
        let ka = p.tgfActivationK, kr = p.tgfRepressionK
        let mineral = { (turnover: Double) in
            (p.primaryMineralFraction * turnover + p.kSecondaryMineralisation) / (turnover + p.kSecondaryMineralisation)
        }
        var yearsSinceMenopause: Double?
        if patient.sex == .female {
            yearsSinceMenopause = patient.yearsSinceMenopause ?? (patient.age - 51)
            if patient.menopausal, let y = yearsSinceMenopause, y < 0 { yearsSinceMenopause = 0 }
            if !patient.menopausal, let y = yearsSinceMenopause, y > 0 { yearsSinceMenopause = 0 }
        }
        k = Derived(secretion0: secretion(p.calcium0), tgfAct0: 1 / (1 + ka), tgfRep0: kr / (1 + kr),
                    pthAct0: p.pth0 / (p.pth0 + p.pthRANKLActivationK), pthRep0: p.pthOPGRepressionK / (p.pth0 + p.pthOPGRepressionK),
                    rankl0: 1 / (1 + p.ranklSaturationK), urine0: p.dietaryCalcium * p.fractionAbsorbed0,
                    spineMineral0: mineral(p.spineTurnover / 365.25), hipMineral0: mineral(p.hipTurnover / 365.25),
                    menopauseYears0: yearsSinceMenopause)
    }

    public var dimension: Int { BoneState.count }

    /// The fully mineralised reference mineral of each site at reference turnover.
    public var referenceSpineMineral: Double { k.spineMineral0 }
    public var referenceHipMineral: Double { k.hipMineral0 }

    /// The reference-adult steady state (all relative quantities 1).
    public var referenceState: [Double] {
        let p = parameters
        var y = [Double](repeating: 1, count: dimension)
        y[BoneState.calcium.index] = p.calcium0
        y[BoneState.pth.index] = p.pth0
        y[BoneState.calcitriol.index] = p.calcitriol0
        y[BoneState.spineOsteoid.index] = p.spineTurnover / 365.25 * p.mineralisationLag
        y[BoneState.hipOsteoid.index] = p.hipTurnover / 365.25 * p.mineralisationLag
        y[BoneState.spineMineral.index] = k.spineMineral0
        y[BoneState.hipMineral.index] = k.hipMineral0
        return y
    }

    // MARK: Explicit drives (age, menopause)

    /// Fractional per-BMU formation deficit at a site for a given age (smooth onset, 1-year width).
    static func ageDeficit<S: ODEScalar>(age: S, onset: Double, perYear: Double) -> S {
        perYear * S.softplus(age - onset, width: 1)
    }

    /// RANKL production multiplier after menopause: a transient Lorentzian drive (M-R 2019) plus a
    /// persistent part, switched on smoothly at the final menstrual period (logistic, 3-month width).
    func menopauseDrive<S: ODEScalar>(yearsSince y: S) -> S {
        let p = parameters
        let on = 1.0 / (1.0 + S.exp(-1.0 * y / 0.25))
        let xi = p.menopauseTransientYears
        let transient = (xi * xi) / (xi * xi + y * y)
        return 1.0 + on * (p.menopausePersistentRANKL + p.menopauseTransientRANKL * transient)
    }

    // MARK: Signals and right-hand side

    /// What components may read (computed from the core's own state only).
    func signals<S: ODEScalar>(x y: UnsafePointer<S>) -> CoreSignals<S> {
        let oc = y[BoneState.osteoclasts.index], ob = y[BoneState.osteoblasts.index]
        return CoreSignals(osteoclasts: oc, osteoblasts: ob, calcium: y[BoneState.calcium.index],
                           pth: y[BoneState.pth.index], calcitriol: y[BoneState.calcitriol.index],
                           resorption: oc, formation: ob)
    }

    /// The core's derivatives under the components' combined `effects`.
    /// - Parameters:
    ///   - t: time, days from day 0.
    ///   - driveTime: the time at which the age and menopause drives are evaluated (`t` in a
    ///     simulation; a constant in the baseline search).
    ///   - holdMatrix: hold the matrix-volume integrators (baseline relaxation only).
    func rhs<S: ODEScalar>(t: S, driveTime: S, x y: UnsafePointer<S>, dx dy: UnsafeMutablePointer<S>,
                                             effects L: Effects<S>, holdMatrix: Bool) {
        let p = parameters
        let years: S = driveTime / 365.25
        let age = patient.age + years
        let deficit: S = Self.ageDeficit(age: age, onset: p.ageDeficitOnset, perYear: p.ageDeficitPerYear)
        var menopause = S(1)
        if let y0 = k.menopauseYears0 { menopause = menopauseDrive(yearsSince: y0 + years) }

        let ca = y[BoneState.calcium.index], pth = y[BoneState.pth.index]
        let hyd = y[BoneState.hydroxylase.index], d = y[BoneState.calcitriol.index]
        let gut = y[BoneState.gutAbsorption.index]
        let rob = y[BoneState.preosteoblasts.index], ob = y[BoneState.osteoblasts.index]
        let oc = y[BoneState.osteoclasts.index], opg = y[BoneState.opg.index]
        let ocy = y[BoneState.osteocytes.index], scl = y[BoneState.sclerostin.index]

        // Calcium, PTH, calcitriol (with the components' additive inputs).
        let secretion = 1.0 + (p.pthMaxToMin - 1.0) / (1.0 + S.pow(ca / p.pthSetPoint, p.pthHill))
        let pthRel = pth / p.pth0
        dy[BoneState.pth.index] = p.kPTH * (p.pth0 * secretion / k.secretion0 - pth) + L.pthInput
        dy[BoneState.hydroxylase.index] = p.kHydroxylase * (S.pow(pthRel, p.hydroxylasePTHExponent) - hyd)
        dy[BoneState.calcitriol.index] = p.kCalcitriol * (p.calcitriol0 * hyd - d) + L.calcitriolInput
        dy[BoneState.gutAbsorption.index] = p.kGutAbsorption * (S.pow(d / p.calcitriol0, p.gutCalcitriolExponent) * L.gutCalciumAbsorption - gut)
        let absorbed = p.dietaryCalcium * p.fractionAbsorbed0 * gut
        let urine = k.urine0 * S.pow(ca / p.calcium0, p.urineCalciumExponent) * S.pow(pthRel, -p.urinePTHExponent)
        let resorbed = p.boneCalciumTurnover * oc
        let formed = p.boneCalciumTurnover * ob * (1.0 - deficit)
        dy[BoneState.calcium.index] = (absorbed + resorbed - formed - urine + L.calciumInput) / p.ecfVolume

        // Bone cells: TGF-β (released by resorption, quasi-steady) couples formation to resorption.
        let tgf = oc
        let tgfAct = tgf / (tgf + p.tgfActivationK) / k.tgfAct0
        let tgfRep = p.tgfRepressionK / (tgf + p.tgfRepressionK) / k.tgfRep0
        let wnt = S.pow(scl, -p.sclerostinOBExponent)
        let differentiation = rob * tgfRep * wnt * L.osteoblastDifferentiation
        dy[BoneState.preosteoblasts.index] = p.kPreosteoblast * (tgfAct - differentiation)
        dy[BoneState.osteoblasts.index] = p.kOsteoblast * (differentiation - ob * L.osteoblastApoptosis)
        // Competitive RANKL binding (Pivonka 2008): OPG and RANK share the ligand.
        let pthAct = pth / (pth + p.pthRANKLActivationK) / k.pthAct0
        let produced = rob * pthAct * menopause * L.ranklProduction
        let free = produced * (1.0 + p.opgSequestration + p.rankSequestration)
            / (1.0 + p.opgSequestration * opg + p.rankSequestration) * L.ranklAvailability
        let rankSignal = free / (free + p.ranklSaturationK) / k.rankl0
        dy[BoneState.osteoclasts.index] = p.kOsteoclast * (rankSignal - oc * tgfAct * L.osteoclastApoptosis)
        let pthRep = p.pthOPGRepressionK / (pth + p.pthOPGRepressionK) / k.pthRep0
        dy[BoneState.opg.index] = p.kOPG * (ob * pthRep * L.opgProduction - opg)
        dy[BoneState.osteocytes.index] = p.kOsteocyte * (ob - ocy * L.osteocyteApoptosis)
        dy[BoneState.sclerostin.index] = p.kSclerostin * (ocy * S.pow(pthRel, -p.sclerostinPTHExponent) * L.sostExpression - scl)

        // Mineral balance at each site.
        Self.site(turnover: p.spineTurnover / 365.25, deficit: deficit, ob: ob, oc: oc, p: p,
                  y: y + BoneState.spineOsteoid.index, dy: dy + BoneState.spineOsteoid.index)
        Self.site(turnover: p.hipTurnover / 365.25, deficit: deficit, ob: ob, oc: oc, p: p,
                  y: y + BoneState.hipOsteoid.index, dy: dy + BoneState.hipOsteoid.index)
        if holdMatrix {
            dy[BoneState.spineMatrix.index] = S(0)
            dy[BoneState.hipMatrix.index] = S(0)
        }
    }

    /// Osteoid O, mineralised matrix V and mineral M of one site (y[0..2], dy[0..2]):
    /// dO/dt = k·OB·(1−δ) − O/τ;  dV/dt = O/τ − k·OC·V;
    /// dM/dt = c_p·O/τ + k_sec·(V − M) − k·OC·M.
    static func site<S: ODEScalar>(turnover kTurn: Double, deficit: S, ob: S, oc: S, p: BoneModelParameters,
                                               y: UnsafePointer<S>, dy: UnsafeMutablePointer<S>) {
        let osteoid = y[0], matrix = y[1], mineral = y[2]
        let maturing = osteoid / p.mineralisationLag
        let resorption = kTurn * oc
        dy[0] = kTurn * ob * (1.0 - deficit) - maturing
        dy[1] = maturing - resorption * matrix
        dy[2] = p.primaryMineralFraction * maturing + p.kSecondaryMineralisation * (matrix - mineral) - resorption * mineral
    }
}

// MARK: Component description and observables

extension BoneCore {
    public var id: String { "core" }

    public var compartments: [Compartment] {
        let ref = referenceState
        return BoneState.allCases.map { s in
            Compartment(s.name, unit: s.unit, meaning: s.meaning, reference: ref[s.index], scale: max(abs(ref[s.index]), 1e-3),
                        held: s == .spineMatrix || s == .hipMatrix)
        }
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
            Observable("osteoblasts_rel", unit: "relative", meaning: "active osteoblasts (1 = reference adult)"),
            Observable("opg_rel", unit: "relative", meaning: "osteoprotegerin (1 = reference adult)"),
            Observable("sclerostin_rel", unit: "relative", meaning: "sclerostin (1 = reference adult)"),
            Observable("osteocytes_rel", unit: "relative", meaning: "osteocytes (1 = reference adult)"),
        ]
    }

    /// The observables at one time, from the core state `x` and the day-0 core state `x0`.
    public func observe(x: ArraySlice<Double>, day0 x0: ArraySlice<Double>) -> [Double] {
        let b = x.startIndex, b0 = x0.startIndex
        func v(_ s: BoneState) -> Double { x[b + s.index] }
        func change(_ s: BoneState) -> Double { 100 * (v(s) / x0[b0 + s.index] - 1) }
        let p = parameters
        return [
            change(.spineMineral), change(.hipMineral), change(.osteoclasts), change(.osteoblasts),
            v(.osteoclasts) * p.ctxReference, v(.osteoblasts) * p.p1npReference,
            v(.calcium), v(.pth), v(.calcitriol),
            v(.osteoclasts), v(.osteoblasts), v(.opg), v(.sclerostin), v(.osteocytes),
        ]
    }
}
