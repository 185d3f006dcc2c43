import Foundation

/// The terminal settings to put back if the user interrupts a hidden prompt (read by the signal handler).
nonisolated(unsafe) private var terminalBeforePrompt = termios()

/// Reads a password without it ever appearing in argv, the terminal or logs.
enum PasswordInput {
    /// Reads one line from stdin (for --password-stdin), without the trailing newline.
    static func fromStandardInput() throws -> String {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw CommandFailure.usage("--password-stdin was given but standard input held no password")
        }
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }

    /// Prompts on the terminal with echo off; asks twice when `confirm` is set.
    static func prompt(_ label: String, confirm: Bool) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandFailure.usage("no terminal to ask for the password on; pipe it in with --password-stdin")
        }
        let first = try readHidden(label)
        if confirm {
            let second = try readHidden("Repeat the password: ")
            guard first == second else { throw CommandFailure.usage("the two passwords differ; nothing was changed") }
        }
        return first
    }

    /// Reads one secret (a password or a code) for a staff command: asked for with echo off on a terminal, else
    /// the next line of standard input, so a script can pipe in a password and then a code.
    static func line(_ label: String, what: String, confirm: Bool = false) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw CommandFailure.usage("standard input ended before the \(what); nothing was changed")
            }
            return line.hasSuffix("\r") ? String(line.dropLast()) : line
        }
        return try prompt(label, confirm: confirm)
    }

    private static func readHidden(_ label: String) throws -> String {
        FileHandle.standardError.write(Data(label.utf8))
        tcgetattr(STDIN_FILENO, &terminalBeforePrompt)
        var quiet = terminalBeforePrompt
        quiet.c_lflag &= ~tcflag_t(ECHO)
        // Ctrl-C or a hang-up while echo is off must not leave the terminal silent.
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { number in
                tcsetattr(STDIN_FILENO, TCSAFLUSH, &terminalBeforePrompt)
                _exit(128 + number)
            }
        }
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &terminalBeforePrompt)
            for signalNumber in [SIGINT, SIGTERM, SIGHUP] { signal(signalNumber, SIG_DFL) }
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else {
            throw CommandFailure.usage("no password was entered")
        }
        return line
    }
}
