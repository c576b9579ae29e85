import OsteoModel

/// Young-adult reference BMD (mean, SD in g/cm²) used to turn % change into T-score change.
/// T(t) = T0 + (BMD0 · Δ%/100)/SD, with BMD0 = mean + T0·SD.
public struct TScoreReference: Sendable {
    public let mean: Double
    public let sd: Double
    public let source: String

    /// Lumbar spine: NHANES reference (calibration.md F2): women 21–30 y 1.064 ± 0.106, men 1.057 ± 0.110.
    /// Total hip: women NHANES III white 20–29 y 0.942 ± 0.122 (Looker 1998, F1, the ICSBM femur
    /// standard); men 21–30 y 1.067 ± 0.120 (F2).
    public static func lumbarSpine(_ sex: Sex) -> TScoreReference {
        sex == .female ? TScoreReference(mean: 1.064, sd: 0.106, source: "NHANES reference, women 21–30 y (calibration.md F2)")
                       : TScoreReference(mean: 1.057, sd: 0.110, source: "NHANES reference, men 21–30 y (calibration.md F2)")
    }

    public static func totalHip(_ sex: Sex) -> TScoreReference {
        sex == .female ? TScoreReference(mean: 0.942, sd: 0.122, source: "NHANES III, white women 20–29 y (Looker 1998; calibration.md F1)")
                       : TScoreReference(mean: 1.067, sd: 0.120, source: "NHANES reference, men 21–30 y (calibration.md F2)")
    }

    /// T-score after a BMD change of `changePct` percent from a baseline T-score `t0`.
    public func tScore(baseline t0: Double, changePct: Double) -> Double {
        let bmd0 = mean + t0 * sd
        return t0 + bmd0 * changePct / 100 / sd
    }
}
