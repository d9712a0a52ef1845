// The docker capability's own checks (issue 38 item 6), without a daemon:
// which container and project names may reach a Docker Engine URL path
// (fleet/DockerNames.h); the agent's handlers refusing the rest before any
// socket is opened, and saying DOCKER_UNAVAILABLE when the socket is
// missing; the hand-written HTTP response parser (Content-Length, chunked,
// to-the-end, bounds); Docker's multiplexed log stream made into text.

#include "agent/DockerHandlers.h"
#include "agent/DockerHttpParser.h"
#include "agent/DockerLogs.h"
#include "agent/RemoteDispatcher.h"
#include "fleet/DockerNames.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>
#include <optional>

using namespace hm;
using namespace hm::agent;

namespace {

QByteArray frame(char stream, const QByteArray &payload)
{
    QByteArray header(8, '\0');
    header[0] = stream;
    qToBigEndian<quint32>(quint32(payload.size()), header.data() + 4);
    return header + payload;
}

} // namespace

class TestDockerNames : public QObject
{
    Q_OBJECT

    // One request through a dispatcher that grants docker; the response.
    fleet::ResponseMessage ask(DockerHandlers &handlers, const QString &action,
                               const QJsonObject &args)
    {
        RemoteDispatcher dispatcher({QStringLiteral("docker")});
        handlers.addHandlers(dispatcher);
        fleet::RequestMessage request;
        request.id = 7;
        request.capability = QStringLiteral("docker");
        request.action = action;
        request.args = args;
        std::optional<fleet::ResponseMessage> response;
        dispatcher.dispatch(request, [&](const fleet::ResponseMessage &r) { response = r; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(response.has_value(), 10000); }();
        return response.value_or(fleet::ResponseMessage{});
    }

private slots:
    void containerReferences_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("short id") << "0123456789ab" << true;
        QTest::newRow("long id") << QString(64, u'f') << true;
        QTest::newRow("name") << "web_1.blue-2" << true;
        QTest::newRow("one character") << "a" << true;
        QTest::newRow("128 characters") << QString(128, u'n') << true;
        QTest::newRow("129 characters") << QString(129, u'n') << false;
        QTest::newRow("200 characters") << QString(200, u'n') << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("dot dot slash") << "../containers/x" << false;
        QTest::newRow("dot dot") << ".." << false;
        QTest::newRow("leading dot") << ".hidden" << false;
        QTest::newRow("leading dash") << "-rf" << false;
        QTest::newRow("percent dot") << "%2e%2e" << false;
        QTest::newRow("encoded slash") << "..%2F" << false;
        QTest::newRow("slash") << "/" << false;
        QTest::newRow("query") << "web?force=1" << false;
        QTest::newRow("space") << "web 1" << false;
        QTest::newRow("newline at end") << "web\n" << false;
        QTest::newRow("non-ascii") << QStringLiteral("wéb") << false;
    }

    void containerReferences()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto ref = fleet::dockerContainerRef(text);
        QCOMPARE(bool(ref), valid);
        if (!valid) {
            QCOMPARE(ref.error().code, ErrorCode::ValidationError);
            QCOMPARE(ref.error().details.value("field").toString(), QStringLiteral("container"));
        }
    }

    void projectNames()
    {
        QVERIFY(fleet::isComposeProjectName("shop"));
        QVERIFY(fleet::isComposeProjectName("shop_2-blue"));
        QVERIFY(!fleet::isComposeProjectName("Shop"));
        QVERIFY(!fleet::isComposeProjectName("-shop"));
        QVERIFY(!fleet::isComposeProjectName("../x"));
        QVERIFY(!fleet::isComposeProjectName(QString(64, u'a')));
        QVERIFY(!fleet::composeProjectName("a/b"));
    }

    void pathSegmentsAreEncoded()
    {
        QCOMPARE(fleet::dockerPathSegment("web_1.blue-2"), QByteArray("web_1.blue-2"));
        QCOMPARE(fleet::dockerPathSegment("../x?y"), QByteArray("..%2Fx%3Fy"));
    }

    void theAgentRefusesBadNamesBeforeTheSocket()
    {
        QTemporaryDir dir;
        DockerHandlers handlers(dir.filePath(QStringLiteral("missing.sock")), QString(), QStringList());
        for (const QString &bad : {QStringLiteral("../containers/x"), QStringLiteral("%2e%2e"),
                                   QStringLiteral("/"), QString(200, u'a')}) {
            for (const QString &action : {QStringLiteral("start"), QStringLiteral("stop"),
                                          QStringLiteral("restart"), QStringLiteral("remove"),
                                          QStringLiteral("logs")}) {
                const auto response = ask(handlers, action, {{"container", bad}});
                QVERIFY(!response.ok);
                QCOMPARE(response.errorCode, QStringLiteral("VALIDATION_ERROR"));
            }
        }
        const auto notText = ask(handlers, QStringLiteral("start"), {{"container", 12}});
        QCOMPARE(notText.errorCode, QStringLiteral("VALIDATION_ERROR"));
        const auto badProject = ask(handlers, QStringLiteral("compose_up"), {{"project", "../x"}});
        QCOMPARE(badProject.errorCode, QStringLiteral("VALIDATION_ERROR"));
        const auto badTail =
            ask(handlers, QStringLiteral("logs"), {{"container", "web"}, {"tail", 5001}});
        QCOMPARE(badTail.errorCode, QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(badTail.errorDetails.value("field").toString(), QStringLiteral("tail"));
        const auto badForce =
            ask(handlers, QStringLiteral("remove"), {{"container", "web"}, {"force", "yes"}});
        QCOMPARE(badForce.errorCode, QStringLiteral("VALIDATION_ERROR"));

        // A good name reaches the (missing) socket.
        for (const QString &action : {QStringLiteral("containers"), QStringLiteral("start")}) {
            const auto missing = ask(handlers, action, {{"container", "web"}});
            QVERIFY(!missing.ok);
            QCOMPARE(missing.errorCode, QStringLiteral("SERVICE_UNAVAILABLE"));
            QCOMPARE(missing.errorDetails.value("code").toString(),
                     QStringLiteral("DOCKER_UNAVAILABLE"));
        }
    }

    void parsesContentLength()
    {
        DockerHttpParser parser(1024);
        QCOMPARE(parser.feed("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
                             "Content-Length: 11\r\n\r\n{\"mess"),
                 DockerHttpParser::State::Body);
        QCOMPARE(parser.feed("age\"}"), DockerHttpParser::State::Done);
        QCOMPARE(parser.status(), 404);
        QCOMPARE(parser.header("content-type"), QStringLiteral("application/json"));
        QCOMPARE(parser.body(), QByteArray("{\"message\"}"));
    }

    void parsesChunks()
    {
        DockerHttpParser parser(1024);
        const QByteArray response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                    "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n";
        // Byte by byte: every split point.
        for (const char c : response)
            parser.feed(QByteArray(1, c));
        QCOMPARE(parser.state(), DockerHttpParser::State::Done);
        QCOMPARE(parser.body(), QByteArray("hello, world"));
        QVERIFY(!parser.truncated());
    }

    // A followed log never ends: its body is taken after each feed, so the
    // bound applies to one feed's bytes, and a Content-Length still counts
    // what was taken.
    void takenBodiesStream()
    {
        DockerHttpParser chunked(8);
        chunked.feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n");
        QCOMPARE(chunked.takeBody(), QByteArray("abcdef"));
        for (int i = 0; i < 100; ++i) {
            QCOMPARE(chunked.feed("6\r\nghijkl\r\n"), DockerHttpParser::State::Body);
            QCOMPARE(chunked.takeBody(), QByteArray("ghijkl"));
        }
        QVERIFY(!chunked.truncated());
        QCOMPARE(chunked.feed("0\r\n\r\n"), DockerHttpParser::State::Done);
        QVERIFY(chunked.takeBody().isEmpty());

        DockerHttpParser sized(4);
        sized.feed("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc");
        QCOMPARE(sized.takeBody(), QByteArray("abc"));
        QCOMPARE(sized.feed("def"), DockerHttpParser::State::Body);
        QCOMPARE(sized.takeBody(), QByteArray("def"));
        QCOMPARE(sized.feed("ghiEXTRA"), DockerHttpParser::State::Done);
        QCOMPARE(sized.takeBody(), QByteArray("ghi"));
    }

    void boundsTheBody()
    {
        DockerHttpParser chunked(4);
        chunked.feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                     "a\r\n0123456789\r\n");
        QCOMPARE(chunked.state(), DockerHttpParser::State::Done);
        QVERIFY(chunked.truncated());
        QCOMPARE(chunked.body(), QByteArray("0123"));

        DockerHttpParser toTheEnd(1024);
        toTheEnd.feed("HTTP/1.0 200 OK\r\n\r\nabc");
        QCOMPARE(toTheEnd.state(), DockerHttpParser::State::Body);
        QCOMPARE(toTheEnd.finish(), DockerHttpParser::State::Done);
        QCOMPARE(toTheEnd.body(), QByteArray("abc"));

        DockerHttpParser cut(1024);
        cut.feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
        QCOMPARE(cut.finish(), DockerHttpParser::State::Failed);

        DockerHttpParser huge(1024);
        huge.feed("HTTP/1.1 200 OK\r\nX: " + QByteArray(70 * 1024, 'x'));
        QCOMPARE(huge.state(), DockerHttpParser::State::Failed);

        DockerHttpParser garbage(1024);
        garbage.feed("SSH-2.0-OpenSSH\r\n\r\n");
        QCOMPARE(garbage.state(), DockerHttpParser::State::Failed);

        DockerHttpParser noContent(1024);
        QCOMPARE(noContent.feed("HTTP/1.1 204 No Content\r\n\r\n"), DockerHttpParser::State::Done);
    }

    void demultiplexesLogs()
    {
        const QByteArray raw = frame(1, "tick\n") + frame(2, "oops\n") + frame(1, "tock\n");
        QVERIFY(looksMultiplexed(raw));
        const DockerLogText text = dockerLogText(raw, 1024);
        QCOMPARE(text.text, QStringLiteral("tick\noops\ntock\n"));
        QCOMPARE(text.lines, 3);
        QVERIFY(!text.truncated);
        // A TTY container's raw output is taken as it is.
        QCOMPARE(dockerLogText("plain\ntext", 1024).text, QStringLiteral("plain\ntext"));
        // Control characters are replaced.
        QCOMPARE(dockerLogText(frame(1, "a\x1b[31mb\n"), 1024).text,
                 QStringLiteral("a\uFFFD[31mb\n"));
    }

    void keepsTheNewestLinesWithinBudget()
    {
        QByteArray raw;
        for (int i = 0; i < 1000; ++i)
            raw += frame(1, "line " + QByteArray::number(i) + '\n');
        const DockerLogText text = dockerLogText(raw, 100);
        QVERIFY(text.truncated);
        QVERIFY(text.text.endsWith(QStringLiteral("line 999\n")));
        QVERIFY(text.text.startsWith(QStringLiteral("line ")));
        QVERIFY(text.text.toUtf8().size() + text.lines <= 100);
    }
};

QTEST_GUILESS_MAIN(TestDockerNames)
#include "TestDockerNames.moc"
