import Foundation

/// A `multipart/alternative` mail as bytes ready for `sendmail -t -i`: LF line endings, pure
/// ASCII headers no longer than 76 characters, both bodies UTF-8 in base64 so no relay,
/// lone `.` or `From ` line can alter them.
public struct MimeMessage: Sendable {
    /// `<…>`, kept so a delivered copy can be found again (and told apart from a resend).
    public let messageID: String
    public let bytes: [UInt8]

    static let lineLimit = 76

    /// `token` makes the boundary and the Message-ID unique; `domain` ends the Message-ID.
    public init(from: String, to: [String], subject: String, date: Date, timeZone: TimeZone, domain: String,
                text: String, html: String, token: String = MimeMessage.randomToken()) throws(SummaryError) {
        for address in [from] + to where !Self.isHeaderSafe(address) || !address.contains("@") {
            throw .badAddress(address)
        }
        guard !to.isEmpty else { throw .badAddress("(no recipient)") }
        let safeDomain = Self.isHostName(domain) ? domain : "localhost"
        let safeToken = token.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        messageID = "<\(MailDate.local(date, timeZone: timeZone).prefix(10).filter(\.isNumber)).\(safeToken).ogiwatch@\(safeDomain)>"
        let boundary = "=_ogiwatch_" + safeToken
        let subjectWords = EncodedWord.encode(subject, firstRoom: Self.lineLimit - "Subject: ".count)
        var lines = [
            "Date: " + MailDate.header(date, timeZone: timeZone),
            Self.fold("From: " + from),
            Self.fold("To: " + to.joined(separator: ", ")),
            "Subject: " + subjectWords.joined(separator: "\n "),
            "Message-ID: " + messageID,
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
            "Precedence: bulk",
            "Content-Type: multipart/alternative;\n boundary=\"\(boundary)\"",
            "",
        ]
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            lines += ["--" + boundary, "Content-Type: \(type); charset=UTF-8", "Content-Transfer-Encoding: base64", ""]
            lines += Self.base64Lines(body)
        }
        lines.append("--" + boundary + "--")
        bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// 16 hex digits: unguessable enough that no body line can equal the boundary.
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(generator.next() as UInt64, radix: 16)
    }

    static func base64Lines(_ text: String) -> [String] {
        let encoded = Array(Data(text.utf8).base64EncodedString().utf8)
        return stride(from: 0, to: encoded.count, by: lineLimit).map { start in
            String(decoding: encoded[start..<min(start + lineLimit, encoded.count)], as: UTF8.self)
        }
    }

    /// Folds an ASCII header at spaces so each line stays within 76 characters where the words allow.
    static func fold(_ header: String) -> String {
        var lines: [String] = []
        var line = ""
        for word in header.split(separator: " ", omittingEmptySubsequences: false) {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= lineLimit {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n ")
    }

    static func isHeaderSafe(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value != 0x7f }
    }

    static func isHostName(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 253
            && text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == ".") }
    }
}
