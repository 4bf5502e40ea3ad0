/// Renders untrusted bytes (file names, organ names, text taken from a report) so that they
/// cannot forge a log line, a terminal sequence or a reversed file name, and can still be
/// searched for: the journal, the daemon's messages and the daily summary all spell names
/// this one way.
public enum SafeText {
    /// Printable UTF-8 stays; a newline becomes `\n`, a backslash `\\`, and other control
    /// bytes, C1 controls, line separators, bidirectional controls and invalid UTF-8 become
    /// `\xNN`.
    public static func escaped(_ bytes: [UInt8]) -> String {
        var out = ""
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let width = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            if width == 1 {
                switch byte {
                case UInt8(ascii: "\\"): out += "\\\\"
                case UInt8(ascii: "\n"): out += "\\n"
                case 0..<0x20, 0x7f: out += hex(byte)
                default: out.unicodeScalars.append(Unicode.Scalar(byte))
                }
                index += 1
            } else if width > 1, index + width <= bytes.count,
                      let scalar = scalar(bytes[index..<(index + width)]), !isHidden(scalar) {
                out.unicodeScalars.append(scalar)
                index += width
            } else {
                out += hex(byte)
                index += 1
            }
        }
        return out
    }

    private static func scalar(_ bytes: ArraySlice<UInt8>) -> Unicode.Scalar? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator), iterator.next() == nil else { return nil }
        return scalar
    }

    /// C1 controls, line separators and the bidirectional controls that can make a name read
    /// backwards (`exe.txt` shown as `txt.exe`).
    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x80...0x9f, 0x2028, 0x2029, 0x200e, 0x200f, 0x202a...0x202e, 0x2066...0x2069, 0xfeff: true
        default: false
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16)
        return "\\x" + (digits.count == 1 ? "0" + digits : digits)
    }
}
