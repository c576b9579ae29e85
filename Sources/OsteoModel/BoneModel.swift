import OsteoODE

/// The OsteoSim core model: a reduced Peterson–Riggs (2010) calcium/PTH/calcitriol system coupled
/// to a Pivonka-type bone-cell model with competitive RANKL–RANK–OPG binding, osteocytes and
/// sclerostin, and a formation-minus-resorption mineral balance with a mineralisation lag at the
/// lumbar spine and total hip. Time in days. Equations: docs/model.md.
public struct BoneModel: GenericODESystem, Sendable {
    public var parameters: BoneModelParameters
    public var patient: PatientBaseline
    public var levers: BoneLevers
    /// When true, age and menopause drives are held at their day-0 values (used to find the
    /// baseline steady state of the fast subsystem).
    public var freezeDrives = false
    /// When true, the matrix-volume integrators are held (dV/dt = 0); baseline search only.
    public var holdMatrix = false

    // Reference-state constants, derived once so that the reference adult is an exact steady state.
    let k: Derived

    struct Derived: Sendable, Equatable {
        var secretion0: Double, tgfAct0: Double, tgfRep0: Double, pthAct0: Double, pthRep0: Double
        var rankl0: Double, urine0: Double, spineMineral0: Double, hipMineral0: Double
        var menopauseYears0: Double?
    }

    public init(patient: PatientBaseline, parameters: BoneModelParameters = BoneModelParameters(), levers: BoneLevers = BoneLevers()) {
        self.patient = patient
        self.parameters = parameters
        self.levers = levers
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
                    spineMineral0: mineral(p.spineTurnover), hipMineral0: mineral(p.hipTurnover),
                    menopauseYears0: yearsSinceMenopause)
    }

    public var dimension: Int { BoneState.count }
    public var isAutonomous: Bool { freezeDrives }

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
        y[BoneState.spineOsteoid.index] = p.spineTurnover * p.mineralisationLag
        y[BoneState.hipOsteoid.index] = p.hipTurnover * p.mineralisationLag
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

    // MARK: Right-hand side

    public func rhs<S: ODEScalar>(t: S, y: UnsafePointer<S>, dy: UnsafeMutablePointer<S>) {
        let p = parameters
        let L = levers
        let years: S = freezeDrives ? S(0) : t / 365.25
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

        // Calcium, PTH, calcitriol.
        let secretion = 1.0 + (p.pthMaxToMin - 1.0) / (1.0 + S.pow(ca / p.pthSetPoint, p.pthHill))
        let pthRel = pth / p.pth0
        dy[BoneState.pth.index] = p.kPTH * (p.pth0 * secretion / k.secretion0 - pth)
        dy[BoneState.hydroxylase.index] = p.kHydroxylase * (S.pow(pthRel, p.hydroxylasePTHExponent) - hyd)
        dy[BoneState.calcitriol.index] = p.kCalcitriol * (p.calcitriol0 * hyd - d)
        dy[BoneState.gutAbsorption.index] = p.kGutAbsorption * (S.pow(d / p.calcitriol0, p.gutCalcitriolExponent) * L.gutCalciumAbsorption - gut)
        let absorbed = p.dietaryCalcium * p.fractionAbsorbed0 * gut
        let urine = k.urine0 * S.pow(ca / p.calcium0, p.urineCalciumExponent) * S.pow(pthRel, -p.urinePTHExponent)
        let resorbed = p.boneCalciumTurnover * oc
        let formed = p.boneCalciumTurnover * ob * (1.0 - deficit)
        dy[BoneState.calcium.index] = (absorbed + resorbed - formed - urine) / p.ecfVolume

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
        Self.site(turnover: p.spineTurnover, deficit: deficit, ob: ob, oc: oc, p: p,
                  y: y + BoneState.spineOsteoid.index, dy: dy + BoneState.spineOsteoid.index)
        Self.site(turnover: p.hipTurnover, deficit: deficit, ob: ob, oc: oc, p: p,
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
