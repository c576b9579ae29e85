import Foundation
import GRDB
import OsteoModel
import OsteoSim

/// Why a trial command did not finish: bad input or usage (exit 2), or a run, merge or write that failed (exit 1).
public enum TrialError: Error, CustomStringConvertible, Sendable {
    case input(InputError)
    case usage(String)
    case failed(String)

    public var exitCode: Int32 {
        switch self { case .input, .usage: 2; case .failed: 1 }
    }
    public var description: String {
        switch self {
        case .input(let e): e.description
        case .usage(let s), .failed(let s): s
        }
    }
}

/// Which patients a run covers: those whose id modulo `count` is `index − 1`.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public var index: Int
    public var count: Int
    public static let whole = Shard(index: 1, count: 1)
    public init(index: Int, count: Int) { self.index = index; self.count = count }

    /// "2/4".
    public init(parsing s: String) throws(TrialError) {
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, n <= 100_000, i >= 1, i <= n else {
            throw .usage("--shard \(s): expected I/N with 1 ≤ I ≤ N ≤ 100000, e.g. --shard 2/4")
        }
        self.init(index: i, count: n)
    }
    public var description: String { "\(index)/\(count)" }
    public func contains(_ id: Int) -> Bool { id % count == index - 1 }
    /// How many of `total` patients (ids 0..<total) are in this shard.
    public func size(of total: Int) -> Int { total / count + (index - 1 < total % count ? 1 : 0) }
}

/// What a store says about its trial (the `meta` table), enough to summarise or merge without the trial file.
public struct StoreInfo: Sendable, Equatable {
    public var name: String
    public var trialFile: String
    public var trialText: String
    public var fingerprint: String
    public var softwareVersion: String
    public var seed: UInt64
    public var patientsPerArm: Int
    public var design: Trial.Design
    public var arms: [String]
    public var referenceArm: Int
    public var endpoints: [String]
    public var columns: [String]
    public var outputDays: [Double]
    public var toleranceScale: Double
    /// The shard this store holds; a merged store holds all of them and says so with `merged`.
    public var shard: Shard
    public var merged: Bool

    public var patientCount: Int { patientsPerArm * arms.count }
    public var expected: Int { merged ? patientCount : shard.size(of: patientCount) }
}

/// `results.sqlite` (GRDB): per-patient sampled values, parameter values, endpoint values at each output time (or
/// the reason the simulation failed), the trial file and the software version. Each batch of patients is one
/// transaction, so a run killed at any moment leaves every stored patient complete and `--resume` simulates the
/// others exactly once. Write-ahead log with `synchronous = NORMAL`: a killed process loses nothing committed.
public final class TrialStore: Sendable {
    public static let fileName = "results.sqlite"
    public static let format = "osteosim-trial/1"
    public let path: String
    public let info: StoreInfo
    let db: DatabaseQueue

    init(path: String, db: DatabaseQueue, info: StoreInfo) {
        self.path = path
        self.db = db
        self.info = info
    }

    static func configuration(readOnly: Bool = false) -> Configuration {
        var c = Configuration()
        c.readonly = readOnly
        c.busyMode = .timeout(30)
        c.prepareDatabase { db in
            if !readOnly { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        }
        return c
    }

    static func quoted(_ column: String) -> String { "\"" + column.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    static func info(of trial: Trial, shard: Shard, merged: Bool = false) -> StoreInfo {
        StoreInfo(name: trial.name, trialFile: trial.file, trialText: trial.text, fingerprint: trial.fingerprint,
                  softwareVersion: OsteoSimInfo.version, seed: trial.seed, patientsPerArm: trial.patientsPerArm, design: trial.design,
                  arms: trial.arms.map(\.name), referenceArm: trial.referenceArm, endpoints: trial.endpoints, columns: trial.columns,
                  outputDays: trial.outputDays, toleranceScale: trial.toleranceScale, shard: shard, merged: merged)
    }

    static func json<T: Encodable>(_ v: T) -> String { (try? String(decoding: JSONEncoder().encode(v), as: UTF8.self)) ?? "null" }

    /// Creates a new store (the file must not exist).
    public static func create(path: String, info: StoreInfo) throws(TrialError) -> TrialStore {
        do {
            let db = try DatabaseQueue(path: path, configuration: configuration())
            try db.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try db.write { db in
                try db.execute(sql: "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                try db.execute(sql: """
                    CREATE TABLE patients (id INTEGER PRIMARY KEY, arm INTEGER NOT NULL, member INTEGER NOT NULL, status TEXT NOT NULL,
                      reason TEXT, sex TEXT NOT NULL, age REAL NOT NULL, years_since_menopause REAL, lumbar_spine_t_score REAL,
                      total_hip_t_score REAL, egfr REAL, steps INTEGER NOT NULL, rejected_steps INTEGER NOT NULL)
                    """)
                try db.execute(sql: "CREATE TABLE parameters (patient INTEGER NOT NULL, name TEXT NOT NULL, value REAL NOT NULL, PRIMARY KEY (patient, name)) WITHOUT ROWID")
                let cols = info.columns.map { "\(quoted($0)) REAL" }.joined(separator: ", ")
                try db.execute(sql: """
                    CREATE TABLE outcomes (arm INTEGER NOT NULL, time_index INTEGER NOT NULL, member INTEGER NOT NULL, patient INTEGER NOT NULL,
                      day REAL NOT NULL, \(cols), PRIMARY KEY (arm, time_index, member)) WITHOUT ROWID
                    """)
                let meta: [(String, String)] = [
                    ("format", format), ("software_version", info.softwareVersion), ("name", info.name), ("trial_file", info.trialFile),
                    ("trial_text", info.trialText), ("fingerprint", info.fingerprint), ("seed", String(info.seed)),
                    ("patients_per_arm", String(info.patientsPerArm)), ("design", info.design.rawValue), ("arms", json(info.arms)),
                    ("reference_arm", String(info.referenceArm)), ("endpoints", json(info.endpoints)), ("columns", json(info.columns)),
                    ("output_days", json(info.outputDays)), ("tolerance_scale", "\(info.toleranceScale)"),
                    ("shard", info.shard.description), ("merged", info.merged ? "true" : "false"),
                ]
                for (k, v) in meta { try db.execute(sql: "INSERT INTO meta (key, value) VALUES (?, ?)", arguments: [k, v]) }
            }
            return TrialStore(path: path, db: db, info: info)
        } catch {
            throw .failed("cannot create \(path): \(error)")
        }
    }

    /// True when the file at `path` is an SQLite database without any table: a run killed while it created the
    /// store (schema and meta are one transaction) leaves that, and a resumed run starts it afresh. Anything else
    /// (a store, or a file that is not one) is left to ``open(path:readOnly:)`` to accept or refuse.
    public static func isEmptyDatabase(path: String) -> Bool {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size == 0 { return true }
        guard let db = try? DatabaseQueue(path: path, configuration: configuration(readOnly: true)) else { return false }
        return (try? db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'") }) == 0
    }

    /// Opens an existing store and reads what it holds.
    public static func open(path: String, readOnly: Bool = false) throws(TrialError) -> TrialStore {
        guard FileManager.default.fileExists(atPath: path) else { throw .usage("\(path): no such file") }
        do {
            let db = try DatabaseQueue(path: path, configuration: configuration(readOnly: readOnly))
            let meta = try db.read { db in
                Dictionary(try Row.fetchAll(db, sql: "SELECT key, value FROM meta").map { ($0["key"] as String, $0["value"] as String) },
                           uniquingKeysWith: { a, _ in a })
            }
            guard meta["format"] == format else {
                throw TrialError.usage("\(path) is not an OsteoSim trial store (format \(meta["format"] ?? "missing"), expected \(format))")
            }
            func decode<T: Decodable>(_ k: String, _ t: T.Type) throws -> T {
                guard let s = meta[k], let v = try? JSONDecoder().decode(T.self, from: Data(s.utf8)) else {
                    throw TrialError.failed("\(path): meta '\(k)' is missing or unreadable")
                }
                return v
            }
            let shard = try Shard(parsing: meta["shard"] ?? "")
            let info = StoreInfo(
                name: meta["name"] ?? "", trialFile: meta["trial_file"] ?? "", trialText: meta["trial_text"] ?? "",
                fingerprint: meta["fingerprint"] ?? "", softwareVersion: meta["software_version"] ?? "",
                seed: UInt64(meta["seed"] ?? "") ?? 0, patientsPerArm: Int(meta["patients_per_arm"] ?? "") ?? 0,
                design: Trial.Design(rawValue: meta["design"] ?? "") ?? .parallel, arms: try decode("arms", [String].self),
                referenceArm: Int(meta["reference_arm"] ?? "") ?? 0, endpoints: try decode("endpoints", [String].self),
                columns: try decode("columns", [String].self), outputDays: try decode("output_days", [Double].self),
                toleranceScale: Double(meta["tolerance_scale"] ?? "") ?? 1, shard: shard, merged: meta["merged"] == "true")
            return TrialStore(path: path, db: db, info: info)
        } catch let e as TrialError {
            throw e
        } catch {
            throw .failed("cannot open \(path): \(error)")
        }
    }

    /// Ids of the patients already stored, ascending.
    public func storedIDs() throws(TrialError) -> [Int] {
        do { return try db.read { db in try Int.fetchAll(db, sql: "SELECT id FROM patients ORDER BY id") } } catch {
            throw .failed("cannot read \(path): \(error)")
        }
    }

    public func count(status: String? = nil) throws(TrialError) -> Int {
        do {
            return try db.read { db in
                if let status { return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM patients WHERE status = ?", arguments: [status]) ?? 0 }
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM patients") ?? 0
            }
        } catch { throw .failed("cannot read \(path): \(error)") }
    }

    /// Stores a batch of patients in one transaction.
    public func write(_ batch: [PatientOutcome]) throws(TrialError) {
        guard !batch.isEmpty else { return }
        let days = info.outputDays
        let columns = info.columns
        do {
            try db.write { db in
                let pStmt = try db.cachedStatement(sql: """
                    INSERT INTO patients (id, arm, member, status, reason, sex, age, years_since_menopause, lumbar_spine_t_score,
                      total_hip_t_score, egfr, steps, rejected_steps) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                let parStmt = try db.cachedStatement(sql: "INSERT INTO parameters (patient, name, value) VALUES (?, ?, ?)")
                let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
                let oStmt = try db.cachedStatement(sql: "INSERT INTO outcomes (arm, time_index, member, patient, day, "
                                                   + columns.map(Self.quoted).joined(separator: ", ") + ") VALUES (?, ?, ?, ?, ?, \(placeholders))")
                for o in batch {
                    let p = o.patient
                    try pStmt.execute(arguments: [p.id, p.arm, p.member, o.failure == nil ? "ok" : "failed", o.failure, p.sex.rawValue, p.age,
                                                  p.yearsSinceMenopause, p.lumbarSpineTScore, p.totalHipTScore, p.egfr, o.steps, o.rejectedSteps])
                    for (n, v) in p.parameters { try parStmt.execute(arguments: [p.id, n, v]) }
                    guard o.failure == nil else { continue }
                    for (t, row) in o.values.enumerated() {
                        var args: [(any DatabaseValueConvertible)?] = [p.arm, t, p.member, p.id, days[t]]
                        for v in row { args.append(v) }
                        try oStmt.execute(arguments: StatementArguments(args))
                    }
                }
            }
        } catch {
            throw .failed("cannot write \(path): \(error)")
        }
    }

    /// A checksum over every stored patient's sampled values, parameters, status and endpoint values (their bit
    /// patterns, in id order): equal checksums mean bit-identical per-patient results.
    public func checksum() throws(TrialError) -> String {
        do {
            return try db.read { db in
                var h = Fingerprint.offset
                func mixOptional(_ v: Double?) { Fingerprint.mix(&h, v.map { $0.bitPattern } ?? 0x7ff8_dead_beef_0001) }
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT id, arm, member, status, reason, sex, age, years_since_menopause, lumbar_spine_t_score, total_hip_t_score, egfr
                    FROM patients ORDER BY id
                    """)
                while let r = try rows.next() {
                    Fingerprint.mix(&h, UInt64(bitPattern: Int64(r["id"] as Int)))
                    h = Fingerprint.fnv1a(Array(((r["status"] as String) + "|" + ((r["reason"] as String?) ?? "") + "|" + (r["sex"] as String)).utf8), into: h)
                    for k in ["age", "years_since_menopause", "lumbar_spine_t_score", "total_hip_t_score", "egfr"] { mixOptional(r[k] as Double?) }
                }
                let pars = try Row.fetchCursor(db, sql: "SELECT patient, name, value FROM parameters ORDER BY patient, name")
                while let r = try pars.next() {
                    Fingerprint.mix(&h, UInt64(bitPattern: Int64(r["patient"] as Int)))
                    h = Fingerprint.fnv1a(Array((r["name"] as String).utf8), into: h)
                    Fingerprint.mix(&h, (r["value"] as Double).bitPattern)
                }
                let cols = info.columns.map(Self.quoted).joined(separator: ", ")
                let outs = try Row.fetchCursor(db, sql: "SELECT patient, time_index, \(cols) FROM outcomes ORDER BY patient, time_index")
                while let r = try outs.next() {
                    Fingerprint.mix(&h, UInt64(bitPattern: Int64(r[0] as Int)))
                    Fingerprint.mix(&h, UInt64(bitPattern: Int64(r[1] as Int)))
                    for c in 0..<info.columns.count { mixOptional(r[c + 2] as Double?) }
                }
                return "fnv1a64:" + Fingerprint.hex(h)
            }
        } catch { throw .failed("cannot read \(path): \(error)") }
    }

    /// Reads rows for the summary (a read transaction).
    func read<T>(_ body: (Database) throws -> T) throws(TrialError) -> T {
        do { return try db.read(body) } catch let e as TrialError { throw e } catch { throw .failed("cannot read \(path): \(error)") }
    }

    /// Merges complete shard stores of one trial into a new store at `path`: every patient exactly once.
    public static func merge(into path: String, shards: [TrialStore]) throws(TrialError) -> TrialStore {
        guard let first = shards.first else { throw .usage("trial merge: no shard directories given") }
        let n = first.info.shard.count
        for s in shards {
            if s.info.fingerprint != first.info.fingerprint {
                throw .usage("\(s.path) holds another trial (file fingerprint \(s.info.fingerprint), \(first.path) has \(first.info.fingerprint))")
            }
            if s.info.merged { throw .usage("\(s.path) is already a merged store; give the shard directories") }
            if s.info.shard.count != n { throw .usage("\(s.path) is shard \(s.info.shard) but \(first.path) is shard \(first.info.shard): one sharding per merge") }
        }
        let indices = shards.map(\.info.shard.index)
        let missing = Set(1...n).subtracting(indices).sorted()
        if Set(indices).count != indices.count { throw .usage("a shard is given twice (shards \(indices.sorted().map(String.init).joined(separator: ", ")) of \(n))") }
        if !missing.isEmpty { throw .usage("shards \(missing.map(String.init).joined(separator: ", ")) of \(n) are missing") }
        for s in shards {
            let have = try s.count()
            if have != s.info.expected {
                throw .failed("\(s.path): shard \(s.info.shard) has \(have) of its \(s.info.expected) patients; finish it with --resume before merging")
            }
        }
        var info = first.info
        info.merged = true
        info.shard = Shard(index: 1, count: n)
        let out = try create(path: path, info: info)
        do {
            for s in shards {
                try out.db.writeWithoutTransaction { db in
                    try db.execute(sql: "ATTACH DATABASE ? AS shard", arguments: [s.path])
                    defer { try? db.execute(sql: "DETACH DATABASE shard") }
                    try db.inTransaction {
                        try db.execute(sql: "INSERT INTO patients SELECT * FROM shard.patients")
                        try db.execute(sql: "INSERT INTO parameters SELECT * FROM shard.parameters")
                        let cols = (["arm", "time_index", "member", "patient", "day"] + info.columns.map(quoted)).joined(separator: ", ")
                        try db.execute(sql: "INSERT INTO outcomes (\(cols)) SELECT \(cols) FROM shard.outcomes")
                        return .commit
                    }
                }
            }
        } catch {
            throw .failed("cannot merge into \(path): \(error)")
        }
        let total = try out.count()
        guard total == info.patientCount else { throw .failed("merged \(total) patients, expected \(info.patientCount)") }
        return out
    }
}
