// An agent's file data connection (issue 38's throughput goal;
// FileDownloads.h) against the real server, with AgentPeer playing the
// agent so that the test holds the stream token stream_open carries: the
// token opens one data connection (101) for its node and stream, the bytes
// written on it arrive in the client's answer byte-identical, and the
// download is audited. Refused, with the error envelope and nothing
// relayed: no node or token header, a token in the URL only, an unknown
// token, a used one, one of another node (spent by that try), a node
// whose agent lacks the files capability, a node without an agent. A data
// connection that ends short, with the agent's end frame saying the file
// changed, ends the client's answer short and is audited as CONFLICT.
// (An expired token: TestStreamTokens, with a clock of its own.)

#include "FleetTestSupport.h"
#include "fleet/StreamFrame.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTcpSocket>
#include <QTest>
#include <optional>
#include <random>

using namespace hm::test;

namespace {

// The client's GET, read as it comes: head, then body bytes (hashed).
struct DownloadClient
{
    QTcpSocket socket;
    QByteArray head;
    QByteArray body;
    bool headDone = false;
    bool closed = false;

    DownloadClient(const QUrl &base, const QString &path, const QString &token)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] { read(); });
        QObject::connect(&socket, &QTcpSocket::disconnected, &socket, [this] {
            read();
            closed = true;
        });
        socket.connectToHost(base.host(), quint16(base.port()));
        socket.write(QByteArray("GET " + path.toUtf8() +
                                " HTTP/1.1\r\nHost: " + base.host().toUtf8() +
                                "\r\nAuthorization: Bearer " + token.toUtf8() + "\r\n\r\n"));
    }

    void read()
    {
        if (socket.bytesAvailable() <= 0)
            return; // also after the close, when the socket is no longer open
        QByteArray bytes = socket.readAll();
        if (!headDone) {
            head += bytes;
            const qsizetype end = head.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            headDone = true;
            bytes = head.sliced(end + 4);
            head.truncate(end + 4);
        }
        body += bytes;
    }

    int status() const { return head.mid(9, 3).toInt(); }
    qint64 contentLength() const
    {
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                return line.mid(15).trimmed().toLongLong();
        }
        return -1;
    }
};

QByteArray randomBytes(qsizetype size, quint64 seed)
{
    std::mt19937_64 generator(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(generator());
    return bytes;
}

QByteArray upgradeRequest(const QUrl &base, const QByteArray &headers,
                          const QByteArray &target = hm::fleet::kFileDataPath)
{
    return "GET " + target + " HTTP/1.1\r\nHost: " + base.host().toUtf8() + ':' +
           QByteArray::number(base.port()) +
           "\r\nConnection: Upgrade\r\nUpgrade: " + hm::fleet::kFileDataProtocol + "\r\n" +
           headers + "\r\n";
}

QByteArray tokenHeaders(const QString &nodeId, const QString &token)
{
    return QByteArray(hm::fleet::kFileDataNodeHeader) + ": " + nodeId.toUtf8() + "\r\n" +
           hm::fleet::kFileDataTokenHeader + ": " + token.toUtf8() + "\r\n";
}

} // namespace

class TestFileDataConnection : public QObject, private ServerFixture
{
    Q_OBJECT

    AgentPeer m_files; // says it has files
    AgentPeer m_other; // files too: another node
    AgentPeer m_plain; // no files
    QString m_filesNode;
    QString m_otherNode;
    QString m_plainNode;
    QString m_offlineNode;
    qsizetype m_seen = 2; // m_files' messages looked at (challenge, welcome)

    bool signIn(AgentPeer &peer, const QString &nodeId, const QStringList &capabilities)
    {
        if (!peer.connectTo(m_http->base()))
            return false;
        hm::fleet::HelloMessage hello = peer.hello(nodeId);
        hello.capabilities = capabilities;
        peer.send(hm::fleet::serialize(hello));
        return peer.waitForMessages(2) &&
               std::holds_alternative<hm::fleet::WelcomeMessage>(peer.message(1));
    }

    QString download(const QString &path) const
    {
        return QStringLiteral("/api/v1/nodes/%1/files/download?root=/data&path=%2")
            .arg(m_filesNode, path);
    }

    // The next stream_open m_files was asked for.
    std::optional<hm::fleet::RequestMessage> nextStreamOpen()
    {
        while (m_files.waitForMessages(m_seen + 1)) {
            const hm::fleet::AgentMessage message = m_files.message(m_seen++);
            if (const auto *request = std::get_if<hm::fleet::RequestMessage>(&message);
                request && request->action == QLatin1String("stream_open"))
                return *request;
        }
        return std::nullopt;
    }

    void answer(const hm::fleet::RequestMessage &request, const QJsonObject &result)
    {
        hm::fleet::ResponseMessage response;
        response.id = request.id;
        response.result = result;
        m_files.send(hm::fleet::serialize(response));
    }

    void refuse(const hm::fleet::RequestMessage &request)
    {
        m_files.send(hm::fleet::serialize(
            hm::fleet::failedResponse(request.id, hm::Error{hm::ErrorCode::ResourceNotFound,
                                                            QStringLiteral("no such file")})));
    }

    QJsonObject newestAudit()
    {
        const QJsonArray entries =
            m_http
                ->get(QStringLiteral("/api/v1/audit?action=NODE_FILE_DOWNLOADED&size=10"), m_admin)
                .data()
                .value("audit_logs")
                .toArray();
        return entries.isEmpty() ? QJsonObject() : entries.first().toObject();
    }

    // Opens a data connection; its answer's head is in `head` once it came.
    static bool openData(QTcpSocket &socket, const QUrl &base, const QByteArray &headers,
                         QByteArray &head)
    {
        socket.connectToHost(base.host(), quint16(base.port()));
        if (!socket.waitForConnected(30000))
            return false;
        socket.write(upgradeRequest(base, headers));
        while (!head.contains("\r\n\r\n")) {
            if (!socket.waitForReadyRead(30000))
                return false;
            head += socket.readAll();
        }
        return true;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(startServer().isEmpty(), "server did not start");
        m_filesNode = enrolledNode(*m_http, m_admin, "data-files", m_files);
        m_otherNode = enrolledNode(*m_http, m_admin, "data-other", m_other);
        m_plainNode = enrolledNode(*m_http, m_admin, "data-plain", m_plain);
        AgentPeer offline;
        m_offlineNode = enrolledNode(*m_http, m_admin, "data-offline", offline);
        QVERIFY(!m_filesNode.isEmpty() && !m_otherNode.isEmpty() && !m_plainNode.isEmpty() &&
                !m_offlineNode.isEmpty());
        QVERIFY(signIn(m_files, m_filesNode, {QStringLiteral("files")}));
        QVERIFY(signIn(m_other, m_otherNode, {QStringLiteral("files")}));
        QVERIFY(signIn(m_plain, m_plainNode, {QStringLiteral("metrics")}));
    }

    void theTokenOpensOneDataConnectionWhoseBytesReachTheClient()
    {
        constexpr qsizetype kSize = 3 * 1024 * 1024 + 17;
        const QByteArray file = randomBytes(kSize, 38);
        DownloadClient client(m_http->base(), download("a.bin"), m_admin);
        const auto open = nextStreamOpen();
        QVERIFY(open);
        QCOMPARE(open->args.value("path").toString(), QStringLiteral("a.bin"));
        const QString token = open->args.value("data_token").toString();
        QCOMPARE(token.size(), 43);

        QTcpSocket data;
        QByteArray head;
        QVERIFY(openData(data, m_http->base(), tokenHeaders(m_filesNode, token), head));
        QVERIFY2(head.startsWith("HTTP/1.1 101 "), head.constData());
        QVERIFY(head.toLower().contains("upgrade: hivemind-file-data"));
        QCOMPARE(head.indexOf("\r\n\r\n") + 4, head.size()); // nothing after the head

        // Once is all: the same token again is refused.
        const Answer again = rawExchange(
            m_http->base(), upgradeRequest(m_http->base(), tokenHeaders(m_filesNode, token)));
        QCOMPARE(again.status, 401);
        QCOMPARE(again.code(), QStringLiteral("TOKEN_INVALID"));
        QCOMPARE(again.details().value("code").toString(), QStringLiteral("TOKEN_USED"));

        const quint32 channel = hm::fleet::kFileStreamChannelBit | 7;
        answer(*open,
               {{"channel", qint64(channel)}, {"size", kSize}, {"version", "v1"}, {"data", true}});
        // Bytes in pieces, as a socket would carry them.
        for (qsizetype at = 0; at < kSize; at += 500000)
            data.write(file.mid(at, 500000));
        QVERIFY(data.waitForBytesWritten(30000) || data.bytesToWrite() == 0);
        m_files.socket.sendBinaryMessage(
            hm::fleet::serialize(hm::fleet::streamEnd(channel, hm::fleet::kFileStreamComplete, 0)));
        QTRY_VERIFY_WITH_TIMEOUT(client.body.size() >= kSize || client.closed, 30000);
        QCOMPARE(client.status(), 200);
        QCOMPARE(client.contentLength(), qint64(kSize));
        QCOMPARE(client.body.size(), kSize);
        QVERIFY(client.body == file);
        QVERIFY(!client.closed); // keep-alive: the answer is complete
        // The server is done with the data connection: it closed it.
        QTRY_COMPARE(data.state(), QAbstractSocket::UnconnectedState);
        QTRY_COMPARE(newestAudit().value("details").toObject().value("sent").toDouble(),
                     double(kSize));
        const QJsonObject details = newestAudit().value("details").toObject();
        QCOMPARE(details.value("result").toString(), QStringLiteral("success"));
        QCOMPARE(details.value("path").toString(), QStringLiteral("a.bin"));
        // The token is in no audit entry.
        QVERIFY(!QJsonDocument(newestAudit()).toJson().contains(token.toUtf8()));
    }

    void refusals()
    {
        const QUrl base = m_http->base();
        // No node, no token; a token in the URL does not count.
        Answer refused = rawExchange(base, upgradeRequest(base, {}));
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.code(), QStringLiteral("UNAUTHORIZED"));
        refused =
            rawExchange(base, upgradeRequest(base,
                                             QByteArray(hm::fleet::kFileDataNodeHeader) + ": " +
                                                 m_filesNode.toUtf8() + "\r\n",
                                             QByteArray(hm::fleet::kFileDataPath) + "?token=abc"));
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.code(), QStringLiteral("UNAUTHORIZED"));
        // A token this server never issued.
        refused =
            rawExchange(base, upgradeRequest(base, tokenHeaders(m_filesNode, QString(43, u'A'))));
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.code(), QStringLiteral("TOKEN_INVALID"));
        QCOMPARE(refused.details().value("code").toString(), QStringLiteral("UNKNOWN_TOKEN"));

        // A real token, presented for another node: refused, and spent.
        DownloadClient client(base, download("b.bin"), m_admin);
        const auto open = nextStreamOpen();
        QVERIFY(open);
        const QString token = open->args.value("data_token").toString();
        QVERIFY(!token.isEmpty());
        refused = rawExchange(base, upgradeRequest(base, tokenHeaders(m_otherNode, token)));
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.details().value("code").toString(), QStringLiteral("WRONG_NODE"));
        refused = rawExchange(base, upgradeRequest(base, tokenHeaders(m_filesNode, token)));
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.details().value("code").toString(), QStringLiteral("TOKEN_USED"));
        // An agent without the files capability, a node without an agent.
        refused = rawExchange(base, upgradeRequest(base, tokenHeaders(m_plainNode, token)));
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.code(), QStringLiteral("CAPABILITY_DISABLED"));
        refused = rawExchange(base, upgradeRequest(base, tokenHeaders(m_offlineNode, token)));
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.code(), QStringLiteral("NODE_OFFLINE"));
        // The refused connections were closed after their answer, and the
        // download itself is unharmed: the agent answers, the client hears.
        refuse(*open);
        QTRY_VERIFY(client.headDone);
        QCOMPARE(client.status(), 404);
    }

    void aDataConnectionThatEndsShortEndsTheAnswerShort()
    {
        constexpr qsizetype kSize = 2 * 1024 * 1024;
        const QByteArray file = randomBytes(kSize, 7);
        DownloadClient client(m_http->base(), download("c.bin"), m_admin);
        const auto open = nextStreamOpen();
        QVERIFY(open);
        QTcpSocket data;
        QByteArray head;
        QVERIFY(openData(data, m_http->base(),
                         tokenHeaders(m_filesNode, open->args.value("data_token").toString()),
                         head));
        QVERIFY(head.startsWith("HTTP/1.1 101 "));
        const quint32 channel = hm::fleet::kFileStreamChannelBit | 8;
        answer(*open,
               {{"channel", qint64(channel)}, {"size", kSize}, {"version", "v1"}, {"data", true}});
        data.write(file.first(kSize / 2));
        QVERIFY(data.waitForBytesWritten(30000) || data.bytesToWrite() == 0);
        // The agent found the file changed: the end frame says so, the
        // data connection closes short.
        m_files.socket.sendBinaryMessage(
            hm::fleet::serialize(hm::fleet::streamEnd(channel, hm::fleet::kFileStreamChanged, 0)));
        data.disconnectFromHost();
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 30000);
        QCOMPARE(client.status(), 200);
        QVERIFY(client.body.size() < kSize);
        QVERIFY(client.body == file.first(client.body.size()));
        QTRY_COMPARE(newestAudit().value("details").toObject().value("path").toString(),
                     QStringLiteral("c.bin"));
        QCOMPARE(newestAudit().value("details").toObject().value("error").toString(),
                 QStringLiteral("CONFLICT"));
    }
};

QTEST_GUILESS_MAIN(TestFileDataConnection)
#include "TestFileDataConnection.moc"
