import Testing
import Foundation
import OsteoModel
import OsteoTestSupport

@Test func coreParameterTableCoversEveryStoredParameter() {
    ParameterTableCheck.check(BoneModelParameters.self)
}

@Test func overrideByNameChecksNameAndRange() throws {
    let p = try BoneModelParameters().setting("trabecular_turnover", to: 0.3)
    #expect(p.trabecularTurnover == 0.3)
    #expect(throws: ParameterError.unknown(name: "trabecular_turnovr", suggestion: "trabecular_turnover")) {
        try BoneModelParameters().setting("trabecular_turnovr", to: 0.3)
    }
    #expect(throws: ParameterError.self) { try BoneModelParameters().setting("trabecular_turnover", to: -1) }
}
