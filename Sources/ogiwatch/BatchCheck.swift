import Dispatch
import Foundation
import OgiwatchCheck

/// Checks files on every core, keeping the results in input order.
enum BatchCheck {
    static func run(_ files: [String], checker: Checker, onEach: @escaping @Sendable () -> Void) -> [CheckResult] {
        let results = ResultSlots(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            results.set(i, checker.check(path: files[i]))
            onEach()
        }
        return results.all()
    }
}

/// Thread-safe slots for results written by concurrent workers.
final class ResultSlots: @unchecked Sendable {
    private var slots: [CheckResult?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ result: CheckResult) {
        lock.lock()
        slots[i] = result
        lock.unlock()
    }

    func all() -> [CheckResult] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
