// The server's own HTTP/1.1 front end (server/http) over raw sockets
// against the real hivemind-server: keep-alive, pipelining (also behind a
// deferred ?wait=true answer), requests arriving byte by byte,
// Connection: close, HTTP/1.0, Expect: 100-continue, chunked bodies, HEAD,
// the head and body limits, malformed requests, WebSocket upgrades over
// TLS, idle and slow-head timeouts. After every refused request the server
// still answers.

#include "FlowTestSupport.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

using namespace hm;
using namespace hm::test;

namespace {

// One answer as read off the socket.
struct RawAnswer
{
    int status = 0;                       // 0: nothing complete arrived in time
    QMap<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString code() const { return json().value("error").toObject().value("code").toString(); }
    // The error's details ({} when there are none), as Answer::details().
    QJsonObject details() const
    {
        return json().value("error").toObject().value("details").toObject();
    }
};

// A client that writes bytes as given and reads answers one at a time,
// waiting on the socket's readyRead with a deadline (never sleeping).
class RawClient
{
public:
    bool open(const QUrl &base)
    {
        m_socket.connectToHost(base.host(), quint16(base.port()));
        // Small writes must leave as they are written.
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        return m_socket.waitForConnected(10000);
    }
    void write(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.waitForBytesWritten(10000);
    }
    // Each byte in a write of its own.
    void writeBytewise(const QByteArray &bytes)
    {
        for (const char c : bytes)
            write(QByteArray(1, c));
    }
    // The next answer; `head`: an answer to HEAD (no body whatever its
    // Content-Length says).
    RawAnswer read(bool head = false, int timeoutMs = 30000)
    {
        const QDeadlineTimer deadline(timeoutMs);
        RawAnswer answer;
        qsizetype end = -1;
        while ((end = m_buffer.indexOf("\r\n\r\n")) < 0) {
            if (!fill(deadline))
                return answer;
        }
        const QList<QByteArray> lines = m_buffer.first(end).split('\n');
        const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
        if (statusLine.size() < 2 || statusLine.first() != "HTTP/1.1")
            return answer;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            answer.headers.insert(lines[i].first(colon).trimmed().toLower(),
                                  lines[i].sliced(colon + 1).trimmed());
        }
        const qsizetype length = head ? 0 : answer.headers.value("content-length").toLongLong();
        while (m_buffer.size() < end + 4 + length) {
            if (!fill(deadline))
                return answer;
        }
        answer.body = m_buffer.sliced(end + 4, length);
        m_buffer.remove(0, end + 4 + length);
        answer.status = statusLine.at(1).toInt();
        return answer;
    }
    // Whether the server closed the connection within `timeoutMs`, with
    // nothing more sent before.
    bool closedByServer(int timeoutMs = 30000)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (m_socket.state() == QAbstractSocket::ConnectedState) {
            if (!fill(deadline))
                break;
        }
        return m_socket.state() != QAbstractSocket::ConnectedState && m_buffer.isEmpty();
    }
    // Whether the server closed the connection within `timeoutMs`, whatever
    // it sent before (kept in unread()).
    bool closedWithin(int timeoutMs)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (m_socket.state() == QAbstractSocket::ConnectedState) {
            if (!fill(deadline))
                break;
        }
        return m_socket.state() != QAbstractSocket::ConnectedState;
    }
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QByteArray unread() const { return m_buffer; }
    // How much the client's socket takes in before leaving the rest in the
    // kernel (0: no limit), so that a client can be made to read late.
    void setReadBufferSize(qint64 bytes) { m_socket.setReadBufferSize(bytes); }

private:
    bool fill(const QDeadlineTimer &deadline)
    {
        if (m_socket.bytesAvailable() == 0 &&
            !m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            return false;
        m_buffer += m_socket.readAll();
        return true;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

QByteArray get(const QByteArray &path, const QByteArray &extra = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + extra + "\r\n";
}

QByteArray loginBody()
{
    return QJsonDocument(QJsonObject{{"username", kAdmin}, {"password", kAdminPassword}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestHttpProtocol : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    // A fresh connection answering /api/v1/health with 200.
    bool healthy()
    {
        RawClient client;
        if (!client.open(m_http->base()))
            return false;
        client.write(get("/api/v1/health"));
        return client.read().status == 200;
    }
    QByteArray loginRequest(const QByteArray &extraHeaders, const QByteArray &body)
    {
        return "POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\n"
               "Content-Type: application/json\r\n" +
               extraHeaders + "\r\n" + body;
    }

private slots:
    void initTestCase()
    {
        const QString problem = startServer();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void keepAliveServesSeveralRequests()
    {
        RawClient client;
        QVERIFY(client.open(m_http->base()));
        QSet<QByteArray> requestIds;
        for (int i = 0; i < 5; ++i) {
            client.write(get("/api/v1/health"));
            const RawAnswer answer = client.read();
            QCOMPARE(answer.status, 200);
            QCOMPARE(answer.json().value("success").toBool(), true);
            QVERIFY(!answer.headers.contains("connection"));
            requestIds.insert(answer.headers.value("x-request-id"));
        }
        QCOMPARE(requestIds.size(), 5);
        QVERIFY(client.isOpen());
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        RawClient client;
        QVERIFY(client.open(m_http->base()));
        client.write(get("/api/v1/health") + get("/api/v1/no-such-route") +
                     get("/api/v1/health", "Authorization: Bearer not-a-token\r\n"
                                           "X-Note: tab\there, obs-text \xe9\r\n"));
        const RawAnswer first = client.read();
        const RawAnswer second = client.read();
        const RawAnswer third = client.read();
        QCOMPARE(first.status, 200);
        QCOMPARE(second.status, 404);
        QCOMPARE(second.code(), QStringLiteral("RESOURCE_NOT_FOUND"));
        QCOMPARE(third.status, 200);
        QVERIFY(client.isOpen());
    }

    void largeAnswersToAClientThatReadsLate()
    {
        // Many pipelined requests for a large document, read only once all
        // are sent: the answers outgrow the kernel's socket buffers, so the
        // server writes them in parts as the client drains them, and stops
        // reading further requests while too much is unsent. Every answer
        // must still arrive whole and in order.
        RawClient client;
        QVERIFY(client.open(m_http->base()));
        client.setReadBufferSize(64 * 1024);
        const RawAnswer first = [&] {
            client.write(get("/api/v1/openapi.json"));
            return client.read();
        }();
        QCOMPARE(first.status, 200);
        QVERIFY(first.body.size() > 50 * 1024);
        // Enough for several times the kernel's buffers and the server's
        // own limit on unsent answers (4 MiB).
        const int count = int((24 * 1024 * 1024) / first.body.size()) + 1;
        QByteArray requests;
        for (int i = 0; i < count; ++i)
            requests += get("/api/v1/openapi.json");
        client.write(requests);
        client.setReadBufferSize(0);
        for (int i = 0; i < count; ++i) {
            const RawAnswer answer = client.read();
            QCOMPARE(answer.status, 200);
            QCOMPARE(answer.body.size(), first.body.size());
            QVERIFY(answer.body == first.body);
        }
        QVERIFY(client.isOpen());
        QVERIFY(healthy());
    }

    void deferredAnswerHoldsBackTheNextOne()
    {
        const QString id = createPublishedFlow(*m_http, m_admin, QStringLiteral("delay"),
                                               delayFlow(300), concurrency("allow", 10));
        QVERIFY(!id.isEmpty());
        const QByteArray body = "{\"inputs\":{}}";
        const QByteArray trigger =
            "POST /api/v1/flows/" + id.toLatin1() +
            "/trigger?wait=true&timeout_ms=20000 HTTP/1.1\r\nHost: localhost\r\n"
            "Authorization: Bearer " +
            m_admin.toLatin1() + "\r\nContent-Type: application/json\r\nContent-Length: " +
            QByteArray::number(body.size()) + "\r\n\r\n" + body;
        RawClient client;
        QVERIFY(client.open(m_http->base()));
        // The health check in the same write is answered only after the
        // waited trigger, which takes its 300 ms.
        client.write(trigger + get("/api/v1/health"));
        const RawAnswer waited = client.read();
        QCOMPARE(waited.status, 200);
        QCOMPARE(waited.json().value("data").toObject().value("status").toString(),
                 QStringLiteral("completed"));
        const RawAnswer health = client.read();
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json().value("data").toObject().value("status").toString(),
                 QStringLiteral("healthy"));
    }

    void requestArrivingByteByByte()
    {
        RawClient client;
        QVERIFY(client.open(m_http->base()));
        client.writeBytewise(get("/api/v1/health"));
        QCOMPARE(client.read().status, 200);
        // A body in pieces too: the login only succeeds with all of it.
        const QByteArray body = loginBody();
        client.writeBytewise(
            loginRequest("Content-Length: " + QByteArray::number(body.size()) + "\r\n", {}));
        for (qsizetype i = 0; i < body.size(); i += 7)
            client.write(body.mid(i, 7));
        const RawAnswer login = client.read();
        QCOMPARE(login.status, 200);
        QVERIFY(!login.json().value("data").toObject().value("access_token").toString().isEmpty());
        // Bare LF line ends are refused (a proxy in front may not end lines
        // there).
        client.write("GET /api/v1/health HTTP/1.1\nHost: localhost\n\n");
        QCOMPARE(client.read().status, 400);
    }

    void connectionCloseIsHonoured()
    {
        RawClient client;
        QVERIFY(client.open(m_http->base()));
        client.write(get("/api/v1/health", "Connection: close\r\n"));
        const RawAnswer answer = client.read();
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.headers.value("connection"), QByteArray("close"));
        QVERIFY(client.closedByServer());
    }

    void http10ClosesUnlessKeptAlive()
    {
        RawClient plain;
        QVERIFY(plain.open(m_http->base()));
        plain.write("GET /api/v1/health HTTP/1.0\r\n\r\n");
        const RawAnswer once = plain.read();
        QCOMPARE(once.status, 200);
        QCOMPARE(once.headers.value("connection"), QByteArray("close"));
        QVERIFY(plain.closedByServer());

        RawClient kept;
        QVERIFY(kept.open(m_http->base()));
        for (int i = 0; i < 2; ++i) {
            kept.write("GET /api/v1/health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            const RawAnswer answer = kept.read();
            QCOMPARE(answer.status, 200);
            QCOMPARE(answer.headers.value("connection"), QByteArray("keep-alive"));
        }
        QVERIFY(kept.isOpen());
    }

    void expectContinueBeforeTheBody()
    {
        RawClient client;
        QVERIFY(client.open(m_http->base()));
        const QByteArray body = loginBody();
        client.write(loginRequest(
            "Expect: 100-continue\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n",
            {}));
        const RawAnswer interim = client.read();
        QCOMPARE(interim.status, 100);
        client.write(body);
        const RawAnswer login = client.read();
        QCOMPARE(login.status, 200);
        QVERIFY(!login.json().value("data").toObject().value("access_token").toString().isEmpty());

        // Too large: the final answer instead of 100, and no body expected.
        client.write(loginRequest("Expect: 100-continue\r\nContent-Length: 20000000\r\n", {}));
        const RawAnswer refused = client.read();
        QCOMPARE(refused.status, 413);
        QCOMPARE(refused.code(), QStringLiteral("PAYLOAD_TOO_LARGE"));
        QVERIFY(client.closedByServer());
        QVERIFY(healthy());
    }

    void chunkedBodiesAreDecoded()
    {
        RawClient client;
        QVERIFY(client.open(m_http->base()));
        const QByteArray body = loginBody();
        const QByteArray a = body.first(10);
        const QByteArray b = body.sliced(10);
        client.write(loginRequest("Transfer-Encoding: chunked\r\n",
                                  QByteArray::number(a.size(), 16) + ";ext=1\r\n" + a + "\r\n" +
                                      QByteArray::number(b.size(), 16) + "\r\n" + b + "\r\n" +
                                      "0\r\nX-Trailer: ignored\r\n\r\n"));
        const RawAnswer login = client.read();
        QCOMPARE(login.status, 200);
        QVERIFY(!login.json().value("data").toObject().value("access_token").toString().isEmpty());
        // The same connection reads on after the last chunk.
        client.write(get("/api/v1/health"));
        QCOMPARE(client.read().status, 200);

        // A chunk size that is not hexadecimal.
        client.write(loginRequest("Transfer-Encoding: chunked\r\n", "zz\r\nabc\r\n0\r\n\r\n"));
        const RawAnswer bad = client.read();
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.code(), QStringLiteral("BAD_REQUEST"));
        QVERIFY(client.closedByServer());
        QVERIFY(healthy());
    }

    void headAnswersWithoutTheBody()
    {
        RawClient client;
        QVERIFY(client.open(m_http->base()));
        client.write("HEAD /api/v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n");
        const RawAnswer head = client.read(true);
        QCOMPARE(head.status, 200);
        QVERIFY(head.headers.value("content-length").toInt() > 0);
        QCOMPARE(head.headers.value("content-type"), QByteArray("application/json"));
        // Had a body come along, this would read it instead of the answer.
        client.write(get("/api/v1/health"));
        const RawAnswer next = client.read();
        QCOMPARE(next.status, 200);
        QCOMPARE(QByteArray::number(next.body.size()), head.headers.value("content-length"));
    }

    void headBlockOverTheLimit()
    {
        RawClient client;
        QVERIFY(client.open(m_http->base()));
        client.write("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Big: " +
                     QByteArray(70 * 1024, 'a') + "\r\n\r\n");
        const RawAnswer answer = client.read();
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.code(), QStringLiteral("BAD_REQUEST"));
        QCOMPARE(answer.details().value("limit").toInt(), 64 * 1024);
        QCOMPARE(answer.headers.value("connection"), QByteArray("close"));
        QVERIFY(client.closedByServer());
        QVERIFY(healthy());
    }

    void bodyOverTheLimitIsRefusedBeforeItArrives()
    {
        RawClient client;
        QVERIFY(client.open(m_http->base()));
        // Only the head is sent: the answer must not wait for 11 MiB.
        client.write(
            loginRequest("Content-Length: " + QByteArray::number(11 * 1024 * 1024) + "\r\n", {}));
        const RawAnswer answer = client.read();
        QCOMPARE(answer.status, 413);
        QCOMPARE(answer.code(), QStringLiteral("PAYLOAD_TOO_LARGE"));
        QCOMPARE(answer.details().value("limit").toInteger(), 10 * 1024 * 1024);
        QCOMPARE(answer.headers.value("connection"), QByteArray("close"));
        // The server reads the announced body on and drops it, then closes.
        client.write(QByteArray(11 * 1024 * 1024, 'x'));
        QVERIFY(client.closedByServer());
        QVERIFY(healthy());
    }

    void blobRouteTakesMoreThanTheDefaultLimit()
    {
        // 11 MiB reach the blob route (64 MiB limit): its own answer, a
        // wrong token here, not the HTTP server's 413.
        RawClient client;
        QVERIFY(client.open(m_http->base()));
        const QByteArray body(11 * 1024 * 1024, 'b');
        client.write("PUT /api/v1/blobs/no-such-execution/b1 HTTP/1.1\r\nHost: localhost\r\n"
                     "X-Execution-Token: wrong\r\nContent-Type: application/octet-stream\r\n"
                     "Expect: 100-continue\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n");
        QCOMPARE(client.read().status, 100);
        client.write(body);
        const RawAnswer answer = client.read();
        QCOMPARE(answer.status, 403);
        QCOMPARE(answer.code(), QStringLiteral("FORBIDDEN"));
        QVERIFY(client.isOpen());
    }

    void malformedRequestsGet400AndAClose_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("no version") << QByteArray("GET /api/v1/health\r\n\r\n");
        QTest::newRow("double space") << QByteArray("GET  /api/v1/health HTTP/1.1\r\n\r\n");
        QTest::newRow("bad method") << QByteArray("G(T /api/v1/health HTTP/1.1\r\n\r\n");
        QTest::newRow("not http") << QByteArray("GET /api/v1/health FTP/1.1\r\n\r\n");
        QTest::newRow("http 2") << QByteArray("GET /api/v1/health HTTP/2.0\r\n\r\n");
        QTest::newRow("binary") << QByteArray::fromHex("160301020001000100fc0d0a0d0a");
        QTest::newRow("space in name")
            << QByteArray("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nBad Name: 1\r\n\r\n");
        QTest::newRow("no colon") << QByteArray(
            "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n");
        QTest::newRow("folded header")
            << QByteArray("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  2\r\n\r\n");
        QTest::newRow("control in value")
            << QByteArray("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-A: a\x01z\r\n\r\n");
        QTest::newRow("bare CR in value") << QByteArray(
            "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-A: abcdefgh\rX-B: 1\r\n\r\n");
        QTest::newRow("DEL in target")
            << QByteArray("GET /api/v1/health\x7f HTTP/1.1\r\nHost: x\r\n\r\n");
        QTest::newRow("length not a number") << QByteArray(
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 1x\r\n\r\n");
        QTest::newRow("two lengths")
            << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                          "Content-Length: 3\r\n\r\n{}");
        QTest::newRow("length and chunked")
            << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n{}");
        QTest::newRow("gzip coding") << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n"
                                                   "Transfer-Encoding: gzip, chunked\r\n\r\n");
        QTest::newRow("no Host") << QByteArray("GET /api/v1/health HTTP/1.1\r\n\r\n");
        QTest::newRow("two Hosts")
            << QByteArray("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n");
        QTest::newRow("chunked twice")
            << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n"
                          "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n");
        QTest::newRow("bare LF after a chunk size")
            << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n2\n{}\r\n0\r\n\r\n");
        QTest::newRow("malformed chunk extension")
            << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n2;=\r\n{}\r\n0\r\n\r\n");
        QTest::newRow("too many empty lines first")
            << QByteArray("\r\n\r\n\r\n\r\n\r\nGET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
    }
    void malformedRequestsGet400AndAClose()
    {
        QFETCH(QByteArray, request);
        RawClient client;
        QVERIFY(client.open(m_http->base()));
        client.write(request);
        const RawAnswer answer = client.read();
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.code(), QStringLiteral("BAD_REQUEST"));
        QVERIFY(!answer.json().value("error").toObject().value("message").toString().isEmpty());
        QCOMPARE(answer.json().value("error").toObject().value("request_id").toString(),
                 QString::fromLatin1(answer.headers.value("x-request-id")));
        QVERIFY(client.closedByServer());
        QVERIFY(healthy());
    }

    void refusedRequestsLeaveNoSecretInTheLog()
    {
        RawClient client;
        QVERIFY(client.open(m_http->base()));
        client.write("GET /api/v1/health?token=query-secret-123 HTTP/1.1\r\n"
                     "Authorization: Bearer header-secret-456\r\nBad Header: x\r\n\r\n");
        QCOMPARE(client.read().status, 400);
        QVERIFY(client.closedByServer());
        // The refusal is logged (QTRY: the event loop reads the pipe), its
        // secrets are not.
        QTRY_VERIFY(m_server->standardError().contains("refused a request"));
        QVERIFY(!m_server->standardError().contains("query-secret-123"));
        QVERIFY(!m_server->standardError().contains("header-secret-456"));
        QVERIFY(healthy());
    }

    void tlsUpgradesAndLargeBodies()
    {
        // An upgrade hands the QSslSocket, handshake bytes put back, to the
        // WebSocket server: the WebSocket opens, then closes with 4404 for
        // a path that has no feed.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // Committed fixtures (tests/server/fixtures/README.md).
        const QString cert =
            QStringLiteral(HIVEMIND_SOURCE_DIR "/tests/server/fixtures/tls-cert.pem");
        const QString key =
            QStringLiteral(HIVEMIND_SOURCE_DIR "/tests/server/fixtures/tls-key.pem");
        ServerProcess server(dir.filePath("data"));
        QUrl url = server.start({"--tls-cert", cert, "--tls-key", key});
        QVERIFY2(!url.isEmpty(), server.standardError().constData());

        QFile certFile(cert);
        QVERIFY(certFile.open(QIODevice::ReadOnly));
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(QSslCertificate::fromData(certFile.readAll(), QSsl::Pem));
        QWebSocket socket;
        socket.setSslConfiguration(ssl);
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        url.setScheme("wss");
        url.setPath("/ws/no-such-feed");
        socket.open(url);
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, 30000);
        QCOMPARE(connected.count(), 1);
        QCOMPARE(int(socket.closeCode()), 4404);

        // Bodies larger than the socket's read buffer come through TLS
        // whole: 3 MiB of not-JSON is read to its end and refused by the
        // route, 11 MiB by the size limit.
        QNetworkAccessManager network;
        QUrl login = url;
        login.setScheme("https");
        login.setPath("/api/v1/auth/login");
        QNetworkRequest request(login);
        request.setSslConfiguration(ssl);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        const Answer notJson = Http::finish(network.post(request, QByteArray(3 << 20, 'x')));
        QCOMPARE(notJson.status, 422);
        QCOMPARE(notJson.code(), QStringLiteral("VALIDATION_ERROR"));
        const Answer tooLarge = Http::finish(network.post(request, QByteArray(11 << 20, 'x')));
        QCOMPARE(tooLarge.status, 413);
        QCOMPARE(tooLarge.code(), QStringLiteral("PAYLOAD_TOO_LARGE"));
    }

    void idleConnectionsAndSlowHeadsAreClosed()
    {
        // A server of its own with one-second timeouts (the shared one
        // keeps the defaults, so its HTTP client's connections stay up).
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ServerProcess server(dir.path());
        const QUrl url = server.start({"--http-idle-timeout", "1", "--http-header-timeout", "1"});
        QVERIFY2(!url.isEmpty(), server.standardOutput().constData());

        // Kept alive, then idle: closed about a second after the answer.
        RawClient idle;
        QVERIFY(idle.open(url));
        idle.write(get("/api/v1/health"));
        QCOMPARE(idle.read().status, 200);
        QVERIFY(idle.closedByServer(10000));

        // A head still incomplete a second after its first byte.
        RawClient slow;
        QVERIFY(slow.open(url));
        slow.write("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n");
        QVERIFY(slow.closedByServer(10000));

        // Bad values are refused at start-up.
        QTemporaryDir other;
        ServerProcess refused(other.path());
        QCOMPARE(refused.runToExit({"--http-idle-timeout", "0"}), 2);
        QVERIFY2(refused.standardError().contains("--http-idle-timeout"),
                 refused.standardError().constData());

        RawClient fresh;
        QVERIFY(fresh.open(url));
        fresh.write(get("/api/v1/health"));
        QCOMPARE(fresh.read().status, 200);
    }

    // Bytes that each reset the idle clock do not keep a request open past
    // its deadlines: empty lines before a request line (the head deadline
    // starts with the first of them) and a body trickled byte by byte (the
    // whole-request deadline).
    void trickledRequestsAreClosed()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ServerProcess server(dir.path());
        const QUrl url = server.start({"--http-idle-timeout", "30", "--http-header-timeout", "1",
                                       "--http-request-timeout", "2"});
        QVERIFY2(!url.isEmpty(), server.standardOutput().constData());

        // One byte every 200 ms (a wait on the socket, which ends early
        // when the server closes), for at most 10 s: the number of bytes
        // written until the server closed, -1 if it never did.
        const auto closedWhileTrickling = [](RawClient &client, const QByteArray &bytes) {
            for (int i = 0; i < 50; ++i) {
                client.write(bytes.mid(i % bytes.size(), 1));
                if (client.closedWithin(200))
                    return i + 1;
            }
            return -1;
        };
        // Empty lines only: closed by the head deadline, which starts with
        // the first of them (or refused with 400 past the few tolerated).
        RawClient emptyLines;
        QVERIFY(emptyLines.open(url));
        const int afterLines = closedWhileTrickling(emptyLines, "\r\n");
        QVERIFY2(afterLines > 0 && afterLines < 25, qPrintable(QString::number(afterLines)));
        QVERIFY2(emptyLines.unread().isEmpty() || emptyLines.unread().startsWith("HTTP/1.1 400 "),
                 emptyLines.unread().constData());

        // A few empty lines, then a head too slow: the head deadline runs
        // from the first empty line.
        RawClient slowHead;
        QVERIFY(slowHead.open(url));
        slowHead.write("\r\n\r\n");
        const int afterHead = closedWhileTrickling(slowHead, "GET /api/v1/health HTTP/1.1\r\nX: ");
        QVERIFY2(afterHead > 0 && afterHead < 25, qPrintable(QString::number(afterHead)));

        // A body trickled byte by byte: the whole-request deadline.
        RawClient body;
        QVERIFY(body.open(url));
        body.write(loginRequest("Content-Length: 1000\r\n", {}));
        const int afterBody = closedWhileTrickling(body, "x");
        QVERIFY2(afterBody > 0 && afterBody < 25, qPrintable(QString::number(afterBody)));

        // A request that arrives in time is still served, and bad values
        // are refused at start-up.
        RawClient fresh;
        QVERIFY(fresh.open(url));
        fresh.write(get("/api/v1/health"));
        QCOMPARE(fresh.read().status, 200);
        QTemporaryDir other;
        ServerProcess refused(other.path());
        QCOMPARE(refused.runToExit({"--http-request-timeout", "0"}), 2);
        QVERIFY2(refused.standardError().contains("--http-request-timeout"),
                 refused.standardError().constData());
    }
};

QTEST_GUILESS_MAIN(TestHttpProtocol)
#include "TestHttpProtocol.moc"
