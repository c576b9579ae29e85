/// One row of a component's parameter table: the single place where a parameter's external
/// name, unit, meaning, source and accepted range live. The value is read through the key path
/// from the stored property, so the table can never disagree with what the model uses.
public struct ParameterRow<P: ParameterSet>: @unchecked Sendable {
    // @unchecked: a key path literal is immutable; WritableKeyPath is not marked Sendable.
    /// The name users write (`parameters:` in scenarios, cohort variability, SBML ids): snake_case.
    public let name: String
    public let keyPath: WritableKeyPath<P, Double>
    public let unit: String
    public let meaning: String
    /// A citation, "assumed", "derived …" or "calibrated to <case>".
    public let source: String
    /// Values the model accepts for this parameter (an override outside it is refused).
    public let range: ClosedRange<Double>

    public init(_ name: String, _ keyPath: WritableKeyPath<P, Double>, _ unit: String, _ meaning: String,
                _ source: String, range: ClosedRange<Double>) {
        self.name = name
        self.keyPath = keyPath
        self.unit = unit
        self.meaning = meaning
        self.source = source
        self.range = range
    }
}

/// A component's parameters: a value type with defaults and one annotated table.
public protocol ParameterSet: Sendable, Equatable {
    /// The published/calibrated defaults.
    init()
    /// Every stored parameter, once (tested: every stored property appears exactly once).
    static var table: [ParameterRow<Self>] { get }
}

/// A documented parameter with its current value, independent of its component's type (for
/// `osteosim parameters`, docs/parameters.md and override errors).
public struct ParameterInfo: Sendable, Equatable, Codable {
    public let component: String
    public let name: String
    public let value: Double
    public let unit: String
    public let meaning: String
    public let source: String
    public let min: Double
    public let max: Double

    public init(component: String, name: String, value: Double, unit: String, meaning: String, source: String, min: Double, max: Double) {
        self.component = component
        self.name = name
        self.value = value
        self.unit = unit
        self.meaning = meaning
        self.source = source
        self.min = min
        self.max = max
    }
}

/// Why a parameter could not be looked up or overridden.
public enum ParameterError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknown(name: String, suggestion: String?)
    case outOfRange(name: String, value: Double, range: ClosedRange<Double>, unit: String)

    public var description: String {
        switch self {
        case let .unknown(name, suggestion):
            return "unknown parameter '\(name)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
                + "; `osteosim parameters` lists them"
        case let .outOfRange(name, value, range, unit):
            return "parameter '\(name)' = \(value) is outside its accepted range \(range.lowerBound) to \(range.upperBound)\(unit.isEmpty || unit == "-" ? "" : " " + unit)"
        }
    }
}

extension ParameterSet {
    /// The table row named `name`, or nil.
    public static func row(named name: String) -> ParameterRow<Self>? { table.first { $0.name == name } }

    /// The value of the parameter named `name`.
    public func value(named name: String) throws(ParameterError) -> Double {
        guard let row = Self.row(named: name) else {
            throw .unknown(name: name, suggestion: Self.closestName(to: name))
        }
        return self[keyPath: row.keyPath]
    }

    /// A copy with the parameter named `name` set to `value` (checked against its range).
    public func setting(_ name: String, to value: Double) throws(ParameterError) -> Self {
        guard let row = Self.row(named: name) else {
            throw .unknown(name: name, suggestion: Self.closestName(to: name))
        }
        guard value.isFinite, row.range.contains(value) else {
            throw .outOfRange(name: name, value: value, range: row.range, unit: row.unit)
        }
        var copy = self
        copy[keyPath: row.keyPath] = value
        return copy
    }

    /// Every row with this instance's value.
    public func info(component: String) -> [ParameterInfo] {
        Self.table.map {
            ParameterInfo(component: component, name: $0.name, value: self[keyPath: $0.keyPath], unit: $0.unit,
                          meaning: $0.meaning, source: $0.source, min: $0.range.lowerBound, max: $0.range.upperBound)
        }
    }

    /// The rows named `<prefix>_<name>`: one table shared by several drugs of a class
    /// (`alendronate_ec50`, `eldecalcitol_rankl_suppression`).
    public func info(component: String, prefix: String) -> [ParameterInfo] {
        info(component: component).map {
            ParameterInfo(component: $0.component, name: "\(prefix)_\($0.name)", value: $0.value, unit: $0.unit, meaning: $0.meaning,
                          source: $0.source, min: $0.min, max: $0.max)
        }
    }

    /// `setting(_:to:)` for a name carrying the class member's prefix.
    public func setting(_ name: String, to value: Double, prefix: String) throws(ParameterError) -> Self {
        let head = "\(prefix)_"
        guard name.hasPrefix(head) else { throw .unknown(name: name, suggestion: nil) }
        return try setting(String(name.dropFirst(head.count)), to: value)
    }

    static func closestName(to name: String) -> String? {
        ClosestName.find(name, among: table.map(\.name))
    }
}

/// Edit-distance suggestions for misspelt names (case-insensitive; close enough = at most
/// max(2, a third of the word's length) edits).
public enum ClosestName {
    public static func find(_ word: String, among candidates: [String]) -> String? {
        let w = word.lowercased()
        let best = candidates.map { ($0, distance(w, $0.lowercased())) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        for i in 1...a.count {
            var cur = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[b.count]
    }
}
