import OgiwatchReaders
import OgiwatchService
import Testing

/// The configuration keys the intake depends on, and their refusals in Chinese with the key named.
@Suite struct ServiceConfigTests {
    @Test func sofficeKeyChoosesTheConverter() throws {
        let config = try ServiceConfig(yaml: "watch: /srv/drop\nsoffice: /opt/lo/soffice\n")
        #expect(config.soffice == "/opt/lo/soffice")
        #expect(config.checker(try RuleSetFixture.ruleSet()).converter == OfficeConverter(executable: "/opt/lo/soffice"))
        #expect(ServiceConfig().checker(try RuleSetFixture.ruleSet()).converter == .installed)
    }

    @Test func unknownKeyIsNamedInChinese() {
        #expect(throws: ServiceConfigError.self) { try ServiceConfig(yaml: "sofice: /usr/bin/soffice\n") }
        do {
            _ = try ServiceConfig(yaml: "sofice: /usr/bin/soffice\n")
        } catch {
            #expect(error.description.hasPrefix("配置项 'sofice'：未知的配置项（可用："))
            #expect(error.description.contains("soffice"))
        }
    }

    func refusal(_ yaml: String) -> String? {
        do {
            _ = try ServiceConfig(yaml: yaml)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aSyntaxErrorNamesItsLineInChinese() {
        #expect(refusal("state: /var/lib/ogiwatch\nwatch: [\n") ==
                "配置项 '(文件)'：第 3 行不是有效的 YAML（did not find expected node content），请检查缩进、冒号和括号")
    }

    @Test func summaryValuesAreRefusedInChinese() {
        #expect(refusal("summary:\n  time_zone: Mars/Base\n") == "配置项 'summary.time_zone'：未知的时区 'Mars/Base'（请用 IANA 名称，如 Asia/Shanghai）")
        #expect(refusal("summary:\n  policy: never\n") == "配置项 'summary.policy'：应为 always、only-on-findings 之一，实际为 'never'")
        #expect(refusal("summary:\n  to: [张三]\n") == "配置项 'summary.to'：应为纯 ASCII 邮件地址，实际为 '张三'")
    }

    @Test func aStateDirectoryThatCannotBeMadeSaysWhyAndWhatToDo() throws {
        var config = try ServiceConfig(yaml: "watch: /srv/drop\n")
        config.stateDirectory = "/proc/ogiwatch-nosuch/state"
        do {
            _ = try config.preparedStateDirectory()
            Issue.record("a state directory under /proc was made")
        } catch {
            #expect(error.description == "配置项 'state'：无法创建状态目录 /proc/ogiwatch-nosuch/state（No such file or directory）：请确认上级目录存在且可写，或用 --state 指定其他目录")
        }
    }
}
