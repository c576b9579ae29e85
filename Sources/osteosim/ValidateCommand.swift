import ArgumentParser
import OsteoSim

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "(not yet implemented)")
    func run() throws {
        throw ExitCode(1)
    }
}
