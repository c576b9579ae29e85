/// One accepted range per patient field, shared by every command (`simulate`, `assess`, trial populations), so a
/// value accepted by one is accepted by all (docs/file-formats.md lists them). Nothing is clamped: a value outside
/// is refused with the range.
public struct FieldRange: Sendable {
    public let range: ClosedRange<Double>
    public let unit: String
    /// Why these bounds.
    public let basis: String

    /// Reads `node` as a number in this range.
    public func read(_ node: InputNode) throws(InputError) -> Double {
        try node.number(in: range, unit: unit)
    }

    /// "18 to 100 years".
    public var accepted: String {
        "\(Quantity.formatted(range.lowerBound)) to \(Quantity.formatted(range.upperBound))" + (unit.isEmpty ? "" : " \(unit)")
    }
}

public enum FieldRanges {
    /// Adults: the core model's age range and the adult guideline instruments (ACR, JSBMR, IOF-ECTS, NOGG).
    public static let age = FieldRange(range: 18...100, unit: "years",
                                       basis: "adults; the bone model covers ages 18 to 100 (its age and menopause terms are fitted up to 100)")
    public static let tScore = FieldRange(range: -7...7, unit: "", basis: "DXA T-scores seen in practice lie within about -6 to +5")
    public static let zScore = FieldRange(range: -7...7, unit: "", basis: "as T-scores")
    public static let egfr = FieldRange(range: 1...200, unit: "mL/min/1.73 m2", basis: "CKD-EPI eGFR; below 15 is kidney failure, above 150 is hyperfiltration")
    public static let yearsSinceMenopause = FieldRange(range: 0...82, unit: "years", basis: "age at menopause from 18 (see plausibility)")

    // Cross-field plausibility (docs/file-formats.md, "Plausibility checks").
    /// Earliest age at menopause accepted (premature ovarian insufficiency is menopause before 40; surgical
    /// menopause can be earlier, but not in childhood).
    public static let minimumAgeAtMenopause = 18.0
    /// Latest age accepted for a premenopausal woman (natural menopause is before 60 in over 99% of women).
    public static let maximumPremenopausalAge = 60.0
    /// Latest age accepted for pregnancy or planned pregnancy.
    public static let maximumPregnancyAge = 55.0
}
