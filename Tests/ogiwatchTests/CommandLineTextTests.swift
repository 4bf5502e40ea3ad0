import Foundation
import OgiwatchFixtures
import Testing

/// What the command line says when it is used wrongly or given nothing to do: in Chinese,
/// like its help, with exit status 2.
@Suite struct CommandLineTextTests {
    typealias Run = CheckCommandTests.Run

    static func ogiwatch(_ arguments: [String]) throws -> Run { try CheckCommandTests.ogiwatch(arguments) }

    /// No English sentence of the parser left: every line that is not a command or a path is CJK.
    static func expectNoEnglish(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for phrase in ["Error", "Usage", "Help:", "Unknown", "Missing", "Unexpected", "invalid", "Please provide", "See '",
                       "OVERVIEW", "USAGE", "OPTIONS", "ARGUMENTS", "SUBCOMMANDS", "Show help", "default:", "values:",
                       "for detailed help", "<subcommand>"] {
            #expect(!text.contains(phrase), "English left: \(phrase) in\n\(text)", sourceLocation: sourceLocation)
        }
    }

    @Test func anUnknownOptionNamesItAndShowsTheUsage() throws {
        let run = try Self.ogiwatch(["--nosuch"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "错误：未知选项 --nosuch\n用法：ogiwatch <子命令>\n  详见 ogiwatch --help。\n")
    }

    @Test func aMissingArgumentABadValueAndAMissingValue() throws {
        let missing = try Self.ogiwatch(["check"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("错误：缺少参数 <paths> ...\n说明：<paths>  报告文件或目录\n用法：ogiwatch check <paths> ..."))
        #expect(missing.stderr.hasSuffix("\n  详见 ogiwatch check --help。\n"))

        let bad = try Self.ogiwatch(["check", "--format", "xml", "report.txt"])
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("错误：--format <format> 的值「xml」无效；可用的值：text、json\n"), "\(bad.stderr)")

        let noValue = try Self.ogiwatch(["check", "report.txt", "--fail-on"])
        #expect(noValue.status == 2)
        #expect(noValue.stderr.hasPrefix("错误：选项 --fail-on <fail-on> 缺少值\n"), "\(noValue.stderr)")

        let unknown = try Self.ogiwatch(["chekc", "report.txt"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("错误：多余的参数 chekc、report.txt（不是已知的子命令或参数）\n"), "\(unknown.stderr)")
        for run in [missing, bad, noValue, unknown] { Self.expectNoEnglish(run.stderr) }
    }

    /// The service's commands begin their errors like every other command, and say in
    /// Chinese what to do.
    @Test func serviceCommandErrorsBeginLikeTheOthers() throws {
        let status = try Self.ogiwatch(["status", "--state", "/nonexistent/ogiwatch-state"])
        #expect(status.status == 2)
        #expect(status.stderr.hasPrefix("错误：无法打开台账 /nonexistent/ogiwatch-state/ledger.sqlite："), "\(status.stderr)")
        #expect(status.stderr.hasSuffix("（请确认状态目录存在且可写，或用 --state 指定 ogiwatch run 使用的状态目录）\n"))
        let run = try Self.ogiwatch(["run", "--watch", "/tmp", "--state", "/proc/ogiwatch-nosuch"] + CheckCommandTests.rules)
        #expect(run.status == 2)
        #expect(run.stderr == "错误：配置项 'state'：无法创建状态目录 /proc/ogiwatch-nosuch（No such file or directory）：请确认上级目录存在且可写，或用 --state 指定其他目录\n")
        let summary = try Self.ogiwatch(["summary", "--state", "/nonexistent/ogiwatch-state", "--date", "2026-01-01", "--output", "-"])
        #expect(summary.status == 2)
        #expect(summary.stderr.hasPrefix("错误：找不到台账 /nonexistent/ogiwatch-state/ledger.sqlite"), "\(summary.stderr)")
    }

    /// An empty organ name would list every organ's reports.
    @Test func historyRefusesAnEmptyName() throws {
        let run = try Self.ogiwatch(["history", " ", "--state", "/nonexistent/ogiwatch-state"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("错误：请给出报告文件路径或机关名称（不能为空）\n"), "\(run.stderr)")
    }

    /// An error of a command that parsed says what is wrong, not the root's usage line.
    @Test func anUnknownRuleIsNamedWithoutTheUsage() throws {
        let run = try Self.ogiwatch(["rules", "explain", "NOSUCH"] + CheckCommandTests.rules)
        #expect(run.status == 2)
        #expect(run.stderr == "错误：没有规则 NOSUCH；用 `ogiwatch rules list` 查看全部规则\n")
    }

    @Test func helpIsChineseAndSaysWhereRulesAreLookedUp() throws {
        let root = try Self.ogiwatch(["--help"])
        #expect(root.status == 0)
        #expect(root.stdout.hasPrefix("概述：检查政府信息公开工作年度报告"))
        #expect(root.stdout.contains("\n子命令：\n"))
        let check = try Self.ogiwatch(["check", "--help"])
        #expect(check.stdout.contains("\n选项：\n"))
        #expect(check.stdout.contains("（可选值：text、json；默认：text）"))
        #expect(check.stdout.contains("有该级别或更高级别的问题时退出状态为 1（可选值：error、warning、info、never；默认：error）"))
        let summary = try Self.ogiwatch(["summary", "--help"])
        #expect(summary.stdout.contains("发送用的 sendmail 程序（默认：/usr/sbin/sendmail）"), "\(summary.stdout)")
        let flat = check.stdout.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
        #expect(flat.contains("不给出时依次查找$OGIWATCH_RULES、/etc/ogiwatch/rules、/usr/share/ogiwatch/rules、程序所在目录及其上四级目录中的Rules/、当前目录下的Rules/，用第一个含规则文件（*.yaml）的目录"))
        #expect(root.stdout.hasSuffix("\n  详见 ogiwatch help <子命令>。\n"), "\(root.stdout)")
        let rules = try Self.ogiwatch(["rules", "--help"])
        #expect(rules.stdout.contains("\n  详见 ogiwatch help rules <子命令>。\n"), "\(rules.stdout)")
        for run in [root, check, rules] { Self.expectNoEnglish(run.stdout) }
        // Only help is rewritten: the version and completion scripts stay as they are.
        #expect(try Self.ogiwatch(["--version"]).stdout == "0.1.0\n")
        #expect(try Self.ogiwatch(["--generate-completion-script", "zsh"]).stdout.hasPrefix("#compdef ogiwatch"))
    }

    @Test func anEmptyDirectorySaysThereWasNothingToCheck() throws {
        let scratch = try Scratch()
        let empty = scratch.drop + "/空目录"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        try Data("hidden".utf8).write(to: URL(fileURLWithPath: empty + "/.hidden.txt"))
        let run = try Self.ogiwatch(["check"] + CheckCommandTests.rules + [empty])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "警告：目录 \(empty) 中没有可检查的文件（隐藏文件不计）\n错误：没有检查任何文件\n")

        // Beside a real report the empty directory is still named, and the report checked.
        let report = scratch.drop + "/report.txt"
        try FileManager.default.copyItem(atPath: try ReferenceReports.seed("000").path, toPath: report)
        let both = try Self.ogiwatch(["check"] + CheckCommandTests.rules + [empty, report])
        #expect(both.status == 0 || both.status == 1)
        #expect(both.stderr == "警告：目录 \(empty) 中没有可检查的文件（隐藏文件不计）\n")
        #expect(both.stdout.hasPrefix(report))
    }
}
