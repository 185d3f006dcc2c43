/// What happened, as a code: a breach is recorded in codes so every subscriber reads it in their own language
/// (the words are the `breach.kind.<code>` string keys).
public enum BreachKind: String, CaseIterable, Codable, Sendable {
    /// Someone reached systems or data without permission.
    case unauthorisedAccess = "unauthorised-access"
    /// A laptop, phone or storage device holding data was lost or stolen.
    case lostDevice = "lost-device"
    /// A message or file went to the wrong recipient.
    case misdirectedMessage = "misdirected-message"
    /// Malicious software, such as ransomware, affected our systems.
    case malware
    /// A service provider that processes data for us had an incident.
    case supplierIncident = "supplier-incident"
    /// Data was published or shared by mistake.
    case accidentalDisclosure = "accidental-disclosure"
}

/// A likely consequence for the subscriber (`breach.consequence.<code>`).
public enum BreachConsequence: String, CaseIterable, Codable, Sendable {
    /// Messages pretending to come from us.
    case phishing
    /// Attempts to use payment details.
    case fraud
    /// Someone signing in to the account.
    case accountTakeover = "account-takeover"
    /// What the subscriber watches becoming known to others.
    case viewingHabitsExposed = "viewing-habits-exposed"
    /// Unwanted contact by email or phone.
    case unwantedContact = "unwanted-contact"
}

/// What the service is doing about it (`breach.measure.<code>`).
public enum BreachMeasure: String, CaseIterable, Codable, Sendable {
    /// The access was stopped.
    case accessContained = "access-contained"
    /// Passwords and keys were reset.
    case credentialsReset = "credentials-reset"
    /// The supervisory authority was told.
    case authorityNotified = "authority-notified"
    /// Independent specialists are investigating.
    case investigation
    /// Controls were strengthened so it cannot happen again.
    case controlsStrengthened = "controls-strengthened"
    /// The payment provider was told and is watching for misuse.
    case paymentProviderAlerted = "payment-provider-alerted"
}

/// What the subscriber can do (`breach.advice.<code>`).
public enum BreachAdvice: String, CaseIterable, Codable, Sendable {
    /// Change the password, here and wherever it was reused.
    case changePassword = "change-password"
    /// Watch card and bank statements and tell the bank of anything unknown.
    case watchStatements = "watch-statements"
    /// Be wary of messages asking for details or payment.
    case bewarePhishing = "beware-phishing"
    /// Check the devices signed in to the account and remove unknown ones.
    case reviewDevices = "review-devices"
    /// No action is needed.
    case nothingNeeded = "nothing-needed"
}
