import Foundation
import OgiwatchCore

/// Finds and reads the rule files: the shipped `Rules/` directory plus an optional local
/// directory whose files add rules or override shipped ones (fail2ban's `*.local` idea).
public enum RuleLoader {
    /// Where the shipped rules are looked for when no directory is given, in order.
    public static func searchPath(executable: String = CommandLine.arguments.first ?? "") -> [String] {
        var paths: [String] = []
        if let env = ProcessInfo.processInfo.environment["OGIWATCH_RULES"], !env.isEmpty { paths.append(env) }
        paths += ["/etc/ogiwatch/rules", "/usr/share/ogiwatch/rules"]
        var dir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            paths.append(dir.appendingPathComponent("Rules").path)
            dir = dir.deletingLastPathComponent()
        }
        paths.append(FileManager.default.currentDirectoryPath + "/Rules")
        return paths
    }

    /// The first directory of the search path that holds rule files.
    public static func defaultDirectory() -> String? {
        searchPath().first { !yamlFiles(in: $0).isEmpty }
    }

    public static func load(rulesDirectory: String?, localDirectory: String?) throws(RuleLoadError) -> RuleSet {
        try loadFiles(rulesDirectory: rulesDirectory, localDirectory: localDirectory).ruleSet
    }

    /// The rule set with the files it came from, which the service shows in its status.
    public static func loadFiles(rulesDirectory: String?, localDirectory: String?) throws(RuleLoadError) -> LoadedRules {
        guard let directory = rulesDirectory ?? defaultDirectory() else {
            throw RuleLoadError("找不到规则目录：请用 --rules 指定，或设置 OGIWATCH_RULES（已查找：\(searchPath().joined(separator: "、"))）")
        }
        var sources = try read(directory, isLocal: false)
        if sources.isEmpty { throw RuleLoadError("规则目录 \(directory) 中没有 .yaml 规则文件") }
        if let localDirectory { sources += try read(localDirectory, isLocal: true) }
        do {
            return LoadedRules(ruleSet: try RuleSet(sources: sources), files: sources.map(\.name))
        } catch {
            throw RuleLoadError(error.description)
        }
    }

    static func yamlFiles(in directory: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
    }

    /// The rule files of one directory as sources, for callers that assemble rule sets of
    /// their own (the benchmark switches rules off one by one).
    public static func read(_ directory: String, isLocal: Bool) throws(RuleLoadError) -> [RuleSource] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RuleLoadError("规则目录不存在：\(directory)")
        }
        return try yamlFiles(in: directory).map { name throws(RuleLoadError) in
            let path = directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw RuleLoadError("无法读取规则文件 \(path)（须为 UTF-8 文本）")
            }
            return RuleSource(name: path, text: text, isLocal: isLocal)
        }
    }
}

/// The rules could not be loaded; the command cannot run (exit status 2).
public struct RuleLoadError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
