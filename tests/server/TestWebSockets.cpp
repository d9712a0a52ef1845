// WebSockets of the real hivemind-server process (server/ws): the execution
// feed /ws/executions/{id} (snapshot, then seed 003 §7.3 events in order,
// then close 1000), the event stream /ws/events (system_status, execution
// changes filtered by flow access), authentication and close codes, access
// token expiry, slow consumers, and the client classes ExecutionWatcher and
// EventStream.
//
// Executions are made to wait deterministically, never by timing: the flow
// runs in queue mode with one slot, a first trigger blocks the slot with a
// long delay, and the execution under test is queued behind it until the
// test has subscribed and cancels the blocker.

#include "../support/DfUsePercent.h"
#include "FlowTestSupport.h"
#include "client/EventStream.h"
#include "client/ExecutionWatcher.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <arpa/inet.h>
#include <cmath>
#include <map>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace hm::test;
using hm::client::EventStream;
using hm::client::ExecutionWatcher;

namespace {

constexpr int kWaitMs = 30000;

// A waits for trigger input "ms" (the blocker passes a long time, the
// execution under test 0); B, C and D are quick; D joins B and C.
QJsonObject diamond()
{
    return flowDefinition(
        {flowNode("A", "delay", {{"ms", "$.trigger.ms"}}), flowNode("B", "delay", {}, {{"ms", 5}}),
         flowNode("C", "noop"), flowNode("D", "noop")},
        {flowEdge("A", "B"), flowEdge("A", "C"), flowEdge("B", "D"), flowEdge("C", "D")});
}

// A gate waiting for trigger input "ms", then `width` noop nodes in
// parallel: two events per node in one burst.
QJsonObject wide(int width)
{
    QJsonArray nodes{flowNode("gate", "delay", {{"ms", "$.trigger.ms"}})};
    QJsonArray edges;
    for (int i = 0; i < width; ++i) {
        const QString id = QStringLiteral("n%1").arg(i);
        nodes.append(flowNode(id, "noop"));
        edges.append(flowEdge("gate", id));
    }
    return flowDefinition(nodes, edges);
}

// A chain of short delays: a few hundred milliseconds of events.
QJsonObject chain(int length)
{
    QJsonArray nodes;
    QJsonArray edges;
    for (int i = 0; i < length; ++i) {
        nodes.append(flowNode(QStringLiteral("s%1").arg(i), "delay", {}, {{"ms", 20}}));
        if (i > 0)
            edges.append(flowEdge(QStringLiteral("s%1").arg(i - 1), QStringLiteral("s%1").arg(i)));
    }
    return flowDefinition(nodes, edges);
}

const QJsonObject kQueueOne = concurrency(QStringLiteral("queue"));

// `length` http-request nodes in a chain, each calling trigger input "url"
// (a HeldHttp): the run stops at each until the test releases it.
QJsonObject heldChain(int length)
{
    QJsonArray nodes;
    QJsonArray edges;
    for (int i = 0; i < length; ++i) {
        nodes.append(
            flowNode(QStringLiteral("h%1").arg(i), "http-request", {{"url", "$.trigger.url"}}));
        if (i > 0)
            edges.append(flowEdge(QStringLiteral("h%1").arg(i - 1), QStringLiteral("h%1").arg(i)));
    }
    return flowDefinition(nodes, edges);
}

// A loopback HTTP server that answers no request until the test releases
// it: an http-request node calling it stays running until then.
class HeldHttp
{
public:
    HeldHttp()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, [this, socket] {
                    QByteArray &head = m_heads[socket];
                    head += socket->readAll();
                    if (head.contains("\r\n\r\n") && !m_requests.contains(socket))
                        m_requests.append(socket);
                });
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/held").arg(m_server.serverPort()));
    }
    // Waits until `n` requests arrived since the start (each one a node
    // that is running and waits for its answer).
    bool waitRequests(int n)
    {
        return QTest::qWaitFor([&] { return m_requests.size() >= n; }, kWaitMs);
    }
    // Answers the i-th request (from 0) 200 {}.
    void release(int i)
    {
        QTcpSocket *socket = m_requests.at(i);
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                      "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
        socket->disconnectFromHost();
    }

private:
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_heads;
    QList<QTcpSocket *> m_requests;
};

// A raw QWebSocket that records what it gets (for ?token= and close codes).
struct Probe
{
    QWebSocket socket;
    QList<QJsonObject> messages;
    bool closed = false;
    int code = -1;
    QString reason;

    Probe()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, [this](const QString &text) {
            messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        QObject::connect(&socket, &QWebSocket::disconnected, [this] {
            closed = true;
            code = socket.closeCode();
            reason = socket.closeReason();
        });
    }
    void open(const QUrl &base, const QString &pathAndQuery)
    {
        QUrl url = base;
        url.setScheme(QStringLiteral("ws"));
        const qsizetype q = pathAndQuery.indexOf(u'?');
        url.setPath(q < 0 ? pathAndQuery : pathAndQuery.left(q));
        if (q >= 0)
            url.setQuery(pathAndQuery.mid(q + 1));
        socket.open(url);
    }
    bool waitClosed()
    {
        return QTest::qWaitFor([this] { return closed; }, kWaitMs);
    }
    bool waitMessages(int n)
    {
        return QTest::qWaitFor([this, n] { return messages.size() >= n || closed; }, kWaitMs) &&
               messages.size() >= n;
    }
};

// Everything one watcher saw.
struct Recording
{
    QList<QJsonObject> snapshots;
    QList<QJsonObject> events;
    int code = -1;
    QString reason;
    bool closed = false;

    void attach(ExecutionWatcher &w)
    {
        QObject::connect(&w, &ExecutionWatcher::snapshot,
                         [this](const QJsonObject &m) { snapshots.append(m); });
        QObject::connect(&w, &ExecutionWatcher::event,
                         [this](const QJsonObject &m) { events.append(m); });
        QObject::connect(&w, &ExecutionWatcher::closed, [this](int c, const QString &r) {
            closed = true;
            code = c;
            reason = r;
        });
    }
    bool waitClosed()
    {
        return QTest::qWaitFor([this] { return closed; }, kWaitMs);
    }
    // Empty when the snapshot came, else why not.
    QString waitSnapshot()
    {
        if (!QTest::qWaitFor([this] { return !snapshots.isEmpty() || closed; }, kWaitMs))
            return QStringLiteral("no snapshot within the timeout");
        if (snapshots.isEmpty())
            return QStringLiteral("closed first: %1 %2").arg(code).arg(reason);
        return {};
    }
    int indexOf(const QString &type, const QString &nodeId = {}) const
    {
        for (int i = 0; i < events.size(); ++i) {
            if (events[i].value("type").toString() == type &&
                (nodeId.isEmpty() || events[i].value("node_id").toString() == nodeId))
                return i;
        }
        return -1;
    }
    QStringList types() const
    {
        QStringList list;
        for (const QJsonObject &e : events)
            list.append(e.value("type").toString() + ":" + e.value("node_id").toString());
        return list;
    }
};

// Events carry seq = snapshot seq + 1, + 2, … with no gap and no repeat.
QString sequenceProblem(qint64 snapshotSeq, const QList<QJsonObject> &events)
{
    qint64 expected = snapshotSeq + 1;
    for (const QJsonObject &e : events) {
        const qint64 seq = e.value("seq").toInteger();
        if (seq != expected)
            return QStringLiteral("expected seq %1, got %2 (%3)")
                .arg(expected)
                .arg(seq)
                .arg(e.value("type").toString());
        ++expected;
    }
    return {};
}

// A TCP client that completes the WebSocket handshake by hand and then never
// reads. Its receive buffer and segment size are made small before
// connecting, so the kernels on both ends hold little of what the server
// sends and the rest stays in the server's own buffer.
//
// It connects from a loopback address of its own, drawn at random from
// 127/8: Linux keeps TCP metrics per address pair (`ip tcp_metrics`), and
// a large transfer over 127.0.0.1 earlier (a download test, a benchmark)
// leaves a cached reordering of 50-65 that sizes every new connection's
// send buffer at about 450 KB. The server's kernel then took all the
// test's events and its own buffer never passed the limit (found
// 2026-11-29: the test failed on a machine where BenchFileDownload had
// run, and passed after `ip tcp_metrics delete 127.0.0.1`).
class StalledClient
{
public:
    ~StalledClient()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    // Empty on success, else what failed.
    QString connectAndUpgrade(quint16 port, const QByteArray &pathAndQuery)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (m_fd < 0)
            return QStringLiteral("socket() failed");
        const int receiveBuffer = 4096;
        const int segment = 536;
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_MAXSEG, &segment, sizeof segment);
        sockaddr_in own{};
        own.sin_family = AF_INET;
        // 127.1.0.1 … 127.254.255.254: never 127.0.0.x, never a .0 or .255.
        own.sin_addr.s_addr =
            htonl((127u << 24) | (quint32(QRandomGenerator::global()->bounded(1, 255)) << 16) |
                  (quint32(QRandomGenerator::global()->bounded(0, 256)) << 8) |
                  quint32(QRandomGenerator::global()->bounded(1, 255)));
        if (::bind(m_fd, reinterpret_cast<sockaddr *>(&own), sizeof own) != 0)
            return QStringLiteral("bind() to a loopback address of its own failed");
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
            return QStringLiteral("connect() failed");
        const QByteArray request = "GET " + pathAndQuery +
                                   " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                                   "Connection: Upgrade\r\nSec-WebSocket-Key: "
                                   "dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        if (::send(m_fd, request.constData(), size_t(request.size()), 0) != request.size())
            return QStringLiteral("send() failed");
        // Read the 101 answer byte by byte so that nothing after it is taken.
        QByteArray answer;
        while (!answer.endsWith("\r\n\r\n")) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, kWaitMs) != 1)
                return QStringLiteral("no handshake answer: ") + QString::fromLatin1(answer);
            char c = 0;
            if (::recv(m_fd, &c, 1, 0) != 1)
                return QStringLiteral("connection closed during the handshake");
            answer.append(c);
        }
        if (!answer.startsWith("HTTP/1.1 101"))
            return QStringLiteral("handshake refused: ") + QString::fromLatin1(answer);
        return {};
    }

private:
    int m_fd = -1;
};

} // namespace

class TestWebSockets : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    QUrl m_url;
    int m_flows = 0;
    QString m_finishedExecution; // completed, for the history snapshot test

    QString publishedFlow(const QJsonObject &def, const QJsonObject &settings = {},
                          const QString &token = {})
    {
        return createPublishedFlow(*m_http, token.isEmpty() ? m_admin : token,
                                   QStringLiteral("ws%1").arg(++m_flows), def, settings);
    }
    Answer trigger(const QString &flowId, const QJsonObject &inputs, const QString &token = {})
    {
        return triggerFlow(*m_http, token.isEmpty() ? m_admin : token, flowId, inputs);
    }
    // Blocks the flow's only slot; returns the blocking execution's id.
    QString block(const QString &flowId)
    {
        const Answer a = trigger(flowId, {{"ms", 600000}});
        return a.status == 200 ? a.data().value("execution_id").toString() : QString();
    }
    // An execution queued behind the blocker; its id.
    QString queued(const QString &flowId, const QJsonObject &inputs = {{"ms", 0}})
    {
        const Answer a = trigger(flowId, inputs);
        return a.status == 202 ? a.data().value("execution_id").toString() : QString();
    }
    bool cancel(const QString &executionId, const QString &how = QStringLiteral("cancel"))
    {
        return m_http->json("POST", "/api/v1/executions/" + executionId + "/" + how, {}, m_admin)
                   .status == 200;
    }
    QByteArray metrics() { return m_http->get("/metrics").raw; }

private slots:
    void initTestCase()
    {
        // A small slow-consumer limit so that the test needs few events; a
        // short status interval so that it need not wait 5 s.
        const QString problem =
            startServer({QStringLiteral("--ws-status-interval-ms"), QStringLiteral("300"),
                         QStringLiteral("--ws-max-unsent-bytes"), QStringLiteral("65536")});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_url = m_http->base();
    }

    // The diamond's events arrive after the snapshot, in an order the
    // graph allows, numbered without gaps, and the socket closes 1000.
    void diamondEventsInOrder()
    {
        const QString flowId = publishedFlow(diamond(), kQueueOne);
        QVERIFY(!flowId.isEmpty());
        const QString blocker = block(flowId);
        QVERIFY(!blocker.isEmpty());
        const QString id = queued(flowId);
        QVERIFY(!id.isEmpty());

        ExecutionWatcher watcher;
        Recording seen;
        seen.attach(watcher);
        ExecutionWatcher blockerWatcher;
        Recording blockerSeen;
        blockerSeen.attach(blockerWatcher);
        watcher.watch(m_url, id, m_admin);
        blockerWatcher.watch(m_url, blocker, m_admin);
        const QString noSnapshot = seen.waitSnapshot();
        QVERIFY2(noSnapshot.isEmpty(), qPrintable(noSnapshot));
        const QString noBlockerSnapshot = blockerSeen.waitSnapshot();
        QVERIFY2(noBlockerSnapshot.isEmpty(), qPrintable(noBlockerSnapshot));
        QCOMPARE(seen.snapshots.size(), 1);
        const QJsonObject snapshot = seen.snapshots.first();
        QCOMPARE(snapshot.value("source").toString(), QStringLiteral("live"));
        QCOMPARE(snapshot.value("execution").toObject().value("status").toString(),
                 QStringLiteral("queued"));
        QCOMPARE(snapshot.value("execution").toObject().value("execution_id").toString(), id);
        QVERIFY(seen.events.isEmpty());

        QVERIFY(cancel(blocker));
        QVERIFY(seen.waitClosed());
        QCOMPARE(seen.code, 1000);
        QCOMPARE(seen.reason, QStringLiteral("execution ended"));
        const QString order = seen.types().join(u' ');
        QCOMPARE(seen.snapshots.size(), 1);
        const QString gap = sequenceProblem(snapshot.value("seq").toInteger(), seen.events);
        QVERIFY2(gap.isEmpty(), qPrintable(gap + " in " + order));

        QCOMPARE(seen.events.size(), 10); // execution_started, 4 × 2 node events, end
        const auto at = [&](const char *type, const char *nodeId = "") {
            return seen.indexOf(QString::fromLatin1(type), QString::fromLatin1(nodeId));
        };
        QVERIFY2(at("execution_started") == 0, qPrintable(order));
        QVERIFY2(at("node_started", "A") < at("node_completed", "A"), qPrintable(order));
        for (const char *branch : {"B", "C"}) {
            QVERIFY2(at("node_completed", "A") < at("node_started", branch), qPrintable(order));
            QVERIFY2(at("node_started", branch) < at("node_completed", branch), qPrintable(order));
            QVERIFY2(at("node_completed", branch) < at("node_started", "D"), qPrintable(order));
        }
        QVERIFY2(at("node_started", "D") < at("node_completed", "D"), qPrintable(order));
        QVERIFY2(at("node_completed", "D") >= 0, qPrintable(order));
        QCOMPARE(at("execution_completed"), seen.events.size() - 1);
        const QJsonObject end = seen.events.last();
        QCOMPARE(end.value("status").toString(), QStringLiteral("completed"));
        QVERIFY(end.contains("total_duration_ms"));
        QCOMPARE(seen.events[at("node_started", "A")].value("component").toString(),
                 QStringLiteral("delay"));
        QVERIFY(seen.events[at("node_completed", "B")].contains("duration_ms"));
        QVERIFY(end.value("timestamp").toString().endsWith(u'Z'));

        // The cancelled blocker: execution_cancelled (seed 003 §7.3), then 1000.
        QVERIFY(blockerSeen.waitClosed());
        QCOMPARE(blockerSeen.code, 1000);
        QVERIFY(!blockerSeen.events.isEmpty());
        const QJsonObject cancelled = blockerSeen.events.last();
        QCOMPARE(cancelled.value("type").toString(), QStringLiteral("execution_cancelled"));
        QCOMPARE(cancelled.value("reason").toString(), QStringLiteral("user_requested"));
        QVERIFY(cancelled.value("cancelled_by").toString().startsWith(u"user:"));
        m_finishedExecution = id;
    }

    // Kill ends with execution_cancelled marked killed.
    void killShowsCancelled()
    {
        const QString flowId = publishedFlow(diamond(), kQueueOne);
        const QString blocker = block(flowId);
        QVERIFY(!blocker.isEmpty());
        ExecutionWatcher watcher;
        Recording seen;
        seen.attach(watcher);
        watcher.watch(m_url, blocker, m_admin);
        const QString noSnapshot = seen.waitSnapshot();
        QVERIFY2(noSnapshot.isEmpty(), qPrintable(noSnapshot));
        QCOMPARE(seen.snapshots.first().value("execution").toObject().value("status").toString(),
                 QStringLiteral("running"));
        QVERIFY(cancel(blocker, QStringLiteral("kill")));
        QVERIFY(seen.waitClosed());
        QCOMPARE(seen.code, 1000);
        QVERIFY(!seen.events.isEmpty());
        QCOMPARE(seen.events.last().value("type").toString(),
                 QStringLiteral("execution_cancelled"));
        QCOMPARE(seen.events.last().value("killed").toBool(), true);
        const QString gap =
            sequenceProblem(seen.snapshots.first().value("seq").toInteger(), seen.events);
        QVERIFY2(gap.isEmpty(), qPrintable(gap));
    }

    // Clients that join while the execution runs (?token= in the URL) each
    // get a snapshot and exactly the events after it: applying them to the
    // snapshot gives every node completed. One that joins after the end
    // gets the final snapshot and 1000 at once.
    void joinersMissNothing()
    {
        const int length = 5;
        const QString flowId = publishedFlow(heldChain(length));
        QVERIFY(!flowId.isEmpty());
        HeldHttp held;
        const Answer ran = trigger(flowId, {{"url", held.url().toString()}});
        QCOMPARE(ran.status, 200);
        const QString id = ran.data().value("execution_id").toString();
        const QString path = "/ws/executions/" + id + "?token=" + m_admin;

        // Client i opens while node h<i> waits for the held answer, so it
        // provably joins during the run, after i nodes completed; the node
        // goes on once the client has its snapshot.
        std::vector<std::unique_ptr<Probe>> probes;
        for (int i = 0; i < length; ++i) {
            QVERIFY(held.waitRequests(i + 1));
            probes.push_back(std::make_unique<Probe>());
            probes.back()->open(m_url, path);
            QVERIFY(probes.back()->waitMessages(1));
            const QJsonObject snapshot = probes.back()->messages.first();
            QCOMPARE(snapshot.value("type").toString(), QStringLiteral("snapshot"));
            QCOMPARE(snapshot.value("execution").toObject().value("status").toString(),
                     QStringLiteral("running"));
            QStringList completed;
            for (const QJsonValue n : snapshot.value("nodes").toArray()) {
                if (n.toObject().value("status") == QLatin1String("completed"))
                    completed.append(n.toObject().value("node_id").toString());
            }
            completed.sort();
            QStringList expected;
            for (int k = 0; k < i; ++k)
                expected.append(QStringLiteral("h%1").arg(k));
            QCOMPARE(completed, expected);
            held.release(i);
        }
        for (const auto &probe : probes) {
            QVERIFY(probe->waitClosed());
            QCOMPARE(probe->code, 1000);
            QVERIFY(!probe->messages.isEmpty());
            const QJsonObject snapshot = probe->messages.first();
            QCOMPARE(snapshot.value("type").toString(), QStringLiteral("snapshot"));
            const QList<QJsonObject> events = probe->messages.mid(1);
            const QString gap = sequenceProblem(snapshot.value("seq").toInteger(), events);
            QVERIFY2(gap.isEmpty(), qPrintable(gap));
            // Replay: the snapshot's node states, then the events.
            QHash<QString, QString> state;
            for (const QJsonValue n : snapshot.value("nodes").toArray())
                state[n.toObject().value("node_id").toString()] =
                    n.toObject().value("status").toString();
            QString status = snapshot.value("execution").toObject().value("status").toString();
            for (const QJsonObject &e : events) {
                const QString type = e.value("type").toString();
                if (type == QLatin1String("node_started"))
                    state[e.value("node_id").toString()] = QStringLiteral("running");
                else if (type == QLatin1String("node_completed"))
                    state[e.value("node_id").toString()] = QStringLiteral("completed");
                else if (type == QLatin1String("execution_completed"))
                    status = e.value("status").toString();
            }
            QCOMPARE(status, QStringLiteral("completed"));
            QCOMPARE(state.size(), length);
            for (auto it = state.cbegin(); it != state.cend(); ++it)
                QCOMPARE(it.value(), QStringLiteral("completed"));
        }

        Probe late;
        late.open(m_url, path);
        QVERIFY(late.waitClosed());
        QCOMPARE(late.code, 1000);
        QCOMPARE(late.messages.size(), 1);
        QCOMPARE(late.messages.first().value("execution").toObject().value("status").toString(),
                 QStringLiteral("completed"));
    }

    void refusals()
    {
        // No credential, a forged one, an unknown execution, an unknown path.
        const QString flowId = publishedFlow(chain(1));
        const QString id = trigger(flowId, {}).data().value("execution_id").toString();
        QVERIFY(!id.isEmpty());
        const struct
        {
            QString path;
            int code;
            QString reason;
        } cases[] = {
            {"/ws/executions/" + id, 4401, "authentication required"},
            {"/ws/executions/" + id + "?token=not-a-token", 4401, {}},
            {"/ws/events?token=hm_0123abcd_AAAAAAAAAAAAAAAAAAAAAAAAAAAA", 4401, {}},
            {"/ws/executions/00000000-0000-0000-0000-000000000000?token=" + m_admin, 4404,
             "execution not found"},
            {"/ws/nothing-here?token=" + m_admin, 4404, "unknown WebSocket path"},
        };
        for (const auto &c : cases) {
            Probe probe;
            probe.open(m_url, c.path);
            QVERIFY2(probe.waitClosed(), qPrintable(c.path));
            QVERIFY2(
                probe.code == c.code,
                qPrintable(
                    QStringLiteral("%1: %2 %3").arg(c.path).arg(probe.code).arg(probe.reason)));
            if (!c.reason.isEmpty())
                QCOMPARE(probe.reason, c.reason);
            QVERIFY(probe.messages.isEmpty());
        }

        // A plain HTTP request on a WebSocket path: the API's 404 envelope.
        const Answer plain = m_http->get("/ws/events", m_admin);
        QCOMPARE(plain.status, 404);
        QCOMPARE(plain.code(), QStringLiteral("RESOURCE_NOT_FOUND"));

        // The client classes report the same through closed().
        ExecutionWatcher watcher;
        QSignalSpy closed(&watcher, &ExecutionWatcher::closed);
        watcher.watch(m_url, id, QStringLiteral("forged"));
        QVERIFY(closed.wait(kWaitMs));
        QCOMPARE(closed.first().at(0).toInt(), int(ExecutionWatcher::Unauthorized));

        // API keys: a read-only key may listen; one bound to other
        // addresses is forbidden.
        const Answer readKey =
            m_http->json("POST", "/api/v1/auth/api-keys",
                         {{"name", "ws-read"}, {"access_level", "read"}}, m_admin);
        QCOMPARE(readKey.status, 201);
        Probe keyed;
        keyed.open(m_url, "/ws/events?token=" + readKey.data().value("api_key").toString());
        QVERIFY(keyed.waitMessages(1));
        QCOMPARE(keyed.messages.first().value("type").toString(), QStringLiteral("system_status"));
        keyed.socket.close();
        const Answer farKey =
            m_http->json("POST", "/api/v1/auth/api-keys",
                         {{"name", "ws-far"}, {"allowed_ips", QJsonArray{"10.0.0.0/8"}}}, m_admin);
        QCOMPARE(farKey.status, 201);
        Probe far;
        far.open(m_url, "/ws/events?token=" + farKey.data().value("api_key").toString());
        QVERIFY(far.waitClosed());
        QCOMPARE(far.code, 4403);

        // Refusals are logged with the path, never the query's credential.
        QTRY_VERIFY(m_server->standardError().contains("WebSocket /ws/events from"));
        const QByteArray log = m_server->standardError();
        QVERIFY(!log.contains(m_admin.toLatin1()));
        QVERIFY(!log.contains(farKey.data().value("api_key").toString().toLatin1()));
    }

    // The handshake answer carries no CORS header (the API sends none), and
    // an upgrade from a page of another origin is refused: 403 with the
    // envelope. Without Origin (native clients) or from the server's own
    // origin it is accepted.
    void browserOriginsAreChecked()
    {
        const auto upgrade = [&](const QUrl &url, const QByteArray &origin) {
            return rawExchange(url, "GET /ws/events?token=" + m_admin.toLatin1() +
                                        " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + origin +
                                        "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                                        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                        "Sec-WebSocket-Version: 13\r\n\r\n");
        };
        const auto hasCorsHeader = [](const Answer &answer) {
            for (auto it = answer.headers.cbegin(); it != answer.headers.cend(); ++it) {
                if (it.key().startsWith("access-control-"))
                    return true;
            }
            return false;
        };
        const QByteArray port = QByteArray::number(m_url.port());
        const Answer native = upgrade(m_url, {});
        QCOMPARE(native.status, 101);
        QVERIFY(!hasCorsHeader(native));
        for (const QByteArray &own :
             {"http://127.0.0.1:" + port, "http://localhost:" + port, "HTTP://LOCALHOST:" + port}) {
            const Answer same = upgrade(m_url, "Origin: " + own + "\r\n");
            QVERIFY2(same.status == 101, own.constData());
            QVERIFY(!hasCorsHeader(same));
        }
        for (const QByteArray &foreign :
             {QByteArray("http://evil.example"), "http://127.0.0.1:" + port + "0",
              "https://127.0.0.1:" + port, QByteArray("null"),
              "http://127.0.0.1:" + port + "\r\nOrigin: http://127.0.0.1:" + port}) {
            const Answer refused = upgrade(m_url, "Origin: " + foreign + "\r\n");
            QVERIFY2(refused.status == 403, foreign.constData());
            QCOMPARE(refused.code(), QStringLiteral("FORBIDDEN"));
            QVERIFY(!hasCorsHeader(refused));
        }
        QTRY_VERIFY(m_server->standardError().contains("refused a WebSocket upgrade"));

        // --ws-allowed-origin adds origins; a value that is no origin is
        // refused at start-up.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ServerProcess server(dir.path());
        const QUrl url = server.start({"--ws-allowed-origin", "https://console.example",
                                       "--ws-allowed-origin", "http://ops.example:8081"});
        QVERIFY2(!url.isEmpty(), server.standardError().constData());
        // No credential there: the socket opens, then closes 4401.
        const auto anonymous = [&](const QByteArray &origin) {
            return rawExchange(url,
                               "GET /ws/events HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: " + origin +
                                   "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                   "Sec-WebSocket-Version: 13\r\n\r\n")
                .status;
        };
        QCOMPARE(anonymous("https://console.example"), 101);
        QCOMPARE(anonymous("https://console.example:443"), 101);
        QCOMPARE(anonymous("http://ops.example:8081"), 101);
        QCOMPARE(anonymous("http://127.0.0.1:" + QByteArray::number(url.port())), 101);
        QCOMPARE(anonymous("http://console.example"), 403);
        QTemporaryDir other;
        ServerProcess refused(other.path());
        QCOMPARE(refused.runToExit({"--ws-allowed-origin", "https://x.example/path"}), 2);
        QVERIFY2(refused.standardError().contains("--ws-allowed-origin"),
                 refused.standardError().constData());
    }

    // system_status at once and then periodically; execution changes only
    // for flows the caller may view.
    void eventStream()
    {
        const ApiUser user = createApiUser(*m_http, m_admin, QStringLiteral("alice"),
                                           QStringLiteral("Al1ce!Secret"), QStringLiteral("user"));
        QCOMPARE(user.status, 201);
        const QString alice = user.token;
        QVERIFY(!alice.isEmpty());

        EventStream adminStream;
        EventStream aliceStream;
        QList<QJsonObject> statuses;
        QList<QPair<QString, QJsonObject>> adminSaw;
        QList<QPair<QString, QJsonObject>> aliceSaw;
        connect(&adminStream, &EventStream::systemStatus,
                [&](const QJsonObject &data) { statuses.append(data); });
        connect(&adminStream, &EventStream::executionChanged,
                [&](const QString &type, const QJsonObject &data) {
                    adminSaw.append({type, data});
                });
        connect(&aliceStream, &EventStream::executionChanged,
                [&](const QString &type, const QJsonObject &data) {
                    aliceSaw.append({type, data});
                });
        QSignalSpy aliceOpened(&aliceStream, &EventStream::systemStatus);
        adminStream.listen(m_url, m_admin);
        aliceStream.listen(m_url, alice);
        QVERIFY(QTest::qWaitFor([&] { return statuses.size() >= 2; }, kWaitMs));
        for (const char *key : {"cpu_usage", "memory_usage", "disk_usage"}) {
            const QJsonValue v = statuses.first().value(QLatin1String(key));
            QVERIFY2(v.isDouble() && v.toDouble() >= 0 && v.toDouble() <= 100, key);
        }
        // The data directory's disk as df counts it (root's reserve is not
        // room), like the agents' disk figure: rounded up as df does, within
        // a point for other writes between the two readings.
        if (const auto df = hm::test::dfUsePercent(m_dir.path())) {
            const double ours = statuses.first().value("disk_usage").toDouble();
            QVERIFY2(std::abs(std::ceil(ours) - *df) <= 1,
                     qPrintable(QStringLiteral("ours %1 %, df %2 %").arg(ours).arg(*df)));
        }
        const QJsonObject network = statuses.first().value("network_traffic").toObject();
        QVERIFY(network.contains("bytes_sent") && network.contains("bytes_recv"));
        QVERIFY(aliceOpened.count() > 0 || aliceOpened.wait(kWaitMs));

        // The admin's flow, then alice's own: by the time alice sees her
        // own execution end, the admin's (earlier) would have reached her.
        const QString adminFlow = publishedFlow(chain(2));
        const Answer adminRun =
            m_http->json("POST", "/api/v1/flows/" + adminFlow + "/trigger?wait=true",
                         {{"inputs", QJsonObject{}}}, m_admin);
        QCOMPARE(adminRun.data().value("status").toString(), QStringLiteral("completed"));
        const QString adminExecution = adminRun.data().value("execution_id").toString();
        const QString aliceFlow = publishedFlow(chain(2), {}, alice);
        QVERIFY(!aliceFlow.isEmpty());
        const QString aliceExecution =
            trigger(aliceFlow, {}, alice).data().value("execution_id").toString();
        QVERIFY(!aliceExecution.isEmpty());

        const auto saw = [](const QList<QPair<QString, QJsonObject>> &list, const QString &type,
                            const QString &id) {
            return std::any_of(list.begin(), list.end(), [&](const auto &p) {
                return p.first == type && p.second.value("execution_id").toString() == id;
            });
        };
        QVERIFY(QTest::qWaitFor(
            [&] { return saw(aliceSaw, QStringLiteral("execution_completed"), aliceExecution); },
            kWaitMs));
        QVERIFY(saw(aliceSaw, QStringLiteral("execution_started"), aliceExecution));
        for (const auto &[type, data] : aliceSaw)
            QVERIFY2(data.value("execution_id").toString() != adminExecution, qPrintable(type));
        // The admin sees both.
        QVERIFY(QTest::qWaitFor(
            [&] { return saw(adminSaw, QStringLiteral("execution_completed"), aliceExecution); },
            kWaitMs));
        QVERIFY(saw(adminSaw, QStringLiteral("execution_started"), adminExecution));
        QVERIFY(saw(adminSaw, QStringLiteral("execution_completed"), adminExecution));
        const auto started = std::find_if(adminSaw.begin(), adminSaw.end(), [&](const auto &p) {
            return p.second.value("execution_id").toString() == adminExecution;
        });
        QCOMPARE(started->first, QStringLiteral("execution_started"));
        QCOMPARE(started->second.value("flow_id").toString(), adminFlow);
        QCOMPARE(started->second.value("status").toString(), QStringLiteral("running"));

        // Alice may not watch the admin's execution: not found for her.
        Probe denied;
        denied.open(m_url, "/ws/executions/" + adminExecution + "?token=" + alice);
        QVERIFY(denied.waitClosed());
        QCOMPARE(denied.code, 4404);

        // Queueing is a list change too: execution_queued with its place.
        const QString queueFlow = publishedFlow(diamond(), kQueueOne);
        const QString blocker = block(queueFlow);
        const QString waiting = queued(queueFlow);
        QVERIFY(!waiting.isEmpty());
        QVERIFY(QTest::qWaitFor(
            [&] { return saw(adminSaw, QStringLiteral("execution_queued"), waiting); }, kWaitMs));
        const auto queuedMessage =
            std::find_if(adminSaw.begin(), adminSaw.end(), [&](const auto &p) {
                return p.first == QStringLiteral("execution_queued") &&
                       p.second.value("execution_id").toString() == waiting;
            });
        QCOMPARE(queuedMessage->second.value("status").toString(), QStringLiteral("queued"));
        QCOMPARE(queuedMessage->second.value("queue_position").toInt(), 1);
        QCOMPARE(queuedMessage->second.value("flow_id").toString(), queueFlow);
        QVERIFY(!saw(adminSaw, QStringLiteral("execution_queued"), blocker)); // it started
        QVERIFY(cancel(waiting));

        // A cancellation reaches the stream as execution_cancelled.
        QVERIFY(cancel(blocker));
        QVERIFY(QTest::qWaitFor(
            [&] { return saw(adminSaw, QStringLiteral("execution_cancelled"), blocker); },
            kWaitMs));
    }

    // A console that lost its socket asks for what it missed by sequence
    // number: the server replays it (only what the caller may see) after a
    // system_status that says "resumed"; a stream id or a position it cannot
    // serve is answered "resumed": false and nothing is replayed.
    void eventsResumeAfterADrop()
    {
        Probe first;
        first.open(m_url, "/ws/events?token=" + m_admin);
        QVERIFY(first.waitMessages(1));
        const QJsonObject hello = first.messages.first();
        QCOMPARE(hello.value("type").toString(), QStringLiteral("system_status"));
        const QString stream = hello.value("stream").toString();
        QVERIFY(!stream.isEmpty());
        QVERIFY(hello.value("seq").isDouble());
        QVERIFY(!hello.contains("resumed")); // nothing was asked
        const auto userMessage = [](const Probe &probe, const QString &username) {
            for (const QJsonObject &m : probe.messages) {
                if (m.value("type").toString() == QLatin1String("user_created") &&
                    m.value("data").toObject().value("user").toObject().value("username").toString() ==
                        username)
                    return m;
            }
            return QJsonObject();
        };
        QCOMPARE(createApiUser(*m_http, m_admin, QStringLiteral("resume-one"),
                               QStringLiteral("Res#ume1Secret"), QStringLiteral("viewer"))
                     .status,
                 201);
        QVERIFY(QTest::qWaitFor(
            [&] { return !userMessage(first, QStringLiteral("resume-one")).isEmpty(); },
            kWaitMs));
        const qint64 heard = userMessage(first, QStringLiteral("resume-one")).value("seq").toInteger();
        QVERIFY(heard > hello.value("seq").toInteger());
        first.socket.abort();
        QVERIFY(first.waitClosed());

        // While away: two users (for administrators) and another user's API
        // key (for its owner only).
        const ApiUser bob = createApiUser(*m_http, m_admin, QStringLiteral("resume-two"),
                                          QStringLiteral("Res#ume2Secret"), QStringLiteral("user"));
        QCOMPARE(bob.status, 201);
        QCOMPARE(m_http->json("POST", "/api/v1/auth/api-keys", {{"name", "bob-key"}}, bob.token)
                     .status,
                 201);
        QCOMPARE(createApiUser(*m_http, m_admin, QStringLiteral("resume-three"),
                               QStringLiteral("Res#ume3Secret"), QStringLiteral("viewer"))
                     .status,
                 201);

        Probe again;
        again.open(m_url, QStringLiteral("/ws/events?token=%1&stream=%2&after=%3")
                              .arg(m_admin, stream)
                              .arg(heard));
        QVERIFY(again.waitMessages(3));
        QCOMPARE(again.messages.first().value("type").toString(), QStringLiteral("system_status"));
        QCOMPARE(again.messages.first().value("resumed").toBool(), true);
        QCOMPARE(again.messages.first().value("stream").toString(), stream);
        const QJsonObject two = userMessage(again, QStringLiteral("resume-two"));
        const QJsonObject three = userMessage(again, QStringLiteral("resume-three"));
        QVERIFY(!two.isEmpty() && !three.isEmpty());
        QVERIFY(two.value("seq").toInteger() > heard);
        QVERIFY(three.value("seq").toInteger() > two.value("seq").toInteger());
        QVERIFY(userMessage(again, QStringLiteral("resume-one")).isEmpty()); // heard already
        for (const QJsonObject &m : again.messages)
            QVERIFY2(m.value("type").toString() != QLatin1String("api_key_created"),
                     "another user's key event replayed to the admin");
        // Bob, resuming from the same point, gets his key and no user events.
        Probe bobs;
        bobs.open(m_url, QStringLiteral("/ws/events?token=%1&stream=%2&after=%3")
                             .arg(bob.token, stream)
                             .arg(heard));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::any_of(bobs.messages.begin(), bobs.messages.end(), [](const auto &m) {
                    return m.value("type").toString() == QLatin1String("api_key_created");
                });
            },
            kWaitMs));
        QCOMPARE(bobs.messages.first().value("resumed").toBool(), true);
        QVERIFY(userMessage(bobs, QStringLiteral("resume-three")).isEmpty());

        // What cannot be served: another stream, a position ahead of the
        // server's, no number.
        const QString refused[] = {
            QStringLiteral("stream=%1&after=%2").arg(QStringLiteral("not-this-one")).arg(heard),
            QStringLiteral("stream=%1&after=%2").arg(stream).arg(heard + 1000000),
            QStringLiteral("stream=%1&after=%2").arg(stream, QStringLiteral("x")),
            QStringLiteral("stream=%1&after=%2").arg(stream).arg(-5),
        };
        for (const QString &query : refused) {
            Probe probe;
            probe.open(m_url, "/ws/events?token=" + m_admin + "&" + query);
            QVERIFY(probe.waitMessages(1));
            QCOMPARE(probe.messages.first().value("type").toString(),
                     QStringLiteral("system_status"));
            QVERIFY2(probe.messages.first().contains("resumed") &&
                         !probe.messages.first().value("resumed").toBool(),
                     qPrintable(query));
            QTest::qWait(0);
            QVERIFY2(userMessage(probe, QStringLiteral("resume-two")).isEmpty(),
                     qPrintable(query));
        }
    }

    // A client that stops reading is closed once its unsent bytes pass the
    // limit; the server stays healthy and other clients get everything.
    void slowConsumerIsDropped()
    {
        const QString flowId = publishedFlow(wide(1000), kQueueOne);
        QVERIFY(!flowId.isEmpty());
        const QString blocker = block(flowId);
        QVERIFY(!blocker.isEmpty());
        const QString id = queued(flowId);
        QVERIFY(!id.isEmpty());
        const QByteArray before = metrics();
        QVERIFY(before.contains("hivemind_websocket_slow_consumer_drops_total 0"));

        StalledClient stalled;
        const QString problem = stalled.connectAndUpgrade(
            quint16(m_url.port()), ("/ws/executions/" + id + "?token=" + m_admin).toLatin1());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        ExecutionWatcher watcher;
        Recording seen;
        seen.attach(watcher);
        watcher.watch(m_url, id, m_admin);
        const QString noSnapshot = seen.waitSnapshot();
        QVERIFY2(noSnapshot.isEmpty(), qPrintable(noSnapshot));
        QTRY_VERIFY(metrics().contains("hivemind_websocket_clients 2"));

        QVERIFY(cancel(blocker));
        QVERIFY(seen.waitClosed());
        QCOMPARE(seen.code, 1000);
        QCOMPARE(seen.events.size(), 1 + 2 * 1001 + 1);
        const QString gap =
            sequenceProblem(seen.snapshots.first().value("seq").toInteger(), seen.events);
        QVERIFY2(gap.isEmpty(), qPrintable(gap));

        QTRY_VERIFY_WITH_TIMEOUT(
            metrics().contains("hivemind_websocket_slow_consumer_drops_total 1"), kWaitMs);
        // Its connection is gone (aborted after a short grace), the server
        // answers, and new clients are served.
        QTRY_VERIFY_WITH_TIMEOUT(metrics().contains("hivemind_websocket_clients 0"), kWaitMs);
        const Answer health = m_http->get("/api/v1/health");
        QCOMPARE(health.status, 200);
        Probe after;
        after.open(m_url, "/ws/events?token=" + m_admin);
        QVERIFY(after.waitMessages(1));
    }

    // Keep-alive: a client that answers no ping is dropped; one that does
    // (Qt answers pings by itself) stays.
    void silentClientIsDropped()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.path());
        const QUrl url =
            startAuthServer(server, {QStringLiteral("--ws-ping-interval"), QStringLiteral("1")});
        QVERIFY2(!url.isEmpty(), server.standardOutput().constData());
        Http http(url);
        const QString token = http.accessToken(kAdmin, kAdminPassword);
        EventStream alive;
        QSignalSpy aliveStatus(&alive, &EventStream::systemStatus);
        QSignalSpy aliveClosed(&alive, &EventStream::closed);
        alive.listen(url, token);
        QVERIFY(aliveStatus.wait(kWaitMs));
        StalledClient silent;
        const QString problem =
            silent.connectAndUpgrade(quint16(url.port()), ("/ws/events?token=" + token).toLatin1());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QTRY_VERIFY_WITH_TIMEOUT(http.get("/metrics").raw.contains("hivemind_websocket_clients 2"),
                                 kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(http.get("/metrics").raw.contains("hivemind_websocket_clients 1"),
                                 kWaitMs);
        QVERIFY(alive.isOpen());
        QCOMPARE(aliveClosed.count(), 0);
    }

    // With --access-token-ttl 2 the server closes the socket at the token's
    // exp with 4401 "access token expired".
    // Ending a credential ends its WebSockets too, not only its next HTTP
    // request: logout and key revocation close with 4401, suspension with
    // 4403; a connection whose credential still holds stays open.
    void revokedCredentialsClose()
    {
        const QString password = QStringLiteral("Ws-Revoke-Pass1!");
        const ApiUser leaving = createApiUser(*m_http, m_admin, "wsleaving", password, "user");
        const ApiUser suspended = createApiUser(*m_http, m_admin, "wssuspended", password, "user");
        QVERIFY(!leaving.token.isEmpty() && !suspended.token.isEmpty());
        const Answer key = m_http->json("POST", "/api/v1/auth/api-keys",
                                        {{"name", "ws-revoke"}, {"access_level", "read"}}, m_admin);
        QCOMPARE(key.status, 201);

        Probe bystander, loggedOut, suspendedProbe, revokedKey;
        bystander.open(m_url, "/ws/events?token=" + m_admin);
        loggedOut.open(m_url, "/ws/events?token=" + leaving.token);
        suspendedProbe.open(m_url, "/ws/events?token=" + suspended.token);
        revokedKey.open(m_url, "/ws/events?token=" + key.data().value("api_key").toString());
        for (Probe *probe : {&bystander, &loggedOut, &suspendedProbe, &revokedKey})
            QVERIFY(probe->waitMessages(1)); // the first system_status: connected

        QCOMPARE(m_http->json("POST", "/api/v1/auth/logout", {}, leaving.token).status, 200);
        QVERIFY(loggedOut.waitClosed());
        QCOMPARE(loggedOut.code, 4401);
        QCOMPARE(loggedOut.reason, QStringLiteral("the session has ended"));

        QCOMPARE(
            m_http->json("PUT", "/api/v1/users/" + suspended.id, {{"status", "suspended"}}, m_admin)
                .status,
            200);
        QVERIFY(suspendedProbe.waitClosed());
        QCOMPARE(suspendedProbe.code, 4403);

        QCOMPARE(m_http
                     ->send("DELETE", "/api/v1/auth/api-keys/" + key.data().value("id").toString(),
                            {}, Http::bearer(m_admin))
                     .status,
                 200);
        QVERIFY(revokedKey.waitClosed());
        QCOMPARE(revokedKey.code, 4401);

        // Still open, and still fed (system_status every 300 ms here).
        const qsizetype seen = bystander.messages.size();
        QVERIFY(bystander.waitMessages(int(seen) + 1));
        QVERIFY(!bystander.closed);
    }

    // The other ways of ending a credential close its sockets with 4401
    // too, and only its own: logout of all devices, revoking one session,
    // a password change (every other session), an administrator's reset
    // and deleting the user. All five first, then the closes are awaited
    // together (the hub re-checks about once a second).
    void everyWayOfEndingACredentialCloses()
    {
        const QString password = QStringLiteral("Ws-End-Pass1!");
        struct Watched
        {
            ApiUser user;
            QString secondToken; // a second session of the same user, or none
            std::unique_ptr<Probe> first = std::make_unique<Probe>();
            std::unique_ptr<Probe> second;
        };
        std::map<QString, Watched> watched;
        for (const char *name : {"wsall", "wsone", "wschange", "wsreset", "wsdeleted"}) {
            Watched &w = watched[QLatin1String(name)];
            w.user = createApiUser(*m_http, m_admin, QLatin1String(name), password, "user");
            QVERIFY(!w.user.token.isEmpty());
            w.first->open(m_url, "/ws/events?token=" + w.user.token);
            if (qstrcmp(name, "wsreset") == 0 || qstrcmp(name, "wsdeleted") == 0)
                continue;
            w.secondToken = m_http->accessToken(QLatin1String(name), password);
            QVERIFY(!w.secondToken.isEmpty());
            w.second = std::make_unique<Probe>();
            w.second->open(m_url, "/ws/events?token=" + w.secondToken);
        }
        for (const auto &[name, w] : watched) {
            QVERIFY2(w.first->waitMessages(1) && (!w.second || w.second->waitMessages(1)),
                     qPrintable(name));
        }
        const Watched &all = watched["wsall"];
        const Watched &one = watched["wsone"];
        const Watched &change = watched["wschange"];
        const Watched &reset = watched["wsreset"];
        const Watched &deleted = watched["wsdeleted"];

        QCOMPARE(m_http->json("POST", "/api/v1/auth/logout-all", {}, all.user.token).status, 200);
        // Revoking the second session ends its socket; the first goes on.
        QString secondSession;
        const Answer sessions = m_http->get("/api/v1/users/me/sessions", one.secondToken);
        for (const QJsonValue session : sessions.body.value("data").toArray()) {
            if (session.toObject().value("current").toBool())
                secondSession = session.toObject().value("id").toString();
        }
        QVERIFY(!secondSession.isEmpty());
        QCOMPARE(m_http
                     ->send("DELETE", "/api/v1/users/me/sessions/" + secondSession, {},
                            Http::bearer(one.user.token))
                     .status,
                 200);
        // A password change ends the other sessions, not the one that made it.
        QCOMPARE(m_http
                     ->json("PUT", "/api/v1/users/me/password",
                            {{"current_password", password}, {"new_password", "Ws-New-Pass2!"}},
                            change.secondToken)
                     .status,
                 200);
        QCOMPARE(m_http
                     ->json("POST", "/api/v1/users/" + reset.user.id + "/reset-password",
                            {{"new_password", "Ws-Reset-Pass3!"}}, m_admin)
                     .status,
                 200);
        QCOMPARE(
            m_http->send("DELETE", "/api/v1/users/" + deleted.user.id, {}, Http::bearer(m_admin))
                .status,
            200);

        const QList<std::pair<const char *, Probe *>> ended{
            {"logout-all, first", all.first.get()}, {"logout-all, second", all.second.get()},
            {"session revoked", one.second.get()},  {"password changed", change.first.get()},
            {"password reset", reset.first.get()},  {"user deleted", deleted.first.get()}};
        for (const auto &[how, probe] : ended) {
            QVERIFY2(probe->waitClosed(), how);
            QVERIFY2(probe->code == 4401,
                     qPrintable(QString::fromLatin1(how) + ": " + QString::number(probe->code)));
            QVERIFY2(!probe->reason.isEmpty(), how);
        }
        // The sockets whose credential still holds are still open and fed
        // (system_status every 300 ms here).
        for (Probe *alive : {one.first.get(), change.second.get()}) {
            const qsizetype seen = alive->messages.size();
            QVERIFY(alive->waitMessages(int(seen) + 1));
            QVERIFY(!alive->closed);
        }
    }

    // A connection the general rate limit refuses is closed with 4429. The
    // limit is per principal: a fresh user and a fresh administrator key
    // (that changes the limit and back) have budgets of their own.
    void rateLimitedConnectionCloses4429()
    {
        const ApiUser user =
            createApiUser(*m_http, m_admin, "wsrate", QStringLiteral("Ws-Rate-Pass1!"), "user");
        QVERIFY(!user.token.isEmpty());
        const Answer key =
            m_http->json("POST", "/api/v1/auth/api-keys",
                         {{"name", "ws-rate-config"}, {"access_level", "admin"}}, m_admin);
        QCOMPARE(key.status, 201);
        const QByteArray configKey = key.data().value("api_key").toString().toLatin1();
        auto setLimit = [&](int perMinute) {
            return m_http
                ->send("PUT", "/api/v1/system/config",
                       QJsonDocument(QJsonObject{{"api_rate_limit", perMinute}})
                           .toJson(QJsonDocument::Compact),
                       {{"X-API-Key", configKey}})
                .status;
        };
        QCOMPARE(setLimit(2), 200);
        Probe allowed[2];
        for (Probe &probe : allowed) {
            probe.open(m_url, "/ws/events?token=" + user.token);
            QVERIFY(probe.waitMessages(1));
        }
        Probe refused;
        refused.open(m_url, "/ws/events?token=" + user.token);
        QVERIFY(refused.waitClosed());
        QCOMPARE(setLimit(1000000), 200);
        QCOMPARE(refused.code, 4429);
        QCOMPARE(refused.reason, QStringLiteral("rate limit exceeded"));
        QVERIFY(refused.messages.isEmpty());
        for (Probe &probe : allowed)
            QVERIFY(!probe.closed);
    }

    // What clients send is ignored, but a frame above 64 KiB closes 1009.
    void oversizedFrameCloses1009()
    {
        Probe small, large;
        small.open(m_url, "/ws/events?token=" + m_admin);
        large.open(m_url, "/ws/events?token=" + m_admin);
        QVERIFY(small.waitMessages(1) && large.waitMessages(1));
        small.socket.sendTextMessage(QString(64 * 1024 - 16, u'x'));
        large.socket.sendTextMessage(QString(64 * 1024 + 1, u'x'));
        QVERIFY(large.waitClosed());
        QCOMPARE(large.code, 1009);
        const qsizetype seen = small.messages.size();
        QVERIFY(small.waitMessages(int(seen) + 1));
        QVERIFY(!small.closed);
    }

    void expiredTokenCloses()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ServerProcess server(dir.path());
        setAdminEnvironment(server);
        const QUrl url = server.start({QStringLiteral("--access-token-ttl"), QStringLiteral("2")});
        QVERIFY2(!url.isEmpty(), server.standardOutput().constData());
        Http http(url);
        const QString token = http.accessToken(kAdmin, kAdminPassword);
        QVERIFY(!token.isEmpty());

        EventStream stream;
        QSignalSpy status(&stream, &EventStream::systemStatus);
        QSignalSpy closed(&stream, &EventStream::closed);
        stream.listen(url, token);
        QVERIFY(status.wait(kWaitMs));
        QVERIFY(closed.wait(kWaitMs));
        QCOMPARE(closed.first().at(0).toInt(), 4401);
        QCOMPARE(closed.first().at(1).toString(), QStringLiteral("access token expired"));

        // Connecting with the expired token: the same answer at once.
        Probe late;
        late.open(url, "/ws/events?token=" + token);
        QVERIFY(late.waitClosed());
        QCOMPARE(late.code, 4401);
        QCOMPARE(late.reason, QStringLiteral("access token expired"));

        // A server that dies without a close frame: the client says 1006.
        EventStream orphan;
        QSignalSpy orphanStatus(&orphan, &EventStream::systemStatus);
        QSignalSpy orphanClosed(&orphan, &EventStream::closed);
        orphan.listen(url, http.accessToken(kAdmin, kAdminPassword));
        QVERIFY(orphanStatus.wait(kWaitMs));
        server.process().kill();
        QVERIFY(orphanClosed.wait(kWaitMs));
        QCOMPARE(orphanClosed.first().at(0).toInt(), int(EventStream::Abnormal));
    }

    // Last: restarts the server. An execution only in the history still
    // gets a snapshot (from the store), then 1000.
    void historySnapshotAfterRestart()
    {
        QVERIFY(!m_finishedExecution.isEmpty());
        // Stopping says 1001 to connected clients.
        EventStream stream;
        QSignalSpy status(&stream, &EventStream::systemStatus);
        QSignalSpy closed(&stream, &EventStream::closed);
        stream.listen(m_url, m_admin);
        QVERIFY(status.wait(kWaitMs));
        QVERIFY(stopServer());
        QVERIFY(closed.count() > 0 || closed.wait(kWaitMs));
        QCOMPARE(closed.first().at(0).toInt(), int(EventStream::GoingAway));
        QCOMPARE(closed.first().at(1).toString(), QStringLiteral("server stopping"));
        const QString problem = restartServer();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_url = m_http->base();

        ExecutionWatcher watcher;
        Recording seen;
        seen.attach(watcher);
        watcher.watch(m_url, m_finishedExecution, m_admin);
        QVERIFY(seen.waitClosed());
        QCOMPARE(seen.code, 1000);
        QCOMPARE(seen.snapshots.size(), 1);
        QVERIFY(seen.events.isEmpty());
        const QJsonObject snapshot = seen.snapshots.first();
        QCOMPARE(snapshot.value("source").toString(), QStringLiteral("history"));
        const QJsonObject execution = snapshot.value("execution").toObject();
        QCOMPARE(execution.value("status").toString(), QStringLiteral("completed"));
        QCOMPARE(execution.value("progress").toObject().value("completed").toInt(), 4);
        QCOMPARE(snapshot.value("nodes").toArray().size(), 4);
    }

    void cleanupTestCase()
    {
        if (m_server && m_server->process().state() == QProcess::Running)
            stopServer();
    }
};

QTEST_GUILESS_MAIN(TestWebSockets)
#include "TestWebSockets.moc"
