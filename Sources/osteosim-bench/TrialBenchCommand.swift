import ArgumentParser
import Foundation
import OsteoCohort
import OsteoSim
import OsteoODE

/// Cost and accuracy of trial patients: the same patients solved with the trial's settings, with the `simulate`
/// settings (tolerance scale 1, dense LU) and with a tight reference (tolerance scale `--reference-scale`), on one
/// thread. Accuracy: per endpoint at the last output time, the largest |trial − reference| over the patients against
/// the between-patient SD of the reference values (the trial's tolerance is acceptable only if that ratio is small).
struct TrialBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trial",
        abstract: "Per-patient cost and endpoint accuracy of a trial's solver settings against simulate and a tight reference.")

    @Argument(help: "Trial file.") var file: String
    @Option(help: "Patients per arm to solve (the first ones of each arm).") var patients: Int = 20
    @Option(help: "Tolerance scale of the reference solution (1 = simulate's tolerances).") var referenceScale: Double = 0.01
    @Option(help: "Override the trial's tolerance scale.") var toleranceScale: Double?
    @Flag(help: "Dense LU for the trial settings too.") var dense = false
    @Flag(help: "simulate's PI controller and step after a dose for the trial settings.") var simulateStepping = false
    @Option(help: "Method for the trial settings: rodas5P, rodas4, rodas3P.") var method: String = "rodas5p"

    func run() throws {
        let trial: Trial
        do { trial = try Trial.load(path: file) } catch {
            FileHandle.standardError.write(Data("osteosim-bench: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let per = min(patients, trial.patientsPerArm)
        let ids = trial.arms.indices.flatMap { a in (0..<per).map { a * trial.patientsPerArm + $0 } }
        let scale = toleranceScale ?? trial.toleranceScale
        let variants: [(String, TrialSimulator.Settings)] = [
            ("trial", .init(toleranceScale: scale, sparseLinearAlgebra: !dense, estimateRestartStep: !simulateStepping,
                            elementaryController: !simulateStepping, method: RosenbrockMethod(rawValue: method) ?? .rodas5P)),
            ("simulate", .simulate),
            ("reference", .init(toleranceScale: referenceScale, sparseLinearAlgebra: false, estimateRestartStep: false, elementaryController: false)),
        ]
        var results: [String: [PatientOutcome]] = [:]
        for (name, settings) in variants {
            let sim = TrialSimulator(trial: trial, settings: settings)
            var outcomes: [PatientOutcome] = []
            var cpuByArm = [Double](repeating: 0, count: trial.arms.count)
            let start = DispatchTime.now().uptimeNanoseconds
            for id in ids {
                let c0 = threadCPUSeconds()
                outcomes.append(sim.simulate(id: id))
                cpuByArm[id / trial.patientsPerArm] += threadCPUSeconds() - c0
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            results[name] = outcomes
            let steps = outcomes.map(\.steps).reduce(0, +), rejected = outcomes.map(\.rejectedSteps).reduce(0, +)
            let failed = outcomes.filter { $0.failure != nil }.count
            print("{\"variant\": \"\(name)\", \"tolerance_scale\": \(jsonNumber(settings.toleranceScale)), \"sparse\": \(settings.sparseLinearAlgebra), "
                  + "\"patients\": \(ids.count), \"failed\": \(failed), \"ms_per_patient\": \(jsonNumber(1000 * seconds / Double(ids.count))), "
                  + "\"steps_per_patient\": \(jsonNumber(Double(steps) / Double(ids.count))), \"rejected_per_patient\": \(jsonNumber(Double(rejected) / Double(ids.count))), "
                  + "\"cpu_ms_per_patient_by_arm\": {" + trial.arms.indices.map { "\"\(trial.arms[$0].name)\": \(jsonNumber(1000 * cpuByArm[$0] / Double(per)))" }.joined(separator: ", ") + "}}")
        }
        guard let t = results["trial"], let s = results["simulate"], let r = results["reference"] else { return }
        let last = trial.outputDays.count - 1
        for (c, column) in trial.columns.enumerated() {
            for (a, arm) in trial.arms.enumerated() {
                var maxTrial = 0.0, maxSimulate = 0.0
                var refValues: [Double] = []
                for i in ids.indices where ids[i] / trial.patientsPerArm == a {
                    guard r[i].failure == nil, t[i].failure == nil, s[i].failure == nil, let rv = r[i].values[last][c],
                          let tv = t[i].values[last][c], let sv = s[i].values[last][c] else { continue }
                    refValues.append(rv)
                    maxTrial = max(maxTrial, abs(tv - rv))
                    maxSimulate = max(maxSimulate, abs(sv - rv))
                }
                guard refValues.count > 1 else { continue }
                let mean = refValues.reduce(0, +) / Double(refValues.count)
                let sd = (refValues.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(refValues.count - 1)).squareRoot()
                print("{\"arm\": \"\(arm.name)\", \"endpoint\": \"\(column)\", \"day\": \(jsonNumber(trial.outputDays[last])), \"patients\": \(refValues.count), "
                      + "\"between_patient_sd\": \(jsonNumber(sd)), \"max_abs_error_trial\": \(jsonNumber(maxTrial)), "
                      + "\"max_abs_error_simulate\": \(jsonNumber(maxSimulate)), \"trial_error_over_sd\": \(jsonNumber(sd > 0 ? maxTrial / sd : .nan))}")
            }
        }
    }
}

/// CPU time of the calling thread (not inflated by other processes' load, unlike wall time).
func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
