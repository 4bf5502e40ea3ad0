import Foundation
import Testing
@testable import OgiwatchSummary

/// The MIME building blocks on inputs chosen to break them.
@Suite struct MimePartsTests {
    func decoded(_ words: [String]) -> [UInt8] {
        words.flatMap { word -> [UInt8] in
            let payload = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            return Array(Data(base64Encoded: String(payload)) ?? Data())
        }
    }

    @Test(arguments: [
        "政府信息公开工作年度报告检查结果：收到 41 份，3 份有错误，2 份有警告，1 份无法读取",
        String(repeating: "é", count: 80), String(repeating: "👨‍👩‍👧‍👦", count: 9),
        "a" + String(repeating: "\u{301}", count: 40) + "b", "x",
    ])
    func wordsFitAndNeverSplitACharacter(_ text: String) {
        let words = EncodedWord.encode(text, firstRoom: 76 - "Subject: ".count)
        #expect(words.allSatisfy { $0.count <= 75 })
        #expect(("Subject: " + words[0]).count <= 76)
        #expect(String(decoding: decoded(words), as: UTF8.self) == text)
        // Each word alone is valid UTF-8: no character straddles two words.
        for word in words {
            let bytes = decoded([word])
            #expect(String(validating: bytes, as: UTF8.self) != nil)
        }
    }

    @Test func addressesThatCouldBreakAHeaderAreRefused() {
        #expect(throws: SummaryError.badAddress("a@b\nBcc: x@y")) {
            try MimeMessage(from: "a@b\nBcc: x@y", to: ["r@x"], subject: "s", date: Date(), timeZone: .gmt, domain: "h",
                            text: "", html: "")
        }
        #expect(throws: SummaryError.badAddress("管理员@example.org")) {
            try MimeMessage(from: "a@b", to: ["管理员@example.org"], subject: "s", date: Date(), timeZone: .gmt, domain: "h",
                            text: "", html: "")
        }
    }

    @Test func longRecipientListsAreFolded() throws {
        let recipients = (1...8).map { "reports-admin-\($0)@subdivision.example.org" }
        let message = try MimeMessage(from: "o@h", to: recipients, subject: "s", date: Date(timeIntervalSince1970: 0),
                                      timeZone: .gmt, domain: "h", text: "t", html: "h", token: "abc")
        let text = String(decoding: message.bytes, as: UTF8.self)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).allSatisfy { $0.count <= 76 })
        #expect(text.contains("Date: Thu, 01 Jan 1970 00:00:00 +0000\n"))
        #expect(text.contains("boundary=\"=_ogiwatch_abc\""))
        #expect(message.messageID == "<19700101.abc.ogiwatch@h>")
    }

    @Test func displayTextEscapesControlsBidiAndInvalidBytes() {
        #expect(DisplayText.escaped([0x61, 0x0a, 0x1b, 0x5c, 0xff, 0xe4, 0xb8]) == "a\\n\\x1b\\\\\\xff\\xe4\\xb8")
        #expect(DisplayText.escaped("报告\u{202e}xcod.exe") == "报告\\xe2\\x80\\xaexcod.exe")
        #expect(DisplayText.html("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
    }

    @Test func daysFollowTheConfiguredZoneAndDaylightSaving() throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let spring = try SummaryDay("2026-03-08", timeZone: newYork)
        #expect(spring.end.timeIntervalSince(spring.start) == 23 * 3600)
        #expect(spring.previous.name == "2026-03-07")
        let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let day = SummaryDay.yesterday(now: Date(timeIntervalSince1970: 1_763_654_400), timeZone: shanghai) // 2025-11-21 00:00 +0800
        #expect(day.name == "2025-11-20")
        #expect(day.start == Date(timeIntervalSince1970: 1_763_568_000))
        #expect(throws: SummaryError.badDate("2026-02-30")) { try SummaryDay("2026-02-30", timeZone: shanghai) }
        #expect(throws: SummaryError.badDate("2026-1-5")) { try SummaryDay("2026-1-5", timeZone: shanghai) }
    }

    @Test func writingReplacesTheFileAndLeavesNoTemporaries() throws {
        let directory = NSTemporaryDirectory() + "ogiwatch-summary-file-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/summaries/2026-11-20.eml"
        try SummaryFile.write(Array("first\n".utf8), to: path)
        try SummaryFile.write(Array("second\n".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("second\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/summaries") == ["2026-11-20.eml"])
    }
}
