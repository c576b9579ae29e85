import Foundation
import Testing
import MallocCounter
import OsteoModel
import OsteoODE
import OsteoPharm
import OsteoTestSupport

/// Drug library II's components against the composable model's contracts: an exact Jacobian for
/// the PTH1R agonist inputs and the romosozumab PK, the pulse kernel's bookkeeping, and no
/// allocation when the core takes a pulse inside the step loop.
@Suite struct AnabolicComponentTests {
    static let woman = PatientBaseline(sex: .female, age: 65, menopausal: true, yearsSinceMenopause: 14)

    @Test func jacobianIsExactForResolvedPulsesAndRomosozumab() throws {
        var p = PTHAnalogueComponent.defaults(.abaloparatide)
        p.resolved = 1
        let system = BoneSystem(core: BoneCore(patient: Self.woman),
                                components: [PTHAnalogueComponent(.abaloparatide, parameters: p), RomosozumabComponent()])
        var y = try system.baselineState()
        let a = system.offsets[0], r = system.offsets[1]
        y[a] = 3000; y[a + 1] = 40          // depot (pmol), plasma (pmol/L)
        y[r] = 60; y[r + 1] = 40            // romosozumab depot, central (mg)
        for i in 0..<BoneState.count { y[i] *= 1 + 0.1 * sin(Double(i + 1)) }
        let J = try #require(FiniteDifference.exact(system, t: 100, y: y))
        let n = system.dimension
        #expect(J[(a + 1) * n + BoneState.pthrAvailable.index] != 0, "∂(q′)/∂plasma agonist (RG arm)")
        #expect(J[(a + 1) * n + BoneState.opg.index] != 0, "∂(OPG′)/∂plasma agonist (R0 arm)")
        #expect(J[(r + 1) * n + BoneState.preosteoblasts.index] != 0, "∂(ROB′)/∂romosozumab (Wnt)")
        let worst = FiniteDifference.worstMismatch(system, t: 100, y: y, scales: system.compartments.map(\.compartment.scale))
        #expect(worst < 1e-5, "worst relative mismatch \(worst)")
    }

    @Test func noAgonistLeavesTheCoreUnchanged() throws {
        // The RG/R0 inputs add nothing when absent: a system with the (empty) agonist component
        // has the core's own baseline and derivatives.
        let core = BoneCore(patient: Self.woman)
        let alone = try BoneSystem(core: core).baselineState()
        let with = try BoneSystem(core: core, components: [PTHAnalogueComponent(.teriparatide)]).baselineState()
        for i in 0..<BoneState.count { #expect(abs(alone[i] - with[i]) <= 1e-12 * max(1, abs(alone[i])), "state \(i)") }
    }

    @Test func pulseIsTakenAtTheDoseAndRecorded() throws {
        let system = BoneSystem(core: BoneCore(patient: Self.woman), components: [PTHAnalogueComponent(.teriparatide)])
        var y = try system.baselineState()
        let before = y
        y.withUnsafeMutableBufferPointer { buf in
            guard let p = buf.baseAddress else { return }
            system.applyJump(tag: BoneSystem.doseTag(component: 0, route: .sc), amount: 20e-3 * 1e9 / 4117.8 * 0.95, t: 0, y: p)
        }
        let o = system.offsets[0]
        // With the pulse kernel the component holds [since_dose, last_dose, calcium_peak] (no depot or plasma).
        #expect(system.components[0].compartments.map(\.name) == ["since_dose", "last_dose", "calcium_peak"])
        #expect(y[o + 1] > 4000 && y[o] == 0, "latest dose recorded, clock reset")
        #expect(y[o + 2] > before[BoneState.calcium.index] + 0.05, "calcium peak estimated: \(y[o + 2])")
        #expect(y[BoneState.pthrAnabolic.index] > before[BoneState.pthrAnabolic.index], "the anabolic programme jumps")
        #expect(y[BoneState.pthrAvailable.index] < before[BoneState.pthrAvailable.index], "receptors internalised at the window's end")
    }

    @Test func pulseInsideTheStepLoopDoesNotAllocate() throws {
        #if os(Linux)
        let system = BoneSystem(core: BoneCore(patient: PatientBaseline(sex: .female, age: 65)),
                                components: [PTHAnalogueComponent(.teriparatide), RomosozumabComponent()])
        let y0 = try system.baselineState()
        let n = system.dimension
        let integrator = try RosenbrockIntegrator(system: system, t0: 0, y0: y0, options: system.defaultOptions)
        let saves = (1...20).map { Double($0) }
        let out = UnsafeMutablePointer<Double>.allocate(capacity: saves.count * n)
        defer { out.deallocate() }
        let tag = BoneSystem.doseTag(component: 0, route: .sc)
        var index = 0
        try saves.withUnsafeBufferPointer { buf in
            integrator.applyJump(.system(tag: tag, amount: 4600))   // warm-up pulse
            try integrator.advance(to: 1, saveTimes: buf, saveIndex: &index, output: out)
            let before = osteosim_thread_allocations()
            for day in 1..<10 {
                integrator.applyJump(.system(tag: tag, amount: 4600))
                try integrator.advance(to: Double(day + 1), saveTimes: buf, saveIndex: &index, output: out)
            }
            let after = osteosim_thread_allocations()
            #expect(after - before == 0, "allocations with daily pulses: \(after - before)")
        }
        #expect(integrator.statistics.steps > 9)
        #endif
    }
}
