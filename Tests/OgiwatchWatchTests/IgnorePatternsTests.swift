import Testing
@testable import OgiwatchWatch

@Suite struct IgnorePatternsTests {
    let patterns = IgnorePatterns()

    @Test(arguments: ["~$报告.docx", ".~lock.报告.docx#", ".报告.txt.Ab12Cd", "._报告.pdf", ".DS_Store",
                      "a.tmp", "a.TMP", "a.docx.part", "a.pdf.filepart", "a.crdownload", "thumbs.db",
                      "desktop.ini", "@eaDir"])
    func ignoresTransferAndDesktopLitter(_ name: String) {
        #expect(patterns.matches(Array(name.utf8)))
    }

    @Test(arguments: ["报告.docx", "2023年度报告.pdf", "a~$b.txt", "part.txt", "tmp.html"])
    func keepsReports(_ name: String) {
        #expect(!patterns.matches(Array(name.utf8)))
    }

    @Test func matchesInvalidUTF8Bytes() {
        #expect(IgnorePatterns(["*.tmp"]).matches([0xff, 0xfe, UInt8(ascii: "."), UInt8(ascii: "t"), UInt8(ascii: "m"), UInt8(ascii: "p")]))
        #expect(!IgnorePatterns(["*.tmp"]).matches([0xff, 0xfe]))
    }
}
