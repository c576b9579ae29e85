import Foundation

/// Parses quantities with units as written in scenario files: `10 mg/day`, `6 months`,
/// `-3 months`, `70 mg`, `20 mg/L`. Every error names the field and the accepted units.
public enum Quantity {
    /// Days per unit of time (month = 30.4375 days, year = 365.25 days, as PRODUCT.md says).
    public static let timeUnits: [String: Double] = [
        "day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30.4375, "months": 30.4375, "year": 365.25, "years": 365.25,
    ]

    /// Splits "N unit" into number and unit text.
    static func split(_ node: InputNode) throws(InputError) -> (Double, String) {
        if node.isNull { throw node.error("missing value") }
        if node.value is Bool { throw node.error("expected a number with a unit") }
        if let n = node.value as? Int { return (Double(n), "") }
        if let d = node.value as? Double { return (d, "") }
        let text = try node.string().trimmingCharacters(in: .whitespaces)
        let scanner = Scanner(string: text)
        guard let number = scanner.scanDouble(), number.isFinite else {
            throw node.error("'\(text)' does not start with a number")
        }
        let unit = String(text[scanner.currentIndex...]).trimmingCharacters(in: .whitespaces)
        return (number, unit)
    }

    /// A time in days; negative allowed when `allowNegative`.
    public static func days(_ node: InputNode, allowNegative: Bool = false) throws(InputError) -> Double {
        let (n, unit) = try split(node)
        let accepted = "a number with a unit: days, weeks, months or years (e.g. '6 months')"
        if unit.isEmpty {
            if n == 0 { return 0 }
            throw node.error("'\(n)' has no unit", accepted: accepted)
        }
        guard let factor = timeUnits[unit.lowercased()] else {
            var problem = "unknown time unit '\(unit)'"
            if let g = closestMatch(to: unit, in: Array(timeUnits.keys).sorted()) { problem += " (did you mean '\(g)'?)" }
            throw node.error(problem, accepted: accepted)
        }
        if n < 0 && !allowNegative { throw node.error("must not be negative (\(n) \(unit))", accepted: accepted) }
        return n * factor
    }

    /// A daily dose in mg/day.
    public static func mgPerDay(_ node: InputNode) throws(InputError) -> Double {
        let (n, unit) = try split(node)
        let accepted = "a positive number with unit mg/day (e.g. '10 mg/day')"
        guard ["mg/day", "mg/d", "mg per day"].contains(unit.lowercased()) else {
            throw node.error(unit.isEmpty ? "dose '\(n)' has no unit" : "unit '\(unit)' is not a daily dose", accepted: accepted)
        }
        guard n > 0 else { throw node.error("dose must be positive, got \(n)", accepted: accepted) }
        return n
    }

    /// A single dose, returned in mg (IU returned as IU with `isIU`).
    public static func dose(_ node: InputNode) throws(InputError) -> (amount: Double, unit: String) {
        let (n, unit) = try split(node)
        let factors: [String: Double] = ["mg": 1, "g": 1000, "µg": 1e-3, "μg": 1e-3, "ug": 1e-3, "mcg": 1e-3]
        let accepted = "a positive number with unit mg, g, µg (ug, mcg) or IU"
        guard n > 0 else { throw node.error("dose must be positive, got \(n)", accepted: accepted) }
        if unit.uppercased() == "IU" { return (n, "IU") }
        guard let f = factors[unit] ?? factors[unit.lowercased()] else {
            throw node.error(unit.isEmpty ? "dose '\(n)' has no unit" : "unknown dose unit '\(unit)'", accepted: accepted)
        }
        return (n * f, "mg")
    }

    /// A concentration in mg/L (CRP).
    public static func mgPerLitre(_ node: InputNode) throws(InputError) -> Double {
        let (n, unit) = try split(node)
        let accepted = "a non-negative number with unit mg/L (e.g. '20 mg/L')"
        guard unit.lowercased() == "mg/l" else { throw node.error(unit.isEmpty ? "'\(n)' has no unit" : "unknown unit '\(unit)'", accepted: accepted) }
        guard n >= 0, n <= 500 else { throw node.error("\(n) mg/L is out of range", accepted: "0 to 500 mg/L") }
        return n
    }
}
