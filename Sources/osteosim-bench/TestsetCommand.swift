import ArgumentParser
import Foundation
import OsteoODE
import OsteoTestProblems

struct TestsetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "testset",
        abstract: "Solve a stiff test problem (rober, hires, pollu, vdpol, orego) and report accuracy, work and median time.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, table }

    @Argument(help: "Problem: rober, hires, pollu, vdpol or orego.") var problem: String
    @Option(help: "Relative tolerance.") var rtol: Double = 1e-6
    @Option(help: "Absolute tolerance.") var atol: Double = 1e-10
    @Option(help: "Method: rodas5p, rodas4 or rodas3p.") var method: String = "rodas5p"
    @Option(help: "Number of timed solves (median reported).") var `repeat`: Int = 10
    @Option(help: "Output format: json or table.") var format: Format = .json

    func validate() throws {
        guard TestSet.problem(named: problem) != nil else {
            throw ValidationError("unknown problem '\(problem)'; accepted: \(TestSet.all.map(\.name).joined(separator: ", "))")
        }
        guard RosenbrockMethod(rawValue: method.lowercased()) != nil else {
            throw ValidationError("unknown method '\(method)'; accepted: \(RosenbrockMethod.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard rtol > 0, atol >= 0, self.repeat >= 1 else { throw ValidationError("need rtol > 0, atol >= 0, repeat >= 1") }
    }

    func run() throws {
        guard let p = TestSet.problem(named: problem), let m = RosenbrockMethod(rawValue: method.lowercased()) else { throw ExitCode(2) }
        let options = SolverOptions(method: m, rtol: rtol, atol: atol)
        var solution: ODESolution?
        do {
            let seconds = try medianSeconds(repeat: self.repeat) {
                solution = try ODESolver.solve(p.system, y0: p.y0, t0: p.t0, tEnd: p.tEnd, saveAt: [p.tEnd], options: options)
            }
            guard let sol = solution else { throw ExitCode(1) }
            let y = Array(sol.final)
            let err = TestSet.maxRelativeError(y, reference: p.reference)
            let s = sol.statistics
            if format == .json {
                print("{\"problem\": \"\(p.name)\", \"method\": \"\(m.rawValue)\", \"rtol\": \(jsonNumber(rtol)), \"atol\": \(jsonNumber(atol)), \"t\": \(jsonNumber(p.tEnd)), "
                    + "\"y\": [\(y.map(jsonNumber).joined(separator: ", "))], \"steps\": \(s.steps), \"rejected\": \(s.rejectedSteps), "
                    + "\"rhs_evals\": \(s.rhsEvaluations), \"jacobian_evals\": \(s.jacobianEvaluations), \"lu_decompositions\": \(s.luDecompositions), "
                    + "\"seconds\": \(jsonNumber(seconds)), \"max_rel_error\": \(jsonNumber(err))}")
            } else {
                print(String(format: "%@ %@ rtol %.0e: max rel error %.2e, %d steps (%d rejected), %d f, %d J, %d LU, median %.1f µs",
                             p.name, m.rawValue, rtol, err, s.steps, s.rejectedSteps, s.rhsEvaluations, s.jacobianEvaluations, s.luDecompositions, seconds * 1e6))
            }
        } catch let e as ODEError {
            FileHandle.standardError.write(Data("osteosim-bench: \(e)\n".utf8))
            throw ExitCode(1)
        }
    }
}
