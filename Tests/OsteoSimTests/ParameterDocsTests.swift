import Testing
import Foundation
import OsteoModel
import OsteoPharm
import OsteoSim
import OsteoTestSupport

/// docs/parameters.md is generated from every component's parameter table; this golden check
/// fails when they disagree. Regenerate deliberately:
/// `swift run osteosim parameters --format markdown > docs/parameters.md`.
@Test func parametersDocIsCurrent() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let doc = try String(contentsOf: root.appendingPathComponent("docs/parameters.md"), encoding: .utf8)
    #expect(doc == ModelInfo.parametersMarkdown)
}

@Test func parameterNamesAreUniqueAcrossAllComponents() {
    let names = ModelInfo.allParameters.map(\.name)
    #expect(Set(names).count == names.count, "duplicates: \(Dictionary(grouping: names, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
}

@Test func testComponentTablesCoverEveryStoredParameter() {
    ParameterTableCheck.check(TestDepotComponent.Parameters.self)
    ParameterTableCheck.check(TestOralComponent.Parameters.self)
}
