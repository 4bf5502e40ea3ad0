import Foundation
import Glibc
import OgiwatchFixtures
import Testing

/// `journalctl -x` on the real journal explains each entry of a daemon run with its catalog
/// text, every `@FIELD@` placeholder filled from the entry. The catalog database is built in
/// a folder of the test's own and bound over /var/lib/systemd in a private mount namespace,
/// so the machine's catalog is untouched.
@Suite(.serialized) struct CatalogRenderTests {
    static var canRun: Bool { geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") }

    @Test(.enabled(if: canRun, "needs root for a private mount namespace (unshare -m)"))
    func everyPlaceholderIsFilled() throws {
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        let catalogRoot = scratch.root + "/catalog-root"
        let source = catalogRoot + "/usr/lib/systemd/catalog"
        try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
        let catalog = Process()
        catalog.executableURL = URL(fileURLWithPath: DaemonProcess.binary)
        catalog.arguments = ["rules", "catalog", "--rules", DaemonProcess.rulesDirectory]
        let pipe = Pipe()
        catalog.standardOutput = pipe
        try catalog.run()
        let text = pipe.fileHandleForReading.readDataToEndOfFile()
        catalog.waitUntilExit()
        #expect(String(decoding: text, as: UTF8.self).contains("@OGIWATCH_DIGEST@"))
        try text.write(to: URL(fileURLWithPath: source + "/ogiwatch.catalog"))
        #expect(try Scratch.run("/usr/bin/journalctl", ["--root=\(catalogRoot)", "--update-catalog"]) == 0)

        // A run that writes findings, a verdict, a duplicate, a note, a lost root, start and stop.
        let daemon = try DaemonProcess(watch: scratch.drop, state: scratch.state)
        try daemon.waitUntilWatching()
        let pid = "_PID=\(daemon.pid)"
        #expect(try Scratch.run("/usr/bin/cp", [try ReferenceReports.seed("002").path, scratch.drop + "/a.txt"]) == 0)
        _ = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=checked"]) { !$0.isEmpty }
        #expect(try Scratch.run("/usr/bin/cp", [scratch.drop + "/a.txt", scratch.drop + "/b.txt"]) == 0)
        try Data("x".utf8).write(to: URL(fileURLWithPath: scratch.drop + "/c.xlsx"))
        _ = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=not-a-report"]) { !$0.isEmpty }
        _ = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=duplicate"]) { !$0.isEmpty }
        try FileManager.default.moveItem(atPath: scratch.drop, toPath: scratch.root + "/drop.old")
        _ = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=root-lost"]) { !$0.isEmpty }
        #expect(daemon.terminate() == 0)
        let entries = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=stopping"]) { !$0.isEmpty }
        #expect(entries.count == 1)
        let all = try JournalRecords.read(matching: [pid])
        let events = Set(all.compactMap { $0.text("OGIWATCH_EVENT") })
        #expect(events.isSuperset(of: ["started", "checked", "duplicate", "not-a-report", "root-lost", "stopping"]), "\(events)")
        #expect(all.contains { $0["OGIWATCH_RULE"] != nil })

        let rendered = try Self.explained(pid, catalog: catalogRoot + "/var/lib/systemd")
        let explanations = rendered.split(separator: "\n").filter { $0.hasPrefix("░░ Defined-By: ogiwatch") }
        #expect(explanations.count == all.count, "every entry has its catalog text")
        let placeholder = try Regex("@[A-Z0-9_]+@")
        #expect(rendered.firstMatch(of: placeholder) == nil, "\(rendered)")
        let digest = try #require(all.first { $0["OGIWATCH_RULE"] != nil }?.text("OGIWATCH_DIGEST"))
        #expect(rendered.contains("░░ 文件：\(scratch.drop)/a.txt（SHA-256 \(digest)）"))
        #expect(rendered.contains("░░ Subject: 不是年度报告的文件：\(scratch.drop)/c.xlsx"))
        #expect(rendered.contains("░░ Subject: 监视目录丢失：\(scratch.drop)"))
    }

    /// `journalctl -x` of `match` with the catalog database under `catalog` in place of the
    /// machine's, in a mount namespace of its own.
    static func explained(_ match: String, catalog: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["-m", "--propagation", "private", "/bin/sh", "-c",
                             "mount --bind \"$1\" /var/lib/systemd && exec journalctl -x --no-pager -o short \"$2\"",
                             "sh", catalog, match]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }
}
