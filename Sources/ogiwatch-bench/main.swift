import Foundation

/// `ogiwatch-bench [check|daemon|readers] [seconds] [formats…]`: prints throughput and memory figures.
/// Numbers are printed, never asserted: they depend on the machine.
let arguments = Array(CommandLine.arguments.dropFirst())
let mode = arguments.first ?? "check"
let seconds = arguments.dropFirst().first.flatMap(Double.init) ?? 2

switch mode {
case "check":
    try CheckBench(seconds: seconds, formats: Set(arguments.dropFirst(2))).run()
case "readers":
    try ReaderBench(iterations: max(1, Int(seconds * 10))).run()
case "daemon":
    try DaemonBench(seconds: seconds).run()
default:
    FileHandle.standardError.write(Data("usage: ogiwatch-bench [check [seconds] [txt|docx|html|pdf…] | readers [seconds] | daemon [seconds]]\n".utf8))
    exit(2)
}
