// Coefficient values of the Rosenbrock methods, in the transformed form of RosenbrockTableau.
// Numbers are the published coefficients (facts), as tabulated in OrdinaryDiffEq.jl's
// rosenbrock_tableaus.jl (MIT); the structure notes say how each method uses them.

extension RosenbrockTableau {
    /// Rodas5P — Steinebach G., "Construction of Rosenbrock–Wanner method Rodas5P and numerical
    /// benchmarks within the Julia Differential Equations package", BIT Numer Math 63:27 (2023).
    /// 8 stages, order 5, embedded order 4 (stiffly accurate: the error estimate is the last stage),
    /// L-stable, dense output of order 4.
    public static let rodas5P: RosenbrockTableau = {
        let a6: [Double] = [-7.502846399306121, 2.561846144803919, -11.627539656261098, -0.18268767659942256, 0.030198172008377946]
        let a: [[Double]] = [
            [],
            [3.0],
            [2.849394379747939, 0.45842242204463923],
            [-6.954028509809101, 2.489845061869568, -10.358996098473584],
            [2.8029986275628964, 0.5072464736228206, -0.3988312541770524, -0.04721187230404641],
            a6,
            a6 + [1],
            a6 + [1, 1],
        ]
        let C: [[Double]] = [
            [],
            [-14.155112264123755],
            [-17.97296035885952, -2.859693295451294],
            [147.12150275711716, -1.41221402718213, 71.68940251302358],
            [165.43517024871676, -0.4592823456491126, 42.90938336958603, -5.961986721573306],
            [24.854864614690072, -3.0009227002832186, 47.4931110020768, 5.5814197821558125, -0.6610691825249471],
            [30.91273214028599, -3.1208243349937974, 77.79954646070892, 34.28646028294783, -19.097331116725623, -28.087943162872662],
            [37.80277123390563, -3.2571969029072276, 112.26918849496327, 66.9347231244047, -40.06618937091002, -54.66780262877968, -9.48861652309627],
        ]
        return RosenbrockTableau(
            name: "Rodas5P", order: 5, embeddedOrder: 4, denseOrder: 4,
            gamma: 0.21193756319429014,
            a: padded(a, 8), C: padded(C, 8),
            c: [0, 0.6358126895828704, 0.4095798393397535, 0.9769306725060716, 0.4288403609558664, 1, 1, 1],
            d: [0.21193756319429014, -0.42387512638858027, -0.3384627126235924, 1.8046452872882734, 2.325825639765069, 0, 0, 0],
            m: a6 + [1, 1, 1],
            e: [0, 0, 0, 0, 0, 0, 0, 1],
            H: [
                [25.948786856663858, -2.5579724845846235, 10.433815404888879, -2.3679251022685204, 0.524948541321073, 1.1241088310450404, 0.4272876194431874, -0.17202221070155493],
                [-9.91568850695171, -0.9689944594115154, 3.0438037242978453, -24.495224566215796, 20.176138334709044, 15.98066361424651, -6.789040303419874, -6.710236069923372],
                [11.419903575922262, 2.8879645146136994, 72.92137995996029, 80.12511834622643, -52.072871366152654, -59.78993625266729, -0.15582684282751913, 4.883087185713722],
            ],
            citation: "Steinebach G. BIT Numer Math 2023;63:27 (Rodas5P)")
    }()

    /// Rodas4 — Hairer E., Wanner G., Solving Ordinary Differential Equations II, 2nd ed.,
    /// Springer 1996, §IV.7 (code RODAS). 6 stages, order 4(3), stiffly accurate, L-stable,
    /// dense output of order 3.
    public static let rodas4: RosenbrockTableau = {
        let a5: [Double] = [1.221224509226641, 6.019134481288629, 12.53708332932087, -0.6878860361058950]
        let a: [[Double]] = [
            [], [1.544],
            [0.9466785280815826, 0.2557011698983284],
            [3.314825187068521, 2.896124015972201, 0.9986419139977817],
            a5,
            a5 + [1],
        ]
        let C: [[Double]] = [
            [], [-5.6688],
            [-2.430093356833875, -0.2063599157091915],
            [-0.1073529058151375, -9.594562251023355, -20.47028614809616],
            [7.496443313967647, -10.24680431464352, -33.99990352819905, 11.70890893206160],
            [8.083246795921522, -7.981132988064893, -31.52159432874371, 16.31930543123136, -6.058818238834054],
        ]
        return RosenbrockTableau(
            name: "Rodas4", order: 4, embeddedOrder: 3, denseOrder: 3, gamma: 0.25,
            a: padded(a, 6), C: padded(C, 6),
            c: [0, 0.386, 0.21, 0.63, 1, 1],
            d: [0.25, -0.1043, 0.1035, -0.0362, 0, 0],
            m: a5 + [1, 1],
            e: [0, 0, 0, 0, 0, 1],
            H: [
                [10.12623508344586, -7.487995877610167, -34.80091861555747, -7.992771707568823, 1.025137723295662, 0],
                [-0.6762803392801253, 6.087714651680015, 16.43084320892478, 24.76722511418386, -6.594389125716872, 0],
            ],
            citation: "Hairer E, Wanner G. Solving ODEs II, 2nd ed. 1996, IV.7 (RODAS)")
    }()

    /// Rodas3P — Steinebach G., BIT Numer Math 2023;63:27 (with Rodas5P); coefficients and stage
    /// structure as in OrdinaryDiffEq.jl. 5 stages; stage 3 reuses f(t, y_n) and stage 5 reuses
    /// f(t + h, U_4); the order-3 solution is U_4 + k_5, the embedded order-2 one U_4 + k_4, so the
    /// error estimate is k_5 − k_4. Dense output of order 3. For loose tolerances (rtol ≳ 1e-3).
    public static let rodas3P: RosenbrockTableau = {
        let a4: [Double] = [2.90625, 3.375, 0.40625]
        return RosenbrockTableau(
            name: "Rodas3P", order: 3, embeddedOrder: 2, denseOrder: 3, gamma: 1.0 / 3.0,
            a: padded([[], [4.0 / 3.0], [0, 0], a4, a4 + [0]], 5),
            C: padded([[], [-4.0], [8.25, 6.75], [1.21875, -5.0625, -1.96875], [4.03125, -15.1875, -4.03125, 6.0]], 5),
            c: [0, 4.0 / 9.0, 0, 1, 1],
            d: [1.0 / 3.0, -1.0 / 9.0, 1, 0, 0],
            m: a4 + [0, 1],
            e: [0, 0, 0, -1, 1],
            H: [
                [1.78125, 6.75, 0.15625, -6, -1],
                [4.21875, -15.1875, -3.09375, 9, 0],
            ],
            citation: "Steinebach G. BIT Numer Math 2023;63:27 (Rodas3P)")
    }()
}

/// Pads each row with zeros to length s (rows are given up to the diagonal).
private func padded(_ rows: [[Double]], _ s: Int) -> [[Double]] {
    rows.map { $0 + Array(repeating: 0, count: s - $0.count) }
}
