public enum OsteoSimInfo {
    public static let version = "0.1.0"
    /// Where the file formats, limits and exit codes are documented (shown in every command's --help).
    public static let fileFormatsDoc = "docs/file-formats.md in the OsteoSim repository"
    /// Shown wherever output looks clinical.
    public static let disclaimer = "OsteoSim is research and education software, not a medical device: it does not give medical advice, and its projections are model outputs, not predictions for an individual patient."
}
