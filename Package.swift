// swift-tools-version:6.1
import PackageDescription

// Dependency direction (no cycles):
//   OsteoODE  <-  OsteoModel  <-  OsteoPharm  <-  OsteoSim  <-  osteosim (CLI)
//   OsteoCatalog (ids shared by all: drugs, glucocorticoids, diseases; no dependencies)
//   OsteoODE  <-  OsteoTestProblems  <-  osteosim-bench
//   OsteoClinical, QFracture2012 (LGPL-3.0-or-later)  <-  OsteoSim
//   OsteoSim, GRDB  <-  OsteoCohort (trials)  <-  osteosim, osteosim-bench
// QFracture2012 is a local package (Packages/QFracture2012) whose dynamic product the executables load as a
// shared library (LGPL); see docs/file-formats.md and Tests/OsteoSimTests/CLITests.swift (sharedQFracture).
// OsteoClinical never imports the ODE code.
let package = Package(
    name: "OsteoSim",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "OsteoODE", targets: ["OsteoODE"]),
        .library(name: "OsteoModel", targets: ["OsteoModel"]),
        .library(name: "OsteoCatalog", targets: ["OsteoCatalog"]),
        .library(name: "OsteoPharm", targets: ["OsteoPharm"]),
        .library(name: "OsteoClinical", targets: ["OsteoClinical"]),
        .library(name: "OsteoSim", targets: ["OsteoSim"]),
        .library(name: "OsteoTestProblems", targets: ["OsteoTestProblems"]),
        .executable(name: "osteosim", targets: ["osteosim"]),
        .executable(name: "osteosim-bench", targets: ["osteosim-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
        .package(path: "Packages/QFracture2012"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // The trial store (results.sqlite); links the system SQLite (Debian: libsqlite3-dev).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(name: "OsteoODE"),
        .target(name: "OsteoTestProblems", dependencies: ["OsteoODE"]),
        .target(name: "OsteoModel", dependencies: ["OsteoODE"]),
        .target(name: "OsteoCatalog"),
        .target(name: "OsteoPharm", dependencies: ["OsteoODE", "OsteoModel", "OsteoCatalog"]),
        .target(name: "OsteoClinical", dependencies: ["OsteoCatalog"]),
        .target(
            name: "OsteoSim",
            dependencies: [
                "OsteoODE", "OsteoModel", "OsteoPharm", "OsteoCatalog", "OsteoClinical",
                .product(name: "QFracture2012", package: "QFracture2012"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Resources")]
        ),
        // Virtual cohorts and in-silico trials: populations, arms, the SQLite store, shards, summaries.
        .target(
            name: "OsteoCohort",
            dependencies: [
                "OsteoSim", "OsteoModel", "OsteoODE", "OsteoPharm",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "osteosim",
            dependencies: ["OsteoSim", "OsteoCohort", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "osteosim-bench",
            dependencies: [
                "OsteoODE", "OsteoTestProblems", "OsteoSim", "OsteoCohort",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The core model's calibration search and issue-12 bar probes (docs/research/core-v2.md).
        .executableTarget(name: "osteosim-calibrate", dependencies: ["OsteoModel", "OsteoODE", "OsteoPharm", "OsteoSim"]),
        // Fuzz target for the scenario and patient parsers (tools/fuzz/run.sh builds it with libFuzzer).
        .executableTarget(name: "osteosim-fuzz", dependencies: ["OsteoSim"]),
        // Counts heap allocations of the calling thread (glibc interposer); tests only.
        .target(name: "MallocCounter"),
        // Shared test helpers (finite-difference Jacobian check); tests only.
        .target(name: "OsteoTestSupport", dependencies: ["OsteoODE", "OsteoModel"], path: "Tests/Support"),
        .testTarget(name: "OsteoODETests", dependencies: ["OsteoODE", "OsteoTestProblems", "MallocCounter", "OsteoTestSupport"]),
        .testTarget(name: "OsteoModelTests", dependencies: ["OsteoModel", "OsteoODE", "OsteoTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "OsteoPharmTests", dependencies: ["OsteoPharm", "OsteoModel", "OsteoODE", "OsteoCatalog", "OsteoTestSupport", "MallocCounter"]),
        .testTarget(name: "OsteoClinicalTests", dependencies: ["OsteoClinical"]),
        .testTarget(name: "QFracture2012Tests", dependencies: [.product(name: "QFracture2012", package: "QFracture2012")]),
        .testTarget(name: "OsteoCohortTests", dependencies: ["OsteoCohort", "OsteoSim", "OsteoModel", "OsteoODE",
                                                            .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "OsteoSimTests", dependencies: ["OsteoSim", "OsteoPharm", "OsteoModel", "OsteoCatalog", "OsteoTestSupport",
                                                         .product(name: "PropertyBased", package: "swift-property-based")]),
    ],
    swiftLanguageModes: [.v6]
)
