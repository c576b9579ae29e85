import OsteoODE
import Foundation

/// y' = −λ(y − sin t) + cos t, y(0) = 1: exact solution y = sin t + e^{−λt}.
/// Non-autonomous, so it exercises the ∂f/∂t (d_i) coefficients of each method.
struct ProtheroRobinson: GenericODESystem {
    var lambda: Double
    var dimension: Int { 1 }
    var isAutonomous: Bool { false }
    func rhs<S: ODEScalar>(t: S, y: UnsafePointer<S>, dy: UnsafeMutablePointer<S>) {
        // sin/cos of t through exp is not available generically; use the dual-friendly identity
        // only on the value path and the exact derivative for the t-partials.
        dy[0] = -lambda * (y[0] - Self.sin(t)) + Self.cos(t)
    }
    static func sin<S: ODEScalar>(_ t: S) -> S {
        // sin(t) with derivative cos(t): t is either Double or a Dual seeded in slot 0.
        if let d = t as? Dual {
            return Dual(value: Foundation.sin(d.value), partials: Foundation.cos(d.value) * d.partials) as! S
        }
        return S(Foundation.sin(t.value))
    }
    static func cos<S: ODEScalar>(_ t: S) -> S {
        if let d = t as? Dual {
            return Dual(value: Foundation.cos(d.value), partials: -Foundation.sin(d.value) * d.partials) as! S
        }
        return S(Foundation.cos(t.value))
    }
    static func exact(_ t: Double, lambda: Double) -> Double { Foundation.sin(t) + Foundation.exp(-lambda * t) }
}

/// A 2-component nonlinear autonomous system with an exact solution:
/// y1' = −y1², y2' = −y2 + y1 … with y1 = 1/(1+t); used for dense-output checks.
struct Logistic2: GenericODESystem {
    var dimension: Int { 2 }
    func rhs<S: ODEScalar>(t: S, y: UnsafePointer<S>, dy: UnsafeMutablePointer<S>) {
        dy[0] = -(y[0] * y[0])
        dy[1] = -1.0 * y[1]
    }
    static func exact(_ t: Double) -> [Double] { [1 / (1 + t), Foundation.exp(-t)] }
}

/// One-compartment PK: dA/dt = −k·A (amount in mg), bolus doses as state jumps.
struct OneCompartment: GenericODESystem {
    var k: Double
    var dimension: Int { 1 }
    func rhs<S: ODEScalar>(t: S, y: UnsafePointer<S>, dy: UnsafeMutablePointer<S>) {
        dy[0] = -k * y[0]
    }
}
