import OsteoCatalog
import OsteoModel
import OsteoPharm
import OsteoODE

/// Why a simulation did not produce output: bad input (exit 2) or a failed run (exit 1).
public enum SimulationError: Error, CustomStringConvertible, Sendable {
    case input(InputError)
    case solver(ODEError)

    public var exitCode: Int32 {
        switch self { case .input: 2; case .solver: 1 }
    }
    public var description: String {
        switch self {
        case .input(let e): return e.description
        case .solver(let e): return "simulation failed: \(e)"
        }
    }
}

/// The simulated table of one scenario.
public struct SimulationTable: Sendable {
    public var name: String
    public var columns: [String]
    public var rows: [[Double]]
    public var statistics: SolverStatistics
    /// Warnings about the course (it leaves a drug's label): shown with the results, not refusals.
    public var warnings: [String] = []

    public func column(_ name: String) -> [Double]? {
        columns.firstIndex(of: name).map { i in rows.map { $0[i] } }
    }
}

public enum SimulationRunner {
    public static func run(_ s: Scenario, extraDays: [Double] = []) throws(SimulationError) -> SimulationTable {
        let problem: BoneProblem
        do { problem = try ScenarioCompiler.compile(s, extraDays: extraDays) } catch { throw .input(error) }
        let result: BoneSimulationResult
        do { result = try problem.solve() } catch { throw .solver(error) }
        var columns = ["day"] + result.columnNames
        var data = [result.days] + result.columns
        if let t0 = s.patient.lumbarSpineTScore, let ls = result.column("lumbar_spine_bmd_change_pct") {
            columns.append("lumbar_spine_t_score")
            data.append(ls.map { TScoreReference.lumbarSpine(s.patient.sex).tScore(baseline: t0, changePct: $0) })
        }
        if let t0 = s.patient.totalHipTScore, let th = result.column("total_hip_bmd_change_pct") {
            columns.append("total_hip_t_score")
            data.append(th.map { TScoreReference.totalHip(s.patient.sex).tScore(baseline: t0, changePct: $0) })
        }
        if !s.glucocorticoids.isEmpty || s.inflammation != nil {
            // Relative to the same patient without glucocorticoids and without the disease: the
            // counterfactual run (treatments stay; without the disease the anti-inflammatory
            // drugs act on nothing).
            var without = s
            without.glucocorticoids = []
            without.inflammation = nil
            var removed = Set(GlucocorticoidComponent().parameterInfo.map(\.name))
            if let d = s.inflammation.flatMap({ DiseaseID(rawValue: $0.disease) }) { removed.formUnion(InflammationComponent(disease: d).parameterInfo.map(\.name)) }
            without.parameters = s.parameters.filter { !removed.contains($0.name) }
            let base: BoneSimulationResult
            // The same run-in start, so both runs leave the same state; BMD is compared in absolute
            // terms (not each against its own day 0), so a chronic user's earlier loss counts.
            do { base = try ScenarioCompiler.compile(without, extraDays: extraDays, runInFrom: problem.startDay).solve() } catch let e as InputError {
                throw .input(e)
            } catch let e as ODEError { throw .solver(e) } catch { throw .solver(.invalidInput("\(error)")) }
            func col(_ r: BoneSimulationResult, _ n: String) -> [Double] { r.column(n) ?? [] }
            // Without glucocorticoids the BMD-independent dose term is 1 (exposure 0).
            let exposure = result.column("gc_risk_exposure_mg_day") ?? [Double](repeating: 0, count: result.days.count)
            let rr = FractureRisk.relativeRisks(
                sex: s.patient.sex, spineTScore: s.patient.lumbarSpineTScore, hipTScore: s.patient.totalHipTScore,
                spineWith: col(result, "lumbar_spine_bmd_rel"), spineWithout: col(base, "lumbar_spine_bmd_rel"),
                hipWith: col(result, "total_hip_bmd_rel"), hipWithout: col(base, "total_hip_bmd_rel"),
                exposure: exposure)
            columns += FractureRisk.columns
            data += rr
        }
        let rows = result.days.indices.map { i in data.map { $0[i] } }
        return SimulationTable(name: s.name ?? "", columns: columns, rows: rows, statistics: result.statistics, warnings: warnings(s))
    }

    /// The drug library's warnings for every drug the scenario gives (all its doses, from
    /// treatments and dosing records).
    static func warnings(_ s: Scenario) -> [String] {
        var doses: [String: [Dose]] = [:]
        var order: [String] = []
        for t in s.treatments {
            if doses[t.drug] == nil { order.append(t.drug) }
            doses[t.drug, default: []] += t.doses(until: s.durationDays)
        }
        for d in s.dosingRecords where d.time < s.durationDays {
            if doses[d.drug] == nil { order.append(d.drug) }
            doses[d.drug, default: []].append(d)
        }
        return order.flatMap { DrugLibrary.warnings(drug: $0, doses: doses[$0] ?? []) }
    }
}
