import ArgumentParser
import Foundation
import OsteoModel
import OsteoODE
import OsteoPharm

/// Cost of one right-hand side and one exact Jacobian: the core alone against the core with
/// four components (two SC depots, the oral test component, a perturbation). Measured side by
/// side, interleaved, median of `--repeat` rounds of `--evaluations` calls each.
struct StepCostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "step-cost",
        abstract: "Per-evaluation cost of the core alone vs the core + 4 components (ratio, side by side).")

    @Option(help: "Rounds (median reported).") var repeat_: Int = 15
    @Option(help: "Calls per round.") var evaluations: Int = 20_000

    func measure(_ s: BoneSystem, y: [Double]) -> (rhs: Double, jacobian: Double) {
        let n = s.dimension
        var dy = [Double](repeating: 0, count: n), J = [Double](repeating: 0, count: n * n)
        let duals = UnsafeMutablePointer<Dual>.allocate(capacity: 2 * n)
        duals.initialize(repeating: Dual(0), count: 2 * n)
        let doubles = UnsafeMutablePointer<Double>.allocate(capacity: 2 * n)
        defer { duals.deallocate(); doubles.deallocate() }
        var sink = 0.0
        let t0 = DispatchTime.now().uptimeNanoseconds
        y.withUnsafeBufferPointer { yp in
            dy.withUnsafeMutableBufferPointer { dp in
                for k in 0..<evaluations { s.evaluate(t: Double(k % 7), y: yp.baseAddress!, dy: dp.baseAddress!); sink += dp[0] }
            }
        }
        let t1 = DispatchTime.now().uptimeNanoseconds
        let jn = max(1, evaluations / 10)
        y.withUnsafeBufferPointer { yp in
            J.withUnsafeMutableBufferPointer { jp in
                for _ in 0..<jn { _ = s.jacobian(t: 1, y: yp.baseAddress!, into: jp.baseAddress!, scratch: JacobianScratch(duals: duals, doubles: doubles)); sink += jp[0] }
            }
        }
        let t2 = DispatchTime.now().uptimeNanoseconds
        if sink == .pi { print("") }
        return (Double(t1 - t0) / Double(evaluations), Double(t2 - t1) / Double(jn))
    }

    func run() throws {
        let core = BoneCore(patient: PatientBaseline(sex: .female, age: 65))
        let alone = BoneSystem(core: core)
        let four = BoneSystem(core: core, components: [TestDepotComponent(), TestOralComponent(), TestDepotComponent(),
                                                       PerturbationComponent([Perturbation(lever: .opgProduction, factor: 0.8)])])
        var y1 = try alone.baselineState()
        var y4 = try four.baselineState()
        for i in BoneState.count..<four.dimension { y4[i] = 0.1 }
        y1[0] += 0
        var a: [(Double, Double)] = [], b: [(Double, Double)] = []
        for _ in 0..<repeat_ {
            a.append(measure(alone, y: y1))
            b.append(measure(four, y: y4))
        }
        func median(_ v: [Double]) -> Double { let s = v.sorted(); return s[s.count / 2] }
        // Whole steps: 10 years from baseline with monthly output, no doses (the components'
        // compartments stay empty, so both runs take the same steps), interleaved.
        func perStep(_ s: BoneSystem, _ y0: [Double]) throws -> (ns: Double, steps: Int) {
            let days = (0...120).map { Double($0) * 30.4375 }
            let t0 = DispatchTime.now().uptimeNanoseconds
            var steps = 0
            for _ in 0..<50 {
                let sol = try ODESolver.solve(s, y0: y0, t0: 0, tEnd: days[120], saveAt: days, options: s.defaultOptions)
                steps += sol.statistics.steps + sol.statistics.rejectedSteps
            }
            return (Double(DispatchTime.now().uptimeNanoseconds - t0) / Double(steps), steps / 50)
        }
        let b1 = try alone.baselineState(), b4 = try four.baselineState()
        var sa: [Double] = [], sb: [Double] = []
        var stepsA = 0, stepsB = 0
        for _ in 0..<repeat_ {
            let x = try perStep(alone, b1), z = try perStep(four, b4)
            sa.append(x.ns); sb.append(z.ns); stepsA = x.steps; stepsB = z.steps
        }
        print("{\"core_step_ns\": \(Int(median(sa))), \"composite_step_ns\": \(Int(median(sb))), \"step_ratio\": \(String(format: "%.2f", median(sb) / median(sa))), \"core_steps\": \(stepsA), \"composite_steps\": \(stepsB)}")
        let ra = median(a.map(\.0)), rb = median(b.map(\.0)), ja = median(a.map(\.1)), jb = median(b.map(\.1))
        print("{\"core_dimension\": \(alone.dimension), \"composite_dimension\": \(four.dimension), "
              + "\"core_rhs_ns\": \(Int(ra)), \"composite_rhs_ns\": \(Int(rb)), \"rhs_ratio\": \(String(format: "%.2f", rb / ra)), "
              + "\"core_jacobian_ns\": \(Int(ja)), \"composite_jacobian_ns\": \(Int(jb)), \"jacobian_ratio\": \(String(format: "%.2f", jb / ja)), "
              + "\"core_colors\": \(alone.coloring.colorCount), \"composite_colors\": \(four.coloring.colorCount)}")
    }
}
