import Foundation
import Glibc
import OgiwatchFixtures
import Testing

/// The sd_notify protocol as the service manager sees it: READY after the initial scan,
/// WATCHDOG at half of WATCHDOG_USEC, RELOADING with MONOTONIC_USEC on SIGHUP, STOPPING on
/// SIGTERM with exit status 0.
@Suite(.serialized) struct ServiceManagerTests {
    @Test func notifyProtocolFollowsTheServiceLifecycle() throws {
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        scratch.write(scratch.drop, name: Array("before-start.txt".utf8), Array("一、总体情况\n".utf8))
        let socket = try NotifySocket(path: scratch.root + "/notify")
        let daemon = try DaemonProcess(
            arguments: ["run", "--watch", scratch.drop, "--state", scratch.state, "--settle", "100ms",
                        "--rules", DaemonProcess.rulesDirectory],
            environment: ["NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "400000"])
        let startup = socket.receive(seconds: 15) { messages in messages.filter { $0.contains("WATCHDOG=1") }.count >= 2 }
        let ready = try #require(startup.firstIndex { $0.contains("READY=1") })
        #expect(startup[ready].contains("STATUS=已检查 1 份"), "READY comes after the catch-up of the existing file")
        #expect(startup[ready...].filter { $0.contains("WATCHDOG=1") }.count >= 2)

        daemon.signal(SIGHUP)
        let reload = socket.receive(seconds: 10) { $0.contains { $0.contains("READY=1") } }
        let reloading = try #require(reload.first { $0.contains("RELOADING=1") })
        let usec = reloading.split(separator: "\n").first { $0.hasPrefix("MONOTONIC_USEC=") }.flatMap { UInt64($0.dropFirst(15)) }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let nowUsec = UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
        #expect(usec.map { $0 <= nowUsec && nowUsec - $0 < 10_000_000 } == true)
        #expect(reload.contains { $0.contains("READY=1") })

        daemon.signal(SIGTERM)
        let stop = socket.receive(seconds: 10) { $0.contains { $0.contains("STOPPING=1") } }
        #expect(stop.contains { $0.contains("STOPPING=1") })
        #expect(daemon.waitForExit(seconds: 10) == 0)
    }
}
