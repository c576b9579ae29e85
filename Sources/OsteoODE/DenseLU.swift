/// In-place dense LU factorisation with partial pivoting of a column-major n×n matrix
/// (`a[col * n + row]`), and the matching solve. No allocation: the caller owns all storage.
@usableFromInline enum DenseLU {
    /// Factorises `a` in place (unit-lower L below the diagonal, U above it, and the reciprocals
    /// of U's diagonal on the diagonal) and writes
    /// the pivot row of each column into `pivots`. Returns the first zero-pivot column, or nil.
    @usableFromInline static func factor(_ a: UnsafeMutablePointer<Double>, n: Int, pivots: UnsafeMutablePointer<Int>) -> Int? {
        for k in 0..<n {
            let colK = a + k * n
            var p = k
            var maxAbs = abs(colK[k])
            var i = k + 1
            while i < n {
                let v = abs(colK[i])
                if v > maxAbs { maxAbs = v; p = i }
                i += 1
            }
            pivots[k] = p
            if maxAbs == 0 || !maxAbs.isFinite { return k }
            if p != k {
                for j in 0..<n { let col = a + j * n; let t = col[k]; col[k] = col[p]; col[p] = t }
            }
            let inv = 1 / colK[k]
            colK[k] = inv   // U's diagonal is stored as its reciprocal: solves multiply, never divide
            i = k + 1
            while i < n { colK[i] *= inv; i += 1 }
            var j = k + 1
            while j < n {
                let colJ = a + j * n
                let akj = colJ[k]
                if akj != 0 {
                    var r = k + 1
                    // Four rows at a time (the columns are disjoint, so this is a plain axpy).
                    while r + 4 <= n {
                        let a = UnsafeRawPointer(colK + r).loadUnaligned(as: SIMD4<Double>.self)
                        let b = UnsafeRawPointer(colJ + r).loadUnaligned(as: SIMD4<Double>.self)
                        UnsafeMutableRawPointer(colJ + r).storeBytes(of: b - a * akj, as: SIMD4<Double>.self)
                        r += 4
                    }
                    while r < n { colJ[r] -= colK[r] * akj; r += 1 }
                }
                j += 1
            }
        }
        return nil
    }

    /// Solves A x = b in place (`b` becomes x) with the factors from ``factor(_:n:pivots:)``.
    @usableFromInline static func solve(_ lu: UnsafePointer<Double>, n: Int, pivots: UnsafePointer<Int>, _ b: UnsafeMutablePointer<Double>) {
        for k in 0..<n {
            let p = pivots[k]
            if p != k { let t = b[k]; b[k] = b[p]; b[p] = t }
        }
        // Forward: L y = Pb (column-oriented, unit diagonal).
        for k in 0..<n {
            let bk = b[k]
            let col = lu + k * n
            var i = k + 1
            while i + 4 <= n {
                let a = UnsafeRawPointer(col + i).loadUnaligned(as: SIMD4<Double>.self)
                let x = UnsafeRawPointer(b + i).loadUnaligned(as: SIMD4<Double>.self)
                UnsafeMutableRawPointer(b + i).storeBytes(of: x - a * bk, as: SIMD4<Double>.self)
                i += 4
            }
            while i < n { b[i] -= col[i] * bk; i += 1 }
        }
        // Backward: U x = y (diagonal holds 1/U_kk).
        var k = n - 1
        while k >= 0 {
            let col = lu + k * n
            let bk = b[k] * col[k]
            b[k] = bk
            var i = 0
            while i + 4 <= k {
                let a = UnsafeRawPointer(col + i).loadUnaligned(as: SIMD4<Double>.self)
                let x = UnsafeRawPointer(b + i).loadUnaligned(as: SIMD4<Double>.self)
                UnsafeMutableRawPointer(b + i).storeBytes(of: x - a * bk, as: SIMD4<Double>.self)
                i += 4
            }
            while i < k { b[i] -= col[i] * bk; i += 1 }
            k -= 1
        }
    }
}

/// Dense linear solves for small systems outside the step loop (steady states, Newton).
public enum DenseLinearAlgebra {
    /// Solves A x = b for a column-major n×n `a` (overwritten by its LU factors); `b` becomes x.
    /// Returns false if A is singular.
    public static func solve(_ a: inout [Double], n: Int, _ b: inout [Double]) -> Bool {
        precondition(a.count == n * n && b.count == n, "dimension mismatch")
        var pivots = [Int](repeating: 0, count: n)
        return a.withUnsafeMutableBufferPointer { ap in
            pivots.withUnsafeMutableBufferPointer { pp in
                b.withUnsafeMutableBufferPointer { bp in
                    guard let A = ap.baseAddress, let P = pp.baseAddress, let B = bp.baseAddress else { return n == 0 }
                    if DenseLU.factor(A, n: n, pivots: P) != nil { return false }
                    DenseLU.solve(A, n: n, pivots: P, B)
                    return true
                }
            }
        }
    }
}
