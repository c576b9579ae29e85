import ArgumentParser
import OsteoSim

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "simulate", abstract: "(not yet implemented)")
    func run() throws {
        throw ExitCode(1)
    }
}
