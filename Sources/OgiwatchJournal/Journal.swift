import CSystemd
import Glibc
import OgiwatchText

/// Writes entries to the systemd journal with `sd_journal_sendv`, and to stderr as one
/// readable line when no journald is listening, so a run by hand shows what it found. What
/// went to stderr was not sent: `deliver` says so, and the service keeps it to send again.
public struct Journal: Sendable {
    /// Receives the fallback line; stderr in production.
    public var fallback: @Sendable (String) -> Void
    /// False forces the fallback (for tests of the fallback form).
    public var useJournald: Bool

    public init(useJournald: Bool = true, fallback: @escaping @Sendable (String) -> Void = Journal.writeStderr) {
        self.useJournald = useJournald
        self.fallback = fallback
    }

    /// Sends to journald, or writes the fallback line when journald did not take the entry.
    public func send(_ entry: JournalEntry, fileID: String = #fileID, line: Int = #line, function: String = #function) {
        if deliver([records(entry, fileID: fileID, line: line, function: function)]) == .delivered { return }
        fallback(Self.line(entry))
    }

    /// The `FIELD=value` records of an entry as `sd_journal_sendv` takes them, with the
    /// caller's code location (the C macro would add it; Swift cannot call the macro).
    public func records(_ entry: JournalEntry, fileID: String, line: Int, function: String) -> [[UInt8]] {
        var records: [[UInt8]] = [
            Array("MESSAGE=\(entry.message)".utf8),
            Array("PRIORITY=\(entry.priority.rawValue)".utf8),
            Array("MESSAGE_ID=\(entry.messageID)".utf8),
            Array("SYSLOG_IDENTIFIER=ogiwatch".utf8),
            Array("CODE_FILE=\(fileID)".utf8),
            Array("CODE_LINE=\(line)".utf8),
            Array("CODE_FUNC=\(function)".utf8),
        ]
        for field in entry.fields { records.append(Array("\(field.name)=".utf8) + field.value) }
        return records
    }

    /// Sends entries in order, stopping at the first one journald does not take. May block
    /// while journald is stopped or behind: `JournalWriter` calls it from a thread of its own.
    public func deliver(_ entries: [[[UInt8]]]) -> JournalDelivery {
        guard useJournald else { return .failed(errno: ENOTCONN) }
        for records in entries {
            let result = Self.sendv(records)
            if result < 0 { return .failed(errno: -result) }
        }
        return .delivered
    }

    /// `<P>message [FIELD=value …]`: the `<P>` prefix is what journald parses when stderr is
    /// connected to it, and field values are escaped like the message.
    public static func line(_ entry: JournalEntry) -> String {
        let fields = entry.fields.map { "\($0.name)=\(SafeText.escaped($0.value))" }.joined(separator: " ")
        return "<\(entry.priority.rawValue)>\(SafeText.escaped(Array(entry.message.utf8))) [\(fields)]"
    }

    public static let writeStderr: @Sendable (String) -> Void = { text in
        let bytes = Array((text + "\n").utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    private static func sendv(_ records: [[UInt8]]) -> Int32 {
        var buffers = records.map { record in
            let pointer = UnsafeMutableRawPointer.allocate(byteCount: max(record.count, 1), alignment: 1)
            record.withUnsafeBytes { pointer.copyMemory(from: $0.baseAddress!, byteCount: record.count) }
            return iovec(iov_base: pointer, iov_len: record.count)
        }
        defer { for buffer in buffers { buffer.iov_base.deallocate() } }
        return buffers.withUnsafeMutableBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
    }
}
