import Foundation
import GRDB
import OsteoSim

/// Summary statistics of a trial store, computed from the store (never from trajectories held in memory): per arm,
/// output time and endpoint n, mean, SD and percentiles; between-arm differences with 95% confidence intervals;
/// the share of patients at or below T = −2.5 and the share crossing it. Values are read in a fixed order (sorted,
/// or by patient), so the same per-patient results give the same bits whatever the thread count or sharding.
public struct TrialSummary: Sendable {
    public struct ArmCount: Sendable {
        public var arm: String
        public var patients: Int
        public var simulated: Int
        public var failed: Int
        /// The first failures (id and reason); every failure is in results.sqlite.
        public var failures: [(id: Int, reason: String)]
    }
    public struct Statistic: Sendable {
        public var arm: String, day: Double, endpoint: String
        public var n: Int
        public var mean: Double, sd: Double
        /// p5, p25, p50, p75, p95.
        public var percentiles: [Double]
    }
    public struct Difference: Sendable {
        public var arm: String, reference: String, day: Double, endpoint: String
        public var n: Int, nReference: Int
        public var difference: Double, low: Double, high: Double
        /// "welch" (parallel groups) or "paired".
        public var method: String
    }
    public struct Threshold: Sendable {
        public var arm: String, day: Double, column: String
        public var n: Int
        /// % of patients with T ≤ −2.5 at this time.
        public var atOrBelowPct: Double
        /// % of the patients above −2.5 at day 0 who are at or below it at this time (nil: none above at day 0).
        public var crossedPct: Double?
        public var aboveAtBaseline: Int
    }

    public static let percentiles = [0.05, 0.25, 0.5, 0.75, 0.95]
    public static let osteoporosisThreshold = -2.5
    public static let maxListedFailures = 20

    public var info: StoreInfo
    public var arms: [ArmCount]
    public var statistics: [Statistic]
    public var differences: [Difference]
    public var thresholds: [Threshold]
    public var checksum: String
    public var totalSteps: Int
    /// True for one shard of a sharded trial (the summary covers that shard only).
    public var partial: Bool { !info.merged && info.shard.count > 1 }

    public static func compute(_ store: TrialStore) throws(TrialError) -> TrialSummary {
        let info = store.info
        let q = TrialStore.quoted
        let checksum = try store.checksum()
        return try store.read { db in
            var arms: [ArmCount] = []
            for (a, name) in info.arms.enumerated() {
                let ok = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM patients WHERE arm = ? AND status = 'ok'", arguments: [a]) ?? 0
                let failed = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM patients WHERE arm = ? AND status = 'failed'", arguments: [a]) ?? 0
                let list = try Row.fetchAll(db, sql: "SELECT id, reason FROM patients WHERE arm = ? AND status = 'failed' ORDER BY id LIMIT ?",
                                            arguments: [a, maxListedFailures]).map { (id: $0["id"] as Int, reason: ($0["reason"] as String?) ?? "") }
                var expectedInShard = info.merged ? info.patientsPerArm : 0
                if !info.merged { for m in 0..<info.patientsPerArm where info.shard.contains(a * info.patientsPerArm + m) { expectedInShard += 1 } }
                arms.append(ArmCount(arm: name, patients: expectedInShard, simulated: ok, failed: failed, failures: list))
            }
            let totalSteps = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(steps), 0) FROM patients") ?? 0
            var stats: [Statistic] = []
            for (a, name) in info.arms.enumerated() {
                for (t, day) in info.outputDays.enumerated() {
                    for c in info.columns {
                        let n = try Int.fetchOne(db, sql: "SELECT COUNT(\(q(c))) FROM outcomes WHERE arm = ? AND time_index = ?", arguments: [a, t]) ?? 0
                        guard n > 0 else { continue }
                        var m = RunningMoments()
                        var pct = StreamingPercentiles(n: n, probabilities: percentiles)
                        let cursor = try Double.fetchCursor(db, sql: "SELECT \(q(c)) FROM outcomes WHERE arm = ? AND time_index = ? AND \(q(c)) IS NOT NULL ORDER BY \(q(c))",
                                                            arguments: [a, t])
                        while let v = try cursor.next() { m.add(v); pct.add(v) }
                        stats.append(Statistic(arm: name, day: day, endpoint: c, n: m.n, mean: m.mean, sd: m.sd, percentiles: pct.values))
                    }
                }
            }
            var diffs: [Difference] = []
            let ref = info.referenceArm
            for (a, name) in info.arms.enumerated() where a != ref {
                for (t, day) in info.outputDays.enumerated() {
                    for c in info.endpoints {
                        if info.design == .paired {
                            let cursor = try Double.fetchCursor(db, sql: """
                                SELECT x.\(q(c)) - r.\(q(c)) FROM outcomes x JOIN outcomes r ON r.arm = ? AND r.time_index = x.time_index AND r.member = x.member
                                WHERE x.arm = ? AND x.time_index = ? AND x.\(q(c)) IS NOT NULL AND r.\(q(c)) IS NOT NULL ORDER BY x.member
                                """, arguments: [ref, a, t])
                            var m = RunningMoments()
                            while let v = try cursor.next() { m.add(v) }
                            guard m.n > 0 else { continue }
                            let half = m.n > 1 ? StudentT.quantile(0.975, df: Double(m.n - 1)) * m.sd / Double(m.n).squareRoot() : .nan
                            diffs.append(Difference(arm: name, reference: info.arms[ref], day: day, endpoint: c, n: m.n, nReference: m.n,
                                                    difference: m.mean, low: m.mean - half, high: m.mean + half, method: "paired"))
                        } else {
                            guard let x = stats.first(where: { $0.arm == name && $0.day == day && $0.endpoint == c }),
                                  let r = stats.first(where: { $0.arm == info.arms[ref] && $0.day == day && $0.endpoint == c }) else { continue }
                            let d = x.mean - r.mean
                            let vx = x.sd * x.sd / Double(x.n), vr = r.sd * r.sd / Double(r.n)
                            let se = (vx + vr).squareRoot()
                            var half = Double.nan
                            if x.n > 1 && r.n > 1 {
                                if se == 0 {
                                    half = 0
                                } else {
                                    // Welch–Satterthwaite degrees of freedom.
                                    let df = (vx + vr) * (vx + vr) / (vx * vx / Double(x.n - 1) + vr * vr / Double(r.n - 1))
                                    half = StudentT.quantile(0.975, df: df) * se
                                }
                            }
                            diffs.append(Difference(arm: name, reference: r.arm, day: day, endpoint: c, n: x.n, nReference: r.n,
                                                    difference: d, low: d - half, high: d + half, method: "welch"))
                        }
                    }
                }
            }
            var thresholds: [Threshold] = []
            let limit = osteoporosisThreshold
            for c in info.columns where c.hasSuffix("_t_score") {
                for (a, name) in info.arms.enumerated() {
                    let above = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outcomes WHERE arm = ? AND time_index = 0 AND \(q(c)) > ?", arguments: [a, limit]) ?? 0
                    for (t, day) in info.outputDays.enumerated() {
                        let n = try Int.fetchOne(db, sql: "SELECT COUNT(\(q(c))) FROM outcomes WHERE arm = ? AND time_index = ?", arguments: [a, t]) ?? 0
                        guard n > 0 else { continue }
                        let le = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outcomes WHERE arm = ? AND time_index = ? AND \(q(c)) <= ?", arguments: [a, t, limit]) ?? 0
                        let crossed = try Int.fetchOne(db, sql: """
                            SELECT COUNT(*) FROM outcomes x JOIN outcomes b ON b.arm = x.arm AND b.member = x.member AND b.time_index = 0
                            WHERE x.arm = ? AND x.time_index = ? AND b.\(q(c)) > ? AND x.\(q(c)) <= ?
                            """, arguments: [a, t, limit, limit]) ?? 0
                        thresholds.append(Threshold(arm: name, day: day, column: c, n: n, atOrBelowPct: 100 * Double(le) / Double(n),
                                                    crossedPct: above > 0 ? 100 * Double(crossed) / Double(above) : nil, aboveAtBaseline: above))
                    }
                }
            }
            return TrialSummary(info: info, arms: arms, statistics: stats, differences: diffs, thresholds: thresholds,
                                checksum: checksum, totalSteps: totalSteps)
        }
    }
}

// MARK: Writers

extension TrialSummary {
    /// Shortest round-trip decimal of a finite number; JSON null / empty CSV cell otherwise.
    static func number(_ v: Double?) -> String? {
        guard let v, v.isFinite else { return nil }
        if v == 0 { return "0" }
        return "\(v)"
    }

    public func json() -> String {
        func n(_ v: Double?) -> String { Self.number(v) ?? "null" }
        let s = JSONText.quote
        var out = "{\n"
        out += "  \"name\": \(s(info.name)),\n  \"software_version\": \(s(info.softwareVersion)),\n  \"trial_file\": \(s(info.trialFile)),\n"
        out += "  \"fingerprint\": \(s(info.fingerprint)),\n  \"seed\": \(info.seed),\n  \"design\": \(s(info.design.rawValue)),\n"
        out += "  \"patients_per_arm\": \(info.patientsPerArm),\n  \"output_days\": [\(info.outputDays.map { n($0) }.joined(separator: ", "))],\n"
        out += "  \"tolerance_scale\": \(n(info.toleranceScale)),\n"
        // A complete store (one run, or merged shards) reads the same whatever the sharding.
        out += "  \"shard\": \(s(partial ? info.shard.description : "all")),\n  \"partial\": \(partial),\n"
        out += "  \"reference_arm\": \(s(info.arms[info.referenceArm])),\n  \"endpoints\": [\(info.endpoints.map(s).joined(separator: ", "))],\n"
        out += "  \"arms\": [\n" + arms.map { a in
            "    {\"arm\": \(s(a.arm)), \"patients\": \(a.patients), \"simulated\": \(a.simulated), \"failed\": \(a.failed), \"failures\": ["
                + a.failures.map { "{\"patient\": \($0.id), \"reason\": \(s($0.reason))}" }.joined(separator: ", ") + "]}"
        }.joined(separator: ",\n") + "\n  ],\n"
        out += "  \"statistics\": [\n" + statistics.map { x in
            "    {\"arm\": \(s(x.arm)), \"day\": \(n(x.day)), \"endpoint\": \(s(x.endpoint)), \"n\": \(x.n), \"mean\": \(n(x.mean)), \"sd\": \(n(x.sd)), "
                + zip(["p5", "p25", "p50", "p75", "p95"], x.percentiles).map { "\"\($0)\": \(n($1))" }.joined(separator: ", ") + "}"
        }.joined(separator: ",\n") + "\n  ],\n"
        out += "  \"differences\": [\n" + differences.map { d in
            "    {\"arm\": \(s(d.arm)), \"reference\": \(s(d.reference)), \"day\": \(n(d.day)), \"endpoint\": \(s(d.endpoint)), \"n\": \(d.n), "
                + "\"n_reference\": \(d.nReference), \"difference\": \(n(d.difference)), \"ci95_low\": \(n(d.low)), \"ci95_high\": \(n(d.high)), \"method\": \(s(d.method))}"
        }.joined(separator: ",\n") + "\n  ],\n"
        out += "  \"osteoporosis\": [\n" + thresholds.map { t in
            "    {\"arm\": \(s(t.arm)), \"day\": \(n(t.day)), \"t_score\": \(s(t.column)), \"n\": \(t.n), \"at_or_below_-2.5_pct\": \(n(t.atOrBelowPct)), "
                + "\"crossed_pct\": \(n(t.crossedPct)), \"above_-2.5_at_day_0\": \(t.aboveAtBaseline)}"
        }.joined(separator: ",\n") + "\n  ],\n"
        out += "  \"solver_steps\": \(totalSteps),\n  \"checksum\": \(s(checksum)),\n  \"disclaimer\": \(s(OsteoSimInfo.disclaimer))\n}\n"
        return out
    }

    public static let csvColumns = ["section", "arm", "reference", "day", "endpoint", "n", "n_reference", "mean", "sd", "p5", "p25", "p50", "p75", "p95",
                                    "difference", "ci95_low", "ci95_high", "method", "at_or_below_pct", "crossed_pct"]

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// One table: `section` is `arm` (statistics), `difference` (against the reference arm) or `osteoporosis`
    /// (T-score shares); cells that do not apply to a section are empty.
    public func csv() -> String {
        func n(_ v: Double?) -> String { Self.number(v) ?? "" }
        var lines = [Self.csvColumns.joined(separator: ",")]
        func row(_ cells: [String: String]) -> String { Self.csvColumns.map { Self.csvField(cells[$0] ?? "") }.joined(separator: ",") }
        for x in statistics {
            var c = ["section": "arm", "arm": x.arm, "day": n(x.day), "endpoint": x.endpoint, "n": String(x.n), "mean": n(x.mean), "sd": n(x.sd)]
            for (k, v) in zip(["p5", "p25", "p50", "p75", "p95"], x.percentiles) { c[k] = n(v) }
            lines.append(row(c))
        }
        for d in differences {
            lines.append(row(["section": "difference", "arm": d.arm, "reference": d.reference, "day": n(d.day), "endpoint": d.endpoint,
                              "n": String(d.n), "n_reference": String(d.nReference), "difference": n(d.difference),
                              "ci95_low": n(d.low), "ci95_high": n(d.high), "method": d.method]))
        }
        for t in thresholds {
            lines.append(row(["section": "osteoporosis", "arm": t.arm, "day": n(t.day), "endpoint": t.column, "n": String(t.n),
                              "at_or_below_pct": n(t.atOrBelowPct), "crossed_pct": n(t.crossedPct)]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Aligned text of the last output time: per arm and endpoint mean ± SD and the 5th–95th percentiles, the
    /// differences with their CIs, and the disclaimer.
    public func table() -> String {
        func f(_ v: Double, _ d: Int = 2) -> String {
            let s = String(format: "%.\(d)f", v)
            return s == "-0.00" || s == "-0.0" ? String(s.dropFirst()) : s
        }
        guard let last = info.outputDays.last else { return "" }
        var out = (info.name.isEmpty ? "trial" : info.name) + (partial ? " (shard \(info.shard) only)" : "") + "\n"
        out += "day \(f(last, 1)) (\(f(last / 30.4375, 1)) months)\n"
        for a in arms {
            out += "  \(a.arm): \(a.simulated) simulated" + (a.failed > 0 ? ", \(a.failed) failed" : "") + " of \(a.patients)\n"
        }
        for x in statistics where x.day == last {
            out += "  \(x.arm)  \(x.endpoint): mean \(f(x.mean)) (SD \(f(x.sd))), median \(f(x.percentiles[2])), 5th–95th \(f(x.percentiles[0])) to \(f(x.percentiles[4]))\n"
        }
        for d in differences where d.day == last {
            out += "  \(d.arm) − \(d.reference)  \(d.endpoint): \(f(d.difference)) (95% CI \(f(d.low)) to \(f(d.high)), \(d.method))\n"
        }
        for t in thresholds where t.day == last {
            out += "  \(t.arm)  \(t.column) ≤ −2.5: \(f(t.atOrBelowPct, 1))%" + (t.crossedPct.map { ", crossed: \(f($0, 1))%" } ?? "") + "\n"
        }
        out += OsteoSimInfo.disclaimer + "\n"
        return out
    }
}
