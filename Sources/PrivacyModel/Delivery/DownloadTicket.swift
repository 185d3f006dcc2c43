public import Foundation

/// One file of an export waiting on a shared box, with the one-time code that fetches it: shown once, on the
/// receipt, and never stored (the store keeps the code's hash).
public struct DownloadTicket: Sendable, Equatable {
    /// The request the file answers.
    public let reference: String
    /// The code, in its canonical form.
    public let code: String
    /// The file's name, which the command saves it under.
    public let fileName: String
    /// When the code stops working and the file is removed.
    public let expiresAt: Date
    /// What the subscriber types after `ssh` to reach the box.
    public let destination: String

    /// The command that saves the file on the subscriber's own computer:
    /// `ssh -T USER@HOST download REFERENCE CODE > FILE`.
    public var command: String { DownloadTicket.command(destination, reference, code, fileName) }

    /// The command for a destination, reference, code (or its placeholder) and file name.
    public static func command(_ destination: String, _ reference: String, _ code: String, _ fileName: String)
        -> String
    {
        "ssh -T \(destination) download \(reference) \(code) > \(fileName)"
    }
}
