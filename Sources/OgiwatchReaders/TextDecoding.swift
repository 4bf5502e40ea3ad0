import Glibc
import OgiwatchCore

/// Turns the bytes of a text report into a `String`. Clerks export reports from Word, WPS and
/// web pages as UTF-8, UTF-16 or GB18030/GBK and never say which, so the encoding is detected.
/// Anything that is not plausibly text is refused here: rules that run on mojibake or binary
/// data would report misleading findings instead of the real problem.
public enum TextDecoding {
    /// Decodes by byte-order mark, else as UTF-8, else as GB18030 (which covers GBK and GB2312).
    public static func decode(_ bytes: [UInt8]) throws(DocumentProblem) -> String {
        try decode(bytes, declaredCharset: nil)
    }

    /// Decodes a page whose markup names a charset (`<meta charset="gb2312">`). The label is
    /// only a hint: a byte-order mark wins, and CMS migrations leave stale `gb2312` labels on
    /// UTF-8 pages, so valid UTF-8 still decodes as UTF-8. A GB label lets short or unusual
    /// GB text through the check that otherwise guards against decoding garbage as GB18030.
    public static func decode(_ bytes: [UInt8], declaredCharset: String?) throws(DocumentProblem) -> String {
        guard !bytes.isEmpty else {
            throw DocumentProblem(.unreadable, "文件为空（0 字节），可能仍在复制中", looksIncomplete: true)
        }
        let trustGB = declaredCharset.map(isGBLabel) ?? false
        let text = try bytes.withUnsafeBufferPointer { buffer throws(DocumentProblem) in
            if let mark = ByteOrderMark.allCases.first(where: { buffer.starts(with: $0.bytes) }) {
                return try decode(UnsafeBufferPointer(rebasing: buffer[mark.bytes.count...]), marked: mark)
            }
            if let problem = binaryProblem(buffer) { throw problem }
            return try decodeUnmarked(buffer, trustGB: trustGB)
        }
        guard text.unicodeScalars.contains(where: { !isBlank($0) }) else {
            throw DocumentProblem(.unreadable, "文件没有文字内容，只有空白字符")
        }
        return text
    }

    static let unknownEncoding = DocumentProblem(
        .unreadable, "文本编码无法识别：不是 UTF-8、UTF-16 或 GB18030/GBK 文本，请另存为 UTF-8 文本后重新提交")

    private enum ByteOrderMark: CaseIterable {
        // UTF-32 LE must be tried before UTF-16 LE: its mark starts with the same two bytes.
        case utf8, utf32LE, utf32BE, utf16LE, utf16BE

        var bytes: [UInt8] {
            switch self {
            case .utf8: [0xEF, 0xBB, 0xBF]
            case .utf32LE: [0xFF, 0xFE, 0x00, 0x00]
            case .utf32BE: [0x00, 0x00, 0xFE, 0xFF]
            case .utf16LE: [0xFF, 0xFE]
            case .utf16BE: [0xFE, 0xFF]
            }
        }

        var name: String {
            switch self {
            case .utf8: "UTF-8"
            case .utf32LE: "UTF-32LE"
            case .utf32BE: "UTF-32BE"
            case .utf16LE: "UTF-16LE"
            case .utf16BE: "UTF-16BE"
            }
        }
    }

    private static func decode(_ body: UnsafeBufferPointer<UInt8>, marked mark: ByteOrderMark) throws(DocumentProblem) -> String {
        let text: String
        if mark == .utf8 {
            guard let valid = String(validating: body, as: UTF8.self) else {
                if cutUTF8Tail(body) != nil { throw truncated("UTF-8") }
                throw DocumentProblem(.unreadable, "文件以 UTF-8 标记开头，但含有无效的 UTF-8 字节，文件可能已损坏")
            }
            text = valid
        } else {
            do {
                text = try Iconv.toUTF8(body, from: mark.name)
            } catch {
                throw problem(error, encoding: mark.name,
                              invalid: "文件以 \(mark.name) 标记开头，但内容不是有效的 \(mark.name) 文本，文件可能已损坏")
            }
        }
        // Control characters and NULs survive a UTF-16 or UTF-32 decode, so look at the result.
        var utf8 = text
        if let problem = utf8.withUTF8(binaryProblem) { throw problem }
        return text
    }

    private static func decodeUnmarked(_ bytes: UnsafeBufferPointer<UInt8>, trustGB: Bool) throws(DocumentProblem) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        if let cut = cutUTF8Tail(bytes),
           UnsafeBufferPointer(rebasing: bytes[..<(bytes.count - cut)]).contains(where: { $0 >= 0x80 }) {
            throw truncated("UTF-8")
        }
        guard trustGB || looksLikeChineseGB(bytes) else { throw unknownEncoding }
        do {
            return try Iconv.toUTF8(bytes, from: "GB18030")
        } catch {
            throw problem(error, encoding: "GB18030", invalid: unknownEncoding.reason)
        }
    }

    private static func problem(_ failure: Iconv.Failure, encoding: String, invalid: String) -> DocumentProblem {
        switch failure {
        case .truncated: truncated(encoding)
        case .invalid: DocumentProblem(.unreadable, invalid)
        case .unavailable: DocumentProblem(.unreadable, "系统缺少 \(encoding) 编码转换支持（glibc iconv 的 gconv 模块），无法解码该文件")
        }
    }

    private static func truncated(_ encoding: String) -> DocumentProblem {
        DocumentProblem(.unreadable, "文件在一个 \(encoding) 字符中间结束，可能仍在复制中", looksIncomplete: true)
    }

    /// The length of an unfinished multi-byte sequence at the very end (a copy in progress),
    /// or nil when the bytes do not end that way.
    static func cutUTF8Tail(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var start = bytes.count
        while start > 0, bytes.count - start < 3, bytes[start - 1] & 0xC0 == 0x80 { start -= 1 }
        guard start > 0 else { return nil }
        let lead = bytes[start - 1]
        let needed = switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 0
        }
        let present = bytes.count - start + 1
        guard present < needed,
              String(validating: UnsafeBufferPointer(rebasing: bytes[..<(start - 1)]), as: UTF8.self) != nil
        else { return nil }
        return present
    }

    /// NULs and control characters mean binary data; the checks run on bytes because UTF-8 and
    /// GB18030 never use bytes below 0x20 inside a multi-byte character. A run of NULs at the
    /// end is space reserved by a copy that has not finished, so it is reported as incomplete.
    private static func binaryProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> DocumentProblem? {
        guard let base = bytes.baseAddress else { return nil }
        if let nul = memchr(base, 0, bytes.count) {
            let offset = UnsafeRawPointer(nul) - UnsafeRawPointer(base)
            guard bytes[offset...].allSatisfy({ $0 == 0 }) else { return binary }
            return DocumentProblem(.unreadable, offset == 0
                ? "文件全是空字节（NUL），可能仍在复制或写入中"
                : "文件末尾是一段空字节（NUL），可能仍在复制或写入中", looksIncomplete: true)
        }
        // Tab, LF, VT (Word's manual line break), FF (PDF page break) and CR occur in text.
        // Branch-free so the compiler vectorises it: this loop sees every byte of every file.
        var controls: UInt32 = 0
        for byte in bytes {
            controls &+= (byte < 0x20 && !(byte &- 0x09 < 5)) || byte == 0x7F ? 1 : 0
        }
        return Int(controls) * 50 > bytes.count ? binary : nil
    }

    /// Nearly any byte soup is valid GB18030, so Latin-1, Big5 or damaged UTF-8 would decode
    /// into plausible-looking characters. Real Chinese prose keeps almost all of its two-byte
    /// characters in the GB2312 area (common hanzi and full-width punctuation): the seeds score
    /// over 99 %, while Big5, Latin-1 or damaged UTF-8 read as GB score under 60 %.
    static func looksLikeChineseGB(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var common = 0
        var other = 0
        var index = 0
        // A few thousand characters settle the question; the converter checks the rest.
        while index < bytes.count, common + other < 4096 {
            let lead = bytes[index]
            guard lead >= 0x80 else {
                index += 1
                continue
            }
            let trail = index + 1 < bytes.count ? bytes[index + 1] : 0
            if (0x30...0x39).contains(trail) {
                // Four-byte forms (NBSP, rare symbols) say nothing either way.
                index += 4
                continue
            }
            if (0xA1...0xF7).contains(lead), (0xA1...0xFE).contains(trail) { common += 1 } else { other += 1 }
            index += 2
        }
        return common + other < 8 || common * 5 >= (common + other) * 4
    }

    private static let binary = DocumentProblem(
        .unreadable, "文件看起来是二进制数据，不是文本报告，请提供 .txt、.docx 或 .pdf 格式的报告")

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{FEFF}" || scalar == "\u{200B}"
    }

    private static func isGBLabel(_ label: String) -> Bool {
        let key = label.lowercased().filter { !$0.isWhitespace && $0 != "\"" && $0 != "'" }
        return ["gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "windows-936", "csgb2312",
                "chinese", "iso-ir-58", "euc-cn", "gb_2312-80"].contains(key)
    }
}
