import OgiwatchCore
import OgiwatchFixtures
import Testing
@testable import OgiwatchReaders

/// Pages published in GBK, as many government sites still do.
@Suite struct HtmlEncodingTests {
    @Test(arguments: HtmlSeedRoundTripTests.seeds)
    func gbkPageReadsBackToTheSameTables(seed: String) throws {
        let original = PlainTextReader.parse(try ReferenceReports.seedText(seed))
        let bytes = try HtmlWriter.bytes(original, encoding: .gbk)
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        HtmlSeedRoundTripTests.expectSameTables(original, try HtmlReader.read(bytes: bytes))
    }
}

@Suite struct HtmlCharsetTests {
    @Test func declaredCharsetIsFound() {
        #expect(HtmlCharset.declared(in: Array("<html><head><META http-equiv=\"Content-Type\" content=\"text/html; charset=GB2312\">".utf8)) == "gb2312")
        #expect(HtmlCharset.declared(in: Array("<meta name=x><meta charset='utf-8'/>".utf8)) == "utf-8")
        #expect(HtmlCharset.declared(in: Array("<p>charset=gbk</p>".utf8)) == nil)
    }

    @Test func shortGbkPageDecodesByItsLabel() throws {
        let html = "<meta charset=\"gbk\"><p>无</p>"
        let bytes = Array("<meta charset=\"gbk\"><p>".utf8) + [0xCE, 0xDE] + Array("</p>".utf8)
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        #expect(try HtmlReader.read(bytes: bytes).paragraphs.map(\.text) == ["无"])
        #expect(try HtmlReader.parse(html).paragraphs.map(\.text) == ["无"])
    }
}
