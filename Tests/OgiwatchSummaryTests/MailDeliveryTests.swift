import Foundation
import OgiwatchFixtures
import Testing

/// The written file handed to a real MTA exactly as the mail unit does (`sendmail -t -i`),
/// delivered by Debian's exim4 to a local mbox and read back from there.
@Suite struct MailDeliveryTests {
    static let recipient = "ogiwatch-mailtest@localhost"

    @Test func eximDeliversTheFileUnchanged() throws {
        let mailbox = try Self.run(RepositoryFiles.root.appendingPathComponent(".ci/exim.sh").path)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let scenario = try LedgerScenario()
        try scenario.add("/srv/drop/乙县/2025年报.docx", findings: [LedgerScenario.error(), LedgerScenario.warning()])
        try scenario.add("/srv/drop/甲县/2025年报.docx")
        let (message, path) = try scenario.writeMail(to: [Self.recipient])
        let written = try MimeProbe(file: path)

        // -odi: deliver before returning, so the mailbox can be read at once.
        _ = try Self.run("/usr/sbin/sendmail", ["-odi", "-t", "-i"], input: path)

        let delivered = try MimeProbe(mbox: mailbox, messageID: message.messageID)
        #expect(delivered.subject == "ogiwatch 日报 host1.example.org 2026-11-20：收到 2 份，1 份有错误")
        #expect(delivered.subject == written.subject)
        #expect(delivered.headers["To"] == Self.recipient)
        #expect(delivered.headerNames.contains("Received"))
        #expect(delivered.defects.isEmpty)
        #expect(delivered.parts.map(\.type) == ["text/plain", "text/html"])
        #expect(delivered.text == written.text)
        #expect(delivered.html == written.html)
        #expect(delivered.text.contains("\n  乙县：收到 1 份，1 份有错误\n"))
    }

    /// Two days' summaries sent by the mail unit's command through the real sendmail, as the
    /// unit runs it: both arrive, the older one first, and both are marked sent.
    @Test func theMailCommandSendsTwoPendingDaysInOrder() throws {
        let mailbox = try Self.run(RepositoryFiles.root.appendingPathComponent(".ci/exim.sh").path)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let older = try LedgerScenario(day: "2026-11-19")
        try older.add("/srv/drop/乙县/2025年报.docx", findings: [LedgerScenario.error()])
        let (first, firstPath) = try older.writeMail(to: [Self.recipient])
        let newer = try LedgerScenario(day: "2026-11-20")
        try newer.add("/srv/drop/甲县/2025年报.docx", findings: [LedgerScenario.warning()])
        let (second, _) = try newer.writeMail(to: [Self.recipient])
        // One state directory holds both, as on a server where yesterday's mail did not go.
        try FileManager.default.moveItem(atPath: firstPath, toPath: newer.stateDirectory + "/summaries/2026-11-19.eml")

        let output = try Self.run(BuiltProducts.ogiwatch, ["summary", "--send-pending", "--state", newer.stateDirectory])
        #expect(output == "已发送 2026-11-19.eml\n已发送 2026-11-20.eml\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: newer.stateDirectory + "/summaries").sorted()
            == ["2026-11-19.eml.sent", "2026-11-20.eml.sent"])

        // exim delivers in the background: wait for both to reach the mailbox.
        let stop = Date().addingTimeInterval(60)
        var text = ""
        while Date() < stop {
            text = (try? String(contentsOfFile: mailbox, encoding: .utf8)) ?? ""
            if text.contains(first.messageID), text.contains(second.messageID) { break }
            Thread.sleep(forTimeInterval: 0.2)
        }
        let firstAt = try #require(text.range(of: "Message-ID: " + first.messageID), "the older summary never arrived")
        let secondAt = try #require(text.range(of: "Message-ID: " + second.messageID), "the newer summary never arrived")
        #expect(firstAt.lowerBound < secondAt.lowerBound)
        #expect(try MimeProbe(mbox: mailbox, messageID: first.messageID).subject.hasSuffix(" 2026-11-19：收到 1 份，1 份有错误"))
        #expect(try MimeProbe(mbox: mailbox, messageID: second.messageID).subject.hasSuffix(" 2026-11-20：收到 1 份，1 份有警告"))
    }

    /// Runs a program to completion and returns its standard output; a failure carries its stderr.
    static func run(_ program: String, _ arguments: [String] = [], input: String? = nil) throws -> String {
        let result = try Tool.run(program, arguments, input: input)
        guard result.status == 0, !result.timedOut else {
            throw ProbeError("\(program) exited \(result.status): \(result.stderr)")
        }
        return result.stdout
    }
}
