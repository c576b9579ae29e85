import Foundation
import OsteoODE

/// CSV, JSON and aligned-text renderings of a simulation table.
public enum TableWriter {
    static func number(_ v: Double) -> String {
        if v == 0 { return "0.0" }   // never "-0.0"
        if v == v.rounded() && abs(v) < 1e15 { return String(format: "%.1f", v) }
        return String(format: "%.6g", v)
    }

    /// `v` with `decimals` decimals, without a minus sign on a value that rounds to zero ("-0.000").
    static func fixed(_ v: Double, _ decimals: Int) -> String {
        let s = String(format: "%.\(decimals)f", v)
        return s.hasPrefix("-") && s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) ? String(s.dropFirst()) : s
    }

    /// The unit of a column, from its name's suffix (PRODUCT.md column names end in their unit).
    public static func unit(of column: String) -> String {
        let suffixes: [(String, String)] = [
            ("_pct", "%"), ("_ng_ml", "ng/mL"), ("_pg_ml", "pg/mL"), ("_mmol_l", "mmol/L"), ("_pmol_l", "pmol/L"),
            ("_mg_l", "mg/L"), ("_t_score", "SD"), ("_z_score", "SD"), ("_rr", "1 (relative risk)"), ("_rel", "1 (relative to baseline)"),
        ]
        if column == "day" { return "day" }
        return suffixes.first { column.hasSuffix($0.0) }?.1 ?? ""
    }

    public static func csv(_ t: SimulationTable) -> String {
        var s = t.columns.joined(separator: ",") + "\n"
        for r in t.rows { s += r.map(number).joined(separator: ",") + "\n" }
        return s
    }

    public static func json(_ t: SimulationTable) -> String {
        func q(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        let st = t.statistics
        var s = "{\"name\": \(q(t.name)), \"columns\": [" + t.columns.map(q).joined(separator: ", ") + "],\n"
        s += "\"units\": {" + t.columns.map { "\(q($0)): \(q(unit(of: $0)))" }.joined(separator: ", ") + "},\n\"rows\": [\n"
        s += t.rows.map { "  [" + $0.map(number).joined(separator: ", ") + "]" }.joined(separator: ",\n")
        s += "\n], \"solver\": {\"steps\": \(st.steps), \"rejected\": \(st.rejectedSteps), \"rhs_evals\": \(st.rhsEvaluations), "
        s += "\"jacobian_evals\": \(st.jacobianEvaluations), \"lu_decompositions\": \(st.luDecompositions)},\n"
        s += "\"warnings\": [" + t.warnings.map(q).joined(separator: ", ") + "],\n"
        s += "\"disclaimer\": \(q(OsteoSimInfo.disclaimer))}\n"
        return s
    }

    public static func text(_ t: SimulationTable) -> String {
        let header = t.columns
        let body = t.rows.map { r in r.enumerated().map { i, v in i == 0 ? fixed(v, 0) : fixed(v, 3) } }
        let widths = header.indices.map { c in ([header[c]] + body.map { $0[c] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in String(repeating: " ", count: widths[i] - c.count) + c }.joined(separator: "  ")
        }
        var s = (t.name.isEmpty ? "" : t.name + "\n") + line(header) + "\n"
        for b in body { s += line(b) + "\n" }
        for w in t.warnings { s += "warning: \(w)\n" }
        s += "\(OsteoSimInfo.disclaimer)\n"
        return s
    }
}
