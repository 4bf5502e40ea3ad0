import Foundation
import OgiwatchFixtures
import OgiwatchLedger
import Testing

/// `ogiwatch status` on a running and a stopped daemon, and `ogiwatch history` of a file
/// dropped, fixed and dropped again, read from the daemon's real state directory.
@Suite(.serialized) struct StatusHistoryTests {
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DaemonProcess.binary)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func ruleFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: DaemonProcess.rulesDirectory).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { DaemonProcess.rulesDirectory + "/" + $0 }
    }

    @Test func statusShowsWhatTheDaemonWatchesChecksAndUses() throws {
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        let daemon = try DaemonProcess(watch: scratch.drop, state: scratch.state)
        try daemon.waitUntilWatching()
        let report = scratch.drop + "/report.txt"
        #expect(try Scratch.run("/usr/bin/cp", [try ReferenceReports.seed("002").path, report]) == 0)
        _ = try JournalRecords.wait(matching: ["_PID=\(daemon.pid)", "OGIWATCH_EVENT=checked"]) { !$0.isEmpty }
        let ledger = try Ledger(directory: scratch.state, readOnly: true)
        let version = try #require(try ledger.latestVersion())
        let ruleSet = try #require(try JournalRecords.read(matching: ["_PID=\(daemon.pid)", "OGIWATCH_EVENT=checked"]).first?.text("OGIWATCH_RULESET"))

        // The status file follows the loop; poll until the version shows in it.
        var running = try Self.run(["status", "--state", scratch.state])
        let stop = Date().addingTimeInterval(10)
        while !running.stdout.contains("已记录 1 份"), Date() < stop {
            Thread.sleep(forTimeInterval: 0.1)
            running = try Self.run(["status", "--state", scratch.state])
        }
        let files = try Self.ruleFiles()
        let lines = running.stdout.split(separator: "\n").map(String.init)
        #expect(running.status == 0)
        #expect(lines.first?.hasPrefix("ogiwatch：运行中（PID \(daemon.pid)，自 ") == true, "\(running.stdout)")
        #expect(lines.contains("|- 监视目录：1 个") && lines.contains("|  `- \(scratch.drop)"))
        #expect(lines.contains("|- 队列：等待稳定或重试 0 份，本次启动以来已记录 1 份"))
        #expect(lines.contains("|- 未写完、等待完整副本：0 份"))
        let verdict = "\(version.findings.isEmpty ? "未发现问题" : "发现问题")：错误 \(version.counts.errors)，警告 \(version.counts.warnings)，提示 \(version.counts.infos)）"
        #expect(lines.contains { $0.hasPrefix("|- 最近检查：\(report)（") && $0.hasSuffix("，" + verdict) }, "\(running.stdout)")
        #expect(lines.contains("|- 今日：收到 1 份，有错误 \(version.counts.errors > 0 ? 1 : 0) 份，仅有警告 \(version.counts.errors == 0 && version.counts.warnings > 0 ? 1 : 0) 份，无法读取 0 份，重复文件 0 份"))
        #expect(lines.contains("|- 规则集：\(ruleSet)（\(files.count) 个文件）"))
        #expect(files.allSatisfy { file in lines.contains { $0.hasSuffix("- " + file) } })
        #expect(lines.last == "`- 健康：正常")

        #expect(daemon.terminate() == 0)
        let stopped = try Self.run(["status", "--state", scratch.state])
        #expect(stopped.status == 3)
        #expect(stopped.stdout.hasPrefix("ogiwatch：已停止（上次运行 PID \(daemon.pid)，自 "))
        #expect(stopped.stdout.hasSuffix("`- 健康：服务未运行\n"))
    }

    @Test func statusOfAStateDirectoryNeverUsed() throws {
        let scratch = try Scratch()
        _ = try Ledger(directory: scratch.state)
        let never = try Self.run(["status", "--state", scratch.state])
        #expect(never.status == 3)
        #expect(never.stdout.hasPrefix("ogiwatch：未运行过（状态目录中没有 status.json）\n|- 未写完、等待完整副本：0 份\n|- 最近检查：无\n"))
    }

    /// A report dropped with errors, then fixed under the same name: the journal verdict and
    /// `history` (by file and by organ) name the previous version's counts.
    @Test func redropAfterFixInJournalAndHistory() throws {
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        let daemon = try DaemonProcess(watch: scratch.drop, state: scratch.state)
        try daemon.waitUntilWatching()
        let full = try ReferenceReports.seedText("000")
        let report = scratch.drop + "/年报.txt"
        try String(full.prefix(full.count / 3)).write(toFile: scratch.outside + "/broken.txt", atomically: true, encoding: .utf8)
        try full.write(toFile: scratch.outside + "/fixed.txt", atomically: true, encoding: .utf8)
        let pid = "_PID=\(daemon.pid)"
        #expect(try Scratch.run("/usr/bin/cp", [scratch.outside + "/broken.txt", report]) == 0)
        _ = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=checked"]) { $0.count == 1 }
        #expect(try Scratch.run("/usr/bin/cp", [scratch.outside + "/fixed.txt", report]) == 0)
        let checked = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=checked"]) { $0.count == 2 }
        #expect(daemon.terminate() == 0)

        let ledger = try Ledger(directory: scratch.state, readOnly: true)
        let versions = try ledger.versions(path: Array(report.utf8))
        try #require(versions.count == 2)
        let before = versions[0].counts.errors
        #expect(before > 0 && versions[1].counts.errors == 0)
        #expect(versions[1].previous?.counts == versions[0].counts)
        #expect(checked.last?.text("MESSAGE")?.hasSuffix("；上一版 \(before) 个错误，本版 0 个") == true, "\(checked.last?.text("MESSAGE") ?? "-")")

        let byFile = try Self.run(["history", "--state", scratch.state, report])
        let lines = byFile.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(byFile.status == 0)
        #expect(lines.first == "「\(report)」：1 个文件，2 个版本")
        let organ = try #require(versions[1].organ)
        #expect(lines.contains("\(report)（\(organ) \(versions[1].year.map(String.init) ?? "?") 年度）"))
        #expect(lines.filter { $0.hasPrefix("  ") }.count == 2)
        #expect(lines.contains { $0.contains("  发现问题  错误 \(before)，警告 \(versions[0].counts.warnings)，提示 \(versions[0].counts.infos)  规则集 ") })
        #expect(lines.contains { $0.hasSuffix("；上一版 \(before) 个错误，本版 0 个") && $0.contains("  错误 0，") })

        let byOrgan = try Self.run(["history", "--state", scratch.state, String(organ.prefix(4))])
        #expect(byOrgan.stdout.hasPrefix("「\(organ.prefix(4))」：1 个文件，2 个版本\n"))
        let unknown = try Self.run(["history", "--state", scratch.state, "无此机关"])
        #expect(unknown.status == 1)
        #expect(unknown.stdout == "台账中没有「无此机关」的记录（可以给出报告文件的路径或机关名称的一部分）\n")
    }

    /// A ledger that is a FIFO or not a database: `status` and `history` end with exit status 2
    /// and a message naming the file, instead of waiting on it.
    @Test func statusAndHistoryWithAnUnusableLedgerNameIt() throws {
        let fifo = try Scratch(), garbage = try Scratch()
        #expect(mkfifo(fifo.state + "/ledger.sqlite", 0o600) == 0)
        try "这不是数据库\n".write(toFile: garbage.state + "/ledger.sqlite", atomically: true, encoding: .utf8)
        for command in [["status"], ["history", "某_区%"]] {
            let waiting = try CheckCommandTests.ogiwatch([command[0], "--state", fifo.state] + command.dropFirst())
            #expect(waiting.status == 2)
            #expect(waiting.stderr.contains("无法打开台账 \(fifo.state)/ledger.sqlite：不是普通文件（FIFO、设备或目录）"), "\(waiting.stderr)")
            let damaged = try CheckCommandTests.ogiwatch([command[0], "--state", garbage.state] + command.dropFirst())
            #expect(damaged.status == 2)
            #expect(damaged.stderr.contains("无法打开台账 \(garbage.state)/ledger.sqlite：SQLite error 26: file is not a database"), "\(damaged.stderr)")
        }
    }

    /// A status file cut short or replaced by a FIFO: `status` ends with exit status 2 and says
    /// which file and what to do, instead of waiting or printing a state it cannot know.
    @Test func statusWithAnUnusableStatusFileNamesIt() throws {
        let scratch = try Scratch()
        _ = try Ledger(directory: scratch.state)
        let path = scratch.state + "/status.json"
        try "{\"state\": \"run".write(toFile: path, atomically: true, encoding: .utf8)
        let cut = try CheckCommandTests.ogiwatch(["status", "--state", scratch.state])
        #expect(cut.status == 2)
        #expect(cut.stderr.contains("状态文件 \(path) 已损坏：重启服务（systemctl restart ogiwatch）会重新写入"), "\(cut.stderr)")

        try FileManager.default.removeItem(atPath: path)
        #expect(mkfifo(path, 0o600) == 0)
        let fifo = try CheckCommandTests.ogiwatch(["status", "--state", scratch.state])
        #expect(fifo.status == 2)
        #expect(fifo.stderr.contains("无法读取状态文件 \(path)：不是普通文件（符号链接、FIFO、设备或目录）"), "\(fifo.stderr)")
    }
}
