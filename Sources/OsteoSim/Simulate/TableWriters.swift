import Foundation
import OsteoODE

/// CSV, JSON and aligned-text renderings of a simulation table.
public enum TableWriter {
    static func number(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(format: "%.1f", v) }
        return String(format: "%.6g", v)
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
        var s = "{\"name\": \(q(t.name)), \"columns\": [" + t.columns.map(q).joined(separator: ", ") + "], \"rows\": [\n"
        s += t.rows.map { "  [" + $0.map(number).joined(separator: ", ") + "]" }.joined(separator: ",\n")
        s += "\n], \"solver\": {\"steps\": \(st.steps), \"rejected\": \(st.rejectedSteps), \"rhs_evals\": \(st.rhsEvaluations), "
        s += "\"jacobian_evals\": \(st.jacobianEvaluations), \"lu_decompositions\": \(st.luDecompositions)}}\n"
        return s
    }

    public static func text(_ t: SimulationTable) -> String {
        let header = t.columns
        let body = t.rows.map { r in r.enumerated().map { i, v in i == 0 ? String(format: "%.0f", v) : String(format: "%.3f", v) } }
        let widths = header.indices.map { c in ([header[c]] + body.map { $0[c] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in String(repeating: " ", count: widths[i] - c.count) + c }.joined(separator: "  ")
        }
        var s = (t.name.isEmpty ? "" : t.name + "\n") + line(header) + "\n"
        for b in body { s += line(b) + "\n" }
        s += "\(OsteoSimInfo.disclaimer)\n"
        return s
    }
}
