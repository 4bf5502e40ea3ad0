import CSystemd
import Glibc
import OgiwatchWatch

/// Writes entries to the systemd journal with `sd_journal_sendv`, and to stderr as one
/// readable line when no journald is listening, so nothing is lost and the service never
/// stops over logging.
public struct Journal: Sendable {
    /// Receives the fallback line; stderr in production.
    public var fallback: @Sendable (String) -> Void
    /// False forces the fallback (for tests of the fallback form).
    public var useJournald: Bool

    public init(useJournald: Bool = true, fallback: @escaping @Sendable (String) -> Void = Journal.writeStderr) {
        self.useJournald = useJournald
        self.fallback = fallback
    }

    public func send(_ entry: JournalEntry, fileID: String = #fileID, line: Int = #line, function: String = #function) {
        var records: [[UInt8]] = [
            Array("MESSAGE=\(entry.message)".utf8),
            Array("PRIORITY=\(entry.priority)".utf8),
            Array("MESSAGE_ID=\(entry.messageID)".utf8),
            Array("SYSLOG_IDENTIFIER=ogiwatch".utf8),
            Array("CODE_FILE=\(fileID)".utf8),
            Array("CODE_LINE=\(line)".utf8),
            Array("CODE_FUNC=\(function)".utf8),
        ]
        for field in entry.fields { records.append(Array("\(field.name)=".utf8) + field.value) }
        if useJournald, Self.sendv(records) { return }
        fallback(Self.line(entry))
    }

    /// `<P>message [FIELD=value …]`: the `<P>` prefix is what journald parses when stderr is
    /// connected to it, and field values are escaped like the message.
    public static func line(_ entry: JournalEntry) -> String {
        let fields = entry.fields.map { "\($0.name)=\(PathBytes.display($0.value))" }.joined(separator: " ")
        return "<\(entry.priority)>\(PathBytes.display(Array(entry.message.utf8))) [\(fields)]"
    }

    public static let writeStderr: @Sendable (String) -> Void = { text in
        let bytes = Array((text + "\n").utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    private static func sendv(_ records: [[UInt8]]) -> Bool {
        var buffers = records.map { record in
            let pointer = UnsafeMutableRawPointer.allocate(byteCount: max(record.count, 1), alignment: 1)
            record.withUnsafeBytes { pointer.copyMemory(from: $0.baseAddress!, byteCount: record.count) }
            return iovec(iov_base: pointer, iov_len: record.count)
        }
        defer { for buffer in buffers { buffer.iov_base.deallocate() } }
        return buffers.withUnsafeMutableBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) } >= 0
    }
}
