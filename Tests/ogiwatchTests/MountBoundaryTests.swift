import Foundation
import OgiwatchFixtures
import Testing

/// A bind mount inside a drop folder (here of a folder full of reports, standing for /etc) is
/// neither entered nor read: the daemon notes it once and checks only the drop folder's own
/// files. The mount lives in a mount namespace of the daemon's own; the host never sees it.
@Suite(.serialized) struct MountBoundaryTests {
    static func launcher(binding source: String, to target: String) -> [String] {
        ["/usr/bin/unshare", "-m", "--propagation", "private", "/bin/sh", "-c",
         "mount --bind '\(source)' '\(target)' && exec \"$0\" \"$@\""]
    }

    static var mountNamespacesWork: Bool {
        (try? Scratch.run("/usr/bin/unshare", ["-m", "--propagation", "private", "/bin/sh", "-c", "mount -t tmpfs none /mnt"])) == 0
    }

    /// A drop folder holding `own.txt` and, bound at `drop/<name>` from a folder outside it,
    /// a report named `file`; the daemon watches the drop folder (and the mount point too
    /// when `watchMount`) and has finished its start-up scan.
    static func start(mountAt name: String, holding file: String, watchMount: Bool) throws -> (Scratch, String, DaemonProcess) {
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        let mountPoint = scratch.drop + "/" + name
        for dir in [mountPoint, scratch.outside] { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        let report = Array("一、总体情况\n本年度工作。\n".utf8)
        scratch.write(scratch.outside, name: Array(file.utf8), report + Array(name.utf8))
        scratch.write(scratch.drop, name: Array("own.txt".utf8), report)
        let watches = [scratch.drop] + (watchMount ? [mountPoint] : [])
        let daemon = try DaemonProcess(arguments: ["run"] + watches.flatMap { ["--watch", $0] }
                                           + ["--state", scratch.state, "--settle", "100ms", "--rules", DaemonProcess.rulesDirectory],
                                       launcher: Self.launcher(binding: scratch.outside, to: mountPoint))
        try daemon.waitUntilWatching()
        return (scratch, mountPoint, daemon)
    }

    @Test(.enabled(if: mountNamespacesWork, "needs unshare -m and mount (root)"))
    func bindMountInsideTheDropFolderIsNotEntered() throws {
        let (scratch, mountPoint, daemon) = try Self.start(mountAt: "etc", holding: "shadow.txt", watchMount: false)
        let skipped = try JournalRecords.wait(matching: ["_PID=\(daemon.pid)", "OGIWATCH_EVENT=skipped"]) { !$0.isEmpty }
        let seen = try LedgerProbe.wait(state: scratch.state, paths: 1, seconds: 10)
        // A file the daemon might still have taken through the mount would show up by now.
        Thread.sleep(forTimeInterval: 1)
        let after = try LedgerProbe.versionsPerPath(state: scratch.state)
        #expect(daemon.terminate() == 0)

        #expect(seen.keys.map { String(decoding: $0, as: UTF8.self) } == [scratch.drop + "/own.txt"])
        #expect(after.count == 1, "nothing under the mount was checked: \(after.keys.map { String(decoding: $0, as: UTF8.self) })")
        #expect(skipped.count == 1)
        #expect(skipped.first?.text("OGIWATCH_FILE") == mountPoint)
        #expect(skipped.first?.text("MESSAGE")?.contains("另一个挂载点") == true)
    }

    @Test(.enabled(if: mountNamespacesWork, "needs unshare -m and mount (root)"))
    func mountListedAsItsOwnDropFolderIsChecked() throws {
        let (scratch, mountPoint, daemon) = try Self.start(mountAt: "district", holding: "district.txt", watchMount: true)
        let seen = try LedgerProbe.wait(state: scratch.state, paths: 2, seconds: 10)
        let skipped = try JournalRecords.read(matching: ["_PID=\(daemon.pid)", "OGIWATCH_EVENT=skipped"])
        #expect(daemon.terminate() == 0)

        #expect(Set(seen.keys.map { String(decoding: $0, as: UTF8.self) }) == [scratch.drop + "/own.txt", mountPoint + "/district.txt"])
        #expect(skipped.isEmpty, "\(skipped.map { $0.text("MESSAGE") ?? "" })")
    }
}
