import Foundation
import OgiwatchCore

/// One poppler command run on a PDF under the reader's limits.
///
/// The child runs behind util-linux `prlimit`, which sets its address-space, CPU-time, file-size
/// and core limits before it execs the tool; that is the only way to cap a child's memory
/// without a shell or a fork in Swift. File size 0 means the converter cannot write files: its
/// text goes to the pipe.
struct PopplerTool: Sendable {
    var name: String
    var searchPath: [String]

    static let defaultSearchPath = ["/usr/bin", "/bin", "/usr/local/bin", "/opt/homebrew/bin"]

    init(_ name: String, searchPath: [String] = PopplerTool.defaultSearchPath) {
        self.name = name
        self.searchPath = searchPath
    }

    /// Runs the tool with `arguments`, returning its result or the problem that stopped it.
    func run(_ arguments: [String], limits: ReadLimits, deadline: ContinuousClock.Instant) throws(DocumentProblem) -> LimitedProcess.Result {
        guard let tool = Self.locate(name, in: searchPath) else {
            throw DocumentProblem(.unreadable, "未找到 \(name)，无法读取 PDF：请安装 poppler-utils（apt-get install -y poppler-utils）")
        }
        guard let prlimit = Self.locate("prlimit", in: searchPath) else {
            throw DocumentProblem(.unreadable, "未找到 prlimit，无法限制 PDF 转换的资源：请安装 util-linux")
        }
        let process = LimitedProcess(budgeted: [tool] + arguments, prlimit: prlimit, limits: limits, maxFileBytes: 0, deadline: deadline)
        do {
            return try process.run()
        } catch {
            throw DocumentProblem(.unreadable, "无法启动 \(name)（错误码 \(error.code)），请检查 poppler-utils 是否可用")
        }
    }

    /// The first executable `name` in `directories`; also how the office converter finds `soffice`.
    static func locate(_ name: String, in directories: [String] = defaultSearchPath) -> String? {
        directories.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

extension LimitedProcess {
    /// `command` behind util-linux `prlimit` with the reader's memory and CPU budgets, and
    /// `maxFileBytes` as the most it may write to a file (0: only to its pipe).
    init(budgeted command: [String], prlimit: String, limits: ReadLimits, maxFileBytes: Int, deadline: ContinuousClock.Instant) {
        let cpuSeconds = Int(limits.pdfSeconds.rounded(.up)) + 1
        self.init(executable: prlimit,
                  arguments: ["--as=\(limits.pdfMaxMemoryBytes)", "--cpu=\(cpuSeconds)", "--fsize=\(maxFileBytes)", "--core=0", "--"] + command,
                  deadline: deadline, maxOutputBytes: limits.pdfMaxOutputBytes)
    }
}

extension LimitedProcess.LaunchError {
    var code: Int32 {
        switch self {
        case .spawnFailed(let code): code
        }
    }
}
