import Foundation
import OgiwatchCore
import OgiwatchLedger
import Testing
@testable import OgiwatchService

/// `ogiwatch status` counts today as the daily summary will: each file as it now is.
@Suite struct StatusReportTests {
    func version(_ path: String, sha: String, minutes: Double, status: VersionStatus = .checked, findings: [Finding] = []) -> RecordedVersion {
        RecordedVersion(id: Int64(minutes), facts: FileFacts(path: Array(path.utf8), size: 1, mtimeNanoseconds: 1, ctimeNanoseconds: 1, inode: 1, sha256: sha),
                        checkedAt: Date(timeIntervalSince1970: 1_800_000_000 + minutes * 60), ruleSetVersion: "r", status: status, findings: findings)
    }

    @Test func aReportFixedTheSameDayCountsAsItNowIs() {
        let error = Finding(rule: "FEE.STATEMENT", severity: .error, message: "第六部分未说明信息处理费收取情况")
        let warning = Finding(rule: "T3.BLANK_CELLS", severity: .warning, message: "表三有空白单元格")
        let today = [
            version("/srv/drop/甲县/年报.txt", sha: "a", minutes: 1, findings: [error]),
            version("/srv/drop/乙区/年报.docx", sha: "b", minutes: 2, findings: [warning]),
            version("/srv/drop/甲县/年报.txt", sha: "c", minutes: 3),
            version("/srv/drop/乙区/副本.docx", sha: "b", minutes: 4, status: .duplicate),
            version("/srv/drop/乙区/旧.doc", sha: "d", minutes: 5, status: .unreadable),
        ]
        let report = StatusReport(status: nil, isRunning: false, latest: today.last, today: today, pending: [],
                                  timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        #expect(report.text.contains("\n|- 今日：收到 4 份，有错误 0 份，仅有警告 1 份，无法读取 1 份，重复文件 1 份\n"), "\(report.text)")
    }
}
