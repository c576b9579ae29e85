public enum OsteoClinicalInfo { public static let name = "OsteoClinical" }
