import Foundation
import OsteoModel

let args = CommandLine.arguments.dropFirst()
var params = BoneModelV2Parameters()
for a in args where a.hasPrefix("set:") {
    // set:name=value overrides one parameter (exploration only; reported in the output).
    let kv = a.dropFirst(4).split(separator: "=")
    if kv.count == 2, let v = Double(kv[1]) { params.set(String(kv[0]), v); print("override \(kv[0]) = \(v)") }
}
if args.contains("params") { print(BoneModelV2Parameters.markdown()); exit(0) }
if args.contains("debug") { debugBaseline(params); debugRelax(params); debugRun(params); debugJacobian(params) }
if args.contains("calibrate") {
    params = calibrate(params)
}
if args.contains("markers") { printMarkers(params); exit(0) }
if args.contains("man") { debugMan(params); exit(0) }
if args.contains("trace") { debugTrace(params, [.init(.osteoblastCommitment, 0.6)]); exit(0) }
let results = runBars(params)
print("\n| bar | target | achieved | pass |\n|---|---|---|---|")
for r in results { print("| \(r.name) | \(r.target) | \(r.achieved) | \(r.pass ? "pass" : "MISS") |") }
print("\n\(results.filter(\.pass).count)/\(results.count) bars pass")
if args.contains("extras") { print("\nExtra probes (vs untreated, 65 y woman):"); runExtras(params) }
if args.contains("sweep") { print("\nLever sweep (documented ranges, 24 months):"); print(runSweep(params) ? "all within 2.0–2.8 mmol/L" : "SOME OUTSIDE 2.0–2.8 mmol/L") }
