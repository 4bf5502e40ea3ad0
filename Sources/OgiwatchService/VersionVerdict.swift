import OgiwatchLedger

extension RecordedVersion {
    /// The one-word outcome the journal's `OGIWATCH_VERDICT` and `ogiwatch history` print.
    public var verdict: String {
        switch status {
        case .duplicate: "重复文件"
        case .unreadable: "无法读取"
        case .checked: findings.isEmpty ? "未发现问题" : "发现问题"
        }
    }
}
