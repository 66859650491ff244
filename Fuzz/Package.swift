// swift-tools-version:6.0
import PackageDescription

// The libFuzzer harness, a package of its own because it is built with -sanitize=fuzzer:
//   swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// (`make fuzz` does this and runs it; see Makefile.)
let package = Package(
    name: "MedlintFuzz",
    dependencies: [.package(name: "medlint", path: "..")],
    targets: [
        // medlint's release configuration compiles its modules for a static Swift runtime and
        // Foundation (see ../Package.swift), so the harness links the same way.
        .executableTarget(
            name: "MedlintFuzz", dependencies: [.product(name: "MedlintEngine", package: "medlint")],
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
        ),
    ]
)
