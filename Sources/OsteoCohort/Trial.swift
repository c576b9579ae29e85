import Foundation
import OsteoModel
import OsteoODE
import OsteoSim

/// An in-silico trial, as read from a trial file (docs/file-formats.md, "Trial file"): a population, arms that are
/// scenario fragments (each merged with `common:`), patients per arm, a seed, a duration, output times and
/// endpoints. Patient `id` (0-based, over all arms) belongs to arm `id / patientsPerArm`; its sampled values come
/// from the counter-based stream keyed by (seed, member key) only.
public struct Trial: Sendable {
    /// Parallel groups (every patient is a new draw) or paired (member k of every arm is the same virtual patient:
    /// the same covariates and parameter deviations, so differences between arms are within-patient).
    public enum Design: String, Sendable, CaseIterable { case parallel, paired }

    public struct Population: Sendable {
        /// Share of women, 0 to 1.
        public var femaleShare: Double
        public var age: Distribution
        /// Women only; when given every woman is postmenopausal (otherwise: from age 51, as in a scenario).
        public var yearsSinceMenopause: Distribution?
        public var lumbarSpineTScore: Distribution?
        public var totalHipTScore: Distribution?
        public var egfr: Distribution?
        public var variability: Variability
    }

    /// Inter-individual variability: parameter θ_i of a patient is θ̂_i · exp(η_i), η ~ N(0, Ω), with θ̂ the arm's
    /// value (the model default or the arm's `parameters:` override) as the median, as NONMEM/mrgsolve write it.
    public struct Variability: Sendable {
        /// Varied parameters, in the order of Ω's rows.
        public var names: [String]
        /// Ω (variances of η on the diagonal), block diagonal.
        public var omega: [[Double]]
        /// Lower Cholesky factor of Ω: η = L z with z standard normal.
        public var cholesky: [[Double]]
        /// The random stream of each z_i (from the parameter's name, so a parameter keeps its draws when others are
        /// added or removed).
        public var streams: [UInt32]
        public static let none = Variability(names: [], omega: [], cholesky: [], streams: [])
    }

    public struct Arm: Sendable {
        public var name: String
        /// The arm's scenario (common + arm fragment) with a representative patient; each patient replaces the
        /// patient and adds its parameter values.
        public var scenario: Scenario
        /// Typical (median) value of each varied parameter that this arm's model has.
        public var typical: [String: Double]
        /// Columns this arm can produce.
        public var columns: Set<String>
    }

    public var name: String
    public var file: String
    /// The trial file's text, stored with the results.
    public var text: String
    public var seed: UInt64
    public var patientsPerArm: Int
    public var durationDays: Double
    public var outputEveryDays: Double
    public var design: Design
    public var population: Population
    public var arms: [Arm]
    public var referenceArm: Int
    /// Endpoint columns as given (default: spine and hip BMD change).
    public var endpoints: [String]
    /// Stored columns: the endpoints, then the T-score columns when a baseline T-score is sampled.
    public var columns: [String]
    /// Each solver tolerance (relative and absolute, every compartment) is the simulate default times this.
    public var toleranceScale: Double

    public var patientCount: Int { patientsPerArm * arms.count }

    /// Output days: 0, every `outputEveryDays`, and the end (the scenario rule).
    public var outputDays: [Double] {
        var days: [Double] = []
        var d = 0.0
        while d < durationDays - 1e-9 { days.append(d); d += outputEveryDays }
        days.append(durationDays)
        return days
    }

    /// A fingerprint of the trial file's text (FNV-1a, 64 bits): shards, resumed runs and merges must agree on it.
    public var fingerprint: String { Fingerprint.hex(Fingerprint.fnv1a(Array(text.utf8))) }
}

/// One sampled patient of a trial.
public struct VirtualPatient: Sendable, Equatable {
    public var id: Int
    public var arm: Int
    public var member: Int
    public var sex: Sex
    public var age: Double
    public var yearsSinceMenopause: Double?
    public var lumbarSpineTScore: Double?
    public var totalHipTScore: Double?
    public var egfr: Double?
    /// Parameter values applied in this patient's arm (varied parameters the arm's model has), in Ω order.
    public var parameters: [(name: String, value: Double)]

    public static func == (a: VirtualPatient, b: VirtualPatient) -> Bool {
        a.id == b.id && a.arm == b.arm && a.member == b.member && a.sex == b.sex && a.age == b.age
            && a.yearsSinceMenopause == b.yearsSinceMenopause && a.lumbarSpineTScore == b.lumbarSpineTScore
            && a.totalHipTScore == b.totalHipTScore && a.egfr == b.egfr
            && a.parameters.map(\.name) == b.parameters.map(\.name) && a.parameters.map(\.value) == b.parameters.map(\.value)
    }
}

extension Trial {
    /// Random streams of the covariates (fixed, so adding a covariate never changes another's draws).
    enum Stream: UInt32 { case sex = 1, age, yearsSinceMenopause, lumbarSpineTScore, totalHipTScore, egfr }

    /// The member key of patient `id`: the patient itself (parallel) or its index within the arm (paired).
    public func memberKey(id: Int) -> UInt64 {
        UInt64(design == .paired ? id % patientsPerArm : id)
    }

    /// Patient `id`'s sampled values: a pure function of (seed, member key).
    public func patient(id: Int) -> VirtualPatient {
        let arm = id / patientsPerArm, member = id % patientsPerArm
        let rng = Philox4x32(seed: seed)
        let key = memberKey(id: id)
        func u(_ s: Stream) -> Double { rng.uniform(member: key, stream: s.rawValue) }
        let p = population
        let sex: Sex = p.femaleShare >= 1 ? .female : p.femaleShare <= 0 ? .male : (u(.sex) < p.femaleShare ? .female : .male)
        let age = p.age.value(u: u(.age))
        let ysm = sex == .female ? p.yearsSinceMenopause.map { $0.value(u: u(.yearsSinceMenopause)) } : nil
        let v = p.variability
        var applied: [(name: String, value: Double)] = []
        if !v.names.isEmpty {
            let z = v.streams.map { StandardNormal.quantile(rng.uniform(member: key, stream: $0)) }
            let typical = arms[arm].typical
            for i in v.names.indices {
                guard let theta = typical[v.names[i]] else { continue }
                var eta = 0.0
                for j in 0...i { eta += v.cholesky[i][j] * z[j] }
                applied.append((v.names[i], theta * exp(eta)))
            }
        }
        return VirtualPatient(
            id: id, arm: arm, member: member, sex: sex, age: age, yearsSinceMenopause: ysm,
            lumbarSpineTScore: p.lumbarSpineTScore.map { $0.value(u: u(.lumbarSpineTScore)) },
            totalHipTScore: p.totalHipTScore.map { $0.value(u: u(.totalHipTScore)) },
            egfr: p.egfr.map { $0.value(u: u(.egfr)) }, parameters: applied)
    }
}

/// FNV-1a, 64 bits: fingerprints of trial files and checksums of per-patient results (not cryptographic).
public enum Fingerprint {
    public static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    public static func fnv1a(_ bytes: [UInt8], into h: UInt64 = offset) -> UInt64 {
        var h = h
        for b in bytes { h = (h ^ UInt64(b)) &* prime }
        return h
    }

    /// Folds the 8 bytes of `v` into `h`.
    public static func mix(_ h: inout UInt64, _ v: UInt64) {
        var x = v
        for _ in 0..<8 { h = (h ^ (x & 0xff)) &* prime; x >>= 8 }
    }

    public static func hex(_ h: UInt64) -> String {
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// 32-bit FNV-1a of a name (random stream ids of varied parameters).
    public static func stream(_ name: String) -> UInt32 {
        var h: UInt32 = 0x811c_9dc5
        for b in ("eta:" + name).utf8 { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        return 0x8000_0000 | h   // covariate streams are small numbers: never equal
    }
}
