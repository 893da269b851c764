// The fuzz target's executable: under libFuzzer (`Scripts/fuzz`, built with -sanitize=fuzzer
// and -DFUZZING) libFuzzer calls it with each input; built plainly, it runs the inputs given as
// files (a crash the fuzzer saved, or the seed corpus) once each.

import Foundation
import GongkaiKit

#if FUZZING
/// libFuzzer's driver (`LLVMFuzzerRunDriver`, in the runtime that -sanitize=fuzzer links).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// The executable's entry point as SwiftPM links it (`main` is defined as this symbol, so
/// libFuzzer's own `main` is not linked): hands the command line to libFuzzer's driver.
@_cdecl("GongkaiFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
#else
@main
struct Replay {
    /// Runs `FuzzTarget` on each file given (or each file of each folder given).
    static func main() {
        // `--make-corpus DIR CONTENT THEMES`: writes the seed corpus (Fuzz/corpus).
        let arguments = CommandLine.arguments
        if arguments.count == 5, arguments[1] == "--make-corpus" {
            do {
                try FileManager.default.createDirectory(atPath: arguments[2], withIntermediateDirectories: true)
                let seeds = try FuzzTarget.seeds(contentDir: arguments[3], themesDir: arguments[4])
                for seed in seeds { try Data(seed.bytes).write(to: URL(fileURLWithPath: arguments[2] + "/" + seed.name)) }
                print("\(seeds.count) seeds in \(arguments[2])")
                exit(0)
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                exit(1)
            }
        }
        var inputs = 0
        for argument in CommandLine.arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("没有这个文件 / no such file: \(argument)\n".utf8))
                exit(2)
            }
            let files = isDirectory.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []).sorted().map { argument + "/" + $0 }
                : [argument]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                data.withUnsafeBytes { FuzzTarget.run($0) }
                inputs += 1
            }
        }
        print("\(inputs) inputs, no property failed")
    }
}
#endif
