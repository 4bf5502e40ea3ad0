/// A configuration that cannot be used. Names the key, so the fix is obvious; `ogiwatch run`
/// exits with status 2 on it at start, and a reload keeps the old configuration.
struct ServiceConfigError: Error, CustomStringConvertible {
    var key: String
    var problem: String

    var description: String { "configuration key '\(key)': \(problem)" }
}
