import Foundation
import Yams

/// A parsed YAML/JSON document with its position (file and field path), for reading typed values
/// with errors that say exactly where and what is accepted. JSON is read by the YAML parser
/// (JSON is a subset of YAML 1.2), so the same keys work in both.
public struct InputNode: @unchecked Sendable {
    public let file: String
    public let path: String
    public let value: Any?

    public init(file: String, path: String = "", value: Any?) {
        self.file = file
        self.path = path
        self.value = value
    }

    /// The name used in messages for standard input (the file argument `-`).
    public static let standardInputName = "<standard input>"

    /// Parses YAML or JSON text, within `InputLimits` (size, nesting depth, nodes after alias expansion).
    /// A key given twice in one mapping is refused, naming both lines.
    public static func parse(_ text: String, file: String) throws(InputError) -> InputNode {
        try parse(text, file: file, prescan: true)
    }

    /// `prescan: false` skips the nesting pre-scan (tests of the large-stack parser thread only).
    static func parse(_ text: String, file: String, prescan: Bool) throws(InputError) -> InputNode {
        let bytes = text.utf8.count
        if bytes > InputLimits.maxBytes {
            throw InputError(file: file, field: "", problem: "the file is \(bytes) bytes, more than the limit of \(InputLimits.maxBytes) bytes (1 MiB)",
                             accepted: "a scenario or patient file of at most 1 MiB (docs/file-formats.md, Limits)")
        }
        if prescan, let (depth, line) = InputLimits.depthExceeded(text) {
            throw InputError(file: file, field: "", problem: "line \(line): nested \(depth) levels deep, more than the limit of \(InputLimits.maxDepth)",
                             accepted: "mappings and lists nested at most \(InputLimits.maxDepth) levels (docs/file-formats.md, Limits)")
        }
        return try onLargeStack { () throws(InputError) -> InputNode in
            let root: Node?
            do {
                root = try Yams.compose(yaml: text)
            } catch {
                throw InputError(file: file, field: "", problem: "not valid YAML or JSON (\(error))")
            }
            guard let root else { return InputNode(file: file, value: nil) }
            var budget = YAMLConversion(file: file)
            return InputNode(file: file, value: try budget.value(root, path: "", depth: 0))
        }
    }

    /// Stack of the thread that runs the YAML parser: the parser recurses once per nesting level, and the
    /// pre-scan (`InputLimits.depthExceeded`) keeps real inputs to 64 levels; this is a second line of defence
    /// against a text the pre-scan misjudges (pages are only used as deep as the parser goes).
    static let parserStackBytes = 512 << 20

    /// Runs `body` on a thread with a `parserStackBytes` stack and waits for it.
    static func onLargeStack(_ body: @escaping @Sendable () throws(InputError) -> InputNode) throws(InputError) -> InputNode {
        final class Box: @unchecked Sendable { var result: Result<InputNode, InputError>? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = Result { () throws(InputError) -> InputNode in try body() }
            done.signal()
        }
        thread.stackSize = parserStackBytes
        thread.start()
        done.wait()
        switch box.result {
        case .success(let node): return node
        case .failure(let error): throw error
        case nil: throw InputError(file: "", field: "", problem: "internal error: the parser thread returned nothing")
        }
    }

    /// Reads and parses a file; `-` reads standard input. At most `InputLimits.maxBytes` are read.
    public static func load(path: String) throws(InputError) -> InputNode {
        let name = path == "-" ? standardInputName : path
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readData(ofLength: InputLimits.maxBytes + 1)
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(file: path, field: "", problem: "no such file")
            }
            if isDirectory.boolValue { throw InputError(file: path, field: "", problem: "is a directory, not a file") }
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw InputError(file: path, field: "", problem: "cannot open the file (permission?)")
            }
            defer { try? handle.close() }
            data = handle.readData(ofLength: InputLimits.maxBytes + 1)
        }
        if data.count > InputLimits.maxBytes {
            throw InputError(file: name, field: "", problem: "the input is more than the limit of \(InputLimits.maxBytes) bytes (1 MiB)",
                             accepted: "a scenario or patient file of at most 1 MiB (docs/file-formats.md, Limits)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: name, field: "", problem: "not UTF-8 text")
        }
        return try parse(text, file: name)
    }

    public func error(_ problem: String, accepted: String? = nil) -> InputError {
        InputError(file: file, field: path, problem: problem, accepted: accepted)
    }

    func child(_ key: String, _ v: Any?) -> InputNode {
        InputNode(file: file, path: path.isEmpty ? key : "\(path).\(key)", value: v)
    }

    public var isNull: Bool { value == nil || value is NSNull }

    /// The mapping's keys, after checking that it is a mapping whose keys are all in `allowed`.
    /// An unknown key is an error that suggests the closest allowed key.
    public func mapping(allowed: [String]) throws(InputError) -> [String: Any] {
        guard let dict = value as? [String: Any] else {
            throw error("expected a mapping of keys to values", accepted: allowed.joined(separator: ", "))
        }
        for key in dict.keys.sorted() where !allowed.contains(key) {
            let where_ = path.isEmpty ? key : "\(path).\(key)"
            var problem = "unknown key '\(key)'"
            if let guess = closestMatch(to: key, in: allowed) { problem += " (did you mean '\(guess)'?)" }
            throw InputError(file: file, field: where_, problem: problem, accepted: allowed.joined(separator: ", "))
        }
        return dict
    }

    /// The node under `key` of a mapping (null if absent).
    public func field(_ key: String, in dict: [String: Any]) -> InputNode { child(key, dict[key]) }

    public func items() throws(InputError) -> [InputNode] {
        guard let list = value as? [Any] else { throw error("expected a list") }
        return list.enumerated().map { InputNode(file: file, path: "\(path)[\($0.offset)]", value: $0.element) }
    }

    public func string() throws(InputError) -> String {
        if let s = value as? String { return s }
        if let b = value as? Bool {
            throw error("expected text, got the boolean \(b) (YAML reads yes/no/on/off/true/false as booleans; quote the word to mean text)")
        }
        if let n = value as? NSNumber { return n.stringValue }
        throw error("expected text")
    }

    public func number() throws(InputError) -> Double {
        if let b = value as? Bool { throw error("expected a number, got \(b)") }
        if let d = value as? Double { return try finite(d) }
        if let i = value as? Int { return Double(i) }
        if let s = value as? String, let d = Double(s.trimmingCharacters(in: .whitespaces)) { return try finite(d) }
        throw error("expected a number, got '\(value.map { "\($0)" } ?? "nothing")'")
    }

    private func finite(_ d: Double) throws(InputError) -> Double {
        guard d.isFinite else { throw error("expected a finite number, got \(d)") }
        return d
    }

    public func bool() throws(InputError) -> Bool {
        if let b = value as? Bool { return b }
        if let s = value as? String {
            switch s.lowercased() { case "true", "yes": return true; case "false", "no": return false; default: break }
        }
        throw error("expected true or false", accepted: "true, false")
    }

    /// A number checked against a closed range (nothing is clamped).
    public func number(in range: ClosedRange<Double>, unit: String = "") throws(InputError) -> Double {
        let u = unit.isEmpty ? "" : " \(unit)"
        let v: Double
        do { v = try number() } catch {
            throw InputError(file: file, field: path, problem: error.problem,
                             accepted: "a number from \(Quantity.formatted(range.lowerBound)) to \(Quantity.formatted(range.upperBound))\(u)")
        }
        guard range.contains(v) else {
            throw error("\(Quantity.formatted(v))\(u) is out of range", accepted: "\(Quantity.formatted(range.lowerBound)) to \(Quantity.formatted(range.upperBound))\(u)")
        }
        return v
    }

    /// One of a fixed set of words.
    public func choice(_ options: [String]) throws(InputError) -> String {
        let s: String
        do { s = try string() } catch { throw InputError(file: file, field: path, problem: error.problem, accepted: options.joined(separator: ", ")) }
        guard options.contains(s) else {
            var problem = "'\(s)' is not recognised"
            if let guess = closestMatch(to: s, in: options) { problem += " (did you mean '\(guess)'?)" }
            throw error(problem, accepted: options.joined(separator: ", "))
        }
        return s
    }
}
