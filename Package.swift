// swift-tools-version:6.1
import PackageDescription

import Foundation

/// Settings for modules with hot numeric loops. `-O` also in debug keeps `swift test` usable.
/// On x86-64 the engine is built for x86-64-v3 (AVX2 + FMA): without it SIMD `addProduct` compiles
/// to calls of `fmaf` and a GEMM runs about 100× slower. When the building machine also has AVX-512
/// (F, BW, CD, DQ and VL: the x86-64-v4 level) it is built for x86-64-v4 instead, whose 16-float
/// vectors make the GEMM micro-kernel about 1.3–2× faster; `METAQNN_SIMD=x86-64-v3` (or `x86-64-v4`)
/// in the environment of `swift build` overrides the choice, e.g. to build for another machine. The
/// `metaqnn` executable refuses to start on a CPU without what it was built for (`CPUFeatures`).
/// arm64 has FMA in its baseline (NEON), so it builds without a flag. `METAQNN_X86_64_V3` /
/// `METAQNN_X86_64_V4` tell the code (and `bench --json`) which level it got.
#if arch(x86_64)
/// The x86-64 level to build for: METAQNN_SIMD if set, else v4 when /proc/cpuinfo (Linux) lists AVX-512.
func x86Level() -> String {
    if let asked = ProcessInfo.processInfo.environment["METAQNN_SIMD"], !asked.isEmpty {
        guard asked == "x86-64-v3" || asked == "x86-64-v4" else {
            fatalError("METAQNN_SIMD is '\(asked)'; set it to x86-64-v3 or x86-64-v4, or unset it to match this machine.")
        }
        return asked
    }
    guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let flagLine = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return "x86-64-v3" }
    let flags = Set(flagLine.split(separator: " ").map(String.init))
    let avx512 = ["avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"]
    return avx512.allSatisfy(flags.contains) ? "x86-64-v4" : "x86-64-v3"
}
let machineLevel = x86Level()
let machineDefines: [SwiftSetting] = machineLevel == "x86-64-v4" ? [.define("METAQNN_X86_64_V4")] : [.define("METAQNN_X86_64_V3")]
let machineSettings: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-march=\(machineLevel)"])] + machineDefines
let machineCSettings: [CSetting] = [.unsafeFlags(["-march=\(machineLevel)", "-O2"])]
#else
let machineDefines: [SwiftSetting] = []
let machineSettings: [SwiftSetting] = []
let machineCSettings: [CSetting] = [.unsafeFlags(["-O2"])]
#endif

let fastSettings: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))] + machineSettings

let package = Package(
    name: "metaqnn",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "metaqnn", targets: ["metaqnn"]),
        .library(name: "MetaQNN", targets: ["Designer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/attaswift/BigInt.git", from: "6.0.1"),
        .package(url: "https://github.com/apple/swift-numerics.git", from: "1.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        // postgres-nio's own dependencies, named because PostgresStore drives their event loop,
        // builds the TLS configuration and hands over the logger itself.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.25.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.5.3"),
    ],
    targets: [
        // MARK: Libraries (dependencies point downward)
        // CPUFeatures: plain C, built without the engine's -march, so that it can ask the CPU what it has
        // before any engine code runs.
        .target(name: "CPUFeatures"),
        // CNeuralKernels: the lane shuffles, masked loads and stores, prefetches and spin-wait hints the engine
        // needs as single instructions, which Swift's SIMD types do not give, and the few loops built on them
        // (the plane split and narrow rows' output transforms); built for the same level as the engine, and
        // -O2 in debug too.
        .target(name: "CNeuralKernels", cSettings: machineCSettings),
        .target(name: "NeuralEngine", dependencies: ["CNeuralKernels"], swiftSettings: fastSettings),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "Datasets",
            dependencies: ["CZlib"],
            resources: [.copy("Resources")],
            swiftSettings: fastSettings),
        .target(name: "SearchSpace", dependencies: [.product(name: "BigInt", package: "BigInt")]),
        .target(name: "QLearning", dependencies: ["SearchSpace"]),
        // The store interface and its typed records, with no database library, so that every backend
        // implements it and the rest of the package uses it without knowing which backend it has.
        .target(name: "StoreModel"),
        // GRDBSQLite: the SQLite C API, for the backup that copies a store opened read-only (StoreSnapshot).
        .target(name: "ReplayStore", dependencies: ["StoreModel",
                                                    .product(name: "GRDB", package: "GRDB.swift"),
                                                    .product(name: "GRDBSQLite", package: "GRDB.swift")]),
        // Where `--store` points (an SQLite path or a PostgreSQL URL) and its credentials; Foundation
        // only, so both backends and the executable can use it.
        .target(name: "StoreLocation"),
        // The PostgreSQL backend; the only module that imports PostgresNIO (and NIO). It implements
        // StoreModel's ExperimentStore on the same records as the SQLite store.
        .target(
            name: "PostgresStore",
            dependencies: [
                "StoreLocation",
                "StoreModel",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // Pure numerics (learning-curve prediction for early stopping); -O because cross-validation
        // refits many kernel systems even in debug test runs.
        .target(name: "LearningCurves", swiftSettings: fastSettings),
        .target(name: "Reporting", dependencies: ["SearchSpace", "LearningCurves"]),
        .target(name: "Training", dependencies: ["NeuralEngine", "Datasets", "SearchSpace"]),
        // -O: SHA-256 runs over every dataset file (tens of MB) each time a search starts or joins.
        .target(name: "ModelExport", dependencies: ["NeuralEngine"], swiftSettings: fastSettings),
        .target(
            name: "Designer",
            dependencies: ["Training", "QLearning", "StoreModel", "StoreLocation", "ReplayStore", "PostgresStore", "Reporting", "SearchSpace",
                           "Datasets", "ModelExport", "LearningCurves"]),
        .executableTarget(
            name: "metaqnn",
            dependencies: [
                "Designer", "Training", "NeuralEngine", "Datasets", "SearchSpace", "QLearning",
                "StoreModel", "StoreLocation", "Reporting", "LearningCurves", "ModelExport", "CPUFeatures",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The level's name only (no -march): main checks the CPU before any engine code runs.
            swiftSettings: machineDefines),

        // MARK: Tests
        .target(
            name: "TestSupport",
            dependencies: [.product(name: "Numerics", package: "swift-numerics")],
            path: "Tests/TestSupport"),
        .testTarget(name: "NeuralEngineTests", dependencies: ["NeuralEngine", "CPUFeatures", "TestSupport"], swiftSettings: fastSettings),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "SearchSpace", "TestSupport"]),
        .testTarget(
            name: "SearchSpaceTests",
            dependencies: ["SearchSpace", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(
            name: "QLearningTests",
            dependencies: ["QLearning", "SearchSpace", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(
            name: "ReplayStoreTests",
            dependencies: ["ReplayStore", "StoreModel", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(
            name: "ReportingTests", dependencies: ["Reporting", "LearningCurves", "SearchSpace", "TestSupport"],
            resources: [.copy("Golden")]),
        .testTarget(name: "StoreLocationTests", dependencies: ["StoreLocation", "TestSupport"]),
        // ReplayStore: the PostgreSQL schema is compared with a fresh SQLite store's.
        .testTarget(name: "PostgresStoreTests", dependencies: ["PostgresStore", "StoreLocation", "StoreModel", "ReplayStore", "TestSupport"]),
        .testTarget(name: "LearningCurvesTests", dependencies: ["LearningCurves", "SearchSpace", "TestSupport"]),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "TestSupport"]),
        .testTarget(
            name: "ModelExportTests",
            dependencies: ["ModelExport", "NeuralEngine", "Datasets", "Training", "SearchSpace", "TestSupport"],
            resources: [.copy("Resources")]),
        .testTarget(
            name: "DesignerTests",
            // PostgresStore: experiments are copied into a PostgreSQL database and back.
            dependencies: ["Designer", "StoreModel", "StoreLocation", "ReplayStore", "PostgresStore", "ModelExport", "NeuralEngine",
                           "TestSupport"]),
    ]
)
