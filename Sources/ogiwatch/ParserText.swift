import Foundation

/// swift-argument-parser's own words in Chinese, so that help, usage and every error of the
/// command line speak one language. The parser's messages are not localisable and its
/// error types are internal, so its finished texts are rewritten line by line; a message
/// not known here keeps its English words behind a Chinese lead rather than be lost.
enum ParserText {
    /// Help as `--help` and `help` print it. Other success texts (the version, completion
    /// scripts) do not start with a help heading and are left alone.
    static func help(_ text: String) -> String {
        guard text.hasPrefix("OVERVIEW:") || text.hasPrefix("USAGE:") else { return text }
        var out = text
        for (english, chinese) in headings { out = out.replacingOccurrences(of: english, with: chinese) }
        // The parser wraps long help lines, so a list may continue on the next line; the
        // space it puts before the parenthesis goes with it, as Chinese brackets need none.
        out = out.replacing(#/ ?\(values:\s+([^;)]*?)(?:;\s+default:\s+([^)]*))?\)/#) { match in
            "（可选值：" + match.output.1.replacing(#/,\s+/#, with: "、") + (match.output.2.map { "；默认：\($0)" } ?? "") + "）"
        }
        out = out.replacing(#/ ?\(default:\s+([^)]*)\)/#) { "（默认：\($0.output.1)）" }
        out = out.replacing(#/See '([^']+)' for detailed help\./#) { "详见 \($0.output.1)。" }
        return out
    }

    /// A parse error with its usage lines, as `fullMessage(for:)` gives it.
    static func error(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let line = String(line)
            if line.hasPrefix("Error: ") { return "错误：" + message(String(line.dropFirst("Error: ".count))) }
            if line.hasPrefix("Usage: ") {
                return "用法：" + line.dropFirst("Usage: ".count).replacingOccurrences(of: "<subcommand>", with: "<子命令>")
            }
            if line.hasPrefix("Help: ") { return "说明：" + line.dropFirst("Help: ".count).trimmingCharacters(in: .whitespaces) }
            if let match = line.wholeMatch(of: #/(\s*)See '(.+)' for more information\./#) {
                return "\(match.output.1)详见 \(match.output.2)。"
            }
            return line
        }.joined(separator: "\n")
    }

    /// One error message, without the `Error: ` lead.
    static func message(_ text: String) -> String {
        if let m = text.wholeMatch(of: #/Unknown option '(.+)'\. Did you mean '(.+)'\?/#) { return "未知选项 \(m.output.1)，是否想用 \(m.output.2)？" }
        if let m = text.wholeMatch(of: #/Unknown option '(.+)'/#) { return "未知选项 \(m.output.1)" }
        if let m = text.wholeMatch(of: #/Missing value for '(.+)'/#) { return "选项 \(m.output.1) 缺少值" }
        if let m = text.wholeMatch(of: #/Missing expected argument '(.+)'/#) { return "缺少参数 \(m.output.1)" }
        if let m = text.wholeMatch(of: #/Missing one of: (.+)/#) { return "缺少以下参数之一：\(m.output.1)" }
        if let m = text.wholeMatch(of: #/Unexpected argument '(.+)'/#) { return "多余的参数 \(m.output.1)（不是已知的子命令或参数）" }
        if let m = text.wholeMatch(of: #/\d+ unexpected arguments: '(.+)'/#) {
            return "多余的参数 \(m.output.1.replacingOccurrences(of: "', '", with: "、"))（不是已知的子命令或参数）"
        }
        if let m = text.wholeMatch(of: #/The option '(.+)' does not take any value, but '(.*)' was specified\./#) {
            return "选项 \(m.output.1) 不接受值，却给了 \(m.output.2)"
        }
        if let m = text.wholeMatch(of: #/Invalid option: (.+)/#) { return "无效选项 \(m.output.1)" }
        if text == "Missing required subcommand." { return "缺少子命令" }
        if let m = text.firstMatch(of: #/^The value '(.*)' is invalid for '(.+?)'(.*)$/#.dotMatchesNewlines()) {
            return "\(m.output.2) 的值「\(m.output.1)」无效" + valueHint(String(m.output.3))
        }
        guard text.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) || text.isEmpty else { return "参数有误：" + text }
        return text
    }

    /// `. Please provide one of 'text' and 'json'.`, or a custom reason after `: `.
    private static func valueHint(_ rest: String) -> String {
        if let m = rest.wholeMatch(of: #/\. Please provide one of (.+)\./#) {
            let values = m.output.1.replacing(#/ and | or |, /#, with: "、").replacingOccurrences(of: "'", with: "")
            return "；可用的值：\(values)"
        }
        if let m = rest.wholeMatch(of: #/\. Please provide one of the following:\n(.+)/#.dotMatchesNewlines()) {
            return "；可用的值：\n\(m.output.1)"
        }
        if rest.hasPrefix(": ") { return "：" + message(String(rest.dropFirst(2))) }
        return rest
    }

    private static let headings = [
        ("OVERVIEW: ", "概述："), ("USAGE: ", "用法："), ("ARGUMENTS:", "参数："), ("OPTIONS:", "选项："),
        ("SUBCOMMANDS:", "子命令："), ("Show help information.", "显示帮助信息。"), ("Show the version.", "显示版本号。"),
        ("<subcommand>", "<子命令>"),
    ]
}
