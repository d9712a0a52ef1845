// Enrolment against a recording HTTP peer on loopback: what the agent sends
// (the secret only in X-Secret-Key) and how it reads the server's answers.

#include "RecordingHttpPeer.h"
#include "agent/Enroller.h"
#include "crypto/Signing.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace hm;
using namespace hm::agent;

namespace {

const QString kSecret = QStringLiteral("enrol-s3cret-abc");

EnrolmentRequest requestFor(const QUrl &server, const QByteArray &publicKey)
{
    EnrolmentRequest request;
    request.server = server;
    request.secret = kSecret;
    request.name = QStringLiteral("web-1");
    request.capabilities = {QStringLiteral("metrics")};
    request.agentVersion = QStringLiteral("0.1.0");
    request.publicKey = publicKey;
    request.facts.ip = QStringLiteral("10.0.0.5");
    request.facts.os = QStringLiteral("Linux");
    request.facts.arch = QStringLiteral("x86_64");
    request.facts.cpuCores = 4;
    request.facts.cpuModel = QStringLiteral("Test CPU");
    request.facts.memoryTotal = 8LL << 30;
    request.facts.diskTotal = 100LL << 30;
    request.facts.kernel = QStringLiteral("6.1.0");
    request.facts.uptimeSeconds = 1234;
    request.timeoutMs = 5000;
    return request;
}

// Runs one enrolment to its end.
Result<EnrolmentAnswer> enrolNow(Enroller &enroller, const EnrolmentRequest &request)
{
    std::optional<Result<EnrolmentAnswer>> outcome;
    enroller.enrol(request, [&outcome](Result<EnrolmentAnswer> answer) { outcome = answer; });
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 10000))
        return Error{ErrorCode::Timeout, QStringLiteral("no outcome")};
    return *outcome;
}

} // namespace

class TestEnroller : public QObject
{
    Q_OBJECT
private slots:
    void sendsFactsAndSecretInHeader()
    {
        const crypto::SigningKeyPair pair = crypto::generateSigningKeyPair();
        const QString fingerprint = crypto::publicKeyFingerprint(pair.publicKey);
        test::RecordingPeer peer;
        peer.setAnswer([&fingerprint](const test::RecordedRequest &) {
            const QJsonObject body{{"success", true},
                                   {"data", QJsonObject{{"node_id", "node-42"},
                                                        {"name", "web-1"},
                                                        {"fingerprint", fingerprint}}}};
            return test::RecordingPeer::Reply{201, QJsonDocument(body).toJson()};
        });
        Enroller enroller;
        const auto answer = enrolNow(enroller, requestFor(QUrl(peer.url()), pair.publicKey));
        QVERIFY2(answer.ok(), qPrintable(answer.ok() ? QString() : answer.error().toString()));
        QCOMPARE(answer->nodeId, QStringLiteral("node-42"));
        QCOMPARE(answer->fingerprint, fingerprint);

        QCOMPARE(peer.requests().size(), 1);
        const test::RecordedRequest request = peer.requests().first();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.target, QByteArray("/api/v1/nodes/register"));
        QCOMPARE(request.headers.value("x-secret-key"), kSecret.toUtf8());
        QVERIFY(!request.body.contains(kSecret.toUtf8()));
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        QCOMPARE(body.value("name").toString(), QStringLiteral("web-1"));
        QCOMPARE(body.value("ip").toString(), QStringLiteral("10.0.0.5"));
        QCOMPARE(body.value("os").toString(), QStringLiteral("Linux"));
        QCOMPARE(body.value("arch").toString(), QStringLiteral("x86_64"));
        QCOMPARE(body.value("cpu_cores").toInt(), 4);
        QCOMPARE(body.value("cpu_model").toString(), QStringLiteral("Test CPU"));
        QCOMPARE(qint64(body.value("memory_total").toDouble()), 8LL << 30);
        QCOMPARE(qint64(body.value("disk_total").toDouble()), 100LL << 30);
        QCOMPARE(body.value("agent_version").toString(), QStringLiteral("0.1.0"));
        QCOMPARE(QByteArray::fromBase64(body.value("public_key").toString().toLatin1()),
                 pair.publicKey);
        QCOMPARE(body.value("capabilities").toArray(), QJsonArray{"metrics"});
        // system_info is a JSON text, not an object.
        QVERIFY(body.value("system_info").isString());
        const QJsonObject info =
            QJsonDocument::fromJson(body.value("system_info").toString().toUtf8()).object();
        QCOMPARE(info.value("uptime").toInt(), 1234);
        QCOMPARE(info.value("kernel").toString(), QStringLiteral("6.1.0"));
    }

    void basePathKept()
    {
        test::RecordingPeer peer;
        peer.setAnswer([](const test::RecordedRequest &) {
            return test::RecordingPeer::Reply{401, "{}"};
        });
        Enroller enroller;
        const auto answer =
            enrolNow(enroller, requestFor(QUrl(peer.url("/hive/")),
                                          crypto::generateSigningKeyPair().publicKey));
        QVERIFY(!answer.ok());
        QCOMPARE(peer.requests().first().target, QByteArray("/hive/api/v1/nodes/register"));
    }

    void refusedSecret()
    {
        test::RecordingPeer peer;
        peer.setAnswer([](const test::RecordedRequest &) {
            const QJsonObject body{
                {"success", false},
                {"error", QJsonObject{{"code", "UNAUTHORIZED"}, {"message", "bad secret"}}}};
            return test::RecordingPeer::Reply{401, QJsonDocument(body).toJson()};
        });
        Enroller enroller;
        const auto answer = enrolNow(
            enroller, requestFor(QUrl(peer.url()), crypto::generateSigningKeyPair().publicKey));
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().code, ErrorCode::Unauthorized);
        QVERIFY(answer.error().message.contains(QStringLiteral("secret")));
        QVERIFY(!answer.error().message.contains(kSecret));
    }

    void otherRefusalsAndBadAnswers()
    {
        const QByteArray publicKey = crypto::generateSigningKeyPair().publicKey;
        test::RecordingPeer peer;
        Enroller enroller;

        peer.setAnswer([](const test::RecordedRequest &) {
            const QJsonObject body{
                {"success", false},
                {"error", QJsonObject{{"code", "VALIDATION_ERROR"}, {"message", "name taken"}}}};
            return test::RecordingPeer::Reply{400, QJsonDocument(body).toJson()};
        });
        auto answer = enrolNow(enroller, requestFor(QUrl(peer.url()), publicKey));
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().code, ErrorCode::ValidationError);
        QVERIFY(answer.error().message.contains(QStringLiteral("name taken")));

        peer.setAnswer([](const test::RecordedRequest &) {
            return test::RecordingPeer::Reply{429, "{}"};
        });
        answer = enrolNow(enroller, requestFor(QUrl(peer.url()), publicKey));
        QCOMPARE(answer.error().code, ErrorCode::RateLimitExceeded);
        peer.setAnswer([](const test::RecordedRequest &) {
            return test::RecordingPeer::Reply{503, "{}"};
        });
        answer = enrolNow(enroller, requestFor(QUrl(peer.url()), publicKey));
        QCOMPARE(answer.error().code, ErrorCode::ServiceUnavailable);

        // A server that registered another key than this agent's.
        peer.setAnswer([](const test::RecordedRequest &) {
            const QJsonObject body{
                {"success", true},
                {"data", QJsonObject{{"node_id", "n"}, {"fingerprint", "SHA256:other"}}}};
            return test::RecordingPeer::Reply{201, QJsonDocument(body).toJson()};
        });
        answer = enrolNow(enroller, requestFor(QUrl(peer.url()), publicKey));
        QVERIFY(!answer.ok());
        QVERIFY(answer.error().message.contains(QStringLiteral("SHA256:other")));

        peer.setAnswer([](const test::RecordedRequest &) {
            return test::RecordingPeer::Reply{201, "<html>"};
        });
        answer = enrolNow(enroller, requestFor(QUrl(peer.url()), publicKey));
        QVERIFY(!answer.ok());
    }

    void unreachableServer()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close(); // nothing listens there now
        Enroller enroller;
        const auto answer =
            enrolNow(enroller, requestFor(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)),
                                          crypto::generateSigningKeyPair().publicKey));
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().code, ErrorCode::NetworkError);
        QVERIFY(!answer.error().message.contains(kSecret));
    }
};

QTEST_GUILESS_MAIN(TestEnroller)
#include "TestEnroller.moc"
