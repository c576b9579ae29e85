import Foundation
import OsteoModel
import OsteoODE

func debugBaseline(_ params: BoneModelV2Parameters) {
    for patient in [PatientBaseline(sex: .male, age: 40), woman65] {
        let m = BoneModelV2(patient: patient, parameters: params)
        var f = m
        f.freezeDrives = true
        let y = m.referenceState
        var dy = [Double](repeating: 0, count: m.dimension)
        y.withUnsafeBufferPointer { yp in dy.withUnsafeMutableBufferPointer { f.evaluate(t: 0, y: yp.baseAddress!, dy: $0.baseAddress!) } }
        print("reference residuals:", zip(V2State.allCases, dy).filter { abs($0.1) > 1e-12 }.map { "\($0.0)=\($0.1)" })
        do {
            let b = try m.baselineState()
            print("baseline \(patient.age):", zip(V2State.allCases, b).map { "\($0.0)=\(String(format: "%.4g", $0.1))" }.joined(separator: " "))
        } catch { print("baseline failed: \(error)") }
    }
}

func debugRelax(_ params: BoneModelV2Parameters) {
    var m = BoneModelV2(patient: woman65, parameters: params)
    m.freezeDrives = true
    m.holdMatrix = true
    let save = [0, 1, 10, 100, 1000, 10000.0]
    do {
        let s = try ODESolver.solve(m, y0: m.referenceState, t0: 0, tEnd: 10000, saveAt: save, options: BoneSimulationV2.options(for: m))
        for i in save.indices { print(save[i], s.state(at: i).map { String(format: "%.4g", $0) }.joined(separator: " ")) }
    } catch { print("relax failed \(error)") }
}

func debugRun(_ params: BoneModelV2Parameters) {
    do {
        let p = Probe(params: params)
        let a = try p.run([])
        for i in stride(from: 0, to: a.days.count, by: 24) { print(a.days[i], a.spinePct[i], a.hipPct[i], a.ctxPct[i], a.calcium[i]) }
    } catch { print("run failed: \(error)") }
}

func debugJacobian(_ params: BoneModelV2Parameters) {
    var m = BoneModelV2(patient: woman65, parameters: params)
    m.freezeDrives = true
    let n = m.dimension
    var y = m.referenceState
    for i in y.indices { y[i] *= 1 + 0.1 * sin(Double(i + 1)) }
    y[V2State.modelingOsteoblasts.index] = 0.05
    var J = [Double](repeating: 0, count: n * n)
    let duals = UnsafeMutablePointer<Dual>.allocate(capacity: 2 * n); duals.initialize(repeating: Dual(0), count: 2 * n)
    let dbl = UnsafeMutablePointer<Double>.allocate(capacity: 2 * n)
    _ = y.withUnsafeBufferPointer { yp in J.withUnsafeMutableBufferPointer { m.jacobian(t: 0, y: yp.baseAddress!, into: $0.baseAddress!, scratch: JacobianScratch(duals: duals, doubles: dbl)) } }
    for j in 0..<n {
        let h = 1e-6 * max(abs(y[j]), 1e-6)
        var yp = y, ym = y
        yp[j] += h; ym[j] -= h
        var fp = [Double](repeating: 0, count: n), fm = fp
        yp.withUnsafeBufferPointer { a in fp.withUnsafeMutableBufferPointer { m.evaluate(t: 0, y: a.baseAddress!, dy: $0.baseAddress!) } }
        ym.withUnsafeBufferPointer { a in fm.withUnsafeMutableBufferPointer { m.evaluate(t: 0, y: a.baseAddress!, dy: $0.baseAddress!) } }
        for i in 0..<n {
            let fd = (fp[i] - fm[i]) / (2 * h)
            let err = abs(fd - J[j * n + i]) / max(abs(fd), abs(J[j * n + i]), 1e-8)
            if err > 1e-5 { print("J mismatch row \(V2State(rawValue: i)!) col \(V2State(rawValue: j)!): dual \(J[j * n + i]) fd \(fd)") }
        }
    }
}

func debugTrace(_ params: BoneModelV2Parameters, _ w: [LeverSchedule.Window]) {
    let p = Probe(params: params)
    guard let u = try? p.run([]), let a = try? p.run(w) else { print("trace failed"); return }
    let m = BoneModelV2(patient: woman65, parameters: params)
    let c0 = m.referenceState[V2State.lsTrabCavity.index]
    print("mo  dLS   OB/OBu  OC/OCu  OCP/u  C/Cu  ROB/u  OPG/u  Vt/u Mt/u Vc/u Mc/u")
    for mo in [0.0, 1, 2, 3, 6, 9, 12, 18, 24, 36, 48] {
        let i = p.index(mo)
        func r(_ s: V2State) -> Double { a.states[i][s.index] / u.states[i][s.index] }
        print(String(format: "%4.0f %6.2f %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f", mo, a.spinePct[i] - u.spinePct[i], r(.osteoblasts), r(.osteoclasts), r(.osteoclastPrecursors), r(.lsTrabCavity), r(.preosteoblasts), r(.opg)) + String(format: " %6.4f %6.4f %6.4f %6.4f", r(.lsTrabMatrix), r(.lsTrabMineral), r(.lsCortMatrix), r(.lsCortMineral)))
    }
    _ = c0
}

func debugMan(_ params: BoneModelV2Parameters) {
    var c = Probe(params: params)
    c.patient = PatientBaseline(sex: .male, age: 25.5)
    c.months = 600
    c.step = 60
    guard let r = try? c.run([]) else { print("fail"); return }
    for (i, s) in r.states.enumerated() {
        print(String(format: "age %4.1f TH %6.2f LS %6.2f OC %.3f OB %.3f OCP %.3f PTH %.3f Ca %.4f C/C0 %.3f Vt %.4f Vc %.4f OCY %.3f", 25.5 + Double(i) * 5, r.hipPct[i], r.spinePct[i], s[V2State.osteoclasts.index], s[V2State.osteoblasts.index], s[V2State.osteoclastPrecursors.index], s[V2State.pth.index], s[V2State.calcium.index], s[V2State.thTrabCavity.index] / 0.1027, s[V2State.thTrabMatrix.index], s[V2State.thCortMatrix.index], s[V2State.osteocytes.index]))
    }
}

extension BoneModelV2Parameters {
    mutating func set(_ name: String, _ v: Double) {
        switch name {
        case "canopyExponent": canopyExponent = v
        case "kPrecursor": kPrecursor = v
        case "balanceSlope": balanceSlope = v
        case "balanceDeficitAmplitude": balanceDeficitAmplitude = v
        case "refillSpeedExponent": refillSpeedExponent = v
        case "osteomorphRecycling": osteomorphRecycling = v
        case "ranklOsteocyteShare": ranklOsteocyteShare = v
        case "opgOsteoblastShare": opgOsteoblastShare = v
        case "pthModelingGain": pthModelingGain = v
        case "pthCommitmentGain": pthCommitmentGain = v
        case "pthSurvivalGain": pthSurvivalGain = v
        case "modelingGain": modelingGain = v
        case "apoptoticOsteocyteRANKL": apoptoticOsteocyteRANKL = v
        case "tgfActivationK": tgfActivationK = v
        case "ranklRecruitmentExponent": ranklRecruitmentExponent = v
        case "canopyIndependentShare": canopyIndependentShare = v
        case "ranklSurvivalExponent": ranklSurvivalExponent = v
        case "menopauseTransientRANKL": menopauseTransientRANKL = v
        case "fusionFraction": fusionFraction = v
        case "corticalTargetedRemodeling": corticalTargetedRemodeling = v
        case "balanceOverfillAmplitude": balanceOverfillAmplitude = v
        default: print("unknown parameter \(name)")
        }
    }
}

/// Day-0 serum markers of probe patients vs the reference intervals (calibration.md F6, F7).
func printMarkers(_ params: BoneModelV2Parameters) {
    print("| patient | CTX ng/mL | P1NP ng/mL | PTH pmol/L | Ca mmol/L |\n|---|---|---|---|---|")
    for (name, pt) in [("man 40 y", PatientBaseline(sex: .male, age: 40)), ("woman 52 y, 1 y after menopause", PatientBaseline(sex: .female, age: 52, menopausal: true, yearsSinceMenopause: 1)),
                       ("woman 65 y (14 y)", woman65), ("woman 72 y (21 y)", PatientBaseline(sex: .female, age: 72, menopausal: true, yearsSinceMenopause: 21)),
                       ("man 75 y", PatientBaseline(sex: .male, age: 75))] {
        guard let y = try? BoneModelV2(patient: pt, parameters: params).baselineState() else { print("| \(name) | failed |"); continue }
        let ctx = y[V2State.osteoclasts.index] * params.ctxReference
        let p1np = (y[V2State.osteoblasts.index] + y[V2State.modelingOsteoblasts.index]) * params.p1npReference
        print("| \(name) | \(String(format: "%.3f", ctx)) | \(f1(p1np)) | \(f2(y[V2State.pth.index])) | \(f2(y[V2State.calcium.index])) |")
    }
}
