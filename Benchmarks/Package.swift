// swift-tools-version:6.1
import PackageDescription

// Side-by-side comparison of OsteoODE with SUNDIALS CVODE (Debian's libsundials-dev).
// A separate package: the main package's `swift test` never builds it.
let package = Package(
    name: "OsteoSimBenchmarks",
    dependencies: [.package(name: "OsteoSim", path: "..")],
    targets: [
        .target(
            name: "CVODEShim",
            cSettings: [.headerSearchPath("include")],
            linkerSettings: [
                .linkedLibrary("sundials_cvode"), .linkedLibrary("sundials_nvecserial"),
                .linkedLibrary("sundials_sunlinsoldense"), .linkedLibrary("sundials_sunmatrixdense"),
                .linkedLibrary("sundials_generic"),
            ]),
        .executableTarget(
            name: "cvode-compare",
            dependencies: ["CVODEShim",
                           .product(name: "OsteoODE", package: "OsteoSim"),
                           .product(name: "OsteoTestProblems", package: "OsteoSim")]),
    ],
    swiftLanguageModes: [.v6]
)
