import ArgumentParser
import Foundation
import OgiwatchService

/// `ogiwatch rules catalog`: the journal message catalog (systemd's catalog format, read by
/// `journalctl -x`) for every rule of the loaded rule set and every event the service logs.
/// Packaging writes it to /usr/lib/systemd/catalog/ogiwatch.catalog, so the catalog always
/// matches the rules it ships.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "输出 journalctl -x 使用的日志消息目录（每条规则和每种服务事件一条）。",
        discussion: "安装包把输出写入 /usr/lib/systemd/catalog/ogiwatch.catalog，再运行 journalctl --update-catalog。"
    )

    @OptionGroup var rules: RuleOptions

    @Option(help: "目录条目的 Support: 行")
    var support = "man:ogiwatch(8)"

    func run() throws {
        let set = try rules.load()
        print(MessageCatalog.catalog(ruleSet: set, support: support), terminator: "")
    }
}
