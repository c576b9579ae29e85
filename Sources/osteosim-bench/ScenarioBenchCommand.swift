import ArgumentParser
import Foundation
import OsteoSim

struct ScenarioBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Median wall time and solver statistics of one scenario simulation.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json }

    @Argument(help: "Scenario file (YAML or JSON).") var file: String
    @Option(help: "Number of timed simulations (median reported).") var `repeat`: Int = 20
    @Option(help: "Output format: json.") var format: Format = .json

    func run() throws {
        let scenario: Scenario
        do { scenario = try Scenario.load(path: file) } catch {
            FileHandle.standardError.write(Data("osteosim-bench: \(error)\n".utf8))
            throw ExitCode(2)
        }
        var table: SimulationTable?
        do {
            let seconds = try medianSeconds(repeat: max(1, self.repeat)) { table = try SimulationRunner.run(scenario) }
            guard let t = table else { throw ExitCode(1) }
            let s = t.statistics
            print("{\"scenario\": \"\(file)\", \"days\": \(jsonNumber(scenario.durationDays)), \"outputs\": \(t.rows.count), \"seconds\": \(jsonNumber(seconds)), "
                + "\"steps\": \(s.steps), \"rejected\": \(s.rejectedSteps), \"rhs_evals\": \(s.rhsEvaluations), "
                + "\"jacobian_evals\": \(s.jacobianEvaluations), \"lu_decompositions\": \(s.luDecompositions)}")
        } catch let e as SimulationError {
            FileHandle.standardError.write(Data("osteosim-bench: \(e)\n".utf8))
            throw ExitCode(e.exitCode)
        }
    }
}
