/// JSBMR 2014 GIOP score (Suzuki et al. 2014), guidelines.md §5 [V]: treat when score ≥ 3.
///
/// | item | categories | points |
/// |---|---|---|
/// | prior fragility fracture | none / present | 0 / 7 |
/// | age | < 50 / 50–< 65 / ≥ 65 | 0 / 2 / 4 |
/// | GC dose (PSL mg/day) | < 5 / 5–< 7.5 / ≥ 7.5 | 0 / 1 / 4 |
/// | lumbar spine BMD %YAM | ≥ 80 / 70–< 80 / < 70 | 0 / 2 / 4 |
///
/// If %YAM is unknown the item scores 0 and the score is reported as a lower bound [M design choice].
public enum JSBMR2014 {
    public static let threshold = 3
    public static let source = RuleSource(Citation.jsbmr2014, .verified)

    public struct Item: Sendable, Equatable, Codable {
        public var item: String
        public var value: String
        public var points: Int
    }

    public struct Result: Sendable, Equatable, Codable {
        public var score: Int
        public var treat: Bool
        public var lowerBound: Bool
        public var items: [Item]
        public var firstLine: [OsteoporosisDrug]
        public var alternatives: [OsteoporosisDrug]
        public var source: RuleSource
    }

    public static func fracturePoints(_ prior: Bool) -> Int { prior ? 7 : 0 }
    public static func agePoints(_ age: Double) -> Int { age >= 65 ? 4 : age >= 50 ? 2 : 0 }
    public static func dosePoints(_ peq: Double) -> Int { peq >= 7.5 ? 4 : peq >= 5 ? 1 : 0 }
    public static func yamPoints(_ yam: Double) -> Int { yam < 70 ? 4 : yam < 80 ? 2 : 0 }

    public static func score(_ f: PatientFacts) -> Result {
        let p = f.patient
        let dose = f.exposure.currentDailyPEQMg
        var items = [
            Item(item: "prior fragility fracture", value: p.priorFragilityFracture ? "present" : "none", points: fracturePoints(p.priorFragilityFracture)),
            Item(item: "age", value: "\(formatNumber(p.age)) years", points: agePoints(p.age)),
            Item(item: "glucocorticoid dose", value: "\(formatNumber(dose)) mg/day prednisolone-equivalent", points: dosePoints(dose)),
        ]
        if let yam = p.lumbarSpineYAMPct {
            items.append(Item(item: "lumbar spine BMD", value: "\(formatNumber(yam))% YAM", points: yamPoints(yam)))
        } else {
            items.append(Item(item: "lumbar spine BMD", value: "unknown (scored 0)", points: 0))
        }
        let total = items.reduce(0) { $0 + $1.points }
        return Result(score: total, treat: total >= threshold, lowerBound: p.lumbarSpineYAMPct == nil, items: items,
                      firstLine: [.alendronate, .risedronate],
                      alternatives: [.teriparatide, .ibandronate, .alfacalcidol, .calcitriol], source: source)
    }
}

/// A number without a trailing ".0" (for messages).
public func formatNumber(_ x: Double, decimals: Int = 2) -> String {
    if x == x.rounded() && abs(x) < 1e15 { return String(Int(x)) }
    var s = fixed(x, decimals)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
}

/// `x` with exactly `decimals` decimals, halves away from zero.
public func fixed(_ x: Double, _ decimals: Int) -> String {
    let scale = pow10(decimals)
    let r = (x * scale).rounded(.toNearestOrAwayFromZero) / scale
    let negative = r < 0
    let a = abs(r)
    let whole = a.rounded(.down)
    var frac = Int(((a - whole) * scale).rounded())
    var w = Int(whole)
    if frac >= Int(scale) { w += 1; frac -= Int(scale) }
    var fs = String(frac)
    while fs.count < decimals { fs = "0" + fs }
    return (negative ? "-" : "") + String(w) + (decimals > 0 ? "." + fs : "")
}

private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 10 } }
