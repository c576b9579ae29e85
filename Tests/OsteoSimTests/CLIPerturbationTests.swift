import Testing
import Foundation

/// Issue 11 bars through the CLI binary: perturbations and parameter overrides act, bad ids and
/// values exit 2 naming the field. Each run is compared with the untreated run of the same
/// 65-year-old woman (examples/untreated-65f.yaml has the same patient and output grid for 12 months).
extension CLITests {
    /// Last row (month 12) of a simulate CSV, by column name.
    func month12(_ file: String) throws -> [String: Double] {
        let r = try run(["simulate", file, "--format", "csv"])
        #expect(r.status == 0, "\(file): \(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        let row = try #require(lines.first { $0.hasPrefix("365.25,") }).split(separator: ",").compactMap { Double($0) }
        return Dictionary(uniqueKeysWithValues: zip(header, row))
    }

    @Test(.enabled(if: CLITests.binary != nil, "osteosim binary not built"))
    func perturbationsAndOverridesActThroughTheCLI() throws {
        let untreated = try month12("examples/untreated-65f.yaml")
        let rankl = try month12("examples/perturbations/rankl-availability-half.yaml")
        #expect(rankl["ctx_change_pct"]! < untreated["ctx_change_pct"]! - 10, "CTX \(rankl["ctx_change_pct"]!) vs \(untreated["ctx_change_pct"]!)")
        #expect(rankl["lumbar_spine_bmd_change_pct"]! > untreated["lumbar_spine_bmd_change_pct"]! + 1)
        let apoptosis = try month12("examples/perturbations/osteoblast-apoptosis-6-months.yaml")
        // Issue 11: the course "lowers the spine". The margin was 0.3 points (the loss was 0.40 with the
        // largest per-BMU deficit at 0.4); since the GC stage-1 v2 fit set it to 0.25 (2026-12-02) a
        // formation-only course costs less (0.22 points at 12 months; 0.10 at 0.2), so the margin is 0.05.
        #expect(apoptosis["lumbar_spine_bmd_change_pct"]! < untreated["lumbar_spine_bmd_change_pct"]! - 0.05,
                "spine \(apoptosis["lumbar_spine_bmd_change_pct"]!) vs untreated \(untreated["lumbar_spine_bmd_change_pct"]!)")
        let override = try month12("examples/perturbations/spine-composition-override.yaml")
        #expect(override["lumbar_spine_bmd_change_pct"]! != untreated["lumbar_spine_bmd_change_pct"]!)
        #expect(override["total_hip_bmd_change_pct"]! == untreated["total_hip_bmd_change_pct"]!, "the spine parameter leaves the hip alone")
    }

    @Test(.enabled(if: CLITests.binary != nil, "osteosim binary not built"), arguments: [
        ("examples/bad/unknown-lever.yaml", "perturbations[0].lever"),
        ("examples/bad/zero-factor.yaml", "perturbations[0].factor"),
        ("examples/bad/unknown-parameter.yaml", "parameters.trabecular_turnovr"),
        ("examples/bad/parameter-out-of-range.yaml", "parameters.trabecular_turnover"),
    ])
    func badPerturbationsExit2NamingTheField(file: String, field: String) throws {
        let r = try run(["simulate", file])
        #expect(r.status == 2)
        #expect(r.stderr.contains(field), "\(r.stderr)")
    }

    @Test(.enabled(if: CLITests.binary != nil, "osteosim binary not built"))
    func leversAndParametersCommands() throws {
        let levers = try run(["levers", "--format", "json"])
        #expect(levers.status == 0)
        for id in ["osteoblast_commitment", "osteoblast_differentiation", "osteoblast_apoptosis", "osteoclast_apoptosis",
                   "rankl_production", "rankl_availability", "opg_production", "osteocyte_apoptosis", "sost_expression",
                   "sclerostin_activity", "gut_calcium_absorption", "mechanical_loading"] {   // PRODUCT.md lever ids
            #expect(levers.stdout.contains("\"\(id)\""), "\(id)")
        }
        let params = try run(["parameters", "--format", "json"])
        #expect(params.status == 0 && params.stdout.contains("\"trabecular_turnover\"") && params.stdout.contains("\"min\""))
        let table = try run(["parameters"])
        #expect(table.status == 0 && table.stdout.contains("accepted range"))
    }
}
