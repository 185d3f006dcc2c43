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

    /// The options a right can target, from the catalogue's `scopes` for it, in that order.
    ///
    /// Only options the model accepts are offered: categories the right applies to, correctable
    /// fields (and "other"), purposes one can object to for an objection, and the export formats.
    @MainActor
    static func options(for right: Right, session: Session) -> [RequestScopeOption] {
        let catalogue = session.catalogue
        let strings = session.strings
        var options: [RequestScopeOption] = []
        for scopeName in right.scopes {
            guard let kind = RequestScopeKind(rawValue: scopeName) else { continue }
            switch kind {
            case .all:
                options.append(
                    RequestScopeOption(
                        scope: .all, label: strings["requests.scope.all"],
                        summary: strings["requests.scope.all.summary"]))
            case .account:
                options.append(
                    RequestScopeOption(
                        scope: .account, label: strings["requests.scope.account"],
                        summary: strings["requests.scope.account.summary"]))
            case .category:
                for category in catalogue.categories where category.rights.contains(right.id) {
                    options.append(
                        RequestScopeOption(
                            scope: .category(category.id), label: category.name, summary: category.summary))
                }
            case .field:
                for category in catalogue.categories {
                    for field in category.correctableFields ?? [] {
                        let name = RequestText.fieldName(field, session: session)
                        options.append(
                            RequestScopeOption(
                                scope: .field(field),
                                label: strings("requests.scope.fieldIn", ["field": name, "category": category.name]),
                                summary: "", explanation: category.summary))
                    }
                }
                options.append(
                    RequestScopeOption(
                        scope: .field(RequestScope.otherField), label: strings["requests.scope.otherField"],
                        summary: "", explanation: strings["requests.scope.otherField.summary"]))
            case .purpose:
                for purpose in catalogue.purposes
                where right.id != RightKind.objection.rawValue || purpose.objectable == true {
                    options.append(
                        RequestScopeOption(scope: .purpose(purpose.id), label: purpose.name, summary: purpose.summary))
                }
            case .format:
                for format in catalogue.exportFormats {
                    options.append(RequestScopeOption(scope: .format(format.id), label: format.name, summary: ""))
                }
            }
        }
        return options
    }
}
