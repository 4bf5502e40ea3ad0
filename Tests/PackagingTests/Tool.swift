import Foundation
import Glibc
import OgiwatchFixtures

/// A finished command: exit status and what it printed.
struct ToolResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var timedOut: Bool

    var output: String { stdout + stderr }
}

/// Runs real tools (systemd-analyze, dpkg, journalctl, …) as child processes with their
/// output in files, so a chatty tool can never block on a full pipe. Every run has a time
/// limit after which the child is killed.
enum Tool {
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let dirs = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin", "/lib/systemd", "/usr/lib/systemd"]
        return dirs.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    directory: String? = nil, seconds: Double = 120) throws -> ToolResult {
        let scratch = try TemporaryDirectory()
        let outPath = scratch.path + "/stdout", errPath = scratch.path + "/stderr"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : (which(executable) ?? executable))
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env["SYSTEMD_PAGER"] = "cat"
        env["PAGER"] = "cat"
        env.merge(environment) { _, new in new }
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stop = Date().addingTimeInterval(seconds)
        var timedOut = false
        while process.isRunning {
            if Date() > stop {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return ToolResult(status: process.terminationStatus, stdout: stdout, stderr: stderr, timedOut: timedOut)
    }

    /// `sh -c SCRIPT`, for pipelines.
    @discardableResult
    static func shell(_ script: String, seconds: Double = 120) throws -> ToolResult {
        try run("/bin/sh", ["-c", script], seconds: seconds)
    }
}

/// A directory under the system temporary directory, removed with everything in it when the
/// value goes away.
final class TemporaryDirectory {
    let path: String

    init(_ prefix: String = "ogiwatch-pkg") throws {
        var template = Array((NSTemporaryDirectory() + "/\(prefix).XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        path = String(cString: made)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Paths of the package under test.
enum PackagePaths {
    static var root: String { RepositoryFiles.root.path }

    static func repository(_ relative: String) -> String { root + "/" + relative }

    /// The debug `ogiwatch` built beside this test bundle.
    static var debugBinary: String { BuiltProducts.ogiwatch }
}
