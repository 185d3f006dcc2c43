import Foundation

/// A fresh authenticator secret waiting for its check code, in the three forms a person can take it in: the
/// `otpauth://` URI (for a QR code), the secret in groups of four for typing, and the raw base32 text.
public struct StaffEnrolment: Sendable, Equatable {
    /// The account enrolling.
    public let staffId: Int64
    /// Its username, as the authenticator app labels the entry.
    public let username: String
    /// The secret in base32 (what authenticator apps and `oathtool -b` take).
    public let secret: String
    /// The secret in groups of four, for typing by hand.
    public var groupedSecret: String { RecoveryCode.grouped(secret, separator: " ") }
    /// The `otpauth://totp/…` URI an authenticator app reads from the QR code.
    public let uri: String
    /// The password step that started it, so the check code must come while it is fresh.
    let step: StaffPasswordStep

    /// Builds the URI from the service's name (the issuer the app shows), the username and the secret.
    init(step: StaffPasswordStep, secret: [UInt8], issuer: String) {
        staffId = step.staffId
        username = step.username
        self.step = step
        self.secret = Base32.encode(secret)
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let label = { (text: String) in text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text }
        uri =
            "otpauth://totp/\(label(issuer)):\(label(step.username))?secret=\(self.secret)&issuer=\(label(issuer))"
            + "&algorithm=SHA1&digits=\(TOTP.digits)&period=\(TOTP.period)"
    }
}

/// What a finished enrolment gives: the signed-in identity and the recovery codes, shown this once.
public struct StaffEnrolmentResult: Sendable, Equatable {
    /// The account, now active and signed in.
    public let identity: StaffIdentity
    /// Single-use codes for when the authenticator is lost; only their hashes are kept.
    public let recoveryCodes: [String]
}
