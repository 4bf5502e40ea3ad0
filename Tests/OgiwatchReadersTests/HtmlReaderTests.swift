import OgiwatchCore
import Testing
@testable import OgiwatchReaders

/// Pages shaped like the ones government sites publish (README, "Formats").
@Suite struct HtmlReaderTests {
    static func texts(_ table: Table?) -> [[String]] {
        (table?.rows ?? []).map { $0.cells.map(\.text) }
    }

    @Test func blockTextBecomesNumberedParagraphs() throws {
        let document = try HtmlReader.parse("""
        <html><head><title>站点标题</title><style>p { color: red }</style><script>if (a < b) { x = "<p>" }</script></head>
        <body><h1>淮安市人民政府 2024年政府信息公开工作年度报告</h1>
        <div>一、总体情况<br>2024 年，我市&ldquo;坚持&rdquo;公开&nbsp;&amp;&#26465;&#x4F8B;。</div>
        <!-- <p>注释</p> -->
        <p>  多个   空格
        换行 </p><p>&nbsp;</p><li>列表&middot;项</li>
        </body></html>
        """)
        #expect(document.paragraphs.map(\.text) == [
            "淮安市人民政府 2024年政府信息公开工作年度报告",
            "一、总体情况",
            "2024 年，我市“坚持”公开\u{00A0}&条例。",
            "多个 空格 换行",
            "列表·项",
        ])
        #expect(document.paragraphs.map(\.line) == [1, 2, 3, 4, 5])
    }

    @Test func spansExpandIntoAGrid() throws {
        let document = try HtmlReader.parse("""
        <p>三、收到和处理政府信息公开申请情况</p>
        <table>
        <tr><td rowspan="3">三、本年度办理结果</td><td colspan=2>（一）予以公开</td><td>5</td></tr>
        <tr><td rowspan='2'>（三）不予公开</td><td>1.属于国家秘密</td><td>&nbsp;</td></tr>
        <tr><td>2.其他法律行政法规禁止公开</td><td>0</td></tr>
        <tr><td colspan="3">四、结转下年度继续办理</td><td>本年新<br />制作数量</td></tr>
        </table>
        """)
        let table = try #require(document.tables.first)
        #expect(table.layout == .grid)
        #expect(Self.texts(table) == [
            ["三、本年度办理结果", "（一）予以公开", "", "5"],
            ["", "（三）不予公开", "1.属于国家秘密", ""],
            ["", "", "2.其他法律行政法规禁止公开", "0"],
            ["四、结转下年度继续办理", "", "", "本年新\n制作数量"],
        ])
        let merged = table.rows.map { $0.cells.map(\.isMergedContinuation) }
        #expect(merged == [
            [false, false, true, false],
            [true, false, false, false],
            [true, true, false, false],
            [false, true, true, false],
        ])
        #expect(table.line == 2)
        #expect(table.rows.map(\.line) == [2, 3, 4, 5])
    }

    @Test func aTableHoldingATableIsAPageLayout() throws {
        let document = try HtmlReader.parse("""
        <table border="0"><tr><td><h1>某街道2023年政府信息公开工作年度报告</h1><p><b>一、　总体情况</b></p><p>正文。</p>
        <table><tr><td>内一</td><td>内二</td></tr><tr><td>内三</td></tr></table><p>之后</p></td></tr></table>
        <p>页脚</p>
        """)
        #expect(document.tables.count == 1)
        #expect(Self.texts(document.tables.first) == [["内一", "内二"], ["内三", ""]])
        #expect(document.paragraphs.map(\.text) == ["某街道2023年政府信息公开工作年度报告", "一、\u{3000}总体情况", "正文。", "之后", "页脚"])
        #expect(document.blocks.map { block in
            switch block {
            case .paragraph(let p): p.line
            case .table(let t): t.line
            }
        } == [1, 2, 3, 4, 6, 7], "blocks numbered in reading order, each table row taking a number")
    }

    @Test func aSingleCellTableIsALayoutAndATableInATableKeepsItsCells() throws {
        let document = try HtmlReader.parse("<table><tr><td><p>一、总体情况</p><p>正文</p></td></tr></table>")
        #expect(document.tables.isEmpty)
        #expect(document.paragraphs.map(\.text) == ["一、总体情况", "正文"])
    }

    @Test func siteChromeIsLeftOutAndTheArticleTitleStated() throws {
        let document = try HtmlReader.parse("""
        <html><head><title>某区2023年度政府信息公开工作年度报告_政府信息公开年报_某区人民政府</title></head><body>
        <div class="header menu_hov"><a>国务院</a> <a>省政府</a></div><nav>首页 &gt; 政务公开</nav>
        <div class="article_title">某区2023年度政府信息公开工作年度报告</div>
        <p>一、总体情况</p><div class="side-bar"><p>本站推荐</p></div>
        <div id="footer">主办单位：某区人民政府办公室</div></body></html>
        """)
        #expect(document.paragraphs.map(\.text) == ["某区2023年度政府信息公开工作年度报告", "一、总体情况"])
        #expect(document.statedTitle == "某区2023年度政府信息公开工作年度报告")
        let bare = try HtmlReader.parse("<title>上海市2019年政府信息公开工作年度报告 - 上海市人民政府</title><p>正文</p>")
        #expect(bare.statedTitle == nil)
        #expect(bare.fallbackTitle == "上海市2019年政府信息公开工作年度报告")
        #expect(bare.paragraphs.map(\.text) == ["正文"])
    }

    @Test func chromeThatNeverClosesLosesNothing() throws {
        let document = try HtmlReader.parse("<div class=\"nav\"><p>首页</p><p>一、总体情况</p><p>正文</p>")
        #expect(document.paragraphs.map(\.text) == ["首页", "一、总体情况", "正文"])
    }

    @Test func wordExportedHtmlKeepsItsListNumbersAndBlankCells() throws {
        let document = try HtmlReader.parse("""
        <html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=ZH-CN><div class=WordSection1>
        <p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>一、\
        <span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]><b>总体情况<o:p></o:p></b></p>
        <p class=MsoNormal>本机关共发布信息<span lang=EN-US>12</span>条。<o:p></o:p></p>
        <table class=MsoTableGrid border=1><tr><td><p class=MsoNormal>规章<o:p></o:p></p></td>
        <td><p class=MsoNormal><span lang=EN-US>0<o:p></o:p></span></p></td><td><p class=MsoNormal><o:p>&nbsp;</o:p></p></td></tr>
        </table></div></body></html>
        """)
        #expect(document.paragraphs.map(\.text) == ["一、\u{A0}\u{A0} 总体情况", "本机关共发布信息12条。"])
        #expect(Self.texts(document.tables.first) == [["规章", "0", ""]])
    }

    @Test func malformedHtmlNeverFails() throws {
        let samples = [
            "<table><tr><td>1<td>2<tr><td>3",
            "a < b && c <",
            "<p title=\"never closed>文字",
            "<div " + String(repeating: "x", count: 200_000),
            String(repeating: "<div>", count: 100_000) + "深" + String(repeating: "</div>", count: 10),
            "<td rowspan=99999999999 colspan=-5>x</td>",
            "</table></tr></td><tr>孤立",
            "&#xFFFFFFFF; &#0; &unknown; &",
            "<!-- 未闭合注释",
            "<script>未闭合脚本",
        ]
        for sample in samples {
            _ = try HtmlReader.parse(sample)
        }
        let rows = try HtmlReader.parse(samples[0]).tables.first?.rows.map { $0.cells.map(\.text) }
        #expect(rows == [["1", "2"], ["3", ""]])
        let deep = try HtmlReader.parse(samples[4])
        #expect(deep.paragraphs.map(\.text) == ["深"])
        #expect(try HtmlReader.parse(samples[7]).paragraphs.map(\.text) == ["\u{FFFD} \u{FFFD} &unknown; &"])
    }

    @Test func absurdSpansAreClamped() throws {
        let document = try HtmlReader.parse("<table><tr><td rowspan=\"100000\" colspan=\"100000\">x</td></tr><tr><td>y</td></tr></table>")
        let table = try #require(document.tables.first)
        #expect(table.rows.count == 2)
        #expect(table.rows[0].cells.count == HtmlTableGrid.maxColspan + 1)
        #expect(table.rows[1].cells.last?.text == "y")
    }

    @Test func hugeGridIsRefused() {
        let row = "<tr>" + String(repeating: "<td colspan=100>x</td>", count: 30) + "</tr>"
        let html = "<table>" + String(repeating: row, count: 100) + "</table>"
        #expect(throws: DocumentProblem.self) { try HtmlReader.parse(html) }
    }

    @Test func readsThroughDocumentReader() throws {
        let bytes = Array("<p>六、其他需要报告的事项</p>".utf8)
        let document = try DocumentReader.read(bytes: bytes, format: .html).get()
        #expect(document.paragraphs.map(\.text) == ["六、其他需要报告的事项"])
    }
}
