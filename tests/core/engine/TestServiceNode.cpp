// The "service" node against a real HTTP server on loopback (ServicePeer):
// request building, authentication, the 401 refresh, retryability, timeout,
// cancel, masking of the credential's secrets, and the ports a node gets
// from its endpoint in flow validation. The resolver is FixedServiceResolver
// (tests/support), the only test double here.

#include "FixedServiceResolver.h"
#include "ServicePeer.h"
#include "TestHttpSupport.h"
#include "engine/builtins/Builtins.h"
#include "engine/services/ServiceCallExecutor.h"
#include "flow/FlowCompiler.h"

#include <QElapsedTimer>
#include <QTest>

using namespace hm;
using namespace hm::engine;
using hm::test::Collector;
using hm::test::FixedServiceResolver;
using hm::test::ServicePeer;

namespace {

const QString kToken = QStringLiteral("tok-3f9a/c+Zq=");
const QString kApiKey = QStringLiteral("key 77&x=1");
const QString kRefreshed = QStringLiteral("tok-fresh-51b2");

ServiceParameter param(const char *name, const char *in, const char *type, bool required)
{
    return ServiceParameter{QString::fromLatin1(name),
                            QString::fromLatin1(in),
                            QString::fromLatin1(type),
                            required,
                            {}};
}

ServiceAuth bearer(const QString &token, bool withApiKey = true)
{
    ServiceAuth auth;
    auth.headers.append({"Authorization", "Bearer " + token.toUtf8()});
    if (withApiKey)
        auth.query.append({QStringLiteral("api_key"), kApiKey});
    auth.secrets = {token};
    if (withApiKey)
        auth.secrets.append(kApiKey);
    return auth;
}

// Everything of an outcome that could be stored or shown.
QString everything(const NodeOutcome &outcome)
{
    QJsonObject all{{QStringLiteral("outputs"), outcome.outputs},
                    {QStringLiteral("logs"), QJsonArray::fromStringList(outcome.logs)},
                    {QStringLiteral("message"), outcome.error.message},
                    {QStringLiteral("details"), outcome.error.details}};
    return QString::fromUtf8(QJsonDocument(all).toJson(QJsonDocument::Compact));
}

} // namespace

class TestServiceNode : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;
    ServicePeer m_peer;
    FixedServiceResolver m_resolver;
    std::unique_ptr<ServiceCallExecutor> m_executor;

    ServiceEndpointSpec petSpec() const
    {
        ServiceEndpointSpec spec;
        spec.serviceId = QStringLiteral("petstore");
        spec.endpointId = QStringLiteral("updateToys");
        spec.method = QStringLiteral("put");
        spec.baseUrl = m_peer.url(QStringLiteral("/v1/"));
        spec.path = QStringLiteral("/pets/{petId}/toys");
        spec.parameters = {param("petId", "path", "string", true),
                           param("q", "query", "string", true),
                           param("tags", "query", "array", false),
                           param("limit", "query", "integer", false),
                           param("X-Trace", "header", "string", true),
                           param("session", "cookie", "string", false)};
        spec.hasBody = true;
        spec.bodyContentType = QStringLiteral("application/json");
        return spec;
    }

    ServiceEndpointSpec getSpec(const QString &endpointId, const QString &path) const
    {
        ServiceEndpointSpec spec;
        spec.serviceId = QStringLiteral("petstore");
        spec.endpointId = endpointId;
        spec.method = QStringLiteral("GET");
        spec.baseUrl = m_peer.url();
        spec.path = path;
        return spec;
    }

    NodeTask task(const QString &endpointId, const QJsonObject &inputs = {}, int timeoutMs = 0)
    {
        NodeTask t = test::task(QString::fromLatin1(kServiceComponent), inputs);
        t.config = QJsonObject{{QStringLiteral("serviceId"), QStringLiteral("petstore")},
                               {QStringLiteral("endpointId"), endpointId}};
        t.timeoutMs = timeoutMs;
        return t;
    }

    NodeOutcome run(const NodeTask &t)
    {
        Collector collector;
        auto handle = m_executor->start(t, collector.callback());
        [&] { QTRY_VERIFY_WITH_TIMEOUT(collector.outcome.has_value(), 15000); }();
        if (!collector.outcome)
            return NodeOutcome::failed(
                Error{ErrorCode::InternalError, QStringLiteral("no report")});
        return *collector.outcome;
    }

    QJsonObject petInputs() const
    {
        return QJsonObject{
            {QStringLiteral("petId"), QStringLiteral("a b/c?d")},
            {QStringLiteral("q"), QStringLiteral("x&y=z ü")},
            {QStringLiteral("tags"), QJsonArray{QStringLiteral("red"), 2}},
            {QStringLiteral("limit"), 10},
            {QStringLiteral("X-Trace"), QStringLiteral("trace-1")},
            {QStringLiteral("session"), QStringLiteral("s1")},
            {QStringLiteral("body"), QJsonObject{{QStringLiteral("toy"), QStringLiteral("ball")}}},
        };
    }

private slots:
    void initTestCase()
    {
        m_resolver.setEndpoint(petSpec());
        m_resolver.setEndpoint(getSpec(QStringLiteral("echo"), QStringLiteral("/echo")));
        m_resolver.setEndpoint(getSpec(QStringLiteral("status"), QStringLiteral("/status")));
        m_resolver.setEndpoint(getSpec(QStringLiteral("hang"), QStringLiteral("/hang")));
        m_executor = std::make_unique<ServiceCallExecutor>(&m_resolver, &m_network);
        QVERIFY(m_executor->hasExternalEffects());
    }

    void init()
    {
        m_peer.clear();
        m_peer.setHandler({});
        m_resolver.setAuth(bearer(kToken));
        m_resolver.authorizeCalls = 0;
        m_resolver.forcedRefreshes = 0;
    }

    void portsFollowTheEndpoint()
    {
        ServiceEndpointSpec spec = petSpec();
        // Two parameters called "id", and one called "body" beside a body.
        spec.parameters.append(param("id", "query", "integer", false));
        spec.parameters.append(param("id", "header", "string", true));
        spec.parameters.append(param("body", "query", "boolean", false));
        QCOMPARE(serviceInputPortNames(spec),
                 (QStringList{"petId", "q", "tags", "limit", "X-Trace", "session", "query.id",
                              "header.id", "query.body"}));
        const flow::ComponentInterface iface = serviceEndpointInterface(spec);
        QCOMPARE(iface.name, QStringLiteral("service"));
        QCOMPARE(iface.version, QStringLiteral("1.0.0"));
        QCOMPARE(iface.inputs.size(), 10);
        QCOMPARE(iface.input("petId")->type, flow::PortType::String);
        QVERIFY(iface.input("petId")->required);
        QCOMPARE(iface.input("tags")->type, flow::PortType::Array);
        QVERIFY(!iface.input("tags")->required);
        QCOMPARE(iface.input("limit")->type, flow::PortType::Integer);
        QCOMPARE(iface.input("query.body")->type, flow::PortType::Boolean);
        QVERIFY(iface.input("header.id")->required);
        QCOMPARE(iface.input("body")->type, flow::PortType::Any);
        QVERIFY(!iface.input("body")->required);
        QCOMPARE(iface.output("status")->type, flow::PortType::Integer);
        QCOMPARE(iface.output("headers")->type, flow::PortType::Object);
        QCOMPARE(iface.output("body")->type, flow::PortType::Any);
        // No body without one; the static entry has no inputs at all.
        QVERIFY(!serviceEndpointInterface(getSpec("echo", "/echo")).input("body"));
        QVERIFY(serviceInterface().inputs.isEmpty());
        const auto parsed = flow::ComponentInterface::fromJson(iface.toJson());
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value(), iface);
    }

    void validationChecksMappingsAgainstTheEndpoint()
    {
        ExecutorRegistry registry;
        registerBuiltins(registry);
        registerServiceNode(registry, &m_resolver, &m_network);
        QVERIFY(registry.portsFollowConfig("service", "1.0.0"));
        QVERIFY(!registry.portsFollowConfig("noop", "1.0.0"));

        auto compile = [&](const QString &endpointId, const QJsonObject &mappings) {
            flow::FlowDefinition def;
            flow::NodeDef node;
            node.id = QStringLiteral("call");
            node.component = QStringLiteral("service");
            node.version = QStringLiteral("1.0.0");
            node.config = QJsonObject{{QStringLiteral("serviceId"), QStringLiteral("petstore")},
                                      {QStringLiteral("endpointId"), endpointId}};
            node.inputMappings = mappings;
            def.nodes.append(node);
            return flow::compile(def, flow::FlowSettings{}, registry);
        };
        auto problems = [](const Result<flow::CompiledFlowPtr> &r) {
            return r.ok() ? QString()
                          : QString::fromUtf8(QJsonDocument(r.error().details).toJson());
        };

        // An input the endpoint does not have, a required one missing.
        const auto wrong = compile(QStringLiteral("updateToys"),
                                   {{"petId", "$.trigger.id"}, {"bogus", 1}, {"X-Trace", "t"}});
        QVERIFY(!wrong.ok());
        QVERIFY2(problems(wrong).contains("UNKNOWN_INPUT"), qPrintable(problems(wrong)));
        QVERIFY(problems(wrong).contains("bogus"));
        QVERIFY(problems(wrong).contains("MISSING_REQUIRED_INPUT"));
        QVERIFY(problems(wrong).contains("\"q\""));
        // A literal of the wrong type for the parameter's schema type.
        const auto typed =
            compile(QStringLiteral("updateToys"),
                    {{"petId", "p"}, {"q", "x"}, {"X-Trace", "t"}, {"limit", "ten"}});
        QVERIFY(problems(typed).contains("MAPPING_TYPE_MISMATCH"));
        // An endpoint that does not exist: the node's config is wrong.
        const auto gone = compile(QStringLiteral("nope"), {});
        QVERIFY(problems(gone).contains("INVALID_CONFIG"));
        QVERIFY(problems(gone).contains("ENDPOINT_NOT_FOUND") ||
                problems(gone).contains("does not exist"));
        // Right: the compiled node carries the endpoint's ports.
        const auto right =
            compile(QStringLiteral("updateToys"),
                    {{"petId", "$.trigger.id"}, {"q", "x"}, {"X-Trace", "t"}, {"body", "{}"}});
        QVERIFY2(right.ok(), qPrintable(problems(right)));
        const auto &iface = right.value()->node(0).interface;
        QVERIFY(iface && iface->input("petId") && iface->input("body"));
    }

    void buildsPathQueryHeadersAndBody()
    {
        const NodeOutcome outcome = run(task(QStringLiteral("updateToys"), petInputs()));
        QCOMPARE(outcome.kind, NodeOutcome::Kind::Completed);
        QCOMPARE(outcome.outputs["status"].toInt(), 200);
        QCOMPARE(m_peer.requests().size(), 1);
        const ServicePeer::Request &r = m_peer.requests().first();
        QCOMPARE(r.method, QByteArray("PUT"));
        // The base URL's prefix kept, the value encoded inside its segment.
        QCOMPARE(r.path(), QByteArray("/v1/pets/a%20b%2Fc%3Fd/toys"));
        QCOMPARE(r.query(), QByteArray("q=x%26y%3Dz%20%C3%BC&tags=red&tags=2&limit=10&api_key=" +
                                       QUrl::toPercentEncoding(kApiKey)));
        QCOMPARE(r.header("x-trace"), QByteArray("trace-1"));
        QCOMPARE(r.header("cookie"), QByteArray("session=s1"));
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QCOMPARE(r.body, QByteArray("{\"toy\":\"ball\"}"));
        QCOMPARE(r.header("authorization"), "Bearer " + kToken.toUtf8());
        QCOMPARE(m_resolver.authorizeCalls.load(), 1);
        QCOMPARE(m_resolver.forcedRefreshes.load(), 0);
        // One log line: method, URL without the query, status, duration.
        QCOMPARE(outcome.logs.size(), 1);
        QVERIFY2(outcome.logs.first().startsWith("PUT " + m_peer.url().toString() +
                                                 "/v1/pets/a%20b%2Fc%3Fd/toys -> 200"),
                 qPrintable(outcome.logs.first()));
        QVERIFY(outcome.logs.first().endsWith(" ms"));
        QVERIFY(!outcome.logs.first().contains("api_key"));
    }

    // Calls to services with different base URLs, one after the other: each
    // goes to its own base (made ready once per base, not kept across
    // bases), logs without the base's user info, and a base that is not an
    // absolute http(s) URL fails without a call.
    void baseUrlsAreKeptApart()
    {
        ServiceEndpointSpec withUser = getSpec(QStringLiteral("v2"), QStringLiteral("/items/{id}"));
        QUrl base = m_peer.url(QStringLiteral("/v2/"));
        base.setUserInfo(QStringLiteral("who:pw-in-url"));
        withUser.baseUrl = base;
        withUser.parameters = {param("id", "path", "integer", true)};
        m_resolver.setEndpoint(withUser);
        ServiceEndpointSpec notHttp = getSpec(QStringLiteral("ftp"), QStringLiteral("/x"));
        notHttp.baseUrl = QUrl(QStringLiteral("ftp://127.0.0.1/files"));
        m_resolver.setEndpoint(notHttp);

        const QString root = m_peer.url().toString();
        for (int round = 0; round < 2; ++round) {
            m_peer.clear();
            NodeOutcome outcome = run(task(QStringLiteral("v2"), {{"id", 7}}));
            QCOMPARE(outcome.kind, NodeOutcome::Kind::Completed);
            QCOMPARE(m_peer.requests().last().path(), QByteArray("/v2/items/7"));
            QVERIFY2(outcome.logs.first().startsWith("GET " + root + "/v2/items/7 -> 200"),
                     qPrintable(outcome.logs.first()));
            QVERIFY(!everything(outcome).contains("pw-in-url"));

            outcome = run(task(QStringLiteral("ftp")));
            QCOMPARE(outcome.kind, NodeOutcome::Kind::Failed);
            QCOMPARE(outcome.error.code, ErrorCode::ValidationError);
            QVERIFY(outcome.error.message.contains("not an absolute http(s) URL"));

            outcome = run(task(QStringLiteral("echo")));
            QCOMPARE(outcome.kind, NodeOutcome::Kind::Completed);
            QCOMPARE(m_peer.requests().last().path(), QByteArray("/echo"));
            QVERIFY2(outcome.logs.first().startsWith("GET " + root + "/echo -> 200"),
                     qPrintable(outcome.logs.first()));
            QCOMPARE(m_peer.requests().size(), 2);
        }
    }

    void missingRequiredParametersFailWithoutACall()
    {
        QJsonObject inputs = petInputs();
        inputs.remove("q");
        inputs.insert("X-Trace", QJsonValue::Null);
        inputs.remove("petId");
        const NodeOutcome outcome = run(task(QStringLiteral("updateToys"), inputs));
        QCOMPARE(outcome.kind, NodeOutcome::Kind::Failed);
        QCOMPARE(outcome.error.code, ErrorCode::ValidationError);
        QVERIFY(!outcome.retryable);
        QVERIFY2(outcome.error.message.contains("petId, q, X-Trace"),
                 qPrintable(outcome.error.message));
        QCOMPARE(outcome.error.details["missing"].toArray().size(), 3);
        QCOMPARE(m_peer.requests().size(), 0);
    }

    void unknownEndpointIsNotRetried()
    {
        const NodeOutcome outcome = run(task(QStringLiteral("nope")));
        QCOMPARE(outcome.kind, NodeOutcome::Kind::Failed);
        QCOMPARE(outcome.error.code, ErrorCode::EndpointNotFound);
        QVERIFY(!outcome.retryable);
    }

    void authenticationFailureFromTheResolver_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("retryable");
        QTest::newRow("no credential") << int(ErrorCode::CredentialNotFound) << false;
        QTest::newRow("token endpoint down") << int(ErrorCode::ServiceUnavailable) << true;
    }

    void authenticationFailureFromTheResolver()
    {
        QFETCH(int, code);
        QFETCH(bool, retryable);
        m_resolver.failAuth(Error{ErrorCode(code), QStringLiteral("no way")});
        const NodeOutcome outcome = run(task(QStringLiteral("echo")));
        QCOMPARE(outcome.kind, NodeOutcome::Kind::Failed);
        QCOMPARE(int(outcome.error.code), code);
        QCOMPARE(outcome.retryable, retryable);
        QCOMPARE(m_peer.requests().size(), 0);
    }

    void unauthorizedRefreshesOnceAndRepeatsOnce()
    {
        m_resolver.setAuth(bearer(QStringLiteral("stale-token-1"), false),
                           bearer(kRefreshed, false));
        m_peer.setHandler([](const ServicePeer::Request &r) {
            ServicePeer::Response response;
            if (r.header("authorization") != "Bearer " + kRefreshed.toUtf8())
                response.status = 401;
            return response;
        });
        const NodeOutcome outcome = run(task(QStringLiteral("echo")));
        QCOMPARE(outcome.kind, NodeOutcome::Kind::Completed);
        QCOMPARE(outcome.outputs["status"].toInt(), 200);
        QCOMPARE(m_peer.requests().size(), 2);
        QCOMPARE(m_resolver.authorizeCalls.load(), 2);
        QCOMPARE(m_resolver.forcedRefreshes.load(), 1);
        QCOMPARE(m_peer.requests().at(1).header("authorization"), "Bearer " + kRefreshed.toUtf8());
        QCOMPARE(outcome.logs.size(), 2);
        QVERIFY(outcome.logs.first().contains("-> 401"));
        // Neither token shows in the logs.
        QVERIFY(!everything(outcome).contains("stale-token-1"));
        QVERIFY(!everything(outcome).contains(kRefreshed));
    }

    void unauthorizedTwiceFailsWithoutRetry()
    {
        m_peer.setHandler([](const ServicePeer::Request &) {
            ServicePeer::Response response;
            response.status = 401;
            return response;
        });
        const NodeOutcome outcome = run(task(QStringLiteral("echo")));
        QCOMPARE(outcome.kind, NodeOutcome::Kind::Failed);
        QCOMPARE(outcome.error.code, ErrorCode::ServiceAuthFailed);
        QVERIFY(!outcome.retryable);
        QCOMPARE(m_peer.requests().size(), 2);
        QCOMPARE(m_resolver.forcedRefreshes.load(), 1);
    }

    void statusDecidesRetry_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("retryable");
        QTest::newRow("500") << 500 << int(ErrorCode::ServiceUnavailable) << true;
        QTest::newRow("503") << 503 << int(ErrorCode::ServiceUnavailable) << true;
        QTest::newRow("429") << 429 << int(ErrorCode::ServiceUnavailable) << true;
        QTest::newRow("400") << 400 << int(ErrorCode::ValidationError) << false;
        QTest::newRow("404") << 404 << int(ErrorCode::ValidationError) << false;
        QTest::newRow("403") << 403 << int(ErrorCode::ServiceAuthFailed) << false;
    }

    void statusDecidesRetry()
    {
        QFETCH(int, status);
        QFETCH(int, code);
        QFETCH(bool, retryable);
        m_peer.setHandler([status](const ServicePeer::Request &) {
            ServicePeer::Response response;
            response.status = status;
            response.body = R"({"error":"nope"})";
            return response;
        });
        const NodeOutcome outcome = run(task(QStringLiteral("status")));
        QCOMPARE(outcome.kind, NodeOutcome::Kind::Failed);
        QCOMPARE(int(outcome.error.code), code);
        QCOMPARE(outcome.retryable, retryable);
        QCOMPARE(outcome.error.details["status"].toInt(), status);
        QCOMPARE(outcome.error.details["body"]["error"].toString(), QStringLiteral("nope"));
        QCOMPARE(m_peer.requests().size(), 1); // the scheduler's policy retries, not the node
        QCOMPARE(outcome.logs.size(), 1);
    }

    void connectionRefusedIsRetryable()
    {
        ServiceEndpointSpec spec = getSpec(QStringLiteral("refused"), QStringLiteral("/x"));
        spec.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(test::unusedPort()));
        m_resolver.setEndpoint(spec);
        const NodeOutcome outcome = run(task(QStringLiteral("refused")));
        QCOMPARE(outcome.kind, NodeOutcome::Kind::Failed);
        QCOMPARE(outcome.error.code, ErrorCode::NetworkError);
        QVERIFY(outcome.retryable);
        QVERIFY(!everything(outcome).contains(kApiKey));
        QVERIFY(!everything(outcome).contains(QUrl::toPercentEncoding(kApiKey)));
    }

    void timeoutFromTheTaskOrTheSpec()
    {
        m_peer.setHandler([](const ServicePeer::Request &) {
            ServicePeer::Response response;
            response.hold = true;
            return response;
        });
        QElapsedTimer clock;
        clock.start();
        NodeOutcome outcome = run(task(QStringLiteral("hang"), {}, 200));
        QCOMPARE(outcome.kind, NodeOutcome::Kind::Failed);
        QCOMPARE(outcome.error.code, ErrorCode::ExecutionTimeout);
        QVERIFY(outcome.retryable);
        QVERIFY(outcome.error.message.contains("200 ms"));
        QVERIFY(clock.elapsed() < 5000);

        // No node timeout: the service's own.
        ServiceEndpointSpec spec = getSpec(QStringLiteral("slow"), QStringLiteral("/hang"));
        spec.timeoutMs = 150;
        m_resolver.setEndpoint(spec);
        outcome = run(task(QStringLiteral("slow")));
        QCOMPARE(outcome.error.code, ErrorCode::ExecutionTimeout);
        QVERIFY(outcome.error.message.contains("150 ms"));
    }

    void cancelAbortsTheCall()
    {
        m_peer.setHandler([](const ServicePeer::Request &) {
            ServicePeer::Response response;
            response.hold = true;
            return response;
        });
        const int disconnectsBefore = m_peer.disconnects();
        Collector collector;
        auto handle = m_executor->start(task(QStringLiteral("hang")), collector.callback());
        QTRY_COMPARE(m_peer.requests().size(), 1);
        handle->cancel();
        QVERIFY(!collector.outcome); // from the event loop, not inside cancel()
        QTRY_VERIFY(collector.outcome.has_value());
        QCOMPARE(collector.outcome->kind, NodeOutcome::Kind::Cancelled);
        QTRY_VERIFY(m_peer.disconnects() > disconnectsBefore);
        QTest::qWait(50);
        QCOMPARE(collector.calls, 1);
    }

    void cancelWhileAuthorizing()
    {
        Collector collector;
        auto handle = m_executor->start(task(QStringLiteral("echo")), collector.callback());
        handle->cancel(); // authorize() has not answered yet
        QTRY_VERIFY(collector.outcome.has_value());
        QCOMPARE(collector.outcome->kind, NodeOutcome::Kind::Cancelled);
        QTest::qWait(50);
        QCOMPARE(collector.calls, 1);
        QCOMPARE(m_peer.requests().size(), 0);
    }

    void secretsNeverSurface_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("2xx echo") << 200;
        QTest::newRow("5xx echo") << 500;
        QTest::newRow("4xx echo") << 400;
    }

    // A service that echoes what it got (under keys no masker knows) in its
    // body and headers: the token and the API key, raw and percent-encoded.
    void secretsNeverSurface()
    {
        QFETCH(int, status);
        m_peer.setHandler([status](const ServicePeer::Request &r) {
            ServicePeer::Response response;
            response.status = status;
            response.body =
                QJsonDocument(
                    QJsonObject{
                        {"seen_header", QString::fromUtf8(r.header("authorization"))},
                        {"seen_target", QString::fromUtf8(r.target)},
                        {"list", QJsonArray{QString::fromUtf8(r.header("authorization"))}},
                    })
                    .toJson(QJsonDocument::Compact);
            response.headers.append({"X-Echo", r.header("authorization")});
            response.headers.append({"X-Echo-Url", r.target});
            return response;
        });
        const NodeOutcome outcome = run(task(QStringLiteral("echo")));
        QCOMPARE(m_peer.requests().size(), 1);
        const QString all = everything(outcome);
        for (const QString &secret :
             {kToken, kApiKey, QString::fromLatin1(QUrl::toPercentEncoding(kToken)),
              QString::fromLatin1(QUrl::toPercentEncoding(kApiKey))})
            QVERIFY2(!all.contains(secret), qPrintable(all));
        QVERIFY2(all.contains("****"), qPrintable(all));
        if (status == 200) {
            QCOMPARE(outcome.outputs["body"]["seen_header"].toString(), QStringLiteral("****"));
            QCOMPARE(outcome.outputs["headers"]["x-echo"].toString(), QStringLiteral("****"));
            QVERIFY(outcome.outputs["body"]["seen_target"].toString().endsWith("api_key=****"));
        }
    }

    // Masking after decoding: a secret that JSON escapes hid from the
    // masking of the raw body (in a value, a key, deep inside) is masked;
    // everything else comes out exactly as it was, types included.
    void escapedSecretsAreMaskedAndTheRestKept()
    {
        m_resolver.setAuth(bearer(kToken, false));
        m_peer.setHandler([](const ServicePeer::Request &) {
            ServicePeer::Response response;
            // kToken = tok-3f9a/c+Zq=, written with \u0074 and \/ escapes.
            response.body = "{\"a\":\"\\u0074ok-3f9a\\/c+Zq=\",\"\\u0074ok-3f9a\\/c+Zq=\":1,"
                            "\"list\":[{\"deep\":\"x \\u0074ok-3f9a\\/c+Zq= y\"},2],"
                            "\"n\":1.5,\"b\":true,\"z\":null,\"plain\":{\"k\":\"v\",\"e\":[]},"
                            "\"keyOnly\":{\"\\u0074ok-3f9a\\/c+Zq=\":2}}";
            response.headers.append({QByteArray("X-Multi"), QByteArray("a")});
            response.headers.append({QByteArray("x-multi"), QByteArray("b")});
            return response;
        });
        const NodeOutcome outcome = run(task(QStringLiteral("echo")));
        QCOMPARE(outcome.kind, NodeOutcome::Kind::Completed);
        const QJsonObject expected{
            {"a", "****"},
            {"****", 1},
            {"list", QJsonArray{QJsonObject{{"deep", "x **** y"}}, 2}},
            {"n", 1.5},
            {"b", true},
            {"z", QJsonValue::Null},
            {"plain", QJsonObject{{"k", "v"}, {"e", QJsonArray{}}}},
            {"keyOnly", QJsonObject{{"****", 2}}},
        };
        QCOMPARE(outcome.outputs["body"].toObject(), expected);
        QCOMPARE(outcome.outputs["headers"]["content-type"].toString(),
                 QStringLiteral("application/json"));
        // Repeated headers: one lower-case name, the values joined.
        QCOMPARE(outcome.outputs["headers"]["x-multi"].toString(), QStringLiteral("a, b"));
    }

    // The forms of a credential are kept between calls while it stays the
    // same: a different credential on the next call is masked, not the old.
    void aNewCredentialIsMaskedOnTheNextCall()
    {
        m_peer.setHandler([](const ServicePeer::Request &r) {
            ServicePeer::Response response;
            response.body =
                QJsonDocument(QJsonObject{{"seen", QString::fromUtf8(r.header("authorization"))}})
                    .toJson(QJsonDocument::Compact);
            return response;
        });
        const QString second = QStringLiteral("tok-second-9d0e");
        for (const QString &token : {kToken, second, kToken}) {
            m_resolver.setAuth(bearer(token, false));
            const NodeOutcome outcome = run(task(QStringLiteral("echo")));
            QCOMPARE(outcome.kind, NodeOutcome::Kind::Completed);
            QCOMPARE(outcome.outputs["body"]["seen"].toString(), QStringLiteral("****"));
            QVERIFY2(!everything(outcome).contains(token), qPrintable(everything(outcome)));
        }
    }
};

QTEST_GUILESS_MAIN(TestServiceNode)
#include "TestServiceNode.moc"
