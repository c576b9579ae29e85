import Foundation
import Yams

/// Turns a composed YAML node tree into plain values (`[String: Any]`, `[Any]`, scalars), expanding aliases under
/// a budget: at most `InputLimits.maxNodes` nodes and `InputLimits.maxDepth` levels after expansion, so a
/// "billion laughs" file is refused after a bounded amount of work. Refuses duplicate keys (naming both lines),
/// merge keys and mappings whose keys are not scalars.
struct YAMLConversion {
    let file: String
    var nodes = 0

    init(file: String) { self.file = file }

    func fail(_ path: String, _ problem: String, accepted: String? = nil) -> InputError {
        InputError(file: file, field: path, problem: problem, accepted: accepted)
    }

    static func line(_ n: Node) -> String { n.mark.map { String($0.line) } ?? "?" }

    mutating func value(_ node: Node, path: String, depth: Int) throws(InputError) -> Any {
        nodes += 1
        if nodes > InputLimits.maxNodes {
            throw fail(path, "more than \(InputLimits.maxNodes) values, counting each use of an alias (*name) in full",
                       accepted: "at most \(InputLimits.maxNodes) values (docs/file-formats.md, Limits)")
        }
        if depth > InputLimits.maxDepth {
            throw fail(path, "nested more than \(InputLimits.maxDepth) levels deep after expanding aliases",
                       accepted: "mappings and lists nested at most \(InputLimits.maxDepth) levels (docs/file-formats.md, Limits)")
        }
        switch node {
        case .scalar(let scalar):
            // YAML 1.1 sexagesimal numbers ("1:30:00"): Yams 5 traps on integer overflow while converting a long
            // one (found by the fuzzer), and no field takes them: keep the text (a number field then refuses it).
            let text = scalar.string
            if text.contains(":") && text.allSatisfy({ "0123456789:_.+-".contains($0) }) { return text }
            return Constructor.default.any(from: node)
        case .sequence(let seq):
            var out: [Any] = []
            out.reserveCapacity(min(seq.count, 1024))
            for (i, item) in seq.enumerated() { out.append(try value(item, path: "\(path)[\(i)]", depth: depth + 1)) }
            return out
        case .mapping(let map):
            var out: [String: Any] = [:]
            var lines: [String: Node] = [:]
            for (k, v) in map {
                guard case .scalar(let key) = k else {
                    throw fail(path, "a mapping key that is itself a list or mapping (line \(Self.line(k)))", accepted: "text keys")
                }
                let name = key.string
                let childPath = path.isEmpty ? name : "\(path).\(name)"
                if name == "<<" && key.style == .plain {
                    throw fail(childPath, "merge keys (<<) are not supported", accepted: "write the keys out")
                }
                if let first = lines[name] {
                    throw fail(childPath, "duplicate key '\(name)' on lines \(Self.line(first)) and \(Self.line(k))",
                               accepted: "each key once per mapping")
                }
                lines[name] = k
                out[name] = try value(v, path: childPath, depth: depth + 1)
            }
            return out
        }
    }
}
