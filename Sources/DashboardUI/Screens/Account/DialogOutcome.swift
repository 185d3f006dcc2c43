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
    /// The error's own words, starting with a capital letter, or the generic message.
    static func text(for error: any Error, strings: Strings) -> String {
        guard let failure = error as? any UserFacingError else {
            return strings("error.unexpected", ["detail": String(describing: error)])
        }
        let text = failure.description
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst() + "."
    }
}
