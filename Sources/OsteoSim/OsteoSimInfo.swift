public enum OsteoSimInfo {
    public static let version = "0.1.0"
    /// Shown wherever output looks clinical.
    public static let disclaimer = "OsteoSim is research and education software, not a medical device: it does not give medical advice, and its projections are model outputs, not predictions for an individual patient."
}
