public import Foundation

/// One viewing event as recommendations may read it.
public struct ViewingSignal: Sendable, Equatable {
    /// The channel watched.
    public let channel: String
    /// The programme title.
    public let title: String
    /// The programme genre.
    public let genre: String
    /// When viewing started.
    public let startedAt: Date
    /// How long it lasted, in seconds.
    public let durationSeconds: Int
}
