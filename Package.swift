// swift-tools-version:6.1
// Madang: an opinion collector for public hearings and citizen participation.
//
// Dependencies point one way (see DESIGN.md): Core <- Store, Intake <- Categorizer (for the CSV reader)
// <- Digest <- Demo <- Service <- Web <- madang. The command line and the web server use the service and Core's
// values, nothing else.
import PackageDescription

let package = Package(
    name: "Madang",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "madang", targets: ["madang"]),
        .library(name: "MadangCore", targets: ["MadangCore"]),
        .library(name: "MadangStore", targets: ["MadangStore"]),
        .library(name: "MadangIntake", targets: ["MadangIntake"]),
        .library(name: "MadangCategorizer", targets: ["MadangCategorizer"]),
        .library(name: "MadangDigest", targets: ["MadangDigest"]),
        .library(name: "MadangDemo", targets: ["MadangDemo"]),
        .library(name: "MadangService", targets: ["MadangService"]),
        .library(name: "MadangWeb", targets: ["MadangWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Policy-goal taxonomies are YAML files people write by hand (DESIGN.md).
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The response register goes to and from Excel as XLSX, a ZIP of XML parts.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // `madang serve`: the HTTP server, and bcrypt for organizers' passwords.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .target(name: "MadangCore"),
        .target(
            name: "MadangStore",
            dependencies: ["MadangCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(name: "MadangIntake", dependencies: ["MadangCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "MadangCategorizer", dependencies: ["MadangCore", "MadangIntake", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "MadangDigest",
            dependencies: ["MadangCore", "MadangStore", .product(name: "Mustache", package: "swift-mustache")],
            // The built-in templates travel with the library as its resources.
            resources: [.copy("Templates")]
        ),
        .target(name: "MadangDemo", dependencies: ["MadangCore", "MadangStore", "MadangCategorizer", "MadangDigest"]),
        .target(
            name: "MadangService",
            dependencies: [
                "MadangCore", "MadangStore", "MadangIntake", "MadangCategorizer", "MadangDigest", "MadangDemo",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]
        ),
        .target(
            name: "MadangWeb",
            dependencies: [
                "MadangCore", "MadangService", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            // The pages' script and style sheet, served as files (the policy allows no inline script).
            resources: [.copy("Assets")]
        ),
        .executableTarget(
            name: "madang",
            dependencies: [
                "MadangCore", "MadangService", "MadangWeb", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The README's "Using Madang from Swift" program, built and run by the service tests.
        .executableTarget(name: "madang-example", dependencies: ["MadangCore", "MadangService"], path: "examples/Swift"),
        // Scores the masking of personal data on a labelled set (scripts/masking-score).
        .executableTarget(name: "masking-score", dependencies: ["MadangDigest"]),
        .testTarget(name: "MadangCoreTests", dependencies: ["MadangCore"]),
        .testTarget(name: "MadangStoreTests", dependencies: ["MadangStore", "MadangCore"]),
        .testTarget(
            name: "MadangIntakeTests",
            dependencies: ["MadangIntake", "MadangCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "MadangCategorizerTests", dependencies: ["MadangCategorizer", "MadangCore"]),
        .testTarget(name: "MadangDigestTests", dependencies: ["MadangDigest", "MadangStore", "MadangCore"]),
        .testTarget(name: "MadangDemoTests", dependencies: ["MadangDemo", "MadangCategorizer"]),
        .testTarget(name: "MadangServiceTests", dependencies: ["MadangService", "MadangCore", "madang-example"]),
        .testTarget(name: "MadangWebTests", dependencies: ["MadangWeb", "MadangService", "MadangCore"]),
        .testTarget(name: "MadangCLITests", dependencies: ["madang", "MadangCore"]),
    ]
)
