import Foundation
import OgiwatchFixtures
import Testing

/// The rule set is known by its content: the same rules given as `DIR/` or read from a copy
/// re-check nothing, and a reload rejected over one bad value names that value alone.
@Suite(.serialized) struct RuleSetIdentityTests {
    static func run(_ scratch: Scratch, rules: String) throws -> DaemonProcess {
        let daemon = try DaemonProcess(arguments: ["run", "--watch", scratch.drop, "--state", scratch.state,
                                                   "--settle", "100ms", "--rules", rules])
        try daemon.waitUntilWatching()
        return daemon
    }

    @Test func theSameRulesElsewhereRecheckNothing() throws {
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        for i in 0..<10 { scratch.write(scratch.drop, name: Array("r\(i).txt".utf8), Array("一、总体情况\n第 \(i) 份。\n".utf8)) }
        let first = try Self.run(scratch, rules: DaemonProcess.rulesDirectory)
        let seen = try LedgerProbe.wait(state: scratch.state, paths: 10, seconds: 30)
        #expect(first.terminate() == 0)
        #expect(seen.count == 10)

        let copy = scratch.root + "/rules-copy"
        #expect(try Scratch.run("/usr/bin/cp", ["-r", DaemonProcess.rulesDirectory, copy]) == 0)
        for rules in [DaemonProcess.rulesDirectory + "/", copy, copy + "/"] {
            let again = try Self.run(scratch, rules: rules)
            Thread.sleep(forTimeInterval: 1)
            #expect(again.terminate() == 0)
            let announced = try JournalRecords.read(matching: ["_PID=\(again.pid)"]).filter { $0["OGIWATCH_FILE"] != nil }
            #expect(announced.isEmpty, "nothing re-announced with --rules \(rules)")
            #expect(try LedgerProbe.versionsPerPath(state: scratch.state) == seen, "nothing re-checked with --rules \(rules)")
        }
    }

    @Test func aRejectedReloadNamesTheOneBadValue() throws {
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        let copy = scratch.root + "/rules"
        #expect(try Scratch.run("/usr/bin/cp", ["-r", DaemonProcess.rulesDirectory, copy]) == 0)
        let daemon = try Self.run(scratch, rules: copy)
        let common = copy + "/common.yaml"
        let text = try String(contentsOfFile: common, encoding: .utf8)
        let value = try #require(text.range(of: "\n    severity: warning\n"))
        let broken = text.replacingCharacters(in: value, with: "\n    severity: fatal\n")
        try broken.write(toFile: common, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        let rejected = try JournalRecords.wait(matching: ["_PID=\(daemon.pid)", "OGIWATCH_EVENT=config-rejected"]) { !$0.isEmpty }
        #expect(daemon.terminate() == 0)
        let message = try #require(rejected.first?.text("MESSAGE"))
        #expect(message.contains("common.yaml 第 ") && message.contains("规则 STRUCT.SECTION_TITLE，字段 severity：未知的严重程度「fatal」"))
        #expect(!message.contains("没有定义任何部分") && !message.contains("没有定义任何模板"), "no knock-on problems: \(message)")
        #expect(message.components(separatedBy: "\n  - ").count == 2, "one problem: \(message)")
    }
}
