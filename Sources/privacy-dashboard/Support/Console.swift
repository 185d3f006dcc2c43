import Foundation

/// Writes to the terminal or pipes, with stored text made safe first.
enum Console {
    /// Prints a line of program output to stdout.
    static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Prints "privacy-dashboard: message" to stderr.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("privacy-dashboard: " + SafeText.clean(message) + "\n").utf8))
    }

    /// Rewrites a progress line in place on stderr, only when stderr is a terminal.
    static func progress(_ line: String) {
        guard isatty(STDERR_FILENO) == 1 else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8))
    }

    /// Ends a progress line.
    static func endProgress() {
        guard isatty(STDERR_FILENO) == 1 else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
