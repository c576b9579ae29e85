import Foundation
import OsteoModel
import OsteoODE

/// Projected lumbar spine and total hip BMD change of one course (untreated or under an option).
public struct BMDProjection: Sendable, Equatable {
    public var label: String
    /// nil when the course cannot be simulated yet; `note` says why.
    public var lumbarSpine12: Double?
    public var lumbarSpine24: Double?
    public var totalHip12: Double?
    public var totalHip24: Double?
    public var note: String

    /// The untreated course the core model can simulate today: age- and menopause-related change
    /// only. The glucocorticoid layer is not built yet, so the steroid's own effect is NOT included.
    public static func untreatedBackground(patient: PatientBaseline) throws(ODEError) -> BMDProjection {
        let month = 30.4375
        let r = try BoneSimulation.run(patient: patient, durationDays: 24 * month, outputDays: [0, 12 * month, 24 * month])
        let ls = r.column("lumbar_spine_bmd_change_pct") ?? []
        let th = r.column("total_hip_bmd_change_pct") ?? []
        return BMDProjection(
            label: "No bone treatment (background course)",
            lumbarSpine12: ls.count == 3 ? ls[1] : nil, lumbarSpine24: ls.count == 3 ? ls[2] : nil,
            totalHip12: th.count == 3 ? th[1] : nil, totalHip24: th.count == 3 ? th[2] : nil,
            note: "age- and menopause-related change only; the glucocorticoid effect is not yet modelled")
    }

    /// A row for an option whose drug the model cannot simulate yet.
    public static func pending(_ option: String) -> BMDProjection {
        BMDProjection(label: option, note: "not simulated: the drug layer arrives in a later release")
    }
}

/// Renders projection rows as an aligned text table.
public enum ProjectionTable {
    public static func render(_ rows: [BMDProjection]) -> String {
        func f(_ v: Double?) -> String { v.map { String(format: "%+.1f%%", $0) } ?? "—" }
        let header = ["Course", "LS 12 mo", "LS 24 mo", "TH 12 mo", "TH 24 mo", "Note"]
        let body = rows.map { [$0.label, f($0.lumbarSpine12), f($0.lumbarSpine24), f($0.totalHip12), f($0.totalHip24), $0.note] }
        let all = [header] + body
        let widths = (0..<header.count).map { c in all.map { $0[c].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, s in
                i == cells.count - 1 ? s : s.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        var out = line(header) + "\n"
        out += widths.enumerated().map { i, w in String(repeating: "-", count: i == widths.count - 1 ? 4 : w) }.joined(separator: "  ") + "\n"
        for r in body { out += line(r) + "\n" }
        return out
    }
}
