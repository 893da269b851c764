// gongkai's version, printed by `gongkai --version` and `gongkai version`.

public enum GongkaiVersion {
    /// Raised with each release (semantic versioning).
    public static let number = "0.5.0"
    public static var text: String { "gongkai \(number)" }
}
