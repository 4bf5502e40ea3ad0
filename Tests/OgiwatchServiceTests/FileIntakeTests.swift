import Foundation
import OgiwatchCheck
import OgiwatchCore
import OgiwatchFixtures
import OgiwatchLedger
import OgiwatchReaders
import Testing
@testable import OgiwatchService

/// The intake on a real ledger and the real journald: every file reaches its findings through
/// `Checker`, a file that is no report is noted once, and a new version names the old one's counts.
@Suite(.serialized) struct FileIntakeTests {
    /// A file over the size limit gets the words and the (locally overridden) severity that
    /// `ogiwatch check` gives the same file.
    @Test func oversizeFileIsAnsweredAsTheCheckCommandAnswersIt() throws {
        let bench = try IntakeBench()
        let rules = try IntakeBench.shippedRules(local: "overrides:\n  DOC.UNREADABLE: {severity: warning}\n")
        let checker = Checker(ruleSet: rules, limits: ReadLimits(maxFileBytes: 1000))
        let file = try bench.ready("big.txt", Array(repeating: UInt8(ascii: "a"), count: 5000), keep: false)
        let intake = bench.intake(checker)
        #expect(try intake.take(file) == .done)
        intake.announcer.catchUp()

        let expected = checker.check(path: bench.drop + "/big.txt").findings
        #expect(expected.map(\.message) == ["文件无法读取：文件过大（5000 字节，上限 1000 字节），不是正常的年度报告"])
        let recorded = try #require(try bench.ledger.versions(path: file.path).first)
        #expect(recorded.status == .unreadable)
        #expect(recorded.findings.map(\.rule) == ["DOC.UNREADABLE"])
        #expect(recorded.findings.map(\.severity) == [.warning])
        #expect(recorded.findings.map(\.message) == expected.map(\.message))
        let journal = try bench.entries("big.txt") { $0.contains { $0.text("OGIWATCH_RULE") == "DOC.UNREADABLE" } }
        #expect(journal.first { $0.text("OGIWATCH_RULE") == "DOC.UNREADABLE" }?.text("OGIWATCH_SEVERITY") == "warning")
    }

    /// Without a converter a .doc is answered with DOC.UNSUPPORTED, the reason and what to install.
    @Test func wordBinaryWithoutConverterIsUnsupported() throws {
        let bench = try IntakeBench()
        let checker = Checker(ruleSet: try IntakeBench.shippedRules(), converter: OfficeConverter(executable: "/nonexistent/soffice"))
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 1016)
        let file = try bench.ready("报告.doc", ole)
        #expect(try bench.intake(checker).take(file) == .done)
        let recorded = try #require(try bench.ledger.versions(path: file.path).first)
        #expect(recorded.status == .unreadable)
        #expect(recorded.findings.map(\.rule) == ["DOC.UNSUPPORTED"])
        #expect(recorded.findings.first?.message == "文件格式不支持：未安装转换 .doc/.wps 文件所需的 LibreOffice（配置的转换程序 /nonexistent/soffice 不存在）："
            + "请安装 LibreOffice（apt-get install libreoffice-writer-nogui），或把文件另存为 .docx 后重新提交")
    }

    /// A spreadsheet in a drop folder is noted once: not again when offered again, nor after a
    /// restart, and never recorded as a report.
    @Test func fileThatIsNoReportIsNotedOnce() throws {
        let bench = try IntakeBench()
        let checker = Checker(ruleSet: try IntakeBench.shippedRules())
        let file = try bench.ready("统计表.xlsx", Array("PK not a report".utf8))
        #expect(try bench.intake(checker).take(file) == .done)
        #expect(try bench.intake(checker).take(file) == .done)
        let restarted = bench.intake(checker)
        #expect(try restarted.alreadyHandled(file.path, stat: file.stat))
        #expect(try restarted.take(file) == .done)

        let entries = try bench.entries("统计表.xlsx") { !$0.isEmpty }
        Thread.sleep(forTimeInterval: 0.5)  // room for a second entry, which must not come
        let all = try bench.entries("统计表.xlsx") { _ in true }
        #expect(entries.count == 1 && all.count == 1)
        #expect(all.first?.text("OGIWATCH_EVENT") == "not-a-report")
        #expect(all.first?.text("MESSAGE") == "\(bench.drop)/统计表.xlsx：不是年度报告文件，不检查（不支持的文件类型：仅检查 .txt、.docx、.doc、.wps、.pdf、.html 格式的年度报告）")
        #expect(try bench.ledger.versions(path: file.path).isEmpty)
    }

    /// A report dropped again after a fix: the verdict names the previous version's counts, and
    /// the ledger hands the same to the summary as `RecordedVersion.previous`.
    @Test func redropAfterFixNamesThePreviousCounts() throws {
        let bench = try IntakeBench()
        let checker = Checker(ruleSet: try IntakeBench.shippedRules())
        let full = try ReferenceReports.seedText("000")
        let broken = String(full.prefix(full.count / 3))
        let before = checker.check(bytes: Array(broken.utf8), format: .txt, name: "r.txt").count(.error)
        #expect(before > 0)
        #expect(checker.check(bytes: Array(full.utf8), format: .txt, name: "r.txt").count(.error) == 0)

        let intake = bench.intake(checker)
        #expect(try intake.take(try bench.ready("r.txt", Array(broken.utf8))) == .done)
        #expect(try intake.take(try bench.ready("r.txt", Array(full.utf8))) == .done)
        intake.announcer.catchUp()

        let versions = try bench.ledger.versions(path: Array((bench.drop + "/r.txt").utf8))
        #expect(versions.count == 2)
        #expect(versions.first?.previous == nil)
        #expect(versions.last?.previous?.counts.errors == before)
        #expect(versions.last?.previous?.id == versions.first?.id)
        let checked = try bench.entries("r.txt") { $0.filter { $0.text("OGIWATCH_EVENT") == "checked" }.count == 2 }
            .filter { $0.text("OGIWATCH_EVENT") == "checked" }
        #expect(checked.first?.text("OGIWATCH_PREVIOUS_ERRORS") == nil)
        #expect(checked.last?.text("OGIWATCH_PREVIOUS_ERRORS") == String(before))
        #expect(checked.last?.text("MESSAGE")?.hasSuffix("；上一版 \(before) 个错误，本版 0 个") == true, "\(checked.last?.text("MESSAGE") ?? "-")")
    }
}
