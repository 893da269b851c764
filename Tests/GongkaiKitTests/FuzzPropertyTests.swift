// The fuzz target as a property test (issue 16): the seed corpus and mutations of it through
// the reader and the cache decoders, every property checked. `Scripts/fuzz` runs the same
// target under libFuzzer.

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct FuzzPropertyTests {
    static let corpus = Repo.root + "/Fuzz/corpus"

    static func seeds() throws -> [[UInt8]] {
        try FileManager.default.contentsOfDirectory(atPath: corpus).sorted().map {
            [UInt8](try Data(contentsOf: URL(fileURLWithPath: corpus + "/" + $0)))
        }
    }

    /// SplitMix64: the same mutations on every run.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
    }

    /// One of the mutations libFuzzer makes most, or one aimed at issue 16's crashes (line
    /// endings, huge varints, a range that ends before it starts).
    static func mutate(_ input: [UInt8], with other: [UInt8], _ random: inout Random) -> [UInt8] {
        var bytes = input
        guard bytes.count > 1 else { return bytes + [UInt8(truncatingIfNeeded: random.next())] }
        let at = 1 + random.below(bytes.count - 1)
        switch random.below(9) {
        case 0: bytes[at] ^= 1 << UInt8(random.below(8))
        case 1: bytes[at] = UInt8(truncatingIfNeeded: random.next())
        case 2: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(16)))
        case 3: bytes.insert(contentsOf: [[0x0D], [0x0D, 0x0D], [0x0D, 0x0A], [0x09], [0x0A, 0x0A]][random.below(5)], at: at)
        case 4: bytes = Array(bytes.prefix(at))
        case 5: bytes.insert(contentsOf: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], at: at)  // a varint past Int64
        case 6:
            let start = random.below(bytes.count), length = random.below(64)
            bytes.insert(contentsOf: bytes[start..<min(bytes.count, start + length)], at: at)
        case 7 where other.count > 1:
            let start = 1 + random.below(other.count - 1)
            bytes = Array(bytes.prefix(at)) + other[start..<min(other.count, start + 1 + random.below(256))]
        default: bytes[0] = UInt8(truncatingIfNeeded: random.next())  // the same bytes, another use
        }
        return bytes
    }

    /// The corpus holds the inputs that crashed gongkai before issue 16, for each use.
    @Test func theCorpusHoldsTheCrashesAndEveryUse() throws {
        let seeds = try Self.seeds()
        #expect(seeds.contains([FuzzTarget.Use.document.rawValue] + Array("申报表\r\rx".utf8)))
        let uses = Set(seeds.compactMap { $0.first.map { Int($0) % FuzzTarget.Use.allCases.count } })
        #expect(uses.count == FuzzTarget.Use.allCases.count)
    }

    /// Every seed, and 100 mutations of each: no crash, no property broken.
    @Test func theFuzzTargetHoldsOnTheCorpusAndItsMutations() throws {
        let seeds = try Self.seeds()
        var random = Random(state: 16)
        var runs = 0
        for (n, seed) in seeds.enumerated() {
            seed.withUnsafeBytes { FuzzTarget.run($0) }
            runs += 1
            for _ in 0..<100 {
                let input = Self.mutate(seed, with: seeds[(n + 1 + random.below(seeds.count - 1)) % seeds.count], &random)
                input.withUnsafeBytes { FuzzTarget.run($0) }
                runs += 1
            }
        }
        #expect(runs == seeds.count * 101)
    }

    /// The property the reader's crash broke, on its own: every line a document's result
    /// names is a line of the document, whatever its line endings.
    @Test func everyLineNamedIsALineOfTheDocument() {
        for text in ["申报表\r\rx", "\r\r\r", "绩效目标申报表\r\n\r\r\n\t\r", "# 部门项目及绩效目标情况\r\r1\t项目\t5\r", "项目绩效目标表\r主管部门\t局\r\r"] {
            let bytes = [FuzzTarget.Use.document.rawValue] + Array(text.utf8)
            bytes.withUnsafeBytes { FuzzTarget.run($0) }
        }
    }
}
