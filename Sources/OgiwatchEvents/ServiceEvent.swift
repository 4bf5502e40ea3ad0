/// What the service reports besides findings: the one list the journal (`OGIWATCH_EVENT`,
/// `MESSAGE_ID`), the ledger's health table, the daily summary and the message catalog all
/// name, so a kind cannot be spelt two ways. The raw values are what operators type in
/// `journalctl OGIWATCH_EVENT=…` and what the ledger stores: never change one.
public enum ServiceEvent: String, Sendable, CaseIterable {
    case checked
    case duplicate
    case skipped
    /// A file in a drop folder that is not a report (a spreadsheet, a picture): noted once.
    case notReport = "not-a-report"
    case rescan
    case rootLost = "root-lost"
    case rootRecovered = "root-recovered"
    case watchLimit = "watch-limit"
    case watchFailed = "watch-failed"
    case configReloaded = "config-reloaded"
    case configRejected = "config-rejected"
    case started
    case stopping
    case ledgerUnwritable = "ledger-unwritable"
    case ledgerRecovered = "ledger-recovered"
    case journalRecovered = "journal-recovered"

    /// Fixed per kind, so `journalctl MESSAGE_ID=…` selects a class and the catalog explains it.
    public var messageID: String {
        switch self {
        case .checked: "965c5a5250ff4b6194f44b41455ff79d"
        case .duplicate: "b5406ec2cbe24e8fba7820a1cdf15101"
        case .skipped: "057e103bbcb44c6eb5ce49bd3d3ed172"
        case .notReport: "98ad67bcd4a4496abbae73a4b68a6371"
        case .rescan: "08000a94cca24d7bbcf407bc6867853d"
        case .rootLost: "0c4037f7b7c34f1595520f7753b62490"
        case .rootRecovered: "a7ead0277d1a4ddc96088ec936ebee80"
        case .watchLimit: "6d542278a2414aa6a2ab71751c5efecf"
        case .watchFailed: "0e952cb33c0641dbb4dcbb5b6214f86d"
        case .configReloaded: "b4e4372b41374a7f98b915a0add72df4"
        case .configRejected: "f889686d26234c53905b390c3cb4ab8a"
        case .started: "bae065ad643c4715ba8a90e82b1bb9b8"
        case .stopping: "889ee68ac7c84713bd917ef78c6181e0"
        case .ledgerUnwritable: "0fae2627507649bc89d7eeea2fb6a16d"
        case .ledgerRecovered: "856a5281b94d4f83a9d8714b27802b6d"
        case .journalRecovered: "61d3132359b0493a8d19d082a1803df8"
        }
    }

    /// Kinds that mean something went wrong with the watching itself, as opposed to routine
    /// reloads and recoveries: the summary is sent for them even on a day without findings.
    public var isTrouble: Bool {
        switch self {
        case .rootLost, .watchLimit, .watchFailed, .configRejected: true
        default: false
        }
    }
}
