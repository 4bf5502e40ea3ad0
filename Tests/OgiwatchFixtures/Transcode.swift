import Foundation

/// Converts UTF-8 text to another encoding with glibc's `iconv` command, independently of
/// the decoder under test (which converts *from* those encodings in-process).
public enum Transcode {
    public struct Failed: Error, CustomStringConvertible {
        public var encoding: String
        public var status: Int32
        public var description: String { "iconv to \(encoding) failed with status \(status)" }
    }

    public static func iconv(_ text: String, to encoding: String) throws -> [UInt8] {
        let source = FileManager.default.temporaryDirectory.appendingPathComponent("ogiwatch-iconv-\(UUID().uuidString)")
        try Data(text.utf8).write(to: source)
        defer { try? FileManager.default.removeItem(at: source) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", encoding, source.path]
        let stdout = Pipe()
        process.standardOutput = stdout
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failed(encoding: encoding, status: process.terminationStatus) }
        return [UInt8](output)
    }
}
