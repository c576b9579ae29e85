/// The coefficients of a Rosenbrock–Wanner method in the transformed ("W-free") form used by
/// Hairer & Wanner (1996, §IV.7) and OrdinaryDiffEq.jl. With M = I/(h·γ) − J, stage i solves
///
///     M k_i = f(t + c_i h, y_n + Σ_{j<i} a_ij k_j) + Σ_{j<i} (C_ij / h) k_j + h d_i ∂f/∂t
///
/// and the step is y_{n+1} = y_n + Σ m_j k_j, with local error estimate Σ e_j k_j.
/// Dense output (the method's own) on θ ∈ [0, 1]:
///
///     y(θ) = (1−θ) y_n + θ (y_{n+1} + (1−θ)(h_0 + θ h_1 + θ² h_2 + …)),   h_r = Σ_j H[r][j] k_j.
public struct RosenbrockTableau: Sendable {
    public let name: String
    /// Order of the propagated solution.
    public let order: Int
    /// Order of the embedded solution that the error estimate compares against.
    public let embeddedOrder: Int
    /// Order of the dense output.
    public let denseOrder: Int
    public let gamma: Double
    /// s×s, strictly lower triangular, row-major (`a[i][j]`, j < i).
    public let a: [[Double]]
    /// s×s, strictly lower triangular.
    public let C: [[Double]]
    /// Stage time nodes (s).
    public let c: [Double]
    /// Stage weights of ∂f/∂t (s); the sums γ_i of the untransformed method.
    public let d: [Double]
    /// Solution weights (s).
    public let m: [Double]
    /// Error-estimate weights (s).
    public let e: [Double]
    /// Dense-output rows, each of length s (may be empty rows only if the method has none).
    public let H: [[Double]]
    /// Where the coefficients come from.
    public let citation: String

    public var stages: Int { c.count }

    public init(name: String, order: Int, embeddedOrder: Int, denseOrder: Int, gamma: Double,
                a: [[Double]], C: [[Double]], c: [Double], d: [Double], m: [Double], e: [Double],
                H: [[Double]], citation: String) {
        self.name = name
        self.order = order
        self.embeddedOrder = embeddedOrder
        self.denseOrder = denseOrder
        self.gamma = gamma
        self.a = a
        self.C = C
        self.c = c
        self.d = d
        self.m = m
        self.e = e
        self.H = H
        self.citation = citation
    }
}
