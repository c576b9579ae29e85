/// One documented model parameter: the single place where its value, unit, meaning and source
/// live. `docs/parameters.md` is generated from these tables, so code and docs cannot disagree.
public struct ModelParameter: Sendable {
    public let name: String
    public let value: Double
    public let unit: String
    public let meaning: String
    public let source: String
    public init(_ name: String, _ value: Double, _ unit: String, _ meaning: String, _ source: String) {
        self.name = name
        self.value = value
        self.unit = unit
        self.meaning = meaning
        self.source = source
    }
}

/// Renders parameter tables as Markdown (for docs/parameters.md).
public enum ParameterDocs {
    public static func markdown(title: String, _ table: [ModelParameter]) -> String {
        var s = "## \(title)\n\n| name | value | unit | meaning | source |\n|---|---|---|---|---|\n"
        for p in table {
            s += "| `\(p.name)` | \(p.value) | \(p.unit) | \(p.meaning) | \(p.source) |\n"
        }
        return s + "\n"
    }
}
