/// Whether the patient is within the population an instrument was written for. Every instrument reports its
/// scope; outside it, its result is shown for information only and says so.
public struct InstrumentScope: Sendable, Equatable, Codable {
    public var instrument: String
    public var inScope: Bool
    /// The population the instrument covers, and (outside it) why this patient is not in it.
    public var note: String

    /// ≥ 3 months, in days (3 × 30.4375, rounded).
    static let threeMonths = Int((3 * daysPerMonth).rounded())

    public static func all(_ f: PatientFacts) -> [InstrumentScope] {
        let e = f.exposure, p = f.patient
        let gcAny = "glucocorticoid run including today: \(e.continuousDaysOnGlucocorticoid) days past + planned"
        let gc25 = "current \(formatNumber(e.currentDailyPEQMg)) mg/day, run at >= 2.5 mg/day of \(e.continuousDaysAtOrAbove2_5mg) days past + planned"
        var out = [
            InstrumentScope(instrument: "acr2022", inScope: e.currentDailyPEQMg >= 2.5 && e.continuousDaysAtOrAbove2_5mg > threeMonths,
                            note: "adults on glucocorticoid >= 2.5 mg/day for > 3 months (\(gc25))"),
            InstrumentScope(instrument: "acr2017", inScope: e.currentDailyPEQMg >= 2.5 && e.continuousDaysAtOrAbove2_5mg >= threeMonths,
                            note: "adults on glucocorticoid >= 2.5 mg/day for >= 3 months (\(gc25))"),
            InstrumentScope(instrument: "jsbmr2014", inScope: e.continuousDaysOnGlucocorticoid >= threeMonths,
                            note: "patients >= 18 years on (or starting) oral glucocorticoid for >= 3 months (\(gcAny))"),
            InstrumentScope(instrument: "iof_ects2012", inScope: e.continuousDaysOnGlucocorticoid >= threeMonths,
                            note: "adults on (or starting) oral glucocorticoid for >= 3 months (\(gcAny))"),
            InstrumentScope(instrument: "nogg2022", inScope: e.continuousDaysOnGlucocorticoid >= threeMonths,
                            note: "adults on (or starting) oral glucocorticoid for >= 3 months (\(gcAny))"),
        ]
        if p.frax != nil {
            out.append(InstrumentScope(instrument: "frax_adjusted", inScope: p.age >= 40 && p.age <= 90,
                                       note: "FRAX covers ages 40 to 90 (age \(formatNumber(p.age)))"))
        }
        return out
    }
}
