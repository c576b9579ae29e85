import Testing
import Foundation
import OsteoODE
import OsteoTestSupport

/// The dual-number Jacobian against central finite differences, including more columns than
/// one chunk (Dual.width = 8) so that chunking is exercised.
@Suite struct JacobianTests {
    /// A coupled nonlinear system of dimension 19 using every ODEScalar function.
    struct Chain: GenericODESystem {
        var dimension: Int { 19 }
        func rhs<S: ODEScalar>(t: S, y: UnsafePointer<S>, dy: UnsafeMutablePointer<S>) {
            for i in 0..<19 {
                let left = y[(i + 18) % 19], right = y[(i + 1) % 19]
                let a: S = S.exp(-0.1 * left) * right
                let b: S = S.pow(y[i], 1.7) / (1.0 + y[i])
                let c: S = S.log(1.0 + right * right)
                let d: S = S.sqrt(y[i]) * S.tanh(left)
                let e: S = S.pow(left, right) * 0.01
                dy[i] = a - b + c + d + e
            }
        }
    }

    @Test func dualMatchesFiniteDifferences() {
        let s = Chain()
        let n = s.dimension
        for seed in [0.3, 1.1] {
            let y = (0..<n).map { seed + 0.05 * Double($0) }
            var J = [Double](repeating: 0, count: n * n)
            let duals = UnsafeMutablePointer<Dual>.allocate(capacity: 2 * n)
            duals.initialize(repeating: Dual(0), count: 2 * n)
            let doubles = UnsafeMutablePointer<Double>.allocate(capacity: 2 * n)
            defer { duals.deallocate(); doubles.deallocate() }
            let ok = y.withUnsafeBufferPointer { yp in
                J.withUnsafeMutableBufferPointer {
                    s.jacobian(t: 0, y: yp.baseAddress!, into: $0.baseAddress!, scratch: JacobianScratch(duals: duals, doubles: doubles))
                }
            }
            #expect(ok)
            let fd = FiniteDifference.jacobian(s, t: 0, y: y, floor: 1)
            var worst = 0.0
            for i in 0..<(n * n) { worst = max(worst, abs(J[i] - fd[i]) / max(1, abs(fd[i]))) }
            // Central differences with h = 1e-6 are accurate to about 1e-8 here.
            #expect(worst < 1e-6, "worst relative difference \(worst)")
        }
    }

    @Test func dualArithmeticRules() {
        let x = Dual.variable(2, slot: 0), y = Dual.variable(3, slot: 1)
        let ratio: Dual = x * y / (x + y)
        let cube: Dual = Dual.pow(x, 3)
        let ey: Dual = Dual.exp(y) / 10
        let inv: Dual = 1.0 / x
        let f: Dual = ratio - cube + ey + inv
        // ∂f/∂x = y²/(x+y)² − 3x² − 1/x² = 9/25 − 12 − 0.25; ∂f/∂y = x²/(x+y)² + e^y/10 = 4/25 + e³/10
        let dx: Double = 9.0 / 25 - 12 - 0.25
        let dy: Double = 4.0 / 25 + exp(3.0) / 10
        let ex: Double = abs(f.partials[0] - dx)
        let eyy: Double = abs(f.partials[1] - dy)
        #expect(ex < 1e-12)
        #expect(eyy < 1e-12)
    }
}

/// Column colouring: a tridiagonal pattern of any size needs 3 colours (columns j and j+3
/// share no row), and the coloured dual Jacobian equals the dense one.
@Test func coloredJacobianOfATridiagonalSystem() {
    let n = 20
    let pattern = (0..<n).map { j in [j - 1, j, j + 1].filter { $0 >= 0 && $0 < n } }
    let coloring = JacobianColoring(dimension: n, nonZero: pattern)
    #expect(coloring.colorCount == 3)
    func rhs<S: ODEScalar>(_ y: UnsafePointer<S>, _ dy: UnsafeMutablePointer<S>) {
        for i in 0..<n {
            let left: S = i > 0 ? y[i - 1] : S(0), right: S = i < n - 1 ? y[i + 1] : S(0)
            dy[i] = S.exp(-1.0 * y[i]) * left - y[i] * y[i] + 0.5 * S.tanh(right)
        }
    }
    let y = (0..<n).map { 0.2 + 0.05 * Double($0) }
    let duals = UnsafeMutablePointer<Dual>.allocate(capacity: 2 * n)
    duals.initialize(repeating: Dual(0), count: 2 * n)
    let doubles = UnsafeMutablePointer<Double>.allocate(capacity: 2 * n)
    defer { duals.deallocate(); doubles.deallocate() }
    let scratch = JacobianScratch(duals: duals, doubles: doubles)
    var dense = [Double](repeating: 0, count: n * n), colored = [Double](repeating: 7, count: n * n)
    y.withUnsafeBufferPointer { yp in
        dense.withUnsafeMutableBufferPointer { jp in
            DualJacobian.columns(dimension: n, t: 0, y: yp.baseAddress!, into: jp.baseAddress!, scratch: scratch) { _, y, dy in rhs(y, dy) }
        }
        colored.withUnsafeMutableBufferPointer { jp in
            DualJacobian.columns(coloring: coloring, t: 0, y: yp.baseAddress!, into: jp.baseAddress!, scratch: scratch) { _, y, dy in rhs(y, dy) }
        }
    }
    #expect(dense == colored)
}
