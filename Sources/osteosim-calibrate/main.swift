import Foundation
import OsteoModel

let args = CommandLine.arguments.dropFirst()
if args.first == "bisphosphonates" {
    BisphosphonateCalibration.fit()
    exit(0)
}
if args.first == "remodelling-space" {
    RemodellingSpaceCalibration.fit()
    exit(0)
}
if args.first == "denosumab" {
    print("| Imax | potency (mg/L) | Hill | CTX vs PBO 1/6/36 mo (%) | P1NP vs PBO 6/36 mo (%) | TH 12/24/36 mo (%) | LS vs PBO 36 mo | objective |\n|---|---|---|---|---|---|---|---|")
    DenosumabCalibration.fit()
    exit(0)
}
if args.first == "pulsecompare" { PulseCompare.run(); exit(0) }
if args.first == "pthspeed" { PTHSpeedExperiment.run(); exit(0) }
if args.first == "anabolics" {
    AnabolicCalibration.fit()
    exit(0)
}
if args.first == "eldecalcitol" {
    EldecalcitolCalibration.fit()
    exit(0)
}
if args.first == "calcium" {
    CalciumCalibration.fit()
    exit(0)
}
if args.first == "raloxifene" {
    RaloxifeneCalibration.fit()
    exit(0)
}
if args.first == "fracture" {
    FractureCalibration.fit()
    exit(0)
}
if args.first == "inflammation" {
    InflammationCalibration.calibrate()
    exit(0)
}
if args.first == "cases" {
    CaseProbe.run(Array(args.dropFirst()))
    exit(0)
}
if args.first == "gc" {
    GlucocorticoidCalibration.v1 = args.contains("v1")
    _ = GlucocorticoidCalibration.calibrate()
    exit(0)
}
var params = BoneModelV2Parameters()
for a in args where a.hasPrefix("set:") {
    // set:name=value overrides one parameter (exploration only; reported in the output).
    let kv = a.dropFirst(4).split(separator: "=")
    if kv.count == 2, let v = Double(kv[1]) {
        do { params = try params.setting(String(kv[0]), to: v); print("override \(kv[0]) = \(v)") } catch { print("\(error)"); exit(2) }
    }
}
if args.contains("calibrate") {
    params = calibrate(params)
}
let results = runBars(params)
print("\n| bar | target | achieved | pass |\n|---|---|---|---|")
for r in results { print("| \(r.name) | \(r.target) | \(r.achieved) | \(r.pass ? "pass" : "MISS") |") }
print("\n\(results.filter(\.pass).count)/\(results.count) bars pass")
if args.contains("extras") { print("\nExtra probes (vs untreated, 65 y woman):"); runExtras(params) }
if args.contains("sweep") { print("\nLever sweep (documented ranges, 24 months):"); print(runSweep(params) ? "all within 2.0–2.8 mmol/L" : "SOME OUTSIDE 2.0–2.8 mmol/L") }
