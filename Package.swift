// swift-tools-version:6.0
import PackageDescription

// Dependency graph, one way only:
//   CPCRE2 → MedlintPatterns ─┐
//   CCmarkGFM → MedlintMarkdown ┴→ MedlintCore → MedlintReporters → medlint (CLI)
//   rules/ → RulePackEmbedder (build plugin, uses MedlintCore) → MedlintRulePack ─┘
let package = Package(
    name: "medlint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "medlint", targets: ["medlint"]),
        // For the fuzz harness in Fuzz/ (a separate package, built with -sanitize=fuzzer).
        .library(name: "MedlintEngine", targets: ["MedlintMarkdown", "MedlintCore", "MedlintReporters"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            path: "Sources/CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            path: "Sources/CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "MedlintPatterns", dependencies: ["CPCRE2"]),
        .target(name: "MedlintMarkdown", dependencies: ["CCmarkGFM"]),
        .target(
            name: "MedlintCore",
            dependencies: ["MedlintPatterns", "MedlintMarkdown", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "MedlintReporters", dependencies: ["MedlintCore"]),
        // Checks the rule pack at build time (a broken built-in rule fails the build) and writes it
        // precompiled into MedlintRulePack.
        .executableTarget(name: "RulePackEmbedder", dependencies: ["MedlintCore"], path: "Plugins/RulePackEmbedderTool"),
        .plugin(name: "RulePackPlugin", capability: .buildTool(), dependencies: ["RulePackEmbedder"]),
        .target(name: "MedlintRulePack", dependencies: ["MedlintCore"], plugins: ["RulePackPlugin"]),
        .executableTarget(
            name: "medlint",
            dependencies: [
                "MedlintCore", "MedlintReporters", "MedlintRulePack",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "MedlintTests",
            dependencies: ["MedlintPatterns", "MedlintMarkdown", "MedlintCore", "MedlintReporters", "MedlintRulePack"]
        ),
    ]
)
