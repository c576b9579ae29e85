import Foundation
import Testing
@testable import OsteoCohort

/// Real `osteosim trial` processes killed with SIGKILL at random moments, three times, then resumed to the end:
/// the summary (with its per-patient checksum) equals that of an uninterrupted run. Needs the built binary
/// (`swift build`); skipped with a message otherwise.
@Suite struct TrialKillResumeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var binary: URL? {
        for config in ["debug", "release"] {
            let url = root.appendingPathComponent(".build/\(config)/osteosim")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    static let trialText = TrialTests.small.replacingOccurrences(of: "patients_per_arm: 12", with: "patients_per_arm: 60")

    func launch(_ args: [String]) throws -> Process {
        let p = Process()
        p.executableURL = try #require(Self.binary)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    @Test(.enabled(if: TrialKillResumeTests.binary != nil, "osteosim binary not built"))
    func killedThreeTimesThenResumedGivesTheSameSummary() throws {
        let dir = TrialTests.tempDir("kill")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = (dir as NSString).appendingPathComponent("trial.yaml")
        try Self.trialText.write(toFile: file, atomically: true, encoding: .utf8)
        let reference = (dir as NSString).appendingPathComponent("reference"), killed = (dir as NSString).appendingPathComponent("killed")

        let ref = try launch(["trial", file, "--output", reference, "--quiet"])
        ref.waitUntilExit()
        #expect(ref.terminationStatus == 0)

        var rng = SystemRandomNumberGenerator()
        var interrupted = 0
        var delays: [Double] = []
        for round in 0..<3 {
            let p = try launch(["trial", file, "--output", killed, "--quiet"] + (round > 0 ? ["--resume"] : []))
            // Random moments: the first kill within the first second (startup, the store's creation, the first
            // batches), later ones anywhere in the (shorter) remaining runs.
            let delay = Double.random(in: (round == 0 ? 0.05 : 0.2)...(round == 0 ? 1.0 : 1.5), using: &rng)
            delays.append(delay)
            Thread.sleep(forTimeInterval: delay)
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
            p.waitUntilExit()
            if p.terminationReason == .uncaughtSignal { interrupted += 1 }
        }
        let last = try launch(["trial", file, "--output", killed, "--quiet", "--resume"])
        last.waitUntilExit()
        #expect(last.terminationStatus == 0, "kill delays \(delays)")
        #expect(interrupted >= 1, "no kill hit a running process (delays \(delays))")

        let a = try String(contentsOfFile: (reference as NSString).appendingPathComponent("summary.json"), encoding: .utf8)
        let b = try String(contentsOfFile: (killed as NSString).appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(a == b, "kill delays \(delays)")
        let store = try TrialStore.open(path: TrialRunner.storePath(killed), readOnly: true)
        #expect(try store.count() == 120)
        #expect(try store.storedIDs() == Array(0..<120))
    }

    func run(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = try #require(Self.binary)
        p.arguments = args
        p.currentDirectoryURL = Self.root
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    /// Bad trial files and bad usage exit 2 naming the field; a scenario given to `trial` gets the hint.
    @Test(.enabled(if: TrialKillResumeTests.binary != nil, "osteosim binary not built"))
    func badInputExitsTwoWithTheField() throws {
        let dir = TrialTests.tempDir("cli")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bad = (dir as NSString).appendingPathComponent("bad.yaml")
        try TrialTests.small.replacingOccurrences(of: "dose: 60 mg", with: "dose: -60 mg").write(toFile: bad, atomically: true, encoding: .utf8)
        let r = try run(["trial", bad, "--output", (dir as NSString).appendingPathComponent("out")])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("osteosim: ") && r.stderr.contains("arms.denosumab.treatments[0].dose"))
        let scenario = try run(["trial", "examples/freedom-placebo.yaml", "--output", (dir as NSString).appendingPathComponent("o2")])
        #expect(scenario.status == 2 && scenario.stderr.contains("osteosim simulate"))
        #expect(try run(["trial", "examples/trials/denosumab-vs-placebo-gc.yaml", "--shard", "5/4"]).status == 2)
        #expect(try run(["trial", "merge", (dir as NSString).appendingPathComponent("m"), dir]).status == 2)
        // --slurm writes the submission script and simulates nothing.
        let out = (dir as NSString).appendingPathComponent("slurm")
        let s = try run(["trial", "examples/trials/denosumab-vs-placebo-gc.yaml", "--slurm", "4", "--output", out])
        #expect(s.status == 0)
        let script = try String(contentsOfFile: (out as NSString).appendingPathComponent("submit-slurm.sh"), encoding: .utf8)
        #expect(script.contains("--array=1-$TASKS") && script.contains("TASKS=4") && script.contains("--dependency=afterok:$array"))
        #expect(script.contains("trial merge") && script.contains("SLURM_ARRAY_TASK_ID"))
        #expect(!FileManager.default.fileExists(atPath: (out as NSString).appendingPathComponent("results.sqlite")))
    }
}
