import OsteoModel

/// A dosing schedule (mrgsolve's `ev_rx`): one or more phases, each a repeated dose, run one
/// after the other. The text form is PRODUCT.md's regimen grammar:
///
///     AMOUNT UNIT [ROUTE] (once | daily | weekly | monthly | every N UNIT) [x COUNT | for DURATION] [then REGIMEN]
///
/// e.g. `70 mg po weekly`, `5 mg iv once`, `20 ug sc daily for 24 months`,
/// `210 mg sc monthly x 12 then 60 mg sc every 6 months`. A month is 30.4375 days.
public struct Regimen: Sendable, Equatable {
    public struct Phase: Sendable, Equatable {
        public var amount: Double
        public var unit: DoseUnit
        public var route: Route?
        /// Days between doses; nil = a single dose.
        public var intervalDays: Double?
        /// Number of doses, if limited by count.
        public var count: Int?
        /// Length of the phase in days, if limited by duration (doses at t < start + duration).
        public var durationDays: Double?

        public init(amount: Double, unit: DoseUnit, route: Route? = nil, intervalDays: Double? = nil,
                    count: Int? = nil, durationDays: Double? = nil) {
            self.amount = amount
            self.unit = unit
            self.route = route
            self.intervalDays = intervalDays
            self.count = count
            self.durationDays = durationDays
        }

        /// Days this phase lasts before the next begins, nil if open-ended.
        var lengthDays: Double? {
            guard let every = intervalDays else { return 0 }
            if let count { return Double(count) * every }
            return durationDays
        }
    }

    public var phases: [Phase]

    public init(phases: [Phase]) { self.phases = phases }

    /// Dose times and phases from `start`, stopping before `end` (exclusive) — an open-ended
    /// last phase runs to `end`. Doses are numbered 1, 2, … across all phases.
    public func doses(drug: String, start: Double, end: Double) -> [Dose] {
        var out: [Dose] = []
        var phaseStart = start
        for phase in phases {
            guard phaseStart < end else { break }
            if let every = phase.intervalDays {
                let phaseEnd = min(end, phase.lengthDays.map { phaseStart + $0 } ?? end)
                var k = 0
                while true {
                    let t = phaseStart + Double(k) * every
                    if t >= phaseEnd - 1e-9 { break }
                    if let c = phase.count, k >= c { break }
                    out.append(Dose(time: t, drug: drug, amount: phase.amount, unit: phase.unit, route: phase.route))
                    k += 1
                }
            } else {
                out.append(Dose(time: phaseStart, drug: drug, amount: phase.amount, unit: phase.unit, route: phase.route))
            }
            guard let length = phase.lengthDays else { break }
            phaseStart += length
        }
        return out
    }
}

/// A regimen text that does not follow the grammar: which token, why, and what is accepted.
public struct RegimenError: Error, Equatable, Sendable, CustomStringConvertible {
    public let text: String
    /// Character offset and length of the offending token in `text` (at the end if missing).
    public let offset: Int
    public let length: Int
    public let problem: String
    public let accepted: String

    public var description: String {
        let caret = String(repeating: " ", count: offset) + String(repeating: "^", count: max(length, 1))
        return "\(problem) (accepted: \(accepted))\n  \(text)\n  \(caret)"
    }
}

extension Regimen {
    static let dayUnits: [String: Double] = [
        "day": 1, "days": 1, "d": 1, "week": 7, "weeks": 7, "w": 7,
        "month": 30.4375, "months": 30.4375, "year": 365.25, "years": 365.25, "y": 365.25,
    ]

    /// Parses the regimen grammar; errors point at the token.
    public init(parsing text: String) throws(RegimenError) {
        var tokens: [(String, Int)] = []
        var current = "", start = 0
        for (i, ch) in text.enumerated() {
            if ch == " " || ch == "\t" {
                if !current.isEmpty { tokens.append((current, start)); current = "" }
            } else {
                if current.isEmpty { start = i }
                current.append(ch)
            }
        }
        if !current.isEmpty { tokens.append((current, start)) }
        var pos = 0
        func fail(_ problem: String, _ accepted: String) -> RegimenError {
            if pos < tokens.count {
                return RegimenError(text: text, offset: tokens[pos].1, length: tokens[pos].0.count, problem: problem, accepted: accepted)
            }
            return RegimenError(text: text, offset: text.count, length: 1, problem: problem, accepted: accepted)
        }
        func peek() -> String? { pos < tokens.count ? tokens[pos].0.lowercased() : nil }
        func number(_ what: String) throws(RegimenError) -> Double {
            guard let t = peek(), let v = Double(t), v.isFinite else { throw fail("expected \(what)", "a number") }
            guard v > 0 else { throw fail("\(what) must be positive", "a number > 0") }
            pos += 1
            return v
        }
        func duration() throws(RegimenError) -> Double {
            let n = try number("a number of days, weeks, months or years")
            guard let u = peek(), let f = Self.dayUnits[u] else { throw fail("expected a time unit", "days, weeks, months, years") }
            pos += 1
            return n * f
        }
        var phases: [Phase] = []
        while true {
            let amount = try number("a dose amount")
            guard let ut = peek(), let unit = DoseUnit(token: ut) else { throw fail("expected a dose unit", DoseUnit.accepted) }
            pos += 1
            var route: Route?
            if let r = peek(), let parsed = ["po": Route.oral, "oral": .oral, "sc": .sc, "iv": .iv][r] {
                route = parsed
                pos += 1
            }
            var phase = Phase(amount: amount, unit: unit, route: route)
            switch peek() {
            case "once": pos += 1
            case "daily": phase.intervalDays = 1; pos += 1
            case "weekly": phase.intervalDays = 7; pos += 1
            case "monthly": phase.intervalDays = 30.4375; pos += 1
            case "every":
                pos += 1
                phase.intervalDays = try duration()
            default:
                throw fail("expected a schedule", "once, daily, weekly, monthly, every N days|weeks|months|years")
            }
            switch peek() {
            case "x":
                guard phase.intervalDays != nil else { throw fail("a single dose ('once') takes no count", "then, or the end") }
                pos += 1
                let c = try number("a dose count")
                guard c == c.rounded(), c <= 100_000 else { throw fail("the dose count must be a whole number up to 100000", "1, 2, 3, …") }
                phase.count = Int(c)
            case "for":
                guard phase.intervalDays != nil else { throw fail("a single dose ('once') takes no duration", "then, or the end") }
                pos += 1
                phase.durationDays = try duration()
            default: break
            }
            phases.append(phase)
            guard let next = peek() else { break }
            guard next == "then" else { throw fail("unexpected text", "x COUNT, for DURATION, then REGIMEN, or the end") }
            if phase.intervalDays != nil, phase.count == nil, phase.durationDays == nil {
                throw fail("'then' follows a phase that never ends", "give the phase before it 'x COUNT' or 'for DURATION'")
            }
            pos += 1
        }
        self.init(phases: phases)
    }
}
