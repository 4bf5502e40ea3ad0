import Foundation
import Glibc

/// A scratch directory removed when the test ends.
final class TempDirectory {
    let path: String
    var bytes: [UInt8] { Array(path.utf8) }

    init() throws {
        var template = Array("/tmp/ogiwatch-watch-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        path = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func url(_ name: String) -> URL { URL(fileURLWithPath: path).appendingPathComponent(name) }

    /// Writes `content` under the raw byte name `name` (which may hold any byte but `/` and NUL).
    func write(name: [UInt8], _ content: [UInt8]) {
        let full = bytes + [UInt8(ascii: "/")] + name + [0]
        let fd = full.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) } }
        precondition(fd >= 0, "cannot create test file")
        _ = content.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }
}
