import Foundation
import Glibc

/// A finished command: exit status and what it printed.
public struct ToolResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var timedOut: Bool

    public var output: String { stdout + stderr }
}

/// Runs real tools (systemd-analyze, dpkg, journalctl, sendmail, chromium, …) as child
/// processes with their output in files, so a chatty tool can never block on a full pipe.
/// Every run has a time limit after which the child is killed.
public enum Tool {
    public static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let dirs = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin", "/lib/systemd", "/usr/lib/systemd"]
        return dirs.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                           directory: String? = nil, input: String? = nil, seconds: Double = 120) throws -> ToolResult {
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
        process.standardInput = try input.map { try FileHandle(forReadingFrom: URL(fileURLWithPath: $0)) } ?? FileHandle.nullDevice
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
    public static func shell(_ script: String, seconds: Double = 120) throws -> ToolResult {
        try run("/bin/sh", ["-c", script], seconds: seconds)
    }
}
