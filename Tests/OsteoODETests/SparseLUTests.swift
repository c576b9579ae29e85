import Testing
@testable import OsteoODE
import OsteoTestProblems

/// The static sparse LU (used by trials): the same solutions as the dense LU with partial pivoting on sparse
/// matrices, a failed pivot reported (the integrator then factorises densely), and the same trajectory as the dense
/// path on a stiff test problem with a known pattern.
@Suite struct SparseLUTests {
    /// A sparse, non-symmetric matrix with a strong diagonal: column-major n×n, and its pattern.
    static func matrix(n: Int, seed: UInt64) -> (a: [Double], pattern: [[Int]]) {
        var state = seed
        func next() -> Double { state = state &* 6364136223846793005 &+ 1442695040888963407; return Double(state >> 11) / Double(1 << 53) }
        var a = [Double](repeating: 0, count: n * n)
        var pattern = [[Int]](repeating: [], count: n)
        for j in 0..<n {
            for i in 0..<n where i == j || next() < 0.12 {
                a[j * n + i] = i == j ? 4 + next() : next() - 0.5
                pattern[j].append(i)
            }
        }
        return (a, pattern)
    }

    @Test(arguments: [5, 17, 34, 60])
    func solvesLikeTheDenseLU(n: Int) throws {
        let (a, pattern) = Self.matrix(n: n, seed: UInt64(n))
        let plan = SparseLUPlan(dimension: n, pattern: pattern)
        #expect(plan.order.sorted() == Array(0..<n))
        let kernel = SparseLUKernel(plan)
        var w = a
        let b = (0..<n).map { Double($0 % 7) - 3 }
        var x = b
        let failed = w.withUnsafeMutableBufferPointer { kernel.factor($0.baseAddress!) }
        #expect(failed == nil)
        w.withUnsafeBufferPointer { wp in x.withUnsafeMutableBufferPointer { kernel.solve(wp.baseAddress!, $0.baseAddress!) } }
        var dense = a, y = b
        #expect(DenseLinearAlgebra.solve(&dense, n: n, &y))
        for i in 0..<n { #expect(abs(x[i] - y[i]) <= 1e-12 * max(1, abs(y[i]))) }
        // The residual of the sparse solution.
        for i in 0..<n {
            var r = -b[i]
            for j in 0..<n { r += a[j * n + i] * x[j] }
            #expect(abs(r) < 1e-12)
        }
    }

    @Test func aZeroPivotIsReported() {
        // [[0, 1], [1, 0]] needs a row exchange: diagonal pivoting must refuse it.
        let plan = SparseLUPlan(dimension: 2, pattern: [[1], [0]])
        let kernel = SparseLUKernel(plan)
        var w: [Double] = [0, 1, 1, 0]
        let failed = w.withUnsafeMutableBufferPointer { kernel.factor($0.baseAddress!) }
        #expect(failed != nil)
    }

    /// HIRES with its Jacobian pattern: the sparse path gives the dense path's solution (to rounding).
    @Test func integratesLikeTheDensePath() throws {
        let problem = try #require(TestSet.problem(named: "hires"))
        struct Patterned: ODESystem {
            let base: any ODESystem
            let pattern: [[Int]]
            var dimension: Int { base.dimension }
            func evaluate(t: Double, y: UnsafePointer<Double>, dy: UnsafeMutablePointer<Double>) { base.evaluate(t: t, y: y, dy: dy) }
            func jacobian(t: Double, y: UnsafePointer<Double>, into J: UnsafeMutablePointer<Double>, scratch: JacobianScratch) -> Bool {
                base.jacobian(t: t, y: y, into: J, scratch: scratch)
            }
            var isAutonomous: Bool { base.isAutonomous }
            var jacobianPattern: [[Int]]? { pattern }
        }
        let n = problem.system.dimension
        // The pattern from the exact Jacobian at the start and the end (HIRES's is structurally fixed).
        var pattern = [[Int]](repeating: [], count: n)
        for y in [problem.y0, problem.reference] {
            var J = [Double](repeating: 0, count: n * n)
            let duals = UnsafeMutablePointer<Dual>.allocate(capacity: 2 * n); duals.initialize(repeating: Dual(0), count: 2 * n)
            let doubles = UnsafeMutablePointer<Double>.allocate(capacity: 2 * n); doubles.initialize(repeating: 0, count: 2 * n)
            defer { duals.deallocate(); doubles.deallocate() }
            let varied = y.map { $0 == 0 ? 0.37 : $0 * 1.1 }
            varied.withUnsafeBufferPointer { yp in
                J.withUnsafeMutableBufferPointer { _ = problem.system.jacobian(t: 1, y: yp.baseAddress!, into: $0.baseAddress!, scratch: JacobianScratch(duals: duals, doubles: doubles)) }
            }
            for j in 0..<n { for i in 0..<n where J[j * n + i] != 0 && !pattern[j].contains(i) { pattern[j].append(i) } }
        }
        let system = Patterned(base: problem.system, pattern: pattern)
        var options = SolverOptions(rtol: 1e-8, atol: 1e-12)
        let dense = try ODESolver.solve(system, y0: problem.y0, t0: problem.t0, tEnd: problem.tEnd, saveAt: [problem.tEnd], options: options)
        options.linearSolver = .sparse
        options.restartStep = .estimate   // the starting-step estimate after the jump runs inside the loop too
        let sparse = try ODESolver.solve(system, y0: problem.y0, t0: problem.t0, tEnd: problem.tEnd, saveAt: [problem.tEnd], options: options)
        #expect(sparse.statistics.sparseFallbacks == 0)
        for (a, b) in zip(dense.final, sparse.final) { #expect(abs(a - b) <= 1e-9 * max(abs(a), 1e-6)) }
    }
}

import MallocCounter

/// The sparse path keeps the step loop allocation-free (the plan and its kernel are built with the integrator).
@Suite struct SparseAllocationTests {
    /// A chain with a sparse Jacobian (each state feeds the next), with its pattern.
    struct Chain: GenericODESystem {
        var dimension: Int { 24 }
        func rhs<S: ODEScalar>(t: S, y: UnsafePointer<S>, dy: UnsafeMutablePointer<S>) {
            for i in 0..<24 {
                let feed: S = i == 0 ? S(0.2) : 0.7 * y[i - 1]
                dy[i] = feed - y[i] * (1.0 + 0.2 * Double(i)) + 0.01 * S.tanh(y[(i + 5) % 24])
            }
        }
        var jacobianPattern: [[Int]]? { (0..<24).map { j in Array(Set([j, (j + 1) % 24, (j + 24 - 5) % 24])).sorted() } }
    }

    @Test func sparseStepLoopDoesNotAllocate() throws {
        #if os(Linux)
        let system = Chain()
        let n = system.dimension
        var options = SolverOptions(rtol: 1e-7, atol: 1e-9)
        options.linearSolver = .sparse
        let integrator = try RosenbrockIntegrator(system: system, t0: 0, y0: (0..<n).map { 0.1 * Double($0 % 5) }, options: options)
        let saves = (1...100).map { Double($0) * 0.1 }
        let out = UnsafeMutablePointer<Double>.allocate(capacity: saves.count * n)
        defer { out.deallocate() }
        var index = 0
        try saves.withUnsafeBufferPointer { buf in
            try integrator.advance(to: 0.01, saveTimes: buf, saveIndex: &index, output: out)
            let before = osteosim_thread_allocations()
            try integrator.advance(to: 5, saveTimes: buf, saveIndex: &index, output: out)
            integrator.applyJump(.add(component: 0, amount: 0.5))
            try integrator.advance(to: 10, saveTimes: buf, saveIndex: &index, output: out)
            let after = osteosim_thread_allocations()
            #expect(after - before == 0, "allocations in the sparse step loop: \(after - before)")
        }
        #expect(integrator.statistics.steps > 10 && integrator.statistics.sparseFallbacks == 0)
        #endif
    }
}
