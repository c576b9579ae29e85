public enum OsteoSimInfo { public static let version = "0.1.0" }
