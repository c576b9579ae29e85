import Foundation
import OsteoModel
import OsteoODE
import OsteoPharm

/// Where the solver's steps go with 730 daily PTH pulses (issue 15, docs/model.md "Drugs"):
/// `osteosim-calibrate pthspeed` resolves the pulses (the `test_pth` component), `pthspeed kernel`
/// lets the core take them at the dose (teriparatide's pulse kernel); each at the default
/// tolerances, with the depot's absolute tolerance loosened, with a looser global relative
/// tolerance, and with only the core's fast signalling states loosened.
enum PTHSpeedExperiment {
    static func run() {
        let woman = PatientBaseline(sex: .female, age: 65, menopausal: true, yearsSinceMenopause: 14)
        let core = BoneCore(patient: woman)
        let kernel = CommandLine.arguments.contains("kernel")
        let system = BoneSystem(core: core, components: [kernel ? PTHAnalogueComponent(.teriparatide) : TestPTHComponent()])
        let end = 730.5
        let doses = (0..<730).map { Dose(time: Double($0), drug: kernel ? "teriparatide" : "test_pth", amount: 0.02, unit: .mg, route: .sc) }
        guard let events = try? DoseEvents.events(for: doses, component: 0, in: system, defaultRoute: .sc) else { return }
        let days = stride(from: 0.0, through: 730, by: 30).map { $0 }
        func go(_ name: String, _ o: SolverOptions) {
            let t0 = Date()
            do {
                let r = try BoneProblem(system: system, durationDays: end, outputDays: days, events: events, options: o).solve()
                let dt = Date().timeIntervalSince(t0)
                let ls = r.column("lumbar_spine_bmd_change_pct")?.last ?? .nan
                let ca = r.column("calcium_mmol_l")?.max() ?? .nan
                print("\(name): \(String(format: "%.1f", dt * 1000)) ms, steps \(r.statistics.steps), rejected \(r.statistics.rejectedSteps), LS \(String(format: "%.4f", ls)), Ca max \(String(format: "%.4f", ca))")
            } catch { print("\(name): failed \(error)") }
        }
        let base = system.defaultOptions
        go("default", base)
        var o = base
        if case .perComponent(var a) = o.absoluteTolerance { a[system.stateIndex(component: 0, compartment: 0)] = 1; o.absoluteTolerance = .perComponent(a) }
        go("depot atol 1 pmol", o)
        for rt in [1e-5, 1e-4, 1e-3] {
            var p = o
            p.relativeTolerance = rt
            p.relativeTolerances = nil
            go("depot atol 1, rtol \(rt)", p)
        }
        let fast: [BoneState] = CommandLine.arguments.contains("nocells") ? [.opg, .calcium, .pth, .glandCapacity, .hydroxylase, .calcitriol, .gutAbsorption, .exchangeableCalcium, .pthrAvailable, .pthrAnabolic, .sclerostin] : [.opg, .osteoclasts, .osteoclastPrecursors, .calcium, .pth, .glandCapacity, .hydroxylase, .calcitriol, .gutAbsorption, .exchangeableCalcium, .pthrAvailable, .pthrAnabolic, .sclerostin]
        for rt in [1e-5, 1e-4, 1e-3] {
            var p = o
            var r = [Double](repeating: 1e-6, count: system.dimension)
            for s in fast { r[s.index] = rt }
            r[system.stateIndex(component: 0, compartment: 0)] = rt
            p.relativeTolerances = r
            go("fast states rtol \(rt)", p)
        }
    }
}

/// One (or N) teriparatide dose(s) with the pulse kernel against resolved pulses: every core
/// state's change a moment before the next dose (`osteosim-calibrate pulsecompare [N]`).
enum PulseCompare {
    static func run() {
        let woman = PatientBaseline(sex: .female, age: 65, menopausal: true, yearsSinceMenopause: 14)
        let core = BoneCore(patient: woman)
        var sols: [[Double]] = []
        let nd = Int(CommandLine.arguments.last ?? "") ?? 1
        for resolved in [false, true] {
            var p = PTHAnalogueComponent.defaults(.teriparatide)
            p.resolved = resolved ? 1 : 0
            let system = BoneSystem(core: core, components: [PTHAnalogueComponent(.teriparatide, parameters: p)])
            let doses = (0..<nd).map { Dose(time: Double($0), drug: "teriparatide", amount: 0.02, unit: .mg, route: .sc) }
            guard let ev = try? DoseEvents.events(for: doses, component: 0, in: system, defaultRoute: .sc),
                  let y0 = try? system.baselineState(),
                  let sol = try? ODESolver.solve(system, y0: y0, t0: 0, tEnd: Double(nd) - 0.001, saveAt: [Double(nd) - 0.001], discontinuities: ev, options: system.defaultOptions) else { print("fail"); return }
            sols.append(Array(sol.final) + y0)
        }
        let dim = sols[0].count / 2
        for s in BoneState.allCases {
            let i = s.index
            let b = sols[0][dim + i]
            print("\(s.name)\tbase \(String(format: "%.6g", b))\tkernel \(String(format: "%.6g", sols[0][i] - b))\tresolved \(String(format: "%.6g", sols[1][i] - b))")
        }
    }
}
