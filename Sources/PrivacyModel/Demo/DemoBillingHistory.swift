import GRDB

/// Writes a subscriber's cards (as processor tokens, never full numbers) and two years of monthly payments.
enum DemoBillingHistory {
    /// A processor token: "tok_" and 24 hex digits, every eighth a letter, so no run of digits looks like a card number.
    static func token(dice: DemoDice) -> String {
        let letters = Array("abcdef")
        let digits = Array(dice.hex(24)).enumerated().map { index, digit in
            index % 8 == 7 && digit.isNumber ? letters[Int(String(digit)).map { $0 % 6 } ?? 0] : digit
        }
        return "tok_" + String(digits)
    }

    /// Four random digits, zero-padded.
    static func last4(dice: DemoDice) -> String {
        let value = String(dice.int(0...9_999))
        return String(repeating: "0", count: 4 - value.count) + value
    }

    /// Inserts the cards and the monthly charges (one declined and retried; for some, a refunded duplicate).
    static func write(
        _ db: Database, accountId: Int64, persona: DemoPersona, refundsDuplicate: Bool, timeline: DemoTimeline,
        dice: DemoDice
    ) throws {
        let method = try db.cachedStatement(
            sql: """
                INSERT INTO payment_method (accountId, token, brand, last4, expiry, billingCountry, addedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        var cards: [(id: Int64, addedAt: Int64)] = []
        for card in persona.cards {
            let addedAt = max(
                timeline.openedAt + Int64(dice.int(60...900)),
                timeline.adding(months: -card.addedMonthsAgo, to: timeline.now) + Int64(dice.int(0...86_399)))
            let expiry = DemoTimeline.month(timeline.adding(months: card.expiresInMonths, to: timeline.now))
            try method.execute(arguments: [
                accountId, token(dice: dice), card.brand, last4(dice: dice), expiry, persona.subscriber.country,
                addedAt,
            ])
            cards.append((db.lastInsertedRowID, addedAt))
        }

        var charges: [(at: Int64, cents: Int64, description: String, outcome: String)] = []
        let firstCharge = (cards.first?.addedAt ?? timeline.openedAt) + 120
        let priceChange = timeline.adding(months: -DemoVocabulary.priceChangeMonthsAgo, to: timeline.now)
        var months: [Int64] = []
        while true {
            let at = timeline.adding(months: months.count, to: firstCharge)
            guard at <= timeline.now else { break }
            months.append(at)
        }
        let declined = months.count > 4 ? dice.int(2...(months.count - 2)) : -1
        var duplicated = refundsDuplicate && months.count > 4 ? dice.int(1...(months.count - 2)) : -1
        if duplicated == declined { duplicated -= 1 }  // never the month whose charge was declined
        for (index, at) in months.enumerated() {
            let cents = at < priceChange ? DemoVocabulary.formerPriceCents : DemoVocabulary.currentPriceCents
            let description = DemoVocabulary.subscriptionDescription(month: DemoTimeline.month(at))
            if index == declined {
                charges.append((at, cents, description + " (card declined)", "failed"))
                charges.append((at + 2 * DemoTimeline.day, cents, description + " (retry)", "paid"))
            } else {
                charges.append((at, cents, description, "paid"))
            }
            if index == duplicated {
                charges.append((at + 3_600, cents, description + " (duplicate)", "paid"))
                charges.append(
                    (
                        at + 3 * DemoTimeline.day, cents, "Refund of duplicate charge \(DemoTimeline.month(at))",
                        "refunded"
                    ))
            }
        }
        let transaction = try db.cachedStatement(
            sql: """
                INSERT INTO payment_transaction (accountId, paymentMethodId, occurredAt, amountCents, currency, description, outcome)
                VALUES (?, ?, ?, ?, 'EUR', ?, ?)
                """)
        for charge in charges.sorted(by: { $0.at < $1.at }) where charge.at <= timeline.now {
            let card = cards.last { $0.addedAt <= charge.at } ?? cards.first
            try transaction.execute(arguments: [
                accountId, card?.id, charge.at, charge.cents, charge.description, charge.outcome,
            ])
        }
    }
}
