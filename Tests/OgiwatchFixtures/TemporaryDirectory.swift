import Foundation
import Glibc

/// A directory under the system temporary directory, removed with everything in it when the
/// value goes away.
public final class TemporaryDirectory {
    public let path: String

    public init(_ prefix: String = "ogiwatch-pkg") throws {
        var template = Array((NSTemporaryDirectory() + "/\(prefix).XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        path = String(cString: made)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
