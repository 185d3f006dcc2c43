public import Foundation

/// A source of the current time, injected so rules can be tested at exact instants.
public protocol Clock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The wall clock used by the product.
public struct SystemClock: Clock {
    /// Creates the wall clock.
    public init() {}

    /// The current instant from the operating system.
    public func now() -> Date { Date() }
}

/// A clock that stands still until told to move, for tests and reproducible demos.
public final class FixedClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date

    /// Creates a clock stopped at `instant`.
    public init(_ instant: Date) { self.instant = instant }

    /// The instant the clock is stopped at.
    public func now() -> Date { lock.withLock { instant } }

    /// Moves the clock forward (or back) by `interval` seconds.
    public func advance(by interval: TimeInterval) {
        lock.withLock { instant = instant.addingTimeInterval(interval) }
    }

    /// Stops the clock at a new instant.
    public func set(_ newInstant: Date) { lock.withLock { instant = newInstant } }
}
