import ArgumentParser
import OsteoSim

struct ParametersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parameters",
        abstract: "Print every parameter of every model component: name, value, unit, meaning, source, accepted range.",
        discussion: "The names are what a scenario's `parameters:` section takes. --format markdown prints docs/parameters.md. "
            + "File formats and exit codes: docs/file-formats.md.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, markdown }
    @Option(help: "Output format: table, json or markdown.") var format: Format = .table

    func run() throws {
        switch format {
        case .table: try CLI.write(ModelInfo.parametersTable(), to: nil)
        case .json: try CLI.write(ModelInfo.parametersJSON(), to: nil)
        case .markdown: try CLI.write(ModelInfo.parametersMarkdown, to: nil)
        }
    }
}

struct LeversCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "levers",
        abstract: "Print every mechanism lever: id, what it multiplies, what acts through it.",
        discussion: "A scenario's `perturbations:` section takes these ids, e.g. {lever: rankl_availability, factor: 0.5, start: 0 days, stop: 6 months}. "
            + "File formats and exit codes: docs/file-formats.md.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }
    @Option(help: "Output format: table or json.") var format: Format = .table

    func run() throws {
        try CLI.write(format == .json ? ModelInfo.leversJSON() : ModelInfo.leversTable(), to: nil)
    }
}
