public import Foundation

/// Why a download from a shared box was refused; the file stays (or was already) where it was.
public enum DownloadError: Error, Equatable, Sendable {
    /// No waiting file has this reference and code (mistyped, or never issued).
    case notValid
    /// The code was used before; each code works once.
    case alreadyUsed(at: Date)
    /// The code's time ran out and the file was (or will be) removed.
    case expired(at: Date)
    /// The file is no longer on the box.
    case fileGone
    /// Standard output is a terminal: the file must be redirected into a file on the subscriber's computer.
    case outputIsTerminal
}
