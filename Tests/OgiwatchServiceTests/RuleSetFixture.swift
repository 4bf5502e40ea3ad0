import OgiwatchCheck
import OgiwatchCore
import OgiwatchFixtures

/// The repository's shipped rules, loaded once per call.
enum RuleSetFixture {
    static func ruleSet() throws -> RuleSet {
        try RuleLoader.load(rulesDirectory: RepositoryFiles.rulesDirectory, localDirectory: nil)
    }
}
