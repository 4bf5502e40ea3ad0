// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ogiwatch",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ogiwatch", targets: ["ogiwatch"]),
        .executable(name: "ogiwatch-bench", targets: ["ogiwatch-bench"]),
        .library(name: "OgiwatchCore", targets: ["OgiwatchCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        // Untrusted bytes spelt one way for the journal, the daemon's messages and the mail;
        // a leaf, so the watcher and the journal need nothing else of the engine.
        .target(name: "OgiwatchText"),
        .target(
            name: "OgiwatchCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "OgiwatchReaders",
            dependencies: ["OgiwatchCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(
            name: "OgiwatchCheck",
            dependencies: ["OgiwatchCore", "OgiwatchReaders"]
        ),
        // statx(2) mount ids: glibc declares statx only for _GNU_SOURCE, which Swift's Glibc lacks.
        .target(name: "CStatx"),
        .target(name: "OgiwatchWatch", dependencies: ["OgiwatchText", "CStatx"]),
        // The service's event kinds, shared by the journal, the ledger, the summary and the catalog.
        .target(name: "OgiwatchEvents"),
        .target(name: "OgiwatchLedger", dependencies: ["OgiwatchCore", "OgiwatchEvents", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "OgiwatchJournal", dependencies: ["OgiwatchCore", "OgiwatchEvents", "OgiwatchText", "CSystemd"]),
        .target(name: "OgiwatchSummary", dependencies: ["OgiwatchCore", "OgiwatchEvents", "OgiwatchText", "OgiwatchLedger"]),
        // The daemon: configuration, intake, journal entries and status, reachable by unit tests.
        .target(
            name: "OgiwatchService",
            dependencies: [
                "OgiwatchCore", "OgiwatchReaders", "OgiwatchCheck", "OgiwatchEvents", "OgiwatchWatch", "OgiwatchLedger",
                "OgiwatchJournal", .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "ogiwatch",
            dependencies: [
                "OgiwatchCore", "OgiwatchReaders", "OgiwatchCheck", "OgiwatchEvents", "OgiwatchService",
                "OgiwatchWatch", "OgiwatchLedger", "OgiwatchJournal", "OgiwatchSummary", "OgiwatchText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "ogiwatch-bench",
            dependencies: ["OgiwatchCore", "OgiwatchReaders", "OgiwatchCheck", "OgiwatchWatch", "OgiwatchLedger", "OgiwatchJournal", "OgiwatchFixtures"]
        ),
        // libFuzzer targets for the readers; `Tests/Fuzz/fuzz.sh` builds them with -sanitize=fuzzer.
        .executableTarget(
            name: "ogiwatch-fuzz",
            dependencies: ["OgiwatchReaders"],
            path: "Tests/Fuzz/Sources"
        ),
        .target(
            name: "OgiwatchFixtures",
            dependencies: ["OgiwatchCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/OgiwatchFixtures"
        ),
        .testTarget(name: "OgiwatchCoreTests", dependencies: ["OgiwatchCore", "OgiwatchFixtures"]),
        .testTarget(name: "OgiwatchReadersTests", dependencies: ["OgiwatchReaders", "OgiwatchCore", "OgiwatchFixtures"]),
        .testTarget(name: "OgiwatchWatchTests", dependencies: ["OgiwatchWatch"]),
        .testTarget(name: "OgiwatchLedgerTests", dependencies: ["OgiwatchLedger", "OgiwatchCore", "OgiwatchEvents"]),
        .testTarget(name: "OgiwatchJournalTests", dependencies: ["OgiwatchJournal", "OgiwatchEvents", "OgiwatchCore", "OgiwatchWatch", "OgiwatchFixtures"]),
        .testTarget(
            name: "OgiwatchServiceTests",
            dependencies: ["OgiwatchService", "OgiwatchCheck", "OgiwatchEvents", "OgiwatchLedger", "OgiwatchJournal", "OgiwatchWatch",
                           "OgiwatchReaders", "OgiwatchCore", "OgiwatchFixtures"]
        ),
        .testTarget(name: "ogiwatchTests", dependencies: ["OgiwatchFixtures", "OgiwatchWatch", "OgiwatchLedger", "OgiwatchEvents", "OgiwatchCore"]),
        .testTarget(name: "OgiwatchSummaryTests", dependencies: ["OgiwatchSummary", "OgiwatchLedger", "OgiwatchEvents", "OgiwatchCore", "OgiwatchCheck", "OgiwatchFixtures"]),
        .testTarget(name: "OgiwatchCheckTests", dependencies: ["OgiwatchCheck", "OgiwatchReaders", "OgiwatchCore", "OgiwatchFixtures"]),
        .testTarget(name: "PackagingTests", dependencies: ["OgiwatchFixtures", "OgiwatchCheck", "OgiwatchCore", "OgiwatchEvents", "OgiwatchJournal"]),
    ]
)
