import PrivacyModel

/// The lines a request that deletes data carries at the top of the console's request view: that completing it
/// needs a second member of staff with the approver role, and whether the model lets the reader be that person.
@MainActor
enum ConsoleFourEyesNote {
    /// The note for `request` as `refusal` (the model's answer for the reader) leaves it; none for other requests.
    static func lines(
        _ request: RightsRequest, refusal: StaffError?, width: Int, session: ConsoleSession
    ) -> [RequestStyledLine] {
        guard request.isOpen, StaffRequestRules.needsSecondPerson(RequestEffect.of(request)) else { return [] }
        let strings = session.strings
        var texts = [strings["console.fourEyes.rule"]]
        if request.status.allows(.complete) {
            texts.append(
                refusal.map { strings("console.fourEyes.refused", ["reason": session.message(for: $0)]) }
                    ?? strings["console.fourEyes.allowed"])
        }
        return texts.flatMap { text in
            TextWrap.lines(text, width: width).map { RequestStyledLine($0, style: .warning) }
        } + [.blank]
    }
}
