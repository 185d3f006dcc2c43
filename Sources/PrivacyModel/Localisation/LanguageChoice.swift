/// The language a run of the dashboard starts in, and whether the person asked for it on the command line.
///
/// Order: `--lang`, else the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty (as the
/// C library reads them), else English. After sign-in the account's own language replaces a language that
/// came from the environment or the default, but never one given with `--lang`: that is an explicit choice
/// for this run.
public struct LanguageChoice: Sendable, Equatable {
    /// Where the language came from.
    public enum Source: Sendable, Equatable {
        /// `--lang` on the command line.
        case commandLine
        /// A locale variable (its name).
        case environment(String)
        /// Nothing said: English.
        case fallback
    }

    /// The language to start in.
    public let language: DisplayLanguage
    /// Where it came from.
    public let source: Source

    /// Makes a choice.
    public init(language: DisplayLanguage, source: Source) {
        self.language = language
        self.source = source
    }

    /// Whether the person chose the language for this run, so an account's language does not replace it.
    public var isExplicit: Bool { source == .commandLine }

    /// The locale variables in the order the C library consults them.
    public static let localeVariables = ["LC_ALL", "LC_MESSAGES", "LANG"]

    /// Resolves the language from a `--lang` value and the environment.
    ///
    /// An unknown `--lang` is an error; a locale the dashboard is not shipped in (C, POSIX, ja_JP) means English.
    public static func resolve(flag: String?, environment: [String: String]) throws(LanguageChoiceError)
        -> LanguageChoice
    {
        if let flag {
            guard let language = DisplayLanguage(rawValue: flag.lowercased()) else { throw .unknown(flag) }
            return LanguageChoice(language: language, source: .commandLine)
        }
        for name in localeVariables {
            guard let value = environment[name], !value.isEmpty else { continue }
            // The first variable set decides, as for the C library: LC_ALL=C means English even if LANG=de_DE.
            return LanguageChoice(language: DisplayLanguage(code: value) ?? .english, source: .environment(name))
        }
        return LanguageChoice(language: .english, source: .fallback)
    }
}

/// Why a `--lang` value could not be used.
public enum LanguageChoiceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The value names no language the dashboard is shipped in.
    case unknown(String)

    /// One line for the person starting the program.
    public var description: String {
        switch self {
        case .unknown(let value):
            let known = DisplayLanguage.allCases.map(\.rawValue).joined(separator: ", ")
            return "--lang must be one of \(known) (got \"\(value)\")"
        }
    }
}
