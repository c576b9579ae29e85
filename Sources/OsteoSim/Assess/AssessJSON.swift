/// A small ordered JSON value for the `assess` output (keys keep the order they are written in).
indirect enum AssessJSON: Sendable {
    case object([(String, AssessJSON)])
    case array([AssessJSON])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    static func optional(_ x: Double?) -> AssessJSON { x.map(AssessJSON.number) ?? .null }
    static func strings(_ xs: [String]) -> AssessJSON { .array(xs.map(AssessJSON.string)) }

    func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1), end = String(repeating: "  ", count: indent)
        switch self {
        case .object(let kv):
            if kv.isEmpty { return "{}" }
            return "{\n" + kv.map { "\(pad)\(Self.quote($0.0)): \($0.1.rendered(indent: indent + 1))" }.joined(separator: ",\n") + "\n\(end)}"
        case .array(let xs):
            if xs.isEmpty { return "[]" }
            return "[\n" + xs.map { pad + $0.rendered(indent: indent + 1) }.joined(separator: ",\n") + "\n\(end)]"
        case .string(let s): return Self.quote(s)
        case .number(let x):
            // Six decimals (removes binary noise such as 16.099999999999998; QFracture's bar is 0.01 points).
            guard x.isFinite else { return "null" }
            let r = abs(x) < 1e9 ? (x * 1e6).rounded() / 1e6 : x
            return r == r.rounded() && abs(r) < 1e15 ? String(Int(r)) : String(r)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
