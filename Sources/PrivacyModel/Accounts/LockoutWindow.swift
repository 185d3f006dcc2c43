import Foundation

extension LockoutRule {
    /// The lockout rule, one for subscribers, staff and made-up names: the newest `maxFailures` failures (epoch
    /// seconds, newest first) within one window lock until one window after the newest.
    func lockEnd(newestFirst failures: [Int64], at now: Date) -> Date? {
        let window = Int64(windowMinutes * 60)
        guard failures.count >= maxFailures, let newest = failures.first, let oldest = failures.last,
            newest - oldest < window
        else { return nil }
        let until = Date(epochSeconds: newest + window)
        return until > now ? until : nil
    }
}
