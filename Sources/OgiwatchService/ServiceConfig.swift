import Foundation
import OgiwatchCheck
import OgiwatchCore
import OgiwatchReaders
import OgiwatchWatch
import Yams

/// Everything `ogiwatch run` needs, from `--config FILE` or from defaults plus `--watch`, so
/// that `ogiwatch run --watch DIR` works with no file at all. The documented example is
/// `Packaging/ogiwatch.yaml`.
public struct ServiceConfig: Equatable, Sendable {
    public var watch: [String] = []
    public var rulesDirectory: String?
    public var localRulesDirectory: String?
    public var stateDirectory: String?
    public var settleSeconds: Double = 2
    /// Patterns added to (or, with `default_ignores: false`, replacing) the built-in list.
    public var ignore: [String] = []
    public var defaultIgnores = true
    public var maxFileBytes: Int = 64 << 20
    public var incompleteRetries = 3
    public var incompleteRetrySeconds: Double?
    /// LibreOffice's `soffice` for .doc and .wps files; nil looks in the usual places.
    public var soffice: String?
    public var summary = SummarySettings()

    static let keys: Set<String> = ["watch", "rules", "local_rules", "state", "settle", "ignore", "default_ignores",
                                    "limits", "soffice", "summary"]
    static let limitKeys: Set<String> = ["max_file_size", "incomplete_retries", "incomplete_retry_interval"]

    public init() {}

    public init(yaml text: String) throws(ServiceConfigError) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ServiceConfigError(key: "(文件)", problem: Self.syntaxProblem(error))
        }
        guard let root else { return }
        let fields = try ConfigValue(node: root, key: "").mapping(allowed: Self.keys)
        if let value = fields["watch"] { watch = try value.strings() }
        if let value = fields["rules"] { rulesDirectory = try value.string() }
        if let value = fields["local_rules"] { localRulesDirectory = try value.string() }
        if let value = fields["state"] { stateDirectory = try value.string() }
        if let value = fields["settle"] { settleSeconds = try value.duration() }
        if let value = fields["ignore"] { ignore = try value.strings() }
        if let value = fields["default_ignores"] { defaultIgnores = try value.bool() }
        if let value = fields["soffice"] { soffice = try value.string() }
        if let value = fields["summary"] { summary = try SummarySettings(value) }
        if let value = fields["limits"] {
            let limits = try value.mapping(allowed: Self.limitKeys)
            if let size = limits["max_file_size"] { maxFileBytes = try size.size() }
            if let retries = limits["incomplete_retries"] { incompleteRetries = try retries.integer(atLeast: 0) }
            if let interval = limits["incomplete_retry_interval"] { incompleteRetrySeconds = try interval.duration() }
        }
    }

    public static func load(path: String) throws(ServiceConfigError) -> ServiceConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ServiceConfigError(key: "(文件)", problem: "无法读取 \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ServiceConfigError(key: "(文件)", problem: "\(path) 不是 UTF-8 文本")
        }
        return try ServiceConfig(yaml: text)
    }

    /// The checks that need the file system: something to watch, absolute paths.
    public func validated() throws(ServiceConfigError) -> ServiceConfig {
        guard !watch.isEmpty else { throw ServiceConfigError(key: "watch", problem: "没有要监视的目录（用 --watch 目录 或在配置文件中写 watch:）") }
        return self
    }

    /// The part that shapes the watcher; a reload that changes it starts a fresh watcher.
    var watchSettings: ServiceConfig {
        var settings = self
        settings.rulesDirectory = nil
        settings.localRulesDirectory = nil
        settings.soffice = nil
        settings.summary = SummarySettings()
        return settings
    }

    var ignorePatterns: IgnorePatterns {
        IgnorePatterns((defaultIgnores ? IgnorePatterns.defaults : []) + ignore)
    }

    /// `state:`, else `$STATE_DIRECTORY` (systemd's StateDirectory=), else `/var/lib/ogiwatch` for
    /// root, else the XDG state home.
    public func resolvedStateDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let stateDirectory { return stateDirectory }
        if let systemd = environment["STATE_DIRECTORY"], !systemd.isEmpty {
            return String(systemd.split(separator: ":").first ?? Substring(systemd))
        }
        if geteuid() == 0 { return "/var/lib/ogiwatch" }
        if let xdg = environment["XDG_STATE_HOME"], !xdg.isEmpty { return xdg + "/ogiwatch" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state/ogiwatch"
    }

    /// Where the YAML breaks, in the words of the rule files' own syntax errors: the line,
    /// then libyaml's description.
    static func syntaxProblem(_ error: Error) -> String {
        switch error as? YamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            "第 \(mark.line) 行不是有效的 YAML（\(problem)），请检查缩进、冒号和括号"
        default:
            "不是有效的 YAML（\(error)）"
        }
    }

    /// The state directory, created when missing, for the service that writes the ledger there.
    public func preparedStateDirectory() throws(ServiceConfigError) -> String {
        let directory = resolvedStateDirectory()
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            let reason = SystemReason.of(error) ?? "无法创建"
            throw ServiceConfigError(key: "state", problem: "无法创建状态目录 \(directory)（\(reason)）：请确认上级目录存在且可写，或用 --state 指定其他目录")
        }
        return directory
    }

    /// Watched roots as absolute byte paths without a trailing slash: inotify reports names
    /// relative to them, and every key in the ledger starts with one.
    public var rootPaths: [[UInt8]] {
        watch.map { path in
            let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
            var bytes = Array(absolute.utf8)
            while bytes.count > 1, bytes.last == UInt8(ascii: "/") { bytes.removeLast() }
            return bytes
        }
    }

    /// The rule set this configuration names, with its files.
    public func loadRules() throws(RuleLoadError) -> LoadedRules {
        try RuleLoader.loadFiles(rulesDirectory: rulesDirectory, localDirectory: localRulesDirectory)
    }

    /// The checker for `ruleSet` under this configuration's size limit and converter.
    public func checker(_ ruleSet: RuleSet) -> Checker {
        Checker(ruleSet: ruleSet, limits: ReadLimits(maxFileBytes: maxFileBytes),
                converter: soffice.map { OfficeConverter(executable: $0) } ?? .installed)
    }
}
