import Foundation
import GRDB
import OsteoSim
import Testing
@testable import OsteoCohort

/// Small trials (debug build): parsing and its field-naming errors, reproducibility across thread counts and
/// shards, resuming, failed patients, and the denosumab-vs-placebo bar at 300 patients per arm.
@Suite struct TrialTests {
    static let small = """
        name: small
        seed: 7
        patients_per_arm: 12
        duration: 12 months
        output_every: 6 months
        population:
          sex: {female: 0.8, male: 0.2}
          age: {distribution: uniform, min: 60, max: 80}
          lumbar_spine_t_score: {distribution: normal, mean: -2.0, sd: 0.6, min: -4, max: 0}
          variability:
            trabecular_turnover: {cv: 0.15}
            omega: {parameters: [cortical_turnover, k_osteoclast], cv: [0.1, 0.1], correlation: [[1, 0.5], [0.5, 1]]}
        arms:
          placebo: {}
          denosumab: {treatments: [{drug: denosumab, dose: 60 mg, every: 6 months}]}
        """

    static func trial(_ text: String = small, file: String = "t.yaml") throws -> Trial {
        try Trial.parse(text: text, file: file)
    }

    static func tempDir(_ name: String) -> String {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("osteosim-trial-tests-\(name)-\(UUID().uuidString)").path
        return d
    }

    /// The error's field when `text` is refused.
    func refusal(_ text: String) -> InputError? {
        do { _ = try Trial.parse(text: text, file: "t.yaml"); return nil } catch { return error }
    }

    /// Trial patients reuse the Jacobian colouring of their arm's representative of the same sex and menopausal
    /// status instead of finding it (about three Jacobians each): for patients of both sexes, ages either side
    /// of menopause, varied parameters and a glucocorticoid + denosumab arm, the reused colouring is the one
    /// the patient's own system gives.
    @Test func reusedJacobianColouringIsThePatientsOwn() throws {
        let text = Self.small
            .replacingOccurrences(of: "age: {distribution: uniform, min: 60, max: 80}", with: "age: {distribution: uniform, min: 35, max: 80}")
            .replacingOccurrences(of: "denosumab: {treatments: [{drug: denosumab, dose: 60 mg, every: 6 months}]}",
                                  with: "denosumab: {treatments: [{drug: denosumab, dose: 60 mg, every: 6 months}], glucocorticoids: [{drug: prednisone, dose: 10 mg/day}]}")
        let t = try Self.trial(text)
        let sim = TrialSimulator(trial: t)
        var seen = Set<String>()
        for id in 0..<(2 * t.patientsPerArm) {
            let p = t.patient(id: id)
            let reused = try #require(sim.structure(for: p)?.coloring, "no representative for patient \(id)")
            let own = try ScenarioCompiler.compile(sim.scenario(for: p)).system.coloring
            #expect(reused == own, "patient \(id): \(p.sex), age \(p.age)")
            seen.insert("\(p.arm) \(p.sex) \(TrialSimulator.menopausal(p))")
        }
        #expect(seen.count >= 4, "the sample covers both arms and more than one structure: \(seen)")
    }

    @Test func parsesTheExampleAndKeepsArmOrder() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/trials/denosumab-vs-placebo-gc.yaml")
        let t = try Trial.load(path: url.path)
        #expect(t.arms.map(\.name) == ["placebo", "denosumab"])
        #expect(t.referenceArm == 0)
        #expect(t.columns == ["lumbar_spine_bmd_change_pct", "total_hip_bmd_change_pct", "lumbar_spine_t_score", "total_hip_t_score"])
        #expect(t.outputDays.count == 7)
        #expect(t.arms[1].scenario.treatments.count == 1 && t.arms[1].scenario.glucocorticoids.count == 1)   // common merged in
        #expect(t.population.variability.names == ["trabecular_turnover", "cortical_turnover", "k_osteoclast"])
    }

    @Test(arguments: [
        ("seed: 7\n", "", "seed"),
        ("denosumab: {treatments: [{drug: denosumab, dose: 60 mg, every: 6 months}]}", "denosumab: {treatments: [{drug: denosumab, dose: 60, every: 6 months}]}", "arms.denosumab.treatments[0].dose"),
        ("placebo: {}", "placebo: {patient: {sex: female, age: 70}}", "arms.placebo.patient"),
        ("placebo: {}", "placebo: {parameters: {trabecular_turnovr: 0.2}}", "arms.placebo.parameters.trabecular_turnovr"),
        ("placebo: {}", "placebo: {treatmnts: []}", "arms.placebo.treatmnts"),
        ("age: {distribution: uniform, min: 60, max: 80}", "age: {distribution: normal, mean: 70, sd: 5}", "population.age"),
        ("age: {distribution: uniform, min: 60, max: 80}", "age: {distribution: uniform, min: 60, max: 99.5}", "population.age"),
        ("sex: {female: 0.8, male: 0.2}", "sex: {female: 0.8, male: 0.1}", "population.sex"),
        ("trabecular_turnover: {cv: 0.15}", "trabecular_turnovr: {cv: 0.15}", "population.variability.trabecular_turnovr"),
        ("correlation: [[1, 0.5], [0.5, 1]]", "correlation: [[1, 1.5], [1.5, 1]]", "population.variability.omega.correlation"),
        ("cv: [0.1, 0.1], correlation: [[1, 0.5], [0.5, 1]]", "matrix: [[0.01, 0.02], [0.02, 0.01]]", "population.variability.omega.matrix"),
        ("patients_per_arm: 12", "patients_per_arm: 0", "patients_per_arm"),
        ("sd: 0.6, min: -4, max: 0", "sd: 0.6, min: -4, max: 9", "population.lumbar_spine_t_score.max"),
    ])
    func refusesWithTheField(_ change: (String, String, String)) throws {
        let text = Self.small.replacingOccurrences(of: change.0, with: change.1)
        let e = try #require(refusal(text), "expected a refusal for \(change.1)")
        #expect(e.field == change.2, "\(e)")
        #expect(e.file == "t.yaml")
    }

    @Test func refusesMoreCases() throws {
        let withCommon = Self.small + "\ncommon: {glucocorticoids: [{drug: prednisne, dose: 10 mg/day}]}\n"
        #expect(refusal(withCommon)?.field == "common.glucocorticoids[0].drug")
        let endpoints = Self.small + "\nendpoints: [lumbar_spine_bmd_change]\n"
        #expect(refusal(endpoints)?.field == "endpoints[0]")
        #expect(refusal(endpoints)?.problem.contains("did you mean 'lumbar_spine_bmd_change_pct'") == true)
        let ysm = Self.small.replacingOccurrences(of: "  variability:", with: "  years_since_menopause: {distribution: uniform, min: 0, max: 50}\n  variability:")
        #expect(refusal(ysm)?.field == "population.years_since_menopause")
        let reference = Self.small + "\nreference_arm: plcebo\n"
        #expect(refusal(reference)?.field == "reference_arm")
        #expect(refusal(Self.small + "\nfoo: 1\n")?.field == "foo")
    }

    @Test func patientsDependOnlyOnSeedAndIndex() throws {
        let a = try Self.trial(), b = try Self.trial()
        for id in 0..<a.patientCount { #expect(a.patient(id: id) == b.patient(id: id)) }
        // Another seed gives other patients; the same seed with more patients per arm keeps patient 3 of arm 0.
        let c = try Self.trial(Self.small.replacingOccurrences(of: "seed: 7", with: "seed: 8"))
        #expect(a.patient(id: 3).age != c.patient(id: 3).age)
        let d = try Self.trial(Self.small.replacingOccurrences(of: "patients_per_arm: 12", with: "patients_per_arm: 50"))
        #expect(a.patient(id: 3) == d.patient(id: 3))
        // Paired design: member k is the same virtual patient in every arm (covariates and deviations).
        let p = try Self.trial(Self.small + "\ndesign: paired\n")
        let x = p.patient(id: 2), y = p.patient(id: 12 + 2)
        #expect(x.age == y.age && x.sex == y.sex && x.lumbarSpineTScore == y.lumbarSpineTScore)
        #expect(x.parameters.map(\.value) == y.parameters.map(\.value))
    }

    @Test func threadsAndShardsGiveIdenticalResults() async throws {
        let t = try Self.trial()
        let one = Self.tempDir("one"), two = Self.tempDir("two"), merged = Self.tempDir("merged")
        defer { for d in [one, two, merged] { try? FileManager.default.removeItem(atPath: d) } }
        let r1 = try await TrialRunner.run(t, options: TrialRunOptions(output: one, threads: 1, chunk: 1))
        let r2 = try await TrialRunner.run(t, options: TrialRunOptions(output: two, threads: 2, chunk: 5))
        var shardDirs: [String] = []
        for i in 1...3 {
            let d = Self.tempDir("shard\(i)")
            shardDirs.append(d)
            _ = try await TrialRunner.run(t, options: TrialRunOptions(output: d, threads: 2, shard: Shard(index: i, count: 3), chunk: 3))
        }
        defer { for d in shardDirs { try? FileManager.default.removeItem(atPath: d) } }
        let m = try TrialRunner.merge(output: merged, shardDirectories: shardDirs.reversed())
        #expect(r1.summary.checksum == r2.summary.checksum)
        #expect(r1.summary.checksum == m.checksum)
        #expect(r1.summary.json() == r2.summary.json())
        #expect(r1.summary.json() == m.json())
        #expect(r1.summary.csv() == m.csv())
        // The per-patient values themselves, row by row.
        func rows(_ dir: String) throws -> [[Double?]] {
            let q = try DatabaseQueue(path: TrialRunner.storePath(dir))
            return try q.read { db in
                try Row.fetchAll(db, sql: "SELECT patient, time_index, day, lumbar_spine_bmd_change_pct, total_hip_bmd_change_pct, lumbar_spine_t_score FROM outcomes ORDER BY patient, time_index")
                    .map { r in (0..<6).map { r[$0] as Double? } }
            }
        }
        #expect(try rows(one) == rows(merged))
        #expect(try rows(one).count == t.patientCount * t.outputDays.count)
        // Merging needs every shard once, of one trial.
        #expect(throws: TrialError.self) { try TrialRunner.merge(output: Self.tempDir("bad"), shardDirectories: Array(shardDirs.prefix(2))) }
        #expect(throws: TrialError.self) { try TrialRunner.merge(output: Self.tempDir("bad2"), shardDirectories: shardDirs + [shardDirs[0]]) }
    }

    @Test func resumeFinishesWithEveryPatientOnce() async throws {
        let t = try Self.trial()
        let full = Self.tempDir("full"), partial = Self.tempDir("partial")
        defer { for d in [full, partial] { try? FileManager.default.removeItem(atPath: d) } }
        let reference = try await TrialRunner.run(t, options: TrialRunOptions(output: full, threads: 2))
        // A run that stopped after some patients (stored out of order, as concurrent chunks complete).
        try FileManager.default.createDirectory(atPath: partial, withIntermediateDirectories: true)
        let store = try TrialStore.create(path: TrialRunner.storePath(partial), info: TrialStore.info(of: t, shard: .whole))
        let sim = TrialSimulator(trial: t)
        try store.write([19, 3, 7, 0, 11].map { sim.simulate(id: $0) })
        try store.write([22, 1].map { sim.simulate(id: $0) })
        // Without --resume an existing store is refused; with it the run finishes.
        await #expect(throws: TrialError.self) { _ = try await TrialRunner.run(t, options: TrialRunOptions(output: partial)) }
        let resumed = try await TrialRunner.run(t, options: TrialRunOptions(output: partial, resume: true))
        #expect(resumed.alreadyStored == 7 && resumed.simulated == t.patientCount - 7)
        #expect(resumed.summary.checksum == reference.summary.checksum)
        #expect(resumed.summary.json() == reference.summary.json())
        // Resuming a finished run simulates nothing; another trial file is refused.
        let again = try await TrialRunner.run(t, options: TrialRunOptions(output: partial, resume: true))
        #expect(again.simulated == 0)
        let other = try Self.trial(Self.small.replacingOccurrences(of: "seed: 7", with: "seed: 9"))
        await #expect(throws: TrialError.self) { _ = try await TrialRunner.run(other, options: TrialRunOptions(output: partial, resume: true)) }
    }

    /// A run killed while it created the store leaves an empty database: --resume starts afresh; a file that is not
    /// a store is refused, not overwritten.
    @Test func resumeAfterAnInterruptedCreation() async throws {
        let t = try Self.trial()
        let dir = Self.tempDir("empty")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: TrialRunner.storePath(dir), contents: Data())
        let r = try await TrialRunner.run(t, options: TrialRunOptions(output: dir, resume: true))
        #expect(r.simulated == t.patientCount)
        let other = Self.tempDir("foreign")
        defer { try? FileManager.default.removeItem(atPath: other) }
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        try "not a database".write(toFile: TrialRunner.storePath(other), atomically: true, encoding: .utf8)
        await #expect(throws: TrialError.self) { _ = try await TrialRunner.run(t, options: TrialRunOptions(output: other, resume: true)) }
        #expect(try String(contentsOfFile: TrialRunner.storePath(other), encoding: .utf8) == "not a database")
    }

    @Test func failedPatientsAreRecordedWithTheReason() async throws {
        // trabecular_turnover's accepted range is 0.1 to 0.4 per year around 0.25: a CV of 1 sends many outside.
        let t = try Self.trial(Self.small.replacingOccurrences(of: "trabecular_turnover: {cv: 0.15}", with: "trabecular_turnover: {cv: 1}"))
        let dir = Self.tempDir("failed")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try await TrialRunner.run(t, options: TrialRunOptions(output: dir))
        let failed = r.summary.arms.map(\.failed).reduce(0, +), ok = r.summary.arms.map(\.simulated).reduce(0, +)
        #expect(failed > 0 && ok > 0 && failed + ok == t.patientCount)
        #expect(r.summary.arms.flatMap(\.failures).allSatisfy { $0.reason.contains("population.variability.trabecular_turnover") && $0.reason.contains("range") })
        #expect(r.summary.statistics.filter { $0.day == 0 }.allSatisfy { $0.n < t.patientsPerArm })
    }

    @Test func writesSummaryFiles() async throws {
        let t = try Self.trial()
        let dir = Self.tempDir("files")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try await TrialRunner.run(t, options: TrialRunOptions(output: dir))
        for f in ["results.sqlite", "summary.csv", "summary.json", "summary.svg"] {
            #expect(FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent(f)), "\(f)")
        }
        let json = try String(contentsOfFile: (dir as NSString).appendingPathComponent("summary.json"), encoding: .utf8)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(parsed?["disclaimer"] as? String == OsteoSimInfo.disclaimer)
        #expect((parsed?["statistics"] as? [Any])?.count == r.summary.statistics.count)
        let svg = try String(contentsOfFile: (dir as NSString).appendingPathComponent("summary.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("polygon") && svg.contains("research and education software"))
        // Per arm and time: n, mean, sd and percentiles in order; the last time has differences against placebo.
        for s in r.summary.statistics { #expect(s.percentiles == s.percentiles.sorted()) }
        #expect(r.summary.differences.contains { $0.arm == "denosumab" && $0.reference == "placebo" && $0.day == t.outputDays.last })
        #expect(r.summary.thresholds.contains { $0.column == "lumbar_spine_t_score" })
        // The store has the trial file and the software version.
        let store = try TrialStore.open(path: TrialRunner.storePath(dir), readOnly: true)
        #expect(store.info.trialText == t.text && store.info.softwareVersion == OsteoSimInfo.version)
    }

    /// The issue-17 bar: at 300 patients per arm the denosumab arm's mean spine change exceeds placebo's with a
    /// 95% CI that excludes 0 (FREEDOM: +5.5% vs −0.5% at 12 months, Cummings 2009 — calibration.md D2).
    @Test func denosumabBeatsPlaceboAt300PerArm() async throws {
        let t = try Self.trial(Self.small.replacingOccurrences(of: "patients_per_arm: 12", with: "patients_per_arm: 300"))
        let dir = Self.tempDir("bar300")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try await TrialRunner.run(t, options: TrialRunOptions(output: dir))
        let last = try #require(t.outputDays.last)
        let d = try #require(r.summary.differences.first { $0.endpoint == "lumbar_spine_bmd_change_pct" && $0.day == last })
        let dmab = try #require(r.summary.statistics.first { $0.arm == "denosumab" && $0.endpoint == "lumbar_spine_bmd_change_pct" && $0.day == last })
        let pbo = try #require(r.summary.statistics.first { $0.arm == "placebo" && $0.endpoint == "lumbar_spine_bmd_change_pct" && $0.day == last })
        #expect(d.n >= 290 && d.nReference >= 290)
        #expect(dmab.mean > pbo.mean)
        #expect(d.low > 0, "difference \(d.difference), 95% CI \(d.low) to \(d.high)")
    }
}
