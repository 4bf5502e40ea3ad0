import OgiwatchEvents
import OgiwatchJournal
import OgiwatchLedger
import OgiwatchWatch

/// Sends recorded versions to the journal and notes in the ledger that they went out. The
/// ledger is the outbox: a version journald did not take (down, stopped, far behind) stays
/// unannounced there and goes out with `catchUp`, oldest first, when journald answers again,
/// also after a restart. Nothing counts as sent that journald did not take.
final class Announcer {
    private let ledger: Ledger
    private let journal: JournalWriter
    private var entries: VersionEntries
    /// Sent, but the ledger could not note it (disk full): noted at the next chance, and
    /// never sent again meanwhile.
    private var unmarked: [Int64] = []
    /// Set while anything waits (versions in the ledger, held entries, unmarked ids): when
    /// to try again, and the delay after that.
    private(set) var retry: (due: Double, delay: Double)?
    /// Versions whose first try failed and that went out later, for the recovery note.
    private var caughtUp = 0

    /// Starts with a catch-up due at once: a previous run may have left versions unsent.
    init(ledger: Ledger, journal: JournalWriter, messageID: @escaping (String) -> String) {
        self.ledger = ledger
        self.journal = journal
        self.entries = VersionEntries(messageID: messageID)
        retry = (MonotonicClock.now(), 1)
    }

    func use(messageID: @escaping (String) -> String) { entries = VersionEntries(messageID: messageID) }

    /// How a new version is recorded: held while older ones wait, so it goes out after them
    /// and its first send is not marked as a re-send.
    var stateForNewVersion: Announcement { retry == nil ? .underway : .held }

    /// Sends a version just recorded, unless older ones wait; then it waits its turn.
    func announce(_ version: RecordedVersion, original: RecordedVersion?) {
        guard version.announcement == .underway else { return }
        // Refused (no journald, as in a run by hand): shown on stderr too, and still kept.
        if case .failed = send(version, original: original, resent: false) {
            for entry in entries.entries(for: version, original: original, resent: false) { journal.writeFallback(entry) }
        }
    }

    /// Sends what waits, oldest first, for at most `budgetSeconds`; called by the service
    /// loop when `retry` is due.
    func catchUp(budgetSeconds: Double = 0.25) {
        let stop = MonotonicClock.now() + budgetSeconds
        guard markSent(), journal.sendHeld() else { return postpone() }
        do {
            while MonotonicClock.now() < stop {
                let waiting = try ledger.unannounced(limit: 64)
                if waiting.isEmpty { return recovered() }
                for version in waiting {
                    let original = try version.duplicateOf.flatMap { id throws(LedgerError) in try ledger.version(id: id) }
                    guard send(version, original: original, resent: version.announcement == .underway) == .delivered,
                          markSent() else { return postpone() }
                    caughtUp += 1
                }
            }
            retry = (MonotonicClock.now(), retry?.delay ?? 1)
        } catch {
            journal.send(.event(.skipped, priority: .error, message: "台账读取失败：\(error.description)"))
            postpone()
        }
    }

    /// Sends a version's entries and, once journald took them, notes it in the ledger (or
    /// keeps its id to note later).
    private func send(_ version: RecordedVersion, original: RecordedVersion?, resent: Bool) -> JournalDelivery {
        let delivery = journal.deliver(entries.entries(for: version, original: original, resent: resent))
        if delivery == .delivered {
            unmarked.append(version.id)
            _ = markSent()
        } else if retry == nil {
            retry = (MonotonicClock.now() + 1, 1)
        }
        return delivery
    }

    /// Notes sent versions in the ledger; false while it cannot be written.
    private func markSent() -> Bool {
        guard !unmarked.isEmpty else { return true }
        do {
            try ledger.markAnnounced(unmarked)
            unmarked.removeAll()
            return true
        } catch {
            if retry == nil { retry = (MonotonicClock.now() + 1, 1) }
            return false
        }
    }

    private func postpone() {
        let delay = min((retry?.delay ?? 0.5) * 2, 30)
        retry = (MonotonicClock.now() + delay, delay)
    }

    private func recovered() {
        retry = nil
        guard caughtUp > 0 else { return }
        journal.send(.event(.journalRecovered, priority: .notice,
                            message: "补发了 \(caughtUp) 份文件此前未写入 systemd 日志的检查记录（OGIWATCH_RESENT=1 的记录可能与先前的重复）",
                            fields: [.init("OGIWATCH_RESENT_VERSIONS", String(caughtUp))]))
        caughtUp = 0
    }
}
