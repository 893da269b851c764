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
        // The preview server of `gongkai serve`. (FlyingFox, lighter to build, links
        // FoundationNetworking and so libcurl: the executable would need it on every machine.)
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // libxml2's HTML parser (tables that converters write as HTML) and XML parser (.docx).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // zlib's raw deflate and CRC-32, for the .xlsx files gongkai zips itself (ZipWriter.swift).
        // Not "CZlib": ZIPFoundation, which reads .docx, has a module of that name on Linux.
        .systemLibrary(
            name: "CZlibDeflate",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
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
                "CLibXML2",
                "CZlibDeflate",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Yams", package: "Yams"),
            ],
            plugins: ["EmbedResources"]
        ),
        // Compiles Themes/default, docs/diagnostics.md and the starter site's example form into
        // GongkaiKit (the executable alone builds a site; the repository's files stay the only copy).
        .executableTarget(name: "gongkai-embed", path: "Sources/gongkai-embed"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["gongkai-embed"]),
        .executableTarget(
            name: "gongkai",
            dependencies: [
                "GongkaiKit",
                "CMimalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The fuzz target (Scripts/fuzz builds it with -sanitize=fuzzer; plain, it replays inputs).
        .executableTarget(
            name: "GongkaiFuzz",
            dependencies: ["GongkaiKit"]
        ),
        .testTarget(
            name: "GongkaiKitTests",
            dependencies: ["GongkaiKit", .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Snapshots", "Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
