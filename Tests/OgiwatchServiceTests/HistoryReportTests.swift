import Foundation
import OgiwatchLedger
import OgiwatchService
import Testing

/// `ogiwatch history` of a file the service noted as no report says so, as the journal did.
@Suite struct HistoryReportTests {
    let zone = TimeZone(identifier: "Asia/Shanghai")!

    @Test func aNotedFileIsAnsweredWithItsNote() {
        let note = NotedFile(path: Array("/srv/drop/乙区/统计.xlsx".utf8), at: Date(timeIntervalSince1970: 1_800_000_000),
                             reason: "不支持的文件类型：仅检查 .txt、.docx、.doc、.wps、.pdf、.html 格式的年度报告")
        let history = HistoryReport(subject: "/srv/drop/乙区/统计.xlsx", versions: [], noted: note, timeZone: zone)
        #expect(!history.isEmpty)
        #expect(history.text == "/srv/drop/乙区/统计.xlsx：不是年度报告文件，未检查（2027-01-15 16:00:00 记录：不支持的文件类型：仅检查 .txt、.docx、.doc、.wps、.pdf、.html 格式的年度报告）\n")
    }

    @Test func nothingRecordedSaysWhatToGive() {
        let history = HistoryReport(subject: "某某区", versions: [], timeZone: zone)
        #expect(history.isEmpty)
        #expect(history.text == "台账中没有「某某区」的记录（可以给出报告文件的路径或机关名称的一部分）\n")
    }
}
