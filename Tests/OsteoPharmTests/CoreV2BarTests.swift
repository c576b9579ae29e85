import Testing
import OsteoModel
import OsteoODE
import OsteoPharm

/// Issue 12's bars: constant levers from day 0 in a 65-year-old woman 14 years after menopause,
/// each run against her untreated run (BMD in percentage points of change, markers as % of the
/// untreated value). Targets are the issue's; the calibration that meets them is in
/// docs/research/core-v2.md ("Calibration"): the RANKL-blockade and commitment bars were
/// calibration targets, so they show the fit, not an independent validation.
@Suite struct CoreV2BarTests {
    static let month = 30.4375
    static let woman = PatientBaseline(sex: .female, age: 65, menopausal: true, yearsSinceMenopause: 14)
    /// Output every quarter month for 48 months.
    static let days = (0...192).map { Double($0) * month / 4 }

    struct Run {
        let r: BoneSimulationResult
        func at(_ column: String, _ months: Double) -> Double {
            let i = Int((months * 4).rounded())
            return r.column(column)?[i] ?? .nan
        }
    }

    static func run(_ perturbations: [Perturbation], months: Double = 48) throws -> Run {
        let d = days.filter { $0 <= months * month + 1e-9 }
        return Run(r: try BoneSimulation.run(patient: woman, durationDays: months * month, outputDays: d, perturbations: perturbations))
    }

    static let untreated: Run? = try? run([])

    /// Perturbed minus untreated BMD change (points), and marker ratio (%).
    func points(_ a: Run, _ site: String, _ m: Double) throws -> Double {
        let u = try #require(Self.untreated)
        return a.at(site, m) - u.at(site, m)
    }
    func markerPct(_ a: Run, _ marker: String, _ m: Double) throws -> Double {
        let u = try #require(Self.untreated)
        let col = marker == "ctx" ? "ctx_ng_ml" : "p1np_ng_ml"
        return 100 * (a.at(col, m) / u.at(col, m) - 1)
    }
    let ls = "lumbar_spine_bmd_change_pct", th = "total_hip_bmd_change_pct"

    @Test func commitmentLossLowersFormationAndDecelerates() throws {
        let a = try Self.run([Perturbation(lever: .osteoblastCommitment, factor: 0.6)])
        #expect(try markerPct(a, "p1np", 6) <= -20)
        let loss12 = try -points(a, ls, 12), loss24 = try -points(a, ls, 24) - loss12
        #expect(loss12 > 0 && loss24 < 0.6 * loss12, "loss 0–12 \(loss12), 12–24 \(loss24)")
        let b = try Self.run([Perturbation(lever: .osteoblastCommitment, factor: 0.6, startDay: 0, stopDay: 6 * Self.month)], months: 18)
        #expect(try points(b, ls, 18) > points(b, ls, 6), "recovers after stopping")
    }

    @Test func ranklBlockadeGainsAndReboundsWhenStopped() throws {
        let a = try Self.run([Perturbation(lever: .ranklAvailability, factor: 0.2, startDay: 0, stopDay: 36 * Self.month)], months: 36)
        let spine = try points(a, ls, 36), hip = try points(a, th, 36)
        #expect(spine >= 6 && spine <= 12, "spine +\(spine)")
        #expect(hip / spine >= 0.5 && hip / spine <= 1.0, "hip/spine \(hip / spine)")
        #expect(try markerPct(a, "ctx", 1) <= -50)
        let b = try Self.run([Perturbation(lever: .ranklAvailability, factor: 0.2, startDay: 0, stopDay: 24 * Self.month)])
        let rebound = try stride(from: 24.25, through: 36, by: 0.25).contains { try markerPct(b, "ctx", $0) > 0 }
        #expect(rebound, "CTX above the untreated run within 12 months of stopping")
        let after = try points(b, ls, 48)
        #expect(abs(after) <= 3, "spine within 3 points at 48 months: \(after)")
    }

    @Test(arguments: [(Lever.osteoblastApoptosis, 0.33), (.osteoblastApoptosis, 2.0), (.ranklAvailability, 0.05)])
    func strongLeversKeepCalciumPhysiological(lever: Lever, factor: Double) throws {
        let a = try Self.run([Perturbation(lever: lever, factor: factor)], months: 24)
        let ca = try #require(a.r.column("calcium_mmol_l"))
        #expect(ca.allSatisfy { $0 >= 2.0 && $0 <= 2.8 }, "\(lever) ×\(factor): calcium \(ca.min() ?? 0)–\(ca.max() ?? 0)")
    }

    @Test func sclerostinNeutralisationIsStronglyAnabolic() throws {
        let a = try Self.run([Perturbation(lever: .sclerostinActivity, factor: 0.2)], months: 12)
        #expect(try points(a, ls, 12) >= 6)
        let peak = try stride(from: 0.25, through: 3, by: 0.25).map { try markerPct(a, "p1np", $0) }.max() ?? 0
        #expect(peak >= 30, "P1NP peak \(peak)% in the first 3 months")
    }

    @Test func dailyPTHPulsesBuildBoneAndContinuousPTHLosesIt() throws {
        // 20 µg PTH 1–34 SC daily for 12 months against the same mean as a continuous infusion
        // (pmol/day), through the PTH-input test component (not a drug).
        let months = 12.0, end = months * Self.month
        let days = Self.days.filter { $0 <= end + 1e-9 }
        let core = BoneCore(patient: Self.woman)
        let system = BoneSystem(core: core, components: [TestPTHComponent()])
        let doses = (0..<Int(end)).map { Dose(time: Double($0), drug: "test_pth", amount: 0.02, unit: .mg, route: .sc) }
        let pulses = try BoneProblem(system: system, durationDays: end, outputDays: days,
                                     events: DoseEvents.events(for: doses, component: 0, in: system, defaultRoute: .sc)).solve()
        let perDay = 0.02 * TestPTHComponent.pmolPerMg * 0.95
        let rate = system.stateIndex(component: 0, compartment: 1)
        let continuous = try BoneProblem(system: system, durationDays: end, outputDays: days,
                                         events: [Discontinuity(time: 0, jumps: [.set(component: rate, value: perDay)])]).solve()
        let u = try #require(Self.untreated)
        let i = days.count - 1
        let pulseGain = (pulses.column(ls)?[i] ?? .nan) - u.at(ls, months)
        let continuousGain = (continuous.column(ls)?[i] ?? .nan) - u.at(ls, months)
        #expect(pulseGain > 0, "daily pulses: \(pulseGain) points")
        #expect(continuousGain < 0, "continuous: \(continuousGain) points")
    }

    @Test func osteocyteApoptosisMattersWithinMonths() throws {
        // Issue 12 item 8 (v1: ×1.5 changed nothing in 2 years): apoptotic osteocytes signal
        // targeted remodelling, so ×1.5 must cost at least half a point of spine within 12 months.
        let a = try Self.run([Perturbation(lever: .osteocyteApoptosis, factor: 1.5)], months: 12)
        let spine = try points(a, ls, 12)
        #expect(spine <= -0.5, "spine \(spine) points at 12 months")
    }

    @Test func disuseActsMainlyAtTheHip() throws {
        // Issue 12 item 3: mechanical_loading ×0.5 (disuse) loses more at the hip than the spine.
        let a = try Self.run([Perturbation(lever: .mechanicalLoading, factor: 0.5)], months: 24)
        let hip = try points(a, th, 24), spine = try points(a, ls, 24)
        #expect(hip < 0 && hip < spine, "hip \(hip), spine \(spine) points at 24 months")
    }
}
