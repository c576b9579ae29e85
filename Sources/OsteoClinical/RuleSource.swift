/// Where a rule comes from, and how well that was checked.
///
/// `verified` means the rule was confirmed against a source named in the project's guideline notes
/// (shared reference/guidelines.md, tag [V]); `fromMemory` means it was written from memory of the guideline and is
/// not yet checked against the primary paper (tag [M]). The tag is printed with every criterion and recommendation.
public struct RuleSource: Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Verification: String, Sendable, Codable { case verified = "V", fromMemory = "M" }
    public var citation: String
    public var verification: Verification
    public var note: String?

    public init(_ citation: String, _ verification: Verification, note: String? = nil) {
        self.citation = citation
        self.verification = verification
        self.note = note
    }

    public var description: String {
        var s = "\(citation) [\(verification.rawValue)]"
        if let note { s += " (\(note))" }
        return s
    }
}

/// Citations used by the rule tables.
public enum Citation {
    public static let acr2022 = "Humphrey MB et al. 2022 ACR Guideline for the Prevention and Treatment of Glucocorticoid-Induced Osteoporosis. Arthritis Rheumatol 2023;75(12):2088-2102, doi:10.1002/art.42646"
    public static let acr2017 = "Buckley L et al. 2017 ACR Guideline for the Prevention and Treatment of Glucocorticoid-Induced Osteoporosis. Arthritis Rheumatol 2017;69:1521-1537, doi:10.1002/art.40137"
    public static let kanis2011 = "Kanis JA et al. Guidance for the adjustment of FRAX according to the dose of glucocorticoids. Osteoporos Int 2011;22:809-816"
    public static let jsbmr2014 = "Suzuki Y et al. Japanese 2014 guidelines on management and treatment of glucocorticoid-induced osteoporosis. J Bone Miner Metab 2014;32(4):337-350"
    public static let iofEcts2012 = "Lekamwasam S et al. A framework for the development of guidelines for the management of glucocorticoid-induced osteoporosis. Osteoporos Int 2012;23:2257-2276, doi:10.1007/s00198-012-1958-1"
    public static let nogg2022 = "Gregson CL et al. UK clinical guideline for the prevention and treatment of osteoporosis (NOGG 2022), Arch Osteoporos 2022;17:58, section 7 (glucocorticoids)"
    public static let gcEquivalence = "BNF-derived glucocorticoid equivalence table (ELMMB formulary 6.3; globalrph; formularyproductions)"
    public static let labels = "Product labels / SmPC (FDA, EMA)"
    public static let prolia2024 = "FDA boxed warning for Prolia (denosumab) in advanced CKD, 19 Jan 2024"
}
