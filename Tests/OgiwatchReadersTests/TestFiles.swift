import Foundation

/// Fixtures made on the spot: re-encoded seeds and hostile files in a throw-away directory.
enum TestFiles {
    struct ConversionFailed: Error {
        var encoding: String
        var status: Int32
    }

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

    /// Encodes `text` with the system `iconv` tool, an encoder independent of the decoder's
    /// code path (the command line converts *from* UTF-8).
    static func iconv(_ text: String, to encoding: String) throws -> [UInt8] {
        try withTemporaryDirectory { directory in
            let source = try write(Array(text.utf8), to: "source.txt", in: directory)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
            process.arguments = ["-f", "UTF-8", "-t", encoding, source]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw ConversionFailed(encoding: encoding, status: process.terminationStatus)
            }
            return [UInt8](data)
        }
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
