import Foundation
import Testing
@testable import OsteoCohort

/// Sampling: normal quantiles against tabulated values, truncation, moments of many draws, Student t quantiles,
/// the Cholesky factor and the correlation it induces.
@Suite struct DistributionTests {
    @Test func normalQuantilesMatchTables() {
        // Φ⁻¹ values from standard tables (Abramowitz & Stegun table 26.5; 0.975 → 1.959963984540054).
        let table: [(Double, Double)] = [(0.975, 1.959963984540054), (0.5, 0), (0.001, -3.090232306167813), (0.05, -1.6448536269514722),
                                         (1e-10, -6.361340902404056), (0.9, 1.2815515655446004)]
        for (p, x) in table { #expect(abs(StandardNormal.quantile(p) - x) < 1e-12 * max(1, abs(x)), "Φ⁻¹(\(p))") }
        for p in stride(from: 0.001, to: 1, by: 0.0137) { #expect(abs(StandardNormal.cdf(StandardNormal.quantile(p)) - p) < 1e-14) }
        #expect(abs(StandardNormal.upperQuantile(1e-12) - 7.034483825301131) < 1e-10)   // upper tail, by symmetry with Φ⁻¹(1e-12)
    }

    @Test func studentTQuantilesMatchTables() {
        // Two-sided 95% critical values (standard t tables): df 1 → 12.7062, 10 → 2.2281, 30 → 2.0423; ∞ → 1.96.
        #expect(abs(StudentT.quantile(0.975, df: 1) - 12.706204736174698) < 1e-8)
        #expect(abs(StudentT.quantile(0.975, df: 10) - 2.2281388519649385) < 1e-9)
        #expect(abs(StudentT.quantile(0.975, df: 30) - 2.0422724563012373) < 1e-9)
        #expect(abs(StudentT.quantile(0.975, df: 1e7) - 1.959963984540054) < 1e-5)
        #expect(abs(StudentT.quantile(0.025, df: 10) + 2.2281388519649385) < 1e-9)
    }

    /// Draws from one stream of uniforms (member = draw number).
    func draws(_ d: Distribution, _ n: Int, seed: UInt64 = 99) -> [Double] {
        let rng = Philox4x32(seed: seed)
        return (0..<n).map { d.value(u: rng.uniform(member: UInt64($0), stream: 5)) }
    }

    func moments(_ x: [Double]) -> (mean: Double, sd: Double) {
        let m = x.reduce(0, +) / Double(x.count)
        return (m, (x.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(x.count - 1)).squareRoot())
    }

    @Test func momentsOfManyDraws() {
        let n = 20_000
        // Uniform(60, 80): mean 70, SD 20/√12 = 5.7735; standard error of the mean 0.04.
        let u = moments(draws(.uniform(min: 60, max: 80), n))
        #expect(abs(u.mean - 70) < 0.2 && abs(u.sd - 5.7735) < 0.1)
        // Normal(-2.5, 0.6): mean within 5 standard errors (0.0042 each).
        let z = moments(draws(.normal(mean: -2.5, sd: 0.6, min: -.infinity, max: .infinity), n))
        #expect(abs(z.mean + 2.5) < 0.025 && abs(z.sd - 0.6) < 0.02)
        // Log-normal with mean 60 and SD 15 of the value.
        let (mu, sigma) = Distribution.logNormalParameters(mean: 60, sd: 15)
        let l = moments(draws(.logNormal(mu: mu, sigma: sigma, min: 0, max: .infinity), n))
        #expect(abs(l.mean - 60) < 0.6 && abs(l.sd - 15) < 0.6)
        // Truncated normal N(0,1) on [0, ∞): the half-normal, mean √(2/π) = 0.79788.
        let h = draws(.normal(mean: 0, sd: 1, min: 0, max: .infinity), n)
        #expect(h.allSatisfy { $0 >= 0 })
        #expect(abs(moments(h).mean - 0.79788) < 0.03)
        // A truncation far in the upper tail keeps its draws inside.
        let tail = draws(.normal(mean: 0, sd: 1, min: 6, max: 7), 2000)
        #expect(tail.allSatisfy { $0 >= 6 && $0 <= 7 })
        #expect(moments(tail).mean < 6.3)   // mass piles up near the lower bound (mean ≈ 6.16)
        let tl = draws(.logNormal(mu: mu, sigma: sigma, min: 50, max: 70), 2000)
        #expect(tl.allSatisfy { $0 >= 50 && $0 <= 70 })
    }

    @Test func choleskyAndCorrelatedDraws() throws {
        let omega = [[0.04, 0.012], [0.012, 0.09]]   // SDs 0.2 and 0.3, correlation 0.2
        let l = try #require(choleskyLower(omega))
        #expect(abs(l[0][0] - 0.2) < 1e-15 && abs(l[1][0] - 0.06) < 1e-15 && abs(l[1][1] - (0.09 - 0.0036).squareRoot()) < 1e-15)
        #expect(choleskyLower([[1, 2], [2, 1]]) == nil)   // not positive definite
        let rng = Philox4x32(seed: 3)
        var a: [Double] = [], b: [Double] = []
        for i in 0..<20_000 {
            let z0 = StandardNormal.quantile(rng.uniform(member: UInt64(i), stream: 1))
            let z1 = StandardNormal.quantile(rng.uniform(member: UInt64(i), stream: 2))
            a.append(l[0][0] * z0)
            b.append(l[1][0] * z0 + l[1][1] * z1)
        }
        let ma = moments(a), mb = moments(b)
        let cov = zip(a, b).map { ($0 - ma.mean) * ($1 - mb.mean) }.reduce(0, +) / Double(a.count - 1)
        #expect(abs(ma.sd - 0.2) < 0.005 && abs(mb.sd - 0.3) < 0.008)
        #expect(abs(cov / (ma.sd * mb.sd) - 0.2) < 0.03)   // standard error of r ≈ 0.007
    }

    @Test func percentilesAreType7() {
        var p = StreamingPercentiles(n: 5, probabilities: [0, 0.25, 0.5, 0.9, 1])
        for v in [1.0, 2, 3, 4, 10] { p.add(v) }
        // numpy.percentile([1,2,3,4,10], [0,25,50,90,100]) = 1, 2, 3, 7.6, 10
        for (got, want) in zip(p.values, [1, 2, 3, 7.6, 10]) { #expect(abs(got - want) < 1e-12) }
    }
}
