/// Why a file could not be turned into a `Document`.
///
/// A problem is not a crash and not a command failure: the checker turns it into a finding
/// under `rule`, so a clerk sees which file was refused and why.
public struct DocumentProblem: Error, Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The bytes cannot be read or parsed (empty, truncated, hostile, not a report).
        case unreadable = "DOC.UNREADABLE"
        /// The format is recognised but ogiwatch does not read it.
        case unsupported = "DOC.UNSUPPORTED"
        /// A PDF with no text layer (a scan): nothing to check without OCR.
        case noTextLayer = "DOC.NO_TEXT_LAYER"
    }

    public var kind: Kind
    /// A sentence in Chinese that says what is wrong and, where possible, what to do.
    public var reason: String
    /// True when the file looks cut short (a copy still in progress): a watcher should retry
    /// it later instead of reporting it.
    public var looksIncomplete: Bool

    public init(_ kind: Kind, _ reason: String, looksIncomplete: Bool = false) {
        self.kind = kind
        self.reason = reason
        self.looksIncomplete = looksIncomplete
    }

    public var rule: String { kind.rawValue }
}
