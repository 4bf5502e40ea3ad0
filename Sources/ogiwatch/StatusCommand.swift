import ArgumentParser
import Foundation
import OgiwatchLedger
import OgiwatchService

/// `ogiwatch status`: the service's state for an administrator, read from the state
/// directory (status file and ledger), so it needs no more rights than reading them.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "显示服务状态：监视的目录、队列、最近检查的文件、今日数量、使用的规则集和健康状况。",
        discussion: "读取状态目录中的 status.json 和台账。退出状态：0 运行中且正常；1 运行中但有需要处理的问题；3 未运行；2 状态目录无法读取。"
    )

    @OptionGroup var service: ServiceOptions

    func run() throws {
        let stateDirectory = try service.settings().resolvedStateDirectory()
        let ledger = try Ledger(directory: stateDirectory, readOnly: true)
        let report = try StatusReport.load(stateDirectory: stateDirectory, ledger: ledger)
        print(report.text, terminator: "")
        throw ExitCode(report.exitStatus)
    }
}
