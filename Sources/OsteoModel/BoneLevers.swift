/// Multipliers through which glucocorticoids, inflammation and drugs act on the core model's
/// mechanisms (1 = no effect). The exposure layers (later releases) set them as functions of
/// time; the core model only defines where each acts.
public struct BoneLevers: Sendable, Equatable {
    /// ROB → OB differentiation (Wnt/DKK1/PPARγ2 shift; GC lower it).
    public var osteoblastDifferentiation = 1.0
    /// Active osteoblast removal (apoptosis; GC raise it).
    public var osteoblastApoptosis = 1.0
    /// Osteoclast removal (apoptosis; GC lower it, bisphosphonates raise it).
    public var osteoclastApoptosis = 1.0
    /// RANKL production (cytokines, PTH-independent drive).
    public var ranklProduction = 1.0
    /// OPG production (GC lower it).
    public var opgProduction = 1.0
    /// Free RANKL available to RANK (denosumab lowers it).
    public var ranklAvailability = 1.0
    /// Osteocyte removal (apoptosis; GC raise it).
    public var osteocyteApoptosis = 1.0
    /// SOST expression per osteocyte.
    public var sostExpression = 1.0
    /// Gut calcium absorption efficiency (GC lower it; active vitamin D raises it).
    public var gutCalciumAbsorption = 1.0
    public init() {}
}
