/// The demo patient's guideline assessment (filled in from OsteoClinical once it lands).
public enum DemoAssessment {
    public static func text() -> String {
        "ACR 2022 assessment: (the clinical assessment module is being built)\n"
    }
    public static func recommendedOptions() -> [String] { [] }
}
