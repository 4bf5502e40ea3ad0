import Foundation

/// The operating system's reason behind a Foundation file error (「Permission denied」), for
/// messages of our own in Chinese: Foundation's own text is English and names the path again.
enum SystemReason {
    static func of(_ error: Error) -> String? {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? any Error
        return underlying.map { String(cString: strerror(Int32(($0 as NSError).code))) }
    }
}
