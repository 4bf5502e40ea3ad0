import Foundation
import OgiwatchCheck
import OgiwatchCore
import OgiwatchFixtures
import OgiwatchLedger
import OgiwatchSummary

/// A real ledger in a temporary state directory, filled through the ledger's own API, and
/// the summary of one day built from it the way `ogiwatch summary` builds it.
final class LedgerScenario {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!
    /// The watched folder every recorded path lies under.
    static let dropRoot = "/srv/drop"
    static let ruleTitles: [String: String] = {
        let rules = try? RuleLoader.load(rulesDirectory: RepositoryFiles.rulesDirectory, localDirectory: nil)
        return Dictionary((rules?.rules ?? []).map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    }()

    let stateDirectory: String
    let ledger: Ledger
    let day: SummaryDay
    private var serial = 0

    init(day name: String = "2026-11-20") throws {
        stateDirectory = NSTemporaryDirectory() + "ogiwatch-summary-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        ledger = try Ledger(directory: stateDirectory)
        day = try SummaryDay(name, timeZone: Self.zone)
    }

    deinit { try? FileManager.default.removeItem(atPath: stateDirectory) }

    /// Records one version `minutes` after the start of the day (negative: the day before).
    @discardableResult
    func add(_ path: [UInt8], minutes: Double = 60, status: VersionStatus = .checked, findings: [Finding] = [],
             organ: String? = "某县人民政府办公室", year: Int? = 2025, sha256: String? = nil,
             ruleSet: String = "rules-7") throws -> Int64? {
        serial += 1
        let facts = FileFacts(path: path, size: 1000, mtimeNanoseconds: 1, ctimeNanoseconds: 1, inode: UInt64(serial),
                              sha256: sha256 ?? String(format: "%064x", serial))
        return try ledger.record(RecordedVersion(facts: facts, template: "2021", organ: organ, year: year,
                                                 checkedAt: day.start.addingTimeInterval(minutes * 60), ruleSetVersion: ruleSet,
                                                 status: status, findings: findings))
    }

    func add(_ path: String, minutes: Double = 60, status: VersionStatus = .checked, findings: [Finding] = []) throws {
        try add(Array(path.utf8), minutes: minutes, status: status, findings: findings)
    }

    static func error(_ rule: String = "T3.BALANCE", _ message: String = "表三第（七）行总计与各项之和不一致") -> Finding {
        Finding(rule: rule, severity: .error, message: message, location: Location(table: "三", row: "总计", line: 12))
    }

    static func warning(_ rule: String = "T3.BLANK_CELLS") -> Finding {
        Finding(rule: rule, severity: .warning, message: "表三有空白单元格，应填 0", location: Location(table: "三"))
    }

    /// The summary as `ogiwatch summary` computes it, generated at 00:30 the next morning.
    func summary() throws -> DailySummary {
        try DailySummary.load(from: ledger, day: day, ruleTitles: Self.ruleTitles, dropRoots: [Array(Self.dropRoot.utf8)],
                              host: "host1.example.org", now: day.end.addingTimeInterval(1800))
    }

    /// The mail written to its default place in the state directory, and its path.
    func writeMail(to recipients: [String] = ["ogiwatch@localhost"]) throws -> (message: MimeMessage, path: String) {
        let settings = SummaryMessage(from: "ogiwatch <ogiwatch@host1.example.org>", to: recipients,
                                      subjectPrefix: "ogiwatch 日报", host: "host1.example.org")
        let message = try settings.message(for: summary())
        let path = SummaryFile.defaultPath(stateDirectory: stateDirectory, day: day)
        try SummaryFile.write(message.bytes, to: path)
        return (message, path)
    }
}
