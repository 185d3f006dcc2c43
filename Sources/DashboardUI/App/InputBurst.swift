import TerminalKit

/// Bounds the work done for keys that arrive together (a paste, a burst of control characters): a client that
/// sends a megabyte must not pin a core acting on every key of it.
///
/// Where no field takes text, at most `typeahead` characters of one pasted run act as commands (enough for
/// typed-ahead commands such as `2/xyz`, whose field then takes the rest at once); and at most `keysPerFrame`
/// keys act between two frames. Past either bound the rest of the burst is dropped at once, until the input
/// pauses, and the status line says so.
struct InputBurst {
    /// Characters of one pasted run that act as commands where no field has focus.
    static let typeahead = 32
    /// Keys that act between two frames while input keeps arriving.
    static let keysPerFrame = 256

    /// Keys acted on since the last frame.
    private(set) var acted = 0
    /// Set once the burst went past a bound: everything is dropped until the input pauses.
    private(set) var dropping = false
    /// Set when keys were dropped since the status line last said so.
    private(set) var droppedUnreported = false

    /// Counts a key about to act; false when it is to be dropped instead.
    mutating func admit() -> Bool {
        guard !dropping, acted < Self.keysPerFrame else {
            drop()
            return false
        }
        acted += 1
        return true
    }

    /// Drops the rest of the burst.
    mutating func drop() {
        dropping = true
        droppedUnreported = true
    }

    /// A frame was drawn: a new frame's worth of keys may act, unless the burst is being dropped.
    mutating func frameShown() {
        if !dropping { acted = 0 }
    }

    /// The status line told of the dropped keys.
    mutating func reported() { droppedUnreported = false }

    /// No input is waiting: the burst is over.
    mutating func paused() {
        acted = 0
        dropping = false
    }
}
