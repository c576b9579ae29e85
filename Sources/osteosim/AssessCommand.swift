import ArgumentParser
import OsteoSim

struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assess", abstract: "(not yet implemented)")
    func run() throws {
        throw ExitCode(1)
    }
}
