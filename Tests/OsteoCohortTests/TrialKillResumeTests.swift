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
}
