// A snapshot of the model read from the seeds, as a tree dump. RECORD_SNAPSHOTS=1 rewrites it.

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct SnapshotTests {
    static let file = Repo.root + "/Tests/GongkaiKitTests/Snapshots/seeds.tree"

    @Test func modelOfTheSeedsMatchesTheSnapshot() throws {
        // Paths relative to the repository, so the snapshot does not depend on where it is checked out.
        let dump = Seeds.site.dump().replacingOccurrences(of: Repo.root + "/", with: "")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try dump.write(toFile: Self.file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: Self.file, encoding: .utf8)
        if dump != expected {
            let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let b = dump.split(separator: "\n", omittingEmptySubsequences: false)
            var diff: [String] = []
            for i in 0..<max(a.count, b.count) where (i < a.count ? a[i] : "") != (i < b.count ? b[i] : "") {
                diff.append("line \(i + 1):\n- \(i < a.count ? a[i] : "")\n+ \(i < b.count ? b[i] : "")")
                if diff.count >= 10 { break }
            }
            let message = "model differs from \(Self.file) (RECORD_SNAPSHOTS=1 to accept):\n\(diff.joined(separator: "\n"))"
            Issue.record(Comment(rawValue: message))
        }
    }
}
