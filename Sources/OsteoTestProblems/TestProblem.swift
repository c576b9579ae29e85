import OsteoODE

/// A stiff initial value problem with a published reference solution at its end time.
public struct TestProblem: Sendable {
    /// Short id used on the command line: rober, hires, pollu, vdpol, orego.
    public let name: String
    public let system: any ODESystem & Sendable
    public let t0: Double
    public let tEnd: Double
    public let y0: [Double]
    /// Reference solution at `tEnd`.
    public let reference: [Double]
    /// Where the reference solution comes from.
    public let referenceSource: String

    public init(name: String, system: any ODESystem & Sendable, t0: Double, tEnd: Double, y0: [Double],
                reference: [Double], referenceSource: String) {
        self.name = name
        self.system = system
        self.t0 = t0
        self.tEnd = tEnd
        self.y0 = y0
        self.reference = reference
        self.referenceSource = referenceSource
    }
}
