import OsteoODE

/// A modeller's direct action on a mechanism: `lever` multiplied by `factor` from `startDay`
/// until `stopDay` (nil = to the end). Scenario files write these as `perturbations:`.
public struct Perturbation: Sendable, Equatable {
    public var lever: Lever
    public var factor: Double
    public var startDay: Double
    public var stopDay: Double?
    public init(lever: Lever, factor: Double, startDay: Double = 0, stopDay: Double? = nil) {
        self.lever = lever
        self.factor = factor
        self.startDay = startDay
        self.stopDay = stopDay
    }
}

/// Perturbations as a component: one held switch compartment per perturbation (0 = off, 1 = on),
/// set by events at its start and stop, so the right-hand side stays smooth in the state and
/// needs no branch on time: the lever is multiplied by 1 + (factor − 1)·switch.
public struct PerturbationComponent: GenericComponent {
    public let perturbations: [Perturbation]
    public init(_ perturbations: [Perturbation]) { self.perturbations = perturbations }

    public var id: String { "perturbations" }
    public var compartments: [Compartment] {
        perturbations.enumerated().map { i, p in
            Compartment("switch_\(i + 1)_\(p.lever.id)", unit: "-", meaning: "perturbation \(i + 1) on (1) or off (0): \(p.lever.id) × \(p.factor)",
                        reference: 0, scale: 1, held: true)
        }
    }
    public var parameterInfo: [ParameterInfo] { [] }

    public func rhs<S: ODEScalar>(t: S, x: UnsafePointer<S>, dx: UnsafeMutablePointer<S>,
                                  core: CoreSignals<S>, effects: inout Effects<S>) {
        for i in 0..<perturbations.count {
            dx[i] = S(0)
            effects.scale(perturbations[i].lever, by: 1.0 + (perturbations[i].factor - 1.0) * x[i])
        }
    }

    /// The switch events, as (time, local compartment, value).
    public var switches: [(time: Double, compartment: Int, value: Double)] {
        var out: [(Double, Int, Double)] = []
        for (i, p) in perturbations.enumerated() {
            out.append((p.startDay, i, 1))
            if let stop = p.stopDay { out.append((stop, i, 0)) }
        }
        return out
    }
}
