/// The kinds of entry ogiwatch writes besides findings. Each has a fixed `MESSAGE_ID`, so an
/// operator can select a class with `journalctl MESSAGE_ID=…` and a catalog can explain it.
public enum JournalEvent: String, Sendable, CaseIterable {
    case checked
    case duplicate
    case skipped
    case rescan
    case rootLost = "root-lost"
    case rootRecovered = "root-recovered"
    case watchLimit = "watch-limit"
    case configReloaded = "config-reloaded"
    case configRejected = "config-rejected"
    case started
    case stopping
    case ledgerUnwritable = "ledger-unwritable"
    case ledgerRecovered = "ledger-recovered"
    case journalRecovered = "journal-recovered"

    public var messageID: String {
        switch self {
        case .checked: "965c5a5250ff4b6194f44b41455ff79d"
        case .duplicate: "b5406ec2cbe24e8fba7820a1cdf15101"
        case .skipped: "057e103bbcb44c6eb5ce49bd3d3ed172"
        case .rescan: "08000a94cca24d7bbcf407bc6867853d"
        case .rootLost: "0c4037f7b7c34f1595520f7753b62490"
        case .rootRecovered: "a7ead0277d1a4ddc96088ec936ebee80"
        case .watchLimit: "6d542278a2414aa6a2ab71751c5efecf"
        case .configReloaded: "b4e4372b41374a7f98b915a0add72df4"
        case .configRejected: "f889686d26234c53905b390c3cb4ab8a"
        case .started: "bae065ad643c4715ba8a90e82b1bb9b8"
        case .stopping: "889ee68ac7c84713bd917ef78c6181e0"
        case .ledgerUnwritable: "0fae2627507649bc89d7eeea2fb6a16d"
        case .ledgerRecovered: "856a5281b94d4f83a9d8714b27802b6d"
        case .journalRecovered: "61d3132359b0493a8d19d082a1803df8"
        }
    }
}
