// The credential vault (issue 13, items 1-3) against the real hivemind-server
// process: every type round trip, field validation, owner and visibility
// checks, partial updates, the test route against local peers, the in-use
// check, a ciphertext moved to another row, a key rotation, and no secret
// in any answer, log line (debug level) or byte of the database files.

#include "AuthTestSupport.h"
#include "CredentialTestSupport.h"
#include "ServerDatabase.h"
#include "SshTestKeys.h"

#include <QDir>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace hm;
using namespace hm::test;

namespace {

const QString kPassword = QStringLiteral("Us3r!Passw0rd");

QString randomSecret(const QString &label)
{
    return QStringLiteral("S3cret-%1-%2")
        .arg(label)
        .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
}

} // namespace

class TestCredentialsApi : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    ApiUser m_alice;
    ApiUser m_bob;
    QStringList m_secrets; // every secret value the test stored
    QString m_sshPassphrase;
    QString m_encryptedKey; // an ed25519 key m_sshPassphrase protects
    QByteArray m_answers;   // every answer body the server gave
    RecordingPeer m_peer;
    QWebSocket m_events; // /ws/events as the administrator, for the whole test
    QByteArray m_wsText; // every message it got
    int m_wsMessages = 0;

    Answer call(const QByteArray &verb, const QString &path, const QJsonObject &body,
                const QString &token)
    {
        const Answer answer = verb == "GET" || verb == "DELETE"
                                  ? m_http->send(verb, path, {}, Http::bearer(token))
                                  : m_http->json(verb, path, body, token);
        m_answers += answer.raw + '\n';
        return answer;
    }
    QString secret(const QString &label)
    {
        m_secrets.append(randomSecret(label));
        return m_secrets.constLast();
    }
    QTemporaryDir m_keys;
    // A new ed25519 private key (encrypted with `passphrase` when given),
    // noted as a secret whole and by its longest line.
    QString sshKey(const QString &passphrase = {})
    {
        QString failure;
        const QString key = generateSshKey(m_keys.filePath("id"), QStringLiteral("ed25519"),
                                           passphrase, {}, &failure);
        if (key.isEmpty()) {
            qWarning().noquote() << failure;
            return {};
        }
        m_secrets.append(key);
        QString longest;
        for (const QString &line : key.split(u'\n'))
            longest = line.size() > longest.size() ? line : longest;
        m_secrets.append(longest);
        return key;
    }
    QJsonObject create(const QJsonObject &body, const QString &token)
    {
        const Answer created = call("POST", QStringLiteral("/api/v1/credentials"), body, token);
        if (created.status != 201)
            qWarning("create: %d %s", created.status, created.raw.constData());
        return created.status == 201 ? created.data() : QJsonObject{};
    }
    Answer test(const QString &id, const QString &token, const QString &url = {})
    {
        QJsonObject body;
        if (!url.isEmpty())
            body.insert("url", url);
        return call("POST", QStringLiteral("/api/v1/credentials/%1/test").arg(id), body, token);
    }
    std::unique_ptr<store::Database> m_db;
    // The server's database, opened once beside the running server (a
    // second open in the same process saw a stale snapshot).
    store::Database *openDatabase()
    {
        if (!m_db)
            m_db = openServerDatabase(m_dir.path(), m_server->masterKey());
        return m_db.get();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_keys.isValid());
        m_sshPassphrase = secret("sshpass");
        m_encryptedKey = sshKey(m_sshPassphrase);
        QVERIFY(!m_encryptedKey.isEmpty());
        // Debug logging of every category, from the first line.
        m_server = nullptr;
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(m_dir.path());
        m_server->setEnv(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        const QString failure =
            connectAdmin(*m_server, startAuthServer(*m_server, {"--ws-status-interval-ms", "200"}),
                         m_http, m_admin);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        connect(&m_events, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            m_wsText += text.toUtf8() + '\n';
            ++m_wsMessages;
        });
        QUrl events = m_http->base();
        events.setScheme("ws");
        events.setPath("/ws/events");
        events.setQuery("token=" + m_admin);
        m_events.open(events);
        QTRY_VERIFY_WITH_TIMEOUT(m_wsMessages > 0, 30000);
        QCOMPARE(
            m_http->json("PUT", "/api/v1/system/config", {{"log_level", "DEBUG"}}, m_admin).status,
            200);
        m_alice = createApiUser(*m_http, m_admin, "alice", kPassword, "user");
        m_bob = createApiUser(*m_http, m_admin, "bob", kPassword, "user");
        QVERIFY(!m_alice.token.isEmpty());
        QVERIFY(!m_bob.token.isEmpty());
    }

    void everyTypeRoundTrips_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QJsonObject>("data");
        QTest::addColumn<QJsonObject>("shown");
        QTest::addColumn<QStringList>("secretNames");
        QTest::newRow("http_basic")
            << "http_basic" << QJsonObject{{"username", "svc"}, {"password", secret("basic")}}
            << QJsonObject{{"username", "svc"}} << QStringList{"password"};
        QTest::newRow("http_bearer") << "http_bearer" << QJsonObject{{"token", secret("bearer")}}
                                     << QJsonObject{} << QStringList{"token"};
        QTest::newRow("api_key (seed shape)")
            << "api_key" << QJsonObject{{"key", secret("apikey")}, {"header", "X-API-Key"}}
            << QJsonObject{{"in", "header"}, {"name", "X-API-Key"}} << QStringList{"key"};
        QTest::newRow("api_key in query")
            << "api_key"
            << QJsonObject{{"key", secret("apiquery")}, {"in", "query"}, {"name", "api_key"}}
            << QJsonObject{{"in", "query"}, {"name", "api_key"}} << QStringList{"key"};
        QTest::newRow("oauth2") << "oauth2"
                                << QJsonObject{{"clientId", "client-1"},
                                               {"clientSecret", secret("oauth")},
                                               {"tokenUrl", "https://auth.example.com/token"},
                                               {"scopes", QJsonArray{"read", "write"}}}
                                << QJsonObject{{"clientId", "client-1"},
                                               {"tokenUrl", "https://auth.example.com/token"},
                                               {"scopes", QJsonArray{"read", "write"}}}
                                << QStringList{"clientSecret"};
        QTest::newRow("database") << "database" << QJsonObject{{"host", "db.example.com"},
                                                               {"port", 5432},
                                                               {"database", "sales"},
                                                               {"username", "reporter"},
                                                               {"password", secret("db")},
                                                               {"driver", "postgresql"}}
                                  << QJsonObject{{"host", "db.example.com"},
                                                 {"port", 5432},
                                                 {"database", "sales"},
                                                 {"username", "reporter"},
                                                 {"driver", "postgresql"}}
                                  << QStringList{"password"};
        QTest::newRow("ssh") << "ssh"
                             << QJsonObject{{"host", "10.0.0.5"},
                                            {"port", 2222},
                                            {"username", "deploy"},
                                            {"privateKey", sshKey(m_sshPassphrase)},
                                            {"passphrase", m_sshPassphrase}}
                             << QJsonObject{{"host", "10.0.0.5"},
                                            {"port", 2222},
                                            {"username", "deploy"}}
                             << QStringList{"passphrase", "privateKey"};
    }
    void everyTypeRoundTrips()
    {
        QVERIFY(!m_sshPassphrase.isEmpty());
        QFETCH(QString, type);
        QFETCH(QJsonObject, data);
        QFETCH(QJsonObject, shown);
        QFETCH(QStringList, secretNames);
        const QJsonObject created = create({{"name", "Production " + type},
                                            {"description", "for the round trip"},
                                            {"type", type},
                                            {"data", data}},
                                           m_alice.token);
        QVERIFY(!created.isEmpty());
        const QString id = created.value("id").toString();
        for (const QJsonObject &seen :
             {created, call("GET", "/api/v1/credentials/" + id, {}, m_alice.token).data()}) {
            QCOMPARE(seen.value("name").toString(), "Production " + type);
            QCOMPARE(seen.value("type").toString(), type);
            QCOMPARE(seen.value("visibility").toString(), QStringLiteral("private"));
            QCOMPARE(seen.value("owner_id").toString(), m_alice.id);
            QCOMPARE(seen.value("data").toObject(), shown);
            const QJsonObject flags = seen.value("secret_fields").toObject();
            QStringList set;
            for (auto it = flags.begin(); it != flags.end(); ++it) {
                if (it.value().toBool())
                    set.append(it.key());
            }
            QCOMPARE(set, secretNames);
            QVERIFY(!seen.value("created_at").toString().isEmpty());
        }
        const Answer listed =
            call("GET", "/api/v1/credentials?type=" + type + "&size=100", {}, m_alice.token);
        QCOMPARE(listed.status, 200);
        bool found = false;
        for (const QJsonValue item : listed.data().value("items").toArray())
            found = found || item.toObject().value("id").toString() == id;
        QVERIFY(found);
        QVERIFY(listed.data().value("pagination").toObject().value("total").toInt() >= 1);
    }

    void fieldsAreValidated_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const auto body = [](const QString &type, const QJsonObject &data) {
            return QJsonObject{{"name", "x"}, {"type", type}, {"data", data}};
        };
        QTest::newRow("unknown type") << body("kerberos", {}) << 400 << "INVALID_CREDENTIAL_TYPE"
                                      << "type";
        QTest::newRow("no type") << QJsonObject{{"name", "x"}, {"data", QJsonObject{}}} << 400
                                 << "INVALID_CREDENTIAL_TYPE"
                                 << "type";
        QTest::newRow("no name") << QJsonObject{{"type", "http_bearer"},
                                                {"data", QJsonObject{{"token", "t"}}}}
                                 << 422 << "VALIDATION_ERROR"
                                 << "name";
        QTest::newRow("no data") << QJsonObject{{"name", "x"}, {"type", "http_bearer"}} << 422
                                 << "VALIDATION_ERROR"
                                 << "data";
        QTest::newRow("missing password")
            << body("http_basic", {{"username", "u"}}) << 422 << "VALIDATION_ERROR"
            << "data.password";
        QTest::newRow("empty token")
            << body("http_bearer", {{"token", ""}}) << 422 << "VALIDATION_ERROR"
            << "data.token";
        QTest::newRow("port out of range")
            << body("database",
                    {{"host", "h"}, {"port", 70000}, {"database", "d"}, {"username", "u"}})
            << 422 << "VALIDATION_ERROR"
            << "data.port";
        QTest::newRow("port not a number")
            << body("ssh", {{"host", "h"}, {"port", "22"}, {"username", "u"}, {"privateKey", "k"}})
            << 422 << "VALIDATION_ERROR"
            << "data.port";
        QTest::newRow("token URL")
            << body("oauth2",
                    {{"clientId", "c"}, {"clientSecret", "s"}, {"tokenUrl", "ftp://x/token"}})
            << 422 << "VALIDATION_ERROR"
            << "data.tokenUrl";
        QTest::newRow("api_key in")
            << body("api_key", {{"key", "k"}, {"in", "cookie"}, {"name", "n"}}) << 422
            << "VALIDATION_ERROR"
            << "data.in";
        QTest::newRow("unknown field")
            << body("http_bearer", {{"token", "t"}, {"password", "p"}}) << 422 << "VALIDATION_ERROR"
            << "data.password";
        QTest::newRow("driver")
            << body("database",
                    {{"host", "h"}, {"database", "d"}, {"username", "u"}, {"driver", "oracle"}})
            << 422 << "VALIDATION_ERROR"
            << "data.driver";
        QTest::newRow("ssh key that is not one")
            << body("ssh", {{"host", "h"}, {"username", "u"}, {"privateKey", "not a real key"}})
            << 422 << "VALIDATION_ERROR"
            << "data.privateKey";
        QTest::newRow("ssh key without its passphrase")
            << body("ssh", {{"host", "h"}, {"username", "u"}, {"privateKey", m_encryptedKey}})
            << 422 << "VALIDATION_ERROR"
            << "data.passphrase";
        QTest::newRow("ssh key with a wrong passphrase")
            << body("ssh", {{"host", "h"},
                            {"username", "u"},
                            {"privateKey", m_encryptedKey},
                            {"passphrase", m_sshPassphrase + "x"}})
            << 422 << "VALIDATION_ERROR"
            << "data.passphrase";
        QTest::newRow("visibility") << QJsonObject{{"name", "x"},
                                                   {"type", "http_bearer"},
                                                   {"visibility", "public"},
                                                   {"data", QJsonObject{{"token", "t"}}}}
                                    << 422 << "VALIDATION_ERROR"
                                    << "visibility";
    }
    void fieldsAreValidated()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const Answer refused = call("POST", "/api/v1/credentials", body, m_alice.token);
        QCOMPARE(refused.status, status);
        QCOMPARE(refused.code(), code);
        const QJsonObject error = refused.body.value("error").toObject();
        QCOMPARE(refused.details().value("field").toString(), field);
        QVERIFY(error.value("message").toString().contains(field.section('.', -1)));
    }

    // One server is one workspace: "workspace" reaches who "shared" reaches
    // (docs/vault.md "Visibility") and is kept as given.
    void workspaceVisibilityIsEveryoneOnTheServer()
    {
        const QJsonObject made = create({{"name", "alice workspace"},
                                         {"type", "http_bearer"},
                                         {"visibility", "workspace"},
                                         {"data", QJsonObject{{"token", secret("w")}}}},
                                        m_alice.token);
        QVERIFY(!made.isEmpty());
        const QString id = made.value("id").toString();
        QCOMPARE(made.value("visibility").toString(), QStringLiteral("workspace"));
        QStringList bobSees;
        for (const QJsonValue item : call("GET", "/api/v1/credentials?size=100", {}, m_bob.token)
                                         .data()
                                         .value("items")
                                         .toArray())
            bobSees.append(item.toObject().value("id").toString());
        QVERIFY(bobSees.contains(id));
        const Answer seen = call("GET", "/api/v1/credentials/" + id, {}, m_bob.token);
        QCOMPARE(seen.status, 200);
        QCOMPARE(seen.data().value("visibility").toString(), QStringLiteral("workspace"));
        QCOMPARE(call("GET", "/api/v1/credentials/" + id + "/usages", {}, m_bob.token).status, 200);
        // Only the owner or an administrator changes or deletes it.
        QCOMPARE(call("PUT", "/api/v1/credentials/" + id, {{"name", "bob's"}}, m_bob.token).code(),
                 QStringLiteral("CREDENTIAL_ACCESS_DENIED"));
        QCOMPARE(call("DELETE", "/api/v1/credentials/" + id, {}, m_bob.token).code(),
                 QStringLiteral("CREDENTIAL_ACCESS_DENIED"));
        // Back to private: Bob loses it.
        QCOMPARE(
            call("PUT", "/api/v1/credentials/" + id, {{"visibility", "private"}}, m_alice.token)
                .status,
            200);
        QCOMPARE(call("GET", "/api/v1/credentials/" + id, {}, m_bob.token).code(),
                 QStringLiteral("CREDENTIAL_NOT_FOUND"));
        QCOMPARE(call("DELETE", "/api/v1/credentials/" + id, {}, m_alice.token).status, 200);
    }

    void ownersAndVisibility()
    {
        const QJsonObject mine = create({{"name", "alice private"},
                                         {"type", "http_bearer"},
                                         {"data", QJsonObject{{"token", secret("p")}}}},
                                        m_alice.token);
        const QJsonObject shared = create({{"name", "alice shared"},
                                           {"type", "http_bearer"},
                                           {"visibility", "shared"},
                                           {"data", QJsonObject{{"token", secret("s")}}}},
                                          m_alice.token);
        QVERIFY(!mine.isEmpty() && !shared.isEmpty());
        const QString privateId = mine.value("id").toString();
        const QString sharedId = shared.value("id").toString();

        // Bob sees the shared one, not the private one.
        QStringList bobSees;
        for (const QJsonValue item : call("GET", "/api/v1/credentials?size=100", {}, m_bob.token)
                                         .data()
                                         .value("items")
                                         .toArray())
            bobSees.append(item.toObject().value("id").toString());
        QVERIFY(bobSees.contains(sharedId));
        QVERIFY(!bobSees.contains(privateId));
        QCOMPARE(call("GET", "/api/v1/credentials/" + privateId, {}, m_bob.token).code(),
                 QStringLiteral("CREDENTIAL_NOT_FOUND"));
        QCOMPARE(call("GET", "/api/v1/credentials/" + sharedId, {}, m_bob.token).status, 200);
        // Only the owner or an administrator changes, deletes or tests it.
        const Answer put =
            call("PUT", "/api/v1/credentials/" + sharedId, {{"name", "mine now"}}, m_bob.token);
        QCOMPARE(put.status, 403);
        QCOMPARE(put.code(), QStringLiteral("CREDENTIAL_ACCESS_DENIED"));
        QCOMPARE(call("DELETE", "/api/v1/credentials/" + sharedId, {}, m_bob.token).code(),
                 QStringLiteral("CREDENTIAL_ACCESS_DENIED"));
        QCOMPARE(test(sharedId, m_bob.token, m_peer.url()).code(),
                 QStringLiteral("CREDENTIAL_ACCESS_DENIED"));
        QCOMPARE(
            call("PUT", "/api/v1/credentials/" + privateId, {{"name", "x"}}, m_bob.token).code(),
            QStringLiteral("CREDENTIAL_NOT_FOUND"));

        // The administrator sees and changes everything.
        QStringList adminSees;
        for (const QJsonValue item : call("GET", "/api/v1/credentials?size=100", {}, m_admin)
                                         .data()
                                         .value("items")
                                         .toArray())
            adminSees.append(item.toObject().value("id").toString());
        QVERIFY(adminSees.contains(privateId) && adminSees.contains(sharedId));
        QCOMPARE(call("PUT", "/api/v1/credentials/" + privateId, {{"description", "seen by admin"}},
                      m_admin)
                     .status,
                 200);
        QCOMPARE(call("DELETE", "/api/v1/credentials/" + privateId, {}, m_alice.token).status, 200);
        QCOMPARE(call("GET", "/api/v1/credentials/" + privateId, {}, m_alice.token).status, 404);
    }

    void partialUpdateKeepsOtherSecrets()
    {
        const QString password = secret("keep");
        const QJsonObject created =
            create({{"name", "basic to update"},
                    {"type", "http_basic"},
                    {"data", QJsonObject{{"username", "first"}, {"password", password}}}},
                   m_alice.token);
        const QString id = created.value("id").toString();
        // A new username: the password stays.
        const Answer renamed = call("PUT", "/api/v1/credentials/" + id,
                                    {{"data", QJsonObject{{"username", "second"}}}}, m_alice.token);
        QCOMPARE(renamed.status, 200);
        QCOMPARE(renamed.data().value("data").toObject().value("username").toString(),
                 QStringLiteral("second"));
        QVERIFY(renamed.data().value("secret_fields").toObject().value("password").toBool());
        m_peer.clear();
        const Answer tested = test(id, m_alice.token, m_peer.url("/check"));
        QCOMPARE(tested.status, 200);
        QCOMPARE(m_peer.requests().size(), 1);
        QCOMPARE(m_peer.requests().first().headers.value("authorization"),
                 "Basic " + ("second:" + password).toUtf8().toBase64());

        // ssh: clearing the optional passphrase keeps the key (one that
        // needs none); clearing the required key is refused.
        const QJsonObject ssh = create({{"name", "ssh to update"},
                                        {"type", "ssh"},
                                        {"data", QJsonObject{{"host", "h"},
                                                             {"username", "u"},
                                                             {"privateKey", sshKey()},
                                                             {"passphrase", secret("phrase")}}}},
                                       m_alice.token);
        const QString sshId = ssh.value("id").toString();
        const Answer cleared =
            call("PUT", "/api/v1/credentials/" + sshId,
                 {{"data", QJsonObject{{"passphrase", QJsonValue::Null}}}}, m_alice.token);
        QCOMPARE(cleared.status, 200);
        QCOMPARE(cleared.data().value("secret_fields").toObject(),
                 (QJsonObject{{"privateKey", true}, {"passphrase", false}}));
        const Answer refused =
            call("PUT", "/api/v1/credentials/" + sshId,
                 {{"data", QJsonObject{{"privateKey", QJsonValue::Null}}}}, m_alice.token);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.details().value("field"), QJsonValue("data.privateKey"));
        const Answer typeChange =
            call("PUT", "/api/v1/credentials/" + sshId, {{"type", "http_basic"}}, m_alice.token);
        QCOMPARE(typeChange.status, 422);
    }

    void testRouteInjectsEachType()
    {
        const QString basicPassword = secret("tb");
        const QString token = secret("tbearer");
        const QString headerKey = secret("theader");
        const QString queryKey = secret("tquery");
        const QString basic =
            create({{"name", "t basic"},
                    {"type", "http_basic"},
                    {"data", QJsonObject{{"username", "u1"}, {"password", basicPassword}}}},
                   m_alice.token)
                .value("id")
                .toString();
        const QString bearer = create({{"name", "t bearer"},
                                       {"type", "http_bearer"},
                                       {"data", QJsonObject{{"token", token}}}},
                                      m_alice.token)
                                   .value("id")
                                   .toString();
        const QString header =
            create({{"name", "t header"},
                    {"type", "api_key"},
                    {"data",
                     QJsonObject{{"key", headerKey}, {"name", "X-Api-Token"}, {"prefix", "Key"}}}},
                   m_alice.token)
                .value("id")
                .toString();
        const QString query =
            create({{"name", "t query"},
                    {"type", "api_key"},
                    {"data", QJsonObject{{"key", queryKey}, {"in", "query"}, {"name", "apikey"}}}},
                   m_alice.token)
                .value("id")
                .toString();
        // The peer accepts only what it expects.
        const QByteArray expectedBasic = "Basic " + ("u1:" + basicPassword).toUtf8().toBase64();
        m_peer.setAnswer([&](const RecordedRequest &r) -> RecordingPeer::Reply {
            const bool ok = r.headers.value("authorization") == expectedBasic ||
                            r.headers.value("authorization") == "Bearer " + token.toUtf8() ||
                            r.headers.value("x-api-token") == "Key " + headerKey.toUtf8() ||
                            r.target.contains("apikey=" + queryKey.toUtf8());
            return {ok ? 204 : 401, {}};
        });
        for (const QString &id : {basic, bearer, header, query}) {
            m_peer.clear();
            const Answer tested = test(id, m_alice.token, m_peer.url("/protected?x=1"));
            QCOMPARE(tested.status, 200);
            QCOMPARE(tested.data().value("success").toBool(), true);
            QCOMPARE(tested.data().value("http_status").toInt(), 204);
            QCOMPARE(m_peer.requests().size(), 1);
            QVERIFY(m_peer.requests().first().target.startsWith("/protected?x=1"));
        }
        // A wrong secret: the peer's 401 is reported, not an error.
        QCOMPARE(call("PUT", "/api/v1/credentials/" + bearer,
                      {{"data", QJsonObject{{"token", secret("wrong")}}}}, m_alice.token)
                     .status,
                 200);
        const Answer rejected = test(bearer, m_alice.token, m_peer.url("/protected"));
        QCOMPARE(rejected.status, 200);
        QCOMPARE(rejected.data().value("success").toBool(), false);
        QCOMPARE(rejected.data().value("http_status").toInt(), 401);
        // No URL, or a non-HTTP one.
        QCOMPARE(test(bearer, m_alice.token).code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(test(bearer, m_alice.token, "file:///etc/passwd").code(),
                 QStringLiteral("VALIDATION_ERROR"));
        // Nobody listening.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QString deadUrl = QStringLiteral("http://127.0.0.1:%1/").arg(closed.serverPort());
        closed.close();
        const Answer refused = test(bearer, m_alice.token, deadUrl);
        QCOMPARE(refused.status, 200);
        QCOMPARE(refused.data().value("success").toBool(), false);
        m_peer.setAnswer({});
    }

    void testRouteFetchesAnOAuth2Token()
    {
        const QString clientSecret = secret("client");
        RecordingPeer tokenEndpoint;
        tokenEndpoint.setAnswer([&](const RecordedRequest &r) -> RecordingPeer::Reply {
            const bool ok = r.method == "POST" &&
                            r.headers.value("authorization") ==
                                "Basic " + ("client-9:" + clientSecret).toUtf8().toBase64() &&
                            r.body.contains("grant_type=client_credentials") &&
                            r.body.contains("scope=read%20write");
            if (!ok)
                return {401, R"({"error":"invalid_client"})"};
            return {
                200,
                R"({"access_token":"issued-token-123","token_type":"Bearer","expires_in":3600})"};
        });
        const auto make = [&](const QString &secretValue) {
            return create({{"name", "oauth"},
                           {"type", "oauth2"},
                           {"data", QJsonObject{{"clientId", "client-9"},
                                                {"clientSecret", secretValue},
                                                {"tokenUrl", tokenEndpoint.url("/oauth/token")},
                                                {"scopes", "read write"}}}},
                          m_alice.token)
                .value("id")
                .toString();
        };
        const Answer fetched = test(make(clientSecret), m_alice.token);
        QCOMPARE(fetched.status, 200);
        QCOMPARE(fetched.data().value("success").toBool(), true);
        QVERIFY(fetched.data().value("message").toString().contains("3600"));
        QVERIFY(!fetched.raw.contains("issued-token-123"));
        QCOMPARE(tokenEndpoint.requests().size(), 1);
        QCOMPARE(tokenEndpoint.requests().first().target, QByteArray("/oauth/token"));

        const Answer refused = test(make(secret("badclient")), m_alice.token);
        QCOMPARE(refused.data().value("success").toBool(), false);
        QCOMPARE(refused.data().value("http_status").toInt(), 401);
    }

    // Nothing uses credentials yet (external services will write
    // credential_usages when they link one): the test writes the row itself.
    void deletingACredentialInUseIsRefused()
    {
        const QString id = create({{"name", "used by a service"},
                                   {"type", "http_bearer"},
                                   {"data", QJsonObject{{"token", secret("used")}}}},
                                  m_alice.token)
                               .value("id")
                               .toString();
        {
            auto db = openDatabase();
            QVERIFY(db);
            QVERIFY(db->execute("INSERT INTO credential_usages (credential_id, user_type, user_id, "
                                "user_name) VALUES (?1, 'service', 'svc-1', 'Billing API')",
                                {id})
                        .ok());
        }
        const Answer refused = call("DELETE", "/api/v1/credentials/" + id, {}, m_alice.token);
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.code(), QStringLiteral("CREDENTIAL_IN_USE"));
        QVERIFY(refused.body.value("error").toObject().value("message").toString().contains(
            "Billing API"));
        const QJsonArray usages = refused.details().value("usages").toArray();
        QCOMPARE(usages.size(), 1);
        QCOMPARE(usages.first().toObject().value("id").toString(), QStringLiteral("svc-1"));
        QCOMPARE(call("GET", "/api/v1/credentials/" + id, {}, m_alice.token).status, 200);
        {
            auto db = openDatabase();
            QVERIFY(
                db->execute("DELETE FROM credential_usages WHERE credential_id = ?1", {id}).ok());
            QCOMPARE(db->changes(), 1);
        }
        QCOMPARE(call("DELETE", "/api/v1/credentials/" + id, {}, m_alice.token).status, 200);
    }

    // The record id is the ciphertext's associated data: a ciphertext
    // copied onto another row does not decrypt there, and only that row's
    // secret use fails.
    void ciphertextMovedToAnotherRowFailsCleanly()
    {
        const QString sourceToken = secret("moved");
        const QString source = create({{"name", "source"},
                                       {"type", "http_bearer"},
                                       {"data", QJsonObject{{"token", sourceToken}}}},
                                      m_alice.token)
                                   .value("id")
                                   .toString();
        const QString target = create({{"name", "target"},
                                       {"type", "http_bearer"},
                                       {"data", QJsonObject{{"token", secret("target")}}}},
                                      m_alice.token)
                                   .value("id")
                                   .toString();
        {
            auto db = openDatabase();
            QVERIFY(db);
            QVERIFY(db->execute("UPDATE credentials SET encrypted_data = (SELECT encrypted_data "
                                "FROM credentials WHERE id = ?1) WHERE id = ?2",
                                {source, target})
                        .ok());
            QCOMPARE(db->changes(), 1);
        }
        m_peer.clear();
        const Answer broken = test(target, m_alice.token, m_peer.url());
        QCOMPARE(broken.status, 500);
        QCOMPARE(broken.code(), QStringLiteral("DECRYPTION_ERROR"));
        QVERIFY(m_peer.requests().isEmpty());
        QCOMPARE(call("PUT", "/api/v1/credentials/" + target,
                      {{"data", QJsonObject{{"token", "x"}}}}, m_alice.token)
                     .code(),
                 QStringLiteral("DECRYPTION_ERROR"));
        // Everything else still works.
        QCOMPARE(call("GET", "/api/v1/credentials/" + target, {}, m_alice.token).status, 200);
        QCOMPARE(call("GET", "/api/v1/credentials", {}, m_alice.token).status, 200);
        QCOMPARE(call("PUT", "/api/v1/credentials/" + target, {{"name", "renamed"}}, m_alice.token)
                     .status,
                 200);
        QCOMPARE(test(source, m_alice.token, m_peer.url()).data().value("success").toBool(), true);
        QCOMPARE(m_peer.requests().constLast().headers.value("authorization"),
                 "Bearer " + sourceToken.toUtf8());
        // A broken row can be deleted (and must be, or a key rotation keeps
        // its old key for it).
        QCOMPARE(call("DELETE", "/api/v1/credentials/" + target, {}, m_alice.token).status, 200);
    }

    void rotationKeepsEverySecretReadable()
    {
        const Answer before = call("GET", "/api/v1/credentials/key-status", {}, m_admin);
        QCOMPARE(before.status, 200);
        const int oldVersion = before.data().value("active_version").toInt();
        QVERIFY(oldVersion >= 1);
        QCOMPARE(call("POST", "/api/v1/credentials/rotate-key", {}, m_alice.token).status, 403);

        const QString token = secret("rotated");
        const QString id = create({{"name", "through rotation"},
                                   {"type", "http_bearer"},
                                   {"data", QJsonObject{{"token", token}}}},
                                  m_alice.token)
                               .value("id")
                               .toString();
        const Answer rotated = call("POST", "/api/v1/credentials/rotate-key", {}, m_admin);
        QCOMPARE(rotated.status, 202);
        QCOMPARE(rotated.data().value("active_version").toInt(), oldVersion + 1);
        // Reads work while it runs and after.
        m_peer.clear();
        QCOMPARE(test(id, m_alice.token, m_peer.url()).data().value("success").toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(call("GET", "/api/v1/credentials/key-status", {}, m_admin)
                                      .data()
                                      .value("rotation")
                                      .toObject()
                                      .value("state")
                                      .toString(),
                                  QStringLiteral("idle"), 30000);
        const QJsonObject status =
            call("GET", "/api/v1/credentials/key-status", {}, m_admin).data();
        QCOMPARE(status.value("rotation").toObject().value("remaining").toInt(), 0);
        QCOMPARE(status.value("rotation").toObject().value("failed").toInt(), 0);
        for (const QJsonValue key : status.value("keys").toArray()) {
            const QJsonObject k = key.toObject();
            QCOMPARE(k.value("status").toString(), k.value("version").toInt() == oldVersion + 1
                                                       ? QStringLiteral("ACTIVE")
                                                       : QStringLiteral("RETIRED"));
            if (k.value("version").toInt() != oldVersion + 1)
                QCOMPARE(k.value("credentials").toInt(), 0);
        }
        m_peer.clear();
        QCOMPARE(test(id, m_alice.token, m_peer.url()).data().value("success").toBool(), true);
        QCOMPARE(m_peer.requests().constLast().headers.value("authorization"),
                 "Bearer " + token.toUtf8());
        // The audit trail has the rotation, without secrets.
        const Answer audit =
            call("GET", "/api/v1/audit?action=CREDENTIAL_KEY_ROTATED", {}, m_admin);
        QCOMPARE(audit.status, 200);
        QVERIFY(audit.raw.contains("CREDENTIAL_KEY_ROTATED"));
    }

    // Last: everything the server said, logged and stored.
    // credential_created / _updated / _deleted carry the id only, to the
    // owner and administrators, and to everyone while the credential is
    // shared (or was, before the change).
    void changesAreAnnouncedToWhoMaySeeThem()
    {
        QWebSocket bobEvents;
        QByteArray bobText;
        connect(&bobEvents, &QWebSocket::textMessageReceived, this,
                [&bobText](const QString &text) { bobText += text.toUtf8() + '\n'; });
        QUrl url = m_http->base();
        url.setScheme("ws");
        url.setPath("/ws/events");
        url.setQuery("token=" + m_bob.token);
        bobEvents.open(url);
        QTRY_VERIFY_WITH_TIMEOUT(!bobText.isEmpty(), 10000); // system_status
        const auto eventFor = [](const QByteArray &text, const QString &type, const QString &id) {
            for (const QByteArray &line : text.split('\n')) {
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                if (o.value("type").toString() == type &&
                    o.value("data").toObject().value("credential_id").toString() == id)
                    return o;
            }
            return QJsonObject{};
        };
        const QString token = secret("announced");
        const QString privateId = create({{"name", "alice private"},
                                          {"type", "http_bearer"},
                                          {"data", QJsonObject{{"token", token}}}},
                                         m_alice.token)
                                      .value("id")
                                      .toString();
        QTRY_VERIFY_WITH_TIMEOUT(!eventFor(m_wsText, "credential_created", privateId).isEmpty(),
                                 10000);
        // Only the id: no name, no data.
        QCOMPARE(eventFor(m_wsText, "credential_created", privateId).value("data").toObject(),
                 (QJsonObject{{"credential_id", privateId}}));
        const QString sharedId = create({{"name", "alice shared"},
                                         {"type", "http_bearer"},
                                         {"visibility", "shared"},
                                         {"data", QJsonObject{{"token", secret("shared")}}}},
                                        m_alice.token)
                                     .value("id")
                                     .toString();
        QTRY_VERIFY_WITH_TIMEOUT(!eventFor(bobText, "credential_created", sharedId).isEmpty(),
                                 10000);
        // Bob heard of the shared one, not of the private one before it.
        QVERIFY(!bobText.contains(privateId.toUtf8()));
        // Shared -> private: Bob hears it (his list drops it), then nothing.
        QCOMPARE(call("PUT", "/api/v1/credentials/" + sharedId, {{"visibility", "private"}},
                      m_alice.token)
                     .status,
                 200);
        QTRY_VERIFY_WITH_TIMEOUT(!eventFor(bobText, "credential_updated", sharedId).isEmpty(),
                                 10000);
        QCOMPARE(call("DELETE", "/api/v1/credentials/" + sharedId, {}, m_alice.token).status, 200);
        QCOMPARE(call("DELETE", "/api/v1/credentials/" + privateId, {}, m_alice.token).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(!eventFor(m_wsText, "credential_deleted", privateId).isEmpty(),
                                 10000);
        QVERIFY(!eventFor(m_wsText, "credential_deleted", sharedId).isEmpty());
        QVERIFY(eventFor(bobText, "credential_deleted", sharedId).isEmpty());
        QVERIFY(!bobText.contains(token.toUtf8()));
        bobEvents.close();
    }

    void noSecretAnywhere()
    {
        QVERIFY(m_secrets.size() > 15);
        // The audit trail and the in-memory log, as the API gives them.
        for (const QString &path :
             {QStringLiteral("/api/v1/audit?size=100"), QStringLiteral("/api/v1/logs?size=100"),
              QStringLiteral("/api/v1/logs/export?format=txt")})
            QCOMPARE(call("GET", path, {}, m_admin).status, 200);
        QVERIFY(m_answers.contains("CREDENTIAL_CREATED"));
        // The event stream was open all along (system_status every 200 ms).
        QVERIFY(m_events.state() == QAbstractSocket::ConnectedState);
        QTRY_VERIFY_WITH_TIMEOUT(m_wsMessages > 5, 10000);
        m_events.close();
        m_db.reset();
        QVERIFY(stopServer());
        const QByteArray output = m_server->standardOutput() + m_server->standardError();
        QVERIFY2(output.contains("hivemind.server.http") || output.contains("debug") ||
                     output.size() > 10000,
                 "the server wrote no debug log");
        QByteArray files;
        for (const QFileInfo &file : QDir(m_dir.path()).entryInfoList(QDir::Files)) {
            QFile f(file.filePath());
            QVERIFY(f.open(QIODevice::ReadOnly));
            files += f.readAll();
        }
        QVERIFY(files.size() > 4096);
        for (const QString &value : std::as_const(m_secrets)) {
            const QByteArray bytes = value.toUtf8();
            QVERIFY2(!m_answers.contains(bytes), qPrintable("an answer holds " + value));
            QVERIFY2(!output.contains(bytes), qPrintable("the log holds " + value));
            QVERIFY2(!m_wsText.contains(bytes), qPrintable("a WebSocket message holds " + value));
            QVERIFY2(!files.contains(bytes), qPrintable("a data file holds " + value));
            QVERIFY2(!files.contains(bytes.toBase64()), qPrintable("a data file holds " + value));
        }
    }
};

QTEST_GUILESS_MAIN(TestCredentialsApi)
#include "TestCredentialsApi.moc"
