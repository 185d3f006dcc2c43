/// Every kind of message the service mails, stored as its code on the outbox row; the words come from the
/// `mail.<code>.*` string keys in the recipient's language when the message is sent.
public enum MailKind: String, CaseIterable, Codable, Sendable {
    /// A rights request was received (sent on filing, so receipt is confirmed well inside 48 hours).
    case requestReceived = "request-received"
    /// A request's answer deadline was extended, with the reason.
    case requestExtended = "request-extended"
    /// A request was refused, with the reason and the right to complain.
    case requestDenied = "request-denied"
    /// A request was completed.
    case requestCompleted = "request-completed"
    /// A breach that affects the subscriber (or an update to one).
    case breachNotice = "breach-notice"
    /// A policy version was published that changes what applies to the subscriber.
    case policyChange = "policy-change"
    /// The account was closed and its purge is scheduled.
    case accountDeletionConfirmed = "account-deletion-confirmed"
    /// The account's data was purged.
    case accountPurged = "account-purged"
}
