import Foundation
import Testing
import OsteoModel
import OsteoODE
import OsteoPharm
import OsteoTestSupport

@Suite struct CompositeSystemTests {
    let woman = PatientBaseline(sex: .female, age: 65)

    @Test func compositeJacobianIsExactWithComponentsCoupledBothWays() throws {
        // test_oral reads the core's resorption (core→component) and acts on
        // osteoclast apoptosis (component→core); test_sc_depot acts on RANKL availability.
        let system = BoneSystem(core: BoneCore(patient: woman), components: [TestOralComponent(), TestDepotComponent(),
                                                                              PerturbationComponent([Perturbation(lever: .opgProduction, factor: 0.7)])])
        var y = try system.baselineState()
        let oral = system.offsets[0], depot = system.offsets[1], sw = system.offsets[2]
        y[oral] = 0.4
        y[depot] = 20; y[depot + 1] = 3; y[depot + 2] = 0.5
        y[sw] = 1
        for i in 0..<BoneState.count { y[i] *= 1 + 0.1 * sin(Double(i + 1)) }
        let J = try #require(FiniteDifference.exact(system, t: 200, y: y))
        let n = system.dimension
        // The coupling terms are really there (non-zero in the exact Jacobian) …
        #expect(J[BoneState.osteoclasts.index * n + oral] != 0, "∂(bound′)/∂OC: release follows resorption")
        #expect(J[oral * n + BoneState.osteoclasts.index] != 0, "∂(OC′)/∂bound drug")
        #expect(J[(depot + 1) * n + BoneState.osteoclasts.index] != 0, "∂(OC′)/∂central drug")
        #expect(J[sw * n + BoneState.opg.index] != 0, "∂(OPG′)/∂switch")
        // … and agree with central differences.
        let worst = FiniteDifference.worstMismatch(system, t: 200, y: y, scales: system.compartments.map(\.compartment.scale))
        #expect(worst < 1e-5, "worst relative mismatch \(worst)")
    }

    @Test func effectsCombineByOneRule() {
        // Rate factors multiply, inputs add (the one rule, in Effects).
        var e = Effects<Double>()
        e.scale(.ranklAvailability, by: 0.5)
        e.scale(.ranklAvailability, by: 0.5)
        e.add(.pth, 2)
        e.add(.pth, 3)
        #expect(e[.ranklAvailability] == 0.25 && e[.pth] == 5)
        #expect(Lever.allCases.filter { $0 != .ranklAvailability }.allSatisfy { e[$0] == 1 })
        #expect(e[.calcium] == 0 && e[.calcitriol] == 0)
        // Two perturbation components acting on one lever give the product.
        let a = PerturbationComponent([Perturbation(lever: .opgProduction, factor: 0.5), Perturbation(lever: .opgProduction, factor: 0.8)])
        var eff = Effects<Double>()
        var x = [1.0, 1.0], dx = [0.0, 0.0]
        let signals = CoreSignals<Double>(osteoclasts: 1, osteoblasts: 1, calcium: 2.35, pth: 3.85, calcitriol: 90, resorption: 1, formation: 1, calciumAbsorbedFraction: 0.25)
        x.withUnsafeBufferPointer { xp in dx.withUnsafeMutableBufferPointer { a.evaluate(t: 0, x: xp.baseAddress!, dx: $0.baseAddress!, core: signals, effects: &eff) } }
        #expect(abs(eff[.opgProduction] - 0.4) < 1e-15)
    }

    @Test func layoutIsDerivedFromComponents() {
        let system = BoneSystem(core: BoneCore(patient: woman), components: [TestDepotComponent(), TestOralComponent()])
        #expect(system.dimension == BoneState.count + 3 + 1)
        #expect(system.offsets == [BoneState.count, BoneState.count + 3])
        #expect(system.referenceState.count == system.dimension)
        #expect(system.observables.map(\.name).suffix(2) == ["test_sc_depot_mg_l", "test_oral_bone_mg"])
        if case .perComponent(let atol) = system.defaultOptions.absoluteTolerance { #expect(atol.count == system.dimension) } else { Issue.record("per-component atol") }
    }

    @Test func baselineWithEmptyDrugCompartmentsIsTheCoreBaseline() throws {
        let core = BoneCore(patient: woman)
        let plain = try BoneSystem(core: core).baselineState()
        let with = try BoneSystem(core: core, components: [TestDepotComponent(), TestOralComponent()]).baselineState()
        #expect(Array(with.prefix(BoneState.count)) == plain)
        #expect(with.suffix(4).allSatisfy { $0 == 0 })
    }

    @Test func componentPlacedDoseDependsOnTheStateAtTheDose() throws {
        // test_oral partitions an absorbed dose between bone and urine by k_b·formation vs k_r:
        // at reference formation (OB = 1) with k_b = k_r = 12/day, half of 70 mg × 0.007 binds.
        let system = BoneSystem(core: BoneCore(patient: PatientBaseline(sex: .male, age: 40)), components: [TestOralComponent()])
        var y = system.referenceState
        let tag = BoneSystem.doseTag(component: 0, route: .oral)
        y.withUnsafeMutableBufferPointer { system.applyJump(tag: tag, amount: 70 * 0.007, t: 0, y: $0.baseAddress!) }
        #expect(abs(y[system.offsets[0]] - 0.245) < 1e-12)
        // Half the formation: k_b·0.5/(k_r + k_b·0.5) = 1/3 binds.
        var z = system.referenceState
        z[BoneState.osteoblasts.index] = 0.5
        z.withUnsafeMutableBufferPointer { system.applyJump(tag: tag, amount: 0.49, t: 0, y: $0.baseAddress!) }
        #expect(abs(z[system.offsets[0]] - 0.49 / 3) < 1e-12)
    }
}
