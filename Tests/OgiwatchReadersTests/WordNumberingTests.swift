import OgiwatchCore
import OgiwatchFixtures
import Testing
@testable import OgiwatchReaders

/// Headings numbered by Word's list numbering carry no `一、` in their text; the reader draws
/// the label as Word does.
@Suite struct WordNumberingTests {
    static let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#

    /// Abstract 1: level 0 `%1、` in Chinese counting, level 1 `（%1）`. Abstract 2: `%1.`
    /// decimal. Instances 10 and 11 share abstract 1; 12 restarts it at 1; 20 is decimal.
    static let numbering = """
    <w:numbering \(w)>
    <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="2">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="3">
    <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
    </w:abstractNum>
    <w:num w:numId="10"><w:abstractNumId w:val="1"/></w:num>
    <w:num w:numId="11"><w:abstractNumId w:val="1"/></w:num>
    <w:num w:numId="12"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
    <w:num w:numId="20"><w:abstractNumId w:val="2"/></w:num>
    <w:num w:numId="30"><w:abstractNumId w:val="3"/></w:num>
    </w:numbering>
    """

    static let styles = """
    <w:styles \(w)>
    <w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="20"/></w:numPr></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style>
    </w:styles>
    """

    func paragraphs(_ body: String, numbering: String? = numbering, styles: String? = nil) throws -> [String] {
        let xml = "<w:document \(Self.w)><w:body>\(body)</w:body></w:document>"
        let bytes = try DocxWriter.package(documentXML: xml, numberingXML: numbering, stylesXML: styles)
        return try DocxReader.read(bytes: bytes, limits: .standard).paragraphs.map(\.text)
    }

    func p(_ text: String, num: String? = nil, level: Int? = nil, style: String? = nil) -> String {
        var pPr = style.map { #"<w:pStyle w:val="\#($0)"/>"# } ?? ""
        if let num {
            pPr += "<w:numPr>" + (level.map { #"<w:ilvl w:val="\#($0)"/>"# } ?? "") + #"<w:numId w:val="\#(num)"/></w:numPr>"#
        }
        return "<w:p><w:pPr>\(pPr)</w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
    }

    @Test func headingsGetTheLabelsWordDraws() throws {
        let body = p("总体情况", num: "10", level: 0) + p("主动公开", num: "10", level: 1) + p("依申请公开", num: "10", level: 1)
            + p("正文。") + p("主动公开政府信息情况", num: "10", level: 0) + p("第一项", num: "10", level: 1)
        let got = try paragraphs(body)
        #expect(got == ["一、总体情况", "（一） 主动公开", "（二） 依申请公开", "正文。", "二、主动公开政府信息情况", "（一） 第一项"])
    }

    @Test func instancesOfOneDefinitionContinueUnlessOneRestarts() throws {
        let body = p("甲", num: "10", level: 0) + p("乙", num: "11", level: 0) + p("丙", num: "12", level: 0) + p("丁", num: "12", level: 0)
        #expect(try paragraphs(body) == ["一、甲", "二、乙", "一、丙", "二、丁"])
    }

    @Test func emptyNumberedParagraphsStillCount() throws {
        let body = p("甲", num: "20") + p("", num: "20") + p("丙", num: "20")
        #expect(try paragraphs(body) == ["1. 甲", "3. 丙"])
    }

    @Test func stylesNumberTheirParagraphsThroughBasedOn() throws {
        let body = p("总体情况", style: "MyHeading") + p("不编号", num: "0", style: "MyHeading") + p("主动公开政府信息情况", style: "Heading1")
        #expect(try paragraphs(body, styles: Self.styles) == ["1. 总体情况", "不编号", "2. 主动公开政府信息情况"])
    }

    @Test func bulletsUnknownListsAndMissingPartsAddNothing() throws {
        #expect(try paragraphs(p("要点", num: "30")) == ["要点"])
        #expect(try paragraphs(p("要点", num: "99")) == ["要点"])
        #expect(try paragraphs(p("要点", num: "10"), numbering: nil) == ["要点"])
    }

    @Test func aBrokenNumberingPartIsReportedByName() throws {
        #expect(throws: DocumentProblem.self) { try paragraphs(p("要点", num: "10"), numbering: "<w:numbering \(Self.w)><w:num>") }
        do {
            _ = try paragraphs(p("要点", num: "10"), numbering: "<w:numbering \(Self.w)><w:num>")
        } catch let problem as DocumentProblem {
            #expect(problem.reason.contains("word/numbering.xml"))
        }
    }

    @Test(arguments: [
        (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (12, "chineseCountingThousand", "十二"),
        (3, "decimalEnclosedCircle", "③"), (2, "ideographTraditional", "乙"), (4, "lowerRoman", "iv"),
        (28, "upperLetter", "BB"), (7, "decimalFullWidth", "７"), (5, "decimal", "5"), (5, "somethingNew", "5"),
    ])
    func formatsCountersAsWordDoes(value: Int, format: String, expected: String) {
        #expect(WordNumbering.format(value, format) == expected)
    }
}
