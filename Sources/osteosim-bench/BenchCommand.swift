import ArgumentParser
import Foundation

@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "osteosim-bench",
        abstract: "Solver test set and scenario timings (use a release build: swift build -c release).",
        subcommands: [TestsetCommand.self, ScenarioBenchCommand.self, StepCostCommand.self, TrialBenchCommand.self])
}

/// Median wall time (seconds) of `repeat` calls, on a monotonic clock.
func medianSeconds(repeat n: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    times.reserveCapacity(n)
    for _ in 0..<n {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    times.sort()
    return n % 2 == 1 ? times[n / 2] : 0.5 * (times[n / 2 - 1] + times[n / 2])
}

func jsonNumber(_ v: Double) -> String { v.isFinite ? String(format: "%.17g", v) : "null" }
