import Testing
import Foundation
import OsteoODE

/// Failures are typed errors with time and component, never NaN.
@Suite struct FailureTests {
    /// y' = y²: blows up at t = 1/y0 = 1.
    struct BlowUp: GenericODESystem {
        var dimension: Int { 2 }
        func rhs<S: ODEScalar>(t: S, y: UnsafePointer<S>, dy: UnsafeMutablePointer<S>) {
            dy[0] = S(0)
            dy[1] = y[1] * y[1]
        }
    }

    @Test func finiteTimeBlowUpIsReported() {
        do {
            _ = try ODESolver.solve(BlowUp(), y0: [1, 1], t0: 0, tEnd: 2, saveAt: [2])
            Issue.record("expected an error")
        } catch {
            switch error {
            case .stepSizeUnderflow(let t, _, let c), .nonFiniteState(let t, let c):
                #expect(abs(t - 1) < 1e-2, "stopped at t = \(t)")
                #expect(c == 1)
            case .tooManySteps(let t, _):
                #expect(abs(t - 1) < 1e-2)
            default:
                Issue.record("unexpected error \(error)")
            }
            #expect(!error.description.isEmpty)
        }
    }

    struct LogOfNegative: GenericODESystem {
        var dimension: Int { 1 }
        func rhs<S: ODEScalar>(t: S, y: UnsafePointer<S>, dy: UnsafeMutablePointer<S>) { dy[0] = S.log(y[0]) }
    }

    @Test func nonFiniteDerivativeAtStart() {
        #expect(throws: ODEError.nonFiniteDerivative(t: 0, component: 0)) {
            _ = try ODESolver.solve(LogOfNegative(), y0: [-1], t0: 0, tEnd: 1, saveAt: [1])
        }
    }

    @Test func tooManySteps() {
        var options = SolverOptions(rtol: 1e-10, atol: 1e-12)
        options.maxSteps = 5
        #expect(throws: ODEError.self) {
            _ = try ODESolver.solve(ProtheroRobinson(lambda: 1), y0: [1], t0: 0, tEnd: 100, saveAt: [100], options: options)
        }
    }

    @Test func badInputs() {
        #expect(throws: ODEError.self) { _ = try ODESolver.solve(OneCompartment(k: 1), y0: [1, 2], t0: 0, tEnd: 1, saveAt: []) }
        #expect(throws: ODEError.self) { _ = try ODESolver.solve(OneCompartment(k: 1), y0: [1], t0: 0, tEnd: 1, saveAt: [2]) }
        #expect(throws: ODEError.self) { _ = try ODESolver.solve(OneCompartment(k: 1), y0: [.nan], t0: 0, tEnd: 1, saveAt: [1]) }
        #expect(throws: ODEError.self) {
            _ = try ODESolver.solve(OneCompartment(k: 1), y0: [1], t0: 0, tEnd: 1, saveAt: [1], options: SolverOptions(rtol: -1, atol: 1))
        }
    }
}
