/// A real number type that a right-hand side can be written over once and evaluated either
/// with plain `Double`s (values) or with ``Dual`` numbers (values and exact partial derivatives).
///
/// Write a model's right-hand side generically over `S: ODEScalar`, call the math functions as
/// `S.exp(x)`, `S.pow(x, 2.5)`, and mix in `Double` constants freely; the solver then gets an
/// exact Jacobian by forward-mode differentiation (see ``GenericODESystem``).
public protocol ODEScalar: Sendable {
    /// A constant (all partial derivatives zero).
    init(_ constant: Double)
    /// The value part (for `Double`, the number itself).
    var value: Double { get }

    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    static prefix func - (a: Self) -> Self
    static func + (a: Self, b: Double) -> Self
    static func + (a: Double, b: Self) -> Self
    static func - (a: Self, b: Double) -> Self
    static func - (a: Double, b: Self) -> Self
    static func * (a: Self, b: Double) -> Self
    static func * (a: Double, b: Self) -> Self
    static func / (a: Self, b: Double) -> Self
    static func / (a: Double, b: Self) -> Self

    static func exp(_ x: Self) -> Self
    static func log(_ x: Self) -> Self
    static func sqrt(_ x: Self) -> Self
    /// x^p for a constant exponent (x > 0 unless p is a whole number).
    static func pow(_ x: Self, _ p: Double) -> Self
    /// x^y with both varying (x > 0).
    static func pow(_ x: Self, _ y: Self) -> Self
    static func tanh(_ x: Self) -> Self
    /// The select primitive: `a` where `x >= 0`, else `b` (a Heaviside switch with zero derivative
    /// in `x`). Right-hand sides never branch on `.value` themselves; a symbolic scalar records
    /// this as a piecewise expression.
    static func select(ifNonNegative x: Self, _ a: Self, else b: Self) -> Self
}

extension ODEScalar {
    @inlinable public static func select(ifNonNegative x: Self, _ a: Self, else b: Self) -> Self { x.value >= 0 ? a : b }

    @inlinable public static func += (a: inout Self, b: Self) { a = a + b }
    @inlinable public static func -= (a: inout Self, b: Self) { a = a - b }
    @inlinable public static func *= (a: inout Self, b: Self) { a = a * b }
    @inlinable public static func += (a: inout Self, b: Double) { a = a + b }
    @inlinable public static func -= (a: inout Self, b: Double) { a = a - b }
    @inlinable public static func *= (a: inout Self, b: Double) { a = a * b }

    /// Hill activation x^n / (x^n + K^n), for x >= 0.
    @inlinable public static func hill(_ x: Self, k: Double, n: Double) -> Self {
        let xn = Self.pow(x, n)
        return xn / (xn + Foundation_pow(k, n))
    }

    /// A smooth replacement for max(x, 0): softplus with width `w` (same units as x).
    @inlinable public static func softplus(_ x: Self, width w: Double) -> Self {
        // w·log(1 + exp(x/w)); beyond x/w = 30 it equals x to rounding. The exponent is capped
        // (through `select`, not a branch on the value) so the unused branch never overflows.
        let capped = Self.select(ifNonNegative: x - 30.0 * w, Self(30.0 * w), else: x)
        return Self.select(ifNonNegative: x - 30.0 * w, x, else: w * Self.log(1.0 + Self.exp(capped / w)))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@usableFromInline func Foundation_pow(_ a: Double, _ b: Double) -> Double { pow(a, b) }

extension Double: ODEScalar {
    @inlinable public var value: Double { self }
    @inlinable public static func exp(_ x: Double) -> Double { _exp(x) }
    @inlinable public static func log(_ x: Double) -> Double { _log(x) }
    @inlinable public static func sqrt(_ x: Double) -> Double { x.squareRoot() }
    /// x^p, with fast paths for the exponents models use most (0, ±1, 0.5, 0.25, 2, small
    /// integers by squaring); the exponent is a model constant, so these branches are not on a
    /// state's value. Otherwise the C library's pow.
    @inlinable public static func pow(_ x: Double, _ p: Double) -> Double {
        if p == 1 { return x }
        if p == 0.5 { return x.squareRoot() }
        if p == 0 { return 1 }
        if p == 2 { return x * x }
        if p == -1 { return 1 / x }
        if p == 0.25 { return x.squareRoot().squareRoot() }
        if p == -0.5 { return 1 / x.squareRoot() }
        // Integer exponents by squaring; the test truncates (one instruction) rather than calling
        // the C library's round, which this path paid on every call with a fractional exponent.
        if abs(p) <= 32, Double(Int(p)) == p {
            var n = Int(abs(p)), base = x, result = 1.0
            while n > 0 {
                if n & 1 == 1 { result *= base }
                base *= base
                n >>= 1
            }
            return p < 0 ? 1 / result : result
        }
        return _pow(x, p)
    }
    @inlinable public static func tanh(_ x: Double) -> Double { _tanh(x) }
}

// Bridges to the C math library that do not collide with the static requirement names.
@usableFromInline func _exp(_ x: Double) -> Double { exp(x) }
@usableFromInline func _log(_ x: Double) -> Double { log(x) }
@usableFromInline func _pow(_ x: Double, _ p: Double) -> Double { pow(x, p) }
@usableFromInline func _tanh(_ x: Double) -> Double { tanh(x) }
