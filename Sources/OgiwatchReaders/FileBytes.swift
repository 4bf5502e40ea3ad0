import Foundation
import OgiwatchCore

/// Reads a whole file safely. (Replaced by the O_NOFOLLOW/O_NONBLOCK reader.)
enum FileBytes {
    static func read(path: String, maxBytes: Int) throws(DocumentProblem) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DocumentProblem(.unreadable, "无法读取文件")
        }
        return [UInt8](data)
    }
}
