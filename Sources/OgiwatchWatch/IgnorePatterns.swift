/// Basename patterns for files that are never reports: editor locks, transfer temporaries and
/// desktop litter. Matched on bytes with `*` and `?`, ASCII letters case-insensitively
/// (Windows clients write `THUMBS.DB` as readily as `Thumbs.db`).
public struct IgnorePatterns: Sendable, Equatable {
    public var patterns: [String]

    /// Office locks, LibreOffice locks, dotfiles (rsync's `.name.XXXXXX`, macOS `._name`,
    /// `.DS_Store`), partial downloads and uploads, and NAS/desktop metadata.
    public static let defaults: [String] = [
        "~$*", ".~lock.*#", ".*", "*.tmp", "*.part", "*.filepart", "*.crdownload",
        "Thumbs.db", "desktop.ini", "@eaDir",
    ]

    public init(_ patterns: [String] = IgnorePatterns.defaults) {
        self.patterns = patterns
        compiled = patterns.map { Array($0.utf8) }
    }

    private var compiled: [[UInt8]]

    public func matches(_ baseName: [UInt8]) -> Bool {
        compiled.contains { Self.glob($0[...], baseName[...]) }
    }

    static func glob(_ pattern: ArraySlice<UInt8>, _ name: ArraySlice<UInt8>) -> Bool {
        var p = pattern.startIndex, n = name.startIndex
        var starP: Int?, starN = name.startIndex
        while n < name.endIndex {
            if p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") {
                starP = p
                starN = n
                p += 1
            } else if p < pattern.endIndex, pattern[p] == UInt8(ascii: "?") || fold(pattern[p]) == fold(name[n]) {
                p += 1
                n += 1
            } else if let star = starP {
                p = star + 1
                starN += 1
                n = starN
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.endIndex
    }

    private static func fold(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
