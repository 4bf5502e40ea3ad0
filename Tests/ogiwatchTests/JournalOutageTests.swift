import Foundation
import Glibc
import OgiwatchFixtures
import OgiwatchLedger
import OgiwatchWatch
import Testing

/// journald killed, or stopped, while reports arrive: every file is recorded at once and its
/// findings reach the journal, with their fields, once journald answers again. The journald
/// is the test's own (`PrivateJournald`), killed and stopped by its PID.
@Suite(.serialized) struct JournalOutageTests {
    static func report(_ i: Int) -> [UInt8] { Array("一、总体情况\n第 \(i) 份报告。\n".utf8) }

    static func paths(_ scratch: Scratch, _ range: Range<Int>) -> [[UInt8]] {
        range.map { Array("\(scratch.drop)/r\($0).txt".utf8) }
    }

    static func start(_ scratch: Scratch, _ journal: PrivateJournald) throws -> DaemonProcess {
        let daemon = try DaemonProcess(arguments: ["run", "--watch", scratch.drop, "--state", scratch.state, "--settle", "100ms",
                                                   "--rules", DaemonProcess.rulesDirectory], launcher: journal.launcher)
        _ = try journal.wait(matching: ["_PID=\(daemon.pid)", "OGIWATCH_EVENT=started"]) { !$0.isEmpty }
        Thread.sleep(forTimeInterval: 0.3)
        return daemon
    }

    /// The `checked` entries per file, and every entry per file.
    static func byFile(_ entries: [JournalRecords.Entry]) -> [[UInt8]: [JournalRecords.Entry]] {
        Dictionary(grouping: entries.filter { $0["OGIWATCH_FILE"] != nil }) { $0["OGIWATCH_FILE"] ?? [] }
    }

    @Test(.enabled(if: PrivateJournald.canRun, PrivateJournald.skipReason))
    func filesDroppedWhileJournaldIsDownReachItWhenItIsBack() throws {
        let journal = try PrivateJournald()
        let scratch = try Scratch()
        let daemon = try Self.start(scratch, journal)
        journal.kill9()
        for i in 0..<50 { scratch.write(scratch.drop, name: Array("r\(i).txt".utf8), Self.report(i)) }
        let recorded = try LedgerProbe.wait(state: scratch.state, paths: 50, seconds: 60)
        #expect(recorded.count == 50, "recorded while journald is down")
        #expect(try journal.read(matching: ["OGIWATCH_EVENT=checked"]).isEmpty)

        try journal.start()
        let checked = try journal.wait(matching: ["OGIWATCH_EVENT=checked"], seconds: 60) { $0.count >= 50 }
        let recovered = try journal.wait(matching: ["OGIWATCH_EVENT=journal-recovered"]) { !$0.isEmpty }
        #expect(daemon.terminate() == 0)

        let ledger = try Ledger(directory: scratch.state, readOnly: true)
        #expect(try ledger.unannounced(limit: 100).isEmpty, "every version marked announced")
        let paths = Self.paths(scratch, 0..<50)
        #expect(Set(checked.compactMap { $0["OGIWATCH_FILE"] }) == Set(paths))
        let all = Self.byFile(try journal.read(matching: ["_PID=\(daemon.pid)"]))
        for path in paths {
            let version = try #require(try ledger.versions(path: path).first)
            let findings = (all[path] ?? []).filter { $0["OGIWATCH_RULE"] != nil }
            // Only the file whose send failed first may have had some entries taken before.
            let fresh = findings.filter { $0["OGIWATCH_RESENT"] == nil }
            #expect(fresh.count == version.findings.count || findings.allSatisfy { $0["OGIWATCH_RESENT"] == Array("1".utf8) },
                    "\(PathBytes.display(path)) has every finding once, with its fields")
            #expect(Set(findings.compactMap { $0.text("OGIWATCH_RULE") }) == Set(version.findings.map(\.rule)))
            #expect(findings.allSatisfy { $0.text("OGIWATCH_DIGEST") == version.facts.sha256 && $0["MESSAGE_ID"] != nil })
        }
        let resentFiles = Set(checked.filter { $0["OGIWATCH_RESENT"] != nil }.compactMap { $0["OGIWATCH_FILE"] })
        #expect(resentFiles.count <= 1, "files recorded while journald was down are sent once, not as re-sends")
        #expect(recovered.first?.text("MESSAGE")?.contains("补发了 50 份文件") == true)
    }

    @Test(.enabled(if: PrivateJournald.canRun, PrivateJournald.skipReason))
    func aStoppedJournaldHoldsNeitherIntakeNorShutdown() throws {
        let journal = try PrivateJournald()
        let scratch = try Scratch()
        let daemon = try Self.start(scratch, journal)
        journal.signal(SIGSTOP)
        defer { journal.signal(SIGCONT) }
        for i in 0..<40 { scratch.write(scratch.drop, name: Array("r\(i).txt".utf8), Self.report(i)) }
        let recorded = try LedgerProbe.wait(state: scratch.state, paths: 40, seconds: 60)
        #expect(recorded.count == 40, "intake goes on while journald is stopped")
        let started = Date()
        #expect(daemon.terminate(seconds: 10) == 0, "SIGTERM is obeyed while journald is stopped")
        #expect(Date().timeIntervalSince(started) < 10)

        journal.signal(SIGCONT)
        let again = try Self.start(scratch, journal)
        let checked = try journal.wait(matching: ["OGIWATCH_EVENT=checked"], seconds: 60) {
            Set($0.compactMap { $0["OGIWATCH_FILE"] }).count >= 40
        }
        #expect(again.terminate() == 0)
        #expect(Set(checked.compactMap { $0["OGIWATCH_FILE"] }) == Set(Self.paths(scratch, 0..<40)))
        for (path, entries) in Self.byFile(checked) {
            #expect(entries.filter { $0["OGIWATCH_RESENT"] == nil }.count <= 1, "\(PathBytes.display(path)): a repeat is marked as one")
        }
        #expect(try Ledger(directory: scratch.state, readOnly: true).unannounced(limit: 100).isEmpty)
    }
}
