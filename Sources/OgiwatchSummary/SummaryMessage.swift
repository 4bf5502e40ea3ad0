import Foundation

/// Who the daily mail is from and to, and how its subject starts: the config's `summary:`
/// section, with defaults that deliver locally on a fresh install.
public struct SummaryMessage: Sendable {
    public var from: String?
    public var to: [String]
    public var subjectPrefix: String
    public var host: String

    public init(from: String? = nil, to: [String] = [], subjectPrefix: String = "ogiwatch", host: String = SummaryMessage.hostName()) {
        self.from = from
        self.to = to
        self.subjectPrefix = subjectPrefix
        self.host = host
    }

    /// This machine's name as a mail domain; `localhost` when it is not a plain host name.
    public static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return MimeMessage.isHostName(name) ? name : "localhost"
    }

    /// The finished mail for `summary`. Without `to:`, the mail goes to the local root
    /// mailbox, which Debian's MTAs forward to the administrator.
    public func message(for summary: DailySummary, token: String = MimeMessage.randomToken()) throws(SummaryError) -> MimeMessage {
        let subject = summary.subject(prefix: subjectPrefix)
        return try MimeMessage(from: from ?? "ogiwatch <ogiwatch@\(host)>", to: to.isEmpty ? ["root@localhost"] : to,
                               subject: subject, date: summary.generatedAt, timeZone: summary.day.timeZone, domain: host,
                               text: SummaryText.render(summary, subject: subject),
                               html: SummaryHTML.render(summary, subject: subject), token: token)
    }
}
