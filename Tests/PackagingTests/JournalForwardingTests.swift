import Foundation
import Glibc
import OgiwatchCheck
import OgiwatchFixtures
import Testing

/// Several machines: each forwards its journal with systemd-journal-upload to a central
/// systemd-journal-remote. Shown on loopback: ogiwatch checks a report into the local
/// journal, journal-upload sends the new entries to a journal-remote listening on
/// 127.0.0.1, and the collector's journal files hold the findings with their custom fields.
@Suite struct JournalForwardingTests {
    @Test func findingsReachTheCollectorWithTheirFields() throws {
        guard let remote = Tool.which("systemd-journal-remote"), let upload = Tool.which("systemd-journal-upload") else {
            Issue.record("systemd-journal-remote is not installed (Packaging/install-deps.sh installs it)")
            return
        }
        try JournalRecords.ensureJournald()
        let scratch = try TemporaryDirectory("ogiwatch-forward")
        let drop = scratch.path + "/drop", state = scratch.path + "/state", collected = scratch.path + "/remote"
        for dir in [drop, state, collected] { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }

        // Only entries after this cursor are uploaded.
        let last = try Tool.run("journalctl", ["-n", "1", "-o", "json", "--no-pager"])
        let cursor = last.stdout.split(separator: "\n").last.flatMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["__CURSOR"] as? String
        }

        // A real ogiwatch checks a seed report into the local journal.
        let daemon = Process()
        daemon.executableURL = URL(fileURLWithPath: BuiltProducts.ogiwatch)
        daemon.arguments = ["run", "--watch", drop, "--state", state, "--settle", "100ms", "--rules", RepositoryFiles.rulesDirectory]
        daemon.standardOutput = FileHandle.nullDevice
        daemon.standardError = FileHandle.nullDevice
        try daemon.run()
        defer { if daemon.isRunning { kill(daemon.processIdentifier, SIGKILL); daemon.waitUntilExit() } }
        let pid = "_PID=\(daemon.processIdentifier)"
        _ = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=started"], seconds: 30) { !$0.isEmpty }
        let report = drop + "/forwarded-\(UUID().uuidString).txt"
        try FileManager.default.copyItem(atPath: try ReferenceReports.seed("000").path, toPath: report)
        let checked = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=checked"], seconds: 30) { !$0.isEmpty }
        #expect(checked.count == 1)
        kill(daemon.processIdentifier, SIGTERM)
        daemon.waitUntilExit()
        let local = try JournalRecords.read(matching: ["OGIWATCH_FILE=\(report)"])
            .filter { $0["OGIWATCH_RULE"] != nil }
        #expect(!local.isEmpty, "the seed report gives findings")

        // The collector.
        let port = try Self.freePort()
        let collector = Process()
        collector.executableURL = URL(fileURLWithPath: remote)
        collector.arguments = ["--listen-http=127.0.0.1:\(port)", "--output=\(collected)/remote.journal", "--split-mode=none"]
        collector.standardOutput = FileHandle.nullDevice
        collector.standardError = FileHandle.nullDevice
        try collector.run()
        defer { if collector.isRunning { kill(collector.processIdentifier, SIGKILL); collector.waitUntilExit() } }
        #expect(Self.waitForListener(port: port, seconds: 20), "journal-remote did not listen on \(port)")

        // One upload pass of the new entries, then the uploader quits by itself.
        var arguments = ["--url=http://127.0.0.1:\(port)", "--follow=no", "--save-state=\(scratch.path)/upload-state"]
        if let cursor { arguments.append("--after-cursor=\(cursor)") }
        let sent = try Tool.run(upload, arguments, seconds: 120)
        #expect(sent.status == 0 && !sent.timedOut, "\(sent.output)")
        kill(collector.processIdentifier, SIGTERM)
        collector.waitUntilExit()

        let found = try Tool.run("journalctl", ["--directory=\(collected)", "-o", "json", "--no-pager", "--all",
                                                "SYSLOG_IDENTIFIER=ogiwatch", "OGIWATCH_FILE=\(report)"])
        #expect(found.status == 0, "\(found.output)")
        let entries = found.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let rules = try RuleLoader.load(rulesDirectory: RepositoryFiles.rulesDirectory, localDirectory: nil)
        let findings = entries.filter { $0["OGIWATCH_RULE"] != nil }
        #expect(findings.count == local.count, "every finding arrives")
        for entry in findings {
            let rule = entry["OGIWATCH_RULE"] as? String ?? ""
            #expect(entry["MESSAGE_ID"] as? String == rules.messageID(forRule: rule), "\(rule)")
            #expect(entry["OGIWATCH_SEVERITY"] != nil && entry["OGIWATCH_DIGEST"] != nil)
        }
        #expect(entries.contains { $0["OGIWATCH_EVENT"] as? String == "checked" && $0["OGIWATCH_VERDICT"] != nil })

        // The collector answers the same queries an operator runs on one machine.
        let byRule = try Tool.run("journalctl", ["--directory=\(collected)", "--no-pager", "-o", "cat",
                                                 "OGIWATCH_RULE=\(findings.first?["OGIWATCH_RULE"] as? String ?? "")"])
        #expect(byRule.stdout.contains("forwarded-"))
    }

    /// A port on 127.0.0.1 that nothing listens on right now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EMFILE) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func waitForListener(port: Int, seconds: Double) -> Bool {
        let stop = Date().addingTimeInterval(seconds)
        while Date() < stop {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            close(fd)
            if connected { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }
}
