import Foundation
import Glibc
import OgiwatchFixtures

/// The built `ogiwatch` binary run as a real child process, stopped (or killed) by the test.
final class DaemonProcess {
    /// `ogiwatch` next to the test bundle in the scratch path's debug folder.
    static var binary: String { BuiltProducts.ogiwatch }

    static var rulesDirectory: String { RepositoryFiles.rulesDirectory }

    let process = Process()
    let stderrPipe = Pipe()

    var pid: Int32 { process.processIdentifier }

    /// Starts `ogiwatch run` with the test's settle time and the repository's rules.
    init(watch: String, state: String, settle: String = "200ms", extra: [String] = []) throws {
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["run", "--watch", watch, "--state", state, "--settle", settle,
                             "--rules", Self.rulesDirectory] + extra
        process.standardError = stderrPipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
    }

    /// `launcher`, when given, runs first and is handed the binary and arguments to exec
    /// (for example `unshare` to give the daemon its own inotify limits).
    init(arguments: [String], environment: [String: String] = [:], launcher: [String] = []) throws {
        if let tool = launcher.first {
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = Array(launcher.dropFirst()) + [Self.binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: Self.binary)
            process.arguments = arguments
        }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.standardError = stderrPipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning { kill(pid, SIGKILL) }
    }

    /// Waits for the `started` entry, so events after this point are watched.
    func waitUntilWatching() throws {
        _ = try JournalRecords.wait(matching: ["_PID=\(pid)", "OGIWATCH_EVENT=started"]) { !$0.isEmpty }
        Thread.sleep(forTimeInterval: 0.3)
    }

    /// SIGTERM, then the exit status (nil if it did not stop within `seconds`).
    func terminate(seconds: Double = 15) -> Int32? {
        kill(pid, SIGTERM)
        return waitForExit(seconds: seconds)
    }

    func waitForExit(seconds: Double) -> Int32? {
        let stop = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < stop { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            kill(pid, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    func killHard() {
        kill(pid, SIGKILL)
        process.waitUntilExit()
    }

    func signal(_ number: Int32) { kill(pid, number) }

    var stderrText: String {
        String(decoding: stderrPipe.fileHandleForReading.availableData, as: UTF8.self)
    }
}
