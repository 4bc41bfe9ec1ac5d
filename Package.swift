// swift-tools-version:6.1
// Madang: an opinion collector for public hearings and citizen participation.
//
// Dependencies point one way (see DESIGN.md): Core <- Store, Intake <- Categorizer (for the CSV reader)
// <- Digest <- Demo <- madang.
import PackageDescription

let package = Package(
    name: "Madang",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "madang", targets: ["madang"]),
        .library(name: "MadangCore", targets: ["MadangCore"]),
        .library(name: "MadangStore", targets: ["MadangStore"]),
        .library(name: "MadangIntake", targets: ["MadangIntake"]),
        .library(name: "MadangCategorizer", targets: ["MadangCategorizer"]),
        .library(name: "MadangDigest", targets: ["MadangDigest"]),
        .library(name: "MadangDemo", targets: ["MadangDemo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Policy-goal taxonomies are YAML files people write by hand (DESIGN.md).
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(name: "MadangCore"),
        .target(
            name: "MadangStore",
            dependencies: ["MadangCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(name: "MadangIntake", dependencies: ["MadangCore"]),
        .target(name: "MadangCategorizer", dependencies: ["MadangCore", "MadangIntake", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "MadangDigest",
            dependencies: ["MadangCore", "MadangStore", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .target(name: "MadangDemo", dependencies: ["MadangCore", "MadangStore", "MadangCategorizer", "MadangDigest"]),
        .executableTarget(
            name: "madang",
            dependencies: [
                "MadangCore", "MadangStore", "MadangIntake", "MadangCategorizer", "MadangDigest", "MadangDemo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MadangCoreTests", dependencies: ["MadangCore"]),
        .testTarget(name: "MadangStoreTests", dependencies: ["MadangStore"]),
        .testTarget(name: "MadangIntakeTests", dependencies: ["MadangIntake"]),
        .testTarget(name: "MadangCategorizerTests", dependencies: ["MadangCategorizer"]),
        .testTarget(name: "MadangDigestTests", dependencies: ["MadangDigest", "MadangStore"]),
        .testTarget(name: "MadangDemoTests", dependencies: ["MadangDemo", "MadangCategorizer"]),
        .testTarget(name: "MadangCLITests", dependencies: ["madang", "MadangCore"]),
    ]
)
