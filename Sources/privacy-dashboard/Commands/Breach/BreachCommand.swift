import ArgumentParser

/// `breach`: the breach register, kept by approvers (auditors may read it).
struct BreachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breach", abstract: "Record, publish, update and close personal data breaches.",
        discussion: """
            A breach is recorded as a draft in codes (what happened, the data categories, who is affected, \
            likely consequences, what the service is doing, what subscribers can do) plus a contact and optional \
            details in the approver's words. Publishing gives every affected subscriber a notice in the dashboard, \
            in their language, and queues a mail to them, all at once. Notices are due 72 hours after discovery; \
            `breach list` counts down and flags OVERDUE. Acts as the kept `staff sign-in` or `--staff NAME`.
            """,
        subcommands: [
            BreachRecordCommand.self, BreachUpdateCommand.self, BreachPublishCommand.self, BreachCloseCommand.self,
            BreachListCommand.self, BreachShowCommand.self,
        ])
}
