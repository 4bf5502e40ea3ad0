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

    @Test(.enabled(if: mountNamespacesWork, "needs unshare -m and mount (root)"))
    func bindMountInsideTheDropFolderIsNotEntered() throws {
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        let mountPoint = scratch.drop + "/etc"
        for dir in [mountPoint, scratch.outside] { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        let report = Array("一、总体情况\n本年度工作。\n".utf8)
        scratch.write(scratch.outside, name: Array("shadow.txt".utf8), report)
        scratch.write(scratch.drop, name: Array("own.txt".utf8), report)

        let daemon = try DaemonProcess(arguments: ["run", "--watch", scratch.drop, "--state", scratch.state, "--settle", "100ms",
                                                   "--rules", DaemonProcess.rulesDirectory],
                                       launcher: Self.launcher(binding: scratch.outside, to: mountPoint))
        try daemon.waitUntilWatching()
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
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        let mountPoint = scratch.drop + "/district"
        for dir in [mountPoint, scratch.outside] { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        let report = Array("一、总体情况\n本年度工作。\n".utf8)
        scratch.write(scratch.outside, name: Array("district.txt".utf8), report + Array("区。\n".utf8))
        scratch.write(scratch.drop, name: Array("own.txt".utf8), report)

        let daemon = try DaemonProcess(arguments: ["run", "--watch", scratch.drop, "--watch", mountPoint, "--state", scratch.state,
                                                   "--settle", "100ms", "--rules", DaemonProcess.rulesDirectory],
                                       launcher: Self.launcher(binding: scratch.outside, to: mountPoint))
        try daemon.waitUntilWatching()
        let seen = try LedgerProbe.wait(state: scratch.state, paths: 2, seconds: 10)
        let skipped = try JournalRecords.read(matching: ["_PID=\(daemon.pid)", "OGIWATCH_EVENT=skipped"])
        #expect(daemon.terminate() == 0)

        #expect(Set(seen.keys.map { String(decoding: $0, as: UTF8.self) }) == [scratch.drop + "/own.txt", mountPoint + "/district.txt"])
        #expect(skipped.isEmpty, "\(skipped.map { $0.text("MESSAGE") ?? "" })")
    }
}
