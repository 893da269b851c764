// The language gongkai speaks to publishers: Chinese first, English beside it.

/// The language of messages printed to the terminal (diagnostics, summaries, errors).
public enum Language: String, Sendable, CaseIterable {
    case zh
    case en

    /// From `--lang`, else the environment's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`): English
    /// only when the locale says so (`en_US.UTF-8`); Chinese otherwise, including `C`/`POSIX`.
    public static func from(environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("en") ? .en : .zh
        }
        return .zh
    }
}

/// A text in both languages.
public struct Localized: Hashable, Sendable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(_ language: Language) -> String { language == .zh ? zh : en }
}
