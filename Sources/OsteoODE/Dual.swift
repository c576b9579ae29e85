/// A forward-mode dual number carrying a value and up to ``width`` partial derivatives.
///
/// Jacobians are built in chunks of ``width`` columns (as ForwardDiff.jl does): seed the state
/// components of one chunk with unit partials, evaluate the generic right-hand side once, read
/// off those columns. The partials live in a `SIMD8<Double>`, so each arithmetic operation is a
/// handful of vector instructions and nothing is allocated.
public struct Dual: ODEScalar, Hashable {
    /// Number of partials carried at once (the Jacobian chunk size).
    public static let width = 8

    public var value: Double
    public var partials: SIMD8<Double>

    @inlinable public init(_ constant: Double) {
        self.value = constant
        self.partials = .zero
    }

    @inlinable public init(value: Double, partials: SIMD8<Double>) {
        self.value = value
        self.partials = partials
    }

    /// A variable: value `v` with partial 1 in slot `slot`.
    @inlinable public static func variable(_ v: Double, slot: Int) -> Dual {
        var p = SIMD8<Double>.zero
        p[slot] = 1
        return Dual(value: v, partials: p)
    }

    @inlinable public static func + (a: Dual, b: Dual) -> Dual { Dual(value: a.value + b.value, partials: a.partials + b.partials) }
    @inlinable public static func - (a: Dual, b: Dual) -> Dual { Dual(value: a.value - b.value, partials: a.partials - b.partials) }
    @inlinable public static func * (a: Dual, b: Dual) -> Dual {
        Dual(value: a.value * b.value, partials: b.value * a.partials + a.value * b.partials)
    }
    @inlinable public static func / (a: Dual, b: Dual) -> Dual {
        let inv = 1 / b.value
        let q = a.value * inv
        return Dual(value: q, partials: (a.partials - q * b.partials) * inv)
    }
    @inlinable public static prefix func - (a: Dual) -> Dual { Dual(value: -a.value, partials: -a.partials) }
    @inlinable public static func + (a: Dual, b: Double) -> Dual { Dual(value: a.value + b, partials: a.partials) }
    @inlinable public static func + (a: Double, b: Dual) -> Dual { Dual(value: a + b.value, partials: b.partials) }
    @inlinable public static func - (a: Dual, b: Double) -> Dual { Dual(value: a.value - b, partials: a.partials) }
    @inlinable public static func - (a: Double, b: Dual) -> Dual { Dual(value: a - b.value, partials: -b.partials) }
    @inlinable public static func * (a: Dual, b: Double) -> Dual { Dual(value: a.value * b, partials: a.partials * b) }
    @inlinable public static func * (a: Double, b: Dual) -> Dual { Dual(value: a * b.value, partials: a * b.partials) }
    @inlinable public static func / (a: Dual, b: Double) -> Dual { Dual(value: a.value / b, partials: a.partials / b) }
    @inlinable public static func / (a: Double, b: Dual) -> Dual {
        let q = a / b.value
        return Dual(value: q, partials: (-q / b.value) * b.partials)
    }

    @inlinable public static func exp(_ x: Dual) -> Dual {
        let e = Double.exp(x.value)
        return Dual(value: e, partials: e * x.partials)
    }
    @inlinable public static func log(_ x: Dual) -> Dual {
        Dual(value: Double.log(x.value), partials: x.partials / x.value)
    }
    @inlinable public static func sqrt(_ x: Dual) -> Dual {
        let s = x.value.squareRoot()
        return Dual(value: s, partials: x.partials * (0.5 / s))
    }
    @inlinable public static func pow(_ x: Dual, _ p: Double) -> Dual {
        if p == 0 { return Dual(1) }
        let v = Double.pow(x.value, p)
        // d/dx x^p = p x^(p-1); written as p·v/x only when x != 0.
        let d = x.value == 0 ? (p == 1 ? 1 : 0) : p * v / x.value
        return Dual(value: v, partials: d * x.partials)
    }
    @inlinable public static func pow(_ x: Dual, _ y: Dual) -> Dual {
        let v = Double.pow(x.value, y.value)
        let lx = Double.log(x.value)
        return Dual(value: v, partials: (y.value * v / x.value) * x.partials + (v * lx) * y.partials)
    }
    @inlinable public static func tanh(_ x: Dual) -> Dual {
        let t = Double.tanh(x.value)
        return Dual(value: t, partials: (1 - t * t) * x.partials)
    }
}
