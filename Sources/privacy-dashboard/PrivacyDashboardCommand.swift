import ArgumentParser
import Foundation
import Logging
import PrivacyModel

/// The root command: parses arguments and hands over to a subcommand.
struct PrivacyDashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy-dashboard",
        abstract: "See and control what a streaming service holds about you.",
        discussion: """
            Every subcommand takes --store PATH (or PRIVACY_DASHBOARD_STORE); the default store is \
            $XDG_DATA_HOME/privacy-dashboard/store.sqlite. Passwords are read from a prompt or \
            --password-stdin, never from arguments.
            """,
        version: "0.1.0",
        subcommands: [
            OpenCommand.self, ScreenCommand.self, InitCommand.self, AccountCommand.self, DemoCommand.self,
            DataCommand.self, RequestsCommand.self, StaffCommand.self, BreachCommand.self,
            PolicyCommand.self, CheckCommand.self, RetentionCommand.self, NotifyCommand.self,
            ExportCommand.self, DownloadCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )
}

/// Runs the command line and turns every failure into a one-line message and a sysexits code.
@main
enum Entry {
    static func main() {
        setlocale(LC_ALL, "")
        umask(0o077)
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel =
                Logger.Level(rawValue: ProcessInfo.processInfo.environment["PRIVACY_DASHBOARD_LOG"] ?? "")
                ?? .warning
            return handler
        }
        do {
            var command = try PrivacyDashboardCommand.parseAsRoot()
            try command.run()
        } catch let error as any UserFacingError {
            Console.error(error.description)
            exit(ExitStatus.code(for: error.kind))
        } catch let error as CommandFailure {
            Console.error(error.message)
            exit(error.code)
        } catch  where PrivacyDashboardCommand.exitCode(for: error) == .validationFailure {
            // A malformed or missing argument (a day, a size, a format) is one line too; --help lists the values.
            let message = PrivacyDashboardCommand.message(for: error).split(separator: "\n").joined(separator: " ")
            Console.error(message)
            exit(ExitStatus.usage)
        } catch {
            PrivacyDashboardCommand.exit(withError: error)
        }
    }
}
