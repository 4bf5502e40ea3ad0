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
        let cpuSeconds = Int(limits.pdfSeconds.rounded(.up)) + 1
        let process = LimitedProcess(
            executable: prlimit,
            arguments: ["--as=\(limits.pdfMaxMemoryBytes)", "--cpu=\(cpuSeconds)", "--fsize=0", "--core=0", "--", tool] + arguments,
            deadline: deadline,
            maxOutputBytes: limits.pdfMaxOutputBytes
        )
        do {
            return try process.run()
        } catch {
            throw DocumentProblem(.unreadable, "无法启动 \(name)（错误码 \(error.code)），请检查 poppler-utils 是否可用")
        }
    }

    private static func locate(_ name: String, in directories: [String]) -> String? {
        directories.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

extension LimitedProcess.LaunchError {
    var code: Int32 {
        switch self {
        case .spawnFailed(let code): code
        }
    }
}
