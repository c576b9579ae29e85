import Foundation

/// Parses the quantities with units of scenario and patient files: daily doses (`10 mg/day`),
/// times (`6 months`, `-3 months`), single doses (`70 mg`, `60 µg`, `800 IU`) and concentrations
/// (`20 mg/L`). Every error names the field and the accepted forms; nothing is clamped.
public enum Quantity {
    /// Days per unit (PRODUCT.md: month = 30.4375 days, year = 365.25 days).
    public static let timeUnits: [String: Double] = [
        "day": 1, "days": 1, "d": 1, "week": 7, "weeks": 7, "w": 7,
        "month": 30.4375, "months": 30.4375, "mo": 30.4375, "year": 365.25, "years": 365.25, "y": 365.25,
    ]
    /// Mass units to mg.
    public static let massUnits: [String: Double] = ["mg": 1, "g": 1000, "µg": 0.001, "μg": 0.001, "ug": 0.001, "mcg": 0.001]

    /// Splits "10 mg/day" into (10, "mg/day") and "10mg" into (10, "mg"); the unit is lower-cased.
    static func split(_ s: String) -> (Double, String)? {
        let t = s.trimmingCharacters(in: .whitespaces)
        var end = t.startIndex
        for (i, ch) in zip(t.indices, t) {
            let sign = (ch == "-" || ch == "+") && i == t.startIndex
            let exponent = (ch == "e" || ch == "E") && i != t.startIndex
            guard ch.isASCII && (ch.isNumber || ch == "." || sign || exponent) else { break }
            end = t.index(after: i)
        }
        guard let v = Double(t[t.startIndex..<end]), v.isFinite else { return nil }
        return (v, t[end...].trimmingCharacters(in: .whitespaces).lowercased())
    }

    static func text(_ node: InputNode, _ accepted: String) throws(InputError) -> String {
        if node.isNull { throw node.error("missing value", accepted: accepted) }
        if node.value is Bool { throw node.error("expected a quantity with a unit", accepted: accepted) }
        do { return try node.string() } catch { throw node.error("expected a quantity with a unit", accepted: accepted) }
    }

    /// A daily dose in mg/day: "10 mg/day", "10 mg/d", "0.5 g/day", "750 µg/day". A bare number
    /// is rejected (the unit is required). Range: more than 0, at most 2000 mg/day.
    public static func dailyDoseMg(_ node: InputNode) throws(InputError) -> Double {
        let accepted = "a dose per day such as '10 mg/day' (mg, g, µg/ug/mcg per day or /d), more than 0 and at most 2000 mg/day"
        let t = try text(node, accepted)
        guard let (v, unit) = split(t) else { throw node.error("'\(t)' is not a dose", accepted: accepted) }
        let parts = unit.replacingOccurrences(of: " ", with: "").split(separator: "/", omittingEmptySubsequences: false)
        if unit.isEmpty { throw node.error("dose '\(t)' has no unit", accepted: accepted) }
        guard parts.count == 2 else {
            throw node.error("'\(t)' is not a dose per day (expected mass/day, e.g. mg/day)", accepted: accepted)
        }
        guard let scale = massUnits[String(parts[0])] else {
            var problem = "unknown mass unit '\(parts[0])' in '\(t)'"
            if let guess = closestMatch(to: String(parts[0]), in: Array(massUnits.keys).sorted()) { problem += " (did you mean '\(guess)'?)" }
            throw node.error(problem, accepted: accepted)
        }
        guard ["day", "d"].contains(String(parts[1])) else {
            throw node.error("unknown time unit '/\(parts[1])' in '\(t)' (a daily dose is per day)", accepted: accepted)
        }
        let mg = v * scale
        guard mg > 0 && mg <= 2000 else { throw node.error("\(formatted(mg)) mg/day is out of range", accepted: accepted) }
        return mg
    }

    /// A time in days: "6 months", "2 weeks", "-1 year" (negative only when `allowNegative`), or a
    /// bare 0. Its magnitude must be at most `maxYears` years.
    public static func days(_ node: InputNode, allowNegative: Bool = false, maxYears: Double = 100) throws(InputError) -> Double {
        let accepted = "a time such as '6 months' (days, weeks, months, years)" + (allowNegative ? "; negative = before day 0" : "")
            + ", at most \(formatted(maxYears)) years"
        if let n = node.value as? Int, n == 0 { return 0 }
        let t = try text(node, accepted)
        guard let (v, unit) = split(t) else { throw node.error("'\(t)' is not a time", accepted: accepted) }
        if unit.isEmpty && v == 0 { return 0 }
        guard let scale = timeUnits[unit] else {
            var problem = unit.isEmpty ? "'\(t)' has no time unit" : "unknown time unit '\(unit)'"
            if !unit.isEmpty, let guess = closestMatch(to: unit, in: Array(timeUnits.keys).sorted()) { problem += " (did you mean '\(guess)'?)" }
            throw node.error(problem, accepted: accepted)
        }
        let d = v * scale
        if d < 0 && !allowNegative { throw node.error("must not be negative ('\(t)')", accepted: accepted) }
        guard abs(d) <= maxYears * 365.25 else { throw node.error("'\(t)' is out of range", accepted: accepted) }
        return d
    }

    /// A single dose: mass in mg (from mg, g, µg/ug/mcg) or an amount in IU.
    public static func dose(_ node: InputNode) throws(InputError) -> (amount: Double, unit: String) {
        let accepted = "a positive amount with unit mg, g, µg (ug, mcg) or IU, e.g. '70 mg'"
        let t = try text(node, accepted)
        guard let (v, unit) = split(t) else { throw node.error("'\(t)' is not a dose", accepted: accepted) }
        guard v > 0 else { throw node.error("dose must be more than 0, got '\(t)'", accepted: accepted) }
        if unit == "iu" { return (v, "IU") }
        guard let scale = massUnits[unit] else {
            throw node.error(unit.isEmpty ? "dose '\(t)' has no unit" : "unknown dose unit '\(unit)'", accepted: accepted)
        }
        return (v * scale, "mg")
    }

    /// A concentration in mg/L (CRP), 0 to 500.
    public static func mgPerLitre(_ node: InputNode) throws(InputError) -> Double {
        let accepted = "a number with unit mg/L, 0 to 500 (e.g. '20 mg/L')"
        let t = try text(node, accepted)
        guard let (v, unit) = split(t), unit.replacingOccurrences(of: " ", with: "") == "mg/l" else {
            throw node.error("'\(t)' is not a concentration in mg/L", accepted: accepted)
        }
        guard v >= 0, v <= 500 else { throw node.error("\(formatted(v)) mg/L is out of range", accepted: accepted) }
        return v
    }

    static func formatted(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e12 ? String(Int(x)) : String(x)
    }
}
