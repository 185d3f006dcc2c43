import PrivacyModel

/// What an Account dialog wants after a key.
enum DialogOutcome: Sendable, Equatable {
    /// Keep the dialog open.
    case stay
    /// Close it (done or cancelled); the profile is read again.
    case close
    /// The key is not the dialog's (e.g. quit): let the dashboard apply its global meaning.
    case passThrough
    /// End the session with a message for the sign-in screen.
    case signOut(String)
}

/// Turns model errors into one readable sentence for a dialog.
enum DialogMessage {
    /// The error in the strings' language (its keyed message), else its own words as a sentence.
    static func text(for error: any Error, strings: Strings) -> String {
        strings.message(for: error, formats: Formats(language: strings.language))
    }
}
