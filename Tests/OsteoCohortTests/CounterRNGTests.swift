import Testing
@testable import OsteoCohort

/// Philox4x32-10 against the Random123 known-answer vectors (Salmon et al. 2011; Random123 tests/kat_vectors,
/// `philox4x32 10` lines): zero counter and key, all-ones, and the digits of π.
@Suite struct CounterRNGTests {
    @Test func knownAnswers() {
        let cases: [((UInt32, UInt32, UInt32, UInt32), (UInt32, UInt32), (UInt32, UInt32, UInt32, UInt32))] = [
            ((0, 0, 0, 0), (0, 0), (0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8)),
            ((0xffff_ffff, 0xffff_ffff, 0xffff_ffff, 0xffff_ffff), (0xffff_ffff, 0xffff_ffff), (0x408f_276d, 0x41c8_3b0e, 0xa20b_c7c6, 0x6d54_51fd)),
            ((0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344), (0xa409_3822, 0x299f_31d0), (0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1)),
        ]
        for (counter, key, expected) in cases {
            let out = Philox4x32(key: key).block(counter)
            #expect(out.0 == expected.0 && out.1 == expected.1 && out.2 == expected.2 && out.3 == expected.3)
        }
    }
}
