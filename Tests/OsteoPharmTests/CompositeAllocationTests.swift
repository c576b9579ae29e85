import Testing
import MallocCounter
import OsteoModel
import OsteoODE
import OsteoPharm

/// The step loop still allocates nothing when the system is assembled from components: the
/// existential component calls, the Effects fold and the dual-number Jacobian over the
/// composite all run on the integrator's preallocated workspace.
@Suite struct CompositeAllocationTests {
    @Test func compositeStepLoopDoesNotAllocate() throws {
        #if os(Linux)
        let system = BoneSystem(core: BoneCore(patient: PatientBaseline(sex: .female, age: 65)),
                                components: [TestDepotComponent(), TestOralComponent(),
                                             PerturbationComponent([Perturbation(lever: .opgProduction, factor: 0.8)])])
        var y0 = try system.baselineState()
        y0[system.offsets[0]] = 30      // depot dose
        y0[system.offsets[1]] = 0.5     // oral dose in the gut
        y0[system.offsets[2]] = 1       // perturbation on
        let n = system.dimension
        let integrator = try RosenbrockIntegrator(system: system, t0: 0, y0: y0, options: system.defaultOptions)
        let saves = (1...60).map { Double($0) * 5 }
        let out = UnsafeMutablePointer<Double>.allocate(capacity: saves.count * n)
        defer { out.deallocate() }
        var index = 0
        try saves.withUnsafeBufferPointer { buf in
            try integrator.advance(to: 0.5, saveTimes: buf, saveIndex: &index, output: out)   // warm-up
            let before = osteosim_thread_allocations()
            try integrator.advance(to: 100, saveTimes: buf, saveIndex: &index, output: out)
            integrator.applyJump(.add(component: system.offsets[0], amount: 30))
            integrator.restart()
            try integrator.advance(to: 200, saveTimes: buf, saveIndex: &index, output: out)
            let after = osteosim_thread_allocations()
            #expect(after - before == 0, "allocations in the composite step loop: \(after - before)")
        }
        #expect(integrator.statistics.steps > 20)
        #endif
    }
}
