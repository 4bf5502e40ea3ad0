/// Why no summary was written or sent. Each case names what to change before the next run.
public enum SummaryError: Error, Sendable, Equatable, CustomStringConvertible {
    case badDate(String)
    case badAddress(String)
    case cannotWrite(path: String, reason: String)
    case cannotList(directory: String, reason: String)
    case sendFailed(file: String, reason: String)
    case unsendable(file: String, reason: String)

    public var description: String {
        switch self {
        case .badDate(let text):
            "日期「\(text)」无效：请写作 YYYY-MM-DD，如 --date 2026-11-20"
        case .badAddress(let text):
            "「\(text)」不是可用的邮件地址：请把 summary.from 和 summary.to 设为纯 ASCII 地址，如 ogiwatch@localhost"
        case .cannotWrite(let path, let reason):
            "无法写入摘要 \(path)：\(reason)（请检查目录是否存在、是否可写）"
        case .cannotList(let directory, let reason):
            "无法读取摘要目录 \(directory)：\(reason)（请检查状态目录及其权限）"
        case .sendFailed(let file, let reason):
            "摘要 \(file) 未能交给 sendmail：\(reason)。它和之后的摘要保留待发，下次运行时按日期顺序重发；请检查本机邮件服务（如 exim4、postfix）"
        case .unsendable(let file, let reason):
            "摘要目录中的 \(file) 无法作为摘要发送：\(reason)。它和之后的摘要保留待发；请把它移出摘要目录，或换成 ogiwatch summary 生成的文件"
        }
    }
}
