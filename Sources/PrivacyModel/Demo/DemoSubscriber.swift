/// One subscriber of the demo store, public so demos, screenshots and tests can sign in as them.
public struct DemoSubscriber: Sendable, Equatable {
    /// Login email (a reserved example domain).
    public let email: String
    /// Username.
    public let username: String
    /// Full name, with the accents or script of the subscriber's language.
    public let fullName: String
    /// Date of birth, YYYY-MM-DD.
    public let birthdate: String
    /// Country of residence (ISO 3166-1 alpha-2).
    public let country: String
    /// Preferred language (ISO 639-1), also the language of their support messages.
    public let language: String
    /// Home city, as the approximate location shows it.
    public let city: String

    /// A German subscriber in Cologne: the largest history, German messages.
    public static let lena = DemoSubscriber(
        email: "lena.mueller@example.com", username: "lena.mueller", fullName: "Lena Müller",
        birthdate: "1988-03-14", country: "DE", language: "de", city: "Köln")
    /// A French subscriber in Lyon: accents in the name, French messages.
    public static let elodie = DemoSubscriber(
        email: "elodie.fournier@example.org", username: "elodie.fournier", fullName: "Élodie Fournier",
        birthdate: "1993-09-02", country: "FR", language: "fr", city: "Lyon")
    /// A Japanese subscriber living in Düsseldorf: CJK name and Japanese messages.
    public static let haruto = DemoSubscriber(
        email: "haruto.sato@example.net", username: "haruto.sato", fullName: "佐藤 陽翔",
        birthdate: "1979-11-23", country: "DE", language: "ja", city: "Düsseldorf")
    /// An Irish subscriber in Dublin with no phone on file: English messages, an apostrophe in the name.
    public static let siobhan = DemoSubscriber(
        email: "siobhan.oconnor@example.com", username: "siobhan_oc", fullName: "Siobhán O'Connor",
        birthdate: "1965-06-30", country: "IE", language: "en", city: "Dublin")

    /// Every demo subscriber, the largest history first.
    public static let all: [DemoSubscriber] = [lena, elodie, haruto, siobhan]
}
