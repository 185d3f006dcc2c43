// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

// Linux only: the code calls Glibc, links the system ncursesw and needs Synchronization's `Atomic`, so no
// Apple platform is declared (none is built or tested; `Atomic` alone would need macOS 15).
let package = Package(
    name: "PrivacyDashboard",
    products: [
        .executable(name: "privacy-dashboard", targets: ["privacy-dashboard"]),
        .library(name: "PrivacyModel", targets: ["PrivacyModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Property-based tests only (the hostile-input test of the dashboard); never linked into the product.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The data files under Resources/: the policy catalogue and the string tables.
        .target(
            name: "PrivacyResources",
            path: "Resources",
            exclude: ["ssh"],
            resources: [.copy("catalogue"), .copy("strings")],
            swiftSettings: strict
        ),
        .target(
            name: "PrivacyModel",
            dependencies: [
                "PrivacyResources",
                "CDeflate",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        // zlib as a Swift module for the zip export, which deflates blocks on every core (zlib1g-dev). Not "CZlib":
        // ZIPFoundation already has a module of that name.
        .systemLibrary(name: "CDeflate", path: "Sources/CDeflate", providers: [.apt(["zlib1g-dev"])]),
        // ncursesw as a Swift module: module.modulemap and shim.h (wide-character API on).
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
        // libqrencode as a Swift module, for the QR codes of staff enrolment.
        .systemLibrary(
            name: "CQRencode", path: "Sources/CQRencode", pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]),
        // Cell canvas, text width, themes, key events, QR codes as text and the terminals (ncurses, in-memory).
        .target(name: "TerminalKit", dependencies: ["CNCursesW", "CQRencode"], swiftSettings: strict),
        // The dashboard's screens, key bindings and string catalogue.
        .target(
            name: "DashboardUI",
            dependencies: ["TerminalKit", "PrivacyModel", "PrivacyResources"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "privacy-dashboard",
            dependencies: [
                "PrivacyModel",
                "DashboardUI",
                "TerminalKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // What the test targets share: temporary folders, the fixed start instant, cheap scrypt, a seeded store.
        .target(name: "TestSupport", dependencies: ["PrivacyModel"], path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(
            name: "PrivacyModelTests",
            dependencies: [
                "PrivacyModel", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"], swiftSettings: strict),
        .testTarget(
            name: "DashboardUITests",
            dependencies: [
                "DashboardUI", "TerminalKit", "PrivacyModel", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            // Whole frames the golden tests compare with, read by path (UPDATE_GOLDEN=1 rewrites them).
            exclude: ["Golden"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CommandLineTests",
            dependencies: ["PrivacyModel", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        // The built binary in tmux and over a private sshd on 127.0.0.1 (needs tmux and openssh-server).
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
