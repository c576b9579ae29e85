import ArgumentParser
import OsteoSim

@main
struct OsteoSimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "osteosim",
        abstract: "Simulate glucocorticoid- and inflammation-induced osteoporosis and assess patients under published guidelines.",
        discussion: "Research and education software, not a medical device.",
        version: OsteoSimInfo.version,
        subcommands: [DemoCommand.self, SimulateCommand.self, AssessCommand.self, ValidateCommand.self, ParametersCommand.self, LeversCommand.self]
    )
}
