import Foundation

/// Replays each demo subscriber's preference changes and rights requests through the real services, at past instants.
///
/// The services take their time from the context's clock, so the replay runs them on a second context
/// over the same store whose clock is moved to each step's instant; receipts, request events and audit
/// entries therefore carry believable dates and pass every rule the services enforce.
enum DemoRightsHistory {
    /// One preference switch: which, to what, how many days ago.
    struct PreferenceChange {
        let id: String
        let value: Bool
        let daysAgo: Int
    }

    /// One step of a request's life, this many days after filing.
    enum Step {
        case acknowledge(Double)
        case verifyIdentity(Double)
        case start(Double)
        case complete(Double, note: String)
        case deny(Double, reason: String)
        case extend(Double, byDays: Int, reason: String)
    }

    /// One request: what, when filed and what happened since.
    struct RequestPlan {
        let type: RightKind
        let scope: RequestScope
        let details: RequestDetails
        let filedDaysAgo: Int
        let steps: [Step]
    }

    /// What the support agent wrote when confirming receipt and identity: in the subscriber's own language,
    /// as the demo's support messages are (the store keeps a person's note as typed).
    static let agentNotes: [String: (receipt: String, identity: String)] = [
        "de": ("Eingang per E-Mail bestätigt.", "Mit dem Passwort des Kontos angemeldet."),
        "fr": ("Réception confirmée par e-mail.", "Connexion avec le mot de passe du compte."),
        "ja": ("メールで受付を確認しました。", "アカウントのパスワードでサインインしました。"),
        "en": ("Receipt confirmed by email.", "Signed in with the account password."),
    ]

    /// Preference changes by username, oldest first.
    static let preferenceChanges: [String: [PreferenceChange]] = [
        DemoSubscriber.lena.username: [
            .init(id: "communications.newsletter", value: true, daysAgo: 690),
            .init(id: "cookies.analytics", value: true, daysAgo: 540),
            .init(id: "cookies.analytics", value: false, daysAgo: 300),
            .init(id: "recommendations.viewing-history", value: false, daysAgo: 95),
        ],
        DemoSubscriber.elodie.username: [
            .init(id: "communications.offers", value: true, daysAgo: 700),
            .init(id: "cookies.performance", value: true, daysAgo: 420),
            .init(id: "communications.offers", value: false, daysAgo: 260),
            .init(id: "recommendations.personalised", value: false, daysAgo: 150),
        ],
        DemoSubscriber.haruto.username: [
            .init(id: "communications.newsletter", value: true, daysAgo: 610),
            .init(id: "analytics.service-improvement", value: false, daysAgo: 330),
            .init(id: "tracking.web-beacons", value: true, daysAgo: 40),
        ],
        DemoSubscriber.siobhan.username: [
            .init(id: "communications.surveys", value: true, daysAgo: 500),
            .init(id: "tracking.local-storage", value: false, daysAgo: 120),
        ],
    ]

    /// Rights requests by username: a completed access request, a refused deletion, an open correction,
    /// an overdue deletion and an extended portability request.
    static let requests: [String: [RequestPlan]] = [
        DemoSubscriber.lena.username: [
            RequestPlan(
                type: .deletion, scope: .category("payment"),
                details: RequestDetails(note: "Bitte alle Zahlungsdaten löschen."),
                filedDaysAgo: 400,
                steps: [
                    .acknowledge(0.6), .verifyIdentity(1.5),
                    .deny(
                        6,
                        reason:
                            "Zahlungsbelege müssen nach Steuer- und Handelsrecht 7 Jahre aufbewahrt werden; danach werden sie gelöscht."
                    ),
                ]),
            RequestPlan(
                type: .access, scope: .all, details: .empty, filedDaysAgo: 210,
                steps: [
                    .acknowledge(0.4), .verifyIdentity(1.2), .start(2),
                    .complete(
                        12, note: "Eine Kopie aller Daten wurde als ZIP-Archiv mit JSON- und CSV-Dateien übermittelt."),
                ]),
        ],
        DemoSubscriber.elodie.username: [
            RequestPlan(
                type: .correction, scope: .field("phone"),
                details: RequestDetails(
                    currentValue: "+33 6 39 98 42 17", requestedValue: "+33 6 39 98 42 71",
                    note: "Les deux derniers chiffres sont inversés."),
                filedDaysAgo: 8, steps: [.acknowledge(0.8), .verifyIdentity(2)])
        ],
        DemoSubscriber.haruto.username: [
            RequestPlan(
                type: .deletion, scope: .category("viewing"), details: RequestDetails(note: "視聴履歴をすべて削除してください。"),
                filedDaysAgo: 41, steps: [.acknowledge(1), .verifyIdentity(3), .start(5)])
        ],
        DemoSubscriber.siobhan.username: [
            RequestPlan(
                type: .portability, scope: .format("zip"), details: .empty, filedDaysAgo: 50,
                steps: [
                    .acknowledge(0.5), .verifyIdentity(2), .start(4),
                    .extend(
                        25, byDays: 80, reason: "The export covers several systems; more time is needed to collect it."),
                ])
        ],
    ]

    /// Writes every planned change and request for the seeded accounts.
    static func write(context: PrivacyContext, accounts: [(persona: DemoPersona, id: Int64)], seed: UInt64) throws {
        let now = context.now.epochSeconds
        let clock = FixedClock(context.now)
        let settings = ModelSettings(
            clock: clock, random: SeededRandomSource(seed: seed), scrypt: context.settings.scrypt, channel: "dashboard")
        let past = try PrivacyContext(store: context.store, catalogue: context.catalogue, settings: settings)
        let dice = DemoDice(seed: seed &+ 1)
        let preferences = PreferenceService(context: past)
        let service = RequestService(context: past)
        for (persona, accountId) in accounts {
            let username = persona.subscriber.username
            let timeline = DemoTimeline(now: context.now, persona: persona)
            let notes = agentNotes[persona.subscriber.language] ?? agentNotes["en"] ?? ("", "")
            for change in preferenceChanges[username] ?? [] {
                let at = timeline.time(daysAgo: change.daysAgo, hourWeights: DemoTimeline.wakingHours, dice: dice)
                clock.set(Date(epochSeconds: at))
                try preferences.set(change.id, to: change.value, accountId: accountId, channel: "dashboard")
            }
            for plan in requests[username] ?? [] {
                let filedAt = now - Int64(plan.filedDaysAgo) * DemoTimeline.day + Int64(dice.int(0...21_600))
                clock.set(Date(epochSeconds: filedAt))
                let reference = try service.file(
                    accountId: accountId, type: plan.type, scope: plan.scope, details: plan.details,
                    channel: "dashboard"
                ).reference
                for step in plan.steps {
                    func move(_ days: Double) {
                        let at = filedAt + Int64(days * Double(DemoTimeline.day)) + Int64(dice.int(0...3_600))
                        clock.set(Date(epochSeconds: min(at, now - 60)))
                    }
                    switch step {
                    case .acknowledge(let days):
                        move(days)
                        try service.acknowledge(reference: reference, actor: .support, note: notes.receipt)
                    case .verifyIdentity(let days):
                        move(days)
                        try service.verifyIdentity(reference: reference, actor: .support, note: notes.identity)
                    case .start(let days):
                        move(days)
                        try service.start(reference: reference, actor: .support)
                    case .complete(let days, let note):
                        move(days)
                        try service.complete(reference: reference, actor: .support, note: note)
                    case .deny(let days, let reason):
                        move(days)
                        try service.deny(reference: reference, actor: .support, reason: reason)
                    case .extend(let days, let byDays, let reason):
                        move(days)
                        let due = Date(epochSeconds: filedAt + Int64(byDays) * DemoTimeline.day)
                        try service.extend(reference: reference, to: due, reason: reason, actor: .support)
                    }
                }
            }
        }
    }
}
