import Foundation
import OgiwatchFixtures
import OgiwatchLedger
import Testing

/// Old Word (.doc) and Kingsoft WPS (.wps) reports dropped into a watched folder: checked
/// through LibreOffice when it is installed, answered with DOC.UNSUPPORTED and what to install
/// when the converter is missing, in the journal, the ledger and the daily summary. A file
/// that is no report is noted once, also across a restart.
@Suite(.serialized) struct OfficeDropTests {
    static var soffice: String? { ["/usr/bin/soffice", "/usr/local/bin/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) } }

    /// A .doc made by LibreOffice from the template report's .docx, and a .wps that is Word 97
    /// binary made from a seed report's text (what Kingsoft WPS saves).
    static func makeOfficeFiles(in scratch: Scratch) throws -> (doc: String, wps: String, docx: String) {
        let soffice = try #require(Self.soffice)
        let docx = scratch.outside + "/template.docx"
        try FileManager.default.copyItem(atPath: ReferenceReports.realReport("template-2021.docx").path, toPath: docx)
        let text = scratch.outside + "/seed.txt"
        try FileManager.default.copyItem(atPath: try ReferenceReports.seed("002").path, toPath: text)
        let profile = "-env:UserInstallation=file://\(scratch.root)/profile"
        for input in [docx, text] {
            #expect(try Scratch.run(soffice, ["--headless", profile, "--convert-to", "doc:MS Word 97", "--outdir", scratch.outside, input]) == 0)
        }
        try FileManager.default.moveItem(atPath: scratch.outside + "/seed.doc", toPath: scratch.outside + "/seed.wps")
        return (scratch.outside + "/template.doc", scratch.outside + "/seed.wps", docx)
    }

    /// `ogiwatch check --format json` of a file: rule ids and messages.
    static func check(_ file: String) throws -> [String] {
        try CheckCommandOutput.findings(file).map { "\($0["rule"] ?? "-")：\($0["message"] ?? "-")" }.sorted()
    }

    @Test(.enabled(if: soffice != nil, "needs LibreOffice (apt-get install libreoffice-writer-nogui)"))
    func docAndWpsAreCheckedThroughLibreOffice() throws {
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        let files = try Self.makeOfficeFiles(in: scratch)
        let daemon = try DaemonProcess(watch: scratch.drop, state: scratch.state)
        try daemon.waitUntilWatching()
        for file in [files.doc, files.wps] { #expect(try Scratch.run("/usr/bin/cp", [file, scratch.drop + "/"]) == 0) }
        let pid = "_PID=\(daemon.pid)"
        _ = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=checked"], seconds: 60) { $0.count >= 2 }
        #expect(daemon.terminate() == 0)

        let entries = try JournalRecords.read(matching: [pid])
        for name in ["template.doc", "seed.wps"] {
            let dropped = scratch.drop + "/" + name
            let mine = entries.filter { $0["OGIWATCH_FILE"] == Array(dropped.utf8) }
            let checked = mine.first { $0.text("OGIWATCH_EVENT") == "checked" }
            #expect(checked?.text("OGIWATCH_TEMPLATE") != nil, "\(name): the report's template was recognised")
            let findings = mine.filter { $0["OGIWATCH_RULE"] != nil }
            #expect(!findings.contains { $0.text("OGIWATCH_RULE")?.hasPrefix("DOC.") == true }, "\(name) was read")
            let journal = findings.map { entry in
                "\(entry.text("OGIWATCH_RULE") ?? "-")：" + (entry.text("MESSAGE")?.components(separatedBy: "：").dropFirst(2).joined(separator: "：") ?? "")
            }
            #expect(journal.sorted() == (try Self.check(dropped)), "\(name): the journal says what ogiwatch check says")
        }
        #expect(entries.contains { $0.text("OGIWATCH_EVENT") == "checked" && $0.text("OGIWATCH_ORGAN")?.isEmpty == false })
        // The .doc says what its .docx original says: the conversion loses nothing the rules read.
        #expect(try Self.check(scratch.drop + "/template.doc") == (try Self.check(files.docx)))
    }

    @Test(.enabled(if: soffice != nil, "needs LibreOffice to make the .doc and .wps files"))
    func withoutConverterTheyAreUnsupportedWithTheInstallHint() throws {
        try JournalRecords.ensureJournald()
        let scratch = try Scratch()
        let files = try Self.makeOfficeFiles(in: scratch)
        let config = scratch.root + "/ogiwatch.yaml"
        try "soffice: /nonexistent/soffice\n".write(toFile: config, atomically: true, encoding: .utf8)
        let arguments = ["run", "--config", config, "--watch", scratch.drop, "--state", scratch.state, "--settle", "200ms",
                         "--rules", DaemonProcess.rulesDirectory]
        var daemon = try DaemonProcess(arguments: arguments)
        try daemon.waitUntilWatching()
        for file in [files.doc, files.wps] { #expect(try Scratch.run("/usr/bin/cp", [file, scratch.drop + "/"]) == 0) }
        try Data("not a report".utf8).write(to: URL(fileURLWithPath: scratch.drop + "/统计表.xlsx"))
        var pid = "_PID=\(daemon.pid)"
        _ = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=checked"], seconds: 30) { $0.count >= 2 }
        _ = try JournalRecords.wait(matching: [pid, "OGIWATCH_EVENT=not-a-report"]) { !$0.isEmpty }
        #expect(daemon.terminate() == 0)

        let hint = "请安装 LibreOffice（apt-get install libreoffice-writer-nogui），或把文件另存为 .docx 后重新提交"
        let entries = try JournalRecords.read(matching: [pid])
        let ledger = try Ledger(directory: scratch.state, readOnly: true)
        for name in ["template.doc", "seed.wps"] {
            let dropped = scratch.drop + "/" + name
            let mine = entries.filter { $0["OGIWATCH_FILE"] == Array(dropped.utf8) }
            let finding = mine.first { $0["OGIWATCH_RULE"] != nil }
            #expect(finding?.text("OGIWATCH_RULE") == "DOC.UNSUPPORTED")
            #expect(finding?.text("MESSAGE") == "\(dropped)：错误 DOC.UNSUPPORTED：文件格式不支持：未安装转换 .doc/.wps 文件所需的 LibreOffice"
                + "（配置的转换程序 /nonexistent/soffice 不存在）：\(hint)")
            #expect(mine.first { $0.text("OGIWATCH_EVENT") == "checked" }?.text("OGIWATCH_VERDICT") == "无法读取")
            let recorded = try ledger.versions(path: Array(dropped.utf8))
            #expect(recorded.map(\.status) == [.unreadable])
            #expect(recorded.first?.findings.first?.message.hasSuffix(hint) == true)
        }
        let noted = entries.filter { $0.text("OGIWATCH_EVENT") == "not-a-report" }
        #expect(noted.map { $0.text("OGIWATCH_FILE") } == [scratch.drop + "/统计表.xlsx"])

        // The daily summary lists both with the reason.
        let summary = try Self.summaryText(state: scratch.state)
        for name in ["template.doc", "seed.wps"] {
            #expect(summary.contains("- \(name)  无法读取  文件格式不支持：未安装转换 .doc/.wps 文件所需的 LibreOffice"
                + "（配置的转换程序 /nonexistent/soffice 不存在）：\(hint)\n"), "\(summary)")
        }

        // A restart notes nothing again.
        daemon = try DaemonProcess(arguments: arguments)
        try daemon.waitUntilWatching()
        Thread.sleep(forTimeInterval: 1)
        #expect(daemon.terminate() == 0)
        pid = "_PID=\(daemon.pid)"
        #expect(try JournalRecords.read(matching: [pid, "OGIWATCH_EVENT=not-a-report"]).isEmpty)
        // A verdict journald took too slowly before the first stop is re-sent, marked as such;
        // nothing is checked anew.
        #expect(try JournalRecords.read(matching: [pid, "OGIWATCH_EVENT=checked"]).filter { $0.text("OGIWATCH_RESENT") != "1" }.isEmpty)
    }

    /// The plain-text part of today's summary, decoded.
    static func summaryText(state: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DaemonProcess.binary)
        let day = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate, .withDashSeparatorInDate])
        process.arguments = ["summary", "--state", state, "--date", day, "--output", "-", "--rules", DaemonProcess.rulesDirectory]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let message = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let marker = "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n"
        guard let start = message.range(of: marker)?.upperBound else { return message }
        let body = message[start...].prefix { $0 != "-" }.filter { !$0.isWhitespace }
        return Data(base64Encoded: String(body)).map { String(decoding: $0, as: UTF8.self) } ?? message
    }
}
