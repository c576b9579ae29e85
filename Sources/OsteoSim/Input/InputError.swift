import OsteoModel

/// Bad input: names the file, the field path (e.g. `glucocorticoids[0].dose`), what was wrong
/// and what is accepted. The CLI prints it to stderr and exits with status 2.
public struct InputError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    public var field: String
    public var problem: String
    public var accepted: String?

    public init(file: String, field: String, problem: String, accepted: String? = nil) {
        self.file = file
        self.field = field
        self.problem = problem
        self.accepted = accepted
    }

    public var description: String {
        var s = "\(file): field '\(field.isEmpty ? "(top level)" : field)': \(problem)"
        if let accepted { s += "; accepted: \(accepted)" }
        return s
    }
}

/// The closest of `candidates` to `word` by edit distance, if it is close enough to be a likely
/// typo (one definition for every module: `OsteoModel.ClosestName`).
public func closestMatch(to word: String, in candidates: [String]) -> String? {
    ClosestName.find(word, among: candidates)
}
