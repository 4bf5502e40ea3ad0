import Foundation

/// Hands entries to journald from a thread of its own and waits for it a bounded time.
/// `sd_journal_sendv` blocks while journald is stopped or far behind; here that costs the
/// service loop at most `patience` once, after which intake and shutdown go on and what was
/// not sent is kept for later. Called from one thread, the service loop.
public final class JournalWriter: @unchecked Sendable {
    private let journal: Journal
    private let patience: Double
    private let condition = NSCondition()
    /// Guarded by `condition`: the batch the sending thread holds, and how its last one went.
    private var job: [[[UInt8]]]?
    private var outcome: JournalDelivery?
    /// Health and housekeeping entries journald did not take, oldest first; service loop only.
    private var held: [JournalEntry] = []
    private static let maxHeld = 10_000

    public init(journal: Journal = Journal(), patience: Double = 2) {
        self.journal = journal
        self.patience = patience
        Thread.detachNewThread { [self] in serve() }
    }

    /// Sends `entries` in order. Returns `delivered` only when journald took every one.
    public func deliver(_ entries: [JournalEntry], fileID: String = #fileID, line: Int = #line,
                        function: String = #function) -> JournalDelivery {
        let records = entries.map { journal.records($0, fileID: fileID, line: line, function: function) }
        condition.lock()
        defer { condition.unlock() }
        // An earlier batch is still blocked in journald: this one would only queue behind it.
        guard job == nil else { return .stalled }
        job = records
        outcome = nil
        condition.broadcast()
        let deadline = Date(timeIntervalSinceNow: patience)
        while outcome == nil, condition.wait(until: deadline) {}
        guard let result = outcome else { return .stalled }
        outcome = nil
        return result
    }

    /// Sends a health or housekeeping entry. One journald did not take is held and sent by
    /// `sendHeld` (after any held before it); a refused one is also written to stderr, where a
    /// run without journald shows it.
    public func send(_ entry: JournalEntry, fileID: String = #fileID, line: Int = #line, function: String = #function) {
        if held.isEmpty {
            let result = deliver([entry], fileID: fileID, line: line, function: function)
            if result == .delivered { return }
            if case .failed = result { journal.fallback(Journal.line(entry)) }
        }
        if held.count < Self.maxHeld { held.append(entry) }
    }

    /// True while entries wait for journald.
    public var isHolding: Bool { !held.isEmpty }

    /// Sends held entries, oldest first; returns true when none is left.
    @discardableResult
    public func sendHeld() -> Bool {
        while let first = held.first {
            guard deliver([first]) == .delivered else { return false }
            held.removeFirst()
        }
        return true
    }

    /// Writes the fallback line for an entry the caller keeps to send again.
    public func writeFallback(_ entry: JournalEntry) { journal.fallback(Journal.line(entry)) }

    private func serve() {
        condition.lock()
        while true {
            guard let records = job else {
                condition.wait()
                continue
            }
            condition.unlock()
            let result = journal.deliver(records)
            condition.lock()
            job = nil
            outcome = result
            condition.broadcast()
        }
    }
}
