// `gongkai serve`: placeholder until the server is written.
import ArgumentParser
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "预览")
    func run() throws {}
}
