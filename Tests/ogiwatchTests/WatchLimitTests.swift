import Foundation
import OgiwatchFixtures
import Testing

/// In a user namespace of its own, the daemon gets a watch limit of 3 (the host's limit is
/// untouched): it reports the sysctl line to raise, keeps running, and still finds files in
/// the directories it could not watch by re-scanning them.
@Suite(.serialized) struct WatchLimitTests {
    static let launcher = ["/usr/bin/unshare", "-Ur", "/bin/sh", "-c",
                           "echo 3 > /proc/sys/user/max_inotify_watches && exec \"$0\" \"$@\""]

    static var userNamespacesWork: Bool {
        (try? Scratch.run("/usr/bin/unshare", ["-Ur", "/bin/sh", "-c", "echo 3 > /proc/sys/user/max_inotify_watches"])) == 0
    }

    @Test(.enabled(if: userNamespacesWork, "needs unshare -U and a writable /proc/sys/user"))
    func exhaustedWatchLimitIsReportedAndSubtreesArePolled() throws {
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        let subdirectories = (0..<6).map { scratch.drop + "/d\($0)" }
        for dir in subdirectories { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        let daemon = try DaemonProcess(arguments: ["run", "--watch", scratch.drop, "--state", scratch.state, "--settle", "100ms",
                                                   "--rules", DaemonProcess.rulesDirectory],
                                       launcher: Self.launcher)
        try daemon.waitUntilWatching()
        let pid = "_PID=\(daemon.pid)"
        let limit = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=watch-limit"]) { !$0.isEmpty }
        #expect(limit.count == 1, "reported once, not per directory")
        #expect(limit.first?.text("OGIWATCH_SYSCTL")?.hasPrefix("sysctl fs.inotify.max_user_watches=") == true)

        for (i, dir) in subdirectories.enumerated() {
            scratch.write(dir, name: Array("r\(i).txt".utf8), Array("一、总体情况\n第\(i)份\n".utf8))
        }
        let seen = try LedgerProbe.wait(state: scratch.state, paths: subdirectories.count, seconds: 30)
        #expect(daemon.terminate() == 0)
        #expect(seen.count == subdirectories.count)
        #expect(seen.values.allSatisfy { $0 == 1 })
    }
}
