/// The demo's dice: one seeded generator with the helpers the data needs, so every value follows from the seed.
struct DemoDice {
    private let source: SeededRandomSource

    /// Dice whose whole output is fixed by `seed`.
    init(seed: UInt64) { source = SeededRandomSource(seed: seed) }

    /// A uniform integer in `range`.
    func int(_ range: ClosedRange<Int>) -> Int { source.int(in: range) }

    /// True with probability `probability` (0...1).
    func chance(_ probability: Double) -> Bool { source.chance(probability) }

    /// A uniform element of a non-empty array.
    func pick<T>(_ values: [T]) -> T { source.pick(values) }

    /// An index chosen with the given non-negative weights (the last index when they are all zero).
    func weightedIndex(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        guard total > 0 else { return max(weights.count - 1, 0) }
        var roll = source.int(in: 0...(total - 1))
        for (index, weight) in weights.enumerated() {
            if roll < weight { return index }
            roll -= weight
        }
        return weights.count - 1
    }

    /// A value from the pairs' first elements, weighted by their second.
    func weighted<T>(_ pairs: [(T, Int)]) -> T { pairs[weightedIndex(pairs.map(\.1))].0 }

    /// A fresh 64-bit seed for a sub-stream, so one table's data does not shift when another's size changes.
    func nextSeed() -> UInt64 {
        source.bytes(8).reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
    }

    /// `count` lower-case hexadecimal digits.
    func hex(_ count: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String((0..<count).map { _ in digits[source.int(in: 0...15)] })
    }

    /// A value with one decimal place in `range` tenths (e.g. 505...2500 gives 50.5...250.0).
    func tenths(_ range: ClosedRange<Int>) -> Double { Double(source.int(in: range)) / 10 }
}
