import OsteoODE

// The stiff problems of the Bari IVP test set (Mazzia F, Magherini C, "Test Set for Initial
// Value Problem Solvers", release 2.4, University of Bari, 2008; Hairer & Wanner, Solving ODEs II,
// 2nd ed., 1996). Reference solutions at the end time are the test set's (computed there with
// RADAU5/PSIDE in quadruple precision), as reproduced in the deTestSet R package and other ports.

/// ROBER: Robertson's chemical kinetics, 3 species, t ∈ [0, 1e11].
public struct Rober: ODESystem, Sendable {
    public init() {}
    public var dimension: Int { 3 }
    public func evaluate(t: Double, y: UnsafePointer<Double>, dy: UnsafeMutablePointer<Double>) {
        let r1 = 0.04 * y[0], r2 = 3e7 * y[1] * y[1], r3 = 1e4 * y[1] * y[2]
        dy[0] = -r1 + r3
        dy[1] = r1 - r2 - r3
        dy[2] = r2
    }
    public func jacobian(t: Double, y: UnsafePointer<Double>, into J: UnsafeMutablePointer<Double>, scratch: JacobianScratch) -> Bool {
        // column 0: ∂/∂y1
        J[0] = -0.04; J[1] = 0.04; J[2] = 0
        // column 1: ∂/∂y2
        J[3] = 1e4 * y[2]; J[4] = -6e7 * y[1] - 1e4 * y[2]; J[5] = 6e7 * y[1]
        // column 2: ∂/∂y3
        J[6] = 1e4 * y[1]; J[7] = -1e4 * y[1]; J[8] = 0
        return true
    }
    public var jacobianKind: JacobianKind { .analytic }
}

/// HIRES: plant physiology (light-induced growth), 8 species, t ∈ [0, 321.8122].
public struct Hires: ODESystem, Sendable {
    public init() {}
    public var dimension: Int { 8 }
    public func evaluate(t: Double, y: UnsafePointer<Double>, dy: UnsafeMutablePointer<Double>) {
        dy[0] = -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007
        dy[1] = 1.71 * y[0] - 8.75 * y[1]
        dy[2] = -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4]
        dy[3] = 8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3]
        dy[4] = -1.745 * y[4] + 0.43 * y[5] + 0.43 * y[6]
        dy[5] = -280 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6]
        dy[6] = 280 * y[5] * y[7] - 1.81 * y[6]
        dy[7] = -280 * y[5] * y[7] + 1.81 * y[6]
    }
    public func jacobian(t: Double, y: UnsafePointer<Double>, into J: UnsafeMutablePointer<Double>, scratch: JacobianScratch) -> Bool {
        for i in 0..<64 { J[i] = 0 }
        func set(_ row: Int, _ col: Int, _ v: Double) { J[col * 8 + row] = v }
        set(0, 0, -1.71); set(0, 1, 0.43); set(0, 2, 8.32)
        set(1, 0, 1.71); set(1, 1, -8.75)
        set(2, 2, -10.03); set(2, 3, 0.43); set(2, 4, 0.035)
        set(3, 1, 8.32); set(3, 2, 1.71); set(3, 3, -1.12)
        set(4, 4, -1.745); set(4, 5, 0.43); set(4, 6, 0.43)
        set(5, 3, 0.69); set(5, 4, 1.71); set(5, 5, -280 * y[7] - 0.43); set(5, 6, 0.69); set(5, 7, -280 * y[5])
        set(6, 5, 280 * y[7]); set(6, 6, -1.81); set(6, 7, 280 * y[5])
        set(7, 5, -280 * y[7]); set(7, 6, 1.81); set(7, 7, -280 * y[5])
        return true
    }
    public var jacobianKind: JacobianKind { .analytic }
}

/// POLLU: air-pollution chemistry (Verwer 1994), 20 species, 25 reactions, t ∈ [0, 60].
/// k19 = 0.444e12 (test set value; with it all 20 reference components are reproduced to 2e-12).
public struct Pollu: ODESystem, Sendable {
    public init() {}
    public var dimension: Int { 20 }
    static let k: [Double] = [0.35, 26.6, 1.23e4, 8.6e-4, 8.2e-4, 1.5e4, 1.3e-4, 2.4e4, 1.65e4, 9e3, 2.2e-2, 1.2e4, 1.88,
                              1.63e4, 4.8e6, 3.5e-4, 1.75e-2, 1e8, 0.444e12, 1240, 2.1, 5.78, 4.74e-2, 1780, 3.12]
    /// Each reaction: rate constant index, reactant species (1 or 2), products with stoichiometry.
    public func evaluate(t: Double, y: UnsafePointer<Double>, dy: UnsafeMutablePointer<Double>) {
        let k = Self.k
        let r0 = k[0] * y[0], r1 = k[1] * y[1] * y[3], r2 = k[2] * y[4] * y[1], r3 = k[3] * y[6], r4 = k[4] * y[6]
        let r5 = k[5] * y[6] * y[5], r6 = k[6] * y[8], r7 = k[7] * y[8] * y[5], r8 = k[8] * y[10] * y[1]
        let r9 = k[9] * y[10] * y[0], r10 = k[10] * y[12], r11 = k[11] * y[9] * y[1], r12 = k[12] * y[13]
        let r13 = k[13] * y[0] * y[5], r14 = k[14] * y[2], r15 = k[15] * y[3], r16 = k[16] * y[3]
        let r17 = k[17] * y[15], r18 = k[18] * y[15], r19 = k[19] * y[16] * y[5], r20 = k[20] * y[18]
        let r21 = k[21] * y[18], r22 = k[22] * y[0] * y[3], r23 = k[23] * y[18] * y[0], r24 = k[24] * y[19]
        dy[0] = -r0 - r9 - r13 - r22 - r23 + r1 + r2 + r8 + r10 + r11 + r21 + r24
        dy[1] = -r1 - r2 - r8 - r11 + r0 + r20
        dy[2] = -r14 + r0 + r16 + r18 + r21
        dy[3] = -r1 - r15 - r16 - r22 + r14
        dy[4] = -r2 + 2 * r3 + r5 + r6 + r12 + r19
        dy[5] = -r5 - r7 - r13 - r19 + r2 + 2 * r17
        dy[6] = -r3 - r4 - r5 + r12
        dy[7] = r3 + r4 + r5 + r6
        dy[8] = -r6 - r7
        dy[9] = -r11 + r6 + r8
        dy[10] = -r8 - r9 + r7 + r10
        dy[11] = r8
        dy[12] = -r10 + r9
        dy[13] = -r12 + r11
        dy[14] = r13
        dy[15] = -r17 - r18 + r15
        dy[16] = -r19
        dy[17] = r19
        dy[18] = -r20 - r21 - r23 + r22 + r24
        dy[19] = -r24 + r23
    }
    public func jacobian(t: Double, y: UnsafePointer<Double>, into J: UnsafeMutablePointer<Double>, scratch: JacobianScratch) -> Bool {
        // Built reaction by reaction: for rate r = k·Π y_s, ∂r/∂y_s added with each species' net
        // stoichiometry ν (dy = Σ ν·r).
        for i in 0..<400 { J[i] = 0 }
        func add(_ rate: Double, _ wrt: Int, _ nu: [(Int, Double)]) {
            for (species, coef) in nu { J[wrt * 20 + species] += coef * rate }
        }
        for (kr, reactants, nu) in Self.reactions {
            if reactants.count == 1 {
                add(kr, reactants[0], nu)
            } else {
                let a = reactants[0], b = reactants[1]
                add(kr * y[b], a, nu)
                add(kr * y[a], b, nu)
            }
        }
        return true
    }

    /// (rate constant, reactants, net stoichiometry) of the 25 reactions, matching evaluate;
    /// built once, so the Jacobian allocates nothing.
    static let reactions: [(Double, [Int], [(Int, Double)])] = {
        let k = Pollu.k
        return [
            (k[0], [0], [(0, -1), (1, 1), (2, 1)]),
            (k[1], [1, 3], [(1, -1), (3, -1), (0, 1)]),
            (k[2], [4, 1], [(4, -1), (1, -1), (0, 1), (5, 1)]),
            (k[3], [6], [(6, -1), (4, 2), (7, 1)]),
            (k[4], [6], [(6, -1), (7, 1)]),
            (k[5], [6, 5], [(6, -1), (5, -1), (4, 1), (7, 1)]),
            (k[6], [8], [(8, -1), (4, 1), (7, 1), (9, 1)]),
            (k[7], [8, 5], [(8, -1), (5, -1), (10, 1)]),
            (k[8], [10, 1], [(10, -1), (1, -1), (0, 1), (9, 1), (11, 1)]),
            (k[9], [10, 0], [(10, -1), (0, -1), (12, 1)]),
            (k[10], [12], [(12, -1), (0, 1), (10, 1)]),
            (k[11], [9, 1], [(9, -1), (1, -1), (0, 1), (13, 1)]),
            (k[12], [13], [(13, -1), (4, 1), (6, 1)]),
            (k[13], [0, 5], [(0, -1), (5, -1), (14, 1)]),
            (k[14], [2], [(2, -1), (3, 1)]),
            (k[15], [3], [(3, -1), (15, 1)]),
            (k[16], [3], [(3, -1), (2, 1)]),
            (k[17], [15], [(15, -1), (5, 2)]),
            (k[18], [15], [(15, -1), (2, 1)]),
            (k[19], [16, 5], [(16, -1), (5, -1), (4, 1), (17, 1)]),
            (k[20], [18], [(18, -1), (1, 1)]),
            (k[21], [18], [(18, -1), (0, 1), (2, 1)]),
            (k[22], [0, 3], [(0, -1), (3, -1), (18, 1)]),
            (k[23], [18, 0], [(18, -1), (0, -1), (19, 1)]),
            (k[24], [19], [(19, -1), (0, 1), (18, 1)]),
        ]
    }()
    public var jacobianKind: JacobianKind { .analytic }
}

/// VDPOL: van der Pol oscillator, μ = 1000 (ε = 1/μ² = 1e-6), y0 = (2, 0), t ∈ [0, 2000]:
/// y1' = y2, y2' = μ(1 − y1²)y2 − y1.
public struct VanDerPol: ODESystem, Sendable {
    public var mu: Double
    public init(mu: Double = 1000) { self.mu = mu }
    public var dimension: Int { 2 }
    public func evaluate(t: Double, y: UnsafePointer<Double>, dy: UnsafeMutablePointer<Double>) {
        dy[0] = y[1]
        dy[1] = mu * (1 - y[0] * y[0]) * y[1] - y[0]
    }
    public func jacobian(t: Double, y: UnsafePointer<Double>, into J: UnsafeMutablePointer<Double>, scratch: JacobianScratch) -> Bool {
        J[0] = 0; J[1] = -2 * mu * y[0] * y[1] - 1
        J[2] = 1; J[3] = mu * (1 - y[0] * y[0])
        return true
    }
    public var jacobianKind: JacobianKind { .analytic }
}

/// OREGO: the Oregonator (Belousov–Zhabotinskii reaction), t ∈ [0, 360]:
/// y1' = s(y2 − y1y2 + y1 − q y1²), y2' = (−y2 − y1y2 + y3)/s, y3' = w(y1 − y3),
/// s = 77.27, w = 0.161, q = 8.375e-6.
public struct Oregonator: ODESystem, Sendable {
    public init() {}
    static let s = 77.27, w = 0.161, q = 8.375e-6
    public var dimension: Int { 3 }
    public func evaluate(t: Double, y: UnsafePointer<Double>, dy: UnsafeMutablePointer<Double>) {
        let s = Self.s, w = Self.w, q = Self.q
        dy[0] = s * (y[1] - y[0] * y[1] + y[0] - q * y[0] * y[0])
        dy[1] = (-y[1] - y[0] * y[1] + y[2]) / s
        dy[2] = w * (y[0] - y[2])
    }
    public func jacobian(t: Double, y: UnsafePointer<Double>, into J: UnsafeMutablePointer<Double>, scratch: JacobianScratch) -> Bool {
        let s = Self.s, w = Self.w, q = Self.q
        J[0] = s * (-y[1] + 1 - 2 * q * y[0]); J[1] = -y[1] / s; J[2] = w
        J[3] = s * (1 - y[0]); J[4] = (-1 - y[0]) / s; J[5] = 0
        J[6] = 0; J[7] = 1 / s; J[8] = -w
        return true
    }
    public var jacobianKind: JacobianKind { .analytic }
}

/// The five problems with their reference solutions.
public enum TestSet {
    static let source = "Bari IVP test set, release 2.4 (Mazzia & Magherini 2008), reference solution"
    public static let all: [TestProblem] = [
        TestProblem(name: "rober", system: Rober(), t0: 0, tEnd: 1e11, y0: [1, 0, 0],
                    reference: [0.2083340149701255e-07, 0.8333360770334713e-13, 0.9999999791665050],
                    referenceSource: source + " (ROBER, t = 1e11)"),
        TestProblem(name: "hires", system: Hires(), t0: 0, tEnd: 321.8122, y0: [1, 0, 0, 0, 0, 0, 0, 0.0057],
                    reference: [0.7371312573325668e-3, 0.1442485726316185e-3, 0.5888729740967575e-4, 0.1175651343283149e-2,
                                0.2386356198831331e-2, 0.6238968252742796e-2, 0.2849998395185769e-2, 0.2850001604814231e-2],
                    referenceSource: source + " (HIRES, t = 321.8122)"),
        TestProblem(name: "pollu", system: Pollu(), t0: 0, tEnd: 60,
                    y0: [0, 0.2, 0, 0.04, 0, 0, 0.1, 0.3, 0.01, 0, 0, 0, 0, 0, 0, 0, 0.007, 0, 0, 0],
                    reference: [0.5646255480022769e-01, 0.1342484130422339e+00, 0.4139734331099427e-08, 0.5523140207484359e-02,
                                0.2018977262302196e-06, 0.1464541863493966e-06, 0.7784249118997964e-01, 0.3245075353396018e+00,
                                0.7494013383880406e-02, 0.1622293157301561e-07, 0.1135863833257075e-07, 0.2230505975721359e-02,
                                0.2087162882798630e-03, 0.1396921016840158e-04, 0.8964884856898295e-02, 0.4352846369330103e-17,
                                0.6899219696263405e-02, 0.1007803037365946e-03, 0.1772146513969984e-05, 0.5682943292316392e-04],
                    referenceSource: source + " (POLLU, t = 60)"),
        TestProblem(name: "vdpol", system: VanDerPol(), t0: 0, tEnd: 2000, y0: [2, 0],
                    reference: [0.1706167732170469e1, -0.8928097010248125e-3],
                    referenceSource: source + " (VDPOL, μ = 1000, t = 2000)"),
        TestProblem(name: "orego", system: Oregonator(), t0: 0, tEnd: 360, y0: [1, 2, 3],
                    reference: [0.1000814870318523e1, 0.1228178521549917e4, 0.1320554942846706e3],
                    referenceSource: source + " (OREGO, t = 360)"),
    ]

    public static func problem(named name: String) -> TestProblem? {
        all.first { $0.name == name.lowercased() }
    }

    /// Largest relative error over the components whose reference magnitude exceeds `floor`.
    public static func maxRelativeError(_ y: some Collection<Double>, reference: [Double], floor: Double = 1e-12) -> Double {
        zip(y, reference).filter { abs($0.1) > floor }.map { abs($0.0 - $0.1) / abs($0.1) }.max() ?? 0
    }
}
