import Foundation
import Glibc
import OgiwatchFixtures
import Testing

/// `ogiwatch check` and `ogiwatch rules` as a user runs them: the real binary, real files,
/// exit statuses and output read back.
@Suite struct CheckCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func ogiwatch(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DaemonProcess.binary)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    static let rules = ["--rules", DaemonProcess.rulesDirectory]

    static func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func exitStatusFollowsFailOn() throws {
        let clean = try ReferenceReports.seed("000").path  // infos only
        let failing = try ReferenceReports.seed("002").path  // FEE.STATEMENT error
        #expect(try Self.ogiwatch(["check"] + Self.rules + [clean]).status == 0)
        #expect(try Self.ogiwatch(["check", "--fail-on", "info"] + Self.rules + [clean]).status == 1)
        #expect(try Self.ogiwatch(["check"] + Self.rules + [clean, failing]).status == 1)
        #expect(try Self.ogiwatch(["check", "--fail-on", "never"] + Self.rules + [failing]).status == 0)
    }

    @Test func jsonLinesCarryFileRuleSeverityMessageAndLocation() throws {
        let seeds = try ["000", "001", "002", "003", "004"].map { try ReferenceReports.seed($0).path }
        let run = try Self.ogiwatch(["check", "--format", "json", "--fail-on", "never"] + Self.rules + seeds)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "piped output has no progress bar: \(run.stderr)")
        let lines = try Self.jsonLines(run.stdout)
        #expect(lines.count == 19)  // the findings SeedFindingsTests expects of the five seeds
        for line in lines {
            for key in ["file", "rule", "severity", "message"] { #expect(line[key] is String, "\(key) in \(line)") }
        }
        let blank = try #require(lines.first { $0["rule"] as? String == "T3.BLANK_CELLS" && ($0["file"] as? String)?.contains("001") == true })
        #expect(blank["table"] as? String == "三")
        #expect(blank["row"] as? String == "（七）总计")
        #expect(blank["column"] as? String == "其他")
        #expect(blank["line"] as? Int == 326)
    }

    @Test func badArgumentsAndBadRulesExitTwo() throws {
        let seed = try ReferenceReports.seed("000").path
        #expect(try Self.ogiwatch(["check", "--format", "xml"] + Self.rules + [seed]).status == 2)
        #expect(try Self.ogiwatch(["check", "--rules", "/nonexistent/rules", seed]).status == 2)
        let scratch = try Scratch()
        try "rules: [{id: X, severity: fatal}]".write(toFile: scratch.outside + "/bad.yaml", atomically: true, encoding: .utf8)
        let bad = try Self.ogiwatch(["check", "--local-rules", scratch.outside] + Self.rules + [seed])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.yaml"))
        let lint = try Self.ogiwatch(["rules", "lint", "--local-rules", scratch.outside, DaemonProcess.rulesDirectory])
        #expect(lint.status == 1)
        #expect(lint.stderr.contains("bad.yaml"))
        #expect(try Self.ogiwatch(["rules", "lint", DaemonProcess.rulesDirectory]).status == 0)
    }

    @Test func rulesListAndExplain() throws {
        let list = try Self.ogiwatch(["rules", "list"] + Self.rules)
        #expect(list.status == 0)
        #expect(list.stdout.split(separator: "\n").count >= 30)
        let explain = try Self.ogiwatch(["rules", "explain", "T3.BALANCE"] + Self.rules)
        #expect(explain.stdout.contains("勾稽"))
        #expect(explain.stdout.contains("MESSAGE_ID："))
        #expect(try Self.ogiwatch(["rules", "explain", "NO.SUCH"] + Self.rules).status == 2)
    }

    /// Each hostile input is one clear DOC.UNREADABLE finding naming the file; none crashes,
    /// hangs or makes the command itself fail.
    @Test func hostileFilesAreFindingsNotFailures() throws {
        let scratch = try Scratch()
        let dir = scratch.drop
        func put(_ name: String, _ bytes: [UInt8]) { scratch.write(dir, name: Array(name.utf8), bytes) }
        put("empty.txt", [])
        put("empty.docx", [])
        put("truncated.docx", try HostileDocx.truncated())
        put("bomb.docx", HostileDocx.zipBomb())
        put("entities.docx", try HostileDocx.billionLaughs())
        put("invalid.txt", [0x48, 0xFF, 0xFE, 0x80, 0x81, 0x0A] + Array(repeating: 0xC3, count: 10))
        let urandom = try #require(FileHandle(forReadingAtPath: "/dev/urandom"))
        put("random.txt", [UInt8](urandom.readData(ofLength: 50 << 20)))
        mkfifo(dir + "/pipe.txt", 0o644)
        symlink(try ReferenceReports.seed("000").path, dir + "/link.txt")
        scratch.write(dir, name: Array("odd\nname\u{1B}.txt".utf8), [])
        let names = ["empty.txt", "empty.docx", "truncated.docx", "bomb.docx", "entities.docx", "invalid.txt", "random.txt",
                     "pipe.txt", "link.txt", "odd\nname\u{1B}.txt"]
        let run = try Self.ogiwatch(["check", "--format", "json"] + Self.rules + names.map { dir + "/" + $0 })
        #expect(run.status == 1)
        let lines = try Self.jsonLines(run.stdout)
        for name in names {
            let mine = lines.filter { $0["file"] as? String == dir + "/" + name }
            #expect(mine.map { $0["rule"] as? String } == ["DOC.UNREADABLE"], "\(name): \(mine)")
            #expect((mine.first?["message"] as? String)?.hasPrefix("文件无法读取：") == true, "\(name)")
        }
    }
}
