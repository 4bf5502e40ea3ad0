import Foundation
import OgiwatchCore

/// LibreOffice run headless to turn an old Word or Kingsoft WPS file into `.docx`, which the
/// docx reader then reads: no Swift library reads Word's binary format, and government
/// offices still send it. The input filter is Word 97's: left to guess, LibreOffice imports a
/// damaged file as plain text, and the rules would judge noise.
///
/// The converter gets the hostile file treatment of the PDF tools: one child behind util-linux
/// `prlimit` with the PDF reader's time, memory and output budgets, killed with its process
/// group when they run out, in a private directory holding the input, the output and a
/// LibreOffice profile of its own (a shared profile would let two conversions block each
/// other, and the service account has no home).
public struct OfficeConverter: Sendable, Equatable {
    /// `soffice`, or nil when LibreOffice is not installed.
    public var executable: String?

    public init(executable: String?) {
        self.executable = executable
    }

    /// `soffice` as installed now, looked for where the PDF tools are: a reload of the service
    /// finds a LibreOffice installed since it started.
    public static var installed: OfficeConverter { OfficeConverter(executable: PopplerTool.locate("soffice")) }

    /// What to install; also the wording of every refusal for want of a converter.
    public static let installHint = "请安装 LibreOffice（apt-get install libreoffice-writer-nogui），或把文件另存为 .docx 后重新提交"

    /// The `.docx` bytes of a Word 97–2003 binary file.
    func docx(from bytes: [UInt8], limits: ReadLimits) throws(DocumentProblem) -> [UInt8] {
        guard let soffice = executable, FileManager.default.isExecutableFile(atPath: soffice) else {
            let which = executable.map { "（配置的转换程序 \($0) 不存在）" } ?? ""
            throw DocumentProblem(.unsupported, "未安装转换 .doc/.wps 文件所需的 LibreOffice\(which)：\(Self.installHint)")
        }
        guard let prlimit = PopplerTool.locate("prlimit") else {
            throw DocumentProblem(.unsupported, "未找到 prlimit，无法限制 LibreOffice 转换的资源：请安装 util-linux")
        }
        let directory = try PrivateTempFile.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = directory + "/input.doc"
        guard FileManager.default.createFile(atPath: input, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            throw DocumentProblem(.unreadable, "无法写入临时目录 \(directory)，请检查临时目录是否可写")
        }
        let process = LimitedProcess(
            budgeted: [soffice, "--headless", "--norestore", "--nolockcheck", "-env:UserInstallation=file://\(directory)/profile",
                       "--infilter=MS Word 97", "--convert-to", "docx", "--outdir", directory + "/out", input],
            prlimit: prlimit, limits: limits, maxFileBytes: limits.pdfMaxOutputBytes,
            deadline: .now + .milliseconds(Int(limits.pdfSeconds * 1000)))
        let result: LimitedProcess.Result
        do {
            result = try process.run()
        } catch {
            throw DocumentProblem(.unsupported, "无法启动 LibreOffice（错误码 \(error.code)）：\(Self.installHint)")
        }
        switch result.outcome {
        case .timedOut:
            throw DocumentProblem(.unsupported, "LibreOffice 转换超过 \(Int(limits.pdfSeconds)) 秒仍未完成，已终止；请把文件另存为 .docx 后重新提交")
        case .outputTooLarge, .signalled:
            throw DocumentProblem(.unsupported, "LibreOffice 转换超出资源限制，已终止；请把文件另存为 .docx 后重新提交")
        case .exited:
            break
        }
        // soffice exits 0 even when it could not load the file; only the output tells.
        guard let output = FileManager.default.contents(atPath: directory + "/out/input.docx"), !output.isEmpty else {
            throw DocumentProblem(.unsupported, "LibreOffice 无法读取该文件（不是 Word 97-2003 或 WPS 文字文档，或已损坏）；请把文件另存为 .docx 后重新提交")
        }
        return [UInt8](output)
    }
}
