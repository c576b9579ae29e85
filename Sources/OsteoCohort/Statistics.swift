import Foundation

/// Student's t distribution: CDF through the regularised incomplete beta function (continued fraction, modified
/// Lentz), quantile by bisection on the CDF. Used for the 95% confidence intervals of between-arm differences.
public enum StudentT {
    /// P(T ≤ t) for `df` degrees of freedom (df > 0, may be fractional: Welch).
    public static func cdf(_ t: Double, df: Double) -> Double {
        let x = df / (df + t * t)
        let tail = 0.5 * regularizedIncompleteBeta(x, a: df / 2, b: 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The t with P(T ≤ t) = p, p in (0, 1).
    public static func quantile(_ p: Double, df: Double) -> Double {
        guard p != 0.5 else { return 0 }
        if p < 0.5 { return -quantile(1 - p, df: df) }
        var lo = 0.0, hi = 1.0
        while cdf(hi, df: df) < p && hi < 1e12 { lo = hi; hi *= 2 }
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if cdf(mid, df: df) < p { lo = mid } else { hi = mid }
            if hi - lo <= 1e-13 * max(1, hi) { break }
        }
        return 0.5 * (lo + hi)
    }

    /// I_x(a, b).
    static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let lgammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let lnFront: Double = lgammas + a * log(x) + b * log(1 - x)
        // The continued fraction converges fast for x < (a + 1)/(a + b + 2); use the symmetry otherwise.
        if x > (a + 1) / (a + b + 2) { return 1 - regularizedIncompleteBeta(1 - x, a: b, b: a) }
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var f = d
        for m in 1...500 {
            let md = Double(m)
            // Even step.
            let twoM: Double = 2 * md
            let evenDen: Double = (a + twoM - 1) * (a + twoM)
            var num: Double = md * (b - md) * x / evenDen
            d = 1 + num * d; if abs(d) < tiny { d = tiny }
            c = 1 + num / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            f *= d * c
            // Odd step.
            let oddDen: Double = (a + twoM) * (a + twoM + 1)
            num = -(a + md) * (a + b + md) * x / oddDen
            d = 1 + num * d; if abs(d) < tiny { d = tiny }
            c = 1 + num / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            f *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return exp(lnFront) * f / a
    }
}

/// Mean and variance in one pass (Welford), in the order the values arrive: the same values in the same order give
/// the same bits.
struct RunningMoments {
    private(set) var n = 0
    private(set) var mean = 0.0
    private var m2 = 0.0
    mutating func add(_ x: Double) {
        n += 1
        let d = x - mean
        mean += d / Double(n)
        m2 += d * (x - mean)
    }
    /// Sample SD (n − 1); 0 for one value.
    var sd: Double { n > 1 ? (m2 / Double(n - 1)).squareRoot() : 0 }
}

/// Percentiles of sorted values by linear interpolation between order statistics (Hyndman & Fan type 7, the
/// default of R and NumPy), picked from a stream so the values never need to be held.
struct StreamingPercentiles {
    let n: Int
    let probabilities: [Double]
    private var wanted: [Int: Double] = [:]
    private var index = 0

    init(n: Int, probabilities: [Double]) {
        self.n = n
        self.probabilities = probabilities
        for p in probabilities {
            let h = Double(n - 1) * p
            let lo = Int(h.rounded(.down))
            wanted[lo] = .nan
            if lo + 1 < n { wanted[lo + 1] = .nan }
        }
    }

    /// Feed the values in ascending order.
    mutating func add(_ x: Double) {
        if wanted[index] != nil { wanted[index] = x }
        index += 1
    }

    var values: [Double] {
        probabilities.map { p in
            let h = Double(n - 1) * p
            let lo = Int(h.rounded(.down))
            let a = wanted[lo] ?? .nan
            guard lo + 1 < n, let b = wanted[lo + 1] else { return a }
            return a + (h - Double(lo)) * (b - a)
        }
    }
}
