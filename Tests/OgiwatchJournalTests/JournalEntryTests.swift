import OgiwatchCore
import OgiwatchEvents
import Testing
@testable import OgiwatchJournal

@Suite struct JournalEntryTests {
    let file = FileIdentity(path: Array("/srv/drop/a\nPRIORITY=0.txt".utf8) + [0xff], sha256: String(repeating: "ab", count: 32),
                            organ: "某某市人民政府办公室", year: 2023)

    @Test func findingEntryCarriesLocationAndRawPath() {
        let finding = Finding(rule: "T3.BALANCE", severity: .error, message: "总计不等于各项之和",
                              location: Location(table: "三", row: "（七）总计", column: "其他", line: 12),
                              expected: "15", actual: "14")
        let entry = JournalEntry.finding(finding, messageID: "0123456789abcdef0123456789abcdef", file: file)
        #expect(entry.priority == .error)
        #expect(entry.value("OGIWATCH_FILE") == file.path)
        #expect(entry.value("OGIWATCH_RULE") == Array("T3.BALANCE".utf8))
        #expect(entry.value("OGIWATCH_TABLE") == Array("三".utf8))
        #expect(entry.value("OGIWATCH_LINE") == Array("12".utf8))
        #expect(entry.value("OGIWATCH_EXPECTED") == Array("15".utf8))
        #expect(entry.value("OGIWATCH_YEAR") == Array("2023".utf8))
        #expect(entry.value("OGIWATCH_SECTION") == nil)
        #expect(entry.message.hasPrefix("/srv/drop/a\\nPRIORITY=0.txt\\xff："))
        #expect(!entry.message.contains("\n"))
    }

    @Test func fallbackLineIsOneEscapedLine() {
        let entry = JournalEntry.event(.skipped, priority: .notice, message: "跳过", file: file)
        let line = Journal.line(entry)
        #expect(line.hasPrefix("<5>跳过 [OGIWATCH_EVENT=skipped OGIWATCH_FILE=/srv/drop/a\\nPRIORITY=0.txt\\xff "))
        #expect(!line.contains("\n"))
    }

    @Test func eventMessageIDsAreDistinct128BitHex() {
        let ids = ServiceEvent.allCases.map(\.messageID)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.count == 32 && $0.allSatisfy { "0123456789abcdef".contains($0) } })
    }
}
