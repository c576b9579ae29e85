/// A static sparse LU factorisation for matrices with a fixed non-zero pattern, such as the Rosenbrock matrix
/// W = I/(hγ) − J of a system whose Jacobian pattern is known: the pivot order (minimum degree on the symmetrised
/// pattern, which keeps the fill small) and the fill pattern are found once, and each factorisation and solve then
/// touches only the entries of L and U, in place in the dense column-major n×n storage the integrator already has
/// (`a[col * n + row]`, original indices). No pivoting: each pivot is checked against its column
/// (|pivot| ≥ ``pivotThreshold`` × the largest entry below it: only a pivot that is zero, not finite, or
/// negligible against its column fails), and when one fails the integrator falls back to the dense LU with partial
/// pivoting for that step. Diagonal pivoting without a search is what sparse Rosenbrock codes for stiff kinetics
/// do (KPP, Sandu et al. 1997, Atmos. Environ. 31:3459): W's diagonal carries 1/(hγ) plus the decay rates. The
/// factorisation and solves use ``SparseLUKernel`` (raw buffers); no allocation after `init`.
public struct SparseLUPlan: Sendable, Equatable {
    public let dimension: Int
    /// `order[k]` is the original index eliminated k-th.
    public let order: [Int]
    /// Entries of L plus U (with the diagonal) after fill.
    public let factorEntries: Int
    /// Smallest accepted |pivot| relative to the largest entry below it in its column.
    public static let pivotThreshold = 1e-10

    // Flattened schedules (dense offsets into the n×n column-major matrix).
    /// Pivot k: offset of the diagonal entry.
    let diagonal: [Int32]
    /// Pivot k: its sub-diagonal entries are `lOffsets[lStart[k]..<lStart[k+1]]` (row offsets in column p_k),
    /// and the matching rows are `lRows[...]`.
    let lStart: [Int32]
    let lOffsets: [Int32]
    let lRows: [Int32]
    /// Pivot k: the columns j to update are `uColumns[uStart[k]..<uStart[k+1]]` (dense offset of (p_k, j)), and
    /// their column bases `uBases` (j · n).
    let uStart: [Int32]
    let uOffsets: [Int32]
    let uBases: [Int32]
    /// Back substitution, pivot k: rows above the diagonal in column p_k: `bRows[bStart[k]..<bStart[k+1]]`, offsets `bOffsets`.
    let bStart: [Int32]
    let bRows: [Int32]
    let bOffsets: [Int32]
    /// Dense offsets of every entry of L + U (the entries factorisation and solves read).
    let fill: [Int32]

    /// - Parameter pattern: `pattern[j]` = the rows column j may touch (the diagonal is always included).
    public init(dimension n: Int, pattern: [[Int]]) {
        precondition(pattern.count == n, "pattern has \(pattern.count) columns for dimension \(n)")
        var a = [Bool](repeating: false, count: n * n)   // a[row * n + col]
        for j in 0..<n {
            a[j * n + j] = true
            for i in pattern[j] where i >= 0 && i < n { a[i * n + j] = true }
        }
        // Minimum degree on the symmetrised pattern (ties: lowest index), eliminating as it goes.
        var sym = a
        for i in 0..<n { for j in 0..<n where a[i * n + j] { sym[j * n + i] = true } }
        var remaining = [Bool](repeating: true, count: n)
        var order: [Int] = []
        for _ in 0..<n {
            var best = -1, bestDegree = Int.max
            for v in 0..<n where remaining[v] {
                var d = 0
                for u in 0..<n where remaining[u] && u != v && sym[v * n + u] { d += 1 }
                if d < bestDegree { bestDegree = d; best = v }
            }
            let neighbours = (0..<n).filter { remaining[$0] && $0 != best && sym[best * n + $0] }
            for x in neighbours { for y in neighbours { sym[x * n + y] = true } }
            remaining[best] = false
            order.append(best)
        }
        // Symbolic LU in that order (fill).
        var f = a
        for k in 0..<n {
            let p = order[k]
            let below = (k + 1..<n).map { order[$0] }.filter { f[$0 * n + p] }
            let right = (k + 1..<n).map { order[$0] }.filter { f[p * n + $0] }
            for i in below { for j in right { f[i * n + j] = true } }
        }
        var diagonal: [Int32] = [], lStart: [Int32] = [0], lOffsets: [Int32] = [], lRows: [Int32] = []
        var uStart: [Int32] = [0], uOffsets: [Int32] = [], uBases: [Int32] = []
        var bStart: [Int32] = [0], bRows: [Int32] = [], bOffsets: [Int32] = []
        var entries = 0
        for k in 0..<n {
            let p = order[k]
            diagonal.append(Int32(p * n + p))
            for q in (k + 1)..<n {
                let i = order[q]
                if f[i * n + p] { lOffsets.append(Int32(p * n + i)); lRows.append(Int32(i)) }
            }
            lStart.append(Int32(lOffsets.count))
            for q in (k + 1)..<n {
                let j = order[q]
                if f[p * n + j] { uOffsets.append(Int32(j * n + p)); uBases.append(Int32(j * n)) }
            }
            uStart.append(Int32(uOffsets.count))
            for q in 0..<k {
                let i = order[q]
                if f[i * n + p] { bRows.append(Int32(i)); bOffsets.append(Int32(p * n + i)) }
            }
            bStart.append(Int32(bRows.count))
        }
        var fill: [Int32] = []
        for i in 0..<n { for j in 0..<n where f[i * n + j] { fill.append(Int32(j * n + i)); entries += 1 } }
        self.dimension = n
        self.order = order
        self.factorEntries = entries
        self.diagonal = diagonal
        self.lStart = lStart; self.lOffsets = lOffsets; self.lRows = lRows
        self.uStart = uStart; self.uOffsets = uOffsets; self.uBases = uBases
        self.bStart = bStart; self.bRows = bRows; self.bOffsets = bOffsets
        self.fill = fill
    }

}

/// The schedules of a ``SparseLUPlan`` copied into one raw buffer, owned by the integrator's workspace, so the
/// factorisation and the solves index raw memory (no array access, no reference counting per step).
@usableFromInline final class SparseLUKernel {
    let n: Int
    let threshold: Double
    let buffer: UnsafeMutablePointer<Int>
    let order, diagonal, lStart, lOffsets, lRows, uStart, uOffsets, uBases, bStart, bRows, bOffsets, fill: UnsafeMutablePointer<Int>
    let fillCount: Int

    init(_ plan: SparseLUPlan) {
        n = plan.dimension
        threshold = SparseLUPlan.pivotThreshold
        let parts: [[Int]] = [plan.order, plan.diagonal.map(Int.init), plan.lStart.map(Int.init), plan.lOffsets.map(Int.init),
                              plan.lRows.map(Int.init), plan.uStart.map(Int.init), plan.uOffsets.map(Int.init), plan.uBases.map(Int.init),
                              plan.bStart.map(Int.init), plan.bRows.map(Int.init), plan.bOffsets.map(Int.init), plan.fill.map(Int.init)]
        let total = parts.reduce(0) { $0 + $1.count }
        buffer = UnsafeMutablePointer<Int>.allocate(capacity: max(total, 1))
        var pointers: [UnsafeMutablePointer<Int>] = []
        var at = 0
        for part in parts {
            pointers.append(buffer + at)
            for (i, v) in part.enumerated() { (buffer + at + i).initialize(to: v) }
            at += part.count
        }
        order = pointers[0]; diagonal = pointers[1]; lStart = pointers[2]; lOffsets = pointers[3]; lRows = pointers[4]
        uStart = pointers[5]; uOffsets = pointers[6]; uBases = pointers[7]; bStart = pointers[8]; bRows = pointers[9]; bOffsets = pointers[10]
        fill = pointers[11]
        fillCount = plan.fill.count
    }

    /// W = I·diag − J on the entries of L + U only (the others are never read).
    func assemble(_ w: UnsafeMutablePointer<Double>, _ j: UnsafePointer<Double>, _ diag: Double) {
        for e in 0..<fillCount { let o = fill[e]; w[o] = -j[o] }
        for k in 0..<n { w[diagonal[k]] += diag }
    }

    deinit { buffer.deallocate() }

    /// Factorises `w` in place (L below, U above the diagonal in the pivot order; the diagonal holds 1/U_kk).
    /// Returns the original index of the first pivot that failed the check (zero, non-finite or too small for its
    /// column), or nil. Entries outside the fill pattern are not read (``assemble(_:_:_:)`` writes the others).
    func factor(_ w: UnsafeMutablePointer<Double>) -> Int? {
        for k in 0..<n {
            let d = diagonal[k]
            let piv = w[d]
            let l0 = lStart[k], l1 = lStart[k + 1]
            var colMax = 0.0
            for e in l0..<l1 { colMax = Swift.max(colMax, abs(w[lOffsets[e]])) }
            guard piv.isFinite, piv != 0, abs(piv) >= threshold * colMax else { return order[k] }
            let inv = 1 / piv
            w[d] = inv
            for e in l0..<l1 { w[lOffsets[e]] *= inv }
            for e in uStart[k]..<uStart[k + 1] {
                let akj = w[uOffsets[e]]
                if akj == 0 { continue }
                let col = w + uBases[e]
                for q in l0..<l1 { col[lRows[q]] -= w[lOffsets[q]] * akj }
            }
        }
        return nil
    }

    /// Solves A x = b in place with the factors from ``factor(_:)``.
    func solve(_ w: UnsafePointer<Double>, _ b: UnsafeMutablePointer<Double>) {
        // Forward: L y = b (unit diagonal), column by column in pivot order.
        for k in 0..<n {
            let bp = b[order[k]]
            if bp == 0 { continue }
            for e in lStart[k]..<lStart[k + 1] { b[lRows[e]] -= w[lOffsets[e]] * bp }
        }
        // Backward: U x = y, column by column from the last pivot.
        var k = n - 1
        while k >= 0 {
            let p = order[k]
            let x = b[p] * w[diagonal[k]]
            b[p] = x
            if x != 0 {
                for e in bStart[k]..<bStart[k + 1] { b[bRows[e]] -= w[bOffsets[e]] * x }
            }
            k -= 1
        }
    }
}
