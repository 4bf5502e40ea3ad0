import Glibc

/// Conversion to UTF-8 through glibc's `iconv`: it knows GB18030 (a superset of GBK and
/// GB2312) and converts a whole report in one call, far faster than a Swift loop per character.
enum Iconv {
    enum Failure: Error, Equatable {
        /// A byte sequence that is not valid in the source encoding.
        case invalid
        /// The input ends inside a character: the file is probably still being written.
        case truncated
        /// glibc has no converter for the encoding (its gconv modules are missing).
        case unavailable
    }

    /// Every supported source encoding needs at most 1.5 output bytes per input byte (a
    /// 2-byte GBK or UTF-16 unit becomes at most 3 UTF-8 bytes), so one buffer suffices.
    static func toUTF8(_ input: UnsafeBufferPointer<UInt8>, from encoding: String) throws(Failure) -> String {
        guard let source = input.baseAddress, !input.isEmpty else { return "" }
        guard let converter = iconv_open("UTF-8", encoding), Int(bitPattern: converter) != -1 else {
            throw .unavailable
        }
        defer { iconv_close(converter) }

        var failure: Failure?
        let text = String(unsafeUninitializedCapacity: input.count + input.count / 2 + 16) { output in
            guard let target = output.baseAddress else { return 0 }
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: source)
                .assumingMemoryBound(to: CChar.self)
            var inLeft = input.count
            var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(target)
                .assumingMemoryBound(to: CChar.self)
            var outLeft = output.count
            if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
                failure = errno == EINVAL ? .truncated : .invalid
            }
            return output.count - outLeft
        }
        if let failure { throw failure }
        return text
    }
}
