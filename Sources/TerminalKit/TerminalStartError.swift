/// Why the full-screen dashboard could not start; each case reads as one line for the user.
public enum TerminalStartError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, cron).
    case notATerminal
    /// TERM is unset or names a terminal the terminfo database does not know.
    case unknownTerminal(String)

    /// The message shown before exiting.
    public var description: String {
        switch self {
        case .notATerminal:
            return "the dashboard needs a terminal on standard input and output; "
                + "for scripts use the subcommands (privacy-dashboard --help) or `screen` for a headless view"
        case .unknownTerminal(let name):
            let shown = name.isEmpty ? "(unset)" : TextSanitizer.visible(name, asciiOnly: true)
            return "unknown terminal type TERM=\(shown); try TERM=xterm-256color, "
                + "or use the subcommands (privacy-dashboard --help)"
        }
    }
}
