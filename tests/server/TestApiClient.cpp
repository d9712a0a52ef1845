// The client library (core/client) against the real hivemind-server: login
// by username, email and with a second factor, typed errors, the automatic
// token refresh (after expiry, single flight, proactive), session expiry on
// refresh-token reuse and revocation, flows and executions, API keys, and
// transport failures (closed port, timeout, client closed).
//
// Two servers: one with the default token lifetime for the functional
// tests, one started with --access-token-ttl 2 for the refresh tests.

#include "FlowTestSupport.h"
#include "client/AccountApi.h"
#include "client/ApiClient.h"
#include "client/ApiError.h"
#include "client/ExecutionsApi.h"
#include "client/FlowsApi.h"
#include "client/SystemApi.h"
#include "client/UsersApi.h"
#include "common/Logging.h"
#include "crypto/Totp.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QMutex>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <optional>

using namespace hm;
using namespace hm::client;
using namespace hm::test;

namespace {

const QString kUserPassword = QStringLiteral("Us3r!Secret");

// Envelopes for the parser test (outside the Q_OBJECT class: moc and raw
// strings do not mix well).
const QByteArray kUnknownCode = R"({"success":false,"error":{"code":"SOMETHING_NEW",
    "message":"m","details":{"field":"x"},"request_id":"req_1"}})";
const QByteArray kSuccess = R"({"success":true,"data":{"a":1},"message":"made"})";

// Runs `start` with a callback and waits (event loop, no sleep) for its one
// answer. A missing answer becomes a TIMEOUT error naming the test helper.
template <typename T, typename Start> Result<T> await(Start start, int timeoutMs = 60000)
{
    auto out = std::make_shared<std::optional<Result<T>>>();
    auto calls = std::make_shared<int>(0);
    start(Callback<T>([out, calls](Result<T> r) {
        ++*calls;
        out->emplace(std::move(r));
    }));
    if (!QTest::qWaitFor([&] { return out->has_value(); }, timeoutMs))
        return Error{ErrorCode::Timeout, QStringLiteral("test: the callback never came")};
    // Exactly one callback: give a second one the chance to show up.
    QCoreApplication::processEvents();
    if (*calls != 1)
        return Error{ErrorCode::InternalError, QStringLiteral("test: %1 callbacks").arg(*calls)};
    return std::move(**out);
}

#define REQUIRE_OK(result)                                                                         \
    do {                                                                                           \
        if (!(result))                                                                             \
            QFAIL(qPrintable((result).error().toString()));                                        \
    } while (0)

// a -> b: b's output copies the trigger's v.
QJsonObject twoSteps()
{
    return flowDefinition({flowNode("a", "noop", {{"v", "$.trigger.v"}}),
                           flowNode("b", "noop", {{"copy", "$.nodes.a.output.v"}})},
                          {flowEdge("a", "b")});
}

// Everything logged while it lives, to check that no secret is.
class LogCapture
{
public:
    LogCapture()
    {
        // Directly on the category: QT_LOGGING_RULES (the ctest presets set
        // "*.debug=false") would override setFilterRules().
        category().setEnabled(QtDebugMsg, true);
        const QMutexLocker lock(&s_mutex);
        s_text.clear();
        m_previous = qInstallMessageHandler(&LogCapture::handler);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        category().setEnabled(QtDebugMsg, false);
    }
    QString text() const
    {
        const QMutexLocker lock(&s_mutex);
        return s_text;
    }

private:
    static QLoggingCategory &category() { return const_cast<QLoggingCategory &>(lcClient()); }
    // Qt's network threads may log too: the handler runs on any thread.
    static void handler(QtMsgType, const QMessageLogContext &, const QString &message)
    {
        const QMutexLocker lock(&s_mutex);
        s_text += message + u'\n';
    }
    static inline QMutex s_mutex;
    static inline QString s_text;
    QtMessageHandler m_previous = nullptr;
};

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QTemporaryDir m_shortDir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<ServerProcess> m_shortServer; // --access-token-ttl 2
    QUrl m_url;
    QUrl m_shortUrl;
    std::unique_ptr<ApiClient> m_admin; // root on m_server
    int m_names = 0;

    QString unique(const QString &prefix) { return prefix + QString::number(++m_names); }

    // A client of `url`, logged in as `user` (proactive refresh as asked).
    std::unique_ptr<ApiClient> loggedIn(const QUrl &url, const QString &user,
                                        const QString &password, bool proactive = true)
    {
        auto client = std::make_unique<ApiClient>();
        client->setBaseUrl(url);
        client->setProactiveRefresh(proactive);
        const auto login =
            await<LoginResult>([&](auto done) { client->login(user, password, std::move(done)); });
        if (!login || !client->hasSession())
            return nullptr;
        return client;
    }

    // A new USER on the server `admin` talks to; returns its username.
    QString createUser(ApiClient &admin, const QString &prefix = QStringLiteral("user"))
    {
        const QString name = unique(prefix);
        const auto created = await<UserInfo>([&](auto done) {
            UsersApi(admin).create(
                NewUser{name, name + "@example.com", kUserPassword, "Test " + name, "user", {}},
                std::move(done));
        });
        return created ? name : QString();
    }

    // Creates and publishes a flow through the client; returns its id.
    QString publishedFlow(ApiClient &client, const QJsonObject &def,
                          const QJsonObject &settings = {})
    {
        const auto created = await<FlowSummary>([&](auto done) {
            FlowsApi(client).create(NewFlow{unique("flow"), {}, def, settings}, std::move(done));
        });
        if (!created)
            return {};
        const auto published = await<FlowVersion>(
            [&](auto done) { FlowsApi(client).publish(created.value().id, "1", std::move(done)); });
        return published ? created.value().id : QString();
    }

    QString statusOf(ApiClient &client, const QString &executionId)
    {
        const auto status = await<QJsonObject>(
            [&](auto done) { ExecutionsApi(client).status(executionId, std::move(done)); });
        return status ? status.value().value("status").toString() : status.error().toString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_shortDir.isValid());
        m_server = std::make_unique<ServerProcess>(m_dir.path());
        m_url = startAuthServer(*m_server);
        QVERIFY2(!m_url.isEmpty(), m_server->standardOutput().constData());
        m_shortServer = std::make_unique<ServerProcess>(m_shortDir.path());
        m_shortUrl = startAuthServer(*m_shortServer, {"--access-token-ttl", "2"});
        QVERIFY2(!m_shortUrl.isEmpty(), m_shortServer->standardOutput().constData());
        m_admin = loggedIn(m_url, kAdmin, kAdminPassword);
        QVERIFY(m_admin);
    }

    // --- envelope and errors, without a server -----------------------------

    void envelopeErrorsAreTyped()
    {
        auto parsed = readEnvelope(418, kUnknownCode, QNetworkReply::UnknownContentError, {});
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::InternalError);
        QCOMPARE(errorServerCode(parsed.error()), QStringLiteral("SOMETHING_NEW"));
        QCOMPARE(errorHttpStatus(parsed.error()), 418);
        QCOMPARE(errorRequestId(parsed.error()), QStringLiteral("req_1"));
        QCOMPARE(parsed.error().details.value("field").toString(), QStringLiteral("x"));
        QCOMPARE(parsed.error().message, QStringLiteral("m"));

        auto html = readEnvelope(502, "<html>bad gateway</html>", QNetworkReply::UnknownServerError,
                                 "Bad Gateway");
        QCOMPARE(html.error().code, ErrorCode::NetworkError);
        QCOMPARE(errorHttpStatus(html.error()), 502);

        auto refused =
            readEnvelope(0, {}, QNetworkReply::ConnectionRefusedError, "Connection refused");
        QCOMPARE(refused.error().code, ErrorCode::NetworkError);
        QCOMPARE(refused.error().details.value("network_error").toString(),
                 QStringLiteral("ConnectionRefusedError"));
        QCOMPARE(readEnvelope(0, {}, QNetworkReply::OperationCanceledError, {}).error().code,
                 ErrorCode::Timeout);

        auto good = readEnvelope(201, kSuccess, QNetworkReply::NoError, {}, "req_2");
        REQUIRE_OK(good);
        QCOMPARE(good.value().httpStatus, 201);
        QCOMPARE(good.value().data.toObject().value("a").toInt(), 1);
        QCOMPARE(good.value().message, QStringLiteral("made"));
        QCOMPARE(good.value().requestId, QStringLiteral("req_2"));
    }

    // --- public routes and login ------------------------------------------

    void healthAndVersionStayAvailable()
    {
        ApiClient client;
        client.setBaseUrl(m_url);
        const auto health = await<HealthInfo>([&](auto done) { client.fetchHealth(done); });
        REQUIRE_OK(health);
        QCOMPARE(health.value().database, QStringLiteral("connected"));
        const auto version = await<VersionInfo>([&](auto done) { client.fetchVersion(done); });
        REQUIRE_OK(version);
        QCOMPARE(version.value().apiVersion, QStringLiteral("v1"));
        // Without a credential a protected route is UNAUTHORIZED.
        const auto me = await<UserInfo>([&](auto done) { AccountApi(client).me(done); });
        QVERIFY(!me.ok());
        QCOMPARE(me.error().code, ErrorCode::Unauthorized);
        QCOMPARE(errorHttpStatus(me.error()), 401);
    }

    void loginByUsernameAndEmail()
    {
        const QString name = createUser(*m_admin);
        QVERIFY(!name.isEmpty());

        ApiClient byName;
        byName.setBaseUrl(m_url);
        byName.setUserAgent("hivemind-test-console");
        QSignalSpy started(&byName, &ApiClient::sessionStarted);
        const auto login =
            await<LoginResult>([&](auto done) { byName.login(name, kUserPassword, done); });
        REQUIRE_OK(login);
        QVERIFY(!login.value().twoFactorRequired);
        QCOMPARE(login.value().user.username, name);
        QCOMPARE(login.value().user.role, QStringLiteral("user"));
        QVERIFY(login.value().tokens.expiresIn > 0);
        QVERIFY(byName.hasSession());
        QCOMPARE(started.count(), 1);
        const auto me = await<UserInfo>([&](auto done) { AccountApi(byName).me(done); });
        REQUIRE_OK(me);
        QCOMPARE(me.value().email, name + "@example.com");
        const auto sessions =
            await<QList<SessionInfo>>([&](auto done) { AccountApi(byName).sessions(done); });
        REQUIRE_OK(sessions);
        QCOMPARE(sessions.value().size(), 1);
        QCOMPARE(sessions.value().first().deviceInfo, QStringLiteral("hivemind-test-console"));
        QVERIFY(sessions.value().first().current);

        ApiClient byEmail;
        byEmail.setBaseUrl(m_url);
        const auto viaEmail = await<LoginResult>(
            [&](auto done) { byEmail.login(name + "@example.com", kUserPassword, done); });
        REQUIRE_OK(viaEmail);
        QCOMPARE(viaEmail.value().user.username, name);
        QVERIFY(byEmail.hasSession());
    }

    void wrongPasswordIsTypedAndKeepsNoSession()
    {
        ApiClient client;
        client.setBaseUrl(m_url);
        QSignalSpy started(&client, &ApiClient::sessionStarted);
        const auto wrong =
            await<LoginResult>([&](auto done) { client.login(kAdmin, "not-it-1A!", done); });
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, ErrorCode::InvalidCredentials);
        QCOMPARE(errorHttpStatus(wrong.error()), 401);
        QVERIFY(errorRequestId(wrong.error()).startsWith("req_"));
        QVERIFY(!wrong.error().message.isEmpty());
        QVERIFY(!client.hasSession());
        QCOMPARE(started.count(), 0);
        // An unknown user reads exactly the same.
        const auto unknown =
            await<LoginResult>([&](auto done) { client.login("nobody", "not-it-1A!", done); });
        QCOMPARE(unknown.error().code, ErrorCode::InvalidCredentials);
        QCOMPARE(unknown.error().message, wrong.error().message);
    }

    void twoFactorLoginWaitsForTheCode()
    {
        const QString name = createUser(*m_admin);
        auto user = loggedIn(m_url, name, kUserPassword);
        QVERIFY(user);
        const auto enrol =
            await<TwoFactorEnrollment>([&](auto done) { AccountApi(*user).enrollTwoFactor(done); });
        REQUIRE_OK(enrol);
        QVERIFY(enrol.value().otpauthUri.startsWith("otpauth://totp/"));
        // base32 -> bytes, as an authenticator app does.
        const QByteArray secret = base32Decode(enrol.value().secret);
        // Each code is accepted once and must be newer than the last one:
        // the previous step's code confirms, the next step's logs in.
        qint64 now = 0;
        Result<void> confirmed = Error{ErrorCode::InternalError, QStringLiteral("not run")};
        atStableTotpStep(
            [&](qint64 at) {
                confirmed = await<void>([&](auto done) {
                    AccountApi(*user).confirmTwoFactor(crypto::totpCode(secret, at - 30).value(),
                                                       done);
                });
                return confirmed.ok();
            },
            &now);
        REQUIRE_OK(confirmed);

        ApiClient client;
        client.setBaseUrl(m_url);
        const auto first =
            await<LoginResult>([&](auto done) { client.login(name, kUserPassword, done); });
        REQUIRE_OK(first);
        QVERIFY(first.value().twoFactorRequired);
        QVERIFY(!first.value().pendingToken.isEmpty());
        // Turning 2FA on made recovery codes, so they are offered too.
        QCOMPARE(first.value().methods, (QStringList{"totp", "recovery"}));
        QVERIFY(first.value().pendingExpiresIn > 0);
        QVERIFY(!client.hasSession());

        const auto wrongCode = await<LoginResult>(
            [&](auto done) { client.verifyTwoFactor(first.value().pendingToken, "000000", done); });
        QCOMPARE(wrongCode.error().code, ErrorCode::InvalidCredentials);
        QVERIFY(!client.hasSession());
        const auto verified = await<LoginResult>([&](auto done) {
            client.verifyTwoFactor(first.value().pendingToken,
                                   crypto::totpCode(secret, now + 30).value(), done);
        });
        REQUIRE_OK(verified);
        QVERIFY(!verified.value().twoFactorRequired);
        QCOMPARE(verified.value().user.username, name);
        QVERIFY(client.hasSession());
        const auto me = await<UserInfo>([&](auto done) { AccountApi(client).me(done); });
        REQUIRE_OK(me);
        QVERIFY(me.value().twoFactorEnabled);
    }

    void logoutEndsTheSessionOnTheServer()
    {
        auto client = loggedIn(m_url, kAdmin, kAdminPassword);
        QVERIFY(client);
        const QString access = client->tokens().accessToken;
        QSignalSpy loggedOut(client.get(), &ApiClient::loggedOut);
        const auto out = await<void>([&](auto done) { client->logout(done); });
        REQUIRE_OK(out);
        QCOMPARE(loggedOut.count(), 1);
        QVERIFY(!client->hasSession());
        QVERIFY(client->tokens().accessToken.isEmpty());
        Http http(m_url);
        QCOMPARE(http.get("/api/v1/users/me", access).code(), QStringLiteral("TOKEN_INVALID"));
        const auto me = await<UserInfo>([&](auto done) { AccountApi(*client).me(done); });
        QCOMPARE(me.error().code, ErrorCode::Unauthorized);
    }

    // --- flows and executions ---------------------------------------------

    void flowLifecycleThroughTheClient()
    {
        ApiClient &c = *m_admin;
        const QString name = unique("lifecycle");
        const auto created = await<FlowSummary>([&](auto done) {
            FlowsApi(c).create(NewFlow{name, "two noops", twoSteps(), {}}, done);
        });
        REQUIRE_OK(created);
        const QString id = created.value().id;
        QVERIFY(!id.isEmpty());
        QCOMPARE(created.value().latestVersion, QStringLiteral("1"));
        QVERIFY(created.value().publishedVersion.isEmpty());

        const auto detail = await<FlowDetail>([&](auto done) { FlowsApi(c).get(id, done); });
        REQUIRE_OK(detail);
        QCOMPARE(detail.value().name, name);
        QCOMPARE(detail.value().description, QStringLiteral("two noops"));
        QCOMPARE(detail.value().latestVersion.status, QStringLiteral("draft"));
        QCOMPARE(detail.value().latestVersion.definition.value("nodes").toArray().size(), 2);
        QVERIFY(!detail.value().publishedVersion);

        const auto listed = await<Page<FlowSummary>>([&](auto done) {
            FlowsApi(c).list(name, PageRequest{1, 10}, done);
        });
        REQUIRE_OK(listed);
        QCOMPARE(listed.value().total, 1);
        QCOMPARE(listed.value().items.size(), 1);
        QCOMPARE(listed.value().items.first().id, id);
        QCOMPARE(listed.value().size, 10);

        const auto published =
            await<FlowVersion>([&](auto done) { FlowsApi(c).publish(id, "1", done); });
        REQUIRE_OK(published);
        QCOMPARE(published.value().status, QStringLiteral("published"));
        const auto second = await<FlowVersion>(
            [&](auto done) { FlowsApi(c).addVersion(id, twoSteps(), {}, done); });
        REQUIRE_OK(second);
        QCOMPARE(second.value().version, QStringLiteral("2"));
        const auto versions =
            await<QList<FlowVersion>>([&](auto done) { FlowsApi(c).versions(id, done); });
        REQUIRE_OK(versions);
        QCOMPARE(versions.value().size(), 2);
        QCOMPARE(versions.value().first().status, QStringLiteral("published"));

        // A waited trigger ends with the leaf's outputs.
        TriggerOptions wait;
        wait.inputs = {{"v", 7}};
        wait.wait = true;
        wait.waitTimeoutMs = 20000;
        const auto ran =
            await<TriggerOutcome>([&](auto done) { FlowsApi(c).trigger(id, wait, done); });
        REQUIRE_OK(ran);
        QCOMPARE(ran.value().state, TriggerOutcome::State::Ended);
        QCOMPARE(ran.value().status, QStringLiteral("completed"));
        QCOMPARE(ran.value().flowVersion, QStringLiteral("1"));
        QCOMPARE(ran.value().outputs.value("b").toObject().value("copy").toInt(), 7);
        const QString executionId = ran.value().executionId;

        const auto stored =
            await<QJsonObject>([&](auto done) { ExecutionsApi(c).get(executionId, done); });
        REQUIRE_OK(stored);
        QCOMPARE(stored.value().value("nodes").toArray().size(), 2);
        const auto history = await<Page<ExecutionSummary>>([&](auto done) {
            ExecutionsApi(c).list(ExecutionFilter{id, {}, 1, 20}, done);
        });
        REQUIRE_OK(history);
        QCOMPARE(history.value().total, 1);
        QCOMPARE(history.value().items.first().executionId, executionId);
        QCOMPARE(history.value().items.first().status, QStringLiteral("completed"));
        QVERIFY(history.value().items.first().durationMs >= 0);

        const auto rerun = await<TriggerOutcome>(
            [&](auto done) { ExecutionsApi(c).rerun(executionId, "start", {}, done); });
        REQUIRE_OK(rerun);
        QCOMPARE(rerun.value().state, TriggerOutcome::State::Started);
        QVERIFY(rerun.value().executionId != executionId);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(c, rerun.value().executionId),
                                  QStringLiteral("completed"), 20000);

        const auto components =
            await<QJsonArray>([&](auto done) { ExecutionsApi(c).components(done); });
        REQUIRE_OK(components);
        QVERIFY(components.value().size() >= 5);

        const auto removed = await<void>([&](auto done) { FlowsApi(c).remove(id, done); });
        REQUIRE_OK(removed);
        const auto gone = await<FlowDetail>([&](auto done) { FlowsApi(c).get(id, done); });
        QCOMPARE(gone.error().code, ErrorCode::FlowNotFound);
        QCOMPARE(errorHttpStatus(gone.error()), 404);
    }

    void triggerStatusAndCancel()
    {
        ApiClient &c = *m_admin;
        const QString id = publishedFlow(c, delayFlow());
        QVERIFY(!id.isEmpty());
        const auto started =
            await<TriggerOutcome>([&](auto done) { FlowsApi(c).trigger(id, {}, done); });
        REQUIRE_OK(started);
        QCOMPARE(started.value().state, TriggerOutcome::State::Started);
        const QString executionId = started.value().executionId;
        QCOMPARE(started.value().websocketUrl, "/ws/executions/" + executionId);
        QVERIFY(started.value().startedAt.isValid());

        const auto snapshot =
            await<QJsonObject>([&](auto done) { ExecutionsApi(c).status(executionId, done); });
        REQUIRE_OK(snapshot);
        QCOMPARE(snapshot.value().value("status").toString(), QStringLiteral("running"));
        QVERIFY(snapshot.value().value("can_cancel").toBool());

        const auto cancelled = await<CancelOutcome>(
            [&](auto done) { ExecutionsApi(c).cancel(executionId, {}, "from the client", done); });
        REQUIRE_OK(cancelled);
        QCOMPARE(cancelled.value().executionId, executionId);
        QVERIFY(QStringList({"cancelling", "cancelled"}).contains(cancelled.value().status));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(c, executionId), QStringLiteral("cancelled"), 15000);

        const auto again = await<CancelOutcome>(
            [&](auto done) { ExecutionsApi(c).cancel(executionId, {}, {}, done); });
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::ExecutionAlreadyCancelled);
        const auto unknown = await<QJsonObject>(
            [&](auto done) { ExecutionsApi(c).status("no-such-execution", done); });
        QCOMPARE(unknown.error().code, ErrorCode::ExecutionNotFound);
    }

    void concurrencyDenialIsAnOutcome()
    {
        ApiClient &c = *m_admin;
        const QString id = publishedFlow(c, delayFlow(), concurrency("deny"));
        QVERIFY(!id.isEmpty());
        const auto first =
            await<TriggerOutcome>([&](auto done) { FlowsApi(c).trigger(id, {}, done); });
        REQUIRE_OK(first);
        const auto denied =
            await<TriggerOutcome>([&](auto done) { FlowsApi(c).trigger(id, {}, done); });
        REQUIRE_OK(denied);
        QCOMPARE(denied.value().state, TriggerOutcome::State::Denied);
        QCOMPARE(denied.value().runningExecutions, QJsonArray{first.value().executionId});
        QVERIFY(!denied.value().message.isEmpty());
        const auto killed = await<CancelOutcome>(
            [&](auto done) { ExecutionsApi(c).kill(first.value().executionId, done); });
        REQUIRE_OK(killed);
    }

    void badFlowIsTypedAndStoresNothing()
    {
        ApiClient &c = *m_admin;
        const auto before = await<Page<FlowSummary>>([&](auto done) {
            FlowsApi(c).list({}, PageRequest{1, 1}, done);
        });
        REQUIRE_OK(before);

        // A malformed body: VALIDATION_ERROR naming the field.
        ApiRequest malformed = ApiRequest::post(
            "/api/v1/flows", QJsonObject{{"name", "broken"}, {"definition", "not an object"}});
        const auto invalid =
            await<ApiResponse>([&](auto done) { c.send(std::move(malformed), std::move(done)); });
        QVERIFY(!invalid.ok());
        QCOMPARE(invalid.error().code, ErrorCode::ValidationError);
        QCOMPARE(errorHttpStatus(invalid.error()), 422);
        QCOMPARE(invalid.error().details.value("field").toString(), QStringLiteral("definition"));
        QVERIFY(!errorRequestId(invalid.error()).isEmpty());

        // A definition no draft can be stored as: every problem listed. (One
        // that is well-formed but cannot compile is stored as a draft with
        // its problems: TestFlowsApi.)
        const auto broken = await<FlowSummary>([&](auto done) {
            FlowsApi(c).create(NewFlow{"broken", {}, QJsonObject{{"nodes", 5}}, {}}, done);
        });
        QVERIFY(!broken.ok());
        QCOMPARE(broken.error().code, ErrorCode::InvalidFlowDefinition);
        const QJsonArray problems = broken.error().details.value("problems").toArray();
        QVERIFY(!problems.isEmpty());
        QCOMPARE(problems.first().toObject().value("code").toString(),
                 QStringLiteral("INVALID_SHAPE"));

        const auto after = await<Page<FlowSummary>>([&](auto done) {
            FlowsApi(c).list({}, PageRequest{1, 1}, done);
        });
        REQUIRE_OK(after);
        QCOMPARE(after.value().total, before.value().total);
    }

    void systemAndUsersGroups()
    {
        ApiClient &c = *m_admin;
        const auto info = await<QJsonObject>([&](auto done) { SystemApi(c).info(done); });
        REQUIRE_OK(info);
        QCOMPARE(info.value().value("database").toObject().value("status").toString(),
                 QStringLiteral("connected"));
        const auto badConfig = await<QJsonObject>([&](auto done) {
            SystemApi(c).updateConfig({{"no_such_key", 1}}, done);
        });
        QCOMPARE(badConfig.error().code, ErrorCode::ValidationError);
        QCOMPARE(badConfig.error().details.value("field").toString(),
                 QStringLiteral("no_such_key"));
        const QString name = createUser(c, "listed");
        UserFilter filter;
        filter.search = name;
        const auto users =
            await<Page<UserInfo>>([&](auto done) { UsersApi(c).list(filter, done); });
        REQUIRE_OK(users);
        QCOMPARE(users.value().total, 1);
        QCOMPARE(users.value().items.first().username, name);
        AuditFilter audit;
        audit.action = "USER_CREATED";
        const auto trail =
            await<Page<AuditEntry>>([&](auto done) { SystemApi(c).audit(audit, done); });
        REQUIRE_OK(trail);
        QVERIFY(trail.value().total >= 1);
    }

    // --- API keys -----------------------------------------------------------

    void apiKeyAuthentication()
    {
        NewApiKey request;
        request.name = "reader";
        request.accessLevel = "read";
        const auto key =
            await<ApiKeyInfo>([&](auto done) { AccountApi(*m_admin).createApiKey(request, done); });
        REQUIRE_OK(key);
        QVERIFY(key.value().key.startsWith("hm_"));
        QVERIFY(key.value().key.startsWith(key.value().prefix));

        ApiClient client;
        client.setBaseUrl(m_url);
        client.useApiKey(key.value().key);
        QCOMPARE(client.credentialMode(), TokenStore::Mode::ApiKey);
        QSignalSpy refreshes(&client, &ApiClient::refreshStarted);
        QSignalSpy expired(&client, &ApiClient::sessionExpired);
        const auto me = await<UserInfo>([&](auto done) { AccountApi(client).me(done); });
        REQUIRE_OK(me);
        QCOMPARE(me.value().username, kAdmin);
        const auto flows =
            await<Page<FlowSummary>>([&](auto done) { FlowsApi(client).list({}, {}, done); });
        REQUIRE_OK(flows);
        // A read key may not write.
        const auto write = await<FlowSummary>([&](auto done) {
            FlowsApi(client).create(NewFlow{"by-key", {}, twoSteps(), {}}, done);
        });
        QCOMPARE(write.error().code, ErrorCode::Forbidden);

        const auto revoked = await<void>(
            [&](auto done) { AccountApi(*m_admin).revokeApiKey(key.value().id, done); });
        REQUIRE_OK(revoked);
        const auto after = await<UserInfo>([&](auto done) { AccountApi(client).me(done); });
        QCOMPARE(after.error().code, ErrorCode::TokenInvalid);
        // No session, so nothing to refresh or expire.
        QCOMPARE(refreshes.count(), 0);
        QCOMPARE(expired.count(), 0);
    }

    // --- transport failures --------------------------------------------------

    void closedPortIsNetworkError()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        ApiClient client;
        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        const auto health = await<HealthInfo>([&](auto done) { client.fetchHealth(done); });
        QVERIFY(!health.ok());
        QCOMPARE(health.error().code, ErrorCode::NetworkError);
        QCOMPARE(errorHttpStatus(health.error()), 0);
        QCOMPARE(health.error().details.value("network_error").toString(),
                 QStringLiteral("ConnectionRefusedError"));
        const auto login =
            await<LoginResult>([&](auto done) { client.login(kAdmin, kAdminPassword, done); });
        QCOMPARE(login.error().code, ErrorCode::NetworkError);
    }

    void silentServerIsTimeout()
    {
        // Accepts connections and never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        ApiClient client;
        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())));
        client.setTimeoutMs(300);
        const auto health = await<HealthInfo>([&](auto done) { client.fetchHealth(done); });
        QVERIFY(!health.ok());
        QCOMPARE(health.error().code, ErrorCode::Timeout);
        QCOMPARE(health.error().codeName(), QStringLiteral("TIMEOUT"));
    }

    void closingTheClientAnswersOpenCalls()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        auto client = std::make_unique<ApiClient>();
        client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())));
        client->setTimeoutMs(0);
        int calls = 0;
        std::optional<Error> error;
        client->fetchVersion([&](Result<VersionInfo> r) {
            ++calls;
            if (!r)
                error = r.error();
        });
        QSignalSpy accepted(&silent, &QTcpServer::newConnection);
        QVERIFY(accepted.wait(10000));
        client.reset();
        QCOMPARE(calls, 1);
        QVERIFY(error);
        QCOMPARE(error->code, ErrorCode::NetworkError);
    }

    // --- automatic refresh (server with 2-second access tokens) --------------

    void refreshesAfterTheTokenExpired()
    {
        LogCapture log;
        auto client = loggedIn(m_shortUrl, kAdmin, kAdminPassword, false);
        QVERIFY(client);
        const TokenPair before = client->tokens();
        QCOMPARE(before.expiresIn, 2);
        QSignalSpy refreshes(client.get(), &ApiClient::refreshStarted);
        QSignalSpy refreshed(client.get(), &ApiClient::tokenRefreshed);
        QSignalSpy expired(client.get(), &ApiClient::sessionExpired);

        QTRY_VERIFY_WITH_TIMEOUT(client->accessTokenStale(), 10000);
        QCOMPARE(refreshes.count(), 0); // nothing refreshes on its own here
        const auto me = await<UserInfo>([&](auto done) { AccountApi(*client).me(done); });
        REQUIRE_OK(me);
        QCOMPARE(me.value().username, kAdmin);
        QCOMPARE(refreshes.count(), 1);
        QCOMPARE(refreshed.count(), 1);
        QCOMPARE(expired.count(), 0);
        const TokenPair after = client->tokens();
        QVERIFY(after.accessToken != before.accessToken);
        QVERIFY(after.refreshToken != before.refreshToken);
        // The server really refused the old token (the client did not just
        // refresh on a whim).
        Http http(m_shortUrl);
        QCOMPARE(http.get("/api/v1/users/me", before.accessToken).code(),
                 QStringLiteral("TOKEN_EXPIRED"));

        // The client logged its calls and the refresh, never a token.
        const QString text = log.text();
        QVERIFY2(text.contains("/api/v1/users/me"),
                 qPrintable(QStringLiteral("captured: ") + text.left(2000)));
        for (const QString &secret :
             {before.accessToken, before.refreshToken, after.accessToken, after.refreshToken})
            QVERIFY(!text.contains(secret));
    }

    void concurrentCallsShareOneRefresh()
    {
        auto client = loggedIn(m_shortUrl, kAdmin, kAdminPassword, false);
        QVERIFY(client);
        QSignalSpy refreshes(client.get(), &ApiClient::refreshStarted);
        QSignalSpy refreshed(client.get(), &ApiClient::tokenRefreshed);
        QTRY_VERIFY_WITH_TIMEOUT(client->accessTokenStale(), 10000);

        int answered = 0;
        QStringList failures;
        auto note = [&](const QString &what) {
            return [&answered, &failures, what](const auto &result) {
                ++answered;
                if (!result.ok())
                    failures << what + ": " + result.error().toString();
            };
        };
        // One more call while the refresh is in flight: it must wait for it
        // instead of going out with the stale token.
        bool sentDuringRefresh = false;
        connect(client.get(), &ApiClient::refreshStarted, this, [&] {
            QVERIFY(client->refreshInFlight());
            sentDuringRefresh = true;
            AccountApi(*client).sessions(note("sessions (during refresh)"));
        });
        AccountApi(*client).me(note("me"));
        FlowsApi(*client).list({}, {}, note("flows"));
        ExecutionsApi(*client).list({}, note("executions"));
        ExecutionsApi(*client).components(note("components"));
        SystemApi(*client).info(note("system info"));
        SystemApi(*client).config(note("system config"));
        UsersApi(*client).list({}, note("users"));

        QTRY_COMPARE_WITH_TIMEOUT(answered, 8, 30000);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join("; ")));
        QVERIFY(sentDuringRefresh);
        QCOMPARE(refreshes.count(), 1);
        QCOMPARE(refreshed.count(), 1);
        QVERIFY(!client->refreshInFlight());
    }

    void proactiveRefreshBeforeExpiry()
    {
        auto client = loggedIn(m_shortUrl, kAdmin, kAdminPassword, true);
        QVERIFY(client);
        const QString first = client->tokens().accessToken;
        QSignalSpy refreshes(client.get(), &ApiClient::refreshStarted);
        QSignalSpy refreshed(client.get(), &ApiClient::tokenRefreshed);
        // No call is made: the timer alone refreshes.
        QVERIFY(refreshed.wait(15000));
        QCOMPARE(refreshes.count(), 1);
        QVERIFY(client->tokens().accessToken != first);
        const auto me = await<UserInfo>([&](auto done) { AccountApi(*client).me(done); });
        REQUIRE_OK(me);
    }

    void refreshTokenReuseExpiresTheSession()
    {
        auto admin = loggedIn(m_shortUrl, kAdmin, kAdminPassword);
        QVERIFY(admin);
        const QString name = createUser(*admin, "victim");
        QVERIFY(!name.isEmpty());
        auto client = loggedIn(m_shortUrl, name, kUserPassword, false);
        QVERIFY(client);
        QSignalSpy expired(client.get(), &ApiClient::sessionExpired);

        // Someone copied the refresh token and uses it first: the client's
        // own copy is now a retired token.
        Http thief(m_shortUrl);
        const Answer stolen = thief.json("POST", "/api/v1/auth/refresh",
                                         {{"refresh_token", client->tokens().refreshToken}});
        QCOMPARE(stolen.status, 200);
        const QString thiefRefresh = stolen.data().value("refresh_token").toString();

        QTRY_VERIFY_WITH_TIMEOUT(client->accessTokenStale(), 10000);
        const auto me = await<UserInfo>([&](auto done) { AccountApi(*client).me(done); });
        QVERIFY(!me.ok());
        // The call fails with the refresh's error, and the session is gone.
        QCOMPARE(me.error().code, ErrorCode::TokenInvalid);
        QCOMPARE(expired.count(), 1);
        QCOMPARE(qvariant_cast<Error>(expired.first().first()).code, ErrorCode::TokenInvalid);
        QVERIFY(!client->hasSession());
        // Reuse revoked the whole family, the thief's tokens included.
        QCOMPARE(
            thief.json("POST", "/api/v1/auth/refresh", {{"refresh_token", thiefRefresh}}).code(),
            QStringLiteral("TOKEN_INVALID"));
        const auto later = await<UserInfo>([&](auto done) { AccountApi(*client).me(done); });
        QCOMPARE(later.error().code, ErrorCode::Unauthorized);
    }

    void revokedSessionExpires()
    {
        auto admin = loggedIn(m_shortUrl, kAdmin, kAdminPassword);
        QVERIFY(admin);
        const QString name = createUser(*admin, "revoked");
        auto client = loggedIn(m_shortUrl, name, kUserPassword, false);
        QVERIFY(client);
        auto other = loggedIn(m_shortUrl, name, kUserPassword, false);
        QVERIFY(other);
        QSignalSpy expired(client.get(), &ApiClient::sessionExpired);
        QSignalSpy refreshes(client.get(), &ApiClient::refreshStarted);

        // The other session logs out everywhere, the client's session too.
        const auto all = await<void>([&](auto done) { AccountApi(*other).logoutAll(done); });
        REQUIRE_OK(all);
        const auto me = await<UserInfo>([&](auto done) { AccountApi(*client).me(done); });
        QVERIFY(!me.ok());
        QCOMPARE(me.error().code, ErrorCode::TokenInvalid);
        QCOMPARE(refreshes.count(), 1); // one attempt, refused
        QCOMPARE(expired.count(), 1);
        QVERIFY(!client->hasSession());
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "TestApiClient.moc"
