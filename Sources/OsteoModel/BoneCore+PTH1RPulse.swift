import OsteoODE

// The per-dose PTH1R pulse kernel (drug library II, issue 15).
//
// A daily teriparatide pulse lives for hours (absorption t½ ≈ 1 h, plasma t½ minutes) and the
// core's PTH1R chain answers it within hours (receptor internalisation, SOST, the anabolic
// programme's threshold); resolving 730 of them takes the solver ≈ 80 steps a pulse (0.75 s for
// two years; `osteosim-calibrate pthspeed` in the issue-15 notes). Everything else in the core
// (cells, OPG, hydroxylase, envelopes) changes by a small fraction over one pulse. So the pulse is
// taken at the dose (first-order operator splitting over a window w, the slow states frozen):
//
//   1. the receptor chain is integrated through the window twice, with and without the pulse,
//      from the state at the dose: q (dq/dτ = k_rec(1 − q) − k_int x_r q) and SCL
//      (dSCL/dτ = k_SCL(OCY z^−γS λ_SOST − SCL), z = x_r q/q0), exactly over each substep
//      (exponential update with x_r at the substep midpoint); endogenous PTH, calcium and the
//      slow states stay at their values at the dose;
//   2. at each substep midpoint the core's own right-hand side is evaluated with those q, SCL and
//      the agonist inputs a(τ), ρ·a(τ) (``CoreInput/pthrAgonist``, ``CoreInput/pthrAgonistSustained``),
//      and without them; the difference, integrated, is the pulse's effect on every slow state
//      (the anabolic programme Sa, hydroxylase, OPG, the osteoblast and osteoclast lineages …);
//   3. the state jumps by those integrals; q and SCL jump by their end-of-window differences;
//      calcium: the net calcium the pulse adds to ECF + exchangeable bone (less urinary loss;
//      the exchange shift cancels) is shared between the two at exchange equilibrium.
//
// The solver then integrates a smooth trajectory. The approximation is checked against the
// resolved pulses (the same agonist inputs from a depot state: the `pulse_resolved` parameter of
// the PTH analogue components) in Tests/OsteoPharmTests/AnabolicTests.swift.

extension BoneCore {
    /// The fast signalling states (calcium/PTH/vitamin D, exchangeable calcium, PTH1R, SOST, OPG)
    /// that a pulse-taking component may loosen (``ModelComponent/coreSignallingRelativeTolerance``);
    /// cells and envelopes keep the system's tolerance.
    public static let signallingStates: [BoneState] = [.calcium, .pth, .glandCapacity, .hydroxylase, .calcitriol, .gutAbsorption,
                                                       .exchangeableCalcium, .pthrAvailable, .pthrAnabolic, .sclerostin, .opg]

    /// Substeps of the pulse window, on a cubic grid (first ≈ 50 s, last ≈ 5.5 h for a one-day
    /// window). With 12 the kernel's two-year teriparatide spine gain is that of resolved pulses
    /// (13.57 vs 13.57%); 16, 24 and 48 give 13.80, 14.04 and 14.17 (the splitting error of freezing
    /// the slow states for a day, ≈ +5%, offset at 12 by the coarser quadrature).
    static let pulseSubsteps = 12

    /// Scratch doubles ``applyPTH1RPulse(_:y:effects:scratch:)`` needs.
    public var pulseScratchCount: Int { 6 * dimension }

    /// Applies one PTH1R agonist pulse to the core states `y` (the first ``dimension`` entries of
    /// the system state) given the combined levers of the other components at the dose.
    /// `scratch` holds at least ``pulseScratchCount`` doubles; allocates nothing.
    public func applyPTH1RPulse(_ pulse: PTH1RPulse, y: UnsafeMutablePointer<Double>, effects: Effects<Double>,
                                scratch base: UnsafeMutablePointer<Double>) -> PTH1RPulseOutcome {
        let n = dimension
        let p = parameters
        let iq = BoneState.pthrAvailable.index, iS = BoneState.sclerostin.index
        let iCa = BoneState.calcium.index, iQ = BoneState.exchangeableCalcium.index
        let iP = BoneState.pth.index, iClock = BoneState.clock.index
        let ocy = y[BoneState.osteocytes.index]
        let sost = effects.sostExpression
        let w = pulse.window
        let m = Self.pulseSubsteps
        let hillK = Double.pow(p.pthAnabolicK, p.pthAnabolicHill)

        do {
            let yc = base, dy = base + n, accP = base + 2 * n, acc0 = base + 3 * n, end = base + 4 * n, scratch = base + 5 * n
            for i in 0..<n { yc[i] = y[i]; accP[i] = 0; acc0[i] = 0 }

            // Linearisation of the calcium/PTH loop at the dose: PTH's quasi-steady value is
            // PTH + (dPTH/dt)/k_PTH (PTH's equation is linear in PTH); its slope in Ca and the ECF
            // relaxation rate λ = −∂(dCa/dt)/∂Ca with PTH following, from the core's rhs.
            rhs(t: 0, x: UnsafePointer(yc), dx: dy, effects: effects, clockRunning: true, holdMatrix: false)
            let pthTarget0 = y[iP] + dy[iP] / p.kPTH
            let f0 = dy[iCa], fQ0 = dy[iQ]
            let dCa = 1e-4 * p.calcium0
            yc[iCa] = y[iCa] + dCa
            rhs(t: 0, x: UnsafePointer(yc), dx: scratch, effects: effects, clockRunning: true, holdMatrix: false)
            let pthSlope = (y[iP] + scratch[iP] / p.kPTH - pthTarget0) / dCa
            yc[iP] = y[iP] + pthSlope * dCa
            rhs(t: 0, x: UnsafePointer(yc), dx: scratch, effects: effects, clockRunning: true, holdMatrix: false)
            let relax = Swift.max(1e-3, -(scratch[iCa] - f0) / dCa)
            func expFactor(_ h: Double) -> Double { (1 - Double.exp(-relax * h)) / relax }

            var programme = (0.0, 0.0)
            var caPeak = y[iCa], caPeakTime = 0.0
            for run in 0..<2 {
                let withPulse = run == 0
                let acc = withPulse ? accP : acc0
                for i in 0..<n { yc[i] = y[i] }
                var q = y[iq], scl = y[iS], ca = y[iCa], qx = y[iQ], fCa = f0, fQ = fQ0
                var hSum = 0.0, tPrev = 0.0
                var pthAt = pthTarget0, caAt = y[iCa]   // latest exact quasi-steady PTH, and its calcium
                for j in 1...m {
                    let f = Double(j) / Double(m)
                    let tNext = w * f * f * f
                    let h = tNext - tPrev
                    let a = withPulse ? pulse.potency * pulse.concentration(at: tPrev + h / 2) : 0
                    // Calcium and exchangeable calcium at the midpoint (exponential predictor with the
                    // last derivative), endogenous PTH at its quasi-steady value there.
                    let caMid = ca + fCa * expFactor(h / 2)
                    let qxMid = qx + fQ * h / 2
                    // (tangent at the latest exact point, never below a tenth of it: the secretion curve flattens).
                    let pthMid = Swift.max(0.1 * pthAt, pthAt + pthSlope * pthAt / pthTarget0 * (caMid - caAt))
                    let xe = pthMid / p.pth0
                    // Receptor and SOST: exact over the substep with x_r at its midpoint (these lines
                    // restate the core's q and SCL equations in BoneCore.rhs).
                    let xr = xe + a / p.pth0
                    let beta = p.kPTHRRecycle + p.kPTHRInternalise * xr
                    let qInf = p.kPTHRRecycle / beta
                    let qMid = qInf + (q - qInf) * Double.exp(-beta * h / 2)
                    let qNew = qInf + (q - qInf) * Double.exp(-beta * h)
                    let z = xr * qMid / k.receptor0
                    let target = ocy * Double.pow(z, -p.sclerostinPTHExponent) * sost
                    let sMid = target + (scl - target) * Double.exp(-p.kSclerostin * h / 2)
                    let sNew = target + (scl - target) * Double.exp(-p.kSclerostin * h)
                    yc[iq] = qMid
                    yc[iS] = sMid
                    yc[iCa] = caMid
                    yc[iQ] = qxMid
                    yc[iP] = pthMid
                    var e = effects
                    if withPulse {
                        e.add(.pthrAgonist, a)
                        e.add(.pthrAgonistSustained, pulse.sustainedWeight * a)
                    }
                    rhs(t: 0, x: UnsafePointer(yc), dx: dy, effects: e, clockRunning: true, holdMatrix: false)
                    let zn = Double.pow(z, p.pthAnabolicHill)
                    hSum += h * zn / (zn + hillK)
                    for i in 0..<n { acc[i] += h * dy[i] }
                    pthAt = pthMid + dy[iP] / p.kPTH
                    caAt = caMid
                    // Calcium: exponential midpoint (the derivative at the midpoint, damped by λ);
                    // exchangeable calcium: explicit midpoint.
                    // The exchange moves calcium between the two pools: their sum V·Ca + Q changes only by
                    // the net flux (midpoint rule), so the split is taken from the calcium update.
                    let mass = p.ecfVolume * ca + qx + h * (p.ecfVolume * dy[iCa] + dy[iQ])
                    let caNew = ca + (dy[iCa] + relax * (caMid - ca)) * expFactor(h)
                    fCa = dy[iCa] - relax * (caNew - caMid)
                    ca = caNew
                    fQ = dy[iQ]
                    qx = mass - p.ecfVolume * ca
                    if withPulse, ca > caPeak { caPeak = ca; caPeakTime = tNext }
                    q = qNew
                    scl = sNew
                    tPrev = tNext
                }
                let endQ = (q, scl, ca, qx, pthAt)
                if withPulse {
                    programme.0 = hSum
                    end[iq] = endQ.0; end[iS] = endQ.1; end[iCa] = endQ.2; end[iQ] = endQ.3; end[iP] = endQ.4
                } else {
                    programme.1 = hSum
                    end[iq] -= endQ.0; end[iS] -= endQ.1; end[iCa] -= endQ.2; end[iQ] -= endQ.3; end[iP] -= endQ.4
                }
            }

            // Jumps: slow states by the integrated rate difference; the fast ones (receptor, SOST,
            // calcium, exchangeable calcium, PTH) by their end-of-window differences; then back onto
            // the slow manifold.
            for i in 0..<n where i != iq && i != iS && i != iCa && i != iQ && i != iP && i != iClock {
                y[i] += accP[i] - acc0[i]
            }
            y[iq] += end[iq]; y[iS] += end[iS]; y[iCa] += end[iCa]; y[iQ] += end[iQ]; y[iP] += end[iP]
            projectFastStates(y: y, effects: effects, scratch: yc, dy: dy, dy2: scratch)
            return PTH1RPulseOutcome(calciumPeak: caPeak, calciumPeakTime: caPeakTime, anabolicDrive: (programme.0 - programme.1) / w)
        }
    }
}

extension BoneCore {
    /// Puts the fast states back on the slow manifold after a jump of the slow ones (else the
    /// solver resolves a minutes-long transient after every dose): PTH and sclerostin at their
    /// quasi-steady values and the calcium exchange mode at rest (dQ/dt = s·dCa/dt, s the
    /// exchange-equilibrium share), holding V·Ca + Q. Newton on (Ca, PTH, SCL) with a
    /// finite-difference Jacobian of the core's own right-hand side; a few iterations.
    func projectFastStates(y: UnsafeMutablePointer<Double>, effects: Effects<Double>,
                           scratch yc: UnsafeMutablePointer<Double>, dy: UnsafeMutablePointer<Double>, dy2: UnsafeMutablePointer<Double>) {
        let n = dimension
        let p = parameters
        let iCa = BoneState.calcium.index, iQ = BoneState.exchangeableCalcium.index
        let iP = BoneState.pth.index, iS = BoneState.sclerostin.index
        let mass = p.ecfVolume * y[iCa] + y[iQ]
        func residual(_ u: (Double, Double, Double), _ out: UnsafeMutablePointer<Double>) -> (Double, Double, Double) {
            for i in 0..<n { yc[i] = y[i] }
            yc[iCa] = u.0
            yc[iQ] = mass - p.ecfVolume * u.0
            yc[iP] = u.1
            yc[iS] = u.2
            rhs(t: 0, x: UnsafePointer(yc), dx: out, effects: effects, clockRunning: true, holdMatrix: false)
            let share = p.exchangeableCalcium0 / (p.calcium0 * Double.pow(u.1 / p.pth0, p.exchangePTHExponent))
            return (out[iQ] - share * out[iCa], out[iP] / p.kPTH, out[iS] / p.kSclerostin)
        }
        var u = (y[iCa], y[iP], y[iS])
        var r = residual(u, dy)
        // Jacobian by forward differences, once (the fast subsystem is nearly linear over a jump).
        let h0 = 1e-6 * p.calcium0, h1 = 1e-6 * Swift.max(u.1, 1e-3 * p.pth0), h2 = 1e-6 * Swift.max(u.2, 1e-3)
        let c0 = residual((u.0 + h0, u.1, u.2), dy2), c1 = residual((u.0, u.1 + h1, u.2), dy2), c2 = residual((u.0, u.1, u.2 + h2), dy2)
        let J = ((c0.0 - r.0) / h0, (c1.0 - r.0) / h1, (c2.0 - r.0) / h2,
                 (c0.1 - r.1) / h0, (c1.1 - r.1) / h1, (c2.1 - r.1) / h2,
                 (c0.2 - r.2) / h0, (c1.2 - r.2) / h1, (c2.2 - r.2) / h2)
        for _ in 0..<4 {
            if abs(r.0) < 1e-10 * p.exchangeableCalcium0 && abs(r.1) < 1e-8 * p.pth0 && abs(r.2) < 1e-8 { break }
            guard let d = Self.solve3(J, (-r.0, -r.1, -r.2)) else { break }
            let v = (u.0 + d.0, u.1 + d.1, u.2 + d.2)
            guard v.0 > 0, v.1 > 0, v.2 > 0, v.0.isFinite, v.1.isFinite, v.2.isFinite else { return }
            u = v
            r = residual(u, dy)
        }
        y[iCa] = u.0
        y[iQ] = mass - p.ecfVolume * u.0
        y[iP] = u.1
        y[iS] = u.2
    }

    /// Cramer's rule for a 3×3 system, row-major (nil if singular).
    static func solve3(_ a: (Double, Double, Double, Double, Double, Double, Double, Double, Double),
                       _ b: (Double, Double, Double)) -> (Double, Double, Double)? {
        func det(_ m: (Double, Double, Double, Double, Double, Double, Double, Double, Double)) -> Double {
            m.0 * (m.4 * m.8 - m.5 * m.7) - m.1 * (m.3 * m.8 - m.5 * m.6) + m.2 * (m.3 * m.7 - m.4 * m.6)
        }
        let d = det(a)
        guard d != 0, d.isFinite else { return nil }
        let x0 = det((b.0, a.1, a.2, b.1, a.4, a.5, b.2, a.7, a.8))
        let x1 = det((a.0, b.0, a.2, a.3, b.1, a.5, a.6, b.2, a.8))
        let x2 = det((a.0, a.1, b.0, a.3, a.4, b.1, a.6, a.7, b.2))
        return (x0 / d, x1 / d, x2 / d)
    }
}
