/// What a console view wants after handling a key.
enum ConsoleOutcome: Equatable {
    /// The key was used.
    case handled
    /// The key means nothing here; the console applies its global meaning (help, quit).
    case ignored
    /// Open the request with this reference.
    case open(reference: String)
    /// Go back to the queue.
    case back
}
