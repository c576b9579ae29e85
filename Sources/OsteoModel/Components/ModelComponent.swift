import OsteoODE

/// One named state of a component.
public struct Compartment: Sendable, Equatable {
    public let name: String
    public let unit: String
    public let meaning: String
    /// Value at the start of the baseline search (and, for a drug, before any dose).
    public let reference: Double
    /// Typical magnitude (baseline-search tolerance, and by default the absolute tolerance
    /// `1e-9 × scale`).
    public let scale: Double
    /// The solver's absolute tolerance for this state.
    public let absoluteTolerance: Double
    /// The solver's relative tolerance for this state (nil = the system's, 1e-6).
    public let relativeTolerance: Double?
    /// Held states are not moved by the baseline search (switches, infusion rates, integrators
    /// whose value defines the patient's own day-0 bone).
    public let held: Bool

    /// - Parameter absoluteTolerance: default `1e-9 × scale`; a fast transient compartment whose
    ///   error matters only through a slower one may take a looser value (documented there).
    public init(_ name: String, unit: String, meaning: String, reference: Double = 0, scale: Double = 1, held: Bool = false,
                absoluteTolerance: Double? = nil, relativeTolerance: Double? = nil) {
        self.absoluteTolerance = absoluteTolerance ?? 1e-9 * scale
        self.relativeTolerance = relativeTolerance
        self.name = name
        self.unit = unit
        self.meaning = meaning
        self.reference = reference
        self.scale = scale
        self.held = held
    }
}

/// An output column a component contributes (`simulate` output), with its unit.
public struct Observable: Sendable, Equatable {
    public let name: String
    public let unit: String
    public let meaning: String
    public init(_ name: String, unit: String, meaning: String) {
        self.name = name
        self.unit = unit
        self.meaning = meaning
    }
}

/// Where a dose of a given route goes in a component.
public struct DoseTarget: Sendable, Equatable {
    /// Index of the receiving compartment within the component.
    public let compartment: Int
    /// Fraction of the administered amount that reaches it (bioavailability).
    public let fraction: Double
    /// Component amount units per administered mg (e.g. 1e6 for ng).
    public let unitsPerMg: Double
    /// The component places the dose itself, from the current state
    /// (``ModelComponent/receive(dose:route:x:core:)``), instead of adding it to `compartment`.
    public let placedByComponent: Bool
    /// Component amount units per IU, for drugs dosed in international units (vitamin D); nil =
    /// a dose in IU is refused.
    public let unitsPerIU: Double?
    public init(compartment: Int, fraction: Double, unitsPerMg: Double, placedByComponent: Bool = false, unitsPerIU: Double? = nil) {
        self.compartment = compartment
        self.fraction = fraction
        self.unitsPerMg = unitsPerMg
        self.placedByComponent = placedByComponent
        self.unitsPerIU = unitsPerIU
    }
}

/// Routes of administration.
public enum Route: String, Sendable, CaseIterable, Codable {
    case oral, sc, iv

    /// The routes' positions in a dose tag, without `allCases` (which allocates in debug builds
    /// and so must stay out of a jump applied inside the step loop).
    static let tagCount = 3
    var tagIndex: Int {
        switch self { case .oral: 0; case .sc: 1; case .iv: 2 }
    }
    init(tagIndex: Int) {
        switch tagIndex { case 1: self = .sc; case 2: self = .iv; default: self = .oral }
    }
}

/// What every part of the model declares about itself: named compartments, an annotated
/// parameter table and its observables. The core (``BoneCore``) and every add-on component
/// (drugs, exposures, perturbations) conform; the assembled ``BoneSystem`` derives its state
/// layout, reference state, tolerances, output columns and docs from these declarations.
public protocol ComponentDescription: Sendable {
    /// Unique snake_case id (prefix of the component's parameter names, except the core's).
    var id: String { get }
    var compartments: [Compartment] { get }
    var parameterInfo: [ParameterInfo] { get }
    var observables: [Observable] { get }
}

/// An add-on component: its own compartments, driven by the core's signals, acting on the core
/// through ``Effects``.
///
/// Conform through ``GenericComponent`` and write the right-hand side once, generically over
/// the scalar; the two concrete entry points below are then provided (and specialised) for you.
/// The system calls them through the existential, which is why they are concrete: a generic
/// requirement called through `any` would run unspecialised arithmetic.
public protocol ModelComponent: ComponentDescription {
    func evaluate(t: Double, x: UnsafePointer<Double>, dx: UnsafeMutablePointer<Double>,
                  core: CoreSignals<Double>, effects: inout Effects<Double>)
    func evaluate(t: Dual, x: UnsafePointer<Dual>, dx: UnsafeMutablePointer<Dual>,
                  core: CoreSignals<Dual>, effects: inout Effects<Dual>)
    /// Observable values from this component's state at one output time.
    func observe(x: ArraySlice<Double>) -> [Double]
    /// Where a dose by `route` goes, or nil if the component takes no such dose.
    func doseTarget(route: Route) -> DoseTarget?
    /// The compartment whose value is a zero-order infusion rate into `target`, if any.
    func infusionRateCompartment(into target: Int) -> Int?
    /// Places a dose that reached the body (`amount` = administered × fraction, in the
    /// component's units) into the component's compartments `x`, given the core's state now.
    /// Called only for targets with `placedByComponent`; must not allocate.
    func receive(dose amount: Double, route: Route, x: UnsafeMutablePointer<Double>, core: CoreSignals<Double>)
    /// An exogenous PTH1R agonist dose the core takes whole at the dose (its plasma phase and the
    /// receptor's answer last hours; ``BoneCore/applyPTH1RPulse(_:y:effects:)``), or nil for an
    /// ordinary dose. `amount` is administered × fraction, in the component's units. Only for
    /// targets with `placedByComponent`.
    func pth1rPulse(dose amount: Double, route: Route) -> PTH1RPulse?
    /// Called after the core took a pulse, with what it reported, so the component can record the
    /// dose in its own compartments `x` (concentration and calcium outputs). Must not allocate.
    func pulseTaken(_ outcome: PTH1RPulseOutcome, dose amount: Double, route: Route, x: UnsafeMutablePointer<Double>)
    /// A looser relative tolerance for the core's fast signalling states
    /// (``BoneCore/signallingStates``) while this component is in the system, or nil. A component
    /// whose doses the core takes whole at the dose (a PTH1R pulse) sets it: the kernel's own
    /// approximation (a few per cent of the response) is far coarser than the default 1e-6, and
    /// resolving each day's receptor recovery to 1e-6 would cost the solver ≈ 14 steps a dose.
    var coreSignallingRelativeTolerance: Double? { get }
    /// Whether the right-hand side reads `t` itself (then the system is not autonomous and the
    /// solver evaluates ∂f/∂t). Components are driven by events and states, so default false.
    var usesTime: Bool { get }
    /// Whether the right-hand side reads ``Mediator`` signals from `effects`; such components are
    /// evaluated after all others (default false).
    var readsMediators: Bool { get }
    /// A copy with the parameter named `name` overridden (names from ``parameterInfo``).
    func setting(_ name: String, to value: Double) throws(ParameterError) -> any ModelComponent
}

extension ModelComponent {
    public var observables: [Observable] { [] }
    public func observe(x: ArraySlice<Double>) -> [Double] { [] }
    public func doseTarget(route: Route) -> DoseTarget? { nil }
    public func infusionRateCompartment(into target: Int) -> Int? { nil }
    public var usesTime: Bool { false }
    public var coreSignallingRelativeTolerance: Double? { nil }
    public func pth1rPulse(dose amount: Double, route: Route) -> PTH1RPulse? { nil }
    public func pulseTaken(_ outcome: PTH1RPulseOutcome, dose amount: Double, route: Route, x: UnsafeMutablePointer<Double>) {}
    public var readsMediators: Bool { false }
    public func receive(dose amount: Double, route: Route, x: UnsafeMutablePointer<Double>, core: CoreSignals<Double>) {
        if let target = doseTarget(route: route) { x[target.compartment] += amount }
    }
    public func setting(_ name: String, to value: Double) throws(ParameterError) -> any ModelComponent {
        throw .unknown(name: name, suggestion: nil)
    }
}

/// A component whose right-hand side is written once over ``ODEScalar``.
public protocol GenericComponent: ModelComponent {
    /// Writes d(x)/dt into `dx` (this component's compartments only) and applies the
    /// component's effects on the core.
    func rhs<S: ODEScalar>(t: S, x: UnsafePointer<S>, dx: UnsafeMutablePointer<S>,
                           core: CoreSignals<S>, effects: inout Effects<S>)
}

extension GenericComponent {
    @inlinable public func evaluate(t: Double, x: UnsafePointer<Double>, dx: UnsafeMutablePointer<Double>,
                                    core: CoreSignals<Double>, effects: inout Effects<Double>) {
        rhs(t: t, x: x, dx: dx, core: core, effects: &effects)
    }
    @inlinable public func evaluate(t: Dual, x: UnsafePointer<Dual>, dx: UnsafeMutablePointer<Dual>,
                                    core: CoreSignals<Dual>, effects: inout Effects<Dual>) {
        rhs(t: t, x: x, dx: dx, core: core, effects: &effects)
    }
}
