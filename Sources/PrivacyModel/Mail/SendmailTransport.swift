public import Foundation
import Glibc

/// What happened to one hand-over to the mail system.
public enum SendOutcome: Sendable, Equatable {
    /// The mail system accepted the message.
    case sent
    /// A failure worth retrying later; the code is stored as `lastError`.
    case temporary(String)
    /// A failure retrying cannot fix; the code is stored as `lastError`.
    case permanent(String)
}

/// Hands a message to the machine's mail system by running `sendmail -i -f FROM -- RCPT` with the message on
/// stdin. Exit codes (sysexits.h): 0 sent; 75 EX_TEMPFAIL, 69 EX_UNAVAILABLE, 71 EX_OSERR, 74 EX_IOERR and
/// death by a signal are temporary; anything else (64 usage, 65 data, 67 no user, 68 no host, 77 no
/// permission, …) is permanent. A binary that cannot be started is temporary (the path may be fixed).
public struct SendmailTransport: Sendable {
    /// The sendmail binary.
    public let path: String

    /// The default path, used unless an option or `PRIVACY_DASHBOARD_SENDMAIL` says otherwise.
    public static let defaultPath = "/usr/sbin/sendmail"

    /// Uses `path`, else the environment's `PRIVACY_DASHBOARD_SENDMAIL`, else `/usr/sbin/sendmail`.
    public init(path: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.path = path ?? environment["PRIVACY_DASHBOARD_SENDMAIL"] ?? Self.defaultPath
    }

    /// The outcome a sendmail exit status stands for (see the type's comment).
    public static func outcome(exitStatus: Int32) -> SendOutcome {
        switch exitStatus {
        case 0: .sent
        case 69, 71, 74, 75: .temporary("sendmail-exit-\(exitStatus)")
        default: .permanent("sendmail-exit-\(exitStatus)")
        }
    }

    /// Runs sendmail for one message and maps its exit status.
    public func send(_ message: MailMessage) -> SendOutcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-i", "-f", message.from.value, "--", message.to.value]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        // A sendmail that exits before reading the whole message must fail the write, not kill this process.
        signal(SIGPIPE, SIG_IGN)
        do { try process.run() } catch { return .temporary("sendmail-not-started") }
        let data = Data(message.rendered.utf8)
        do {
            try input.fileHandleForWriting.write(contentsOf: data)
            try input.fileHandleForWriting.close()
        } catch {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            // It stopped reading: its own exit status says why, unless it claimed success without the message.
            if process.terminationReason == .exit, process.terminationStatus != 0 {
                return Self.outcome(exitStatus: process.terminationStatus)
            }
            return .temporary("sendmail-write-failed")
        }
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal { return .temporary("sendmail-signal") }
        return Self.outcome(exitStatus: process.terminationStatus)
    }
}
