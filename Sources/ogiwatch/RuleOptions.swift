import ArgumentParser
import OgiwatchCheck
import OgiwatchCore

/// Where the rules come from, shared by every command that needs them.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: "规则目录；不给出时依次查找 $OGIWATCH_RULES、/etc/ogiwatch/rules、/usr/share/ogiwatch/rules、程序所在目录及其上四级目录中的 Rules/、当前目录下的 Rules/，用第一个含规则文件（*.yaml）的目录")
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
