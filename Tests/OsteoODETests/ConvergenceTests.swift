import Testing
import Foundation
import OsteoODE

/// Observed order of convergence with constant steps: halving h should divide the global error
/// by about 2^p, where p is the method's order (Hairer & Wanner II, IV.7). Expected orders are
/// the published ones: Rodas5P 5, Rodas4 4, Rodas3P 3.
@Suite struct ConvergenceTests {
    func globalError(_ method: RosenbrockMethod, steps: Int) throws -> Double {
        let system = ProtheroRobinson(lambda: 5)
        let tEnd = 1.0
        var options = SolverOptions(method: method, rtol: 1, atol: 1)
        options.adaptive = false
        options.initialStep = tEnd / Double(steps)
        let sol = try ODESolver.solve(system, y0: [1], t0: 0, tEnd: tEnd, saveAt: [tEnd], options: options)
        return abs(sol.final[sol.final.startIndex] - ProtheroRobinson.exact(tEnd, lambda: 5))
    }

    @Test(arguments: [(RosenbrockMethod.rodas5P, 5), (.rodas4, 4), (.rodas3P, 3)])
    func observedOrder(method: RosenbrockMethod, expected: Int) throws {
        var errors: [Double] = []
        for steps in [10, 20, 40] { errors.append(try globalError(method, steps: steps)) }
        let order1 = log2(errors[0] / errors[1])
        let order2 = log2(errors[1] / errors[2])
        // Asymptotic regime: the observed order is within 0.5 of the design order.
        #expect(abs(order2 - Double(expected)) < 0.5, "\(method): errors \(errors), orders \(order1), \(order2)")
    }

    @Test(arguments: RosenbrockMethod.allCases)
    func denseOutputOrder(method: RosenbrockMethod) throws {
        // Interpolate at the middle of every step; the dense error must fall at least like h^denseOrder.
        func denseError(steps: Int) throws -> Double {
            var options = SolverOptions(method: method, rtol: 1, atol: 1)
            options.adaptive = false
            options.initialStep = 1.0 / Double(steps)
            let mids = (0..<steps).map { (Double($0) + 0.37) / Double(steps) }
            let sol = try ODESolver.solve(Logistic2(), y0: [1, 1], t0: 0, tEnd: 1, saveAt: mids, options: options)
            var worst = 0.0
            for (i, t) in mids.enumerated() {
                let exact = Logistic2.exact(t)
                for j in 0..<2 { worst = max(worst, abs(sol.values[i * 2 + j] - exact[j])) }
            }
            return worst
        }
        let e1 = try denseError(steps: 16), e2 = try denseError(steps: 32)
        let order = log2(e1 / e2)
        #expect(order > Double(method.tableau.denseOrder) - 0.5, "\(method): dense errors \(e1), \(e2), order \(order)")
    }

    @Test func adaptiveMeetsTolerance() throws {
        // With rtol = atol = 1e-8 the global error of this smooth problem stays near the tolerance.
        for method in RosenbrockMethod.allCases {
            let sol = try ODESolver.solve(ProtheroRobinson(lambda: 50), y0: [1], t0: 0, tEnd: 10, saveAt: [10],
                                          options: SolverOptions(method: method, rtol: 1e-8, atol: 1e-8))
            let err = abs(sol.final[sol.final.startIndex] - ProtheroRobinson.exact(10, lambda: 50))
            #expect(err < 1e-6, "\(method) error \(err)")
            #expect(sol.statistics.steps > 0)
        }
    }
}
