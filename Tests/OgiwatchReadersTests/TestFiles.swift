import Foundation

/// Fixtures made on the spot: re-encoded seeds and hostile files in a throw-away directory.
enum TestFiles {
    /// Runs `body` with a fresh directory that is removed afterwards, whatever happens.
    static func withTemporaryDirectory<R>(_ body: (String) throws -> R) throws -> R {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ogiwatch-readers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url.path)
    }

    /// Writes `bytes` to `directory/name` and returns the path.
    @discardableResult
    static func write(_ bytes: [UInt8], to name: String, in directory: String) throws -> String {
        let path = directory + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// `count` bytes from the kernel's random source.
    static func randomBytes(_ count: Int) throws -> [UInt8] {
        let source = try FileHandle(forReadingFrom: URL(fileURLWithPath: "/dev/urandom"))
        defer { try? source.close() }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count, let chunk = try source.read(upToCount: count - bytes.count), !chunk.isEmpty {
            bytes += chunk
        }
        return bytes
    }
}
