/// What kind of OsteoSim file a parsed document looks like, from its top-level keys, so that a file given to the
/// wrong command gets a hint ("this looks like a patient file: use `osteosim assess`").
public enum FileKind: String, Sendable, CaseIterable {
    case scenario, patient, trial, validationCase = "validation case"

    /// The command that reads this kind of file.
    public var command: String {
        switch self {
        case .scenario: "osteosim simulate"
        case .patient: "osteosim assess"
        case .trial: "osteosim trial"
        case .validationCase: "osteosim validate (validation/cases/)"
        }
    }

    /// The kind the document's top-level keys point to, or nil if it is not a mapping or unclear.
    public static func guess(_ root: InputNode) -> FileKind? {
        guard let keys = (root.value as? [String: Any]).map({ Set($0.keys) }) else { return nil }
        if keys.contains("endpoints") && keys.contains("citation") { return .validationCase }
        if keys.contains("arms") || keys.contains("population") || keys.contains("patients_per_arm") { return .trial }
        if keys.contains("patient") || keys.contains("duration") || keys.contains("output_every") { return .scenario }
        if keys.contains("sex") || keys.contains("age") { return .patient }
        return nil
    }

    /// A hint when `root` looks like another kind of file than `expected`.
    public static func hint(_ root: InputNode, expected: FileKind) -> String? {
        guard let kind = guess(root), kind != expected else { return nil }
        return "hint: \(root.file) looks like a \(kind.rawValue) file, not a \(expected.rawValue) file; a \(kind.rawValue) file is read by `\(kind.command)`"
    }
}
