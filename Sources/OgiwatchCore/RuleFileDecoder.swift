import Foundation
import Yams

/// Decodes one rule file, turning Yams' errors into a sentence with the line.
enum RuleFileDecoder {
    static func decode(_ text: String) throws -> RuleFile {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return RuleFile() }
        if let node = try Yams.compose(yaml: text) {
            let unknown = RuleFileSchema.file.unknownKeys(in: node).sorted()
            if !unknown.isEmpty { throw Message("未知字段：\(unknown.joined(separator: "、"))（拼写错误？）") }
        }
        do {
            return try YAMLDecoder().decode(RuleFile.self, from: text)
        } catch let DecodingError.keyNotFound(key, context) {
            throw Message("缺少字段 \(key.stringValue)（位置：\(path(context))）")
        } catch let DecodingError.dataCorrupted(context) {
            throw Message("数据无效（位置：\(path(context))）：\(context.debugDescription)")
        } catch let DecodingError.typeMismatch(_, context) {
            throw Message("类型不符（位置：\(path(context))）：\(context.debugDescription)")
        } catch let DecodingError.valueNotFound(_, context) {
            throw Message("缺少值（位置：\(path(context))）")
        }
    }

    static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    struct Message: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }
}
