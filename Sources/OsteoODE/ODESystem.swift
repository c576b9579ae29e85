/// Scratch memory the integrator lends to a system while it evaluates a Jacobian, so that
/// Jacobian evaluation never allocates. Each buffer holds `2 * dimension` elements.
public struct JacobianScratch {
    public let duals: UnsafeMutablePointer<Dual>
    public let doubles: UnsafeMutablePointer<Double>
    @inlinable public init(duals: UnsafeMutablePointer<Dual>, doubles: UnsafeMutablePointer<Double>) {
        self.duals = duals
        self.doubles = doubles
    }
}

/// How a system's Jacobian is obtained.
public enum JacobianKind: String, Sendable, Codable {
    /// Hand-written by the system (exact).
    case analytic
    /// Forward-mode dual numbers over the generic right-hand side (exact to rounding).
    case dual
    /// Forward differences (fallback only).
    case finiteDifference
}

/// A first-order ODE system dy/dt = f(t, y) of fixed dimension.
///
/// Conform a value type; the solver calls ``evaluate(t:y:dy:)`` and ``jacobian(t:y:into:scratch:)``
/// through unsafe pointers into its preallocated workspace, so neither may allocate.
public protocol ODESystem {
    /// Number of state components.
    var dimension: Int { get }
    /// Writes f(t, y) into `dy`.
    func evaluate(t: Double, y: UnsafePointer<Double>, dy: UnsafeMutablePointer<Double>)
    /// Writes the exact Jacobian ∂f/∂y, column-major (`J[col * n + row]`), and returns true;
    /// returns false when the system has no exact Jacobian (the solver then uses finite differences).
    func jacobian(t: Double, y: UnsafePointer<Double>, into J: UnsafeMutablePointer<Double>, scratch: JacobianScratch) -> Bool
    /// True when f does not depend on t explicitly (then ∂f/∂t = 0).
    var isAutonomous: Bool { get }
    /// Writes ∂f/∂t and returns true, or returns false (finite differences are used).
    func timeDerivative(t: Double, y: UnsafePointer<Double>, into dT: UnsafeMutablePointer<Double>, scratch: JacobianScratch) -> Bool
    /// What ``jacobian(t:y:into:scratch:)`` provides.
    var jacobianKind: JacobianKind { get }
    /// Applies a system-defined jump (``RosenbrockIntegrator/Jump/system(tag:amount:)``) to the
    /// state `y` at time `t`. Must not allocate.
    func applyJump(tag: Int, amount: Double, t: Double, y: UnsafeMutablePointer<Double>)
    /// The rows each Jacobian column may touch (`pattern[j]`), for a sparse factorisation
    /// (``SolverOptions/linearSolver``); nil = unknown (dense).
    var jacobianPattern: [[Int]]? { get }
}

extension ODESystem {
    public func jacobian(t: Double, y: UnsafePointer<Double>, into J: UnsafeMutablePointer<Double>, scratch: JacobianScratch) -> Bool { false }
    public var isAutonomous: Bool { true }
    public func timeDerivative(t: Double, y: UnsafePointer<Double>, into dT: UnsafeMutablePointer<Double>, scratch: JacobianScratch) -> Bool { false }
    public var jacobianKind: JacobianKind { .finiteDifference }
    public func applyJump(tag: Int, amount: Double, t: Double, y: UnsafeMutablePointer<Double>) {}
    public var jacobianPattern: [[Int]]? { nil }
}

/// A system whose right-hand side is written once, generically over ``ODEScalar``; its exact
/// Jacobian (and ∂f/∂t) come from ``Dual`` numbers in chunks of ``Dual/width`` columns.
public protocol GenericODESystem: ODESystem {
    func rhs<S: ODEScalar>(t: S, y: UnsafePointer<S>, dy: UnsafeMutablePointer<S>)
}

extension GenericODESystem {
    @inlinable public func evaluate(t: Double, y: UnsafePointer<Double>, dy: UnsafeMutablePointer<Double>) {
        rhs(t: t, y: y, dy: dy)
    }

    @inlinable public var jacobianKind: JacobianKind { .dual }

    @inlinable public func jacobian(t: Double, y: UnsafePointer<Double>, into J: UnsafeMutablePointer<Double>, scratch: JacobianScratch) -> Bool {
        DualJacobian.columns(dimension: dimension, t: t, y: y, into: J, scratch: scratch) { t, y, dy in rhs(t: t, y: y, dy: dy) }
        return true
    }

    @inlinable public func timeDerivative(t: Double, y: UnsafePointer<Double>, into dT: UnsafeMutablePointer<Double>, scratch: JacobianScratch) -> Bool {
        DualJacobian.timeDerivative(dimension: dimension, t: t, y: y, into: dT, scratch: scratch) { t, y, dy in rhs(t: t, y: y, dy: dy) }
        return true
    }
}

/// Exact Jacobians from a right-hand side evaluated with ``Dual`` numbers, in chunks of
/// ``Dual/width`` columns (as ForwardDiff.jl does). Shared by ``GenericODESystem`` and by systems
/// that assemble their right-hand side from parts (OsteoModel's `BoneSystem`). Never allocates.
public enum DualJacobian {
    /// Writes ∂f/∂y column-major into `J`, evaluating `rhs` once per chunk of columns.
    @inlinable public static func columns(dimension n: Int, t: Double, y: UnsafePointer<Double>, into J: UnsafeMutablePointer<Double>,
                                          scratch: JacobianScratch,
                                          rhs: (Dual, UnsafePointer<Dual>, UnsafeMutablePointer<Dual>) -> Void) {
        let yd = scratch.duals
        let dyd = scratch.duals + n
        var base = 0
        while base < n {
            let width = Swift.min(Dual.width, n - base)
            for i in 0..<n { yd[i] = Dual(y[i]) }
            for s in 0..<width { yd[base + s].partials[s] = 1 }
            rhs(Dual(t), UnsafePointer(yd), dyd)
            for s in 0..<width {
                let col = J + (base + s) * n
                for row in 0..<n { col[row] = dyd[row].partials[s] }
            }
            base += width
        }
    }

    /// Writes ∂f/∂t into `dT`.
    @inlinable public static func timeDerivative(dimension n: Int, t: Double, y: UnsafePointer<Double>, into dT: UnsafeMutablePointer<Double>,
                                                 scratch: JacobianScratch,
                                                 rhs: (Dual, UnsafePointer<Dual>, UnsafeMutablePointer<Dual>) -> Void) {
        let yd = scratch.duals
        let dyd = scratch.duals + n
        for i in 0..<n { yd[i] = Dual(y[i]) }
        rhs(Dual.variable(t, slot: 0), UnsafePointer(yd), dyd)
        for i in 0..<n { dT[i] = dyd[i].partials[0] }
    }
}

/// An ODE system given by closures (convenient for small problems and tests).
public struct ClosureODESystem: ODESystem {
    public typealias RHS = (Double, UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> Void
    public typealias Jacobian = (Double, UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> Void
    public let dimension: Int
    public let isAutonomous: Bool
    let f: RHS
    let jac: Jacobian?

    /// - Parameters:
    ///   - jacobian: optional exact Jacobian writing column-major `J[col * n + row]`.
    public init(dimension: Int, autonomous: Bool = true, rhs: @escaping RHS, jacobian: Jacobian? = nil) {
        self.dimension = dimension
        self.isAutonomous = autonomous
        self.f = rhs
        self.jac = jacobian
    }

    public func evaluate(t: Double, y: UnsafePointer<Double>, dy: UnsafeMutablePointer<Double>) { f(t, y, dy) }
    public func jacobian(t: Double, y: UnsafePointer<Double>, into J: UnsafeMutablePointer<Double>, scratch: JacobianScratch) -> Bool {
        guard let jac else { return false }
        jac(t, y, J)
        return true
    }
    public var jacobianKind: JacobianKind { jac == nil ? .finiteDifference : .analytic }
}

/// A column colouring of a sparse Jacobian (Curtis–Powell–Reid): columns that share no
/// non-zero row get the same colour and are seeded together in one dual-number slot, so the
/// Jacobian needs ⌈colours / ``Dual/width``⌉ evaluations instead of ⌈n / width⌉.
public struct JacobianColoring: Sendable, Equatable {
    public let dimension: Int
    /// Colour of each column.
    public let colorOf: [Int]
    public let colorCount: Int
    /// Compressed columns: the non-zero rows of column j are `rows[rowStart[j]..<rowStart[j + 1]]`.
    public let rowStart: [Int]
    public let rows: [Int]

    /// Greedy colouring (densest columns first) of the pattern `nonZero[j]` = the rows column j
    /// may touch.
    public init(dimension n: Int, nonZero: [[Int]]) {
        var start = [0], rows: [Int] = []
        for j in 0..<n { rows += nonZero[j].sorted(); start.append(rows.count) }
        var color = [Int](repeating: -1, count: n)
        var used: [Set<Int>] = []          // rows taken by each colour
        // Densest columns first (Welsh–Powell order): fewer colours than the natural order.
        let counts: [Int] = nonZero.map(\.count)
        let order: [Int] = (0..<n).sorted { (a: Int, b: Int) -> Bool in
            counts[a] != counts[b] ? counts[a] > counts[b] : a < b
        }
        for j in order {
            let mine = Set(nonZero[j])
            if let c = used.firstIndex(where: { $0.isDisjoint(with: mine) }) {
                color[j] = c
                used[c].formUnion(mine)
            } else {
                color[j] = used.count
                used.append(mine)
            }
        }
        self.dimension = n
        self.colorOf = color
        self.colorCount = used.count
        self.rowStart = start
        self.rows = rows
    }

    /// The dense (uncompressed) colouring: every column its own colour.
    public static func dense(_ n: Int) -> JacobianColoring {
        JacobianColoring(dimension: n, nonZero: (0..<n).map { _ in Array(0..<n) })
    }
}

extension DualJacobian {
    /// The Jacobian from a colouring: ⌈colours / width⌉ evaluations; entries outside the
    /// pattern are written as zero.
    @inlinable public static func columns(coloring: JacobianColoring, t: Double, y: UnsafePointer<Double>,
                                          into J: UnsafeMutablePointer<Double>, scratch: JacobianScratch,
                                          rhs: (Dual, UnsafePointer<Dual>, UnsafeMutablePointer<Dual>) -> Void) {
        let n = coloring.dimension
        let yd = scratch.duals
        let dyd = scratch.duals + n
        J.update(repeating: 0, count: n * n)
        coloring.colorOf.withUnsafeBufferPointer { colorOf in
            coloring.rowStart.withUnsafeBufferPointer { start in
                coloring.rows.withUnsafeBufferPointer { rows in
                    var base = 0
                    while base < coloring.colorCount {
                        for i in 0..<n {
                            let c = colorOf[i] - base
                            yd[i] = Dual(y[i])
                            if c >= 0 && c < Dual.width { yd[i].partials[c] = 1 }
                        }
                        rhs(Dual(t), UnsafePointer(yd), dyd)
                        for j in 0..<n {
                            let c = colorOf[j] - base
                            guard c >= 0 && c < Dual.width else { continue }
                            let col = J + j * n
                            for k in start[j]..<start[j + 1] { col[rows[k]] = dyd[rows[k]].partials[c] }
                        }
                        base += Dual.width
                    }
                }
            }
        }
    }
}
