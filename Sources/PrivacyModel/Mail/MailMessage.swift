public import Foundation

/// One mail ready for sendmail: RFC 5322 headers and a UTF-8 plain-text body in quoted-printable, so the words
/// of any of our languages arrive intact.
public struct MailMessage: Sendable, Equatable {
    /// The sender.
    public let from: MailAddress
    /// The one recipient.
    public let to: MailAddress
    /// The subject, in the recipient's language.
    public let subject: String
    /// The plain-text body, in the recipient's language.
    public let body: String
    /// When the message was made (from the injected clock).
    public let date: Date
    /// The `Message-ID` without angle brackets, `random@domain`.
    public let messageId: String

    /// Makes a message; the subject may not hold a line break or other control character (it could add a header).
    public init(
        from: MailAddress, to: MailAddress, subject: String, body: String, date: Date, messageId: String? = nil
    ) throws(MailError) {
        // Bytes, not Characters: "\r\n" is one Character and would slip past a check for "\r" or "\n".
        guard !subject.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { throw MailError.headerInjection }
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        let domain = from.value.split(separator: "@").last.map(String.init) ?? "localhost"
        self.messageId = messageId ?? "\(UUID().uuidString.lowercased())@\(domain)"
    }

    /// The whole message as sendmail reads it: headers, a blank line, the encoded body, lines ending CRLF.
    public var rendered: String {
        let headers = [
            "Date: \(Self.rfc5322Date(date))",
            "From: \(from.value)",
            "To: \(to.value)",
            "Subject: \(Self.encodedSubject(subject))",
            "Message-ID: <\(messageId)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: quoted-printable",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + QuotedPrintable.encode(body) + "\r\n"
    }

    /// A date as RFC 5322 writes it, in UTC: `Fri, 04 Dec 2026 11:20:48 +0000`.
    public static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }

    /// The subject as is when it is plain ASCII, else as RFC 2047 encoded-words (`=?UTF-8?B?…?=`), each short
    /// enough for a 76-character line and never splitting a character.
    public static func encodedSubject(_ subject: String) -> String {
        guard subject.utf8.contains(where: { $0 > 0x7E }) else { return subject }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in subject {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 39 {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }
}
