/// One message in a support conversation template; "%NAME%" becomes the subscriber's salutation.
struct DemoMessage {
    /// True when the subscriber wrote it, false when support did.
    let fromSubscriber: Bool
    /// The text.
    let body: String

    /// A message the subscriber wrote.
    static func subscriber(_ body: String) -> DemoMessage { DemoMessage(fromSubscriber: true, body: body) }
    /// A message support wrote.
    static func support(_ body: String) -> DemoMessage { DemoMessage(fromSubscriber: false, body: body) }

    /// The schema's direction value.
    var direction: String { fromSubscriber ? "from-subscriber" : "from-support" }
}

/// Support conversations by language, written as a subscriber and the support team would write them.
enum DemoMessages {
    /// Conversations by ISO 639-1 language; the first German one holds a comma, a double quote and a newline on purpose.
    static let threads: [String: [[DemoMessage]]] = [
        "de": [
            [
                .subscriber(
                    "Hallo,\nseit gestern zeigt der Sender \"ZDF\" auf dem Fernseher nur ein schwarzes Bild. Ton ist da, Bild nicht. Was kann ich tun?"
                ),
                .support(
                    "Guten Tag %NAME%, danke für Ihre Nachricht. Bitte starten Sie die App neu und leeren Sie unter Einstellungen › Speicher den Cache. Klappt es danach?"
                ),
                .subscriber("Ja, jetzt läuft es wieder. Vielen Dank!"),
            ],
            [
                .subscriber("Warum wurden mir diesen Monat 14,99 € statt 12,99 € abgebucht?"),
                .support(
                    "Guten Tag %NAME%, seit der Preisanpassung kostet Premium 14,99 € im Monat. Wir haben Sie 30 Tage vorher per E-Mail informiert. Sie können jederzeit zum Monatsende kündigen."
                ),
            ],
            [
                .subscriber("Beim Bundesliga-Topspiel hängt das Bild alle paar Minuten. Mein Internet hat 100 Mbit/s."),
                .support(
                    "Hallo %NAME%, am Samstagabend war einer unserer Server in Frankfurt überlastet. Das ist behoben. Entschuldigen Sie die Störung!"
                ),
                .subscriber("Danke für die schnelle Antwort."),
            ],
            [
                .subscriber("Welche Daten speichern Sie eigentlich über mein Sehverhalten? Und wie lange?"),
                .support(
                    "Guten Tag %NAME%, im Privacy Dashboard unter „Meine Daten“ sehen Sie alles, was wir speichern, mit Zweck und Speicherdauer. Der Sehverlauf wird nach 2 Jahren gelöscht."
                ),
            ],
            [
                .subscriber("Ich habe einen neuen Fire TV Stick. Muss ich die App neu kaufen?"),
                .support(
                    "Nein, %NAME%. Installieren Sie die App aus dem Amazon Appstore und melden Sie sich mit Ihrem Konto an. Bis zu 3 Geräte gleichzeitig sind im Tarif enthalten."
                ),
            ],
            [
                .subscriber("Ich bekomme eine Warnung über eine Anmeldung aus Hamburg. Das war ich nicht!"),
                .support(
                    "Guten Tag %NAME%, wir haben alle Sitzungen beendet. Bitte ändern Sie jetzt Ihr Passwort. Die verdächtigen Anmeldeversuche prüfen wir weiter."
                ),
                .subscriber("Erledigt, Passwort ist geändert."),
            ],
        ],
        "fr": [
            [
                .subscriber("Bonjour, depuis ce matin France 2 s'arrête toutes les deux minutes sur ma télé Sony."),
                .support(
                    "Bonjour %NAME%, pouvez-vous nous indiquer la version de l'application (Paramètres › À propos) ?"),
                .subscriber("C'est la version 4.3.2."),
                .support(
                    "Merci ! Une mise à jour corrige ce problème ; elle arrive automatiquement ce soir. Toutes nos excuses pour la gêne occasionnée."
                ),
            ],
            [
                .subscriber("Est-ce que je peux regarder Canal+ pendant mes vacances à Marseille ?"),
                .support(
                    "Bien sûr, %NAME% : en France, toutes vos chaînes restent disponibles. Seules certaines chaînes sont limitées hors de l'UE."
                ),
                .subscriber("Parfait, merci beaucoup 🙏"),
            ],
            [
                .subscriber("J'ai été prélevée deux fois ce mois-ci. Pouvez-vous vérifier ?"),
                .support(
                    "Bonjour %NAME%, le premier prélèvement a échoué et le second a réussi : vous n'avez payé qu'une fois. Le premier apparaît comme « refusé » sur votre relevé."
                ),
            ],
            [
                .subscriber("Je voudrais ne plus recevoir de recommandations basées sur ce que je regarde."),
                .support(
                    "Bonjour %NAME%, vous pouvez désactiver « Recommandations personnalisées » dans le tableau de bord de confidentialité, rubrique Préférences. Le changement est immédiat."
                ),
            ],
            [
                .subscriber("Le guide des programmes affiche « aucune donnée » pour TF1 ce soir."),
                .support(
                    "Merci de l'avoir signalé, %NAME%. Les données du guide sont revenues ; il suffit de rouvrir le guide."
                ),
            ],
        ],
        "ja": [
            [
                .subscriber("こんにちは。NHKワールド・プレミアムの番組表が表示されません。"),
                .support("%NAME%、お問い合わせありがとうございます。アプリを再起動していただけますか。"),
                .subscriber("再起動したら直りました。ありがとうございます。"),
            ],
            [
                .subscriber("大相撲中継の途中で画面が何度も止まります。回線は100Mbpsです。"),
                .support("%NAME%、ご不便をおかけして申し訳ございません。配信サーバーの不具合は解消いたしました。"),
            ],
            [
                .subscriber("日本に一時帰国する間も視聴できますか？"),
                .support("%NAME%、契約上、EU域外では一部のチャンネルがご覧いただけません。NHKワールドは視聴可能です。"),
                .subscriber("承知しました。"),
            ],
            [
                .subscriber("新しいクレジットカードを登録したいのですが、どうすればよいですか？"),
                .support("%NAME%、ウェブブラウザでアカウント › お支払い方法から登録できます。カード番号は決済代行会社のみが保管し、当社にはトークンだけが残ります。"),
            ],
            [
                .subscriber("視聴履歴を削除してもらえますか？"),
                .support("%NAME%、プライバシーダッシュボードの「権利の行使」から削除を申請できます。30日以内に対応いたします。"),
            ],
        ],
        "en": [
            [
                .subscriber("Hi, the Late Late Show keeps dropping to low quality on the telly. Any idea why?"),
                .support(
                    "Hello %NAME%, your connection measured 9 Mbit/s last night, which only allows 720p. Restarting the router often helps."
                ),
                .subscriber("Restarted it and it's grand now, thanks."),
            ],
            [
                .subscriber("Can I add my son's phone to my subscription?"),
                .support(
                    "Hi %NAME%, yes: up to 3 devices can watch at once. He just signs in with your account on his phone."
                ),
            ],
            [
                .subscriber("I was charged twice in March, could you check?"),
                .support(
                    "Hello %NAME%, sorry about that: the second charge was a mistake and has been refunded. It can take 5 working days to show."
                ),
                .subscriber("Thanks, I see it now."),
            ],
            [
                .subscriber("Why do you need my date of birth?"),
                .support(
                    "Hi %NAME%, the service is only for adults, so we check your age when the account is opened. It is not used for anything else."
                ),
            ],
        ],
    ]
}
