import ArgumentParser
import DashboardUI
import Foundation
import PrivacyModel
import TerminalKit

/// The look-and-feel options of every command that shows the dashboard.
struct DashboardOptions: ParsableArguments {
    @Flag(help: "Draw borders and markers with plain ASCII characters.") var ascii = false
    @Flag(name: .customLong("no-color"), help: "Use no colour (the same as setting NO_COLOR).") var noColor = false
    @Option(
        help: ArgumentHelp(
            "Sign out after this many minutes without a key (default 10, or $PRIVACY_DASHBOARD_IDLE_MINUTES).",
            valueName: "minutes"))
    var idleMinutes: Int?
    @Option(
        help: ArgumentHelp(
            "The dashboard's language: en, de or fr (default: from LC_ALL, LC_MESSAGES or LANG, else English; "
                + "after sign-in the account's own language, unless --lang is given).",
            valueName: "language"))
    var lang: String?

    /// The language to start in, from --lang or the locale; an unknown --lang is a usage error.
    func languageChoice() throws -> LanguageChoice {
        do {
            return try LanguageChoice.resolve(flag: lang, environment: ProcessInfo.processInfo.environment)
        } catch { throw CommandFailure.usage(error.description) }
    }

    /// The idle time in force, from the option, the environment or the default; a value that is not a whole
    /// number of minutes from 1 to 1440, in either place, is a usage error (never ignored); an empty variable is unset.
    func idleTimeout() throws -> TimeInterval {
        let variable = "PRIVACY_DASHBOARD_IDLE_MINUTES"
        let allowed = 1...1440
        if let minutes = idleMinutes {
            guard allowed.contains(minutes) else {
                throw CommandFailure.usage("--idle-minutes must be between 1 and 1440 (got \(minutes))")
            }
            return TimeInterval(minutes * 60)
        }
        let text = ProcessInfo.processInfo.environment[variable] ?? ""
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return 10 * 60 }  // unset or empty: the default
        guard let minutes = Int(trimmed), allowed.contains(minutes) else {
            throw CommandFailure.usage(
                "\(variable) must be a whole number of minutes between 1 and 1440 (got \"\(SafeText.clean(text))\")")
        }
        return TimeInterval(minutes * 60)
    }

    /// The terminal options from these flags and the environment.
    var terminalOptions: TerminalOptions {
        TerminalOptions.from(environment: ProcessInfo.processInfo.environment, ascii: ascii, noColor: noColor)
    }

    /// The dashboard configuration, with demo accounts to show on the sign-in screen.
    func configuration(demo: [DemoCredential] = []) throws -> DashboardConfiguration {
        DashboardConfiguration(
            idleTimeout: try idleTimeout(), demoCredentials: demo,
            followsAccountLanguage: !(try languageChoice().isExplicit))
    }

    /// The string catalogue in the chosen language, or a one-line failure when the installation lacks it.
    func strings() throws -> Strings {
        let language = try languageChoice().language
        do { return try Strings.bundled(language: language.rawValue) } catch {
            throw CommandFailure(message: error.description, code: ExitStatus.noInput)
        }
    }
}
