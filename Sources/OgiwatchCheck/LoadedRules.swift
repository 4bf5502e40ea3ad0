import OgiwatchCore

/// A rule set and the files it was read from, shipped first, then local.
public struct LoadedRules: Sendable {
    public var ruleSet: RuleSet
    public var files: [String]

    public init(ruleSet: RuleSet, files: [String]) {
        self.ruleSet = ruleSet
        self.files = files
    }
}
