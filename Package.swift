// swift-tools-version:6.0
import PackageDescription

// Dependency graph, one way only:
//   CPCRE2 → MedlintPatterns ─┐
//   CCmarkGFM → MedlintMarkdown ┴→ MedlintCore → MedlintReporters → medlint (CLI)
//   rules/ → RulePackEmbedder (build plugin, uses MedlintCore) → MedlintRulePack ─┘
// Release builds link the Swift runtime and Foundation statically even under a plain
// `swift build -c release` (what pre-commit runs): the binary then starts in about a third of the
// time. Objects that import Foundation must be compiled with the flag too, so the static
// Foundation's own dependencies (CoreFoundation, ICU) are linked in. The executables are linked
// position-dependent (-no-pie): a position-independent static binary spends about 300 page faults
// (1-2 ms) relocating pointers at every start, more than a one-file lint takes.
let staticRelease: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
let staticReleaseLink: [LinkerSetting] = [.unsafeFlags(["-static-stdlib", "-Xclang-linker", "-no-pie"], .when(configuration: .release))]

let package = Package(
    name: "medlint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "medlint", targets: ["medlint"]),
        // For the fuzz harness in Fuzz/ (a separate package, built with -sanitize=fuzzer).
        .library(name: "MedlintEngine", targets: ["MedlintMarkdown", "MedlintCore", "MedlintReporters"]),
    ],
    dependencies: [
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
        .target(name: "MedlintPatterns", dependencies: ["CPCRE2"], swiftSettings: staticRelease),
        .target(name: "MedlintMarkdown", dependencies: ["CCmarkGFM"], swiftSettings: staticRelease),
        .target(
            name: "MedlintCore",
            dependencies: ["MedlintPatterns", "MedlintMarkdown", .product(name: "Yams", package: "Yams")],
            swiftSettings: staticRelease
        ),
        .target(name: "MedlintReporters", dependencies: ["MedlintCore"], swiftSettings: staticRelease),
        // Checks the rule pack at build time (a broken built-in rule fails the build) and writes it
        // precompiled into MedlintRulePack.
        .executableTarget(
            name: "RulePackEmbedder", dependencies: ["MedlintCore"], path: "Plugins/RulePackEmbedderTool",
            swiftSettings: staticRelease, linkerSettings: staticReleaseLink
        ),
        .plugin(name: "RulePackPlugin", capability: .buildTool(), dependencies: ["RulePackEmbedder"]),
        .target(name: "MedlintRulePack", dependencies: ["MedlintCore"], swiftSettings: staticRelease, plugins: ["RulePackPlugin"]),
        .executableTarget(
            name: "medlint",
            dependencies: ["MedlintCore", "MedlintReporters", "MedlintRulePack"],
            swiftSettings: staticRelease,
            linkerSettings: staticReleaseLink
        ),
        .testTarget(
            name: "MedlintTests",
            dependencies: ["MedlintPatterns", "MedlintMarkdown", "MedlintCore", "MedlintReporters", "MedlintRulePack"]
        ),
    ]
)
