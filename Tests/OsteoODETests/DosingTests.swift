import Testing
import Foundation
import OsteoODE

/// Bolus doses into a one-compartment model, 52 weekly doses, against the analytic
/// superposition A(t) = Σ_{t_i ≤ t} D·e^{−k(t − t_i)} (a hand calculation, no fitted numbers).
@Suite struct DosingTests {
    let k = log(2) / 3.0        // half-life 3 days
    let dose = 70.0             // mg, weekly

    func analytic(_ t: Double) -> Double {
        var a = 0.0
        for i in 0..<52 where Double(i) * 7 <= t { a += dose * exp(-k * (t - Double(i) * 7)) }
        return a
    }

    @Test func weeklyBolusMatchesAnalytic() throws {
        let events = (0..<52).map { Discontinuity(time: Double($0) * 7, jumps: [.add(component: 0, amount: dose)]) }
        // Output every 0.5 day, including each dose time (right-continuous: after the dose).
        let saves = stride(from: 0.0, through: 400.0, by: 0.5).map { $0 }
        for method in RosenbrockMethod.allCases {
            let sol = try ODESolver.solve(OneCompartment(k: k), y0: [0], t0: 0, tEnd: 400, saveAt: saves,
                                          discontinuities: events, options: SolverOptions(method: method, rtol: 1e-8, atol: 1e-10))
            var worst = 0.0
            for (i, t) in saves.enumerated() {
                let exact = analytic(t)
                worst = max(worst, abs(sol.values[i] - exact) / max(exact, 1e-3))
            }
            #expect(worst < 1e-6, "\(method): worst relative error \(worst)")
            #expect(sol.values[0] == dose, "the output at a dose time reports the state after the dose")
        }
    }

    @Test func setAndScaleJumps() throws {
        let events = [Discontinuity(time: 1, jumps: [.set(component: 0, value: 5)]),
                      Discontinuity(time: 2, jumps: [.scale(component: 0, factor: 0.5)])]
        let sol = try ODESolver.solve(OneCompartment(k: 0), y0: [1], t0: 0, tEnd: 3, saveAt: [0.5, 1, 1.5, 2, 3],
                                      discontinuities: events)
        #expect(sol.values == [1, 5, 5, 2.5, 2.5])
    }

    @Test func jumpToMissingComponentIsAnError() {
        #expect(throws: ODEError.self) {
            _ = try ODESolver.solve(OneCompartment(k: 1), y0: [1], t0: 0, tEnd: 1, saveAt: [1],
                                    discontinuities: [Discontinuity(time: 0.5, jumps: [.add(component: 3, amount: 1)])])
        }
    }
}

/// The restart step after a dose (``SolverOptions/restartStepFactor``): a depot absorbed fast into a slow central
/// compartment, which drives an effect through a saturating term, dosed every 30 days. Hairer & Wanner's estimate
/// from the state just after the dose ignores that the transient speeds up; a smaller start must not cost accuracy.
@Suite struct RestartStepTests {
    struct Depot: GenericODESystem {
        var dimension: Int { 3 }
        func rhs<S: ODEScalar>(t: S, y: UnsafePointer<S>, dy: UnsafeMutablePointer<S>) {
            let absorbed = 100.0 * y[0]                  // absorption half-life ≈ 10 min
            dy[0] = -1.0 * absorbed
            dy[1] = absorbed - 0.05 * y[1]
            let c4 = y[1] * y[1] * y[1] * y[1]
            dy[2] = 5.0 * (c4 / (c4 + 1.0) - y[2])     // a fast effect of the concentration, Hill 4
        }
    }

    func solve(factor: Double) throws -> ODESolution {
        var options = SolverOptions(rtol: 1e-6, atol: 1e-9)
        options.restartStep = .estimate
        options.restartStepFactor = factor
        let events = (0..<12).map { Discontinuity(time: Double($0) * 30, jumps: [.add(component: 0, amount: 10)]) }
        return try ODESolver.solve(Depot(), y0: [0, 0, 0], t0: 0, tEnd: 360, saveAt: [90, 180, 360], discontinuities: events, options: options)
    }

    @Test func halfTheEstimateKeepsTheSolution() throws {
        let full = try solve(factor: 1), half = try solve(factor: 0.5)
        let reference = try { () throws -> ODESolution in
            var o = SolverOptions(rtol: 1e-11, atol: 1e-14)
            o.restartStep = .estimate
            let events = (0..<12).map { Discontinuity(time: Double($0) * 30, jumps: [.add(component: 0, amount: 10)]) }
            return try ODESolver.solve(Depot(), y0: [0, 0, 0], t0: 0, tEnd: 360, saveAt: [90, 180, 360], discontinuities: events, options: o)
        }()
        for (h, r) in zip(half.values, reference.values) { #expect(abs(h - r) <= 1e-5 * max(abs(r), 1e-3)) }
        for (f, r) in zip(full.values, reference.values) { #expect(abs(f - r) <= 1e-5 * max(abs(r), 1e-3)) }
        // Rejected steps: the halved start is rejected less often (measured 12 against 33 over the 12 doses).
        #expect(half.statistics.rejectedSteps < full.statistics.rejectedSteps,
                "rejected: \(half.statistics.rejectedSteps) at 0.5, \(full.statistics.rejectedSteps) at 1")
    }

    @Test func factorOutsideTheUnitIntervalIsRefused() {
        for bad in [0.0, -1, 1.5, .nan] {
            var options = SolverOptions()
            options.restartStepFactor = bad
            #expect(throws: ODEError.self) {
                _ = try ODESolver.solve(Depot(), y0: [0, 0, 0], t0: 0, tEnd: 1, saveAt: [1], options: options)
            }
        }
    }
}
