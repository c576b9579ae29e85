import Foundation
import Testing
import OsteoModel
import OsteoODE
import OsteoPharm
import OsteoTestSupport

/// The bisphosphonate component's pools (issue 14: "binding to bone surface in proportion to
/// remodelling surface, release by resorption, osteoclast inhibition by the surface-bound drug"):
/// surface drug is buried at the formation rate, buried drug is freed by resorption and partly
/// re-bound, and the osteoclasts' load follows the surface pool. Checked on the system's own
/// right-hand side and Jacobian, away from the baseline.
@Suite struct BisphosphonateComponentTests {
    static let woman = PatientBaseline(sex: .female, age: 65, menopausal: true, yearsSinceMenopause: 14)

    static func system() throws -> (BoneSystem, [Double], Int) {
        let system = BoneSystem(core: BoneCore(patient: Self.woman), components: [BisphosphonateComponent(.zoledronicAcid)])
        var y = try system.baselineState()
        for i in 0..<BoneState.count { y[i] *= 1 + 0.1 * sin(Double(i + 1)) }
        let b = system.offsets[0]
        y[b] = 0.8; y[b + 1] = 4.0; y[b + 2] = 0.3    // surface, buried, osteoclast load (mg)
        return (system, y, b)
    }

    @Test func poolsConserveDrugExceptWhatIsExcretedOnRelease() throws {
        let (system, y, b) = try Self.system()
        let dy = FiniteDifference.evaluate(system, t: 100, y: y)
        let p = BisphosphonateComponent.defaults(.zoledronicAcid)
        let formation = y[BoneState.osteoblasts.index] + y[BoneState.modelingOsteoblasts.index]
        let resorption = y[BoneState.osteoclasts.index]
        let release = p.releaseRate * resorption * y[b + 1]
        let rebound = p.boundFraction * formation / (p.boundFraction * formation + 1 - p.boundFraction)
        let burial = log(2) / p.surfaceHalfLife * formation * y[b]
        // Surface + buried lose only the freed drug that does not re-bind.
        #expect(abs((dy[b] + dy[b + 1]) + (1 - rebound) * release) <= 1e-12)
        // The surface pool loses what is buried and gains what re-binds.
        #expect(abs(dy[b] - (rebound * release - burial)) <= 1e-12 * max(1, burial))
        // The osteoclasts' load relaxes towards the surface pool with τ_L.
        #expect(abs(dy[b + 2] - (y[b] - y[b + 2]) / p.osteoclastUptakeTime) <= 1e-15)
    }

    @Test func theLoadNotTheBuriedDrugActsOnOsteoclasts() throws {
        // Moving drug from the surface and load into the buried pool leaves osteoclast removal at
        // its drug-free value: only what osteoclasts have taken up acts.
        let (system, y, b) = try Self.system()
        func ocRate(_ v: [Double]) -> Double { FiniteDifference.evaluate(system, t: 100, y: v)[BoneState.osteoclasts.index] }
        var buriedOnly = y; buriedOnly[b] = 0; buriedOnly[b + 2] = 0; buriedOnly[b + 1] = 10
        var none = y; none[b] = 0; none[b + 1] = 0; none[b + 2] = 0
        #expect(abs(ocRate(buriedOnly) - ocRate(none)) <= 1e-15 * max(1, abs(ocRate(none))))
        var loaded = none; loaded[b + 2] = 0.3
        #expect(ocRate(loaded) < ocRate(none), "a drug load raises osteoclast removal")
    }

    @Test func jacobianIsExactWithFilledPools() throws {
        let (system, y, b) = try Self.system()
        let J = try #require(FiniteDifference.exact(system, t: 100, y: y))
        let n = system.dimension
        // Column-major: J[column · n + row] = ∂(row′)/∂(column).
        #expect(J[(b + 2) * n + BoneState.osteoclasts.index] != 0, "∂(OC′)/∂load")
        #expect(J[BoneState.osteoblasts.index * n + b] != 0, "∂(surface′)/∂OB (burial follows formation)")
        let worst = FiniteDifference.worstMismatch(system, t: 100, y: y, scales: system.compartments.map(\.compartment.scale))
        #expect(worst < 1e-5, "worst relative mismatch \(worst)")
    }
}
