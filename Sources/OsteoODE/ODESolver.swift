/// A scheduled discontinuity: the integrator stops exactly at `time`, applies the `jumps`
/// (doses), and restarts. With no jumps it marks a switch in the right-hand side (a course
/// starts or stops), which must not be stepped across.
public struct Discontinuity: Sendable, Equatable {
    public var time: Double
    public var jumps: [RosenbrockIntegrator.Jump]
    public init(time: Double, jumps: [RosenbrockIntegrator.Jump] = []) {
        self.time = time
        self.jumps = jumps
    }
}

/// The sampled trajectory of one integration.
public struct ODESolution: Sendable {
    public let dimension: Int
    /// The save times, as requested.
    public let times: [Double]
    /// Row-major: `values[i * dimension + j]` is component j at `times[i]`.
    public let values: [Double]
    public let statistics: SolverStatistics

    /// State at save index i.
    public func state(at i: Int) -> ArraySlice<Double> { values[(i * dimension)..<((i + 1) * dimension)] }
    /// Component j at every save time.
    public func component(_ j: Int) -> [Double] { (0..<times.count).map { values[$0 * dimension + j] } }
    /// The state at the last save time.
    public var final: ArraySlice<Double> { state(at: times.count - 1) }
}

public enum ODESolver {
    /// Integrates `system` from `t0` to `tEnd`, stopping exactly at each discontinuity and applying
    /// its jumps, and returns the state at each time in `saveAt` (sorted, within [t0, tEnd]).
    ///
    /// Outputs are right-continuous: a save time equal to a discontinuity reports the state after
    /// its jumps. Saves between steps come from the method's dense output; they never force a step.
    public static func solve(_ system: some ODESystem, y0: [Double], t0: Double, tEnd: Double,
                             saveAt: [Double], discontinuities: [Discontinuity] = [],
                             options: SolverOptions = SolverOptions()) throws(ODEError) -> ODESolution {
        guard tEnd >= t0, t0.isFinite, tEnd.isFinite else {
            throw .invalidInput("time span [\(t0), \(tEnd)] is not a finite forward interval")
        }
        for i in saveAt.indices {
            if saveAt[i] < t0 || saveAt[i] > tEnd {
                throw .invalidInput("save time \(saveAt[i]) lies outside [\(t0), \(tEnd)]")
            }
            if i > 0, saveAt[i] < saveAt[i - 1] { throw .invalidInput("save times must be sorted (index \(i))") }
        }
        let n = system.dimension
        let integrator = try RosenbrockIntegrator(system: system, t0: t0, y0: y0, options: options)
        let events = discontinuities.filter { $0.time >= t0 && $0.time <= tEnd }.sorted { $0.time < $1.time }
        for e in events {
            for jump in e.jumps {
                let comp: Int
                switch jump {
                case let .add(i, _), let .set(i, _), let .scale(i, _): comp = i
                case .system: comp = 0
                }
                guard comp >= 0, comp < n else {
                    throw .invalidInput("jump at t = \(e.time) targets component \(comp); the system has \(n)")
                }
            }
        }
        var output = [Double](repeating: 0, count: saveAt.count * n)
        var saveIndex = 0
        var eventIndex = 0
        try saveAt.withUnsafeBufferPointer { (saves) throws(ODEError) in
            try output.withUnsafeMutableBufferPointer { (outBuffer) throws(ODEError) in
                guard let out = outBuffer.baseAddress ?? (saves.isEmpty ? UnsafeMutablePointer<Double>.allocate(capacity: 1) : nil) else { return }
                defer { if outBuffer.baseAddress == nil { out.deallocate() } }
                func applyEventsAndSave(at time: Double) {
                    while eventIndex < events.count, events[eventIndex].time <= time {
                        for jump in events[eventIndex].jumps { integrator.applyJump(jump) }
                        integrator.restart()
                        eventIndex += 1
                    }
                    while saveIndex < saves.count, saves[saveIndex] <= time {
                        for j in 0..<n { out[saveIndex * n + j] = integrator.component(j) }
                        saveIndex += 1
                    }
                }
                applyEventsAndSave(at: t0)
                while integrator.t < tEnd {
                    let target = eventIndex < events.count ? Swift.min(events[eventIndex].time, tEnd) : tEnd
                    try integrator.advance(to: target, saveTimes: saves, saveIndex: &saveIndex, output: out)
                    applyEventsAndSave(at: target)
                }
            }
        }
        return ODESolution(dimension: n, times: saveAt, values: output, statistics: integrator.statistics)
    }
}
