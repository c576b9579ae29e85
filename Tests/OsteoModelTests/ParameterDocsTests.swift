import Testing
import Foundation
import OsteoModel

/// docs/parameters.md is generated from the parameter table; this golden check fails when they
/// disagree. Regenerate deliberately: `swift run osteosim parameters > docs/parameters.md`.
@Test func parametersDocIsCurrent() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let doc = try String(contentsOf: root.appendingPathComponent("docs/parameters.md"), encoding: .utf8)
    #expect(doc == ParameterDocs.document())
}

@Test func everyParameterIsDocumented() {
    // Each table row has a unit, a meaning and a source.
    for p in BoneModelParameters.table {
        #expect(!p.unit.isEmpty && !p.meaning.isEmpty && !p.source.isEmpty, "\(p.name)")
        #expect(p.value.isFinite)
    }
    #expect(Set(BoneModelParameters.table.map(\.name)).count == BoneModelParameters.table.count)
}
