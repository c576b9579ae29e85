// swift-tools-version:6.1
import PackageDescription

// QFracture-2012 (ClinRisk Ltd), LGPL-3.0-or-later: its own package so that it is built and shipped as a shared
// library (libQFracture2012.so / .dylib) that OsteoSim's executables load at run time and that a user can replace
// (LGPL-3.0 section 4). SwiftPM links a same-package target statically; only a dependency's dynamic product is
// linked as a shared library, hence this sub-package.
let package = Package(
    name: "QFracture2012",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "QFracture2012", type: .dynamic, targets: ["QFracture2012"]),
    ],
    targets: [
        .target(name: "QFracture2012", exclude: ["LICENSE.LGPL-3", "LICENSE.GPL-3"]),
    ],
    swiftLanguageModes: [.v6]
)
