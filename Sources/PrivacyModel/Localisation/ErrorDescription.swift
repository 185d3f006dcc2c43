extension KeyedUserFacingError {
    /// The error's English message from the strings table, the words the screens show in English, as the
    /// one-line clause the command line prints after its name ("no store at …"): each message is written once.
    public var description: String {
        let english = Strings.english
        // The clause is made from the English text before its values go in, so a value keeps its own full stop.
        let clause = ErrorClause.clause(of: english[message.key])
        return english.fill(clause, with: message.values, formats: Formats(language: "en"))
    }
}

/// Turns a message sentence into the clause a command-line error line holds, and back.
enum ErrorClause {
    /// "No store at x." → "no store at x": no closing full stop, and a capital that only starts the sentence
    /// lowered (a reference such as "PD-7K3M" or a path keeps its case).
    static func clause(of sentence: String) -> String {
        var text = sentence.hasSuffix(".") ? String(sentence.dropLast()) : sentence
        let letters = Array(text.prefix(2))
        if letters.count == 2, letters[0].isUppercase, letters[1].isLowercase {
            text = letters[0].lowercased() + text.dropFirst()
        }
        return text
    }

    /// "no store at x" → "No store at x.": a clause written as a sentence again.
    static func sentence(of clause: String) -> String {
        guard let first = clause.first, first.isLowercase else { return clause }
        return first.uppercased() + clause.dropFirst() + "."
    }
}
