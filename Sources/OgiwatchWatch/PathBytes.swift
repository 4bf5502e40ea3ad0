import OgiwatchText

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

    /// Calls `body` with the path as a NUL-terminated C string, for the system calls.
    static func withCString<T>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        (path + [0]).withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

    /// A readable, unambiguous rendering for logs and journal messages (see `SafeText`).
    public static func display(_ path: [UInt8]) -> String {
        SafeText.escaped(path)
    }
}
