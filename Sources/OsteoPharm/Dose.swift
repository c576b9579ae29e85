import OsteoModel

/// Units a dose may be written in.
public enum DoseUnit: String, Sendable, CaseIterable, Codable {
    case mg, g, ug, iu = "IU"

    /// Parses `mg`, `g`, `µg`/`ug`/`mcg`, `IU` (case-insensitive for the letters).
    public init?(token: String) {
        switch token.lowercased() {
        case "mg": self = .mg
        case "g": self = .g
        case "µg", "μg", "ug", "mcg": self = .ug
        case "iu": self = .iu
        default: return nil
        }
    }

    public static let accepted = "mg, g, µg (also ug, mcg), IU"

    /// mg per unit, or nil for IU (whose mass depends on the drug).
    public var milligrams: Double? {
        switch self {
        case .mg: 1
        case .g: 1000
        case .ug: 0.001
        case .iu: nil
        }
    }
}

/// One administration (mrgsolve's `ev`): a bolus at `time`, or a zero-order infusion at
/// `rate` amount-units per day from `time` until the amount is given.
public struct Dose: Sendable, Equatable {
    /// Days from day 0 (negative = before the simulation).
    public var time: Double
    public var drug: String
    public var amount: Double
    public var unit: DoseUnit
    public var route: Route?
    /// Infusion rate in `unit` per day; nil = bolus.
    public var rate: Double?

    public init(time: Double, drug: String, amount: Double, unit: DoseUnit, route: Route? = nil, rate: Double? = nil) {
        self.time = time
        self.drug = drug
        self.amount = amount
        self.unit = unit
        self.route = route
        self.rate = rate
    }

    /// End of an infusion (equal to `time` for a bolus).
    public var endTime: Double { rate.map { time + amount / $0 } ?? time }
}
