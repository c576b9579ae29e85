import OsteoODE

/// One SC dose of an exogenous PTH1R agonist (teriparatide, abaloparatide) whose plasma phase
/// (hours) is far shorter than anything in the core but the PTH1R signalling itself, described
/// by its plasma profile so that the core can take the whole pulse at the dose
/// (``BoneCore/applyPTH1RPulse(_:y:effects:)``) instead of the solver resolving it:
///
///     a(τ) = potency · A · k_a / (V (k_e − k_a)) · (e^{−k_a τ} − e^{−k_e τ})     pmol/L PTH-equivalent
///
/// (first-order SC absorption into a one-compartment plasma, τ = time since the dose; A = the
/// absorbed amount, pmol). The RG (transient) arm sees a(τ), the R0 (sustained) arm
/// `sustainedWeight · a(τ)` (``CoreInput/pthrAgonist``, ``CoreInput/pthrAgonistSustained``).
public struct PTH1RPulse: Sendable, Equatable {
    /// Absorbed amount, pmol (dose × bioavailability).
    public var amount: Double
    /// SC absorption rate, 1/day.
    public var absorptionRate: Double
    /// Plasma elimination rate (clearance / volume), 1/day.
    public var eliminationRate: Double
    /// Plasma volume of distribution, L.
    public var volume: Double
    /// PTH-equivalents per pmol of agonist at the RG conformation (1 for PTH 1–34).
    public var potency: Double
    /// Fraction of the RG signal also carried by the sustained (R0) arm (1 for PTH 1–34).
    public var sustainedWeight: Double
    /// Length of the pulse window, days: the plasma profile and the receptor recovery after it
    /// are integrated over [0, window] at the dose.
    public var window: Double

    public init(amount: Double, absorptionRate: Double, eliminationRate: Double, volume: Double,
                potency: Double = 1, sustainedWeight: Double = 1, window: Double = 1) {
        self.amount = amount
        self.absorptionRate = absorptionRate
        self.eliminationRate = eliminationRate
        self.volume = volume
        self.potency = potency
        self.sustainedWeight = sustainedWeight
        self.window = window
    }

    /// Plasma agonist concentration τ days after the dose, pmol/L (not potency-weighted).
    @inlinable public func concentration(at tau: Double) -> Double {
        Self.concentration(amount: amount, at: tau, absorptionRate: absorptionRate, eliminationRate: eliminationRate, volume: volume)
    }

    /// The same profile for any absorbed amount (used by the components' concentration outputs).
    @inlinable public static func concentration(amount: Double, at tau: Double, absorptionRate ka: Double,
                                                eliminationRate ke: Double, volume: Double) -> Double {
        guard amount > 0, tau >= 0 else { return 0 }
        // ke ≠ ka for every accepted parameter pair; the limit ka·τ·e^{−kτ} is used when they meet.
        let d = ke - ka
        if abs(d) < 1e-9 * ke { return amount * ka / volume * tau * Double.exp(-ka * tau) }
        return amount * ka / (volume * d) * (Double.exp(-ka * tau) - Double.exp(-ke * tau))
    }
}

/// What the core reports back after taking a pulse (for the component's outputs).
public struct PTH1RPulseOutcome: Sendable, Equatable {
    /// Estimated peak plasma calcium during the pulse, mmol/L (the state's calcium at the dose
    /// plus the peak of the linear ECF response to the pulse's calcium flux).
    public var calciumPeak: Double
    /// Time of that peak after the dose, days.
    public var calciumPeakTime: Double
    /// Time-averaged anabolic programme drive over the window, H(z) − H(z) without the pulse.
    public var anabolicDrive: Double
}
