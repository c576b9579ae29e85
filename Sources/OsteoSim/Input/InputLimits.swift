/// Limits on every input file (scenario, patient, validation case), checked before the work starts so that no
/// input can crash, hang or exhaust memory (docs/file-formats.md, "Limits"). A file over a limit is refused with an
/// `InputError` (exit status 2); nothing is truncated.
public enum InputLimits {
    /// Largest input file, bytes (1 MiB; the example files are under 2 KiB).
    public static let maxBytes = 1 << 20
    /// Deepest nesting of mappings and lists (the file grammar needs 4).
    public static let maxDepth = 64
    /// Most YAML nodes (scalars, lists, mappings) after alias expansion (the largest example has about 100).
    public static let maxNodes = 100_000
    /// Most rows a simulation writes (one per output time): 100 years of daily output.
    public static let maxOutputRows = 36_525

    /// An upper bound of the nesting depth of a YAML/JSON text, found without parsing it (the parser recurses, so
    /// a text nested thousands of levels deep must never reach it). Counts flow brackets `[ {` outside quoted
    /// scalars and comments, block indentation levels, and compact block indicators (`- - x`, `- a: b`) on a
    /// line. Block scalars (`|`, `>`) are skipped. It may overestimate, never underestimate by more than the
    /// indicators it cannot see; returns the line where `limit` was first exceeded, or nil.
    public static func depthExceeded(_ text: String, limit: Int = maxDepth) -> (depth: Int, line: Int)? {
        var scanner = DepthScanner()
        return scanner.scan(Array(text.utf8), limit: limit)
    }
}

/// The pre-parse scanner behind `InputLimits.depthExceeded`.
struct DepthScanner {
    var flow = 0                 // unclosed [ or { (outside quotes)
    var indents: [Int] = []      // block indentation stack
    var quote: UInt8? = nil      // open ' or " scalar (may span lines)
    var blockScalarParent: Int? = nil
    /// Net flow brackets seen inside the current quoted scalar. If the scanner took text for a quoted scalar that
    /// the YAML parser reads as plain (it may not tell them apart in every case), these brackets would be real
    /// nesting: they count towards the depth while the quote is open, and what is left unclosed at its end is
    /// carried in `suspect`, which never decreases. A correctly quoted "[x]" leaves nothing.
    var regionNet = 0
    var suspect = 0

    static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), hash = UInt8(ascii: "#")
    static let dq = UInt8(ascii: "\""), sq = UInt8(ascii: "'"), backslash = UInt8(ascii: "\\")
    static let openers: Set<UInt8> = [UInt8(ascii: "["), UInt8(ascii: "{")]
    static let closers: Set<UInt8> = [UInt8(ascii: "]"), UInt8(ascii: "}")]
    /// Bytes after which a value (so a quoted scalar) can start.
    static let valueStarters: Set<UInt8> = [UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "?"),
                                            UInt8(ascii: "&"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">")]
    /// Bytes after which a token starts.
    static let separators: Set<UInt8> = [space, tab, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "?")]

    mutating func scan(_ bytes: [UInt8], limit: Int) -> (depth: Int, line: Int)? {
        var lineNumber = 0
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            lineNumber += 1
            if let d = line(bytes[start..<end], limit: limit) { return (d, lineNumber) }
            start = end + 1
        }
        return nil
    }

    /// Scans one line; returns the depth if it exceeds `limit`.
    mutating func line(_ l: ArraySlice<UInt8>, limit: Int) -> Int? {
        var i = l.startIndex
        while i < l.endIndex && (l[i] == Self.space || l[i] == Self.tab) { i += 1 }
        let indent = i - l.startIndex
        let blank = i == l.endIndex || l[i] == Self.hash || l[i] == UInt8(ascii: "\r")
        if let parent = blockScalarParent, suspect == 0 {
            if blank || indent > parent { return nil }
            blockScalarParent = nil
        }
        var extra = 0
        if quote == nil && flow == 0 && !blank {
            while let top = indents.last, top > indent { indents.removeLast() }
            if indents.last != indent { indents.append(indent) }
            // Compact indicators at the start of the line: "- ", "? " (each opens a level), and anchors/tags.
            var j = i
            while j < l.endIndex {
                let c = l[j]
                let next = j + 1 < l.endIndex ? l[j + 1] : Self.space
                if (c == UInt8(ascii: "-") || c == UInt8(ascii: "?")) && (next == Self.space || next == Self.tab) {
                    extra += 1
                    j += 2
                } else if c == UInt8(ascii: "&") || c == UInt8(ascii: "!") {
                    while j < l.endIndex && l[j] != Self.space { j += 1 }
                } else if c == Self.space || c == Self.tab {
                    j += 1
                } else {
                    break
                }
            }
        }
        var previous: UInt8 = Self.space
        // The last byte that was not a space, outside quotes (nil at the start of the line): a quote opens a
        // quoted scalar only where a value can start (after an indicator or at the start of the line); inside a
        // plain scalar ("a 'b") it is text. Getting this wrong would hide the brackets that follow.
        var lastSignificant: UInt8? = nil
        var k = i
        var colons = 0
        while k < l.endIndex {
            let c = l[k]
            defer { if quote == nil && c != Self.space && c != Self.tab { lastSignificant = c } }
            if let q = quote {
                if q == Self.dq && c == Self.backslash { k += 2; previous = 0; continue }
                if Self.openers.contains(c) {
                    regionNet += 1
                    let d = indents.count + extra + colons + flow + suspect + regionNet
                    if d > limit { return d }
                } else if Self.closers.contains(c) {
                    regionNet = max(0, regionNet - 1)
                }
                if c == q {
                    if q == Self.sq && k + 1 < l.endIndex && l[k + 1] == Self.sq { k += 2; continue }
                    quote = nil
                    suspect += regionNet
                    regionNet = 0
                }
                previous = c
                k += 1
                continue
            }
            let tokenStart = Self.separators.contains(previous) || k == i
            if c == Self.hash && (previous == Self.space || previous == Self.tab || k == i) { break }
            let valueStart = lastSignificant.map { Self.valueStarters.contains($0) } ?? true
            if (c == UInt8(ascii: "&") || c == UInt8(ascii: "!")) && tokenStart && valueStart {
                // An anchor or tag before a value: the value may still start after it (e.g. `&a "text"`).
                while k < l.endIndex && l[k] != Self.space && l[k] != Self.tab && !Self.closers.contains(l[k]) && l[k] != UInt8(ascii: ",") { k += 1 }
                lastSignificant = UInt8(ascii: ":")
                previous = Self.space
                continue
            }
            if (c == Self.dq || c == Self.sq) && tokenStart && valueStart {
                quote = c
            } else if Self.openers.contains(c) && (flow > 0 || tokenStart) {
                flow += 1
                let d = indents.count + extra + colons + flow + suspect + regionNet
                if d > limit { return d }
            } else if Self.closers.contains(c) && flow > 0 {
                flow -= 1
            } else if c == UInt8(ascii: ":") && flow == 0 && (k + 1 == l.endIndex || l[k + 1] == Self.space || l[k + 1] == Self.tab) {
                colons += 1
                // "key: |" or "key: >-" starts a block scalar: skip its lines.
                var m = k + 1
                while m < l.endIndex && l[m] == Self.space { m += 1 }
                if m < l.endIndex && (l[m] == UInt8(ascii: "|") || l[m] == UInt8(ascii: ">")) {
                    var n = m + 1
                    while n < l.endIndex && [UInt8(ascii: "+"), UInt8(ascii: "-")].contains(l[n]) || (n < l.endIndex && l[n] >= UInt8(ascii: "1") && l[n] <= UInt8(ascii: "9")) { n += 1 }
                    while n < l.endIndex && l[n] == Self.space { n += 1 }
                    if n == l.endIndex || l[n] == Self.hash || l[n] == UInt8(ascii: "\r") { blockScalarParent = indent; break }
                }
            }
            previous = c
            k += 1
        }
        let depth = indents.count + extra + colons + flow + suspect + regionNet
        return depth > limit ? depth : nil
    }
}
