public import Foundation
public import TerminalKit

/// Settings for one run of the dashboard.
public struct DashboardConfiguration: Sendable {
    /// Sign out after this long without a key (default 10 minutes), for shared support boxes.
    public var idleTimeout: TimeInterval
    /// Accounts to show on the sign-in screen of a demo store.
    public var demoCredentials: [DemoCredential]
    /// Below this size the dashboard shows "terminal too small" instead of a cramped layout.
    public var minimumSize: Size
    /// True when an account's own language replaces the run's after sign-in (the run's language came from the
    /// locale, not from `--lang`); false keeps the strings the dashboard was made with.
    public var followsAccountLanguage: Bool

    /// The smallest size every screen is laid out for.
    public static let defaultMinimumSize = Size(width: 72, height: 22)

    /// Makes a configuration.
    public init(
        idleTimeout: TimeInterval = 600, demoCredentials: [DemoCredential] = [],
        minimumSize: Size = DashboardConfiguration.defaultMinimumSize, followsAccountLanguage: Bool = false
    ) {
        self.idleTimeout = idleTimeout
        self.demoCredentials = demoCredentials
        self.minimumSize = minimumSize
        self.followsAccountLanguage = followsAccountLanguage
    }
}
