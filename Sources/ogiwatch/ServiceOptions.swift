import ArgumentParser
import OgiwatchService

/// The config file, state directory and rule directories that `run` and `summary` both take,
/// applied on top of the config file in one place so the two always agree.
struct ServiceOptions: ParsableArguments {
    @Option(help: "配置文件（YAML，示例见 Packaging/ogiwatch.yaml）")
    var config: String?

    @Option(help: "状态目录（台账），默认 $STATE_DIRECTORY、/var/lib/ogiwatch 或 ~/.local/state/ogiwatch")
    var state: String?

    @OptionGroup var rules: RuleOptions

    /// The config file (if any) with these options on top, not yet validated.
    func settings() throws(ServiceConfigError) -> ServiceConfig {
        var settings = try config.map { path throws(ServiceConfigError) in try ServiceConfig.load(path: path) } ?? ServiceConfig()
        if let state { settings.stateDirectory = state }
        if let rulesDirectory = rules.rulesDirectory { settings.rulesDirectory = rulesDirectory }
        if let localDirectory = rules.localDirectory { settings.localRulesDirectory = localDirectory }
        return settings
    }
}
