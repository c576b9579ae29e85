import OsteoCatalog

/// How a scenario states a disease's activity, and how it maps onto the activity scale
/// (1 = the preset's typical active disease; docs/model.md, "Inflammation").
///
/// The activity given is the disease's **own** activity, without the scenario's anti-inflammatory
/// treatments (methotrexate, biologics, glucocorticoids): the model computes what those leave
/// (the `crp_mg_l` and `inflammatory_activity_rel` columns).
public enum ActivityInput: Sendable, Equatable {
    /// Serum CRP (mg/L): activity = (CRP − CRP_0)/(CRP_ref − CRP_0), CRP_ref = the preset's CRP at activity 1.
    case crp(Double)
    /// DAS28 (rheumatoid arthritis): activity = (DAS28 − 2.0)/3.5, and 0 at or below 2.0.
    case das28(Double)
    /// DAS28 and CRP together (rheumatoid arthritis, the disease's onset activity): DAS28 sets the
    /// activity and CRP the patient's systemic inflammation per unit of it (the preset's reference
    /// CRP becomes CRP_0 + (CRP − CRP_0)/activity).
    case das28AndCRP(das28: Double, crp: Double)
    /// A word (remission, low, moderate, high, severe).
    case level(String)
    /// The activity itself (0 = none, 1 = the preset's typical active disease).
    case value(Double)
}

public enum Activity {
    /// The accepted activity range: above 6 × the typical active disease the model's saturating
    /// actions are untested.
    public static let maximum = 6.0
    /// DAS28 at activity 0 and the DAS28 span of one activity unit (DAS28 5.5 = activity 1: the
    /// early-RA cohorts, FIN-RACo 5.5–5.6).
    public static let das28AtZero = 2.0, das28PerUnit = 3.5

    /// Activity words: for RA they sit inside the DAS28 bands (remission < 2.6, low ≤ 3.2,
    /// moderate ≤ 5.1, high > 5.1): DAS28 2.35, 3.05, 4.1, 5.5, 7.25.
    public static let levels: [(name: String, activity: Double)] = [
        ("remission", 0.1), ("low", 0.3), ("moderate", 0.6), ("high", 1.0), ("severe", 1.5),
    ]
    public static var levelNames: [String] { levels.map(\.name) }

    public static func das28(activity a: Double) -> Double { das28AtZero + das28PerUnit * a }

    /// Why an activity input cannot be used (the caller names the field).
    public struct Problem: Error, Sendable, Equatable {
        public let problem: String
        public let accepted: String
    }

    /// The activity an input means for `preset` (whose reference CRP may have been overridden).
    public static func value(of input: ActivityInput, preset: DiseasePreset, crpFloor: Double) throws(Problem) -> Double {
        let a: Double
        switch input {
        case .crp(let c):
            let ref = preset.parameters.referenceCRP
            let top = crpFloor + maximum * (ref - crpFloor)
            guard c >= crpFloor, c <= top else {
                throw Problem(problem: "CRP \(c) mg/L is outside the model's range for \(preset.disease.rawValue)",
                              accepted: "\(crpFloor) to \((top * 10).rounded() / 10) mg/L (CRP without inflammation to \(Int(maximum)) × the preset's typical active CRP of \(ref) mg/L)")
            }
            a = (c - crpFloor) / (ref - crpFloor)
        case .das28(let d), .das28AndCRP(let d, _):
            a = max(0, (d - das28AtZero) / das28PerUnit)
        case .level(let w):
            guard let l = levels.first(where: { $0.name == w }) else {
                throw Problem(problem: "unknown activity level '\(w)'", accepted: levelNames.joined(separator: ", ") + ", or a number 0 to \(Int(maximum))")
            }
            a = l.activity
        case .value(let v):
            a = v
        }
        guard a >= 0, a <= maximum else {
            throw Problem(problem: "activity \(a) is outside the model's range", accepted: "0 to \(Int(maximum)) (1 = the preset's typical active disease)")
        }
        return a
    }
}

/// A disease course as the simulation sees it: onset at `startDay` (negative = before day 0:
/// run in from the healthy state), the activity from then on, and changes over time.
public struct InflammationCourse: Sendable, Equatable {
    /// A change of activity from `from`; with `to`, the activity returns to the course's base
    /// activity at `to` (a flare, or a remission that ends).
    public struct Step: Sendable, Equatable {
        public var from: Double
        public var to: Double?
        public var activity: Double
        public init(from: Double, to: Double? = nil, activity: Double) {
            self.from = from
            self.to = to
            self.activity = activity
        }
    }

    public var disease: DiseaseID
    public var startDay: Double
    public var baseActivity: Double
    public var steps: [Step]

    public init(disease: DiseaseID, startDay: Double = 0, baseActivity: Double, steps: [Step] = []) {
        self.disease = disease
        self.startDay = startDay
        self.baseActivity = baseActivity
        self.steps = steps
    }

    /// The drive as breakpoints (time, activity from then on), sorted; later entries at the same
    /// time win (a step's return coinciding with the next step's start gives the next step).
    public func driveSteps(until end: Double) -> [(time: Double, activity: Double)] {
        var events: [(time: Double, order: Int, activity: Double)] = [(startDay, 0, baseActivity)]
        for (i, s) in steps.enumerated() {
            if let to = s.to { events.append((max(to, startDay), 2 * i + 1, baseActivity)) }
            events.append((max(s.from, startDay), 2 * i + 2, s.activity))
        }
        events.sort { $0.time != $1.time ? $0.time < $1.time : $0.order < $1.order }
        var out: [(time: Double, activity: Double)] = []
        for e in events where e.time < end {
            if let last = out.last, abs(last.time - e.time) < 1e-12 { out[out.count - 1] = (e.time, e.activity) } else { out.append((e.time, e.activity)) }
        }
        return out
    }
}
