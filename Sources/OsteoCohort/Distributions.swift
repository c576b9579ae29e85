import Foundation

/// The standard normal distribution: CDF from `erfc`, quantile by a rational start (Abramowitz & Stegun 26.2.23,
/// |error| < 4.5e-4) polished by Halley steps on the CDF to full double precision.
public enum StandardNormal {
    public static func cdf(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
    /// 1 − Φ(x), accurate in the upper tail.
    public static func survival(_ x: Double) -> Double { 0.5 * erfc(x / 2.0.squareRoot()) }
    public static func density(_ x: Double) -> Double { exp(-0.5 * x * x) / (2 * Double.pi).squareRoot() }

    /// Φ⁻¹(p) for p in (0, 1).
    public static func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "normal quantile of \(p)")
        // Work in the lower half: x = −Φ⁻¹(1 − p) for p > ½ would lose digits, so the upper half uses the
        // survival function instead.
        if p > 0.5 { return -lowerQuantile(1 - p) }
        return lowerQuantile(p)
    }

    /// The x with 1 − Φ(x) = q, for q in (0, 1), accurate for tiny q.
    public static func upperQuantile(_ q: Double) -> Double {
        precondition(q > 0 && q < 1, "normal upper quantile of \(q)")
        if q > 0.5 { return lowerQuantile(1 - q) }
        return -lowerQuantile(q)
    }

    /// The x ≤ 0 with Φ(x) = p, p ≤ ½.
    static func lowerQuantile(_ p: Double) -> Double {
        if p == 0.5 { return 0 }
        let t = (-2 * log(p)).squareRoot()
        var x = -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t))
        for _ in 0..<4 {
            let f = cdf(x) - p
            let d = density(x)
            guard d > 0 else { break }
            let u = f / d
            let step = u / (1 + 0.5 * x * u)   // Halley: Φ'' = −x φ
            x -= step
            if abs(step) <= 1e-15 * max(1, abs(x)) { break }
        }
        return x
    }
}

/// A population covariate or a parameter's distribution: a constant, uniform, normal or log-normal, each normal
/// optionally truncated to [min, max]. Sampled by inversion (one uniform per draw), so a truncated draw needs no
/// rejection loop and stays a pure function of its uniform.
public enum Distribution: Sendable, Equatable {
    case constant(Double)
    case uniform(min: Double, max: Double)
    /// Normal with this mean and SD, truncated to [min, max] (±∞ = not truncated).
    case normal(mean: Double, sd: Double, min: Double, max: Double)
    /// Log-normal whose logarithm is normal(mu, sigma), truncated to [min, max] (min ≥ 0; 0 and ∞ = not truncated).
    case logNormal(mu: Double, sigma: Double, min: Double, max: Double)

    /// The smallest and largest values it can give.
    public var support: ClosedRange<Double> {
        switch self {
        case .constant(let v): v...v
        case .uniform(let a, let b): a...b
        case .normal(_, _, let a, let b): a...b
        case .logNormal(_, _, let a, let b): a...b
        }
    }

    /// The value for the uniform `u` in (0, 1).
    public func value(u: Double) -> Double {
        switch self {
        case .constant(let v): return v
        case .uniform(let a, let b): return a + u * (b - a)
        case .normal(let m, let s, let a, let b):
            return m + s * Self.truncatedStandardNormal(u: u, lower: (a - m) / s, upper: (b - m) / s)
        case .logNormal(let mu, let sigma, let a, let b):
            let lo = a > 0 ? (log(a) - mu) / sigma : -Double.infinity
            let hi = b.isFinite ? (log(b) - mu) / sigma : Double.infinity
            let v = exp(mu + sigma * Self.truncatedStandardNormal(u: u, lower: lo, upper: hi))
            return Swift.min(Swift.max(v, a), b)   // exp rounding only: the draw already lies in [lo, hi]
        }
    }

    /// z with Φ(z) uniform on [Φ(lower), Φ(upper)]; the upper tail is inverted through the survival function
    /// so that a truncation far out keeps its digits.
    static func truncatedStandardNormal(u: Double, lower: Double, upper: Double) -> Double {
        if lower == -.infinity && upper == .infinity { return StandardNormal.quantile(u) }
        if lower >= 0 {
            let qa = StandardNormal.survival(lower), qb = StandardNormal.survival(upper)
            let q = qa - u * (qa - qb)
            if q >= qa || q >= 1 { return lower }   // rounding at the edges of the interval
            if q <= qb || q <= 0 { return upper }
            return Swift.min(Swift.max(StandardNormal.upperQuantile(q), lower), upper)
        }
        let pa = StandardNormal.cdf(lower), pb = StandardNormal.cdf(upper)
        let p = pa + u * (pb - pa)
        if p <= pa || p <= 0 { return lower }
        if p >= pb || p >= 1 { return upper }
        return Swift.min(Swift.max(StandardNormal.quantile(p), lower), upper)
    }

    /// Parameters of the log-normal with this mean and SD of the value itself.
    public static func logNormalParameters(mean: Double, sd: Double) -> (mu: Double, sigma: Double) {
        let s2 = log(1 + (sd * sd) / (mean * mean))
        return (log(mean) - s2 / 2, s2.squareRoot())
    }
}

/// Cholesky factor L (lower triangular, row-major n×n) of a symmetric positive definite matrix, or nil.
public func choleskyLower(_ a: [[Double]]) -> [[Double]]? {
    let n = a.count
    var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for i in 0..<n {
        for j in 0...i {
            var s = a[i][j]
            for k in 0..<j { s -= l[i][k] * l[j][k] }
            if i == j {
                guard s > 0, s.isFinite else { return nil }
                l[i][i] = s.squareRoot()
            } else {
                l[i][j] = s / l[j][j]
            }
        }
    }
    return l
}
