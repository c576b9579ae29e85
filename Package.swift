// swift-tools-version:6.1
import PackageDescription

// Dependency direction (no cycles):
//   OsteoODE  <-  OsteoModel  <-  OsteoSim  <-  osteosim (CLI)
//   OsteoODE  <-  OsteoTestProblems  <-  osteosim-bench
//   OsteoClinical, QFracture2012 (LGPL-3.0-or-later)  <-  OsteoSim
// OsteoClinical never imports the ODE code.
let package = Package(
    name: "OsteoSim",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "OsteoODE", targets: ["OsteoODE"]),
        .library(name: "OsteoModel", targets: ["OsteoModel"]),
        .library(name: "OsteoClinical", targets: ["OsteoClinical"]),
        .library(name: "QFracture2012", type: .dynamic, targets: ["QFracture2012"]),
        .library(name: "OsteoSim", targets: ["OsteoSim"]),
        .library(name: "OsteoTestProblems", targets: ["OsteoTestProblems"]),
        .executable(name: "osteosim", targets: ["osteosim"]),
        .executable(name: "osteosim-bench", targets: ["osteosim-bench"]),
        .executable(name: "osteosim-v2-probe", targets: ["osteosim-v2-probe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
    ],
    targets: [
        .target(name: "OsteoODE"),
        .target(name: "OsteoTestProblems", dependencies: ["OsteoODE"]),
        .target(name: "OsteoModel", dependencies: ["OsteoODE"]),
        .target(name: "OsteoClinical"),
        .target(name: "QFracture2012", exclude: ["LICENSE.LGPL-3", "LICENSE.GPL-3"]),
        .target(
            name: "OsteoSim",
            dependencies: [
                "OsteoODE", "OsteoModel", "OsteoClinical", "QFracture2012",
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "osteosim",
            dependencies: ["OsteoSim", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "osteosim-bench",
            dependencies: [
                "OsteoODE", "OsteoTestProblems", "OsteoSim",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Core model v2 prototype (issue 12): runs every bar and the calibration search.
        .executableTarget(name: "osteosim-v2-probe", dependencies: ["OsteoModel", "OsteoODE"]),
        // Counts heap allocations of the calling thread (glibc interposer); tests only.
        .target(name: "MallocCounter"),
        .testTarget(name: "OsteoODETests", dependencies: ["OsteoODE", "OsteoTestProblems", "MallocCounter"]),
        .testTarget(name: "OsteoModelTests", dependencies: ["OsteoModel", "OsteoODE"], exclude: ["Fixtures"]),
        .testTarget(name: "OsteoClinicalTests", dependencies: ["OsteoClinical"]),
        .testTarget(name: "QFracture2012Tests", dependencies: ["QFracture2012"]),
        .testTarget(name: "OsteoSimTests", dependencies: ["OsteoSim"]),
    ],
    swiftLanguageModes: [.v6]
)
