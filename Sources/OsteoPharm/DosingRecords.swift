import Foundation
import OsteoModel

/// NONMEM-style dosing records (CSV, one row a dose), a second way into the same doses as a
/// scenario's `treatments:`. Columns (header required, any order, case-insensitive): `TIME`
/// (days from day 0), `DRUG`, `AMT`, `UNIT`, optional `ROUTE`, `II` (interdose interval,
/// days), `ADDL` (additional doses), `RATE` (amount per day: a zero-order infusion), `EVID`
/// (1 = dose; anything else is refused).
public enum DosingRecords {
    public struct RecordError: Error, Equatable, Sendable, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let column: String
        public let problem: String
        public let accepted: String
        public var description: String {
            "\(file):\(line): \(column.isEmpty ? "" : "column \(column): ")\(problem)" + (accepted.isEmpty ? "" : " (accepted: \(accepted))")
        }
    }

    static let known = ["TIME", "DRUG", "AMT", "UNIT", "ROUTE", "II", "ADDL", "RATE", "EVID"]
    /// At most this many doses after ADDL expansion (a guard against runaway input).
    public static let maximumDoses = 200_000

    /// Parses the CSV text; `drugIDs` are the accepted DRUG values.
    public static func parse(_ text: String, file: String, drugIDs: [String]) throws(RecordError) -> [Dose] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        guard let headerIndex = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw RecordError(file: file, line: 1, column: "", problem: "empty file", accepted: "a header line: TIME,DRUG,AMT,UNIT[,ROUTE,II,ADDL,RATE,EVID]")
        }
        let header = lines[headerIndex].split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        for h in header where !known.contains(h) {
            throw RecordError(file: file, line: headerIndex + 1, column: h, problem: "unknown column", accepted: known.joined(separator: ", "))
        }
        for required in ["TIME", "DRUG", "AMT", "UNIT"] where !header.contains(required) {
            throw RecordError(file: file, line: headerIndex + 1, column: required, problem: "required column is missing", accepted: known.joined(separator: ", "))
        }
        var doses: [Dose] = []
        for (index, raw) in lines.enumerated() where index > headerIndex {
            let lineNumber = index + 1
            if raw.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let cells = raw.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == header.count else {
                throw RecordError(file: file, line: lineNumber, column: "", problem: "has \(cells.count) fields, the header has \(header.count)", accepted: "")
            }
            func cell(_ name: String) -> String? {
                header.firstIndex(of: name).map { cells[$0] }.flatMap { $0.isEmpty || $0 == "." ? nil : $0 }
            }
            func number(_ name: String, min: Double) throws(RecordError) -> Double? {
                guard let c = cell(name) else { return nil }
                guard let v = Double(c), v.isFinite else {
                    throw RecordError(file: file, line: lineNumber, column: name, problem: "'\(c)' is not a number", accepted: "a number")
                }
                guard v >= min else {
                    throw RecordError(file: file, line: lineNumber, column: name, problem: "\(c) is below \(min)", accepted: "a number ≥ \(min)")
                }
                return v
            }
            if let evid = cell("EVID"), evid != "1" {
                throw RecordError(file: file, line: lineNumber, column: "EVID", problem: "EVID \(evid) is not supported", accepted: "1 (dose)")
            }
            guard let time = try number("TIME", min: -36_525) else {
                throw RecordError(file: file, line: lineNumber, column: "TIME", problem: "missing", accepted: "days from day 0")
            }
            guard let drug = cell("DRUG") else {
                throw RecordError(file: file, line: lineNumber, column: "DRUG", problem: "missing", accepted: drugIDs.joined(separator: ", "))
            }
            guard drugIDs.contains(drug) else {
                throw RecordError(file: file, line: lineNumber, column: "DRUG", problem: "unknown drug '\(drug)'", accepted: drugIDs.joined(separator: ", "))
            }
            guard let amount = try number("AMT", min: 0), amount > 0 else {
                throw RecordError(file: file, line: lineNumber, column: "AMT", problem: "missing or zero", accepted: "a positive amount")
            }
            guard let unitText = cell("UNIT"), let unit = DoseUnit(token: unitText) else {
                throw RecordError(file: file, line: lineNumber, column: "UNIT", problem: "missing or unknown unit", accepted: DoseUnit.accepted)
            }
            var route: Route?
            if let r = cell("ROUTE") {
                guard let parsed = ["po": Route.oral, "oral": .oral, "sc": .sc, "iv": .iv][r.lowercased()] else {
                    throw RecordError(file: file, line: lineNumber, column: "ROUTE", problem: "unknown route '\(r)'", accepted: "oral (po), sc, iv")
                }
                route = parsed
            }
            let rate = try number("RATE", min: 0)
            if let rate, rate == 0 {
                throw RecordError(file: file, line: lineNumber, column: "RATE", problem: "an infusion rate of 0 never ends", accepted: "a positive amount per day, or empty for a bolus")
            }
            let addl = try number("ADDL", min: 0) ?? 0
            guard addl == addl.rounded() else {
                throw RecordError(file: file, line: lineNumber, column: "ADDL", problem: "must be a whole number", accepted: "0, 1, 2, …")
            }
            let ii = try number("II", min: 0)
            if addl > 0 && (ii ?? 0) <= 0 {
                throw RecordError(file: file, line: lineNumber, column: "II", problem: "ADDL > 0 needs a positive interdose interval", accepted: "days between doses")
            }
            guard doses.count + Int(addl) + 1 <= maximumDoses else {
                throw RecordError(file: file, line: lineNumber, column: "ADDL", problem: "more than \(maximumDoses) doses in all", accepted: "fewer doses")
            }
            for k in 0...Int(addl) {
                doses.append(Dose(time: time + Double(k) * (ii ?? 0), drug: drug, amount: amount, unit: unit, route: route, rate: rate))
            }
        }
        return doses.sorted { $0.time < $1.time }
    }
}
