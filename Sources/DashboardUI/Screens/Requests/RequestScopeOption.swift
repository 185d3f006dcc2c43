import PrivacyModel

/// One thing a request may target, as the wizard offers it: the scope, its label and a short explanation.
struct RequestScopeOption: Equatable {
    /// The scope filed when this option is chosen.
    let scope: RequestScope
    /// What the list shows ("Payment", "Phone (Contact details)", "One JSON document").
    let label: String
    /// A short line beside it in the list (the category's or purpose's summary), possibly empty.
    let summary: String
    /// What it covers, shown under the list for the highlighted option.
    let explanation: String

    /// Makes an option; the explanation defaults to the summary.
    init(scope: RequestScope, label: String, summary: String, explanation: String? = nil) {
        self.scope = scope
        self.label = label
        self.summary = summary
        self.explanation = explanation ?? summary
    }

    /// The options a right can target: the model's scopes for it (`RightScopes`), in that order, with labels.
    @MainActor
    static func options(for right: Right, session: Session) -> [RequestScopeOption] {
        guard let kind = RightKind(rawValue: right.id) else { return [] }
        let catalogue = session.catalogue
        let strings = session.strings
        let scopes = RightScopes(catalogue: catalogue)
        return scopes.scopes(for: kind).map { scope in
            switch scope.kind {
            case .all:
                return RequestScopeOption(
                    scope: scope, label: strings["requests.scope.all"], summary: strings["requests.scope.all.summary"])
            case .account:
                return RequestScopeOption(
                    scope: scope, label: strings["requests.scope.account"],
                    summary: strings["requests.scope.account.summary"])
            case .category:
                let category = catalogue.category(scope.value)
                return RequestScopeOption(
                    scope: scope, label: category?.name ?? scope.value, summary: category?.summary ?? "")
            case .field where scope.value == RequestScope.otherField:
                return RequestScopeOption(
                    scope: scope, label: strings["requests.scope.otherField"], summary: "",
                    explanation: strings["requests.scope.otherField.summary"])
            case .field:
                let name = RequestText.fieldName(scope.value, session: session)
                let category = scopes.category(ofField: scope.value)
                return RequestScopeOption(
                    scope: scope,
                    label: strings("requests.scope.fieldIn", ["field": name, "category": category?.name ?? ""]),
                    summary: "", explanation: category?.summary ?? "")
            case .purpose:
                let purpose = catalogue.purpose(scope.value)
                return RequestScopeOption(
                    scope: scope, label: purpose?.name ?? scope.value, summary: purpose?.summary ?? "")
            case .format:
                let format = catalogue.exportFormats.first { $0.id == scope.value }
                return RequestScopeOption(scope: scope, label: format?.name ?? scope.value, summary: "")
            }
        }
    }
}
