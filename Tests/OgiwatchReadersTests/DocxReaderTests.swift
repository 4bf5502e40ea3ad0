import Foundation
import OgiwatchCore
import OgiwatchFixtures
import Testing
@testable import OgiwatchReaders

@Suite struct DocxReaderTests {
    private func read(_ bytes: [UInt8]) throws -> Document {
        try DocxReader.read(bytes: bytes, limits: .standard)
    }

    private func readXML(_ body: String) throws -> Document {
        let xml = #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#
            + #"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>"#
            + body + "</w:body></w:document>"
        return try read(DocxWriter.package(documentXML: xml))
    }

    @Test func roundTripKeepsParagraphsCellsAndSpans() throws {
        let table = Table(rows: [
            Row(cells: [Cell("（本列数据）"), Cell("", isMergedContinuation: true), Cell("申请人情况"), Cell("", isMergedContinuation: true)], line: 0),
            Row(cells: [Cell("", isMergedContinuation: true), Cell("", isMergedContinuation: true), Cell("商业\n企业"), Cell("\u{3000}\u{3000}")], line: 0),
            Row(["规章 & <规范性文件>", "\u{00A0}12", "", "3.5"], line: 0),
        ], layout: .grid, line: 0)
        let document = Document(blocks: [
            .paragraph(Paragraph("一、总体情况", line: 1)),
            .table(table),
            .paragraph(Paragraph("  六、其他需要报告的事项\t（无）", line: 2)),
        ])
        let back = try read(DocxWriter.docx(document))

        #expect(back.paragraphs.map(\.text) == document.paragraphs.map(\.text))
        #expect(back.tables.count == 1)
        #expect(back.tables.first?.layout == .grid)
        #expect(back.tables.first?.rows.map(\.cells) == table.rows.map(\.cells))
    }

    @Test func paragraphsAreNumberedThroughTableCells() throws {
        let document = Document(blocks: [
            .paragraph(Paragraph("甲", line: 1)),
            .table(Table(rows: [Row(["a", "b"], line: 0), Row(["c", "d\ne"], line: 0)], layout: .grid, line: 0)),
            .paragraph(Paragraph("乙", line: 2)),
        ])
        let back = try read(DocxWriter.docx(document))

        #expect(back.paragraphs.map(\.line) == [1, 7])
        #expect(back.tables.first?.line == 2)
        #expect(back.tables.first?.rows.map(\.line) == [2, 4])
    }

    @Test func wordMarkupBecomesPlainParagraphs() throws {
        let document = try readXML("""
            <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>\
            <w:r><w:t>一、</w:t></w:r><w:r><w:tab/><w:t>总体</w:t></w:r>\
            <w:ins><w:r><w:t>情况</w:t></w:r></w:ins><w:del><w:r><w:delText>删掉</w:delText></w:r></w:del></w:p>\
            <w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>\
            <w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>\
            <w:p><w:r><mc:AlternateContent><mc:Choice><w:t>选中</w:t></mc:Choice>\
            <mc:Fallback><w:t>备用</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>
            """)

        #expect(document.paragraphs.map(\.text) == ["一、 总体情况", "第一行", "第二行", "选中"])
        #expect(document.paragraphs.map(\.line) == [1, 4, 5, 6])
    }

    @Test func gridBeforeAfterAndNestedTablesKeepColumnsAligned() throws {
        let document = try readXML("""
            <w:tbl>\
            <w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="2"/></w:trPr>\
            <w:tc><w:p><w:r><w:t>中</w:t></w:r></w:p></w:tc></w:tr>\
            <w:tr><w:tc><w:p><w:r><w:t>外</w:t></w:r></w:p>\
            <w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="5"/></w:tcPr><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc>\
            <w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p><w:r><w:t>右</w:t></w:r></w:p></w:tc></w:tr>\
            </w:tbl>
            """)
        let rows = try #require(document.tables.first).rows

        #expect(rows[0].cells.map(\.text) == ["", "中", "", ""])
        #expect(rows[0].cells.map(\.isMergedContinuation) == [true, false, true, true])
        #expect(rows[1].cells.map(\.text) == ["外\n内", "右", "", ""])
        #expect(rows[1].cells.map(\.isMergedContinuation) == [false, false, true, true])
    }

    @Test func officialTemplateReadsIntoTheTemplateGrids() throws {
        let bytes = try [UInt8](Data(contentsOf: ReferenceReports.realReport("template-2021.docx")))
        let document = try read(bytes)
        let tables = document.tables
        try #require(tables.count == 3)

        #expect(tables[0].rows.allSatisfy { $0.cells.count == 4 })
        #expect(tables[0].rows[0].cells.map(\.text) == ["第二十条第（一）项", "", "", ""])
        #expect(tables[0].rows[2].cells.map(\.text) == ["规章", "\u{3000}\u{3000}", "\u{3000}", ""])

        let t3 = tables[1].rows
        #expect(t3.count == 28)
        #expect(t3.allSatisfy { $0.cells.count == 10 })
        #expect(t3[2].cells[4].text == "商业\n企业")
        #expect(t3[3].cells[0].text == "一、本年新收政府信息公开申请数量")
        #expect(t3[3].cells[1...2].allSatisfy { $0.isMergedContinuation })
        #expect(t3[5].cells[0].text == "三、本年度办理结果")
        #expect(t3[6...26].allSatisfy { $0.cells[0].isMergedContinuation && $0.cells[0].text.isEmpty })
        #expect(t3[7].cells[1].text == "（三）不予公开")
        #expect(t3[8...14].allSatisfy { $0.cells[1].isMergedContinuation })
        #expect(t3[26].cells[1].text == "（七）总计")
        #expect(t3[27].cells[0].text == "四、结转下年度继续办理")
        #expect(t3[3...].allSatisfy { $0.cells.suffix(7).allSatisfy { $0.text.isEmpty && !$0.isMergedContinuation } })

        #expect(tables[2].rows.count == 4)
        #expect(tables[2].rows.allSatisfy { $0.cells.count == 15 })
        #expect(tables[2].rows[2].cells[5...9].map(\.text) == ["结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计"])

        #expect(document.paragraphs.map(\.text).contains("六、其他需要报告的事项"))
        #expect(document.paragraphs.map(\.line) == document.paragraphs.map(\.line).sorted())
    }

    @Test(arguments: ["000", "001", "003", "004"])
    func seedConvertedToDocxGivesTheSameBlocks(seed: String) throws {
        let text = PlainTextReader.parse(try ReferenceReports.seedText(seed))
        let back = try read(DocxWriter.docx(text))

        #expect(back.paragraphs.map(\.text) == text.paragraphs.map(\.text))
        #expect(back.tables.map { $0.rows.map(\.cells) } == text.tables.map { $0.rows.map(\.cells) })
    }

    @Test func mergedLabelCellsReadBackAsContinuationsWithTheSameValues() throws {
        let text = PlainTextReader.parse(try ReferenceReports.seedText("000"))
        let t3Index = try #require(text.tables.firstIndex { $0.rows.contains { $0.cells.contains { $0.text.contains("本年新收") } } })
        var merged = text
        merged.blocks = text.blocks.map { block in
            guard case .table(let table) = block, table == text.tables[t3Index] else { return block }
            return .table(DocxWriter.mergingLabelCells(table, columns: 2))
        }
        let back = try read(DocxWriter.docx(merged))
        let before = text.tables[t3Index].rows
        let after = back.tables[t3Index].rows

        #expect(after.map { $0.cells.suffix(7).map(\.text) } == before.map { $0.cells.suffix(7).map(\.text) })
        let outcome = try #require(after.firstIndex { $0.cells.first?.text.hasPrefix("三、") == true })
        #expect(after[outcome + 1].cells[0].isMergedContinuation)
        #expect(!before[outcome + 1].cells[0].isMergedContinuation)
    }
}
