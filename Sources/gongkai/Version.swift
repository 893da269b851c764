// `gongkai version`: the same as `gongkai --version`.

import ArgumentParser
import GongkaiKit

struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "打印 gongkai 的版本 (print gongkai's version)")

    func run() {
        print(GongkaiVersion.text)
    }
}
