import ArgumentParser
import OsteoSim

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "(not yet implemented)")
    func run() throws {
        throw ExitCode(1)
    }
}
