import ArgumentParser
import Foundation
import OsteoCohort
import OsteoSim

/// `osteosim trial TRIAL.yaml` (run) and `osteosim trial merge OUTPUT SHARD...`.
struct TrialCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trial",
        abstract: "Run an in-silico trial (a virtual cohort in arms), or merge its shards.",
        discussion: """
        Research and education software, not a medical device. Results go to the output directory: results.sqlite \
        (per-patient sampled values, parameters and endpoints, or the reason a simulation failed; the trial file and \
        the software version), summary.csv, summary.json and summary.svg. File formats, limits and exit codes: \
        \(OsteoSimInfo.fileFormatsDoc).
        """,
        subcommands: [TrialRunCommand.self, TrialMergeCommand.self],
        defaultSubcommand: TrialRunCommand.self)
}

func trialFailure(_ e: TrialError) -> ExitCode { CLI.fail(e.description, status: e.exitCode) }

struct TrialRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate the trial's patients (all of them, or one shard) and write the results and summaries.",
        discussion: """
        A patient's sampled values depend only on the seed and its index, so any --threads or --shard gives \
        bit-identical per-patient results. --resume finishes a run that was stopped (even by SIGKILL) with every \
        patient exactly once. --shard I/N runs the patients whose index modulo N is I-1; merge the N shard \
        directories with `osteosim trial merge`. --slurm N runs nothing and writes DIR/submit-slurm.sh (a job array \
        of N shards and a merge job after it). Progress goes to standard error. Exit status: 0 success (also when \
        some patients failed: they are recorded with the reason), 1 a failed run or unwritable output, 2 bad input \
        or usage.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Argument(help: "Trial file (YAML or JSON), or - for standard input.") var trial: String
    @Option(help: "Output directory (default: the trial file's name without its extension, in the current directory).") var output: String?
    @Option(help: "Worker tasks (default: the number of cores).") var threads: Int?
    @Flag(help: "Finish an interrupted run in --output (patients already stored are kept).") var resume = false
    @Option(help: "Run only shard I of N (I from 1 to N), e.g. 2/4.") var shard: String?
    @Option(help: "Write DIR/submit-slurm.sh for an N-task Slurm job array and merge job; simulate nothing.") var slurm: Int?
    @Option(help: "What to print on standard output at the end: table or json (the summary).") var format: Format = .table
    @Flag(help: "No progress lines on standard error.") var quiet = false

    var outputDirectory: String {
        if let output { return output }
        if trial == "-" { return "trial-output" }
        return ((trial as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    func validate() throws {
        if let threads, threads < 1 || threads > 1024 { throw ValidationError("--threads \(threads): expected 1 to 1024") }
        if let slurm, slurm < 1 || slurm > 100_000 { throw ValidationError("--slurm \(slurm): expected 1 to 100000 tasks") }
        if slurm != nil && (shard != nil || resume) { throw ValidationError("--slurm writes a submission script: give it without --shard and --resume") }
        if slurm != nil && trial == "-" { throw ValidationError("--slurm needs a trial file path (the jobs read it), not -") }
        if let shard { do { _ = try Shard(parsing: shard) } catch { throw ValidationError(error.description) } }
    }

    func run() throws {
        let t: Trial
        do { t = try Trial.load(path: trial) } catch {
            var message = error.description
            if let root = try? InputNode.load(path: trial), let hint = FileKind.hint(root, expected: .trial) { message += "\n" + hint }
            throw CLI.fail(message, status: 2)
        }
        if let slurm {
            do {
                let path = try SlurmScript.write(executable: Bundle.main.executablePath ?? CommandLine.arguments[0], trialFile: trial, output: outputDirectory,
                                                 tasks: slurm, cpusPerTask: threads ?? 1)
                try CLI.write("wrote \(path): submit it with `bash \(path)` on a Slurm submit host (\(slurm) shards of \(t.patientCount) patients, then a merge)\n", to: nil)
            } catch let e as TrialError { throw trialFailure(e) }
            return
        }
        var options = TrialRunOptions(output: outputDirectory, resume: resume, progress: !quiet)
        if let threads { options.threads = threads }
        if let shard { do { options.shard = try Shard(parsing: shard) } catch { throw trialFailure(error) } }
        let report: TrialRunReport
        do { report = try TrialRunner.runBlocking(t, options: options) } catch { throw trialFailure(error) }
        try CLI.write(format == .json ? report.summary.json() : report.summary.table(), to: nil)
    }
}

struct TrialMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the shard directories of one trial into OUTPUT (results.sqlite and summaries).",
        discussion: "Every shard 1..N of one trial file must be given and complete. Exit status: 0 merged, 1 a failed merge or write, 2 bad usage (missing, duplicate or foreign shards).")

    @Argument(help: "Output directory of the merged results.") var output: String
    @Argument(help: "The shard directories (each written by osteosim trial --shard I/N).") var shards: [String]
    @Option(help: "What to print on standard output: table or json.") var format: TrialRunCommand.Format = .table

    func validate() throws {
        if shards.isEmpty { throw ValidationError("give the shard directories after OUTPUT") }
    }

    func run() throws {
        let summary: TrialSummary
        do { summary = try TrialRunner.merge(output: output, shardDirectories: shards) } catch { throw trialFailure(error) }
        try CLI.write(format == .json ? summary.json() : summary.table(), to: nil)
    }
}
