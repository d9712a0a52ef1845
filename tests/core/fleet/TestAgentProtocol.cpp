// The agent protocol's messages (core/fleet/AgentProtocol.h): every message
// survives serialize → parse, and what is not exactly a message is refused
// with the field that is wrong.

#include "fleet/AgentProtocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <cmath>

using namespace hm;
using namespace hm::fleet;

namespace {

template <typename T> T roundTrip(const T &message)
{
    auto parsed = parseAgentMessage(serialize(message));
    if (!parsed)
        qFatal("round trip failed: %s", qPrintable(parsed.error().toString()));
    const T *typed = std::get_if<T>(&*parsed);
    if (!typed)
        qFatal("round trip changed the type");
    return *typed;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestAgentProtocol : public QObject
{
    Q_OBJECT
private slots:
    void roundTrips()
    {
        const ChallengeMessage challenge{kAgentProtocolVersion, QByteArray(32, '\x5a')};
        QCOMPARE(roundTrip(challenge).nonce, challenge.nonce);

        HelloMessage hello;
        hello.nodeId = "node-1";
        hello.agentVersion = "0.1.0";
        hello.capabilities = {"metrics", "probes"};
        hello.lastSeq = 42;
        hello.signature = QByteArray(64, '\x07');
        const HelloMessage helloBack = roundTrip(hello);
        QCOMPARE(helloBack.nodeId, hello.nodeId);
        QCOMPARE(helloBack.agentVersion, hello.agentVersion);
        QCOMPARE(helloBack.capabilities, hello.capabilities);
        QCOMPARE(helloBack.lastSeq, 42);
        QCOMPARE(helloBack.signature, hello.signature);
        // The release protocols the agent takes travel with it.
        QCOMPARE(helloBack.protocolMin, kAgentProtocolMinVersion);
        QCOMPARE(helloBack.protocolMax, kAgentProtocolVersion);
        hello.protocolMax = 7;
        QCOMPARE(roundTrip(hello).protocolMax, 7);
        // An agent from before ranges sends only `protocol`: it takes that.
        QJsonObject old = QJsonDocument::fromJson(serialize(hello)).object();
        old.remove("protocol_min");
        old.remove("protocol_max");
        const auto parsed = parseAgentMessage(QJsonDocument(old).toJson());
        QVERIFY(parsed);
        const auto &oldHello = std::get<HelloMessage>(parsed.value());
        QCOMPARE(oldHello.protocolMin, 1);
        QCOMPARE(oldHello.protocolMax, 1);

        const WelcomeMessage welcome{"node-1", 41, {30}};
        const WelcomeMessage welcomeBack = roundTrip(welcome);
        QCOMPARE(welcomeBack.nodeId, welcome.nodeId);
        QCOMPARE(welcomeBack.ackedSeq, 41);
        QCOMPARE(welcomeBack.settings, welcome.settings);

        ReportMessage report;
        report.seq = 43;
        report.timeMs = 1700000000123LL;
        report.metrics = {{"cpu_usage", 12.5}, {"disk.root.used", 1e12}, {"net.eth0.rx_bps", 0}};
        const ReportMessage reportBack = roundTrip(report);
        QCOMPARE(reportBack.seq, 43);
        QCOMPARE(reportBack.timeMs, report.timeMs);
        QCOMPARE(reportBack.metrics.size(), 3);
        for (const MetricValue &value : report.metrics)
            QVERIFY(reportBack.metrics.contains(value));
        // No container summary unless one was sent; an empty one stays empty.
        QVERIFY(!reportBack.containers.has_value());
        report.containers = QList<ContainerState>{};
        QCOMPARE(roundTrip(report).containers, report.containers);
        report.containers = QList<ContainerState>{
            {QStringLiteral("web"), true, ContainerState::Health::Healthy},
            {QStringLiteral("db-1"), false, ContainerState::Health::None},
            {QStringLiteral("Cache.2"), true, ContainerState::Health::Unhealthy},
            {QStringLiteral("job_3"), true, ContainerState::Health::Starting}};
        QCOMPARE(roundTrip(report).containers, report.containers);

        QCOMPARE(roundTrip(AckMessage{43}).seq, 43);
        QCOMPARE(roundTrip(SettingsMessage{{3600, {}}}).settings.intervalSeconds, 3600);
    }

    void requestsAndResponsesRoundTrip()
    {
        const RequestMessage request{9, "processes", "kill",
                                     QJsonObject{{"pid", 42}, {"signal", "TERM"}}};
        const RequestMessage requestBack = roundTrip(request);
        QCOMPARE(requestBack.id, 9);
        QCOMPARE(requestBack.capability, QStringLiteral("processes"));
        QCOMPARE(requestBack.action, QStringLiteral("kill"));
        QCOMPARE(requestBack.args, request.args);

        ResponseMessage ok;
        ok.id = 9;
        ok.result = QJsonObject{{"killed", true}};
        const ResponseMessage okBack = roundTrip(ok);
        QVERIFY(okBack.ok);
        QCOMPARE(okBack.result, ok.result);

        const ResponseMessage failed = failedResponse(
            10, Error{ErrorCode::CapabilityDisabled, "not granted", QJsonObject{{"code", "X"}}});
        const ResponseMessage failedBack = roundTrip(failed);
        QVERIFY(!failedBack.ok);
        const Error error = responseError(failedBack);
        QCOMPARE(error.code, ErrorCode::CapabilityDisabled);
        QCOMPARE(error.message, QStringLiteral("not granted"));
        QCOMPARE(error.details.value("code").toString(), QStringLiteral("X"));

        // An agent's code the server does not know is no catalogue code.
        ResponseMessage odd = failed;
        odd.errorCode = "MADE_UP";
        const Error oddError = responseError(roundTrip(odd));
        QCOMPARE(oddError.code, ErrorCode::InternalError);
        QCOMPARE(oddError.details.value("agent_code").toString(), QStringLiteral("MADE_UP"));
        // Long messages are cut: they reach people.
        QCOMPARE(failedResponse(1, Error{ErrorCode::IoError, QString(5000, u'x')})
                     .errorMessage.size(),
                 kMaxResponseErrorMessage);
    }

    // Only a request or a response may exceed kMaxAgentMessageBytes, up to
    // kMaxAgentResponseBytes.
    void responsesMayBeLarger()
    {
        const QString pad(kMaxAgentMessageBytes, u'p');
        ResponseMessage big;
        big.id = 1;
        big.result = QJsonObject{{"pad", pad}};
        QVERIFY(parseAgentMessage(serialize(big)).ok());
        QVERIFY(parseAgentMessage(
                    serialize(RequestMessage{1, "files", "write", QJsonObject{{"pad", pad}}}))
                    .ok());
        const QByteArray report = "{\"type\":\"report\",\"seq\":1,\"time_ms\":1700000000000,"
                                  "\"metrics\":{},\"pad\":\"" + pad.toLatin1() + "\"}";
        QCOMPARE(parseAgentMessage(report).error().code, ErrorCode::PayloadTooLarge);
        big.result = QJsonObject{{"pad", QString(kMaxAgentResponseBytes, u'p')}};
        QCOMPARE(parseAgentMessage(serialize(big)).error().code, ErrorCode::PayloadTooLarge);
    }

    void settingsCarryProbes()
    {
        ProbeTarget web;
        web.id = QStringLiteral("web");
        web.name = QStringLiteral("Web");
        web.target = QStringLiteral("https://example.com/");
        web.keyword = QStringLiteral("ok");
        web.expectedStatus = 204;
        web.tlsVerify = false;
        ProbeTarget ssh;
        ssh.id = QStringLiteral("ssh");
        ssh.name = QStringLiteral("SSH");
        ssh.kind = ProbeKind::Tcp;
        ssh.target = QStringLiteral("[::1]:22");
        ssh.intervalSeconds = 30;
        ssh.timeoutSeconds = 3;
        const SettingsMessage message{{5, {web, ssh}}};
        QCOMPARE(roundTrip(message).settings, message.settings);
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QString>("field");
        const QByteArray sig = QByteArray(64, 'x').toBase64();
        QTest::newRow("not json") << QByteArray("{nope") << "message";
        QTest::newRow("array") << QByteArray("[1]") << "message";
        QTest::newRow("no type") << json({{"seq", 1}}) << "type";
        QTest::newRow("unknown type") << json({{"type", "shell"}}) << "type";
        QTest::newRow("ack seq text") << json({{"type", "ack"}, {"seq", "1"}}) << "seq";
        QTest::newRow("ack seq fraction") << json({{"type", "ack"}, {"seq", 1.5}}) << "seq";
        QTest::newRow("ack seq negative") << json({{"type", "ack"}, {"seq", -1}}) << "seq";
        QTest::newRow("request id zero")
            << json({{"type", "request"}, {"id", 0}, {"capability", "files"}, {"action", "list"}})
            << "id";
        QTest::newRow("request unknown capability")
            << json({{"type", "request"}, {"id", 1}, {"capability", "shell"}, {"action", "run"}})
            << "capability";
        QTest::newRow("request action with space")
            << json({{"type", "request"}, {"id", 1}, {"capability", "files"}, {"action", "rm -rf"}})
            << "action";
        QTest::newRow("request args array") << json({{"type", "request"},
                                                     {"id", 1},
                                                     {"capability", "files"},
                                                     {"action", "list"},
                                                     {"args", QJsonArray{1}}})
                                            << "args";
        QTest::newRow("response ok text")
            << json({{"type", "response"}, {"id", 1}, {"ok", "yes"}, {"result", QJsonObject{}}})
            << "ok";
        QTest::newRow("response without result")
            << json({{"type", "response"}, {"id", 1}, {"ok", true}}) << "result";
        QTest::newRow("response failure without code")
            << json({{"type", "response"},
                     {"id", 1},
                     {"ok", false},
                     {"error", QJsonObject{{"message", "x"}}}})
            << "code";
        QTest::newRow("response message too long")
            << json({{"type", "response"},
                     {"id", 1},
                     {"ok", false},
                     {"error", QJsonObject{{"code", "X"}, {"message", QString(1001, u'x')}}}})
            << "message";
        QTest::newRow("challenge short nonce")
            << json({{"type", "challenge"},
                     {"protocol", 1},
                     {"nonce", QString::fromLatin1(QByteArray(8, 'n').toBase64())}})
            << "nonce";
        QTest::newRow("challenge protocol 2")
            << json({{"type", "challenge"},
                     {"protocol", 2},
                     {"nonce", QString::fromLatin1(QByteArray(32, 'n').toBase64())}})
            << "protocol";
        QTest::newRow("hello no node") << json({{"type", "hello"},
                                                {"protocol", 1},
                                                {"agent_version", "1"},
                                                {"capabilities", QJsonArray()},
                                                {"last_seq", 0},
                                                {"signature", QString::fromLatin1(sig)}})
                                       << "node_id";
        QTest::newRow("hello bad signature") << json({{"type", "hello"},
                                                      {"protocol", 1},
                                                      {"node_id", "n"},
                                                      {"agent_version", "1"},
                                                      {"capabilities", QJsonArray()},
                                                      {"last_seq", 0},
                                                      {"signature", "not base64!"}})
                                             << "signature";
        QTest::newRow("hello range without its own protocol")
            << json({{"type", "hello"},
                     {"protocol", 1},
                     {"protocol_min", 2},
                     {"protocol_max", 3},
                     {"node_id", "n"},
                     {"agent_version", "1"},
                     {"capabilities", QJsonArray()},
                     {"last_seq", 0},
                     {"signature", QString::fromLatin1(sig)}})
            << "protocol_min";
        QTest::newRow("hello half a range")
            << json({{"type", "hello"},
                     {"protocol", 1},
                     {"protocol_min", 1},
                     {"node_id", "n"},
                     {"agent_version", "1"},
                     {"capabilities", QJsonArray()},
                     {"last_seq", 0},
                     {"signature", QString::fromLatin1(sig)}})
            << "protocol_max";
        QTest::newRow("hello capabilities not a list")
            << json({{"type", "hello"},
                     {"protocol", 1},
                     {"node_id", "n"},
                     {"agent_version", "1"},
                     {"capabilities", "metrics"},
                     {"last_seq", 0},
                     {"signature", QString::fromLatin1(sig)}})
            << "capabilities";
        QTest::newRow("welcome interval 0") << json({{"type", "welcome"},
                                                     {"node_id", "n"},
                                                     {"acked_seq", 0},
                                                     {"settings", QJsonObject{{"interval_s", 0}}}})
                                            << "interval_s";
        QTest::newRow("settings not an object")
            << json({{"type", "settings"}, {"settings", 5}}) << "settings";
        const QJsonObject probe{{"id", "web"},      {"name", "Web"},
                                {"kind", "http"},   {"target", "https://example.com/"},
                                {"interval_s", 60}, {"timeout_s", 10}};
        const auto withProbes = [&](const QJsonArray &probes) {
            return json({{"type", "settings"},
                         {"settings", QJsonObject{{"interval_s", 5}, {"probes", probes}}}});
        };
        QJsonObject ftp = probe;
        ftp.insert("target", "ftp://example.com/");
        QTest::newRow("probe ftp") << withProbes({ftp}) << "target";
        QJsonObject udp = probe;
        udp.insert("kind", "udp");
        QTest::newRow("probe kind") << withProbes({udp}) << "kind";
        QJsonObject fast = probe;
        fast.insert("interval_s", 1);
        QTest::newRow("probe interval") << withProbes({fast}) << "interval_s";
        QTest::newRow("probe twice") << withProbes({probe, probe}) << "probes";
        QJsonArray tooMany;
        for (int i = 0; i <= kMaxSettingsProbes; ++i) {
            QJsonObject each = probe;
            each.insert("id", QStringLiteral("p%1").arg(i));
            tooMany.append(each);
        }
        QTest::newRow("too many probes") << withProbes(tooMany) << "probes";
        QTest::newRow("report seq 0") << json({{"type", "report"},
                                               {"seq", 0},
                                               {"time_ms", 1700000000000LL},
                                               {"metrics", QJsonObject()}})
                                      << "seq";
        QTest::newRow("report time before 2000")
            << json({{"type", "report"}, {"seq", 1}, {"time_ms", 1000}, {"metrics", QJsonObject()}})
            << "time_ms";
        QTest::newRow("report bad metric name")
            << json({{"type", "report"},
                     {"seq", 1},
                     {"time_ms", 1700000000000LL},
                     {"metrics", QJsonObject{{"CPU Usage", 1}}}})
            << "metrics";
        QTest::newRow("report long metric name")
            << json({{"type", "report"},
                     {"seq", 1},
                     {"time_ms", 1700000000000LL},
                     {"metrics", QJsonObject{{QString(65, 'a'), 1}}}})
            << "metrics";
        QTest::newRow("report text value") << json({{"type", "report"},
                                                    {"seq", 1},
                                                    {"time_ms", 1700000000000LL},
                                                    {"metrics", QJsonObject{{"cpu_usage", "1"}}}})
                                           << "metrics";
        QJsonObject many;
        for (int i = 0; i <= kMaxReportValues; ++i)
            many.insert(QStringLiteral("m%1").arg(i), i);
        const auto withContainers = [](const QJsonValue &containers) {
            return json({{"type", "report"},
                         {"seq", 1},
                         {"time_ms", 1700000000000LL},
                         {"metrics", QJsonObject()},
                         {"containers", containers}});
        };
        const QJsonObject web{{"name", "web"}, {"running", true}, {"health", "none"}};
        QTest::newRow("report containers not a list") << withContainers(web) << "containers";
        QTest::newRow("report container bad name")
            << withContainers(QJsonArray{QJsonObject{{"name", "../x"}, {"running", true},
                                                     {"health", "none"}}})
            << "containers";
        QTest::newRow("report container twice") << withContainers(QJsonArray{web, web})
                                                << "containers";
        QTest::newRow("report container bad health")
            << withContainers(QJsonArray{QJsonObject{{"name", "web"}, {"running", true},
                                                     {"health", "sick"}}})
            << "containers";
        QTest::newRow("report container running text")
            << withContainers(QJsonArray{QJsonObject{{"name", "web"}, {"running", "yes"},
                                                     {"health", "none"}}})
            << "containers";
        QJsonArray crowd;
        for (int i = 0; i <= kMaxReportContainers; ++i)
            crowd.append(QJsonObject{{"name", QStringLiteral("c%1").arg(i)},
                                     {"running", true},
                                     {"health", "none"}});
        QTest::newRow("report too many containers") << withContainers(crowd) << "containers";
        QTest::newRow("report too many values") << json({{"type", "report"},
                                                         {"seq", 1},
                                                         {"time_ms", 1700000000000LL},
                                                         {"metrics", many}})
                                                << "metrics";
    }
    void refused()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QString, field);
        const auto parsed = parseAgentMessage(frame);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::ValidationError);
        QCOMPARE(parsed.error().details.value("field").toString(), field);
    }

    void nonFiniteValuesRefused()
    {
        // JSON has no NaN or infinity: serialize writes them as null, which
        // is not a number, and the parser refuses it.
        for (const double value : {std::nan(""), HUGE_VAL, -HUGE_VAL}) {
            ReportMessage report;
            report.seq = 1;
            report.timeMs = 1700000000000LL;
            report.metrics = {{"cpu_usage", value}};
            const auto parsed = parseAgentMessage(serialize(report));
            QVERIFY(!parsed.ok());
            QCOMPARE(parsed.error().code, ErrorCode::ValidationError);
            QCOMPARE(parsed.error().details.value("field").toString(), QStringLiteral("metrics"));
        }
        // A number beyond a double's range is no JSON Qt accepts at all.
        const QByteArray frame = "{\"type\":\"report\",\"seq\":1,\"time_ms\":1700000000000,"
                                 "\"metrics\":{\"cpu_usage\":1e999}}";
        const auto parsed = parseAgentMessage(frame);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::ValidationError);
    }

    void oversizedRefused()
    {
        QByteArray frame = "{\"type\":\"ack\",\"seq\":1,\"pad\":\"";
        frame += QByteArray(kMaxAgentMessageBytes, 'p');
        frame += "\"}";
        const auto parsed = parseAgentMessage(frame);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::PayloadTooLarge);
    }

    void metricNames()
    {
        QVERIFY(isValidMetricName(u"cpu_usage"));
        QVERIFY(isValidMetricName(u"disk.var_lib.used"));
        QVERIFY(isValidMetricName(u"net.eth0:1.rx_bps"));
        QVERIFY(!isValidMetricName(u""));
        QVERIFY(!isValidMetricName(u"Cpu"));
        QVERIFY(!isValidMetricName(u"a b"));
        QVERIFY(!isValidMetricName(QString(65, u'a')));
        QVERIFY(isValidMetricName(QString(64, u'a')));
    }

    void signedChallengeBindsNodeAndNonce()
    {
        const QByteArray nonce(32, 'n');
        QVERIFY(signedChallenge("a", nonce) != signedChallenge("b", nonce));
        QVERIFY(signedChallenge("a", nonce) != signedChallenge("a", QByteArray(32, 'm')));
        QVERIFY(signedChallenge("a", nonce).startsWith("hivemind-agent-auth-v1\n"));
    }
};

QTEST_GUILESS_MAIN(TestAgentProtocol)
#include "TestAgentProtocol.moc"
