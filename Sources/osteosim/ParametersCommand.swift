import ArgumentParser
import OsteoModel

struct ParametersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parameters",
        abstract: "Print the annotated parameter table (the source of docs/parameters.md) as Markdown.")
    func run() throws {
        try CLI.write(ParameterDocs.document(), to: nil)
    }
}
