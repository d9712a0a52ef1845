// GET /api/v1/executions/stats through the real hivemind-server: counts per
// status and per hour of the executions created in the window, only of the
// flows the caller may view, and the hours parameter validated.

#include "FlowTestSupport.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace hm::test;

namespace {

const QString kPassword = QStringLiteral("Str0ng!Passw0rd");

QJsonObject echoFlow()
{
    return flowDefinition({flowNode("echo", "transform", {{"v", "$.trigger.v"}},
                                    {{"outputs", QJsonObject{{"v", "$.inputs.v"}}}})});
}

// An HTTP call to a closed port: fails.
QJsonObject refusedFlow()
{
    return flowDefinition({flowNode("call", "http-request", {{"url", "$.trigger.url"}})});
}

} // namespace

class TestExecutionStats : public QObject, private ServerFixture
{
    Q_OBJECT

    QString run(const QString &flowId, const QJsonObject &inputs, const QString &token)
    {
        const Answer a = m_http->json("POST", "/api/v1/flows/" + flowId + "/trigger?wait=true",
                                      {{"inputs", inputs}}, token);
        return a.data().value("status").toString();
    }

private slots:
    void initTestCase()
    {
        const QString problem = startServer();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void countsPerStatusAndHour()
    {
        const QString echo = createPublishedFlow(*m_http, m_admin, "stats-echo", echoFlow());
        const QString refused = createPublishedFlow(*m_http, m_admin, "stats-fail", refusedFlow());
        QVERIFY(!echo.isEmpty());
        QVERIFY(!refused.isEmpty());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(run(echo, {{"v", i}}, m_admin), QStringLiteral("completed"));
        for (int i = 0; i < 2; ++i)
            QCOMPARE(run(refused, {{"url", "http://127.0.0.1:1/"}}, m_admin),
                     QStringLiteral("failed"));

        const Answer stats = m_http->get("/api/v1/executions/stats?hours=24", m_admin);
        QCOMPARE(stats.status, 200);
        const QJsonObject data = stats.data();
        QCOMPARE(data.value("hours").toInt(), 24);
        const QJsonObject totals = data.value("totals").toObject();
        QCOMPARE(totals.value("completed").toInt(), 3);
        QCOMPARE(totals.value("failed").toInt(), 2);
        QCOMPARE(totals.value("running").toInt(), 0);
        QCOMPARE(totals.value("total").toInt(), 5);
        const QJsonArray buckets = data.value("buckets").toArray();
        QCOMPARE(buckets.size(), 24);
        // Everything ran just now: the last hour holds it all.
        const QJsonObject last = buckets.last().toObject();
        QCOMPARE(last.value("completed").toInt(), 3);
        QCOMPARE(last.value("failed").toInt(), 2);
        QCOMPARE(buckets.first().toObject().value("total").toInt(), 0);
        QVERIFY(QDateTime::fromString(last.value("start").toString(), Qt::ISODate).isValid());

        // Default window is 24 hours.
        QCOMPARE(m_http->get("/api/v1/executions/stats", m_admin).data().value("hours").toInt(),
                 24);
    }

    void onlyViewableFlows()
    {
        const ApiUser bob = createApiUser(*m_http, m_admin, "statsbob", kPassword, "user");
        QVERIFY(!bob.token.isEmpty());
        const QString own = createPublishedFlow(*m_http, bob.token, "bob-echo", echoFlow());
        QVERIFY(!own.isEmpty());
        QCOMPARE(run(own, {{"v", 1}}, bob.token), QStringLiteral("completed"));
        const QJsonObject totals =
            m_http->get("/api/v1/executions/stats", bob.token).data().value("totals").toObject();
        QCOMPARE(totals.value("completed").toInt(), 1);
        QCOMPARE(totals.value("failed").toInt(), 0);
        // The admin sees all.
        QCOMPARE(m_http->get("/api/v1/executions/stats", m_admin)
                     .data()
                     .value("totals")
                     .toObject()
                     .value("completed")
                     .toInt(),
                 4);
    }

    void badHoursRefused()
    {
        for (const char *bad : {"0", "169", "abc"}) {
            const Answer a =
                m_http->get(QStringLiteral("/api/v1/executions/stats?hours=") + bad, m_admin);
            QCOMPARE(a.status, 422);
            QCOMPARE(a.body.value("error").toObject().value("code").toString(),
                     QStringLiteral("VALIDATION_ERROR"));
        }
    }
};

QTEST_GUILESS_MAIN(TestExecutionStats)
#include "TestExecutionStats.moc"
