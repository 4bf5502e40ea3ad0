import Foundation
import OgiwatchLedger
import OgiwatchWatch

/// `ogiwatch history FILE|ORGAN` as text: each file's versions in the order they were
/// recorded, when, with the verdict, the counts by severity and, for a new content, how it
/// compares with the one before.
public struct HistoryReport: Sendable {
    public var subject: String
    public var versions: [RecordedVersion]
    /// The note taken of the file when it is no report: the service answered it too.
    public var noted: NotedFile?
    public var timeZone: TimeZone

    public init(subject: String, versions: [RecordedVersion], noted: NotedFile? = nil, timeZone: TimeZone = .current) {
        self.subject = subject
        self.versions = versions
        self.noted = noted
        self.timeZone = timeZone
    }

    /// Whether the ledger holds anything about the subject (`ogiwatch history` exits 1 if not).
    public var isEmpty: Bool { versions.isEmpty && noted == nil }

    public var text: String {
        if versions.isEmpty, let noted {
            return "\(PathBytes.display(noted.path))：不是年度报告文件，未检查（\(format(noted.at)) 记录：\(noted.reason)）\n"
        }
        guard !versions.isEmpty else { return "台账中没有「\(subject)」的记录（可以给出报告文件的路径或机关名称的一部分）\n" }
        var files: [[UInt8]] = []
        var byFile: [[UInt8]: [RecordedVersion]] = [:]
        for version in versions {
            if byFile[version.facts.path] == nil { files.append(version.facts.path) }
            byFile[version.facts.path, default: []].append(version)
        }
        var lines = ["「\(subject)」：\(files.count) 个文件，\(versions.count) 个版本"]
        for path in files {
            let mine = byFile[path] ?? []
            let about = [mine.last?.organ, mine.last?.year.map { "\($0) 年度" }].compactMap { $0 }.joined(separator: " ")
            lines.append("")
            lines.append(PathBytes.display(path) + (about.isEmpty ? "" : "（\(about)）"))
            lines += mine.map(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func line(_ version: RecordedVersion) -> String {
        var text = "  \(format(version.checkedAt))  \(version.verdict)  \(version.counts.chinese)"
        text += "  规则集 \(version.ruleSetVersion.prefix(12))  SHA-256 \(version.facts.sha256.prefix(12))"
        if let previous = version.previous { text += "；\(previous.comparison(with: version.counts))" }
        return text
    }

    private func format(_ date: Date) -> String { LocalTime.text(date, timeZone: timeZone) }
}
