import Foundation
import Glibc

/// Writes a finished mail so a reader (the mail unit, `ls`) sees either the old file or the
/// whole new one: a temporary file in the same directory, fsync, rename, then fsync of the
/// directory so the rename itself survives a power cut (as maildir(5) delivers).
public enum SummaryFile {
    /// `<state>/summaries/<day>.eml`.
    public static func defaultPath(stateDirectory: String, day: SummaryDay) -> String {
        (stateDirectory as NSString).appendingPathComponent("summaries/\(day.name).eml")
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(SummaryError) {
        let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: path, reason: String(describing: error))
        }
        var template = Array((directory + "/." + (path as NSString).lastPathComponent + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: String?
        if fchmod(fd, 0o640) != 0 { failure = "chmod: " + String(cString: strerror(errno)) }
        var offset = 0
        while failure == nil, offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0, errno != EINTR { failure = "write: " + String(cString: strerror(errno)) }
            if written > 0 { offset += written }
        }
        if failure == nil, fsync(fd) != 0 { failure = "fsync: " + String(cString: strerror(errno)) }
        close(fd)
        if failure == nil, rename(temporary, path) != 0 { failure = "rename: " + String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw .cannotWrite(path: path, reason: failure)
        }
        let directoryFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryFD >= 0 {
            fsync(directoryFD)
            close(directoryFD)
        }
    }
}
