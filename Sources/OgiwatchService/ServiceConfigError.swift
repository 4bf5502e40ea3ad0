/// A configuration that cannot be used. Names the key, so the fix is obvious; `ogiwatch run`
/// exits with status 2 on it at start, and a reload keeps the old configuration.
public struct ServiceConfigError: Error, Sendable, CustomStringConvertible {
    public var key: String
    public var problem: String

    public init(key: String, problem: String) {
        self.key = key
        self.problem = problem
    }

    public var description: String { "配置项 '\(key)'：\(problem)" }
}
