import ArgumentParser
import Foundation
import OgiwatchCheck
import OgiwatchJournal
import OgiwatchLedger
import OgiwatchService

/// `ogiwatch run`: the service. Watches drop folders, checks each complete file once, keeps
/// a ledger and writes findings to the journal.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "监视投放目录：新报告完整写入后自动检查，结果写入 systemd 日志和台账。",
        discussion: "退出状态：0 收到 SIGTERM 后正常停止；2 配置、规则或台账无法使用。SIGHUP 重新加载配置和规则。"
    )

    @Option(help: "监视的目录（可重复；递归监视），与配置文件中的 watch 合并")
    var watch: [String] = []

    @Option(help: "稳定等待时间，如 2s、250ms（默认 2s）")
    var settle: String?

    @OptionGroup var service: ServiceOptions

    func run() throws {
        let settings = try loadSettings()
        let rules = try settings.loadRules()
        let ledger = try Ledger(directory: try settings.preparedStateDirectory())
        let daemon = Daemon(config: settings, loadConfig: service.config == nil ? nil : loadSettings, rules: rules,
                            ledger: ledger, journal: JournalWriter())
        throw ExitCode(daemon.run())
    }

    /// The config file (if any) with the command line on top.
    func loadSettings() throws(ServiceConfigError) -> ServiceConfig {
        var settings = try service.settings()
        settings.watch += watch
        if let settle {
            settings.settleSeconds = try ConfigValue(node: .init(settle), key: "--settle").duration()
        }
        return try settings.validated()
    }
}
