import Foundation

/// The target this process fuzzes, from `OGIWATCH_FUZZ_TARGET` (libFuzzer owns the command line).
let selectedTarget = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["OGIWATCH_FUZZ_TARGET"] ?? "")

/// libFuzzer's entry point for one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let target = selectedTarget else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("set OGIWATCH_FUZZ_TARGET to one of: \(names)\n".utf8))
        exit(2)
    }
    target.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if OGIWATCH_LIBFUZZER
/// libFuzzer's driver (`-sanitize=fuzzer` links it). SwiftPM gives an executable's `main`
/// a name of its own, so libFuzzer's `main` is not used: this one hands over to the driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@main
enum Fuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv) { fuzzOneInput($0, $1) })
    }
}
#else
/// Without libFuzzer (the plain build): `ogiwatch-fuzz TARGET FILE…` runs each file through
/// the target once, to replay a corpus or a crash under a debugger.
@main
enum Replay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            FileHandle.standardError.write(Data("usage: ogiwatch-fuzz \(names) FILE…\n".utf8))
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(1)
            }
            target.run([UInt8](data))
        }
    }
}
#endif
