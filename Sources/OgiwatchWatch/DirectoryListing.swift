import Glibc

/// Lists one directory's entry names as raw bytes. Kept to one level: the watcher recurses
/// itself so it can add each directory's watch before listing it.
enum DirectoryListing {
    /// Entry names except `.` and `..`, or the errno when the directory cannot be opened.
    static func names(_ directory: [UInt8]) -> Result<[[UInt8]], WatchError> {
        let handle = PathBytes.withCString(directory) { opendir($0) }
        guard let handle else { return .failure(.system(call: "opendir", errno: errno, path: directory)) }
        defer { closedir(handle) }
        var names: [[UInt8]] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            names.append(name)
        }
        return .success(names)
    }
}
