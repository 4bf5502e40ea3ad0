import OgiwatchCore
import Testing
@testable import OgiwatchReaders

/// The XML that Word and other producers write, and XML that is not well formed.
@Suite struct WordXMLScannerTests {
    static let word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    private func paragraphs(_ xml: String) throws -> [String] {
        try WordDocumentBuilder.build(Array(xml.utf8)).paragraphs.map(\.text)
    }

    private func problem(_ xml: String) -> String? {
        do {
            _ = try WordDocumentBuilder.build(Array(xml.utf8))
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func referencesCdataAndCommentsBecomeText() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!-- written by hand --><w:document xmlns:w="\(Self.word)"><w:body>
            <w:p><w:r><w:t xml:space="preserve">规章 &amp; &lt;文件&gt; &#x4E00;&#20108;&quot;&apos;</w:t></w:r></w:p>
            <w:p><w:r><w:t><![CDATA[a < b & c]]></w:t><!-- note --><w:t>!</w:t></w:r></w:p>
            </w:body></w:document>
            """
        #expect(try paragraphs(xml) == ["规章 & <文件> 一二\"'", "a < b & c!"])
    }

    @Test func anyPrefixOrTheDefaultNamespaceNamesWordElements() throws {
        let prefixed = "<ns0:document xmlns:ns0='\(Self.word)'><ns0:body><ns0:p><ns0:r><ns0:t>甲</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>"
        #expect(try paragraphs(prefixed) == ["甲"])
        let unprefixed = "<document xmlns=\"\(Self.word)\"><body><p><r><t>乙</t></r></p></body></document>"
        #expect(try paragraphs(unprefixed) == ["乙"])
        // The same local names in another namespace are not Word text.
        let foreign = "<w:document xmlns:w=\"\(Self.word)\" xmlns:x=\"urn:other\"><w:body><w:p><w:r><x:t>不算</x:t><w:t>算</w:t></w:r></w:p></w:body></w:document>"
        #expect(try paragraphs(foreign) == ["算"])
    }

    @Test func spanValuesAreReadWhateverTheirQuotes() throws {
        let xml = """
            <w:document xmlns:w="\(Self.word)"><w:body><w:tbl>\
            <w:tr><w:tc><w:tcPr><w:gridSpan w:val='2'/></w:tcPr><w:p><w:r><w:t>合并</w:t></w:r></w:p></w:tc></w:tr>\
            <w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr>\
            </w:tbl></w:body></w:document>
            """
        let table = try #require(try WordDocumentBuilder.build(Array(xml.utf8)).tables.first)
        #expect(table.rows.map { $0.cells.map(\.text) } == [["合并", ""], ["a", "b"]])
        #expect(table.rows[0].cells[1].isMergedContinuation)
    }

    @Test(arguments: [
        ("<w:document xmlns:w='\(word)'><w:body><w:p></w:body></w:document>", "结束标签与开始标签不一致"),
        ("<w:document xmlns:w='\(word)'><w:body>", "文件在元素结束之前截止"),
        ("<w:document xmlns:w='\(word)'><w:t>&nbsp;</w:t></w:document>", "无法识别的实体引用"),
        ("<w:document xmlns:w='\(word)'/><w:p/>", "根元素之后还有元素"),
        ("<w:document xmlns:w='\(word)' w:x=1/>", "属性值缺少引号"),
        ("<w:document xmlns:w='\(word)'><!-- open", "注释没有结束"),
        ("text<w:document xmlns:w='\(word)'/>", "根元素之外有文字"),
        ("", "没有根元素"),
    ])
    func malformedXMLIsRefusedWithItsReason(xml: String, reason: String) {
        let refusal = problem(xml)
        #expect(refusal?.hasPrefix("Word 文档 XML 损坏：word/document.xml 第 1 行") == true, "\(String(describing: refusal))")
        #expect(refusal?.contains(reason) == true, "\(String(describing: refusal))")
    }

    @Test func namespaceFloodIsRefusedBeforeItSlowsEveryElement() {
        let declarations = (0...WordXMLScanner.maxBindings).map { " xmlns:p\($0)='urn:p\($0)'" }.joined()
        let xml = "<w:document xmlns:w='\(Self.word)'\(declarations)>" + String(repeating: "<w:p/>", count: 100_000) + "</w:document>"
        // Refused on the root's own attributes, before any element is looked up.
        let refusal = problem(xml)
        #expect(refusal?.contains("命名空间声明超过") == true, "\(String(describing: refusal))")
        #expect(refusal?.contains("第 1 行") == true)
    }

    @Test func nestingBeyondTheLimitIsRefusedWithoutExhaustingTheStack() {
        let depth = WordXMLScanner.maxDepth + 1
        let xml = "<w:document xmlns:w='\(Self.word)'>" + String(repeating: "<a>", count: depth)
            + String(repeating: "</a>", count: depth) + "</w:document>"
        #expect(problem(xml)?.contains("嵌套超过") == true)
    }
}
