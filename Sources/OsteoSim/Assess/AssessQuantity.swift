import Foundation

/// Small parsers for the quantities of a patient file: daily doses ("10 mg/day") and times relative to today
/// ("-4 months"). Kept here so the assess input does not depend on the scenario unit parser.
enum AssessQuantity {
    /// Days per unit (PRODUCT.md: month = 30.4375 days, year = 365.25 days).
    static let timeUnits: [String: Double] = [
        "day": 1, "days": 1, "d": 1, "week": 7, "weeks": 7, "w": 7,
        "month": 30.4375, "months": 30.4375, "mo": 30.4375, "year": 365.25, "years": 365.25, "y": 365.25,
    ]
    /// Mass units to mg.
    static let massUnits: [String: Double] = ["mg": 1, "g": 1000, "µg": 0.001, "ug": 0.001, "mcg": 0.001]

    /// Splits "10 mg/day" into (10, "mg/day"); "10mg" into (10, "mg").
    static func split(_ s: String) -> (Double, String)? {
        let t = s.trimmingCharacters(in: .whitespaces)
        var end = t.startIndex
        for (i, ch) in zip(t.indices, t) {
            let sign = (ch == "-" || ch == "+") && i == t.startIndex
            guard ch.isASCII && (ch.isNumber || ch == "." || sign) else { break }
            end = t.index(after: i)
        }
        guard let v = Double(t[t.startIndex..<end]), v.isFinite else { return nil }
        return (v, t[end...].trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// A daily dose in mg/day: "10 mg/day", "10 mg/d", "0.5 g/day", "750 µg/day"; a bare number is rejected
    /// (the unit is required). Range: more than 0, at most 2000 mg/day.
    static func dailyDoseMg(_ node: InputNode) throws(InputError) -> Double {
        let accepted = "a dose per day such as '10 mg/day' (mg, g, µg/ug/mcg per day or /d), more than 0 and at most 2000 mg/day"
        let text: String
        do { text = try node.string() } catch { throw node.error("expected a dose per day", accepted: accepted) }
        guard let (v, unit) = split(text) else { throw node.error("'\(text)' is not a dose", accepted: accepted) }
        let parts = unit.replacingOccurrences(of: " ", with: "").split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let scale = massUnits[String(parts[0])], ["day", "d"].contains(String(parts[1])) else {
            throw node.error("'\(text)' has no daily dose unit", accepted: accepted)
        }
        let mg = v * scale
        guard mg > 0 && mg <= 2000 else { throw node.error("\(formatted(mg)) mg/day is out of range", accepted: accepted) }
        return mg
    }

    /// A time relative to today in days: "-4 months", "0", "2 weeks", "-1 year". Range ±50 years.
    static func relativeDays(_ node: InputNode) throws(InputError) -> Double {
        let accepted = "a time relative to today such as '-4 months' or '0' (days, weeks, months, years; negative = past), within ±50 years"
        if let n = node.value as? Int, n == 0 { return 0 }
        let text: String
        do { text = try node.string() } catch { throw node.error("expected a time", accepted: accepted) }
        guard let (v, unit) = split(text) else { throw node.error("'\(text)' is not a time", accepted: accepted) }
        if unit.isEmpty && v == 0 { return 0 }
        guard let scale = timeUnits[unit] else {
            var problem = "'\(text)' has no time unit"
            if !unit.isEmpty, let guess = closestMatch(to: unit, in: Array(timeUnits.keys).sorted()) { problem += " (did you mean '\(guess)'?)" }
            throw node.error(problem, accepted: accepted)
        }
        let days = v * scale
        guard abs(days) <= 50 * 365.25 else { throw node.error("'\(text)' is out of range", accepted: accepted) }
        return days
    }

    static func formatted(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e12 ? String(Int(x)) : String(x)
    }
}
