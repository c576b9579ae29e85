import Foundation
import OsteoSim

/// `osteosim trial --slurm N`: writes `DIR/submit-slurm.sh`, which submits (sbatch) an N-task job array whose task
/// I runs `osteosim trial TRIAL --shard I/N --resume` into `DIR/shards/shard-I`, and a merge job that depends on
/// the whole array (`afterok`) and writes the merged results into DIR. A task that is requeued resumes.
public enum SlurmScript {
    public static let fileName = "submit-slurm.sh"

    /// Characters the generated script cannot carry inside its double-quoted job scripts.
    static let refused: Set<Character> = ["\"", "$", "`", "\\", "\n", "'"]

    static func checked(_ path: String, _ what: String) throws(TrialError) -> String {
        if let c = path.first(where: { refused.contains($0) }) {
            throw .usage("\(what) \(path): the character \(c == "\n" ? "newline" : String(c)) is not accepted in paths for --slurm")
        }
        return path
    }

    static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return url.standardizedFileURL.path
    }

    public static func script(executable: String, trialFile: String, output: String, tasks: Int, cpusPerTask: Int) throws(TrialError) -> String {
        let exe = try checked(absolute(executable), "the osteosim executable")
        let trial = try checked(absolute(trialFile), "TRIAL")
        let out = try checked(absolute(output), "--output")
        let shardDirs = (1...tasks).map { "\"$OUT/shards/shard-\($0)\"" }.joined(separator: " ")
        return """
        #!/bin/bash
        # Written by `osteosim trial --slurm \(tasks)` (OsteoSim \(OsteoSimInfo.version)).
        # Submits a \(tasks)-task job array (task I runs shard I/\(tasks) of the trial, resuming if requeued) and a merge
        # job that runs after every task succeeded (afterok) and writes results.sqlite and summary.* into the output
        # directory. Run it on a Slurm submit host: bash \(fileName)
        # Environment: OSTEOSIM_SBATCH_ARGS (extra sbatch options for both jobs, e.g. --partition=short),
        # OSTEOSIM_SBATCH_WAIT=1 (wait for the merge job to end; the script's exit status is then the merge's).
        # OsteoSim is research and education software, not a medical device.
        set -euo pipefail
        OSTEOSIM="\(exe)"
        TRIAL="\(trial)"
        OUT="\(out)"
        TASKS=\(tasks)
        CPUS=\(cpusPerTask)
        EXTRA=(${OSTEOSIM_SBATCH_ARGS:-})
        mkdir -p "$OUT/slurm" "$OUT/shards"
        array=$(sbatch --parsable --job-name=osteosim-trial --array=1-$TASKS --cpus-per-task=$CPUS \\
          --output="$OUT/slurm/shard-%a.out" "${EXTRA[@]}" <<EOF
        #!/bin/bash
        set -euo pipefail
        exec "$OSTEOSIM" trial "$TRIAL" --shard "\\${SLURM_ARRAY_TASK_ID}/$TASKS" --output "$OUT/shards/shard-\\${SLURM_ARRAY_TASK_ID}" --resume --threads $CPUS
        EOF
        )
        array=${array%%;*}
        echo "submitted shard array $array ($TASKS tasks)"
        wait_flag=()
        if [ "${OSTEOSIM_SBATCH_WAIT:-0}" = 1 ]; then wait_flag=(--wait); fi
        merge=$(sbatch --parsable --job-name=osteosim-trial-merge --dependency=afterok:$array --kill-on-invalid-dep=yes \\
          --output="$OUT/slurm/merge.out" "${EXTRA[@]}" "${wait_flag[@]}" <<EOF
        #!/bin/bash
        set -euo pipefail
        exec "$OSTEOSIM" trial merge "$OUT" \(shardDirs)
        EOF
        )
        echo "submitted merge job ${merge%%;*} (after array $array)"

        """
    }

    public static func write(executable: String, trialFile: String, output: String, tasks: Int, cpusPerTask: Int) throws(TrialError) -> String {
        let text = try script(executable: executable, trialFile: trialFile, output: output, tasks: tasks, cpusPerTask: cpusPerTask)
        do { try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true) } catch {
            throw .failed("cannot create \(output): \(error.localizedDescription)")
        }
        let path = (output as NSString).appendingPathComponent(fileName)
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        } catch { throw .failed("cannot write \(path): \(error.localizedDescription)") }
        return path
    }
}
