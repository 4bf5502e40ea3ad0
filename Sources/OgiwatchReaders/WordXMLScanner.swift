import OgiwatchCore

/// What the scanner reports to: the Word body builder, and the readers of the numbering and
/// style parts.
protocol WordXMLHandler: AnyObject {
    /// Text is decoded only while this holds.
    var wantsText: Bool { get }
    /// Set when the handler refuses the part; the scan stops at the next element.
    var problem: DocumentProblem? { get }
    /// An element starts; `tag` is nil for elements no handler reacts to, `value` is its
    /// `w:val` attribute and `key` the identifier attribute a numbering or style definition
    /// carries (`w:abstractNumId`, `w:numId`, `w:ilvl`, `w:styleId`).
    func start(_ tag: WordTag?, value: String?, key: String?)
    func end(_ tag: WordTag?)
    func characters(_ string: String)
}

/// A UTF-8 XML tokenizer for the parts of a `.docx`, written for the one job of reading Word
/// bodies fast: it resolves namespaces, decodes the five predefined entities and character
/// references, checks that tags nest, and decodes text only where the builder asks for it.
///
/// FoundationXML's parser reads about 16 MB/s and turns every attribute into a dictionary;
/// this reads the same documents several times faster. What it does not do is deliberate:
/// DOCTYPE and ENTITY declarations never reach it (`WordXMLPreflight` refuses them), so
/// there is no DTD, no external entity and no entity expansion to get wrong.
struct WordXMLScanner {
    /// Deeper nesting than any Word document; beyond it the file is built to exhaust the stack.
    static let maxDepth = 4_096
    /// Word declares a few dozen namespaces; a prefix is looked up among those in scope, so
    /// thousands of declarations would make every element slow (a document built to hang).
    static let maxBindings = 1_000
    private static let xmlns = Array("xmlns".utf8)
    private static let val = Array("val".utf8)
    private static let keys = ["abstractNumId", "numId", "ilvl", "styleId"].map { Array($0.utf8) }
    private static let commentStart = Array("<!--".utf8), commentEnd = Array("-->".utf8)
    private static let cdataStart = Array("<![CDATA[".utf8), cdataEnd = Array("]]>".utf8)
    private static let instructionEnd = Array("?>".utf8)

    /// XML's whitespace; shared with `WordXMLPreflight`.
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private struct Open {
        var nameStart: Int
        var nameEnd: Int
        var bindings: Int
    }

    private struct Binding {
        var prefix: [UInt8]
        var uri: String
    }

    /// Calls `builder` for every element and for the text inside it; `part` names the part in
    /// the message when the XML is not well formed.
    static func scan<Handler: WordXMLHandler>(_ xml: [UInt8], part: String = DocxReader.documentPart,
                                             into builder: Handler) throws(DocumentProblem) {
        var failure: (offset: Int, reason: String)?
        xml.withUnsafeBufferPointer { buffer in
            var scanner = Cursor(bytes: buffer, builder: builder)
            failure = scanner.run()
        }
        if let failure {
            let line = xml[..<min(failure.offset, xml.count)].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw DocumentProblem(.unreadable, "Word 文档 XML 损坏：\(part) 第 \(line) 行无法解析（\(failure.reason)）")
        }
    }

    private struct Cursor<Handler: WordXMLHandler> {
        let bytes: UnsafeBufferPointer<UInt8>
        let builder: Handler
        var index = 0
        var open: [Open] = []
        var bindings: [Binding] = []
        var rootClosed = false

        init(bytes: UnsafeBufferPointer<UInt8>, builder: Handler) {
            self.bytes = bytes
            self.builder = builder
            if bytes.starts(with: WordXMLPreflight.utf8BOM) { index = WordXMLPreflight.utf8BOM.count }
        }

        /// Nil when the document is well formed, else where and why it is not.
        mutating func run() -> (offset: Int, reason: String)? {
            while index < bytes.count {
                if builder.problem != nil { return nil }
                if bytes[index] != UInt8(ascii: "<") {
                    if let failure = text() { return failure }
                    continue
                }
                let start = index
                let failure: String?
                switch byte(at: index + 1) {
                case UInt8(ascii: "/"): failure = endTag()
                case UInt8(ascii: "?"): failure = skip(past: WordXMLScanner.instructionEnd, what: "处理指令")
                case UInt8(ascii: "!"):
                    if matches(WordXMLScanner.commentStart) {
                        failure = skip(past: WordXMLScanner.commentEnd, what: "注释")
                    } else if matches(WordXMLScanner.cdataStart) {
                        failure = cdata()
                    } else {
                        failure = "不支持的声明"
                    }
                default: failure = startTag()
                }
                if let failure { return (start, failure) }
            }
            if let last = open.last { return (last.nameStart, "文件在元素结束之前截止") }
            if !rootClosed { return (index, "没有根元素") }
            return nil
        }

        private func byte(at position: Int) -> UInt8? {
            position < bytes.count ? bytes[position] : nil
        }

        private func matches(_ literal: [UInt8]) -> Bool {
            guard index + literal.count <= bytes.count else { return false }
            for (offset, b) in literal.enumerated() where bytes[index + offset] != b { return false }
            return true
        }

        private mutating func skip(past terminator: [UInt8], what: String) -> String? {
            index += 2
            while index + terminator.count <= bytes.count {
                if bytes[index] == terminator[0], matches(terminator) {
                    index += terminator.count
                    return nil
                }
                index += 1
            }
            return "\(what)没有结束"
        }

        private mutating func cdata() -> String? {
            let start = index + WordXMLScanner.cdataStart.count
            index = start
            let end = WordXMLScanner.cdataEnd
            while index + 3 <= bytes.count {
                if bytes[index] == end[0], matches(end) {
                    if open.isEmpty { return "根元素之外有文字" }
                    if builder.wantsText {
                        builder.characters(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    }
                    index += 3
                    return nil
                }
                index += 1
            }
            return "CDATA 没有结束"
        }

        /// Character data up to the next `<`.
        private mutating func text() -> (offset: Int, reason: String)? {
            let start = index
            var hasReference = false
            while index < bytes.count, bytes[index] != UInt8(ascii: "<") {
                if bytes[index] == UInt8(ascii: "&") { hasReference = true }
                index += 1
            }
            if open.isEmpty {
                let stray = bytes[start..<index].contains { !WordXMLScanner.isSpace($0) }
                return stray ? (start, "根元素之外有文字") : nil
            }
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
            // A reference is checked even in text nobody reads: a bad one is not well formed.
            if !hasReference {
                if builder.wantsText { builder.characters(String(decoding: slice, as: UTF8.self)) }
                return nil
            }
            guard let decoded = Self.decodeReferences(slice) else { return (start, "无法识别的实体引用") }
            if builder.wantsText { builder.characters(decoded) }
            return nil
        }

        private static func isNameEnd(_ b: UInt8) -> Bool {
            WordXMLScanner.isSpace(b) || b == UInt8(ascii: ">") || b == UInt8(ascii: "/")
                || b == UInt8(ascii: "=")
        }

        private mutating func skipSpace() {
            while index < bytes.count, WordXMLScanner.isSpace(bytes[index]) { index += 1 }
        }

        private mutating func name() -> Range<Int>? {
            let start = index
            while index < bytes.count, !Self.isNameEnd(bytes[index]) { index += 1 }
            return index > start ? start..<index : nil
        }

        private mutating func startTag() -> String? {
            if rootClosed { return "根元素之后还有元素" }
            guard open.count < WordXMLScanner.maxDepth else { return "元素嵌套超过 \(WordXMLScanner.maxDepth) 层" }
            index += 1
            guard let elementName = name() else { return "元素名无效" }
            let bindingsBefore = bindings.count
            var value: String?
            var key: String?
            var selfClosing = false
            while true {
                skipSpace()
                guard let b = byte(at: index) else { return "标签没有结束" }
                if b == UInt8(ascii: ">") {
                    index += 1
                    break
                }
                if b == UInt8(ascii: "/") {
                    guard byte(at: index + 1) == UInt8(ascii: ">") else { return "标签格式错误" }
                    index += 2
                    selfClosing = true
                    break
                }
                guard let attribute = name() else { return "属性名无效" }
                skipSpace()
                guard byte(at: index) == UInt8(ascii: "=") else { return "属性缺少取值" }
                index += 1
                skipSpace()
                guard let quote = byte(at: index), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                    return "属性值缺少引号"
                }
                index += 1
                let valueStart = index
                while index < bytes.count, bytes[index] != quote {
                    if bytes[index] == UInt8(ascii: "<") { return "属性值中有「<」" }
                    index += 1
                }
                guard index < bytes.count else { return "属性值没有结束" }
                let raw = UnsafeBufferPointer(rebasing: bytes[valueStart..<index])
                index += 1
                let attributeName = UnsafeBufferPointer(rebasing: bytes[attribute])
                if let prefix = Self.namespacePrefix(attributeName) {
                    guard let uri = Self.decodeReferences(raw) else { return "无法识别的实体引用" }
                    guard bindings.count < WordXMLScanner.maxBindings else {
                        return "命名空间声明超过 \(WordXMLScanner.maxBindings) 个"
                    }
                    bindings.append(Binding(prefix: prefix, uri: uri))
                } else {
                    let local = Self.localName(attributeName)
                    if local.elementsEqual(WordXMLScanner.val) {
                        guard let decoded = Self.decodeReferences(raw) else { return "无法识别的实体引用" }
                        value = decoded
                    } else if WordXMLScanner.keys.contains(where: local.elementsEqual) {
                        guard let decoded = Self.decodeReferences(raw) else { return "无法识别的实体引用" }
                        key = decoded
                    }
                }
            }
            let tag = resolve(elementName)
            builder.start(tag, value: value, key: key)
            if selfClosing {
                builder.end(tag)
                bindings.removeSubrange(bindingsBefore...)
                if open.isEmpty { rootClosed = true }
            } else {
                open.append(Open(nameStart: elementName.lowerBound, nameEnd: elementName.upperBound, bindings: bindingsBefore))
            }
            return nil
        }

        private mutating func endTag() -> String? {
            index += 2
            guard let elementName = name() else { return "结束标签无效" }
            skipSpace()
            guard byte(at: index) == UInt8(ascii: ">") else { return "结束标签没有结束" }
            index += 1
            guard let top = open.popLast() else { return "多余的结束标签" }
            let opened = UnsafeBufferPointer(rebasing: bytes[top.nameStart..<top.nameEnd])
            guard opened.elementsEqual(UnsafeBufferPointer(rebasing: bytes[elementName])) else {
                return "结束标签与开始标签不一致"
            }
            builder.end(resolve(elementName))
            bindings.removeSubrange(top.bindings...)
            if open.isEmpty { rootClosed = true }
            return nil
        }

        /// The Word element a qualified name stands for; nil for every other element.
        private func resolve(_ qualified: Range<Int>) -> WordTag? {
            let name = UnsafeBufferPointer(rebasing: bytes[qualified])
            let local = Self.localName(name)
            let prefix = UnsafeBufferPointer(rebasing: name[..<max(name.count - local.count - 1, 0)])
            return WordTag(String(decoding: local, as: UTF8.self)) {
                bindings.last { $0.prefix.elementsEqual(prefix) }?.uri
            }
        }

        private static func localName(_ name: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
            guard let colon = name.lastIndex(of: UInt8(ascii: ":")) else { return name }
            return UnsafeBufferPointer(rebasing: name[(colon + 1)...])
        }

        /// `xmlns` binds the default namespace (prefix empty), `xmlns:w` the prefix `w`.
        private static func namespacePrefix(_ attribute: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
            let xmlns = WordXMLScanner.xmlns
            guard attribute.count >= xmlns.count, attribute[0] == xmlns[0], attribute.starts(with: xmlns) else { return nil }
            if attribute.count == xmlns.count { return [] }
            guard attribute[xmlns.count] == UInt8(ascii: ":") else { return nil }
            return Array(attribute[(xmlns.count + 1)...])
        }

        /// Text with `&amp;`-style and `&#…;` references replaced; nil for an unknown one.
        static func decodeReferences(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
            var out: [UInt8] = []
            out.reserveCapacity(raw.count)
            var i = 0
            while i < raw.count {
                let b = raw[i]
                guard b == UInt8(ascii: "&") else {
                    out.append(b)
                    i += 1
                    continue
                }
                guard let semicolon = raw[i...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else { return nil }
                let entity = String(decoding: UnsafeBufferPointer(rebasing: raw[(i + 1)..<semicolon]), as: UTF8.self)
                switch entity {
                case "amp": out.append(UInt8(ascii: "&"))
                case "lt": out.append(UInt8(ascii: "<"))
                case "gt": out.append(UInt8(ascii: ">"))
                case "quot": out.append(UInt8(ascii: "\""))
                case "apos": out.append(UInt8(ascii: "'"))
                default:
                    guard entity.hasPrefix("#") else { return nil }
                    let digits = entity.dropFirst()
                    let code = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                    guard let code, let scalar = Unicode.Scalar(code), code != 0 else { return nil }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                }
                i = semicolon + 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
