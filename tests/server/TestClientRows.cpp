// Typed client rows (issue 33, item 5): the console reads audit entries, log
// records and execution events once, into core/client structs. Each struct
// writes the server's shape back (toJson); this differential test holds
// fromJson -> toJson against what a real hivemind-server sends (and, for
// execution events, against the engine's own writer for every type), so a
// field the server adds, renames or retypes shows up here instead of as a
// blank cell in the console.

#include "FlowTestSupport.h"
#include "client/ApiClient.h"
#include "client/ExecutionEvent.h"
#include "client/SystemApi.h"
#include "engine/EngineEvent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTest>
#include <QWebSocket>

using namespace hm;
using namespace hm::test;
using hm::client::AuditEntry;
using hm::client::ExecutionEvent;
using hm::client::LogLine;

namespace {

constexpr int kWaitMs = 30000;

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Every message of one /ws/executions/{id} socket until it closes.
struct ExecutionMessages
{
    QWebSocket socket;
    QList<QJsonObject> messages;
    bool closed = false;

    ExecutionMessages(const QUrl &base, const QString &executionId, const QString &token)
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, [this](const QString &text) {
            messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        QObject::connect(&socket, &QWebSocket::disconnected, [this] { closed = true; });
        QUrl url = base;
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/ws/executions/") + executionId);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        socket.open(request);
    }
    bool waitClosed()
    {
        return QTest::qWaitFor([this] { return closed; }, kWaitMs);
    }
    QList<QJsonObject> events() const
    {
        QList<QJsonObject> list;
        for (const QJsonObject &m : messages) {
            if (m.value(QStringLiteral("type")).toString() != QLatin1String("snapshot"))
                list.append(m);
        }
        return list;
    }
};

} // namespace

class TestClientRows : public QObject, private ServerFixture
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString problem = startServer();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // Audit entries of several kinds (sign-ins with and without a user,
    // users made with details) read back exactly.
    void auditEntriesReadBack()
    {
        for (const char *name : {"rows-one", "rows-two"})
            QCOMPARE(createApiUser(*m_http, m_admin, QString::fromLatin1(name),
                                   QStringLiteral("Rows#Secret2026"), QStringLiteral("viewer"))
                         .status,
                     201);
        // A failed sign-in of an unknown name: an entry without a user.
        m_http->json("POST", "/api/v1/auth/login",
                     {{"username", "nobody-here"}, {"password", "wrong-password"}});
        const Answer key =
            m_http->json("POST", "/api/v1/auth/api-keys",
                         {{"name", "rows-reader"}, {"access_level", "admin"}}, m_admin);
        QCOMPARE(key.status, 201);
        const Answer answer = m_http->get("/api/v1/audit?size=100", m_admin);
        QCOMPARE(answer.status, 200);
        const QJsonArray rows = answer.data().value("audit_logs").toArray();
        QVERIFY2(rows.size() >= 3, answer.raw.constData());
        bool withDetails = false;
        bool withoutUser = false;
        for (const QJsonValue &value : rows) {
            const QJsonObject raw = value.toObject();
            const AuditEntry entry = AuditEntry::fromJson(raw);
            QCOMPARE(compact(entry.toJson()), compact(raw));
            withDetails |= !entry.details.isEmpty();
            withoutUser |= entry.userId.isEmpty();
        }
        QVERIFY(withDetails);
        QVERIFY(withoutUser);

        // The client's typed call reads the same rows.
        hm::client::ApiClient client;
        client.setBaseUrl(m_http->base());
        client.useApiKey(key.data().value("api_key").toString());
        hm::client::AuditFilter filter;
        filter.page = {1, 100};
        std::optional<Result<hm::client::Page<AuditEntry>>> typed;
        hm::client::SystemApi(client).audit(filter, [&](auto r) { typed = std::move(r); });
        QVERIFY(QTest::qWaitFor([&] { return typed.has_value(); }, kWaitMs));
        QVERIFY2(typed->ok(), typed->ok() ? "" : qPrintable(typed->error().toString()));
        QCOMPARE(typed->value().items.size(), rows.size());
        for (int i = 0; i < rows.size(); ++i)
            QCOMPARE(compact(typed->value().items.at(i).toJson()), compact(rows.at(i).toObject()));
    }

    // Log records, with and without a request id, read back exactly.
    void logLinesReadBack()
    {
        const Answer answer = m_http->get("/api/v1/logs?size=100", m_admin);
        QCOMPARE(answer.status, 200);
        const QJsonArray rows = answer.data().value("logs").toArray();
        QVERIFY2(rows.size() >= 5, answer.raw.constData());
        bool withRequest = false;
        for (const QJsonValue &value : rows) {
            const QJsonObject raw = value.toObject();
            const LogLine line = LogLine::fromJson(raw);
            QCOMPARE(compact(line.toJson()), compact(raw));
            withRequest |= !line.requestId.isEmpty();
        }
        QVERIFY(withRequest);
    }

    // Every event of a real execution with a retried and failed node, and of
    // a cancelled one, reads back exactly.
    void executionEventsReadBack()
    {
        const QJsonObject failing =
            flowDefinition({flowNode("gate", "delay", {}, {{"ms", 300}}), flowNode("ok", "noop"),
                            flowNode("call", "http-request", {{"url", "$.trigger.url"}})},
                           {flowEdge("gate", "ok"), flowEdge("ok", "call")});
        const QJsonObject retry{
            {"retry",
             QJsonObject{{"maxAttempts", 2}, {"backoffMs", 10}, {"backoffMultiplier", 1}}}};
        const QString flow =
            createPublishedFlow(*m_http, m_admin, QStringLiteral("rows-failing"), failing, retry);
        QVERIFY(!flow.isEmpty());
        const Answer run =
            triggerFlow(*m_http, m_admin, flow, {{"url", "http://127.0.0.1:1/nothing-here"}});
        QCOMPARE(run.status, 200); // started
        ExecutionMessages failed(m_http->base(), run.data().value("execution_id").toString(),
                                 m_admin);
        QVERIFY(failed.waitClosed());

        const QString slow =
            createPublishedFlow(*m_http, m_admin, QStringLiteral("rows-slow"), delayFlow());
        const Answer slowRun = triggerFlow(*m_http, m_admin, slow);
        QCOMPARE(slowRun.status, 200);
        const QString slowId = slowRun.data().value("execution_id").toString();
        ExecutionMessages cancelled(m_http->base(), slowId, m_admin);
        QVERIFY(QTest::qWaitFor([&] { return !cancelled.messages.isEmpty(); }, kWaitMs));
        QCOMPARE(
            m_http->json("POST", "/api/v1/executions/" + slowId + "/cancel", {}, m_admin).status,
            200);
        QVERIFY(cancelled.waitClosed());

        QSet<QString> types;
        bool retried = false;
        for (const QJsonObject &raw : failed.events() + cancelled.events()) {
            const ExecutionEvent event = ExecutionEvent::fromJson(raw);
            QVERIFY2(event.type != ExecutionEvent::Type::Unknown, compact(raw).constData());
            QCOMPARE(compact(event.toJson()), compact(raw));
            types.insert(event.typeName);
            retried |= event.willRetry;
        }
        // (execution_started comes before the socket opens: the snapshot
        // holds it; engineEventsReadBack covers that type.)
        for (const char *type : {"node_started", "node_completed", "node_failed",
                                 "execution_completed", "execution_cancelled"})
            QVERIFY2(types.contains(QLatin1String(type)), type);
        QVERIFY(retried);
    }

    // The engine's writer, every type with every field it writes.
    void engineEventsReadBack()
    {
        using T = engine::EngineEvent::Type;
        for (const T type : {T::ExecutionStarted, T::NodeStarted, T::NodeCompleted, T::NodeFailed,
                             T::ExecutionCompleted, T::ExecutionCancelled, T::ExecutionQueued}) {
            for (const bool variant : {false, true}) {
                engine::EngineEvent e;
                e.type = type;
                e.executionId = QStringLiteral("exec-1");
                e.flowId = QStringLiteral("flow-1");
                e.flowVersion = QStringLiteral("3");
                e.nodeId = QStringLiteral("node-“1”");
                e.component = QStringLiteral("http-request");
                e.attempt = variant ? 2 : 1;
                e.queuePosition = 4;
                e.willRetry = variant;
                e.timestampMs = 1795000000123;
                e.sequence = variant ? 17 : 0;
                e.durationMs = 840;
                e.status = variant ? QStringLiteral("failed") : QStringLiteral("completed");
                e.error = Error{ErrorCode::NetworkError, QStringLiteral("refused")};
                e.reason = QStringLiteral("user_requested");
                e.cancelledBy = QStringLiteral("user:1");
                e.message = variant ? QStringLiteral("killed after 5 s") : QString();
                e.killed = variant;
                const QJsonObject raw = e.toJson();
                QCOMPARE(compact(ExecutionEvent::fromJson(raw).toJson()), compact(raw));
            }
        }
    }
};

QTEST_MAIN(TestClientRows)
#include "TestClientRows.moc"
