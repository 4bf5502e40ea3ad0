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
}
