import Foundation
import OgiwatchFixtures
import Testing

/// Hostile .doc and .wps files given to `ogiwatch check`: each gets its own heading, spelled
/// unambiguously, and a reason, without LibreOffice being started for what it cannot read.
@Suite struct HostileOfficeFileTests {
    @Test func oddNamesAndBrokenContentEachGetAClearAnswer() throws {
        let directory = try TemporaryDirectory()
        let cut = directory.path + "/-年 报.doc", docx = directory.path + "/a\nb.doc", empty = directory.path + "/empty.wps"
        #expect(FileManager.default.createFile(atPath: cut, contents: Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 1, 2, 3])))
        #expect(FileManager.default.createFile(atPath: docx, contents: Data("PK\u{03}\u{04}word/document.xml".utf8)))
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))

        let run = try CheckCommandTests.ogiwatch(["check"] + CheckCommandTests.rules + ["--", cut, docx, empty])
        #expect(run.status == 1)
        #expect(run.stdout == """
            \(cut)
              错误  DOC.UNREADABLE  文件无法读取：文档长度不是整数个扇区，似乎未写完或已被截断
              共 1 个错误、0 个警告、0 个提示

            \(directory.path)/a\\nb.doc
              错误  DOC.UNSUPPORTED  文件格式不支持：文件扩展名是 .doc/.wps，内容却不是 Word 97-2003 或 WPS 文字文档；请另存为 .docx 后重新提交
              共 1 个错误、0 个警告、0 个提示

            \(empty)
              错误  DOC.UNREADABLE  文件无法读取：文件为空或只有开头几个字节，似乎未写完
              共 1 个错误、0 个警告、0 个提示

            共检查 3 份文件：0 份未发现问题，3 份有错误

            """, "\(run.stdout)")
    }
}
