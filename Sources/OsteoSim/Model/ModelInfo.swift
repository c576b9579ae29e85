import Foundation
import OsteoCatalog
import OsteoModel
import OsteoPharm

/// What the model is made of, for `osteosim parameters`, `osteosim levers`, docs and (later)
/// the JSON API: every component's parameter table and every mechanism lever.
public enum ModelInfo {
    /// Every component's parameters (the core's for a reference adult; drug components with
    /// their defaults).
    public static var parameterSections: [(title: String, rows: [ParameterInfo])] {
        typealias Section = (title: String, rows: [ParameterInfo])
        let core = BoneCore(patient: PatientBaseline(sex: .male, age: 40))
        var sections: [Section] = [
            ("Core model (OsteoModel.BoneCore)", core.parameterInfo),
            ("Pipeline test component `test_sc_depot` (not a drug)", TestDepotComponent().parameterInfo),
            ("Pipeline test component `test_oral` (not a drug)", TestOralComponent().parameterInfo),
            ("Glucocorticoids (OsteoPharm.GlucocorticoidComponent)", GlucocorticoidComponent().parameterInfo),
            ("Denosumab (OsteoPharm.DenosumabComponent)", DenosumabComponent().parameterInfo),
        ]
        for d in BisphosphonateComponent.Drug.allCases {
            sections.append(("Bisphosphonate: \(d.rawValue) (OsteoPharm.BisphosphonateComponent)", BisphosphonateComponent(d).parameterInfo))
        }
        for d in PTHAnalogueComponent.Drug.allCases {
            sections.append(("PTH1R agonist: \(d.rawValue) (OsteoPharm.PTHAnalogueComponent)", PTHAnalogueComponent(d).parameterInfo))
        }
        sections.append(("Romosozumab (OsteoPharm.RomosozumabComponent)", RomosozumabComponent().parameterInfo))
        sections.append(("Raloxifene (OsteoPharm.RaloxifeneComponent)", RaloxifeneComponent().parameterInfo))
        sections.append(("Calcium supplement (OsteoPharm.CalciumSupplementComponent)", CalciumSupplementComponent().parameterInfo))
        sections.append(("Vitamin D3 (OsteoPharm.VitaminDComponent)", VitaminDComponent().parameterInfo))
        for d in ActiveVitaminDComponent.Drug.allCases {
            sections.append(("Active vitamin D: \(d.rawValue) (OsteoPharm.ActiveVitaminDComponent)", ActiveVitaminDComponent(d).parameterInfo))
        }
        sections += inflammationSections
        sections.append(("Fracture relative risk (OsteoSim.FractureRisk)", FractureRiskParameters().info(component: "fracture_risk")))
        sections.append(("PTH-input test component `test_pth` (not a drug)", TestPTHComponent().parameterInfo))
        return sections
    }

    /// The inflammation layer, its disease presets and the anti-inflammatory drugs.
    static var inflammationSections: [(title: String, rows: [ParameterInfo])] {
        var out: [(title: String, rows: [ParameterInfo])] = [
            ("Inflammation layer (OsteoPharm.InflammationComponent)", InflammationComponent.Parameters().info(component: "inflammation"))]
        for d in DiseaseID.allCases { out.append(("Disease preset: \(d.rawValue) (OsteoPharm.DiseasePreset)", DiseasePreset(d).parameterInfo)) }
        for d in AntiTNFComponent.Drug.allCases { out.append(("TNF blocker: \(d.rawValue) (OsteoPharm.AntiTNFComponent)", AntiTNFComponent(d).parameterInfo)) }
        out.append(("Anakinra (OsteoPharm.AnakinraComponent)", AnakinraComponent().parameterInfo))
        out.append(("Tocilizumab (OsteoPharm.TocilizumabComponent)", TocilizumabComponent().parameterInfo))
        out.append(("Celecoxib (OsteoPharm.CelecoxibComponent)", CelecoxibComponent().parameterInfo))
        for d in ExposurePoolComponent.Drug.allCases {
            out.append(((d.isExperimental ? "EXPERIMENTAL lever: " : "") + "\(d.rawValue) (OsteoPharm.ExposurePoolComponent)", ExposurePoolComponent(d).parameterInfo))
        }
        return out
    }

    public static var allParameters: [ParameterInfo] { parameterSections.flatMap(\.rows) }

    /// docs/parameters.md.
    public static var parametersMarkdown: String { ParameterDocs.document(sections: parameterSections) }

    public static func parametersTable() -> String {
        let rows = allParameters.map { p in
            [p.component, p.name, ParameterDocs.format(p.value), p.unit, "\(ParameterDocs.format(p.min)) to \(ParameterDocs.format(p.max))", p.meaning, p.source]
        }
        return TextTable.render(header: ["component", "name", "value", "unit", "accepted range", "meaning", "source"], rows: rows)
    }

    public static func parametersJSON() -> String {
        let objects = allParameters.map { p in
            JSONText.object([("component", .string(p.component)), ("name", .string(p.name)), ("value", .number(p.value)),
                             ("unit", .string(p.unit)), ("meaning", .string(p.meaning)), ("source", .string(p.source)),
                             ("min", .number(p.min)), ("max", .number(p.max))])
        }
        return "[\n  " + objects.joined(separator: ",\n  ") + "\n]\n"
    }

    public static func leversTable() -> String {
        let rows = Lever.allCases.map { l in
            [l.id, l.isAvailable ? "yes" : "core model v2", l.meaning, l.actedOnBy]
        }
        return TextTable.render(header: ["id", "available", "multiplies", "acted on by"], rows: rows)
    }

    public static func leversJSON() -> String {
        let objects = Lever.allCases.map { l in
            JSONText.object([("id", .string(l.id)), ("available", .bool(l.isAvailable)), ("meaning", .string(l.meaning)),
                             ("acted_on_by", .string(l.actedOnBy))])
        }
        return "[\n  " + objects.joined(separator: ",\n  ") + "\n]\n"
    }
}

/// Left-aligned plain-text tables.
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> String {
        let widths = header.indices.map { c in ([header[c]] + rows.map { $0[c] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in i == cells.count - 1 ? c : c.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}

/// Minimal JSON text building (numbers without binary-rounding noise). `quote` is the package's one JSON
/// string escaper (the trial summaries use it too).
package enum JSONText {
    enum Value { case string(String), number(Double), bool(Bool) }
    package static func quote(_ s: String) -> String { AssessJSON.quote(s) }
    static func object(_ pairs: [(String, Value)]) -> String {
        "{" + pairs.map { k, v in
            let text: String
            switch v {
            case .string(let s): text = quote(s)
            case .number(let d): text = d.isFinite ? ParameterDocs.format(d) : "null"
            case .bool(let b): text = b ? "true" : "false"
            }
            return "\(quote(k)): \(text)"
        }.joined(separator: ", ") + "}"
    }
}
