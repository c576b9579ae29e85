import Testing
import Foundation
import MallocCounter
import OsteoODE

/// The step loop must not allocate: after the integrator is built (which allocates its
/// workspace once), advancing it — steps, rejections, Jacobians, LU, dense output, jumps —
/// makes zero heap allocations on the calling thread (counted by the glibc interposer).
@Suite struct AllocationTests {
    /// A damped, coupled system of dimension 19 (more than one Jacobian chunk).
    struct Damped: GenericODESystem {
        var dimension: Int { 19 }
        func rhs<S: ODEScalar>(t: S, y: UnsafePointer<S>, dy: UnsafeMutablePointer<S>) {
            for i in 0..<19 {
                let decay: S = y[i] * (1.0 + 0.1 * Double(i))
                let coupling: S = 0.3 * S.tanh(y[(i + 1) % 19])
                dy[i] = coupling - decay + 0.01 * S.exp(-1.0 * y[i])
            }
        }
    }

    @Test func stepLoopDoesNotAllocate() throws {
        #if os(Linux)
        let system = Damped()
        let n = system.dimension
        let y0 = (0..<n).map { 0.5 + 0.01 * Double($0) }
        let integrator = try RosenbrockIntegrator(system: system, t0: 0, y0: y0, options: SolverOptions(rtol: 1e-7, atol: 1e-9))
        let saves = (1...200).map { Double($0) * 0.05 }
        let out = UnsafeMutablePointer<Double>.allocate(capacity: saves.count * n)
        defer { out.deallocate() }
        var index = 0
        try saves.withUnsafeBufferPointer { buf in
            try integrator.advance(to: 0.01, saveTimes: buf, saveIndex: &index, output: out)   // warm-up
            let before = osteosim_thread_allocations()
            try integrator.advance(to: 5, saveTimes: buf, saveIndex: &index, output: out)
            integrator.applyJump(.add(component: 0, amount: 0.1))
            try integrator.advance(to: 10, saveTimes: buf, saveIndex: &index, output: out)
            let after = osteosim_thread_allocations()
            #expect(after - before == 0, "allocations in the step loop: \(after - before)")
        }
        #expect(integrator.statistics.steps > 20)
        #expect(index == 199, "dense output filled the save times before t = 10")
        // The counter works (sanity): an Array allocation is seen.
        let b = osteosim_thread_allocations()
        let arr = [Double](repeating: 1, count: 1000 + Int(integrator.t))
        #expect(osteosim_thread_allocations() > b && arr.count > 0)
        #endif
    }
}
