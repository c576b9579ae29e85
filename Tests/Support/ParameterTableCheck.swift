import Testing
import OsteoModel

/// Every stored parameter appears in its table exactly once, names are unique, and each row has
/// a unit, meaning, source and a range containing its default. Coverage is checked through the
/// key paths: writing a sentinel through each row must change exactly one stored property, and
/// together the rows must change all of them.
public enum ParameterTableCheck {
    public static func check<P: ParameterSet>(_ type: P.Type) {
    let base = P()
    let stored = Mirror(reflecting: base).children.compactMap(\.label)
    var covered = Set<String>()
    for row in P.table {
        #expect(!row.unit.isEmpty && !row.meaning.isEmpty && !row.source.isEmpty, "\(row.name)")
        #expect(row.range.contains(base[keyPath: row.keyPath]), "\(row.name): default outside its range")
        var probe = base
        probe[keyPath: row.keyPath] = -987654.321
        let changed = zip(Mirror(reflecting: base).children, Mirror(reflecting: probe).children)
            .filter { "\($0.0.value)" != "\($0.1.value)" }.compactMap(\.0.label)
        #expect(changed.count == 1, "\(row.name) changes \(changed)")
        covered.formUnion(changed)
    }
    #expect(Set(stored) == covered, "stored but not in the table: \(Set(stored).subtracting(covered).sorted())")
    #expect(Set(P.table.map(\.name)).count == P.table.count, "duplicate names")
    #expect(Set(P.table.map(\.keyPath)).count == P.table.count, "a property is listed twice")
}
}
