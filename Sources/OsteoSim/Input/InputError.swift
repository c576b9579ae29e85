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

/// The closest of `candidates` to `word` by edit distance, if it is close enough to be a likely typo.
public func closestMatch(to word: String, in candidates: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
    let w = Array(word.lowercased())
    var best: (String, Int)?
    for c in candidates {
        let d = distance(w, Array(c.lowercased()))
        if best == nil || d < best!.1 { best = (c, d) }
    }
    guard let (match, d) = best, d <= max(2, w.count / 3) else { return nil }
    return match
}
