/// How the terminal should draw, from the command line and the environment.
public struct TerminalOptions: Sendable, Equatable {
    /// Force ASCII borders and glyphs (`--ascii`).
    public var ascii: Bool
    /// No colour at all (`NO_COLOR` set, or `--no-color`).
    public var noColor: Bool
    /// Whether the user set ESCDELAY; if not, a short delay makes Esc respond at once.
    public var userEscDelay: Bool

    /// Makes options.
    public init(ascii: Bool = false, noColor: Bool = false, userEscDelay: Bool = false) {
        self.ascii = ascii
        self.noColor = noColor
        self.userEscDelay = userEscDelay
    }

    /// Reads NO_COLOR and ESCDELAY from an environment, adding the command-line flags.
    public static func from(environment: [String: String], ascii: Bool, noColor: Bool) -> TerminalOptions {
        let noColorSet = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalOptions(
            ascii: ascii, noColor: noColor || noColorSet, userEscDelay: environment["ESCDELAY"] != nil)
    }
}
