// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "gongkai",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gongkai", targets: ["gongkai"]),
        .library(name: "GongkaiKit", targets: ["GongkaiKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The allocator of the gongkai executable: a build allocates and frees hundreds of
        // millions of small blocks (strings, arrays, page views); mimalloc does it in about
        // two thirds of glibc's time (Benchmarks/RESULTS.md).
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        .target(
            name: "GongkaiKit",
            dependencies: [
                "CCmark",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "gongkai",
            dependencies: [
                "GongkaiKit",
                "CMimalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GongkaiKitTests",
            dependencies: ["GongkaiKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Snapshots"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
