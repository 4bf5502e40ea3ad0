/// Helpers for paths kept as raw bytes: a file name is whatever bytes the kernel holds, and
/// Swift `String` equality would merge NFC/NFD twins, so state is keyed by `[UInt8]`.
public enum PathBytes {
    /// `dir/name`, without doubling a trailing slash.
    public static func join(_ directory: [UInt8], _ name: [UInt8]) -> [UInt8] {
        var path = directory
        if path.last != UInt8(ascii: "/") { path.append(UInt8(ascii: "/")) }
        path.append(contentsOf: name)
        return path
    }

    /// The last path component.
    public static func baseName(_ path: [UInt8]) -> [UInt8] {
        guard let slash = path.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return Array(path[(slash + 1)...])
    }

    /// True when `path` is `directory` itself or lies below it.
    public static func isWithin(_ path: [UInt8], _ directory: [UInt8]) -> Bool {
        guard path.starts(with: directory) else { return false }
        return path.count == directory.count || path[directory.count] == UInt8(ascii: "/")
            || directory.last == UInt8(ascii: "/")
    }

    /// A readable, unambiguous rendering for logs and journal messages: printable UTF-8 stays,
    /// a newline becomes `\\n`, a backslash `\\\\`, and other control bytes and invalid UTF-8
    /// become `\\xNN`, so a name cannot forge a log line or a terminal sequence.
    public static func display(_ path: [UInt8]) -> String {
        var out = ""
        var index = 0
        while index < path.count {
            let byte = path[index]
            let width = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            if width == 1 {
                switch byte {
                case UInt8(ascii: "\\"): out += "\\\\"
                case UInt8(ascii: "\n"): out += "\\n"
                case 0..<0x20, 0x7f: out += hexEscape(byte)
                default: out.unicodeScalars.append(Unicode.Scalar(byte))
                }
                index += 1
            } else if width > 1, index + width <= path.count,
                      let scalar = decodeScalar(path[index..<(index + width)]), !isControl(scalar) {
                out.unicodeScalars.append(scalar)
                index += width
            } else {
                out += hexEscape(byte)
                index += 1
            }
        }
        return out
    }

    private static func decodeScalar(_ bytes: ArraySlice<UInt8>) -> Unicode.Scalar? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator), iterator.next() == nil else { return nil }
        return scalar
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x80...0x9f).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    private static func hexEscape(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16)
        return "\\x" + (hex.count == 1 ? "0" + hex : hex)
    }
}
