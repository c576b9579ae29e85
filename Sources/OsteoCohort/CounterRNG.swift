/// Counter-based random numbers: Philox4x32-10 (Salmon, Moraes, Dror & Shaw, "Parallel random numbers: as easy as
/// 1, 2, 3", SC 2011). A draw is a pure function of (key, counter), so a patient's sampled values depend only on the
/// trial seed (the key) and on the patient and the quantity drawn (the counter), never on which thread or shard
/// drew it, or in which order. Checked against the Random123 known-answer vectors (CounterRNGTests).
public struct Philox4x32: Sendable, Equatable {
    public let key: (UInt32, UInt32)

    public init(key: (UInt32, UInt32)) { self.key = key }
    public init(seed: UInt64) { self.key = (UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32)) }

    public static func == (a: Philox4x32, b: Philox4x32) -> Bool { a.key == b.key }

    // Multipliers and Weyl key increments of Philox4x32 (Salmon et al. 2011, table 2 and section 4.2).
    static let m0: UInt32 = 0xD251_1F53, m1: UInt32 = 0xCD9E_8D57
    static let w0: UInt32 = 0x9E37_79B9, w1: UInt32 = 0xBB67_AE85

    /// The 10-round bijection of the counter under the key.
    public func block(_ counter: (UInt32, UInt32, UInt32, UInt32)) -> (UInt32, UInt32, UInt32, UInt32) {
        var c = counter
        var k0 = key.0, k1 = key.1
        for round in 0..<10 {
            if round > 0 {
                k0 &+= Self.w0
                k1 &+= Self.w1
            }
            let p0 = UInt64(Self.m0) &* UInt64(c.0)
            let p1 = UInt64(Self.m1) &* UInt64(c.2)
            let hi0 = UInt32(truncatingIfNeeded: p0 >> 32), lo0 = UInt32(truncatingIfNeeded: p0)
            let hi1 = UInt32(truncatingIfNeeded: p1 >> 32), lo1 = UInt32(truncatingIfNeeded: p1)
            c = (hi1 ^ c.1 ^ k0, lo1, hi0 ^ c.3 ^ k1, lo0)
        }
        return c
    }

    /// A uniform number in the open interval (0, 1), 53 random bits, for draw `index` of `stream` of the member
    /// with key `member`.
    public func uniform(member: UInt64, stream: UInt32, index: UInt32 = 0) -> Double {
        let r = block((index, stream, UInt32(truncatingIfNeeded: member), UInt32(truncatingIfNeeded: member >> 32)))
        let bits = (UInt64(r.0) << 32 | UInt64(r.1)) >> 11
        return (Double(bits) + 0.5) * 0x1p-53
    }
}
