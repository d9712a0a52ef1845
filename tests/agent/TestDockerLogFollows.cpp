// How DockerLogFollows opens a followed container log (issue 38 item 6;
// docs/agent-protocol.md "docker"): on the daemon's head or on its answer
// to GET /containers/{ref}/json, whichever comes first. The daemon here is
// a stand-in on a unix socket of the test's own that answers each request
// after a delay the test chooses (a mock, and the only one of these tests:
// a real daemon's timing cannot be steered, and the order of the two
// answers is what is tested; TestRemoteDockerLogs follows real podman
// containers end to end):
//   - a quiet container (the log's head never comes, as podman does until
//     the first line) opens on the container's answer, and a line written
//     later arrives as a data frame;
//   - Docker's way (the head at once, the container's answer late) opens on
//     the head;
//   - a container the daemon does not know is RESOURCE_NOT_FOUND;
//   - a follow opened on the container's answer and then refused by the
//     daemon (the container removed in between) ends as broken (end frame,
//     kDockerLogFailed), with nothing of the refusal sent as log.

#include "agent/DockerLogFollows.h"
#include "agent/RemoteDispatcher.h"
#include "fleet/AgentProtocol.h"
#include "fleet/DockerLogStream.h"
#include "fleet/StreamFrame.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>
#include <optional>

using namespace hm;
using namespace hm::agent;

namespace {

// One answer of the stand-in daemon: `bytes` written `delayMs` after the
// request came (never, when nullopt), then the connection closed unless
// `keepOpen`.
struct Answer
{
    std::optional<int> delayMs;
    QByteArray bytes;
    bool keepOpen = false;
};

QByteArray jsonAnswer(int status, const QByteArray &reason, const QByteArray &body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
           "\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QByteArray chunk(const QByteArray &bytes)
{
    return QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n";
}

const QByteArray kLogHead = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
                            "Transfer-Encoding: chunked\r\n\r\n";

class FakeDaemon : public QObject
{
public:
    // Answers to requests whose path contains "/json" and "/logs".
    Answer inspect;
    Answer logs;
    QList<QByteArray> requestLines;

    bool listen(const QString &path)
    {
        connect(&m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket *socket = m_server.nextPendingConnection())
                serve(socket);
        });
        return m_server.listen(path);
    }

    // Writes `bytes` to every open connection that asked for a log.
    void writeToLogs(const QByteArray &bytes)
    {
        for (const QPointer<QLocalSocket> &socket : std::as_const(m_logSockets))
            if (socket)
                socket->write(bytes);
    }

private:
    void serve(QLocalSocket *socket)
    {
        auto seen = std::make_shared<QByteArray>(); // the request, until its head is in
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket, seen] {
            if (seen->contains("\r\n\r\n"))
                return;
            *seen += socket->readAll();
            if (!seen->contains("\r\n\r\n"))
                return;
            const QByteArray line = seen->left(seen->indexOf("\r\n"));
            requestLines << line;
            const bool isLog = line.contains("/logs");
            if (isLog)
                m_logSockets << socket;
            const Answer answer = isLog ? logs : inspect;
            if (!answer.delayMs)
                return;
            QTimer::singleShot(*answer.delayMs, socket, [socket, answer] {
                socket->write(answer.bytes);
                if (!answer.keepOpen)
                    socket->disconnectFromServer();
            });
        });
    }

    QLocalServer m_server;
    QList<QPointer<QLocalSocket>> m_logSockets;
};

// A follow opened through the dispatcher, and what it sent.
struct Opened
{
    std::optional<fleet::ResponseMessage> response;
    QList<fleet::StreamFrame> frames;
};

} // namespace

class TestDockerLogFollows : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<FakeDaemon> m_daemon;
    std::unique_ptr<RemoteDispatcher> m_dispatcher;
    std::unique_ptr<DockerLogFollows> m_follows;
    Opened m_opened;

    void open(const QString &container)
    {
        fleet::RequestMessage request;
        request.id = 1;
        request.capability = QStringLiteral("docker");
        request.action = QStringLiteral("logs_follow");
        request.args = {{QStringLiteral("container"), container}, {QStringLiteral("tail"), 0}};
        m_dispatcher->dispatch(request, [this](const fleet::ResponseMessage &response) {
            m_opened.response = response;
        });
    }

    quint32 openedChannel() const
    {
        return quint32(m_opened.response->result.value(QStringLiteral("channel")).toInteger());
    }

private slots:
    void init()
    {
        // Warnings fail (those a case expects are ignored first): a
        // socket reaching a half-destroyed object says "device not open".
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
        QVERIFY(m_dir.isValid());
        m_opened = {};
        m_daemon = std::make_unique<FakeDaemon>();
        const QString socket =
            m_dir.filePath(QStringLiteral("docker-%1.sock").arg(QTest::currentTestFunction()));
        QVERIFY(m_daemon->listen(socket));
        m_dispatcher = std::make_unique<RemoteDispatcher>(QStringList{QStringLiteral("docker")});
        m_follows = std::make_unique<DockerLogFollows>(socket, [this](const QByteArray &bytes) {
            auto frame = fleet::parseStreamFrame(bytes);
            QVERIFY2(frame, "the agent sent a frame that does not parse");
            m_opened.frames << frame.value();
        });
        m_follows->addHandlers(*m_dispatcher);
    }

    void cleanup()
    {
        m_follows.reset();
        m_dispatcher.reset();
        m_daemon.reset();
    }

    void aQuietContainerOpensOnItsOwnAnswer()
    {
        m_daemon->inspect = {0, jsonAnswer(200, "OK", R"({"Id":"abc","Name":"/quiet"})")};
        m_daemon->logs = {std::nullopt, {}}; // podman: no head before the first line
        open(QStringLiteral("quiet"));
        QTRY_VERIFY_WITH_TIMEOUT(m_opened.response.has_value(), 5000);
        QVERIFY2(m_opened.response->ok, qPrintable(m_opened.response->errorMessage));
        const quint32 channel = openedChannel();
        QVERIFY(fleet::isDockerLogChannel(channel));
        QCOMPARE(m_opened.response->result.value(QStringLiteral("container")).toString(),
                 QStringLiteral("quiet"));
        QCOMPARE(m_follows->count(), 1);
        QVERIFY(m_opened.frames.isEmpty());
        // Both were asked, the log with follow.
        QCOMPARE(m_daemon->requestLines.size(), 2);
        // The first line comes, head and all: it goes out as the log.
        const QByteArray line = "2026-11-30T05:00:00.000000000Z woke up\n";
        m_daemon->writeToLogs(kLogHead + chunk(line));
        QTRY_COMPARE_WITH_TIMEOUT(m_opened.frames.size(), 1, 5000);
        QCOMPARE(m_opened.frames.first().kind, fleet::StreamFrame::Kind::Data);
        QCOMPARE(m_opened.frames.first().channel, channel);
        QCOMPARE(m_opened.frames.first().data, line);
    }

    void theLogsHeadOpensWhenItComesFirst()
    {
        m_daemon->inspect = {std::nullopt, {}}; // never answered
        m_daemon->logs = {0, kLogHead, true};
        open(QStringLiteral("talker"));
        QTRY_VERIFY_WITH_TIMEOUT(m_opened.response.has_value(), 5000);
        QVERIFY2(m_opened.response->ok, qPrintable(m_opened.response->errorMessage));
        QVERIFY(fleet::isDockerLogChannel(openedChannel()));
        // Gone with the container's answer still to come and the log open:
        // neither socket reaches a half-destroyed object on its way out.
        m_follows.reset();
    }

    void anUnknownContainerIsNotFound()
    {
        m_daemon->inspect = {
            0, jsonAnswer(404, "Not Found", R"({"message":"no such container: ghost"})")};
        m_daemon->logs = {std::nullopt, {}};
        open(QStringLiteral("ghost"));
        QTRY_VERIFY_WITH_TIMEOUT(m_opened.response.has_value(), 5000);
        QVERIFY(!m_opened.response->ok);
        QCOMPARE(m_opened.response->errorCode, QStringLiteral("RESOURCE_NOT_FOUND"));
        QVERIFY2(m_opened.response->errorMessage.contains(QStringLiteral("no such container")),
                 qPrintable(m_opened.response->errorMessage));
        QCOMPARE(m_follows->count(), 0);
        QVERIFY(m_opened.frames.isEmpty());
    }

    void aLogRefusedAfterTheOpenEndsBroken()
    {
        // The container answers; then it is removed and the log refused.
        m_daemon->inspect = {0, jsonAnswer(200, "OK", R"({"Id":"abc","Name":"/brief"})")};
        m_daemon->logs = {
            300, jsonAnswer(404, "Not Found", R"({"message":"no such container: brief"})")};
        open(QStringLiteral("brief"));
        QTRY_VERIFY_WITH_TIMEOUT(m_opened.response.has_value(), 5000);
        QVERIFY2(m_opened.response->ok, qPrintable(m_opened.response->errorMessage));
        const quint32 channel = openedChannel();
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral(
                              "^docker log of brief: refused by the daemon: .*no such container")));
        QTRY_COMPARE_WITH_TIMEOUT(m_opened.frames.size(), 1, 5000);
        const fleet::StreamFrame &end = m_opened.frames.first();
        QCOMPARE(end.kind, fleet::StreamFrame::Kind::End);
        QCOMPARE(end.channel, channel);
        QCOMPARE(end.exitCode, fleet::kDockerLogFailed);
        QTRY_COMPARE_WITH_TIMEOUT(m_follows->count(), 0, 5000);
    }
};

QTEST_GUILESS_MAIN(TestDockerLogFollows)
#include "TestDockerLogFollows.moc"
