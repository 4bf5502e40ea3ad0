import Foundation
import OgiwatchFixtures
import Testing

/// `ogiwatch run` refuses a bad config at start (exit 2, key named), accepts the shipped
/// example, and on SIGHUP keeps the old rules when the new ones are invalid.
@Suite(.serialized) struct RunConfigTests {
    func startFails(config: String) throws -> (status: Int32?, stderr: String) {
        let scratch = try Scratch()
        let path = scratch.root + "/bad.yaml"
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(arguments: ["run", "--config", path, "--state", scratch.state])
        let status = daemon.waitForExit(seconds: 15)
        return (status, daemon.stderrText)
    }

    @Test func unknownKeyIsNamed() throws {
        let result = try startFails(config: "watch: [/tmp]\nsettel: 2s\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("'settel'"))
    }

    @Test func badValueIsNamed() throws {
        let result = try startFails(config: "watch: [/tmp]\nsummary:\n  policy: sometimes\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("'summary.policy'"))
        let duration = try startFails(config: "watch: [/tmp]\nlimits:\n  incomplete_retry_interval: soon\n")
        #expect(duration.status == 2)
        #expect(duration.stderr.contains("'limits.incomplete_retry_interval'"))
    }

    @Test func stateDirectoryComesFromSystemdWhenNotGiven() throws {
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        let daemon = try DaemonProcess(arguments: ["run", "--watch", scratch.drop, "--rules", DaemonProcess.rulesDirectory],
                                       environment: ["STATE_DIRECTORY": scratch.state])
        try daemon.waitUntilWatching()
        #expect(daemon.terminate() == 0)
        #expect(FileManager.default.fileExists(atPath: scratch.state + "/ledger.sqlite"))
    }

    @Test func shippedExampleStartsAndReloadRejectsBrokenRules() throws {
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        let rules = scratch.root + "/rules"
        try FileManager.default.copyItem(atPath: DaemonProcess.rulesDirectory, toPath: rules)
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Packaging/ogiwatch.yaml").path
        let daemon = try DaemonProcess(arguments: ["run", "--config", example, "--watch", scratch.drop, "--state", scratch.state,
                                                   "--rules", rules, "--settle", "100ms"])
        try daemon.waitUntilWatching()
        let pid = "_PID=\(daemon.pid)"
        try "rules: [{id: BROKEN}]\n".write(toFile: rules + "/zz-broken.yaml", atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        let rejected = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=config-rejected"]) { !$0.isEmpty }
        #expect(rejected.count == 1)
        try FileManager.default.removeItem(atPath: rules + "/zz-broken.yaml")
        daemon.signal(SIGHUP)
        let reloaded = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=config-reloaded"]) { !$0.isEmpty }
        #expect(reloaded.count == 1)
        scratch.write(scratch.drop, name: Array("after-reload.txt".utf8), Array("一、总体情况\n".utf8))
        let checked = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=checked"]) { !$0.isEmpty }
        #expect(checked.count == 1, "still watching after two reloads")
        #expect(daemon.terminate() == 0)
    }
}
