import CSystemd
import Glibc

/// Talks to the service manager through `sd_notify`. Outside systemd (no `$NOTIFY_SOCKET`)
/// every call is a cheap no-op, so the same binary runs by hand and as a unit.
public struct Notifier: Sendable {
    public init() {}

    public func ready(status: String) { notify("READY=1\nSTATUS=\(status)") }
    public func status(_ text: String) { notify("STATUS=\(text)") }
    public func watchdog() { notify("WATCHDOG=1") }
    public func stopping() { notify("STOPPING=1") }

    /// `RELOADING=1` with the monotonic time systemd ≥ 253 needs for `Type=notify-reload`.
    public func reloading(monotonicMicroseconds: UInt64) {
        notify("RELOADING=1\nMONOTONIC_USEC=\(monotonicMicroseconds)")
    }

    /// Half of `$WATCHDOG_USEC` in seconds when the manager expects keep-alives from this
    /// process, nil otherwise.
    public var watchdogInterval: Double? {
        var usec: UInt64 = 0
        guard sd_watchdog_enabled(0, &usec) > 0, usec > 0 else { return nil }
        return Double(usec) / 2e6
    }

    private func notify(_ state: String) {
        _ = sd_notify(0, state)
    }
}
