// Kill -9 under load (issue "Durability"): the real hivemind-server is
// SIGKILLed at random moments while clients trigger flows in every
// concurrency mode, every second round a second time while the requests it
// restored still wait; then everything is checked through the API and
// against what the flows did outside the server:
//   - every acknowledged trigger (200 started, 202 queued) exists;
//   - no execution started twice: each flow's first node is an
//     http-request posting the trigger's token to a listener of this test,
//     which sees every call that left the server;
//   - per queue scope, FIFO by acknowledgement: a request acknowledged
//     before another was sent starts before it, across restarts;
//   - afterwards nothing is left queued or running and no slot leaked;
//   - a lane of flow edits (renames) and share changes runs alongside: after
//     each restart the flow's name and the share's permission are those of
//     the last acknowledged write, or of one sent after it (in flight at the
//     kill), never an older one;
//   - every acknowledged trigger has its one FLOW_TRIGGERED audit entry.
// The kill points come from a seeded generator: HIVEMIND_CRASH_SEED replays
// a run (the seed is printed), HIVEMIND_CRASH_ROUNDS sets the rounds.

#include "CrashSeed.h"
#include "FlowTestSupport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <csignal>

using namespace hm::test;

namespace {

// The side effects of the flows: one POST per started execution, its body
// the trigger's token. Minimal HTTP/1.1, one request per connection.
class SideEffectListener : public QObject
{
public:
    SideEffectListener()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                serve(socket);
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    QString url() const
    {
        return QStringLiteral("http://127.0.0.1:%1/started").arg(m_server.serverPort());
    }
    // Tokens in the order their calls arrived (repeats included).
    const QStringList &arrivals() const { return m_arrivals; }

private:
    void serve(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            *buffer += socket->readAll();
            const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            qsizetype length = 0;
            for (const QByteArray &line : buffer->left(headEnd).split('\n')) {
                if (line.trimmed().toLower().startsWith("content-length:"))
                    length = line.mid(line.indexOf(':') + 1).trimmed().toLongLong();
            }
            if (buffer->size() < headEnd + 4 + length)
                return;
            m_arrivals.append(QString::fromUtf8(buffer->mid(headEnd + 4, length)));
            buffer->clear();
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

    QTcpServer m_server;
    QStringList m_arrivals;
};

enum class Kind
{
    Allow,
    Queue,
    KeyQueue,
    Deny,
    Replace
};
constexpr int kKinds = 5;

struct Request
{
    QString token;
    Kind kind = Kind::Allow;
    QString scope; // flow kind plus trigger key: the FIFO domain of queue kinds
    qint64 sentNs = 0;
    qint64 ackedNs = -1; // -1: never acknowledged
    int status = 0;
    QString executionId;
};

// One write of the edit lane: a rename of the edit flow or a new
// permission of its share.
struct Write
{
    bool rename = true; // else a share change
    QString value;
    qint64 sentNs = 0;
    qint64 ackedNs = -1; // -1: never acknowledged
};

} // namespace

class TestServerCrash : public QObject, private ServerFixture
{
    Q_OBJECT

private:
    QHash<Kind, QString> m_flows;
    SideEffectListener m_listener;
    QElapsedTimer m_clock;
    QList<Request> m_requests;
    QList<Write> m_writes;
    QString m_editFlow;
    QString m_shareId;
    int m_outboxRecoveries = 0; // restarts that moved audit outbox rows
    int m_nextToken = 0;
    QRandomGenerator &m_random = crashRandom();

    QString flowFor(Kind kind, int delayMs, QString name = {})
    {
        // http-request first (the observed start), then a delay so queues
        // build up and restored requests still wait at the second kill.
        const QJsonObject definition =
            flowDefinition({flowNode("call", "http-request",
                                     {{"url", "$.trigger.url"},
                                      {"method", "$.trigger.method"},
                                      {"body", "$.trigger.token"}}),
                            flowNode("wait", "delay", {}, {{"ms", delayMs}})},
                           {flowEdge("call", "wait")});
        QJsonObject cc{{"maxInstances", 1}};
        switch (kind) {
        case Kind::Allow:
            cc = {{"mode", "allow"}};
            break;
        case Kind::Queue:
            cc.insert("mode", "queue");
            break;
        case Kind::KeyQueue:
            cc.insert("mode", "queue");
            cc.insert("scope", "trigger_key");
            cc.insert("scopeKey", "key");
            break;
        case Kind::Deny:
            cc.insert("mode", "deny");
            break;
        case Kind::Replace:
            cc.insert("mode", "replace");
            break;
        }
        QString why;
        const QString id = createPublishedFlow(
            *m_http, m_admin, name.isEmpty() ? QStringLiteral("crash-%1").arg(int(kind)) : name,
            definition, {{"concurrency", cc}, {"retry", QJsonObject{{"maxAttempts", 1}}}}, &why);
        if (id.isEmpty())
            qWarning() << "flow not created:" << why;
        return id;
    }

    // Sends triggers on `lanes` connections, each lane sending its next as
    // soon as its last is answered, until `durationMs` have passed; then
    // SIGKILLs the server (killAtEnd) and returns once every lane stopped.
    void load(int lanes, int durationMs, bool killAtEnd)
    {
        QNetworkAccessManager network;
        bool over = false;
        int inFlight = 0;
        QEventLoop loop;
        // Declared last, destroyed first: no answer handler outlives this
        // call's locals (the network aborts what is still open).
        QObject handlers;
        std::function<void()> sendNext = [&] {
            if (over)
                return;
            Request r;
            r.token = QStringLiteral("t%1").arg(m_nextToken++);
            r.kind = Kind(m_random.bounded(kKinds));
            QJsonObject inputs{{"url", m_listener.url()}, {"method", "POST"}, {"token", r.token}};
            r.scope = QString::number(int(r.kind));
            if (r.kind == Kind::KeyQueue) {
                const QString key = QStringLiteral("k%1").arg(m_random.bounded(3));
                inputs.insert("key", key);
                r.scope += key;
            }
            QUrl url = m_http->base();
            url.setPath("/api/v1/flows/" + m_flows.value(r.kind) + "/trigger");
            QNetworkRequest request(url);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            request.setRawHeader("Authorization", "Bearer " + m_admin.toLatin1());
            r.sentNs = m_clock.nsecsElapsed();
            const qsizetype index = m_requests.size();
            m_requests.append(r);
            QNetworkReply *reply = network.post(
                request,
                QJsonDocument(QJsonObject{{"inputs", inputs}}).toJson(QJsonDocument::Compact));
            ++inFlight;
            connect(reply, &QNetworkReply::finished, &handlers, [&, reply, index] {
                const qint64 now = m_clock.nsecsElapsed();
                Request &done = m_requests[index];
                done.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (done.status == 200 || done.status == 202) {
                    done.ackedNs = now;
                    done.executionId = QJsonDocument::fromJson(reply->readAll())
                                           .object()
                                           .value("data")
                                           .toObject()
                                           .value("execution_id")
                                           .toString();
                }
                reply->deleteLater();
                --inFlight;
                if (over && inFlight == 0)
                    loop.quit();
                sendNext();
            });
        };
        // The edit lane: one write at a time, renames and share changes
        // taking turns.
        std::function<void()> writeNext = [&] {
            if (over)
                return;
            Write w;
            w.rename = m_writes.size() % 2 == 0;
            QUrl url = m_http->base();
            QJsonObject body;
            if (w.rename) {
                w.value = QStringLiteral("edit-%1").arg(m_writes.size());
                url.setPath("/api/v1/flows/" + m_editFlow);
                body = {{"name", w.value}};
            } else {
                static const QStringList permissions{"view", "edit", "admin"};
                w.value = permissions.at((m_writes.size() / 2) % 3);
                url.setPath("/api/v1/flows/" + m_editFlow + "/shares/" + m_shareId);
                body = {{"permission", w.value}};
            }
            QNetworkRequest request(url);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            request.setRawHeader("Authorization", "Bearer " + m_admin.toLatin1());
            w.sentNs = m_clock.nsecsElapsed();
            const qsizetype index = m_writes.size();
            m_writes.append(w);
            QNetworkReply *reply = network.sendCustomRequest(
                request, "PUT", QJsonDocument(body).toJson(QJsonDocument::Compact));
            ++inFlight;
            connect(reply, &QNetworkReply::finished, &handlers, [&, reply, index] {
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                    m_writes[index].ackedNs = m_clock.nsecsElapsed();
                reply->deleteLater();
                --inFlight;
                if (over && inFlight == 0)
                    loop.quit();
                writeNext();
            });
        };
        for (int i = 0; i < lanes; ++i)
            sendNext();
        writeNext();
        QTimer::singleShot(durationMs, &loop, [&] {
            over = true;
            if (killAtEnd)
                ::kill(pid_t(m_server->process().processId()), SIGKILL);
            if (inFlight == 0)
                loop.quit();
        });
        // A bound, not a pause: lanes end when the server dies or answers.
        QTimer::singleShot(durationMs + 60000, &loop, &QEventLoop::quit);
        loop.exec();
        if (killAtEnd)
            QVERIFY(m_server->process().state() == QProcess::NotRunning ||
                    m_server->process().waitForFinished(10000));
    }

    void restart()
    {
        const QString failed = restartServer();
        QVERIFY2(failed.isEmpty(),
                 qPrintable(failed + QLatin1Char(' ') +
                            QString::fromUtf8(m_server->standardError().right(2000))));
        // The audit outbox's rows a kill left were moved by the start-up.
        if (m_server->standardError().contains("trigger entries of the previous run written"))
            ++m_outboxRecoveries;
        checkWrites();
    }

    // The stored name and permission are those of the last acknowledged
    // write of their kind or of one sent after it: an acknowledged write is
    // never lost (nor replaced by an older one).
    void checkWrites()
    {
        const Answer flow = m_http->get("/api/v1/flows/" + m_editFlow, m_admin);
        QCOMPARE(flow.status, 200);
        const Answer shares = m_http->get("/api/v1/flows/" + m_editFlow + "/shares", m_admin);
        QCOMPARE(shares.status, 200);
        const QString permission =
            shares.data().value("items").toArray().at(0).toObject().value("permission").toString();
        for (const bool rename : {true, false}) {
            const QString now = rename ? flow.data().value("name").toString() : permission;
            qint64 lastAckedSent = -1;
            QString lastAcked;
            for (const Write &w : std::as_const(m_writes)) {
                if (w.rename == rename && w.ackedNs >= 0 && w.sentNs > lastAckedSent) {
                    lastAckedSent = w.sentNs;
                    lastAcked = w.value;
                }
            }
            if (lastAckedSent < 0)
                continue;
            QStringList allowed{lastAcked};
            for (const Write &w : std::as_const(m_writes)) {
                if (w.rename == rename && w.sentNs > lastAckedSent)
                    allowed.append(w.value);
            }
            QVERIFY2(allowed.contains(now),
                     qPrintable(QStringLiteral("%1 is \"%2\" after the restart; the last "
                                               "acknowledged write set \"%3\"")
                                    .arg(rename ? "the flow's name" : "the share's permission", now,
                                         lastAcked)));
        }
    }

private slots:
    void initTestCase()
    {
        m_clock.start();
        const QString failed = startServer();
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        for (int k = 0; k < kKinds; ++k) {
            const QString id = flowFor(Kind(k), Kind(k) == Kind::Allow ? 5 : 15);
            QVERIFY(!id.isEmpty());
            m_flows.insert(Kind(k), id);
        }
        m_editFlow = flowFor(Kind::Allow, 5, QStringLiteral("edit"));
        QVERIFY(!m_editFlow.isEmpty());
        const ApiUser sharee =
            createApiUser(*m_http, m_admin, QStringLiteral("sharee"),
                          QStringLiteral("Sh4re!Secret"), QStringLiteral("USER"));
        QCOMPARE(sharee.status, 201);
        const Answer share =
            m_http->json("POST", "/api/v1/flows/" + m_editFlow + "/shares",
                         {{"email", sharee.email}, {"permission", "view"}}, m_admin);
        QCOMPARE(share.status, 201);
        m_shareId = share.data().value("id").toString();
        QVERIFY(!m_shareId.isEmpty());
    }

    void killedUnderLoadLosesAndRepeatsNothing()
    {
        const int rounds = qEnvironmentVariableIntValue("HIVEMIND_CRASH_ROUNDS") > 0
                               ? qEnvironmentVariableIntValue("HIVEMIND_CRASH_ROUNDS")
                               : 6;
        for (int round = 0; round < rounds; ++round) {
            const int killAfterMs = 150 + int(m_random.bounded(450));
            qInfo("round %d: kill after %d ms", round, killAfterMs);
            load(6, killAfterMs, true);
            restart();
            if (QTest::currentTestFailed())
                return;
            if (round % 2 == 1) {
                // Again, while the requests restored from the first kill wait.
                const int againAfterMs = 20 + int(m_random.bounded(200));
                qInfo("round %d: second kill after %d ms", round, againAfterMs);
                load(3, againAfterMs, true);
                restart();
                if (QTest::currentTestFailed())
                    return;
            }
        }
        // A last stretch of load without a kill: restored requests compete
        // with new ones.
        load(4, 200, false);
        if (QTest::currentTestFailed())
            return;

        QList<Request> acked;
        for (const Request &r : std::as_const(m_requests)) {
            if (r.ackedNs >= 0)
                acked.append(r);
        }
        QVERIFY(acked.size() > 50);
        // Every kind of violation is counted, with a few examples, so one
        // run shows all that went wrong.
        QMap<QString, QStringList> violations;
        const auto violation = [&](const QString &kind, const QString &example) {
            violations[kind].append(example);
        };

        // 1. Every acknowledged execution exists (right after the last
        // restart: acknowledged means committed).
        QList<Request> existing;
        for (const Request &r : std::as_const(acked)) {
            const Answer got = m_http->get("/api/v1/executions/" + r.executionId, m_admin);
            if (r.executionId.isEmpty() || got.status != 200)
                violation("acknowledged but lost", r.token + " (" + QString::number(r.status) +
                                                       ", now " + QString::number(got.status) +
                                                       ")");
            else
                existing.append(r);
        }
        // Everything settles: nothing stays queued or running.
        for (const Request &r : std::as_const(existing)) {
            const bool ended = QTest::qWaitFor(
                [&] {
                    const QString s = executionStatus(*m_http, m_admin, r.executionId);
                    return s == "completed" || s == "failed" || s == "cancelled";
                },
                30000);
            if (!ended)
                violation("never ended", r.token + " " + r.executionId);
        }
        // 2. Nothing started twice.
        QHash<QString, int> position;
        const QStringList arrivals = m_listener.arrivals();
        for (int i = 0; i < arrivals.size(); ++i) {
            if (position.contains(arrivals.at(i)))
                violation("started twice", arrivals.at(i));
            else
                position.insert(arrivals.at(i), i);
        }
        // 3. FIFO per queue scope by acknowledgement order.
        QHash<QString, QList<Request>> scopes;
        for (const Request &r : std::as_const(acked)) {
            if (r.kind == Kind::Queue || r.kind == Kind::KeyQueue)
                scopes[r.scope].append(r);
        }
        int ordered = 0;
        for (const QList<Request> &scope : std::as_const(scopes)) {
            for (const Request &a : scope) {
                for (const Request &b : scope) {
                    if (a.ackedNs >= b.sentNs || !position.contains(a.token) ||
                        !position.contains(b.token))
                        continue;
                    ++ordered;
                    if (position.value(a.token) > position.value(b.token))
                        violation("queue order broken", a.token + " was acknowledged before " +
                                                            b.token +
                                                            " was sent but started after it");
                }
            }
        }
        // 4. Every acknowledged trigger is audited once (its FLOW_TRIGGERED
        // entry names the execution), whether the kill came before its
        // entry left the audit outbox (TriggerAuditLog) or after.
        QHash<QString, int> audited;
        for (int page = 1;; ++page) {
            const QJsonArray entries =
                m_http
                    ->get(QStringLiteral("/api/v1/audit?action=FLOW_TRIGGERED&size=100&page=%1")
                              .arg(page),
                          m_admin)
                    .data()
                    .value("audit_logs")
                    .toArray();
            for (const QJsonValue entry : entries)
                ++audited
                    [entry.toObject().value("details").toObject().value("execution_id").toString()];
            if (entries.size() < 100)
                break;
        }
        for (const Request &r : std::as_const(existing)) {
            const int times = audited.value(r.executionId);
            if (times != 1)
                violation("acknowledged trigger audited " + QString::number(times) + " times",
                          r.token + " " + r.executionId);
        }
        const qsizetype writesAcked = std::count_if(m_writes.cbegin(), m_writes.cend(),
                                                    [](const Write &w) { return w.ackedNs >= 0; });
        qInfo("%lld triggers acknowledged, %lld calls observed, %d ordered pairs checked, "
              "%lld of %lld edits and share changes acknowledged",
              qlonglong(acked.size()), qlonglong(arrivals.size()), ordered, qlonglong(writesAcked),
              qlonglong(m_writes.size()));
        QVERIFY(writesAcked > 10);
        // Kills under load find audit entries in the outbox (moves wait for
        // a pause): the start-up's move is what the audit check above saw.
        QVERIFY2(m_outboxRecoveries > 0, "no restart found audit entries to move");
        checkWrites();
        QString report;
        for (auto it = violations.cbegin(); it != violations.cend(); ++it)
            report += QStringLiteral("\n  %1: %2, e.g. %3")
                          .arg(it.key())
                          .arg(it.value().size())
                          .arg(it.value().mid(0, 3).join(QStringLiteral("; ")));
        QVERIFY2(violations.isEmpty(), qPrintable(report));
        QVERIFY(ordered > 0);
        // 4. No slot leaked: a deny flow and a queue flow start at once.
        const QJsonObject inputs{{"url", m_listener.url()}, {"method", "POST"}, {"token", "last"}};
        QCOMPARE(triggerFlow(*m_http, m_admin, m_flows.value(Kind::Deny), inputs).status, 200);
        QJsonObject queueInputs = inputs;
        queueInputs.insert("token", "last-queued");
        QCOMPARE(triggerFlow(*m_http, m_admin, m_flows.value(Kind::Queue), queueInputs).status,
                 200);
    }
};

QTEST_GUILESS_MAIN(TestServerCrash)
#include "TestServerCrash.moc"
