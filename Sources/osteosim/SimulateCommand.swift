import ArgumentParser
import Foundation
import OsteoSim

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate one patient's scenario file and print the trajectories.",
        discussion: "Columns: day, lumbar_spine_bmd_change_pct, total_hip_bmd_change_pct, ctx_change_pct, p1np_change_pct, markers and signals, and T-scores when baseline T-scores are given. Exit status: 0 success, 1 solver failure, 2 bad input.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json, table }

    @Argument(help: "Scenario file (YAML or JSON).") var scenario: String
    @Option(help: "Output format: csv, json or table.") var format: Format = .csv
    @Option(help: "Write to this file instead of standard output.") var output: String?

    func run() throws {
        let table: SimulationTable
        do {
            let s = try Scenario.load(path: scenario)
            table = try SimulationRunner.run(s)
        } catch let e as InputError {
            FileHandle.standardError.write(Data("osteosim: \(e)\n".utf8))
            throw ExitCode(2)
        } catch let e as SimulationError {
            FileHandle.standardError.write(Data("osteosim: \(e)\n".utf8))
            throw ExitCode(e.exitCode)
        }
        let text: String
        switch format {
        case .csv: text = TableWriter.csv(table)
        case .json: text = TableWriter.json(table)
        case .table: text = TableWriter.text(table)
        }
        if let output {
            do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                FileHandle.standardError.write(Data("osteosim: cannot write \(output): \(error.localizedDescription)\n".utf8))
                throw ExitCode(2)
            }
        } else {
            print(text, terminator: "")
        }
    }
}
