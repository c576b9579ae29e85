import Testing
import Foundation
import OsteoModel
import OsteoTestSupport

@Test func coreParameterTableCoversEveryStoredParameter() {
    ParameterTableCheck.check(BoneModelParameters.self)
}

@Test func overrideByNameChecksNameAndRange() throws {
    let p = try BoneModelParameters().setting("spine_turnover", to: 0.14)
    #expect(p.spineTurnover == 0.14)
    #expect(throws: ParameterError.unknown(name: "spine_turnovr", suggestion: "spine_turnover")) {
        try BoneModelParameters().setting("spine_turnovr", to: 0.14)
    }
    #expect(throws: ParameterError.self) { try BoneModelParameters().setting("spine_turnover", to: -1) }
}
