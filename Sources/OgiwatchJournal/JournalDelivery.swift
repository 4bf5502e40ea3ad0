/// Whether journald took a batch of entries. Only `delivered` counts as sent: the service
/// keeps anything else to send again.
public enum JournalDelivery: Sendable, Equatable {
    case delivered
    /// journald refused an entry or is not listening (an errno from `sd_journal_sendv`).
    case failed(errno: Int32)
    /// journald did not take the entries within the writer's patience: it is stopped or far
    /// behind. Some of them may arrive later.
    case stalled
}
