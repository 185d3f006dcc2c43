import Foundation

/// A source of random bytes and numbers, injected so salts, references and demo data are reproducible in tests.
public protocol RandomSource: Sendable {
    /// Returns `count` random bytes.
    func bytes(_ count: Int) -> [UInt8]
    /// Returns a uniformly distributed integer in `range`.
    func int(in range: ClosedRange<Int>) -> Int
}

extension RandomSource {
    /// Returns a random element of a non-empty array.
    public func pick<T>(_ values: [T]) -> T {
        values[int(in: 0...(values.count - 1))]
    }

    /// Returns true with the given probability (0...1).
    public func chance(_ probability: Double) -> Bool {
        Double(int(in: 0...999_999)) < probability * 1_000_000
    }
}

/// Cryptographically secure randomness from the operating system, used by the product.
public struct SystemRandomSource: RandomSource {
    /// Creates the system source.
    public init() {}

    /// Random bytes from the system generator.
    public func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// A random integer from the system generator.
    public func int(in range: ClosedRange<Int>) -> Int {
        var generator = SystemRandomNumberGenerator()
        return Int.random(in: range, using: &generator)
    }
}

/// A deterministic generator (SplitMix64) so a seed always yields the same demo store and test data.
public final class SeededRandomSource: RandomSource, @unchecked Sendable {
    private let lock = NSLock()
    private var state: UInt64

    /// Creates a generator whose whole output is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    private func next() -> UInt64 {
        lock.withLock {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Deterministic bytes.
    public func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
    }

    /// A deterministic integer in `range`.
    public func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) &+ 1
        if width == 0 { return Int(truncatingIfNeeded: next()) }
        return range.lowerBound + Int(next() % width)
    }
}
