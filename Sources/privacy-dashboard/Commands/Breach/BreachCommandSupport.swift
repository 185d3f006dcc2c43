import Foundation
import PrivacyModel

/// What every `breach` subcommand shares: the words in the locale's language, the catalogue's category names in
/// it, and the signed-in member of staff.
struct BreachCommandSupport {
    let context: PrivacyContext
    let strings: Strings
    let catalogue: PolicyCatalogue

    /// Words from the string tables in the language of the locale (LC_ALL, LC_MESSAGES, LANG), else English.
    init(context: PrivacyContext) throws {
        self.context = context
        let language =
            (try? LanguageChoice.resolve(flag: nil, environment: ProcessInfo.processInfo.environment))?.language
            .rawValue ?? "en"
        do { strings = try Strings.bundled(language: language) } catch {
            throw CommandFailure(message: error.description, code: ExitStatus.noInput)
        }
        let texts = (try? CatalogueLoader.bundledTexts(language: language)) ?? [:]
        catalogue = texts.isEmpty ? context.catalogue : context.catalogue.localized(texts)
    }

    var wording: BreachRegisterWording { BreachRegisterWording(strings: strings) }

    /// The staff member, refused in one line unless their role allows `action`.
    func staff(_ signIn: StaffSignInOptions, for action: StaffAction) throws -> StaffAccess {
        StaffAccess(staff: try signIn.identity(context, for: action), reason: nil)
    }
}

/// Reads a text option's value: a file's contents, or standard input for "-".
enum BreachTextInput {
    /// The text of `path` ("-" reads standard input), without a final newline; a missing file is one line.
    static func read(_ path: String) throws -> String {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw CommandFailure(message: "cannot read \(path)", code: ExitStatus.noInput)
            }
            data = contents
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure(message: "\(path) is not UTF-8 text", code: ExitStatus.dataError)
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
