import Foundation
import Testing
import MallocCounter
import OsteoCatalog
import OsteoModel
import OsteoODE
import OsteoPharm
import OsteoTestSupport

/// The inflammation layer as a component: its coupling to the anti-inflammatory drugs through the
/// mediator signals (exact Jacobian, order independence, no allocation in the step loop) and its
/// parameter tables.
@Suite struct InflammationLayerTests {
    let woman = PatientBaseline(sex: .female, age: 55)

    /// Every drug that writes a mediator, and the layer that reads them.
    func components(inflammationFirst: Bool) -> [any ModelComponent] {
        let drugs: [any ModelComponent] = [AntiTNFComponent(.adalimumab), AnakinraComponent(), TocilizumabComponent(), CelecoxibComponent(),
                                           ExposurePoolComponent(.methotrexate), ExposurePoolComponent(.icariin), ExposurePoolComponent(.nosInhibitor),
                                           GlucocorticoidComponent()]
        let layer = InflammationComponent(disease: .rheumatoidArthritis)
        return inflammationFirst ? [layer] + drugs : drugs + [layer]
    }

    /// A state away from the reference, every drug and the disease active.
    func probeState(_ system: BoneSystem, layerIndex: Int) throws -> [Double] {
        var y = try system.baselineState()
        for (i, c) in system.components.enumerated() where i != layerIndex {
            for k in 0..<c.compartments.count where !c.compartments[k].held { y[system.offsets[i] + k] = 0.3 * c.compartments[k].scale + 0.1 }
        }
        if let gc = system.componentIndex(id: "glucocorticoids") {
            for k in 0..<4 { y[system.offsets[gc] + k] = 7.5 }
        }
        let o = system.offsets[layerIndex]
        y[o + InflammationComponent.drive] = 1.2
        y[o + InflammationComponent.present] = 1
        y[o + InflammationComponent.activity] = 1.1
        y[o + InflammationComponent.inflammatory] = 0.6
        y[o + InflammationComponent.tnf] = 15
        y[o + InflammationComponent.il1] = 0.5
        y[o + InflammationComponent.il6] = 11
        y[o + InflammationComponent.crp] = 12
        y[o + InflammationComponent.adaptation] = 0.05
        for i in 0..<BoneState.count { y[i] *= 1 + 0.05 * sin(Double(i + 1)) }
        return y
    }

    @Test func jacobianIsExactThroughTheMediatorSignals() throws {
        let system = BoneSystem(core: BoneCore(patient: woman), components: components(inflammationFirst: false))
        let layer = try #require(system.componentIndex(id: "inflammation"))
        let y = try probeState(system, layerIndex: layer)
        let J = try #require(FiniteDifference.exact(system, t: 100, y: y))
        let n = system.dimension, o = system.offsets[layer]
        // Drug → layer terms exist: free TNF-α depends on adalimumab, IL-6-driven CRP on tocilizumab,
        // the activity on methotrexate's pool and on the glucocorticoid effect compartment (disease control).
        let ada = system.offsets[0], toci = system.offsets[2], mtx = system.offsets[4], gc = system.offsets[7]
        #expect(J[(ada + 1) * n + o + InflammationComponent.tnf] != 0, "∂(TNF′)/∂adalimumab")
        #expect(J[(toci + 1) * n + o + InflammationComponent.crp] != 0, "∂(CRP′)/∂tocilizumab")
        #expect(J[mtx * n + o + InflammationComponent.activity] != 0, "∂(activity′)/∂methotrexate pool")
        #expect(J[(gc + 1) * n + o + InflammationComponent.activity] != 0, "∂(activity′)/∂glucocorticoid effect")
        // Layer → core: the cytokines act on osteoclasts, sensed load on the envelopes.
        #expect(J[(o + InflammationComponent.tnf) * n + BoneState.osteoclasts.index] != 0, "∂(OC′)/∂TNF-α")
        let worst = FiniteDifference.worstMismatch(system, t: 100, y: y, scales: system.compartments.map(\.compartment.scale))
        #expect(worst < 1e-5, "worst relative mismatch \(worst)")
    }

    @Test func mediatorReadersAreEvaluatedAfterTheWriters() throws {
        // The layer placed first in the component list must see the drugs' signals all the same.
        let last = BoneSystem(core: BoneCore(patient: woman), components: components(inflammationFirst: false))
        let first = BoneSystem(core: BoneCore(patient: woman), components: components(inflammationFirst: true))
        let yLast = try probeState(last, layerIndex: last.components.count - 1)
        // The same state in the other layout: the layer's block moves to the front of the components.
        let core = Array(yLast[0..<BoneState.count])
        let layerBlock = Array(yLast[last.offsets.last!...])
        let drugBlock = Array(yLast[BoneState.count..<last.offsets.last!])
        let yFirst = core + layerBlock + drugBlock
        func derivative(_ s: BoneSystem, _ y: [Double]) -> [Double] {
            var dy = [Double](repeating: 0, count: s.dimension)
            y.withUnsafeBufferPointer { yp in dy.withUnsafeMutableBufferPointer { s.evaluate(t: 50, y: yp.baseAddress!, dy: $0.baseAddress!) } }
            return dy
        }
        let a = derivative(last, yLast), b = derivative(first, yFirst)
        let bInLastLayout = Array(b[0..<BoneState.count]) + Array(b[(BoneState.count + layerBlock.count)...]) + Array(b[BoneState.count..<(BoneState.count + layerBlock.count)])
        for i in 0..<a.count { #expect(abs(a[i] - bInLastLayout[i]) <= 1e-12 * max(1, abs(a[i])), "state \(i): \(a[i]) vs \(bInLastLayout[i])") }
    }

    @Test(arguments: [0, 1, 2]) func inflammationStepLoopDoesNotAllocate(variant: Int) throws {
        #if os(Linux)
        let comps: [any ModelComponent] = variant == 0 ? [AntiTNFComponent(.adalimumab), InflammationComponent(disease: .rheumatoidArthritis)]
            : variant == 1 ? [AntiTNFComponent(.adalimumab), TestDepotComponent()] : [TestDepotComponent(), InflammationComponent(disease: .rheumatoidArthritis)]
        let system = BoneSystem(core: BoneCore(patient: woman), components: comps)
        var y0 = try system.baselineState()
        let o = system.offsets[1]
        if variant != 1 {
            y0[o + InflammationComponent.drive] = 1
            y0[o + InflammationComponent.present] = 1
        }
        y0[system.offsets[0]] = 25.6
        let n = system.dimension
        let integrator = try RosenbrockIntegrator(system: system, t0: 0, y0: y0, options: system.defaultOptions)
        let saves = (1...60).map { Double($0) * 5 }
        let out = UnsafeMutablePointer<Double>.allocate(capacity: saves.count * n)
        defer { out.deallocate() }
        var index = 0
        try saves.withUnsafeBufferPointer { buf in
            try integrator.advance(to: 0.5, saveTimes: buf, saveIndex: &index, output: out)
            let before = osteosim_thread_allocations()
            try integrator.advance(to: 100, saveTimes: buf, saveIndex: &index, output: out)
            integrator.applyJump(.add(component: system.offsets[0], amount: 25.6))
            integrator.restart()
            try integrator.advance(to: 200, saveTimes: buf, saveIndex: &index, output: out)
            let after = osteosim_thread_allocations()
            #expect(after - before == 0, "allocations in the inflammation step loop (variant \(variant)): \(after - before)")
        }
        #endif
    }

    @Test func parameterTablesAreComplete() {
        ParameterTableCheck.check(InflammationComponent.Parameters.self)
        ParameterTableCheck.check(DiseasePreset.Parameters.self)
        ParameterTableCheck.check(AntiTNFComponent.Parameters.self)
        ParameterTableCheck.check(AnakinraComponent.Parameters.self)
        ParameterTableCheck.check(TocilizumabComponent.Parameters.self)
        ParameterTableCheck.check(CelecoxibComponent.Parameters.self)
        ParameterTableCheck.check(ExposurePoolComponent.Parameters.self)
        // Per-drug and per-preset defaults are inside their rows' ranges, and have sources.
        var infos = DiseaseID.allCases.flatMap { DiseasePreset($0).parameterInfo }
        infos += AntiTNFComponent.Drug.allCases.flatMap { AntiTNFComponent($0).parameterInfo }
        infos += ExposurePoolComponent.Drug.allCases.flatMap { ExposurePoolComponent($0).parameterInfo }
        for p in infos {
            #expect(p.value >= p.min && p.value <= p.max, "\(p.name) = \(p.value) outside \(p.min)…\(p.max)")
            #expect(!p.source.isEmpty && !p.source.hasPrefix("per "), "\(p.name) has no source of its own: \(p.source)")
        }
        // The experimental levers say so in every row.
        for d in ExposurePoolComponent.Drug.allCases where d.isExperimental {
            for p in ExposurePoolComponent(d).parameterInfo { #expect(p.meaning.hasPrefix("EXPERIMENTAL") && p.source.hasPrefix("EXPERIMENTAL"), "\(p.name)") }
        }
    }

    @Test func activityInputsMapOntoTheActivityScale() throws {
        let ra = DiseasePreset(.rheumatoidArthritis)
        // CRP of the typical active disease is activity 1; the floor is activity 0.
        #expect(abs(try Activity.value(of: .crp(25), preset: ra, crpFloor: 0.1) - 1) < 1e-12)
        #expect(try Activity.value(of: .crp(0.1), preset: ra, crpFloor: 0.1) == 0)
        // DAS28 5.5 is activity 1 (the scale's definition), 2.0 and below none.
        #expect(abs(try Activity.value(of: .das28(5.5), preset: ra, crpFloor: 0.1) - 1) < 1e-12)
        #expect(try Activity.value(of: .das28(1.5), preset: ra, crpFloor: 0.1) == 0)
        // Level words sit inside the DAS28 bands (remission < 2.6, low ≤ 3.2, moderate ≤ 5.1, high > 5.1).
        let das = Activity.levels.map { Activity.das28(activity: $0.activity) }
        #expect(das[0] < 2.6 && das[1] > 2.6 && das[1] <= 3.2 && das[2] > 3.2 && das[2] <= 5.1 && das[3] > 5.1)
        #expect(throws: Activity.Problem.self) { try Activity.value(of: .crp(500), preset: ra, crpFloor: 0.1) }
        #expect(throws: Activity.Problem.self) { try Activity.value(of: .level("furious"), preset: ra, crpFloor: 0.1) }
    }

    @Test func flaresReturnToTheBaseActivity() {
        let c = InflammationCourse(disease: .crohnsDisease, startDay: -100, baseActivity: 0.3,
                                   steps: [.init(from: 50, to: 80, activity: 1.5), .init(from: 200, activity: 0.1)])
        let steps = c.driveSteps(until: 365)
        #expect(steps.map(\.time) == [-100, 50, 80, 200])
        #expect(steps.map(\.activity) == [0.3, 1.5, 0.3, 0.1])
    }
}
