// The FLOW_TRIGGERED row's details written straight as text
// (triggerAuditDetailsText, the trigger's hot path) held against the
// reference: QJsonDocument's compact text of triggerAuditDetails(), for
// every combination of the optional parts and for strings that need
// escaping (quotes, backslashes, control and non-ASCII characters).

#include "server/services/engine/TriggerAudit.h"

#include <QJsonDocument>
#include <QTest>

using namespace hm;
using namespace hm::server;

class TestTriggerAuditText : public QObject
{
    Q_OBJECT

private slots:
    void textEqualsTheReference_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << QStringLiteral("8e0c3a52-77b1-4a44-a0d6-1f2a3b4c5d6e");
        QTest::newRow("escapes") << QStringLiteral("q\"b\\s/\t\n\r\x01\x1f end");
        QTest::newRow("non-ascii") << QStringLiteral("版本 é \u2028 \U0001F600");
        QTest::newRow("empty-ish") << QStringLiteral(" ");
    }

    void textEqualsTheReference()
    {
        QFETCH(QString, text);
        int compared = 0;
        for (int mask = 0; mask < (1 << 7); ++mask) {
            engine::TriggerResult result;
            result.executionId = text + QStringLiteral("-exec");
            result.flowId = QStringLiteral("flow");
            result.flowVersion = (mask & 1) ? text : QStringLiteral("12");
            result.status = (mask & 2) ? engine::TriggerResult::Status::Queued
                                       : engine::TriggerResult::Status::Started;
            TriggerCallOptions call;
            if (mask & 4)
                call.priority = (mask & 8) ? -100 : 7;
            if (mask & 16)
                call.timeoutMs = (mask & 8) ? 1 : 86'400'000;
            if (mask & 32)
                call.callbackUrl = QUrl(QStringLiteral("https://user:pw@hooks.example/") +
                                        QString::fromLatin1(QUrl::toPercentEncoding(text)) +
                                        QStringLiteral("?token=secret#frag"));
            const QString version = (mask & 64) ? text : QString();
            const QString apiKey = (mask & 8) ? text + QStringLiteral("-key") : QString();
            const QString rerunOf = (mask & 2) ? text + QStringLiteral("-was") : QString();
            const QString reference = QString::fromUtf8(
                QJsonDocument(triggerAuditDetails(result, version, call, apiKey, rerunOf))
                    .toJson(QJsonDocument::Compact));
            const QString fast = triggerAuditDetailsText(result, version, call, apiKey, rerunOf);
            QVERIFY2(
                fast == reference,
                qPrintable(
                    QStringLiteral("mask %1\n fast %2\n ref  %3").arg(mask).arg(fast, reference)));
            // Neither the URL's query nor its user info.
            QVERIFY(!fast.contains(QStringLiteral("secret")) &&
                    !fast.contains(QStringLiteral("pw@")));
            ++compared;
        }
        QCOMPARE(compared, 128);
    }
};

QTEST_GUILESS_MAIN(TestTriggerAuditText)
#include "TestTriggerAuditText.moc"
