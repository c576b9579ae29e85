import Foundation
import Testing
import OsteoModel
import OsteoODE
import OsteoPharm
import OsteoSim
import OsteoTestSupport

/// Issue 15's bars for drug library II (teriparatide daily and weekly, abaloparatide,
/// romosozumab; sequences and combinations). Changes are from day 0 of each run. Expected values
/// name their source; where the model misses a published result the test asserts what it does
/// and docs/model.md ("Drugs") says why.
@Suite struct AnabolicTests {
    static let month = 30.4375
    static let woman = "{sex: female, age: 65, years_since_menopause: 14}"

    static func run(_ treatments: String, months: Double, every: String = "1 month", patient: String = woman,
                    extra: String = "") throws -> SimulationTable {
        var text = "patient: \(patient)\nduration: \(months) months\noutput_every: \(every)\n"
        if !treatments.isEmpty { text += "treatments:\n\(treatments)\n" }
        return try SimulationRunner.run(Scenario.parse(text: text + extra, file: "anabolic.yaml"))
    }
    static func at(_ t: SimulationTable, _ column: String, month m: Double) throws -> Double {
        let i = try #require(t.rows.firstIndex { abs($0[0] - m * month) < 1e-6 }, "no row at month \(m)")
        return try #require(t.column(column), "no column \(column)")[i]
    }
    let ls = "lumbar_spine_bmd_change_pct", th = "total_hip_bmd_change_pct"
    let ctx = "ctx_change_pct", p1np = "p1np_change_pct"
    static let teriparatide = "  - {drug: teriparatide, regimen: \"20 ug sc daily\"}"

    // MARK: Teriparatide

    /// D20 (EUROFORS): P1NP up by month 1 and further by month 6; resorption up less.
    @Test func dailyTeriparatideRaisesFormationFirstAndMore() throws {
        let t = try Self.run(Self.teriparatide, months: 6)
        let p1 = try Self.at(t, p1np, month: 1), p6 = try Self.at(t, p1np, month: 6)
        let c1 = try Self.at(t, ctx, month: 1), c6 = try Self.at(t, ctx, month: 6)
        #expect(p1 > 20, "P1NP up by month 1: \(p1)%")
        #expect(p6 > p1, "P1NP further up by month 6: \(p6)% vs \(p1)%")
        #expect(c1 < p1 && c6 < p6, "CTX up less than P1NP: \(c1)/\(c6)% vs \(p1)/\(p6)%")
        #expect(c6 > 0, "CTX up by month 6: \(c6)%")
        // "CTX later" is a known miss: the model's CTX reaches ≈ 70% of its 6-month rise within a
        // month (coupling through the osteoblast canopy), P1NP ≈ 40% (docs/model.md, Drugs).
        #expect(c1 / c6 > p1 / p6, "documented miss: CTX rises early (\(c1 / c6) of its 6-month value vs P1NP \(p1 / p6))")
    }

    @Test func spineGainsFasterThanHip() throws {
        let t = try Self.run(Self.teriparatide, months: 24, every: "6 months")
        for m in [12.0, 18, 24] {
            let spine = try Self.at(t, ls, month: m), hip = try Self.at(t, th, month: m)
            #expect(spine > hip && hip > 0, "month \(m): LS \(spine)% vs TH \(hip)%")
        }
    }

    /// C2 (hypercalcaemia 21% on teriparatide vs 7% on alendronate): the post-dose calcium peak is
    /// in the output, above the untreated calcium and above alendronate's.
    @Test func hypercalcaemiaSignalIsInTheCalciumOutput() throws {
        let t = try Self.run(Self.teriparatide, months: 6)
        let a = try Self.run("  - {drug: alendronate, regimen: \"70 mg po weekly\"}", months: 6)
        let u = try Self.run("", months: 6)
        let peak = try Self.at(t, "teriparatide_calcium_peak_mmol_l", month: 6)
        let untreated = try Self.at(u, "calcium_mmol_l", month: 6), alendronate = try Self.at(a, "calcium_mmol_l", month: 6)
        #expect(peak > untreated + 0.05 && peak > alendronate + 0.05, "peak \(peak) vs untreated \(untreated), alendronate \(alendronate) mmol/L")
        // The label's post-dose rise is ≈ 0.1 mmol/L (Forteo [M]); the pulse kernel's peak stays physiological.
        #expect(peak < 2.75, "peak \(peak) mmol/L")
    }

    /// Abaloparatide's RG selectivity (sustained weight 0.5): a smaller post-dose calcium rise than
    /// teriparatide's (ACTIVE: hypercalcaemia 3.4% vs 6.4%).
    @Test func abaloparatideRaisesCalciumLessThanTeriparatide() throws {
        let u = try Self.at(Self.run("", months: 6), "calcium_mmol_l", month: 6)
        let t = try Self.at(Self.run(Self.teriparatide, months: 6), "teriparatide_calcium_peak_mmol_l", month: 6)
        let a = try Self.at(Self.run("  - {drug: abaloparatide, regimen: \"80 ug sc daily\"}", months: 6), "abaloparatide_calcium_peak_mmol_l", month: 6)
        #expect(a - u < 0.7 * (t - u) && a > u, "rise abaloparatide \(a - u) vs teriparatide \(t - u) mmol/L")
    }

    @Test func dosesAreOrderedAndWeeklyIsAnabolic() throws {
        let t20 = try Self.at(Self.run(Self.teriparatide, months: 21, every: "21 months"), ls, month: 21)
        let t40 = try Self.at(Self.run("  - {drug: teriparatide, regimen: \"40 ug sc daily\"}", months: 21, every: "21 months"), ls, month: 21)
        #expect(t40 > t20, "D18: 40 µg above 20 µg (\(t40) vs \(t20)); the size of the difference is a known miss")
        let patient = "{sex: female, age: 75}"
        let weekly = try Self.run("  - {drug: teriparatide, regimen: \"56.5 ug sc weekly\"}", months: 12, every: "12 months", patient: patient)
        let placebo = try Self.run("", months: 12, every: "12 months", patient: patient)
        #expect(try Self.at(weekly, ls, month: 12) > Self.at(placebo, ls, month: 12), "TOWER: weekly teriparatide above placebo")
    }

    /// D19: F ≈ 95%, t_max ≈ 30 min, apparent t½ ≈ 1 h, undetectable by 3 h — in the concentration column.
    @Test func teriparatidePharmacokinetics() throws {
        let t = try Self.run(Self.teriparatide, months: 1, every: "0.0104166666667 days")   // 15 min
        let day = try #require(t.column("day")), c = try #require(t.column("teriparatide_pg_ml"))
        let firstDay = day.indices.filter { day[$0] < 1 }
        let peak = try #require(firstDay.max { c[$0] < c[$1] })
        #expect(day[peak] * 24 >= 0.2 && day[peak] * 24 <= 0.75, "t_max \(day[peak] * 24) h")
        let oneHour = try #require(firstDay.first { abs(day[$0] * 24 - 1.25) < 1e-6 })
        let twoHours = try #require(firstDay.first { abs(day[$0] * 24 - 2.25) < 1e-6 })
        let ratio = c[twoHours] / c[oneHour]
        #expect(abs(ratio - 0.5) < 0.05, "one apparent half-life from 1.25 to 2.25 h: ratio \(ratio)")
        let threeHours = try #require(firstDay.first { abs(day[$0] * 24 - 3) < 1e-6 })
        // ≈ 2.7 apparent half-lives after the peak: under a fifth of it ("undetectable by 3 h" needs an assay limit near that).
        #expect(c[threeHours] < 0.2 * c[peak], "by 3 h: \(c[threeHours]) vs peak \(c[peak]) pg/mL")
        #expect(c[peak] > 50 && c[peak] < 300, "peak \(c[peak]) pg/mL")
    }

    /// The per-dose pulse kernel against pulses the solver resolves (same PK and inputs), six
    /// months of daily teriparatide: within 5% of the spine/hip gains and 5 points of the markers.
    @Test func pulseKernelAgreesWithResolvedPulses() throws {
        let kernel = try Self.run(Self.teriparatide, months: 6, every: "3 months")
        let resolved = try Self.run(Self.teriparatide, months: 6, every: "3 months", extra: "parameters: {teriparatide_pulse_resolved: 1}\n")
        for m in [3.0, 6] {
            for c in [ls, th] {
                let k = try Self.at(kernel, c, month: m), r = try Self.at(resolved, c, month: m)
                #expect(abs(k - r) <= 0.05 * abs(r) + 0.05, "\(c) month \(m): kernel \(k), resolved \(r)")
            }
            for c in [ctx, p1np] {
                let k = try Self.at(kernel, c, month: m), r = try Self.at(resolved, c, month: m)
                #expect(abs(k - r) <= 5, "\(c) month \(m): kernel \(k), resolved \(r)")
            }
        }
        #expect(kernel.statistics.steps * 5 < resolved.statistics.steps, "steps \(kernel.statistics.steps) vs \(resolved.statistics.steps)")
    }

    // MARK: Romosozumab

    @Test func romosozumabBuildsBoneAndLowersResorptionEarly() throws {
        let t = try Self.run("  - {drug: romosozumab, regimen: \"210 mg sc monthly x 12\"}", months: 12, patient: "{sex: female, age: 67}")
        let p1 = try Self.at(t, p1np, month: 1), c1 = try Self.at(t, ctx, month: 1)
        #expect(p1 > 30, "formation up within a month: P1NP \(p1)%")
        #expect(c1 < -20, "resorption down: CTX \(c1)% at 1 month")
        #expect(try Self.at(t, ls, month: 12) > 8, "D21: large spine gain")
        #expect(t.warnings.isEmpty)
        // Known miss: P1NP does not wane within the year and CTX rises above baseline by month 6
        // (D21: P1NP below baseline after month 7, CTX down); docs/model.md, Drugs.
        #expect(try Self.at(t, p1np, month: 12) > Self.at(t, p1np, month: 6), "documented miss: no waning")
        let c = try #require(t.column("romosozumab_ug_ml"))
        #expect(c.dropFirst().allSatisfy { $0 > 0 }, "concentration column filled")
    }

    @Test func romosozumabBeyondTwelveDosesWarnsWithTheLimit() throws {
        let t = try Self.run("  - {drug: romosozumab, regimen: \"210 mg sc monthly x 13\"}", months: 14, every: "7 months")
        #expect(t.warnings.count == 1)
        #expect(t.warnings.first?.contains("13 doses") == true && t.warnings.first?.contains("12 monthly doses") == true, "\(t.warnings)")
        #expect(TableWriter.json(t).contains("\"warnings\": [\"romosozumab: 13 doses"))
    }

    // MARK: Sequences and combinations (through the regimen pipeline; nothing special-cased)

    @Test func anabolicThenAntiresorptiveKeepsTheGain() throws {
        let t = try Self.run("""
              - {drug: teriparatide, regimen: "20 ug sc daily for 24 months"}
              - {drug: denosumab, regimen: "60 mg sc every 6 months x 2", start: 24 months}
            """, months: 36, every: "12 months")
        #expect(try Self.at(t, ls, month: 36) > Self.at(t, ls, month: 24), "gain kept and extended on denosumab")
        let a = try Self.run("""
              - {drug: abaloparatide, regimen: "80 ug sc daily for 18 months"}
              - {drug: alendronate, regimen: "70 mg po weekly", start: 18 months}
            """, months: 30, every: "6 months")
        #expect(try Self.at(a, ls, month: 30) > Self.at(a, ls, month: 18), "ACTIVExtend-like: gain kept on alendronate")
    }

    /// DATA-Switch (Leder 2015 [M]): denosumab then teriparatide loses hip bone first.
    @Test func denosumabThenTeriparatideLosesHipBoneFirst() throws {
        let t = try Self.run("""
              - {drug: denosumab, regimen: "60 mg sc every 6 months x 4"}
              - {drug: teriparatide, regimen: "20 ug sc daily for 12 months", start: 24 months}
            """, months: 36, every: "3 months")
        #expect(try Self.at(t, th, month: 27) < Self.at(t, th, month: 24), "hip falls after the switch")
        #expect(try Self.at(t, ctx, month: 30) > 0, "resorption above baseline once denosumab wears off")
    }

    /// DATA (Leder 2014 [M]): teriparatide with denosumab gains more than either alone.
    @Test func teriparatideWithDenosumabGainsMoreThanEither() throws {
        let both = try Self.run("""
              - {drug: denosumab, regimen: "60 mg sc every 6 months x 2"}
              - {drug: teriparatide, regimen: "20 ug sc daily"}
            """, months: 12, every: "12 months")
        let d = try Self.run("  - {drug: denosumab, regimen: \"60 mg sc every 6 months x 2\"}", months: 12, every: "12 months")
        let tp = try Self.run(Self.teriparatide, months: 12, every: "12 months")
        for c in [ls, th] {
            let b = try Self.at(both, c, month: 12)
            let alone = (try Self.at(d, c, month: 12), try Self.at(tp, c, month: 12))
            #expect(b > alone.0 && b > alone.1, "\(c): combination \(b) vs denosumab \(alone.0), teriparatide \(alone.1)")
        }
    }

    @Test func concentrationColumnsForEachDrugGiven() throws {
        let t = try Self.run("""
              - {drug: teriparatide, regimen: "20 ug sc daily"}
              - {drug: abaloparatide, regimen: "80 ug sc daily"}
              - {drug: romosozumab, regimen: "210 mg sc monthly x 1"}
            """, months: 1, every: "0.1 days")
        for c in ["teriparatide_pg_ml", "abaloparatide_pg_ml", "romosozumab_ug_ml"] {
            let v = try #require(t.column(c), "column \(c)")
            #expect(v.contains { $0 > 0 } && v.allSatisfy { $0 >= 0 && $0.isFinite }, "\(c)")
        }
    }
}

@Test func drugLibraryTwoTablesCoverEveryStoredParameter() {
    ParameterTableCheck.check(PTHAnalogueComponent.Parameters.self)
    ParameterTableCheck.check(RomosozumabComponent.Parameters.self)
}
