import Foundation
import OsteoModel

/// Fracture relative risk against the same patient without glucocorticoids (docs/model.md,
/// "Fracture risk"): a mechanistic part from the simulated BMD difference and an empirical part
/// for what BMD does not explain (Kanis 2004, B9: GC risk is independent of BMD).
///
///     RR_site(t) = G_site^(−Δz_site(t)) · D_site(X(t))
///     Δz = BMD0 · (BMD_with/BMD_without − 1) / SD     (SD units of the young-adult reference)
///     D(X) = 1 + (R_max − 1) · X/(X50 + X)              (X: the GC risk exposure, mg/day PEQ,
///                                                       following the daily dose with onset and
///                                                       offset over months)
///
/// Vertebral fracture uses lumbar spine BMD, hip and non-vertebral fracture total hip BMD.
public struct FractureRiskParameters: ParameterSet {
    public var vertebralGradient = 2.3
    public var hipGradient = 2.6
    public var nonvertebralGradient = 1.5
    public var vertebralMaximum = 7.15
    public var vertebralHalfDose = 15.75
    public var hipMaximum = 2.7
    public var hipHalfDose = 9.75
    public var nonvertebralMaximum = 1.74
    public var nonvertebralHalfDose = 7.0
    public var baselineTScore = -1.0
    public var vertebralSuppressionMaximum = 0.52
    public var vertebralSuppressionHalf = 0.1
    public init() {}

    public static let table: [ParameterRow<FractureRiskParameters>] = [
        ParameterRow("fx_vertebral_gradient", \.vertebralGradient, "per SD", "vertebral fracture RR per SD lower lumbar spine BMD",
                     "Marshall D et al., BMJ 1996;312:1254 (2.3, 95% CI 1.9–2.8)", range: 1...5),
        ParameterRow("fx_hip_gradient", \.hipGradient, "per SD", "hip fracture RR per SD lower hip BMD",
                     "Marshall 1996 (2.6, 2.0–3.5)", range: 1...5),
        ParameterRow("fx_nonvertebral_gradient", \.nonvertebralGradient, "per SD", "non-vertebral fracture RR per SD lower BMD (any site)",
                     "Marshall 1996 (1.5, 1.4–1.6)", range: 1...5),
        ParameterRow("fx_vertebral_max", \.vertebralMaximum, "-", "maximal BMD-independent vertebral RR of GC exposure",
                     "calibrated to the B3 dose bands at 12 months (`osteosim-calibrate fracture`)", range: 1...30),
        ParameterRow("fx_vertebral_half_dose", \.vertebralHalfDose, "mg/day PEQ", "exposure of half the BMD-independent vertebral effect",
                     "calibrated to the B3 dose bands at 12 months", range: 0.5...100),
        ParameterRow("fx_hip_max", \.hipMaximum, "-", "maximal BMD-independent hip RR of GC exposure",
                     "calibrated to the B2 dose bands at 12 months", range: 1...30),
        ParameterRow("fx_hip_half_dose", \.hipHalfDose, "mg/day PEQ", "exposure of half the BMD-independent hip effect",
                     "calibrated to the B2 dose bands at 12 months", range: 0.5...100),
        ParameterRow("fx_nonvertebral_max", \.nonvertebralMaximum, "-", "maximal BMD-independent non-vertebral RR of GC exposure",
                     "calibrated to B1 (all users 1.33) and B6 (≥7.5 vs <2.5 mg/d: 1.44)", range: 1...30),
        ParameterRow("fx_nonvertebral_half_dose", \.nonvertebralHalfDose, "mg/day PEQ", "exposure of half the BMD-independent non-vertebral effect",
                     "calibrated to B1 and B6", range: 0.5...100),
        ParameterRow("fx_vertebral_suppression_max", \.vertebralSuppressionMaximum, "-", "largest fall in vertebral fracture risk from suppressed resorption, beyond what BMD explains (treated vs control arm)",
                     "calibrated to D14 (HORIZON-PFT vertebral RR 0.30 with the model's BMD part 0.56; `osteosim-calibrate fracture`); the term then carries about half of the log effect, as BMD explained 35–51% of denosumab's (Austin 2012, JBMR 27:687) and CTX 55–67% of risedronate's (Eastell 2003, JBMR 18:1051)", range: 0...0.95),
        ParameterRow("fx_vertebral_suppression_half", \.vertebralSuppressionHalf, "-", "fractional suppression of resorption (CTX, treated vs control) at half the term's effect",
                     "assumed: the benefit saturates — Eastell 2003 found the relation non-linear, with little further benefit at larger decreases of CTX", range: 0.01...1),
        ParameterRow("fx_baseline_t_score", \.baselineTScore, "SD", "T-score assumed for the SD conversion when the scenario gives none",
                     "assumed (a typical T-score of a woman in her sixties)", range: -5...3),
    ]
}

public enum FractureRisk {
    public static let columns = ["vertebral_fracture_rr", "hip_fracture_rr", "nonvertebral_fracture_rr"]

    /// The three RR series from the site BMDs (absolute, relative to the reference adult) with and
    /// without the exposure (same output days) and the risk exposure X (mg/day PEQ).
    public static func relativeRisks(sex: Sex, spineTScore: Double?, hipTScore: Double?,
                                     spineWith: [Double], spineWithout: [Double], hipWith: [Double], hipWithout: [Double],
                                     exposure: [Double], parameters p: FractureRiskParameters = FractureRiskParameters()) -> [[Double]] {
        let ls = TScoreReference.lumbarSpine(sex), th = TScoreReference.totalHip(sex)
        let ls0 = ls.mean + (spineTScore ?? p.baselineTScore) * ls.sd
        let th0 = th.mean + (hipTScore ?? p.baselineTScore) * th.sd
        func doseTerm(_ x: Double, _ rmax: Double, _ half: Double) -> Double { 1 + (rmax - 1) * max(x, 0) / (half + max(x, 0)) }
        var vert: [Double] = [], hip: [Double] = [], nonvert: [Double] = []
        for i in exposure.indices {
            let dzLS = ls0 * (spineWith[i] / spineWithout[i] - 1) / ls.sd
            let dzTH = th0 * (hipWith[i] / hipWithout[i] - 1) / th.sd
            let x = exposure[i]
            vert.append(Foundation.pow(p.vertebralGradient, -dzLS) * doseTerm(x, p.vertebralMaximum, p.vertebralHalfDose))
            hip.append(Foundation.pow(p.hipGradient, -dzTH) * doseTerm(x, p.hipMaximum, p.hipHalfDose))
            nonvert.append(Foundation.pow(p.nonvertebralGradient, -dzTH) * doseTerm(x, p.nonvertebralMaximum, p.nonvertebralHalfDose))
        }
        return [vert, hip, nonvert]
    }

    /// A treatment's relative risk between two arms (treated a against control b): the BMD part
    /// (`bmdRelativeRisk`) times, for vertebral fracture only, a term in the suppression of
    /// resorption d = max(0, 1 − CTX_a/CTX_b) at the same day:
    ///
    ///     T(d) = 1 − T_max · s(d),   s(d) = d (1 + d50)/(d + d50)   (s(0) = 0, s(1) = 1, saturating)
    ///
    /// Hip and non-vertebral fracture keep the BMD part alone: total hip BMD explained 87% of
    /// denosumab's non-vertebral effect but 35–51% of its vertebral one (Austin 2012), and changes in
    /// CTX accounted for 55–67% of risedronate's vertebral effect (Eastell 2003). Used by the
    /// validation cases of treatment trials (statistic `relative_risk`).
    public static func treatmentRelativeRisk(_ fracture: String, sex: Sex, spineTScore: Double?, hipTScore: Double?,
                                             spineRel: (Double, Double), hipRel: (Double, Double), ctx: (Double, Double),
                                             parameters p: FractureRiskParameters = FractureRiskParameters()) -> Double? {
        guard let bmd = bmdRelativeRisk(fracture, sex: sex, spineTScore: spineTScore, hipTScore: hipTScore,
                                        spineRel: spineRel, hipRel: hipRel, parameters: p) else { return nil }
        guard fracture == "vertebral_fracture_rr" else { return bmd }
        return bmd * suppressionTerm(ctxRatio: ctx.0 / ctx.1, parameters: p)
    }

    /// T(d) of `treatmentRelativeRisk`, from the treated/control CTX ratio (no term for a rise).
    public static func suppressionTerm(ctxRatio: Double, parameters p: FractureRiskParameters = FractureRiskParameters()) -> Double {
        1 - p.vertebralSuppressionMaximum * suppressionShape(max(0, 1 - ctxRatio), parameters: p)
    }

    /// s(d) = d (1 + d50)/(d + d50): 0 at no suppression, 1 at full, saturating.
    public static func suppressionShape(_ d: Double, parameters p: FractureRiskParameters = FractureRiskParameters()) -> Double {
        let h = p.vertebralSuppressionHalf
        return d * (1 + h) / (d + h)
    }

    /// The BMD-explained part alone, between two courses of the same patient (a treated arm
    /// against its placebo arm): RR = G^(−Δz), Δz = BMD0 · (BMD_a/BMD_b − 1)/SD at the fracture's
    /// site (vertebral: lumbar spine; hip and non-vertebral: total hip). Used by the validation
    /// cases of treatment trials (D1): what the model's BMD difference alone predicts.
    public static func bmdRelativeRisk(_ fracture: String, sex: Sex, spineTScore: Double?, hipTScore: Double?,
                                       spineRel: (Double, Double), hipRel: (Double, Double),
                                       parameters p: FractureRiskParameters = FractureRiskParameters()) -> Double? {
        let ls = TScoreReference.lumbarSpine(sex), th = TScoreReference.totalHip(sex)
        let ls0 = ls.mean + (spineTScore ?? p.baselineTScore) * ls.sd
        let th0 = th.mean + (hipTScore ?? p.baselineTScore) * th.sd
        let dzLS = ls0 * (spineRel.0 / spineRel.1 - 1) / ls.sd
        let dzTH = th0 * (hipRel.0 / hipRel.1 - 1) / th.sd
        switch fracture {
        case "vertebral_fracture_rr": return Foundation.pow(p.vertebralGradient, -dzLS)
        case "hip_fracture_rr": return Foundation.pow(p.hipGradient, -dzTH)
        case "nonvertebral_fracture_rr": return Foundation.pow(p.nonvertebralGradient, -dzTH)
        default: return nil
        }
    }
}
