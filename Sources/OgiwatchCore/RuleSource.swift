/// One rule file's text and where it came from.
public struct RuleSource: Sendable {
    public var name: String
    var text: String
    /// Local files may replace shipped rules with the same id; shipped files may not clash.
    var isLocal: Bool

    public init(name: String, text: String, isLocal: Bool = false) {
        self.name = name
        self.text = text
        self.isLocal = isLocal
    }
}
