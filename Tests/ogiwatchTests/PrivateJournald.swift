import Foundation
import Glibc
import OgiwatchFixtures
import Testing

/// A journald of the test's own that the test may kill, stop and restart by PID without
/// touching the machine's: a mount namespace (held open by a sleeping process) binds fresh
/// folders over the journal socket folder and the journal storage, and journald, the daemon
/// under test and nothing else are entered into it. Nothing asks it to flush to persistent
/// storage, so its entries stay in (and are read from) the runtime folder `storage`.
final class PrivateJournald {
    static var canRun: Bool { geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/nsenter") }
    static let skipReason: Comment = "needs root for a private mount namespace with its own journald (unshare -m, nsenter)"

    let folder: String
    var storage: String { folder + "/runtime" }
    private var sockets: String { folder + "/sockets" }
    private let holder = Process()
    private(set) var journald: Process?

    init() throws {
        var template = Array("/tmp/ogiwatch-journald-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        folder = String(cString: made)
        for dir in [storage, sockets, folder + "/persistent"] {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        }
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        holder.arguments = ["-m", "--propagation", "private", "/bin/sh", "-c", """
            mkdir -p /run/systemd/journal /run/log/journal /var/log/journal &&
            mount --bind '\(sockets)' /run/systemd/journal &&
            mount --bind '\(storage)' /run/log/journal &&
            mount --bind '\(folder)/persistent' /var/log/journal &&
            touch '\(folder)/ready' && exec sleep 3600
            """]
        try holder.run()
        try Self.poll("the namespace's mounts") { FileManager.default.fileExists(atPath: self.folder + "/ready") }
        try start()
    }

    deinit {
        if let journald, journald.isRunning {
            kill(journald.processIdentifier, SIGCONT)
            kill(journald.processIdentifier, SIGKILL)
            journald.waitUntilExit()
        }
        if holder.isRunning { kill(holder.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Runs inside the namespace: `nsenter` execs the program, so the pid is the program's.
    var launcher: [String] { ["/usr/bin/nsenter", "-t", String(holder.processIdentifier), "-m"] }

    /// Starts journald (again), once its socket answers.
    func start() throws {
        for name in ["socket", "stdout", "dev-log", "io.systemd.journal"] { unlink(sockets + "/" + name) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: launcher[0])
        process.arguments = Array(launcher.dropFirst()) + ["/lib/systemd/systemd-journald"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        journald = process
        try Self.poll("journald's socket") { (try? self.run("/usr/bin/systemd-cat", ["-t", "ogiwatch-test", "true"])) == 0 }
    }

    func kill9() {
        guard let journald else { return }
        kill(journald.processIdentifier, SIGKILL)
        journald.waitUntilExit()
    }

    func signal(_ number: Int32) {
        if let journald { kill(journald.processIdentifier, number) }
    }

    /// Entries of this journal matching `matches`, once `predicate` holds or time is up.
    func wait(matching matches: [String], seconds: Double = 20,
              until predicate: ([JournalRecords.Entry]) -> Bool) throws -> [JournalRecords.Entry] {
        try JournalRecords.wait(matching: matches, directory: storage, seconds: seconds, until: predicate)
    }

    func read(matching matches: [String]) throws -> [JournalRecords.Entry] {
        try JournalRecords.read(matching: matches, directory: storage)
    }

    @discardableResult
    private func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
        try Scratch.run(launcher[0], Array(launcher.dropFirst()) + [tool] + arguments)
    }

    private static func poll(_ what: String, _ condition: () -> Bool) throws {
        let stop = Date().addingTimeInterval(10)
        while !condition() {
            guard Date() < stop else { throw PrivateJournaldError(what: what) }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
}

struct PrivateJournaldError: Error, CustomStringConvertible {
    var what: String
    var description: String { "the private journald did not come up: no \(what) within 10 s" }
}
