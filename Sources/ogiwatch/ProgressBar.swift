import Foundation

/// A progress bar on stderr for batch checks, drawn only when stderr is a terminal so that
/// piped output stays clean.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private var done = 0
    private let enabled: Bool
    private let lock = NSLock()

    init(total: Int) {
        self.total = total
        self.enabled = total > 1 && isatty(STDERR_FILENO) == 1
    }

    func advance() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        done += 1
        let width = 30
        let filled = total > 0 ? done * width / total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r检查中 \(bar) \(done)/\(total)".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
