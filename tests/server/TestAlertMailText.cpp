// The server's own languages without a server process: the alert e-mails'
// words (firing, resolved, the "still firing" reminder, the test) in each
// channel language through the compiled-in catalogues, and the choice of
// language from a tag or an Accept-Language header.

#include "server/i18n/ServerCatalogue.h"
#include "server/i18n/ServerLanguage.h"
#include "server/services/fleet/AlertMailText.h"
#include "server/services/fleet/ContainerAlertNames.h"

#include <QJsonArray>

#include <QTest>

using namespace hm::server;
using i18n::Language;

class TestAlertMailText : public QObject
{
    Q_OBJECT

private:
    static QJsonObject alert()
    {
        return {{"id", "a-1"},
                {"name", "CPU hot"},
                {"node_name", "web-01"},
                {"type", "cpu"},
                {"current_value", 97.5},
                {"threshold", 90},
                {"created_at", "2026-11-26T10:00:00Z"},
                {"resolved_at", "2026-11-26T10:05:00Z"}};
    }

private slots:
    void theCataloguesAreCompiledIn()
    {
        for (const Language l : {Language::En, Language::ZhTw, Language::ZhCn})
            QVERIFY(i18n::catalogueLoaded(l));
    }

    void eachEventInEachLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("event");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("firstLine");
        QTest::addColumn<QString>("typeLine");
        QTest::newRow("en firing") << "en"
                                   << "firing"
                                   << "[HiveMind] Alert: CPU hot on web-01"
                                   << "The alert \"CPU hot\" fired on web-01."
                                   << "Type: CPU usage";
        QTest::newRow("en reminder") << "en"
                                     << "reminder"
                                     << "[HiveMind] Still firing: CPU hot on web-01"
                                     << "The alert \"CPU hot\" on web-01 is still firing."
                                     << "Type: CPU usage";
        QTest::newRow("en resolved") << "en"
                                     << "resolved"
                                     << "[HiveMind] Resolved: CPU hot on web-01"
                                     << "The alert \"CPU hot\" on web-01 is resolved."
                                     << "Type: CPU usage";
        QTest::newRow("zh-TW firing") << "zh-TW"
                                      << "firing"
                                      << "[HiveMind] 告警：web-01 上的 CPU hot"
                                      << "告警「CPU hot」已在 web-01 上觸發。"
                                      << "類型：處理器使用率";
        QTest::newRow("zh-TW reminder") << "zh-TW"
                                        << "reminder"
                                        << "[HiveMind] 仍在觸發：web-01 上的 CPU hot"
                                        << "web-01 上的告警「CPU hot」仍在觸發。"
                                        << "類型：處理器使用率";
        QTest::newRow("zh-CN reminder") << "zh-CN"
                                        << "reminder"
                                        << "[HiveMind] 仍在触发：web-01 上的 CPU hot"
                                        << "web-01 上的告警“CPU hot”仍在触发。"
                                        << "类型：处理器使用率";
        QTest::newRow("zh-CN resolved") << "zh-CN"
                                        << "resolved"
                                        << "[HiveMind] 已解决：web-01 上的 CPU hot"
                                        << "web-01 上的告警“CPU hot”已解决。"
                                        << "类型：处理器使用率";
    }
    void eachEventInEachLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QString, event);
        QFETCH(QString, subject);
        QFETCH(QString, firstLine);
        QFETCH(QString, typeLine);
        const auto l = fleet::mailLanguage(language);
        QVERIFY(l);
        const fleet::AlertMailText mail = fleet::alertMailText(*l, event, alert(), "d-1");
        QCOMPARE(mail.subject, subject);
        const QStringList lines = mail.text.split(u'\n');
        QCOMPARE(lines.first(), firstLine);
        QVERIFY2(lines.contains(typeLine), qPrintable(mail.text));
        // Only a resolved alert says when it resolved.
        QCOMPARE(mail.text.contains(QLatin1String("2026-11-26T10:05:00Z")),
                 event == QLatin1String("resolved"));
        QVERIFY(mail.text.contains(QLatin1String("97.5")));
    }

    void aNameIsNeverTakenForAPlaceholder()
    {
        QJsonObject a = alert();
        a.insert("name", "%2 %1");
        const auto mail = fleet::alertMailText(Language::ZhTw, "firing", a, "d-1");
        QCOMPARE(mail.subject, QStringLiteral("[HiveMind] 告警：web-01 上的 %2 %1"));
    }

    // Issue 38: a container alert says which containers — the first ten in
    // name order, and how many more the rule counted.
    void aContainerAlertNamesItsContainers()
    {
        using hm::fleet::AlertType;
        using hm::fleet::ContainerState;
        hm::fleet::AlertRule down;
        down.type = AlertType::ContainerDown;
        down.container = QStringLiteral("web-*");
        QList<ContainerState> containers;
        for (int i = 11; i >= 0; --i)
            containers.append({QStringLiteral("web-%1").arg(i, 2, 10, QChar(u'0')), false,
                               ContainerState::Health::None});
        containers.append({QStringLiteral("web-up"), true, ContainerState::Health::Unhealthy});
        containers.append({QStringLiteral("db"), false, ContainerState::Health::None});
        const QSet<QString> seen{QStringLiteral("web-gone"), QStringLiteral("db-gone")};
        const QStringList names = fleet::containerAlertNames(down, containers, seen);
        QCOMPARE(names.size(), fleet::kMaxRecordContainers);
        QCOMPARE(names.first(), QStringLiteral("web-00"));
        QCOMPARE(names.last(), QStringLiteral("web-09"));
        const auto value = hm::fleet::containerAlertValue(down, containers, seen);
        QCOMPARE(value, std::optional<double>(13)); // 12 stopped, web-gone
        QCOMPARE(fleet::containersMore(names, *value), 3);
        // Every one when they fit; a gone one named too.
        QCOMPARE(fleet::containerAlertNames(down, containers, seen, 100).size(), 13);
        QVERIFY(fleet::containerAlertNames(down, containers, seen, 100)
                    .contains(QStringLiteral("web-gone")));

        hm::fleet::AlertRule unhealthy = down;
        unhealthy.type = AlertType::ContainerUnhealthy;
        QCOMPARE(fleet::containerAlertNames(unhealthy, containers, seen),
                 QStringList{QStringLiteral("web-up")});
        // Not a container rule: nothing.
        hm::fleet::AlertRule cpu;
        cpu.type = AlertType::Cpu;
        QVERIFY(fleet::containerAlertNames(cpu, containers, seen).isEmpty());

        QCOMPARE(fleet::containerListText({"a", "b"}, 0), QStringLiteral("a, b"));
        QCOMPARE(fleet::containerListText({"a", "b"}, 4), QStringLiteral("a, b and 4 more"));

        // The e-mail's line; none for an alert without containers.
        QJsonObject a = alert();
        a.insert("type", "container_down");
        a.insert("containers", QJsonArray::fromStringList(names));
        a.insert("containers_more", 3);
        const auto mail = fleet::alertMailText(Language::En, "firing", a, "d-1");
        QVERIFY2(mail.text.split(u'\n').contains(
                     QStringLiteral("Containers: ") + names.join(QStringLiteral(", "))
                     + QStringLiteral(" and 3 more")),
                 qPrintable(mail.text));
        QVERIFY(!fleet::alertMailText(Language::En, "firing", alert(), "d-1")
                     .text.contains(QLatin1String("Containers")));
    }

    void onlyTheThreeChannelLanguages()
    {
        QCOMPARE(fleet::mailLanguage("en"), std::optional(Language::En));
        QCOMPARE(fleet::mailLanguage("zh-TW"), std::optional(Language::ZhTw));
        QCOMPARE(fleet::mailLanguage("zh-CN"), std::optional(Language::ZhCn));
        for (const char *other : {"", "EN", "zh_TW", "zh", "fr", "zh-Hant"})
            QVERIFY2(!fleet::mailLanguage(QLatin1String(other)), other);
    }

    void acceptLanguage_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("language");
        QTest::newRow("empty") << QByteArray() << "en";
        QTest::newRow("wildcard") << QByteArray("*") << "en";
        QTest::newRow("zh-tw lower case") << QByteArray("zh-tw") << "zh-TW";
        QTest::newRow("zh_TW") << QByteArray("zh_TW") << "zh-TW";
        QTest::newRow("zh-Hant-CN") << QByteArray("zh-Hant-CN") << "zh-TW";
        QTest::newRow("zh-MO") << QByteArray("zh-MO") << "zh-TW";
        QTest::newRow("zh-SG") << QByteArray("zh-SG") << "zh-CN";
        QTest::newRow("q=0 is refused") << QByteArray("zh-TW;q=0, en;q=0.1") << "en";
        QTest::newRow("order at equal q") << QByteArray("zh-CN;q=0.5, zh-TW;q=0.5") << "zh-CN";
        QTest::newRow("higher q later") << QByteArray("en;q=0.2, zh-Hans;q=0.9") << "zh-CN";
        QTest::newRow("bad q") << QByteArray("zh-TW;q=x, en") << "en";
        QTest::newRow("garbage") << QByteArray(";;,,;q=1") << "en";
    }
    void acceptLanguage()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, language);
        QCOMPARE(i18n::languageTag(i18n::fromAcceptLanguage(header)), language);
    }

    void aLangParameterWinsWhenItNamesALanguage()
    {
        QCOMPARE(i18n::requestLanguage("zh-CN", "zh-TW"), Language::ZhCn);
        QCOMPARE(i18n::requestLanguage("", "zh-TW"), Language::ZhTw);
        QCOMPARE(i18n::requestLanguage("klingon", "zh-TW"), Language::ZhTw);
        QCOMPARE(i18n::catalogueSuffix(Language::ZhTw), QStringLiteral("zh_TW"));
    }
};

QTEST_GUILESS_MAIN(TestAlertMailText)
#include "TestAlertMailText.moc"
