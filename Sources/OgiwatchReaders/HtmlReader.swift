import OgiwatchCore

/// Reads `.html` reports as published on government sites (README, "Formats").
///
/// Block text becomes paragraphs and each report table a grid table; a page-layout table
/// gives the paragraphs and tables it holds (`HtmlDocumentBuilder`). Paragraphs and table rows
/// share one running number (`line`), in reading order, because a web page has no line
/// numbers a clerk could use.
public enum HtmlReader {
    public static func read(bytes: [UInt8]) throws(DocumentProblem) -> Document {
        try parse(TextDecoding.decode(bytes, declaredCharset: HtmlCharset.declared(in: bytes)))
    }

    public static func parse(_ html: String) throws(DocumentProblem) -> Document {
        let tokens = HtmlTokenizer.tokens(html)
        var builder = try build(tokens, skipsChrome: true)
        if builder.chromeNeverClosed { builder = try build(tokens, skipsChrome: false) }
        return Document(blocks: builder.blocks, statedTitle: builder.statedTitle, fallbackTitle: builder.pageTitle)
    }

    private static func build(_ tokens: [HtmlTokenizer.Token], skipsChrome: Bool) throws(DocumentProblem) -> HtmlDocumentBuilder {
        var builder = HtmlDocumentBuilder(skipsChrome: skipsChrome)
        for token in tokens {
            switch token {
            case .text(let text):
                builder.text(text)
            case .start(let name, let attributes):
                try builder.start(name, attributes: attributes)
            case .end(let name):
                try builder.end(name)
            }
        }
        try builder.finish()
        return builder
    }
}
