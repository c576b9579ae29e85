import Foundation

/// One endpoint's outcome.
public struct ValidationResult: Sendable {
    public var caseID: String
    public var endpoint: String
    public var day: Double
    public var published: Double
    public var simulated: Double?
    public var tolerance: Double
    public var pass: Bool
    public var role: String
    /// Why there is no simulated value (the case could not run, or the column does not exist).
    public var note: String?
}

public enum ValidationRunner {
    public static func run(_ c: ValidationCase) -> [ValidationResult] {
        let days = c.endpoints.flatMap { [$0.day] + ($0.fromDay.map { [$0] } ?? []) }
        var tables: [String: SimulationTable] = [:]
        var failures: [String: String] = [:]
        for (name, scenario) in c.arms {
            do { tables[name] = try SimulationRunner.run(scenario, extraDays: days) } catch { failures[name] = error.description }
        }
        func value(_ arm: String, _ output: String, _ day: Double) -> (Double?, String?) {
            if let f = failures[arm] { return (nil, f) }
            guard let t = tables[arm] else { return (nil, "no arm '\(arm)'") }
            guard let col = t.column(output) else { return (nil, "column '\(output)' is not produced by the model") }
            guard let dayCol = t.column("day"), let i = dayCol.firstIndex(where: { abs($0 - day) < 1e-9 }) else {
                return (nil, "day \(day) is outside the simulated span")
            }
            return (col[i], nil)
        }
        /// A statistic over the output days in [from, to] of one arm.
        func statistic(_ e: ValidationCase.Endpoint, _ arm: String) -> (Double?, String?) {
            if let f = failures[arm] { return (nil, f) }
            guard let t = tables[arm], let col = t.column(e.output), let dayCol = t.column("day") else {
                return (nil, "column '\(e.output)' is not produced by the model")
            }
            let from = e.fromDay ?? 0
            if e.statistic == .halfLife {
                let (a, na) = value(arm, e.output, from), (b, nb) = value(arm, e.output, e.day)
                guard let a, let b else { return (nil, na ?? nb) }
                guard a > 0, b > 0, a > b else { return (nil, "no decline of \(e.output) between day \(from) and \(e.day)") }
                return (log(2) * (e.day - from) / log(a / b), nil)
            }
            let window = dayCol.indices.filter { dayCol[$0] >= from - 1e-9 && dayCol[$0] <= e.day + 1e-9 }
            guard let first = window.first else { return (nil, "no output days between \(from) and \(e.day)") }
            var best = first
            for i in window where e.statistic == .min ? col[i] < col[best] : col[i] > col[best] { best = i }
            return (e.statistic == .dayOfMax ? dayCol[best] : col[best], nil)
        }
        return c.endpoints.map { e in
            var simulated: Double?
            var note: String?
            var name = e.label ?? e.output
            if let mix = e.mixture {
                var sum = 0.0, weights = 0.0
                for (arm, w) in mix {
                    let (x, n) = value(arm, e.output, e.day)
                    var vx = x
                    if let from = e.fromDay, let end = x {
                        let (start, ns) = value(arm, e.output, from)
                        vx = start.map { end - $0 }
                        if vx == nil { note = ns }
                    }
                    guard let vx else { note = note ?? n; sum = .nan; break }
                    sum += w * vx
                    weights += w
                }
                if sum.isFinite, weights > 0 { simulated = sum / weights }
                if e.label == nil { name = "\(e.output) (mixture of \(mix.map(\.arm).joined(separator: ", ")))" }
            } else if let d = e.difference, e.statistic == .bmdRelativeRisk || e.statistic == .relativeRisk {
                let (a1, n1) = value(d[0], "lumbar_spine_bmd_rel", e.day), (b1, n2) = value(d[1], "lumbar_spine_bmd_rel", e.day)
                let (a2, n3) = value(d[0], "total_hip_bmd_rel", e.day), (b2, n4) = value(d[1], "total_hip_bmd_rel", e.day)
                let (a3, n5) = value(d[0], "ctx_ng_ml", e.day), (b3, n6) = value(d[1], "ctx_ng_ml", e.day)
                if let a1, let b1, let a2, let b2, let a3, let b3, let patient = c.arms.first(where: { $0.name == d[0] })?.scenario.patient {
                    simulated = e.statistic == .relativeRisk
                        ? FractureRisk.treatmentRelativeRisk(e.output, sex: patient.sex, spineTScore: patient.lumbarSpineTScore,
                                                             hipTScore: patient.totalHipTScore, spineRel: (a1, b1), hipRel: (a2, b2), ctx: (a3, b3))
                        : FractureRisk.bmdRelativeRisk(e.output, sex: patient.sex, spineTScore: patient.lumbarSpineTScore,
                                                       hipTScore: patient.totalHipTScore, spineRel: (a1, b1), hipRel: (a2, b2))
                    if simulated == nil { note = "'\(e.output)' is not a fracture relative risk" }
                } else { note = n1 ?? n2 ?? n3 ?? n4 ?? n5 ?? n6 }
                if e.label == nil { name = "\(e.output) \(e.statistic == .relativeRisk ? "" : "from BMD ")(\(d[0]) / \(d[1]))" }
            } else if let d = e.difference {
                let (a, na) = value(d[0], e.output, e.day), (b, nb) = value(d[1], e.output, e.day)
                if let a, let b { simulated = a - b } else { note = na ?? nb }
                if e.label == nil { name = "\(e.output) (\(d[0]) − \(d[1]))" }
            } else if e.statistic != .value {
                let arm = e.arm ?? c.arms.first?.name ?? ""
                (simulated, note) = statistic(e, arm)
                if e.label == nil { name = "\(e.statistic.rawValue)(\(e.output))" }
            } else {
                let arm = e.arm ?? c.arms.first?.name ?? ""
                (simulated, note) = value(arm, e.output, e.day)
                if let from = e.fromDay, let end = simulated {
                    // A change within the arm: value at `day` minus value at `from_day`.
                    let (start, ns) = value(arm, e.output, from)
                    if let start { simulated = end - start } else { simulated = nil; note = ns }
                }
                if let a = e.arm, e.label == nil { name = "\(e.output) [\(a)]" }
            }
            let pass = simulated.map { v -> Bool in
                switch e.bound {
                case .atMost: return v <= e.published + e.tolerance + 1e-12
                case .atLeast: return v >= e.published - e.tolerance - 1e-12
                case nil: return abs(v - e.published) <= e.tolerance + 1e-12
                }
            } ?? false
            return ValidationResult(caseID: c.id, endpoint: name, day: e.day, published: e.published, simulated: simulated,
                                    tolerance: e.tolerance, pass: pass, role: c.role, note: note)
        }
    }
}

/// Renderings of validation results.
public enum ValidationReport {
    public static func json(_ results: [ValidationResult]) -> String {
        func q(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        func n(_ v: Double?) -> String { v.map { String(format: "%.6g", $0) } ?? "null" }
        let rows = results.map { r in
            "  {\"case\": \(q(r.caseID)), \"endpoint\": \(q(r.endpoint)), \"day\": \(n(r.day)), \"published\": \(n(r.published)), "
                + "\"simulated\": \(n(r.simulated)), \"tolerance\": \(n(r.tolerance)), \"pass\": \(r.pass), \"role\": \(q(r.role))"
                + (r.note.map { ", \"note\": \(q($0))" } ?? "") + "}"
        }
        return "[\n" + rows.joined(separator: ",\n") + "\n]\n"
    }

    public static func table(_ results: [ValidationResult]) -> String {
        let header = ["case", "endpoint", "day", "published", "simulated", "tol", "result"]
        let body = results.map { r in
            [r.caseID, r.endpoint, String(format: "%.0f", r.day), String(format: "%.3g", r.published),
             r.simulated.map { String(format: "%.3g", $0) } ?? "—", String(format: "±%.3g", r.tolerance),
             (r.pass ? "pass" : "MISS") + (r.role == "calibration" ? " (calibration)" : "") + (r.note.map { " — \($0)" } ?? "")]
        }
        let widths = header.indices.map { c in ([header[c]] + body.map { $0[c] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in i == cells.count - 1 ? c : c.padding(toLength: widths[i], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }
        var s = line(header) + "\n"
        for b in body { s += line(b) + "\n" }
        let passed = results.filter(\.pass).count
        s += "\n\(passed) passed, \(results.count - passed) failed\n"
        return s
    }

    /// docs/validation.md: every endpoint, simulated vs published, pass or miss, nothing hidden.
    public static func markdown(_ cases: [ValidationCase], _ results: [ValidationResult], date: String, machine: String) -> String {
        var s = "# Validation report\n\nGenerated by `swift run osteosim validate --markdown > docs/validation.md` on \(date) (\(machine)). "
        s += "Every case in validation/cases is listed; a MISS is reported, never hidden. Cases marked *calibration* were used to fit a "
        s += "parameter (see docs/model.md) and are checks of the fit, not independent validation.\n\n"
        s += "| case | endpoint | day | published | simulated | tolerance | result | citation |\n|---|---|---|---|---|---|---|---|\n"
        for r in results {
            let c = cases.first { $0.id == r.caseID }
            s += "| \(r.caseID) | \(r.endpoint) | \(Int(r.day)) | \(String(format: "%.3g", r.published)) | "
            s += (r.simulated.map { String(format: "%.3g", $0) } ?? "—") + " | ±\(String(format: "%.3g", r.tolerance)) | "
            s += (r.pass ? "pass" : "**MISS**") + (r.role == "calibration" ? " (calibration)" : "") + (r.note.map { " — \($0)" } ?? "")
            s += " | \(c?.citation ?? "") [\(c?.status ?? "")] |\n"
        }
        let passed = results.filter(\.pass).count
        s += "\n\(passed) of \(results.count) endpoints within tolerance.\n"
        let fitted = cases.filter { !$0.calibrates.isEmpty }
        if !fitted.isEmpty {
            s += "\n## What each calibration case fitted\n\n| case | parameters fitted to it |\n|---|---|\n"
            for c in fitted { s += "| \(c.id) | " + c.calibrates.map { "`\($0)`" }.joined(separator: ", ") + " |\n" }
        }
        s += "\n\(OsteoSimInfo.disclaimer)\n"
        return s
    }
}
