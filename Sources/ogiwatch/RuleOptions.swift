import ArgumentParser
import OgiwatchCheck
import OgiwatchCore

/// Where the rules come from, shared by every command that needs them.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: "规则目录（默认：$OGIWATCH_RULES、/etc/ogiwatch/rules、/usr/share/ogiwatch/rules 或程序旁的 Rules/）")
    var rulesDirectory: String?

    @Option(name: .customLong("local-rules"), help: "本地规则目录：新增规则，或覆盖规则的严重程度和开关")
    var localDirectory: String?

    func load() throws -> RuleSet {
        do {
            return try RuleLoader.load(rulesDirectory: rulesDirectory, localDirectory: localDirectory)
        } catch {
            throw RulesCommand.refuse(error.description)
        }
    }
}
