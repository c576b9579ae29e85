import Foundation
import Testing
import OsteoModel
import OsteoODE
import OsteoPharm
import OsteoTestSupport

/// The bisphosphonate component's pools (issue 14: "binding to bone surface in proportion to
/// remodelling surface, release by resorption, osteoclast inhibition by the surface-bound drug"):
/// surface drug is buried at the formation rate, buried drug is freed by resorption and partly
/// re-bound, the shallow pool returns its drug to plasma (the terminal plasma phase, D17) where it
/// re-binds like freed drug, and the osteoclasts' load follows the surface pool. Checked on the
/// system's own right-hand side and Jacobian, away from the baseline.
@Suite struct BisphosphonateComponentTests {
    static let woman = PatientBaseline(sex: .female, age: 65, menopausal: true, yearsSinceMenopause: 14)

    static func system() throws -> (BoneSystem, [Double], Int) {
        let system = BoneSystem(core: BoneCore(patient: Self.woman), components: [BisphosphonateComponent(.zoledronicAcid)])
        var y = try system.baselineState()
        for i in 0..<BoneState.count { y[i] *= 1 + 0.1 * sin(Double(i + 1)) }
        let b = system.offsets[0]
        y[b] = 0.8; y[b + 1] = 4.0; y[b + 2] = 0.3; y[b + 3] = 0.2    // surface, buried, osteoclast load, shallow (mg)
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
        let returning = log(2) / p.shallowHalfLife * y[b + 3]
        // Surface + buried + shallow lose only the freed and returned drug that does not re-bind.
        #expect(abs((dy[b] + dy[b + 1] + dy[b + 3]) + (1 - rebound) * (release + returning)) <= 1e-12)
        // The surface pool loses what is buried and gains what re-binds.
        #expect(abs(dy[b] - (rebound * (release + returning) - burial)) <= 1e-12 * max(1, burial))
        // The shallow pool empties with the terminal half-life (146 h, Zometa label).
        #expect(abs(dy[b + 3] + returning) <= 1e-15)
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

    @Test func aDoseSplitsBetweenSurfaceAndShallowPoolAndPlasmaFollowsTheReturn() throws {
        let c = BisphosphonateComponent(.zoledronicAcid)
        let p = c.parameters
        var x = [Double](repeating: 0, count: c.compartments.count)
        // Formation at 0.7 of reference (as on glucocorticoids): less binds, the split is the same.
        let core = CoreSignals<Double>(osteoclasts: 1, osteoblasts: 0.7, calcium: 1.2, pth: 3.5, calcitriol: 90,
                                       resorption: 1, formation: 0.7)
        x.withUnsafeMutableBufferPointer { c.receive(dose: 5, route: .iv, x: $0.baseAddress!, core: core) }
        let bound = 5 * p.boundFraction * core.formation / (p.boundFraction * core.formation + 1 - p.boundFraction)
        #expect(abs(x[0] - (1 - p.shallowFraction) * bound) <= 1e-12 && abs(x[3] - p.shallowFraction * bound) <= 1e-12)
        // Plasma (ng/mL) = returning flux (mg/day) / total clearance (L/day) × 1000.
        let o = c.observe(x: x[...])
        #expect(abs(o[2] - log(2) / p.shallowHalfLife * x[3] / p.totalClearance * 1000) <= 1e-12)
        #expect(abs(o[0] - (x[0] + x[1] + x[3])) <= 1e-15, "bone = surface + buried + shallow")
    }

    @Test func jacobianIsExactWithFilledPools() throws {
        let (system, y, b) = try Self.system()
        let J = try #require(FiniteDifference.exact(system, t: 100, y: y))
        let n = system.dimension
        // Column-major: J[column · n + row] = ∂(row′)/∂(column).
        #expect(J[(b + 2) * n + BoneState.osteoclasts.index] != 0, "∂(OC′)/∂load")
        #expect(J[BoneState.osteoblasts.index * n + b] != 0, "∂(surface′)/∂OB (burial follows formation)")
        #expect(J[(b + 3) * n + b] > 0, "∂(surface′)/∂shallow (returned drug re-binds)")
        let worst = FiniteDifference.worstMismatch(system, t: 100, y: y, scales: system.compartments.map(\.compartment.scale))
        #expect(worst < 1e-5, "worst relative mismatch \(worst)")
    }
}
