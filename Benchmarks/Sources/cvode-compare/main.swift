import CVODEShim
import Foundation
import OsteoODE
import OsteoTestProblems

// Work-precision comparison: OsteoODE (Rodas5P, Rodas4) vs SUNDIALS CVODE (BDF, dense, analytic
// Jacobian) on the Bari stiff test set, in one run, solves interleaved, median of N per cell.

final class ProblemBox {
    let system: any ODESystem
    let duals: UnsafeMutablePointer<Dual>
    let doubles: UnsafeMutablePointer<Double>
    init(_ s: any ODESystem) {
        system = s
        duals = .allocate(capacity: 2 * s.dimension)
        duals.initialize(repeating: Dual(0), count: 2 * s.dimension)
        doubles = .allocate(capacity: 2 * s.dimension)
    }
    deinit { duals.deallocate(); doubles.deallocate() }
}

let rhsCallback: cs_rhs_fn = { t, y, dy, user in
    guard let user, let y, let dy else { return }
    Unmanaged<ProblemBox>.fromOpaque(user).takeUnretainedValue().system.evaluate(t: t, y: y, dy: dy)
}
let jacCallback: cs_jac_fn = { t, y, jac, user in
    guard let user, let y, let jac else { return }
    let box = Unmanaged<ProblemBox>.fromOpaque(user).takeUnretainedValue()
    _ = box.system.jacobian(t: t, y: y, into: jac, scratch: JacobianScratch(duals: box.duals, doubles: box.doubles))
}

/// Same absolute tolerance for both solvers: rtol × this factor (problem scale).
let atolFactor: [String: Double] = ["rober": 1e-4, "hires": 1e-4, "pollu": 1e-6, "vdpol": 1e-3, "orego": 1e-3]

struct Row { var problem: String; var solver: String; var rtol: Double; var atol: Double; var error: Double; var seconds: Double; var steps: Int; var rhs: Int; var jac: Int }

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func median(_ v: [Double]) -> Double { let s = v.sorted(); return s.count % 2 == 1 ? s[s.count / 2] : 0.5 * (s[s.count / 2 - 1] + s[s.count / 2]) }

let args = CommandLine.arguments
let repeats = args.firstIndex(of: "--repeat").flatMap { Int(args[$0 + 1]) } ?? 30
let markdown = args.contains("--markdown")
let json = args.contains("--json")
var rows: [Row] = []

for p in TestSet.all {
    for rtol in [1e-4, 1e-6, 1e-8] {
        let atol = rtol * (atolFactor[p.name] ?? 1e-4)
        let box = ProblemBox(p.system)
        let user = Unmanaged.passUnretained(box).toOpaque()
        var tC: [Double] = [], t5: [Double] = [], t4: [Double] = []
        var yC = p.y0, stats = cs_stats()
        var sol5: ODESolution?, sol4: ODESolution?
        var flag: Int32 = 0
        for _ in 0..<repeats {
            var y = p.y0
            var st = cs_stats()
            var s = now()
            flag = cs_cvode_solve(Int32(p.y0.count), p.t0, p.tEnd, &y, rtol, atol, rhsCallback, jacCallback, user, &st)
            tC.append(Double(now() - s) / 1e9)
            yC = y; stats = st
            s = now()
            sol5 = try? ODESolver.solve(p.system, y0: p.y0, t0: p.t0, tEnd: p.tEnd, saveAt: [p.tEnd], options: SolverOptions(method: .rodas5P, rtol: rtol, atol: atol))
            t5.append(Double(now() - s) / 1e9)
            s = now()
            sol4 = try? ODESolver.solve(p.system, y0: p.y0, t0: p.t0, tEnd: p.tEnd, saveAt: [p.tEnd], options: SolverOptions(method: .rodas4, rtol: rtol, atol: atol))
            t4.append(Double(now() - s) / 1e9)
        }
        rows.append(Row(problem: p.name, solver: flag >= 0 ? "CVODE BDF" : "CVODE BDF (flag \(flag))", rtol: rtol, atol: atol,
                        error: TestSet.maxRelativeError(yC, reference: p.reference), seconds: median(tC),
                        steps: stats.steps, rhs: stats.rhs_evals, jac: stats.jac_evals))
        for (name, sol, times) in [("OsteoODE Rodas5P", sol5, t5), ("OsteoODE Rodas4", sol4, t4)] {
            if let sol {
                rows.append(Row(problem: p.name, solver: name, rtol: rtol, atol: atol, error: TestSet.maxRelativeError(sol.final, reference: p.reference),
                                seconds: median(times), steps: sol.statistics.steps, rhs: sol.statistics.rhsEvaluations, jac: sol.statistics.jacobianEvaluations))
            } else {
                rows.append(Row(problem: p.name, solver: name + " (failed)", rtol: rtol, atol: atol, error: .nan, seconds: .nan, steps: 0, rhs: 0, jac: 0))
            }
        }
    }
}

let version = String(cString: cs_sundials_version())
func ratio(_ r: Row, _ rows: [Row]) -> String {
    guard !r.solver.hasPrefix("CVODE"), let c = rows.first(where: { $0.problem == r.problem && $0.rtol == r.rtol && $0.solver.hasPrefix("CVODE") }) else { return "1.00" }
    return String(format: "%.2f", r.seconds / c.seconds)
}
if json {
    print("[" + rows.map { r in
        "{\"problem\": \"\(r.problem)\", \"solver\": \"\(r.solver)\", \"rtol\": \(r.rtol), \"atol\": \(r.atol), \"max_rel_error\": \(r.error.isFinite ? "\(r.error)" : "null"), \"median_seconds\": \(r.seconds.isFinite ? "\(r.seconds)" : "null"), \"steps\": \(r.steps), \"rhs_evals\": \(r.rhs), \"jacobian_evals\": \(r.jac), \"time_ratio_vs_cvode\": \(ratio(r, rows))}"
    }.joined(separator: ",\n") + "]")
} else {
    print("SUNDIALS \(version) (Debian libsundials-dev); median of \(repeats) interleaved solves per cell; error = max relative error vs the test-set reference over components > 1e-12.\n")
    print(markdown ? "| problem | rtol | atol | solver | max rel error | median time (µs) | time / CVODE | steps | f evals | J evals |\n|---|---|---|---|---|---|---|---|---|---|"
                   : "problem  rtol    atol     solver              max rel err   median µs   /CVODE   steps   f evals   J evals")
    func pad(_ x: String, _ w: Int) -> String { x.count >= w ? x : x + String(repeating: " ", count: w - x.count) }
    for r in rows {
        let err = String(format: "%.2e", r.error), us = String(format: "%.1f", r.seconds * 1e6)
        let rt = String(format: "%.0e", r.rtol), at = String(format: "%.0e", r.atol)
        if markdown {
            print("| \(r.problem) | \(rt) | \(at) | \(r.solver) | \(err) | \(us) | \(ratio(r, rows)) | \(r.steps) | \(r.rhs) | \(r.jac) |")
        } else {
            print(pad(r.problem, 9) + pad(rt, 8) + pad(at, 9) + pad(r.solver, 20) + pad(err, 14) + pad(us, 12) + pad(ratio(r, rows), 9) + pad("\(r.steps)", 8) + pad("\(r.rhs)", 10) + "\(r.jac)")
        }
    }
}
