import ArgumentParser
import Foundation
import OgiwatchCheck
import OgiwatchCore
import OgiwatchText

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "查看、解释和检查规则集。",
        subcommands: [List.self, Explain.self, Lint.self, Try.self, CatalogCommand.self]
    )

    /// A rules command that cannot do what was asked: the reason alone, in Chinese, exit
    /// status 2 (the usage line would only hide it).
    static func refuse(_ text: String) -> ExitCode {
        FileHandle.standardError.write(Data(("错误：" + text + "\n").utf8))
        return ExitCode(2)
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出全部规则及其严重程度。")
        @OptionGroup var rules: RuleOptions

        func run() throws {
            let set = try rules.load()
            var out = ""
            for rule in set.rules {
                let state = rule.isEnabled ? rule.severity.rawValue : "off"
                let scope = rule.templates.map { " [\($0.joined(separator: ","))]" } ?? ""
                out += rule.id.padding(toLength: 30, withPad: " ", startingAt: 0) + state.padding(toLength: 9, withPad: " ", startingAt: 0)
                    + rule.title + scope + "\n"
            }
            print(out, terminator: "")
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "解释一条规则：检查什么、为什么、严重程度和日志 MESSAGE_ID。")
        @Argument(help: "规则 id，如 T3.BALANCE") var id: String
        @OptionGroup var rules: RuleOptions

        func run() throws {
            let set = try rules.load()
            guard let rule = set.rule(id) ?? set.rule(id.uppercased()) else {
                throw RulesCommand.refuse("没有规则 \(id)；用 `ogiwatch rules list` 查看全部规则")
            }
            var out = "\(rule.id)  \(rule.title)\n"
            out += "严重程度：\(rule.severity.rawValue)（\(rule.severity.chinese)）" + (rule.isEnabled ? "" : "，已关闭") + "\n"
            for wording in rule.yearSeverityWording { out += "  \(wording)\n" }
            if let t = rule.templates { out += "适用格式：\(t.joined(separator: "、"))\n" }
            if let wording = rule.conditionWording { out += "适用条件：\(wording)\n" }
            out += "\n\(rule.explain ?? "")\n\n消息：\(rule.message)\nMESSAGE_ID：\(set.messageID(forRule: rule.id))\n"
            out += "查看日志：journalctl MESSAGE_ID=\(set.messageID(forRule: rule.id))  或  journalctl OGIWATCH_RULE=\(rule.id)\n"
            print(out, terminator: "")
        }
    }

    struct Try: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "try",
            abstract: "在报告文件上试运行一条规则，说明它查看了什么、为什么触发或未触发。",
            discussion: "RULE 为规则 id（如 FEE.STATEMENT），或一个本地规则目录（试运行其中定义的全部规则，叠加在规则集之上）。"
        )
        @Argument(help: "规则 id，或本地规则目录") var rule: String
        @Argument(help: "报告文件（.txt、.docx、.doc、.wps、.pdf、.html）") var files: [String] = []
        @OptionGroup var rules: RuleOptions

        func run() throws {
            guard !files.isEmpty else { throw RulesCommand.refuse("请在规则之后给出至少一个报告文件") }
            var options = rules
            var isDirectory: ObjCBool = false
            let directory = FileManager.default.fileExists(atPath: rule, isDirectory: &isDirectory) && isDirectory.boolValue
            if directory {
                guard options.localDirectory == nil else { throw RulesCommand.refuse("试运行规则目录时不能再用 --local-rules") }
                options.localDirectory = rule
            }
            let set = try options.load()
            let selected: [RuleSpec]
            if directory {
                selected = set.rules(definedIn: rule)
                if selected.isEmpty { throw RulesCommand.refuse("规则目录 \(rule) 中没有定义规则（只有 overrides 的文件无可试运行）") }
            } else {
                guard let one = set.rule(rule) ?? set.rule(rule.uppercased()) else {
                    throw RulesCommand.refuse("没有规则 \(rule)，也没有这个目录；用 `ogiwatch rules list` 查看全部规则")
                }
                selected = [one]
            }
            let checker = Checker(ruleSet: set)
            var out = ""
            for file in files {
                out += "== \(SafeText.escaped(Array(file.utf8)))\n"
                for rule in selected { out += checker.trial(rule, path: file).text }
            }
            print(out, terminator: "")
        }
    }

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "检查规则目录：YAML 语法、字段、正则表达式、引用的表格行列。",
            discussion: "规则有效时退出状态为 0，有问题时为 1。"
        )
        @Argument(help: "规则目录（默认与 check 相同）") var path: String?
        @Option(name: .customLong("local-rules"), help: "同时检查的本地规则目录") var localDirectory: String?

        func run() throws {
            do {
                let set = try RuleLoader.load(rulesDirectory: path, localDirectory: localDirectory)
                let enabled = set.rules.filter(\.isEnabled).count
                print("规则集有效：\(set.rules.count) 条规则（启用 \(enabled) 条），格式 \(set.templates.map(\.id).joined(separator: "、"))，版本 \(set.version)")
            } catch {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitCode(1)
            }
        }
    }
}
