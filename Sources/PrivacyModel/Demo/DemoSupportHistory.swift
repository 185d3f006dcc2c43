import Foundation
import GRDB

/// Writes a subscriber's support conversations, spread over two years, in their language.
enum DemoSupportHistory {
    /// Inserts every conversation of the subscriber's language, each in its own stretch of the two years.
    static func write(
        _ db: Database, accountId: Int64, persona: DemoPersona, timeline: DemoTimeline, dice: DemoDice
    ) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO support_message (accountId, channel, direction, sentAt, body) VALUES (?, ?, ?, ?, ?)")
        var threads = DemoMessages.threads[persona.subscriber.language] ?? DemoMessages.threads["en"] ?? []
        for index in stride(from: threads.count - 1, to: 0, by: -1) {
            threads.swapAt(index, dice.int(0...index))
        }
        let channels = persona.phone == nil ? ["email", "live-chat"] : ["whatsapp", "email", "live-chat"]
        let first = timeline.openedAt + 7 * DemoTimeline.day
        let last = timeline.now - 3 * DemoTimeline.day
        let stretch = (last - first) / Int64(max(threads.count, 1))
        for (index, thread) in threads.enumerated() {
            let stretchStart = first + Int64(index) * stretch
            let dayStart = DemoViewingStream.midnight(
                atOrBefore: stretchStart + Int64(dice.int(0...Int(max(0, stretch - DemoTimeline.day)))))
            let hour = dice.weightedIndex(DemoTimeline.wakingHours)
            var time = dayStart - persona.utcOffsetSeconds + Int64(hour * 3_600 + dice.int(0...3_599))
            let channel = dice.pick(channels)
            for (position, message) in thread.enumerated() {
                if position > 0 {
                    // Support answers within hours (by email up to a day); subscribers reply within minutes.
                    let wait =
                        message.fromSubscriber
                        ? dice.int(120...5_400) : (channel == "email" ? dice.int(3_600...86_400) : dice.int(90...7_200))
                    time += Int64(wait)
                }
                let body = message.body.replacingOccurrences(of: "%NAME%", with: persona.salutation)
                try statement.execute(arguments: [
                    accountId, channel, message.direction, min(time, timeline.now - 60), body,
                ])
            }
        }
    }
}
