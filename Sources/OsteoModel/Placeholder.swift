public enum OsteoModelInfo { public static let name = "OsteoModel" }
