import Foundation
import Testing
@testable import OgiwatchReaders

/// The word-box parser on the exact shape of `pdftotext -bbox-layout` output and on
/// everything that is not quite it.
@Suite struct PdfWordBoxParserTests {
    static func output(head: String = "<title></title>", body: String) -> [UInt8] {
        Array("""
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml">
        <head>
        \(head)
        </head>
        <body>
        <doc>
        \(body)
        </doc>
        </body>
        </html>

        """.utf8)
    }

    static func word(_ text: String, _ box: String = #"xMin="90.100000" yMin="71.950000" xMax="283.100000" yMax="86.250000""#) -> String {
        """
          <page width="612.000000" height="792.000000">
            <flow>
              <block xMin="90.100000" yMin="71.950000" xMax="283.100000" yMax="86.250000">
                <line xMin="90.100000" yMin="71.950000" xMax="283.100000" yMax="86.250000">
                  <word \(box)>\(text)</word>
                </line>
              </block>
            </flow>
          </page>
        """
    }

    static func failure(_ bytes: [UInt8]) -> PdfWordBoxParser.Failure? {
        do {
            _ = try PdfWordBoxParser.parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func pagesWordsAndBoxesAreRead() throws {
        let empty = #"<page width="595.000000" height="842.000000">  </page>"#
        let layout = try PdfWordBoxParser.parse(Self.output(body: Self.word("政府信息") + empty))
        #expect(layout.pages.count == 2)
        #expect(layout.pages[0] == PdfPage(width: 612, height: 792, words: [
            PdfWord(text: "政府信息", box: PdfBox(xMin: 90.1, yMin: 71.95, xMax: 283.1, yMax: 86.25)),
        ]))
        #expect(layout.pages[1].words.isEmpty && layout.pages[1].width == 595)
    }

    @Test func entitiesAndCharacterReferencesAreDecoded() throws {
        let layout = try PdfWordBoxParser.parse(Self.output(body: Self.word("A&amp;B&lt;C&gt;&quot;&apos;&#20013;&#x6587;")))
        #expect(layout.pages[0].words[0].text == "A&B<C>\"'中文")
    }

    /// Poppler copies the PDF's title into the head unescaped; whatever it holds is skipped.
    @Test func theHeadMayHoldAnything() throws {
        let head = "<title>\u{FF}\u{FE}</head><doc><page width=\"1\" height=\"1\"></title><meta name=\"Creator\" content=\"<&>\"/>"
        let layout = try PdfWordBoxParser.parse(Self.output(head: head, body: Self.word("正文")))
        #expect(layout.pages.map(\.words.count) == [1])
    }

    @Test(arguments: [
        ("no head", Array("<html><body><doc></doc></body></html>".utf8), PdfWordBoxParser.Failure.notWordBoxes),
        ("unknown element", output(body: "<page width=\"1\" height=\"1\"><table></table></page>"), .unexpected(offset: 0)),
        ("missing attribute", output(body: word("x", #"xMin="1" yMin="1" xMax="2""#)), .unexpected(offset: 0)),
        ("repeated attribute", output(body: word("x", #"xMin="1" xMin="1" yMin="1" xMax="2" yMax="2""#)), .unexpected(offset: 0)),
        ("exponent", output(body: word("x", #"xMin="1e3" yMin="1" xMax="2" yMax="2""#)), .unexpected(offset: 0)),
        ("not a number", output(body: word("x", #"xMin="-" yMin="1" xMax="2" yMax="2""#)), .badNumber(offset: 0)),
        ("huge", output(body: word("x", #"xMin="1" yMin="1" xMax="99999999" yMax="2""#)), .badNumber(offset: 0)),
        ("inverted box", output(body: word("x", #"xMin="3" yMin="1" xMax="2" yMax="2""#)), .badNumber(offset: 0)),
        ("unknown entity", output(body: word("&nbsp;")), .badText(offset: 0)),
        ("bare ampersand", output(body: word("a & b")), .badText(offset: 0)),
        ("truncated", Array(output(body: word("x")).dropLast(40)), .unexpected(offset: 0)),
        ("trailing junk", output(body: word("x")) + Array("<p>".utf8), .unexpected(offset: 0)),
        ("zero page", output(body: "<page width=\"0\" height=\"792\"></page>"), .badNumber(offset: 0)),
    ])
    func malformedOutputIsRefused(name: String, bytes: [UInt8], expected: PdfWordBoxParser.Failure) {
        let failure = Self.failure(bytes)
        #expect(failure.map { Self.kind($0) } == Self.kind(expected), "\(name): \(String(describing: failure))")
    }

    @Test func invalidUTF8IsRefused() {
        let valid = Self.output(body: Self.word("BAD"))
        let marker = Array("BAD".utf8)
        let at = (0...(valid.count - 3)).first { Array(valid[$0..<($0 + 3)]) == marker } ?? 0
        let broken = Array(valid[..<at]) + [0xC3, 0x28] + Array(valid[(at + 3)...])
        #expect(Self.failure(broken).map { Self.kind($0) } == "badText")
    }

    @Test func pagesAreBounded() {
        let page = #"<page width="1" height="1"></page>"#
        let bytes = Self.output(body: String(repeating: page, count: PdfWordBoxParser.maxPages + 1))
        #expect(Self.failure(bytes) == .tooManyPages)
    }

    /// Random damage to valid output never crashes the parser: it parses or it fails.
    @Test func damagedOutputNeverCrashes() {
        var generator = SystemRandomNumberGenerator()
        let valid = Self.output(body: Self.word("政府&amp;信息") + Self.word("12"))
        for _ in 0..<3_000 {
            var bytes = valid
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: index)
                default: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: index)
                }
            }
            _ = try? PdfWordBoxParser.parse(bytes)
        }
        _ = try? PdfWordBoxParser.parse([])
    }

    static func kind(_ failure: PdfWordBoxParser.Failure) -> String {
        switch failure {
        case .notWordBoxes: "notWordBoxes"
        case .unexpected: "unexpected"
        case .badNumber: "badNumber"
        case .badText: "badText"
        case .tooManyPages: "tooManyPages"
        case .tooManyWords: "tooManyWords"
        }
    }
}
