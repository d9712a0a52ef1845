// The translation catalogues are complete: every message of the console
// (translations/hivemind_*.ts) and of the server (hivemind_server_*.ts: the
// public status page, alert e-mails) is translated in zh_TW and zh_CN, and
// the catalogues hold exactly the strings the code asks for (checked by
// running lupdate over app/, respectively server/, again).

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    QStringList translations; // one, or several for numerus forms
    QString type;             // "", "unfinished", "vanished", "obsolete"
    bool numerus = false;

    QString key() const
    {
        return context + QLatin1Char('\x1f') + source + QLatin1Char('\x1f') + comment;
    }
};

struct Catalogue
{
    QString language;
    QString sourceLanguage;
    QList<Message> messages;
    QString error;

    QSet<QString> keys() const
    {
        QSet<QString> all;
        for (const Message &m : messages)
            all.insert(m.key());
        return all;
    }
};

Catalogue readCatalogue(const QString &path)
{
    Catalogue catalogue;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        catalogue.error = QStringLiteral("cannot open ") + path;
        return catalogue;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("TS")) {
                catalogue.language = xml.attributes().value(QLatin1String("language")).toString();
                catalogue.sourceLanguage =
                    xml.attributes().value(QLatin1String("sourcelanguage")).toString();
            } else if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                inMessage = true;
                message = Message{};
                message.context = context;
                message.numerus =
                    xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (inMessage && name == QLatin1String("source")) {
                message.source = xml.readElementText();
            } else if (inMessage && name == QLatin1String("comment")) {
                message.comment = xml.readElementText();
            } else if (inMessage && name == QLatin1String("translation")) {
                message.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!message.numerus)
                    message.translations << xml.readElementText();
            } else if (inMessage && name == QLatin1String("numerusform")) {
                message.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            inMessage = false;
            catalogue.messages << message;
        }
    }
    if (xml.hasError())
        catalogue.error = path + QStringLiteral(": ") + xml.errorString();
    return catalogue;
}

QString sourceDir()
{
    return QStringLiteral(HIVEMIND_SOURCE_DIR);
}

// `set`: "hivemind" (the console's) or "hivemind_server".
QString cataloguePath(const QString &set, const QString &language)
{
    return sourceDir() + QStringLiteral("/translations/") + set + u'_' + language +
           QStringLiteral(".ts");
}

// The catalogue sets and the source folder lupdate reads for each.
struct CatalogueSet
{
    const char *name;
    const char *sources;
    int leastMessages;
};
const CatalogueSet kCatalogueSets[] = {{"hivemind", "/app", 50},
                                       {"hivemind_server", "/server", 20}};

// %1, %2, %n: the translation must keep the placeholders of the source.
QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(\\d+|n)"));
    QSet<QString> found;
    auto it = pattern.globalMatch(text);
    while (it.hasNext())
        found.insert(it.next().captured(0));
    return found;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void cataloguesParse_data();
    void cataloguesParse();
    void chineseIsComplete_data();
    void chineseIsComplete();
    void cataloguesAgree_data();
    void cataloguesAgree();
    void cataloguesMatchTheCode_data();
    void cataloguesMatchTheCode();
};

void TestTranslations::cataloguesParse_data()
{
    QTest::addColumn<QString>("set");
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("leastMessages");
    for (const CatalogueSet &set : kCatalogueSets) {
        for (const char *language : {"en", "zh_TW", "zh_CN"})
            QTest::addRow("%s_%s", set.name, language)
                << QString::fromLatin1(set.name) << QString::fromLatin1(language)
                << set.leastMessages;
    }
}

void TestTranslations::cataloguesParse()
{
    QFETCH(QString, set);
    QFETCH(QString, language);
    QFETCH(int, leastMessages);
    const Catalogue catalogue = readCatalogue(cataloguePath(set, language));
    QVERIFY2(catalogue.error.isEmpty(), qPrintable(catalogue.error));
    QCOMPARE(catalogue.language, language);
    QCOMPARE(catalogue.sourceLanguage, QStringLiteral("en"));
    QVERIFY(catalogue.messages.size() > leastMessages);
    for (const Message &m : catalogue.messages) {
        const QString where = m.context + QStringLiteral(": ") + m.source;
        QVERIFY2(m.type != QLatin1String("unfinished"),
                 qPrintable(QStringLiteral("unfinished: ") + where));
        QVERIFY2(m.type != QLatin1String("vanished") && m.type != QLatin1String("obsolete"),
                 qPrintable(QStringLiteral("stale: ") + where));
    }
}

void TestTranslations::chineseIsComplete_data()
{
    QTest::addColumn<QString>("set");
    QTest::addColumn<QString>("language");
    for (const CatalogueSet &set : kCatalogueSets) {
        for (const char *language : {"zh_TW", "zh_CN"})
            QTest::addRow("%s_%s", set.name, language)
                << QString::fromLatin1(set.name) << QString::fromLatin1(language);
    }
}

void TestTranslations::chineseIsComplete()
{
    QFETCH(QString, set);
    QFETCH(QString, language);
    const Catalogue catalogue = readCatalogue(cataloguePath(set, language));
    QVERIFY2(catalogue.error.isEmpty(), qPrintable(catalogue.error));

    // Names kept as they are in every language: the only sources whose
    // translation may be the source itself.
    static const QSet<QString> keptAsIs{
        QStringLiteral("HiveMind"), QStringLiteral("VPN"), QStringLiteral("English"),
        QStringLiteral("JSON"), QStringLiteral("HTTP(S)"), QStringLiteral("WireGuard"),
        QStringLiteral("BGP"), QStringLiteral("MED"),
        QStringLiteral("SHA-256"), // a column: the digest's name
        QStringLiteral("MiB"),     // a chart axis: the unit
        // sizes (ByteSizeText): the IEC symbols
        QStringLiteral("%1 KiB"), QStringLiteral("%1 MiB"), QStringLiteral("%1 GiB"),
        QStringLiteral("%1 TiB"),
        // mail security modes and example addresses
        QStringLiteral("STARTTLS"), QStringLiteral("TLS"), QStringLiteral("hivemind@example.com"),
        QStringLiteral("you@example.com"),
        // tools and columns of remote operations
        QStringLiteral("Docker"), QStringLiteral("Nginx"), QStringLiteral("PID"),
        QStringLiteral("CPU %"), QStringLiteral("nginx %1")};
    // The Latin words a Chinese translation may hold: those names, and
    // technical names and acronyms that stay in Latin letters in Chinese.
    static const QSet<QString> latinTerms =
        keptAsIs +
        QSet<QString>{QStringLiteral("API"), QStringLiteral("BGP"), QStringLiteral("HTTP"),
                      QStringLiteral("OpenAPI"), QStringLiteral("PNG"), QStringLiteral("REST"),
                      QStringLiteral("WireGuard"), QStringLiteral("JSON"), QStringLiteral("URL"),
                      QStringLiteral("prod"), // an example node label
                      QStringLiteral("web"), QStringLiteral("any"), // a container glob, a keyword
                      QStringLiteral("down"), // "compose down"
                      QStringLiteral("Webhook"), QStringLiteral("POST"), QStringLiteral("MiB"),
                      QStringLiteral("KiB"), QStringLiteral("HTTPS"), QStringLiteral("TLS"),
                      QStringLiteral("SHA"), QStringLiteral("UTF"), QStringLiteral("IPv"), QStringLiteral("VPN"),
                      // PEM armour lines, quoted as they must be pasted
                      QStringLiteral("BEGIN"), QStringLiteral("END"), QStringLiteral("CERTIFICATE"),
                      QStringLiteral("PEM"),
                      // a terminal's shell (bash, sh) is "shell" in Chinese technical text
                      QStringLiteral("shell"), QStringLiteral("Shell"),
                      // wg-quick keys and sections named by import warnings
                      QStringLiteral("Table"), QStringLiteral("FwMark"), QStringLiteral("SaveConfig"),
                      QStringLiteral("Endpoint"), QStringLiteral("Peer"), QStringLiteral("Interface"),
                      // tools, paths and option names of remote operations
                      QStringLiteral("Compose"), QStringLiteral("compose"),
                      QStringLiteral("podman"), QStringLiteral("nginx"), QStringLiteral("sites"),
                      QStringLiteral("available"), QStringLiteral("enabled"),
                      QStringLiteral("socket"), QStringLiteral("batch"),
                      // WireGuard settings (app/vpn); "quick" of wg-quick, the
                      // tool whose files the VPN section imports
                      QStringLiteral("DNS"), QStringLiteral("MTU"), QStringLiteral("quick"),
                      // BGP through BIRD (app/vpn BgpPane); "upstream" of the
                      // example session name upstream_a
                      QStringLiteral("BIRD"), QStringLiteral("MED"), QStringLiteral("TTL"),
                      QStringLiteral("GTSM"), QStringLiteral("upstream"),
                      // remote operations (issue 38): process ids, signal names
                      // (SIGTERM, CONT …), the tools a grant names and the
                      // shell's own "stty", "echo" are not words to translate
                      QStringLiteral("pid"), QStringLiteral("PID"), QStringLiteral("SIG"),
                      QStringLiteral("CONT"), QStringLiteral("USER"), QStringLiteral("Docker"),
                      QStringLiteral("Nginx"), QStringLiteral("processes"),
                      QStringLiteral("terminal"), QStringLiteral("files"), QStringLiteral("docker"), QStringLiteral("tasks"), QStringLiteral("upgrade"), QStringLiteral("reboot"), QStringLiteral("DIR"), QStringLiteral("allow"), QStringLiteral("Ctrl"),
                      QStringLiteral("CPU"),
                      // what a probe checks (the alerts' probes)
                      QStringLiteral("TCP"), QStringLiteral("ICMP"), QStringLiteral("Ping"),
                      // mail protocols (the alert channels)
                      QStringLiteral("SMTP"), QStringLiteral("STARTTLS"),
                      // an HTTP parameter's place (app/services)
                      QStringLiteral("Cookie"),
                      // credential types and what they name (app/credentials)
                      QStringLiteral("Bearer"), QStringLiteral("OAuth"), QStringLiteral("SSH"),
                      QStringLiteral("OpenSSH"), QStringLiteral("PEM"), QStringLiteral("GET"),
                      QStringLiteral("PostgreSQL"), QStringLiteral("MySQL"),
                      // URL schemes as typed in an address
                      QStringLiteral("http"), QStringLiteral("https"),
                      // JSON literals the user types as they are
                      QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("null")};
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    static const QRegularExpression latinWord(QStringLiteral("[A-Za-z]{3,}"));
    // Command-line options, markup, mapping expressions ("$.trigger.…"),
    // field names ("customer_id"), quoted JSON names, e-mail addresses,
    // file patterns, dotted names (host names, URLs, metric names such
    // as "probe.web.up") and the section headers of a wg-quick file
    // ("[Interface]", "[Peer]") are not words of the text, nor are the
    // programs' names ("hivemind-agent").
    static const QRegularExpression notText(
        QStringLiteral("hivemind-[a-z]+|--[a-z-]+|<[^>]*>|\\$\\.\\S*|\\b\\w+_\\w+\\b|\"[^\"]*\"|\\S+@\\S+|"
                       "\\[[A-Z][a-z]+\\]|\\*\\.[a-z]+|[\\w:/-]*\\w\\.[\\w<%][\\w.:/*<>%-]*"));
    for (const Message &m : catalogue.messages) {
        const QString where = m.context + QStringLiteral(": ") + m.source;
        QVERIFY2(!m.translations.isEmpty(), qPrintable(QStringLiteral("no translation: ") + where));
        for (const QString &translation : m.translations) {
            QVERIFY2(!translation.trimmed().isEmpty(),
                     qPrintable(QStringLiteral("empty translation: ") + where));
            QCOMPARE(placeholders(translation), placeholders(m.source));
            if (keptAsIs.contains(m.source))
                continue;
            if (latinWord.match(m.source).hasMatch())
                QVERIFY2(han.match(translation).hasMatch(),
                         qPrintable(QStringLiteral("not translated: ") + where));
            QString text = translation;
            text.remove(notText);
            auto words = latinWord.globalMatch(text);
            while (words.hasNext()) {
                const QString word = words.next().captured(0);
                QVERIFY2(latinTerms.contains(word),
                         qPrintable(QStringLiteral("English word \"") + word +
                                    QStringLiteral("\" left in: ") + where));
            }
        }
    }
}

void TestTranslations::cataloguesAgree_data()
{
    QTest::addColumn<QString>("set");
    QTest::addColumn<QString>("sources");
    for (const CatalogueSet &set : kCatalogueSets)
        QTest::newRow(set.name) << QString::fromLatin1(set.name)
                                << QString::fromLatin1(set.sources);
}

void TestTranslations::cataloguesAgree()
{
    QFETCH(QString, set);
    const QSet<QString> en = readCatalogue(cataloguePath(set, QStringLiteral("en"))).keys();
    const QSet<QString> zhTW = readCatalogue(cataloguePath(set, QStringLiteral("zh_TW"))).keys();
    const QSet<QString> zhCN = readCatalogue(cataloguePath(set, QStringLiteral("zh_CN"))).keys();
    QVERIFY(!en.isEmpty());
    QCOMPARE(zhTW, en);
    QCOMPARE(zhCN, en);
}

void TestTranslations::cataloguesMatchTheCode_data()
{
    cataloguesAgree_data();
}

void TestTranslations::cataloguesMatchTheCode()
{
    QFETCH(QString, set);
    QFETCH(QString, sources);
    const QString lupdate = QStringLiteral(HIVEMIND_LUPDATE);
    if (!QFileInfo(lupdate).isExecutable())
        QSKIP("lupdate is not installed");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(lupdate,
                  {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                   QStringLiteral("none"), QStringLiteral("-source-language"), QStringLiteral("en"),
                   sourceDir() + sources, QStringLiteral("-ts"), fresh});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAll().constData());

    const QSet<QString> code = readCatalogue(fresh).keys();
    const QSet<QString> catalogue = readCatalogue(cataloguePath(set, QStringLiteral("en"))).keys();
    QVERIFY(!code.isEmpty());
    const QSet<QString> missing = code - catalogue;
    const QSet<QString> extra = catalogue - code;
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("in the code, not in the catalogues (run lupdate): ") +
                        QStringList(missing.values()).join(QStringLiteral(" | "))));
    QVERIFY2(extra.isEmpty(),
             qPrintable(QStringLiteral("in the catalogues, no longer in the code: ") +
                        QStringList(extra.values()).join(QStringLiteral(" | "))));
}

QTEST_MAIN(TestTranslations)
#include "TestTranslations.moc"
