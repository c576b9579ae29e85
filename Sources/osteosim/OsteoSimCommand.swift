import ArgumentParser
import Foundation
import OsteoSim
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct OsteoSimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "osteosim",
        abstract: "Simulate glucocorticoid- and inflammation-induced osteoporosis and assess patients under published guidelines.",
        discussion: """
        Research and education software, not a medical device.
        Exit status: 0 success; 1 a run that failed (solver failure, failed validation, output that could not be \
        written); 2 bad input or bad command-line usage. File formats, limits and exit codes: \(OsteoSimInfo.fileFormatsDoc).
        """,
        version: OsteoSimInfo.version,
        subcommands: [DemoCommand.self, SimulateCommand.self, AssessCommand.self, ValidateCommand.self, ParametersCommand.self, LeversCommand.self, TrialCommand.self]
    )

    /// Runs the command line with the project's exit statuses (PRODUCT.md): usage errors exit 2 (not
    /// ArgumentParser's 64) with the usage line, every error starts with `osteosim:`, and output that could not be
    /// written exits 1.
    static func main() {
        signal(SIGPIPE, SIG_IGN)   // a closed pipe becomes a write error (exit 1 with a message), not a signal
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            finish(error)
        }
        do {
            try command.run()
        } catch {
            finish(error)
        }
        Foundation.exit(0)
    }

    /// Exits for an error from parsing or running: help and version exit 0; usage errors exit 2 with the usage
    /// line; an `ExitCode` thrown by a command (its message already printed) exits with that status; anything
    /// else is a failed run (1).
    static func finish(_ error: Error) -> Never {
        if let e = error as? ExitCode { Foundation.exit(e.rawValue) }
        let code = exitCode(for: error)
        if code == .success { exit(withError: error) }
        if code == .validationFailure {
            var message = fullMessage(for: error)
            if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
            CLI.printError(message.trimmingCharacters(in: .newlines))
            Foundation.exit(2)
        }
        CLI.printError(message(for: error))
        Foundation.exit(1)
    }
}
