import Foundation
import OsteoSim
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a trial: the patients of one shard on all cores (structured concurrency: a task group with at most
/// `threads` chunks in flight), each chunk stored in one transaction as it completes, so memory stays bounded by
/// the chunks in flight whatever the cohort size. `resume` skips the patients already stored.
public struct TrialRunOptions: Sendable {
    public var output: String
    public var threads: Int
    public var resume: Bool
    public var shard: Shard
    /// Progress lines on standard error.
    public var progress: Bool
    /// Patients per chunk (one task, one transaction).
    public var chunk: Int

    public init(output: String, threads: Int = ProcessInfo.processInfo.activeProcessorCount, resume: Bool = false,
                shard: Shard = .whole, progress: Bool = false, chunk: Int = 16) {
        self.output = output
        self.threads = max(1, threads)
        self.resume = resume
        self.shard = shard
        self.progress = progress
        self.chunk = max(1, chunk)
    }
}

public struct TrialRunReport: Sendable {
    public var simulated: Int
    public var alreadyStored: Int
    public var seconds: Double
    public var summary: TrialSummary
}

public enum TrialRunner {
    public static func storePath(_ dir: String) -> String { (dir as NSString).appendingPathComponent(TrialStore.fileName) }

    /// Opens (resume) or creates the output store of a run, refusing one of another trial or shard.
    static func prepareStore(_ trial: Trial, _ o: TrialRunOptions) throws(TrialError) -> TrialStore {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: o.output, isDirectory: &isDir) {
            if !isDir.boolValue { throw .usage("--output \(o.output): exists and is not a directory") }
        } else {
            do { try fm.createDirectory(atPath: o.output, withIntermediateDirectories: true) } catch {
                throw .failed("cannot create the output directory \(o.output): \(error.localizedDescription)")
            }
        }
        let path = storePath(o.output)
        if o.resume && fm.fileExists(atPath: path) && TrialStore.isEmptyDatabase(path: path) {
            // Killed while creating the store: nothing was stored yet; start afresh.
            for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
        }
        guard fm.fileExists(atPath: path) else {
            return try TrialStore.create(path: path, info: TrialStore.info(of: trial, shard: o.shard))
        }
        guard o.resume else {
            throw .usage("\(path) exists: add --resume to finish that run, or give another --output directory")
        }
        let store = try TrialStore.open(path: path)
        if store.info.fingerprint != trial.fingerprint {
            throw .usage("\(path) holds results of another trial file (fingerprint \(store.info.fingerprint), this file \(trial.fingerprint)); give another --output directory")
        }
        if store.info.merged { throw .usage("\(path) is a merged store; resume the shard directories instead") }
        if store.info.shard != o.shard {
            throw .usage("\(path) holds shard \(store.info.shard); this run is shard \(o.shard)")
        }
        return store
    }

    /// Runs (or resumes) the shard and writes the summary files into the output directory.
    public static func run(_ trial: Trial, options o: TrialRunOptions) async throws(TrialError) -> TrialRunReport {
        let store = try prepareStore(trial, o)
        let stored = try store.storedIDs()   // ascending
        let total = trial.patientCount
        let toSimulate = o.shard.size(of: total) - stored.count
        let simulator = TrialSimulator(trial: trial)
        let start = Date()
        var progress = Progress(total: toSimulate, enabled: o.progress, alreadyStored: stored.count)
        // The ids still to simulate, generated chunk by chunk (the shard's ids in order, skipping stored ones), so
        // no list of the whole cohort is ever built.
        var nextID = o.shard.index - 1
        var storedAt = 0
        func nextChunk() -> [Int] {
            var ids: [Int] = []
            while ids.count < o.chunk && nextID < total {
                while storedAt < stored.count && stored[storedAt] < nextID { storedAt += 1 }
                if storedAt >= stored.count || stored[storedAt] != nextID { ids.append(nextID) }
                nextID += o.shard.count
            }
            return ids
        }
        do {
            try await withThrowingTaskGroup(of: [PatientOutcome].self) { group in
                func add() -> Bool {
                    let ids = nextChunk()
                    guard !ids.isEmpty else { return false }
                    group.addTask { ids.map { simulator.simulate(id: $0) } }
                    return true
                }
                for _ in 0..<o.threads where !add() { break }
                while let batch = try await group.next() {
                    try store.write(batch)
                    progress.advance(by: batch.count)
                    _ = add()
                }
            }
        } catch let e as TrialError {
            throw e
        } catch {
            throw .failed("trial run failed: \(error)")
        }
        progress.finish()
        let summary = try writeSummary(store, to: o.output)
        return TrialRunReport(simulated: toSimulate, alreadyStored: stored.count, seconds: Date().timeIntervalSince(start), summary: summary)
    }

    /// Blocks the calling (non-async) thread until the run ends.
    public static func runBlocking(_ trial: Trial, options: TrialRunOptions) throws(TrialError) -> TrialRunReport {
        let box = ResultBox<TrialRunReport>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.result = .success(try await run(trial, options: options)) } catch let e as TrialError { box.result = .failure(e) } catch {
                box.result = .failure(.failed("\(error)"))
            }
            done.signal()
        }
        done.wait()
        switch box.result {
        case .success(let r): return r
        case .failure(let e): throw e
        case nil: throw .failed("internal error: the trial run returned nothing")
        }
    }

    /// Writes summary.csv, summary.json and summary.svg next to the store.
    @discardableResult
    public static func writeSummary(_ store: TrialStore, to dir: String) throws(TrialError) -> TrialSummary {
        let summary = try TrialSummary.compute(store)
        for (name, text) in [("summary.csv", summary.csv()), ("summary.json", summary.json()), ("summary.svg", summary.svg())] {
            let path = (dir as NSString).appendingPathComponent(name)
            do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
                throw .failed("cannot write \(path): \(error.localizedDescription)")
            }
        }
        return summary
    }

    /// `osteosim trial merge`: merges complete shard directories into `output` and writes its summary.
    public static func merge(output: String, shardDirectories: [String]) throws(TrialError) -> TrialSummary {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if !fm.fileExists(atPath: output, isDirectory: &isDir) {
            do { try fm.createDirectory(atPath: output, withIntermediateDirectories: true) } catch {
                throw .failed("cannot create \(output): \(error.localizedDescription)")
            }
        } else if !isDir.boolValue {
            throw .usage("\(output): exists and is not a directory")
        }
        let path = storePath(output)
        if fm.fileExists(atPath: path) { throw .usage("\(path) exists: merge into another directory (or remove it)") }
        let shards = try shardDirectories.map { (d) throws(TrialError) -> TrialStore in
            let p = storePath(d)
            guard fm.fileExists(atPath: p) else { throw .usage("\(d): no \(TrialStore.fileName) (not a shard directory of osteosim trial --shard)") }
            return try TrialStore.open(path: p, readOnly: true)
        }
        let merged: TrialStore
        do { merged = try TrialStore.merge(into: path, shards: shards) } catch {
            try? fm.removeItem(atPath: path)
            for suffix in ["-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
            throw error
        }
        return try writeSummary(merged, to: output)
    }
}

final class ResultBox<T: Sendable>: @unchecked Sendable {
    var result: Result<T, TrialError>?
}

/// Progress on standard error: on a terminal a line rewritten at most twice a second; otherwise one line a minute.
struct Progress {
    let total: Int
    let enabled: Bool
    let terminal: Bool
    let alreadyStored: Int
    var done = 0
    let start = Date()
    var last = Date.distantPast

    init(total: Int, enabled: Bool, alreadyStored: Int) {
        self.total = total
        self.enabled = enabled
        self.alreadyStored = alreadyStored
        self.terminal = isatty(2) != 0
        if enabled && alreadyStored > 0 { Self.emit("osteosim: trial: resuming, \(alreadyStored) patients already stored, \(total) to simulate\n") }
    }

    static func emit(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }

    var line: String {
        let elapsed = Date().timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Double(total - done) / rate : .infinity
        let pct = total > 0 ? 100 * Double(done) / Double(total) : 100
        return "osteosim: trial: \(done)/\(total) patients (\(String(format: "%.1f", pct))%), \(String(format: "%.0f", rate)) patients/s, "
            + (eta.isFinite ? "ETA \(Self.duration(eta))" : "ETA unknown")
    }

    static func duration(_ s: Double) -> String {
        if s < 60 { return "\(Int(s.rounded())) s" }
        if s < 3600 { return "\(Int(s / 60)) min \(Int(s.truncatingRemainder(dividingBy: 60))) s" }
        return "\(Int(s / 3600)) h \(Int(s.truncatingRemainder(dividingBy: 3600) / 60)) min"
    }

    mutating func advance(by n: Int) {
        done += n
        guard enabled else { return }
        let now = Date()
        let interval: TimeInterval = terminal ? 0.5 : 60
        guard now.timeIntervalSince(last) >= interval else { return }
        last = now
        Self.emit(terminal ? "\r" + line + "\u{1B}[K" : line + "\n")
    }

    func finish() {
        guard enabled else { return }
        let elapsed = Date().timeIntervalSince(start)
        Self.emit((terminal ? "\r" : "") + "osteosim: trial: \(done) patients simulated in \(String(format: "%.1f", elapsed)) s"
                  + (elapsed > 0 && done > 0 ? " (\(String(format: "%.0f", Double(done) / elapsed)) patients/s)" : "") + (terminal ? "\u{1B}[K\n" : "\n"))
    }
}
