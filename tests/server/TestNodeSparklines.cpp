// The Nodes list's data against a real server (issue 35, console.md
// "Fleet: Nodes and Alerts"): GET /nodes/sparklines (the last 15 minutes of
// CPU, memory and disk in 30-second buckets, from the database the first
// time and from the stored reports after, and again from the database after
// a restart), its bounds and refusals, and /ws/events' node_metrics: one
// batch per interval with the newest values, to viewers too, never one
// message per report.

#include "FleetTestSupport.h"

#include <QJsonArray>
#include <QNetworkRequest>
#include <QTest>
#include <QUuid>
#include <QWebSocket>

using namespace hm;
using namespace hm::test;

class TestNodeSparklines : public QObject, private ServerFixture
{
    Q_OBJECT

private:
    // Memory 25 %, disk 40 % (sizes in bytes: the history keeps them in
    // steps of 1 KiB).
    static fleet::ReportMessage report(qint64 seq, qint64 timeMs, double cpu)
    {
        const double gib = 1024.0 * 1024 * 1024;
        return fleet::ReportMessage{seq,
                                    timeMs,
                                    {{QStringLiteral("cpu_usage"), cpu},
                                     {QStringLiteral("memory_used"), 4 * gib},
                                     {QStringLiteral("memory_total"), 16 * gib},
                                     {QStringLiteral("disk_used"), 40 * gib},
                                     {QStringLiteral("disk_total"), 100 * gib}}};
    }

    Answer sparklines(const QString &ids, const QString &token = {})
    {
        return m_http->get(QStringLiteral("/api/v1/nodes/sparklines?ids=") + ids,
                           token.isEmpty() ? m_admin : token);
    }

    // The value of `series` at the bucket that holds `timeMs`, as the answer
    // places it (its last point is the bucket starting at `end`).
    static QJsonValue at(const QJsonObject &answer, const QJsonObject &item, const QString &series,
                         qint64 timeMs)
    {
        const qint64 end = QDateTime::fromString(answer.value("end").toString(), Qt::ISODateWithMs)
                               .toMSecsSinceEpoch() /
                           30000;
        const qint64 index = 29 - (end - timeMs / 30000);
        return item.value(series).toArray().at(int(index));
    }

    static QJsonObject itemOf(const QJsonObject &answer, const QString &nodeId)
    {
        for (const QJsonValue v : answer.value("items").toArray()) {
            if (v.toObject().value("node_id").toString() == nodeId)
                return v.toObject();
        }
        return {};
    }

    // Every node_metrics message a viewer's /ws/events brings.
    void listen(QWebSocket &socket, QList<QJsonObject> &heard, const QString &token)
    {
        connect(&socket, &QWebSocket::textMessageReceived, this, [&heard](const QString &text) {
            const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
            if (message.value("type") == QLatin1String("node_metrics"))
                heard << message;
        });
        QUrl url = m_http->base();
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/ws/events"));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        socket.open(request);
    }

    static QJsonObject valuesOf(const QJsonObject &message, const QString &nodeId)
    {
        for (const QJsonValue v : message.value("data").toObject().value("items").toArray()) {
            if (v.toObject().value("node_id").toString() == nodeId)
                return v.toObject();
        }
        return {};
    }

private slots:
    void initTestCase() { QVERIFY2(startServer().isEmpty(), "server did not start"); }

    void sparklinesFollowReportsAndSurviveARestart()
    {
        AgentPeer agent;
        const QString nodeId = enrolledNode(*m_http, m_admin, QStringLiteral("spark-01"), agent);
        QVERIFY(!nodeId.isEmpty());
        AgentPeer quiet;
        const QString quietId =
            enrolledNode(*m_http, m_admin, QStringLiteral("spark-quiet"), quiet);
        QVERIFY(!quietId.isEmpty());
        QVERIFY(signInAgent(*m_http, agent, nodeId));
        const qint64 earlier = QDateTime::currentMSecsSinceEpoch() - 90 * 1000;
        agent.send(fleet::serialize(report(1, earlier, 30.0)));
        QVERIFY(agent.waitForMessages(3));

        // The first read of the node comes from the database.
        Answer first = sparklines(nodeId + u',' + quietId);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.data().value("step_s").toInt(), 30);
        QCOMPARE(first.data().value("points").toInt(), 30);
        QCOMPARE(first.data().value("items").toArray().size(), 2);
        QJsonObject item = itemOf(first.data(), nodeId);
        for (const char *series : {"cpu_usage", "memory_percent", "disk_percent"})
            QCOMPARE(item.value(series).toArray().size(), 30);
        QCOMPARE(at(first.data(), item, "cpu_usage", earlier).toDouble(), 30.0);
        QCOMPARE(at(first.data(), item, "memory_percent", earlier).toDouble(), 25.0);
        QCOMPARE(at(first.data(), item, "disk_percent", earlier).toDouble(), 40.0);
        // No report, no value: null, never 0.
        const QJsonArray quietCpu = itemOf(first.data(), quietId).value("cpu_usage").toArray();
        QVERIFY(std::all_of(quietCpu.begin(), quietCpu.end(),
                            [](const QJsonValue &v) { return v.isNull(); }));

        // Later reports join the ring; two in one bucket are averaged.
        const qint64 later = QDateTime::currentMSecsSinceEpoch();
        agent.send(fleet::serialize(report(2, later, 70.0)));
        agent.send(fleet::serialize(report(3, later + 1, 80.0)));
        QVERIFY(agent.waitForMessages(5));
        Answer second = sparklines(nodeId);
        item = itemOf(second.data(), nodeId);
        QCOMPARE(at(second.data(), item, "cpu_usage", earlier).toDouble(), 30.0);
        QCOMPARE(at(second.data(), item, "cpu_usage", later).toDouble(), 75.0);

        // A restarted server reads the same from its database.
        agent.socket.close();
        QVERIFY(stopServer());
        QVERIFY2(restartServer().isEmpty(), "server did not restart");
        Answer third = sparklines(nodeId);
        QCOMPARE(third.status, 200);
        item = itemOf(third.data(), nodeId);
        QCOMPARE(at(third.data(), item, "cpu_usage", earlier).toDouble(), 30.0);
        QCOMPARE(at(third.data(), item, "cpu_usage", later).toDouble(), 75.0);
    }

    void idsAreCheckedAndBounded()
    {
        const CreatedNode node = createNode(*m_http, m_admin, QStringLiteral("spark-bounds"));
        QCOMPARE(node.status, 201);
        const auto refused = [this](const QString &ids) {
            const Answer answer = sparklines(ids);
            return answer.status == 422 && answer.code() == QLatin1String("VALIDATION_ERROR") &&
                   answer.details().value("field").toString() == QLatin1String("ids");
        };
        QVERIFY(refused(QString()));
        QVERIFY(refused(QStringLiteral("not-a-node-id")));
        QVERIFY(refused(node.id + QStringLiteral(",12345678-1234-1234-1234-12345678901Z")));
        QStringList many;
        for (int i = 0; i < 101; ++i)
            many << QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVERIFY(refused(many.join(u',')));
        // A page's worth is fine; ids of no node are left out, a repeated
        // one is answered once.
        many.removeLast();
        many.replace(0, node.id);
        many.replace(1, node.id);
        const Answer page = sparklines(many.join(u','));
        QCOMPARE(page.status, 200);
        QCOMPARE(page.data().value("items").toArray().size(), 1);
        QCOMPARE(page.data().value("items").toArray().at(0).toObject().value("node_id"),
                 QJsonValue(node.id));

        // Viewers read it; without a token nobody does.
        const ApiUser viewer =
            createApiUser(*m_http, m_admin, "sparkviewer", "Spark-Viewer-1", "viewer");
        QVERIFY(!viewer.token.isEmpty());
        QCOMPARE(sparklines(node.id, viewer.token).status, 200);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/nodes/sparklines?ids=") + node.id).status,
                 401);
    }

    void liveValuesComeInBatches()
    {
        const ApiUser viewer =
            createApiUser(*m_http, m_admin, "batchviewer", "Batch-Viewer-1", "viewer");
        QVERIFY(!viewer.token.isEmpty());
        QWebSocket events;
        QList<QJsonObject> heard;
        listen(events, heard, viewer.token);
        QTRY_COMPARE(events.state(), QAbstractSocket::ConnectedState);

        AgentPeer agent;
        const QString nodeId = enrolledNode(*m_http, m_admin, QStringLiteral("batch-01"), agent);
        QVERIFY(!nodeId.isEmpty());
        QVERIFY(signInAgent(*m_http, agent, nodeId));
        // Five reports in well under one interval: at most two batches
        // carry the node (one interval boundary may fall among them), the
        // last with the newest values; never five messages.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (qint64 seq = 1; seq <= 5; ++seq)
            agent.send(fleet::serialize(report(seq, now + seq, 10.0 * double(seq))));
        QVERIFY(agent.waitForMessages(7));
        const auto carrying = [&heard, &nodeId] {
            QList<QJsonObject> out;
            for (const QJsonObject &m : std::as_const(heard)) {
                if (!valuesOf(m, nodeId).isEmpty())
                    out << m;
            }
            return out;
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            !carrying().isEmpty() &&
                valuesOf(carrying().constLast(), nodeId).value("cpu_usage").toDouble() == 50.0,
            15000);
        QVERIFY(carrying().size() <= 2);
        const QJsonObject last = carrying().constLast();
        QVERIFY(!last.contains("seq")); // live values are not replayed on resume
        QCOMPARE(last.value("data").toObject().value("interval_s").toDouble(), 5.0);
        const QJsonObject values = valuesOf(last, nodeId);
        QCOMPARE(values.value("memory_percent").toDouble(), 25.0);
        QCOMPARE(values.value("disk_percent").toDouble(), 40.0);
        QVERIFY(values.value("time").isString());

        // Nothing reported, nothing sent: the next interval passes quietly.
        const qsizetype before = carrying().size();
        QTest::qWait(6000);
        QCOMPARE(carrying().size(), before);
    }
};

QTEST_GUILESS_MAIN(TestNodeSparklines)
#include "TestNodeSparklines.moc"
