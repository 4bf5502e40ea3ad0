import Foundation
import OgiwatchFixtures
import Testing

/// `ogiwatch summary --send-pending`, the mail unit's command, with a stand-in sendmail that
/// records what it was given and in which order.
@Suite struct SummaryOutboxTests {
    /// A sendmail that appends its arguments and the mail's Subject line to `log`, and fails
    /// for a mail whose subject contains `failOn`.
    static func fakeSendmail(in directory: String, log: String, failOn: String? = nil) throws -> String {
        let path = directory + "/sendmail"
        let fail = failOn.map { "if grep -q '\($0)' \"$tmp\"; then echo 'relay refused' >&2; exit 75; fi" } ?? ""
        try """
            #!/bin/sh
            tmp=$(mktemp)
            cat >"$tmp"
            \(fail)
            echo "$* $(grep '^X-Day:' "$tmp")" >>'\(log)'
            rm -f "$tmp"
            """.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    static func write(_ day: String, in summaries: String) throws {
        try "X-Day: \(day)\nSubject: s\n\nbody\n".write(toFile: summaries + "/\(day).eml", atomically: true, encoding: .utf8)
    }

    @Test func everyPendingSummaryGoesOldestFirstAndIsMarkedSent() throws {
        let scenario = try LedgerScenario()
        let summaries = scenario.stateDirectory + "/summaries"
        try FileManager.default.createDirectory(atPath: summaries, withIntermediateDirectories: true)
        try Self.write("2026-11-20", in: summaries)
        try Self.write("2026-11-19", in: summaries)
        try "X-Day: 2026-11-18\n\n".write(toFile: summaries + "/2026-11-18.eml.sent", atomically: true, encoding: .utf8)
        let log = scenario.stateDirectory + "/sent.log"
        let sendmail = try Self.fakeSendmail(in: scenario.stateDirectory, log: log)

        let output = try MailDeliveryTests.run(BuiltProducts.ogiwatch, ["summary", "--send-pending", "--state", scenario.stateDirectory,
                                                                        "--sendmail", sendmail])
        #expect(output == "已发送 2026-11-19.eml\n已发送 2026-11-20.eml\n")
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "-t -i X-Day: 2026-11-19\n-t -i X-Day: 2026-11-20\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: summaries).sorted()
            == ["2026-11-18.eml.sent", "2026-11-19.eml.sent", "2026-11-20.eml.sent"])

        // Nothing pending: nothing sent again, and the run says so.
        let again = try MailDeliveryTests.run(BuiltProducts.ogiwatch, ["summary", "--send-pending", "--state", scenario.stateDirectory,
                                                                       "--sendmail", sendmail])
        #expect(again == "没有待发送的摘要\n")
        #expect(try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").count == 2)
    }

    @Test func aRefusedSummaryStaysAndGoesFirstNextTime() throws {
        let scenario = try LedgerScenario()
        let summaries = scenario.stateDirectory + "/summaries"
        try FileManager.default.createDirectory(atPath: summaries, withIntermediateDirectories: true)
        for day in ["2026-11-18", "2026-11-19", "2026-11-20"] { try Self.write(day, in: summaries) }
        let log = scenario.stateDirectory + "/sent.log"
        let refusing = try Self.fakeSendmail(in: scenario.stateDirectory, log: log, failOn: "2026-11-19")

        let failed = try Tool.run(BuiltProducts.ogiwatch, ["summary", "--send-pending", "--state", scenario.stateDirectory,
                                                           "--sendmail", refusing])
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("摘要 2026-11-19.eml 未能交给 sendmail：\(refusing) 退出状态 75：relay refused"), "\(failed.stderr)")
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "-t -i X-Day: 2026-11-18\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: summaries).sorted()
            == ["2026-11-18.eml.sent", "2026-11-19.eml", "2026-11-20.eml"])

        let working = try Self.fakeSendmail(in: scenario.stateDirectory, log: log)
        _ = try MailDeliveryTests.run(BuiltProducts.ogiwatch, ["summary", "--send-pending", "--state", scenario.stateDirectory,
                                                               "--sendmail", working])
        #expect(try String(contentsOfFile: log, encoding: .utf8)
            == "-t -i X-Day: 2026-11-18\n-t -i X-Day: 2026-11-19\n-t -i X-Day: 2026-11-20\n")
    }

    @Test func aFifoOrSymlinkUnderASummaryNameIsNamedAndStopsTheRunWithoutHanging() throws {
        let scenario = try LedgerScenario()
        let summaries = scenario.stateDirectory + "/summaries"
        try FileManager.default.createDirectory(atPath: summaries, withIntermediateDirectories: true)
        try Self.write("2026-11-18", in: summaries)
        #expect(mkfifo(summaries + "/2026-11-19.eml", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: summaries + "/2026-11-20.eml", withDestinationPath: "/etc/passwd")
        let log = scenario.stateDirectory + "/sent.log"
        let sendmail = try Self.fakeSendmail(in: scenario.stateDirectory, log: log)

        let fifo = try Tool.run(BuiltProducts.ogiwatch, ["summary", "--send-pending", "--state", scenario.stateDirectory, "--sendmail", sendmail])
        #expect(fifo.status == 2)
        #expect(fifo.stderr.contains("摘要目录中的 2026-11-19.eml 无法作为摘要发送：不是普通文件（FIFO、设备或目录）。"
                                     + "它和之后的摘要保留待发；请把它移出摘要目录，或换成 ogiwatch summary 生成的文件"), "\(fifo.stderr)")
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "-t -i X-Day: 2026-11-18\n")

        try FileManager.default.removeItem(atPath: summaries + "/2026-11-19.eml")
        let link = try Tool.run(BuiltProducts.ogiwatch, ["summary", "--send-pending", "--state", scenario.stateDirectory, "--sendmail", sendmail])
        #expect(link.status == 2)
        #expect(link.stderr.contains("摘要目录中的 2026-11-20.eml 无法作为摘要发送：是符号链接。"), "\(link.stderr)")
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "-t -i X-Day: 2026-11-18\n")
    }

    @Test func filesThatAreNoSummaryAreNamedAndNotSent() throws {
        let scenario = try LedgerScenario()
        let summaries = scenario.stateDirectory + "/summaries"
        try FileManager.default.createDirectory(atPath: summaries, withIntermediateDirectories: true)
        try Self.write("2026-11-20", in: summaries)
        for name in ["notes.txt", "2026-11-19.EML", "a\nb.eml~", ".2026-11-21.eml.Ab12Cd"] {
            try "X-Day: \(name)\n\n".write(toFile: summaries + "/" + name, atomically: true, encoding: .utf8)
        }
        let log = scenario.stateDirectory + "/sent.log"
        let sendmail = try Self.fakeSendmail(in: scenario.stateDirectory, log: log)

        let run = try Tool.run(BuiltProducts.ogiwatch, ["summary", "--send-pending", "--state", scenario.stateDirectory, "--sendmail", sendmail])
        #expect(run.status == 0)
        #expect(run.stdout == "已发送 2026-11-20.eml\n")
        #expect(run.stderr == ["2026-11-19.EML", "a\\nb.eml~", "notes.txt"].map {
            "警告：摘要目录 \(summaries) 中的 \($0) 不是 ogiwatch 生成的摘要（<日期>.eml），不发送；请把它移出该目录\n"
        }.joined(), "\(run.stderr)")
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "-t -i X-Day: 2026-11-20\n")
    }
}
