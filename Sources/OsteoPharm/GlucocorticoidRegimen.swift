import OsteoCatalog
import OsteoModel

/// One systemic glucocorticoid course as the simulation sees it: a preparation, converted to
/// prednisolone-equivalent (PEQ) mg with the one shared table (OsteoCatalog), given daily
/// (optionally tapering) or intermittently (alternate-day, pulses), from `startDay` (negative =
/// before the simulation) until `stopDay`.
public struct GlucocorticoidRegimen: Sendable, Equatable {
    public enum Schedule: Sendable, Equatable {
        /// A daily dose in mg/day; each taper step replaces it from `afterDays` (relative to the start).
        case daily(mgPerDay: Double, taper: [TaperStep])
        /// `mg` every `everyDays` days (alternate-day: every 2 days; a pulse: e.g. 1 g every day × 3).
        case intermittent(mg: Double, everyDays: Double, doses: Int?)
    }

    public struct TaperStep: Sendable, Equatable {
        public var afterDays: Double
        public var mgPerDay: Double
        public init(afterDays: Double, mgPerDay: Double) {
            self.afterDays = afterDays
            self.mgPerDay = mgPerDay
        }
    }

    public var drug: GlucocorticoidDrug
    public var route: Route
    public var schedule: Schedule
    public var startDay: Double
    public var stopDay: Double?

    public init(drug: GlucocorticoidDrug, route: Route = .oral, schedule: Schedule, startDay: Double = 0, stopDay: Double? = nil) {
        self.drug = drug
        self.route = route
        self.schedule = schedule
        self.startDay = startDay
        self.stopDay = stopDay
    }

    /// Multiply a dose of this preparation by this to get PEQ mg.
    public var factor: Double { drug.prednisoloneEquivalentFactor }

    /// An intermittent dose is taken over one day (the daily-averaged exposure of that day), or
    /// over the interval when doses come more often than daily.
    static func deliveryDays(every: Double) -> Double { min(1, every) }

    /// The PEQ rate (mg/day) this course gives, as a piecewise-constant function: a sorted list
    /// of (time, rate from then on), ending with a zero when the course stops before `end`.
    public func rateSteps(until end: Double) -> [(time: Double, peqMgPerDay: Double)] {
        let stop = min(stopDay ?? end, end)
        guard startDay < stop else { return [] }
        var steps: [(Double, Double)] = []
        switch schedule {
        case let .daily(mg, taper):
            steps.append((startDay, mg * factor))
            for s in taper.sorted(by: { $0.afterDays < $1.afterDays }) where startDay + s.afterDays < stop {
                steps.append((startDay + s.afterDays, s.mgPerDay * factor))
            }
        case let .intermittent(mg, every, doses):
            let width = Self.deliveryDays(every: every)
            var k = 0
            while true {
                let t = startDay + Double(k) * every
                if t >= stop - 1e-9 { break }
                if let doses, k >= doses { break }
                steps.append((t, mg * factor / width))
                steps.append((min(t + width, stop), 0))
                k += 1
            }
        }
        if stop < end { steps.append((stop, 0)) }   // an open course runs past the end: no stop event there
        // Keep the last value given for a time (a dose ending where the next begins, or a stop).
        var out: [(time: Double, peqMgPerDay: Double)] = []
        for s in steps {
            if let last = out.last, abs(last.time - s.0) < 1e-12 { out[out.count - 1] = (s.0, s.1) } else { out.append((s.0, s.1)) }
        }
        return out
    }

    /// Mean PEQ mg/day over the course's first `days` (for reports and dose bands).
    public func meanPEQ(overFirst days: Double) -> Double {
        let end = startDay + days
        let steps = rateSteps(until: end)
        var total = 0.0
        for i in steps.indices {
            let next = i + 1 < steps.count ? steps[i + 1].time : end
            total += steps[i].peqMgPerDay * (next - steps[i].time)
        }
        return days > 0 ? total / days : 0
    }
}

extension GlucocorticoidRegimen {
    /// The summed PEQ rate of several courses, as (time, total rate from then on) breakpoints:
    /// the values a held rate compartment is *set* to (no accumulated rounding from deltas).
    public static func combinedRate(_ courses: [GlucocorticoidRegimen], until end: Double) -> [(time: Double, peqMgPerDay: Double)] {
        // Sweep the breakpoints of all courses in time order, keeping each course's current rate.
        var events: [(time: Double, course: Int, rate: Double)] = []
        for (i, c) in courses.enumerated() { events += c.rateSteps(until: end).map { ($0.time, i, $0.peqMgPerDay) } }
        events.sort { $0.time < $1.time }
        var current = [Double](repeating: 0, count: courses.count)
        var out: [(time: Double, peqMgPerDay: Double)] = []
        var i = 0
        while i < events.count {
            let t = events[i].time
            while i < events.count, events[i].time == t { current[events[i].course] = events[i].rate; i += 1 }
            out.append((t, current.reduce(0, +)))
        }
        return out
    }
}
