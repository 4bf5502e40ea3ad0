import Glibc

/// Reads the inotify limits from `/proc/sys`, so a limit error can print the exact sysctl line.
/// Returns nil where `/proc/sys` is hidden (for example under `ProcSubset=pid`).
enum KernelLimits {
    static func read(_ path: String) -> Int? {
        guard let file = fopen(path, "re") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 64)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return nil }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Int(text.filter(\.isNumber))
    }
}
