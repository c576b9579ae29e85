import Foundation
import Testing
@testable import OsteoCohort
import OsteoSim

/// Mutated trial files (bytes replaced, inserted, deleted; lines cut; numbers swapped for extreme ones) must be
/// refused with an InputError or parse into a trial whose patients can be sampled: never a crash. Deterministic
/// (a fixed LCG), so a failure names the mutation that caused it.
@Suite struct TrialHostileInputTests {
    static let numbers = ["0", "-1", "1e308", "-1e308", "nan", ".inf", "1e-320", "999999999999", "0.5", "2", "-7", "7", "100"]

    @Test func mutatedTrialsNeverCrash() {
        let base = TrialTests.small
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(n, 1)))
        }
        let bytes = Array(base.utf8)
        var parsed = 0, refused = 0
        for round in 0..<400 {
            var b = bytes
            switch round % 4 {
            case 0:
                for _ in 0..<(1 + next(4)) { b[next(b.count)] = UInt8(32 + next(95)) }
            case 1:
                let at = next(b.count)
                b.removeSubrange(at..<min(b.count, at + 1 + next(12)))
            case 2:
                // Replace one number in the text with an extreme one.
                var text = String(decoding: b, as: UTF8.self)
                let digits = text.indices.filter { text[$0].isNumber }
                if let i = digits.isEmpty ? nil : digits[next(digits.count)] {
                    text.replaceSubrange(i...i, with: Self.numbers[next(Self.numbers.count)])
                }
                b = Array(text.utf8)
            default:
                var lines = base.split(separator: "\n", omittingEmptySubsequences: false)
                lines.remove(at: next(lines.count))
                b = Array(lines.joined(separator: "\n").utf8)
            }
            let text = String(decoding: b, as: UTF8.self)
            do {
                let t = try Trial.parse(text: text, file: "m.yaml")
                parsed += 1
                for id in [0, t.patientCount / 2, t.patientCount - 1] {
                    let p = t.patient(id: id)
                    #expect(p.age.isFinite && FieldRanges.age.range.contains(p.age), "round \(round)")
                    #expect(p.parameters.allSatisfy { $0.value.isFinite && $0.value > 0 }, "round \(round)")
                }
            } catch {
                refused += 1
                #expect(!error.field.isEmpty || !error.problem.isEmpty)
            }
        }
        #expect(parsed > 20 && refused > 20)   // both paths exercised
    }
}
