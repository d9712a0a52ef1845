// core/client's CredentialsApi (issue 13, item 6) against a real in-process
// server over loopback: every type created, read back without its secret,
// listed a page at a time with the type filter and the search, changed
// partially (a secret replaced, an optional one cleared, the others kept),
// tested against a local HTTP peer that records the header it got,
// deleted; the typed errors; the administrator's key status and rotation,
// refused to a user.

#include "../server/CredentialTestSupport.h"
#include "AdminTestSupport.h"
#include "SshTestKeys.h"
#include "client/ApiError.h"
#include "client/CredentialsApi.h"

#include <QJsonArray>
#include <QTemporaryDir>

using namespace hm;
using namespace hm::client;
using namespace admintest;

namespace {

const QString kPassword = QStringLiteral("Start#Pass2026");

#define REQUIRE_OK(result)                                                                         \
    do {                                                                                           \
        if (!(result))                                                                             \
            QFAIL(qPrintable((result).error().toString()));                                        \
    } while (0)

} // namespace

class TestCredentialsClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The server parses an ssh credential's key: a real one (no passphrase).
        QVERIFY(m_keys.isValid());
        QString failure;
        m_sshKey = hm::test::generateSshKey(m_keys.filePath("id"), QStringLiteral("ed25519"), {},
                                            {}, &failure);
        QVERIFY2(!m_sshKey.isEmpty(), qPrintable(failure));
        QVERIFY(m_server.start("TestCredentialsClient"));
    }
    void cleanupTestCase() { m_server.stop(); }
    void everyTypeRoundTripsWithoutSecrets();
    void listPagesFiltersAndSearches();
    void partialUpdateAndTest();
    void errorsAreTyped();
    void keyStatusAndRotation();

private:
    CredentialsApi api() { return CredentialsApi(*m_server.connection->client()); }
    Result<CredentialInfo> create(const QString &name, const QString &type, const QJsonObject &data)
    {
        NewCredential c{name, QStringLiteral("made by the test"), type, {}, data};
        return await<CredentialInfo>([&](auto done) { api().create(c, done); });
    }

    AdminServer m_server;
    test::RecordingPeer m_peer;
    QTemporaryDir m_keys;
    QString m_sshKey;
};

void TestCredentialsClient::everyTypeRoundTripsWithoutSecrets()
{
    struct Case
    {
        QString type;
        QJsonObject data;
        QString secretName;
        QString secret;
    };
    const QList<Case> cases = {
        {"http_basic", {{"username", "svc"}, {"password", "pw-basic-1"}}, "password", "pw-basic-1"},
        {"http_bearer", {{"token", "tok-bearer-1"}}, "token", "tok-bearer-1"},
        {"api_key",
         {{"key", "key-api-1"}, {"in", "query"}, {"name", "api_key"}},
         "key",
         "key-api-1"},
        {"oauth2",
         {{"clientId", "cid"},
          {"clientSecret", "cs-oauth-1"},
          {"tokenUrl", "https://auth.example.test/token"},
          {"scopes", QJsonArray{"read", "write"}}},
         "clientSecret",
         "cs-oauth-1"},
        {"database",
         {{"host", "db.example.test"},
          {"port", 5432},
          {"database", "app"},
          {"username", "app"},
          {"password", "pw-db-1"},
          {"driver", "postgresql"}},
         "password",
         "pw-db-1"},
        {"ssh",
         {{"host", "ssh.example.test"},
          {"port", 2222},
          {"username", "deploy"},
          {"privateKey", m_sshKey},
          {"passphrase", "pp-ssh-1"}},
         "privateKey",
         m_sshKey.section(u'\n', 1, 1)}, // a line of the key's body
    };
    for (const Case &c : cases) {
        auto created = create(QStringLiteral("round %1").arg(c.type), c.type, c.data);
        REQUIRE_OK(created);
        QCOMPARE(created->type, c.type);
        QCOMPARE(created->visibility, QStringLiteral("private"));
        QCOMPARE(created->ownerName, QStringLiteral("admin"));
        QCOMPARE(created->description, QStringLiteral("made by the test"));
        QVERIFY(created->hasSecret(c.secretName));
        QVERIFY(!created->data.contains(c.secretName));
        QVERIFY(created->createdAt.isValid());
        auto got = await<CredentialInfo>([&](auto done) { api().get(created->id, done); });
        REQUIRE_OK(got);
        QCOMPARE(got->name, created->name);
        QCOMPARE(got->data, created->data);
        QVERIFY(!QJsonDocument(got->data).toJson().contains(c.secret.toUtf8()));
    }
    // An ssh credential without passphrase: the field is listed, empty.
    auto ssh = create(QStringLiteral("no passphrase"), QStringLiteral("ssh"),
                      {{"host", "h"}, {"username", "u"}, {"privateKey", m_sshKey}});
    REQUIRE_OK(ssh);
    QVERIFY(ssh->secretFields.contains(QStringLiteral("passphrase")));
    QVERIFY(!ssh->hasSecret(QStringLiteral("passphrase")));
    QCOMPARE(ssh->data.value(QStringLiteral("port")).toInt(22), 22);
}

void TestCredentialsClient::listPagesFiltersAndSearches()
{
    for (int i = 0; i < 5; ++i)
        REQUIRE_OK(create(QStringLiteral("Paged Zebra %1").arg(i), QStringLiteral("http_bearer"),
                          {{"token", "t"}}));
    CredentialFilter filter;
    filter.search = QStringLiteral("paged zebra");
    filter.page = {1, 2};
    auto first = await<Page<CredentialInfo>>([&](auto done) { api().list(filter, done); });
    REQUIRE_OK(first);
    QCOMPARE(first->items.size(), 2);
    QCOMPARE(first->total, 5);
    QVERIFY(first->hasNext);
    // Newest first.
    QCOMPARE(first->items.first().name, QStringLiteral("Paged Zebra 4"));
    filter.page = {3, 2};
    auto last = await<Page<CredentialInfo>>([&](auto done) { api().list(filter, done); });
    REQUIRE_OK(last);
    QCOMPARE(last->items.size(), 1);
    QVERIFY(!last->hasNext);

    CredentialFilter byType;
    byType.type = QStringLiteral("ssh");
    auto ssh = await<Page<CredentialInfo>>([&](auto done) { api().list(byType, done); });
    REQUIRE_OK(ssh);
    QVERIFY(!ssh->items.isEmpty());
    for (const CredentialInfo &c : ssh->items)
        QCOMPARE(c.type, QStringLiteral("ssh"));
}

void TestCredentialsClient::partialUpdateAndTest()
{
    m_peer.clear();
    auto created = create(QStringLiteral("basic to test"), QStringLiteral("http_basic"),
                          {{"username", "svc"}, {"password", "first-pw"}});
    REQUIRE_OK(created);
    auto tested = await<CredentialTestResult>(
        [&](auto done) { api().test(created->id, m_peer.url(QStringLiteral("/probe")), done); });
    REQUIRE_OK(tested);
    QVERIFY(tested->success);
    QCOMPARE(tested->httpStatus, 200);
    QCOMPARE(m_peer.requests().size(), 1);
    QCOMPARE(m_peer.requests().first().headers.value("authorization"),
             "Basic " + QByteArray("svc:first-pw").toBase64());

    // Only the password changes; the username is kept.
    auto updated = await<CredentialInfo>([&](auto done) {
        api().update(created->id,
                     {{"name", "basic renamed"}, {"data", QJsonObject{{"password", "second-pw"}}}},
                     done);
    });
    REQUIRE_OK(updated);
    QCOMPARE(updated->name, QStringLiteral("basic renamed"));
    QCOMPARE(updated->data.value(QStringLiteral("username")).toString(), QStringLiteral("svc"));
    m_peer.clear();
    tested = await<CredentialTestResult>(
        [&](auto done) { api().test(created->id, m_peer.url(), done); });
    REQUIRE_OK(tested);
    QCOMPARE(m_peer.requests().first().headers.value("authorization"),
             "Basic " + QByteArray("svc:second-pw").toBase64());

    // A refusing peer: success false with the status.
    m_peer.setAnswer([](const test::RecordedRequest &) { return test::RecordingPeer::Reply{401}; });
    tested = await<CredentialTestResult>(
        [&](auto done) { api().test(created->id, m_peer.url(), done); });
    m_peer.setAnswer({});
    REQUIRE_OK(tested);
    QVERIFY(!tested->success);
    QCOMPARE(tested->httpStatus, 401);

    // null clears an optional secret.
    auto ssh =
        create(QStringLiteral("ssh clear"), QStringLiteral("ssh"),
               {{"host", "h"}, {"username", "u"}, {"privateKey", m_sshKey}, {"passphrase", "p"}});
    REQUIRE_OK(ssh);
    QVERIFY(ssh->hasSecret(QStringLiteral("passphrase")));
    auto cleared = await<CredentialInfo>([&](auto done) {
        api().update(ssh->id, {{"data", QJsonObject{{"passphrase", QJsonValue::Null}}}}, done);
    });
    REQUIRE_OK(cleared);
    QVERIFY(!cleared->hasSecret(QStringLiteral("passphrase")));
    QVERIFY(cleared->hasSecret(QStringLiteral("privateKey")));

    auto removed = await<void>([&](auto done) { api().remove(ssh->id, done); });
    REQUIRE_OK(removed);
    auto gone = await<CredentialInfo>([&](auto done) { api().get(ssh->id, done); });
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().code, ErrorCode::CredentialNotFound);
}

void TestCredentialsClient::errorsAreTyped()
{
    auto missing =
        create(QStringLiteral("no password"), QStringLiteral("http_basic"), {{"username", "svc"}});
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::ValidationError);
    QCOMPARE(missing.error().details.value(QStringLiteral("field")).toString(),
             QStringLiteral("data.password"));
    auto badType = create(QStringLiteral("x"), QStringLiteral("telepathy"), {});
    QVERIFY(!badType.ok());
    QCOMPARE(badType.error().code, ErrorCode::InvalidCredentialType);
    QVERIFY(credentialUsages(badType.error()).isEmpty());
    // What CREDENTIAL_IN_USE carries (docs/vault.md; nothing links
    // credentials yet, so the server cannot be made to send one here).
    const Error inUse{
        ErrorCode::CredentialInUse, QStringLiteral("used by nightly"),
        QJsonObject{{"usages", QJsonArray{QJsonObject{
                                   {"type", "flow"}, {"id", "f-1"}, {"name", "nightly"}}}}}};
    const QList<CredentialUsage> usages = credentialUsages(inUse);
    QCOMPARE(usages.size(), 1);
    QCOMPARE(usages.first().type, QStringLiteral("flow"));
    QCOMPARE(usages.first().id, QStringLiteral("f-1"));
    QCOMPARE(usages.first().name, QStringLiteral("nightly"));
}

void TestCredentialsClient::keyStatusAndRotation()
{
    auto before = await<CredentialKeyStatus>([&](auto done) { api().keyStatus(done); });
    REQUIRE_OK(before);
    QVERIFY(before->activeVersion >= 1);
    QVERIFY(!before->keys.isEmpty());
    QCOMPARE(before->rotation.state, QStringLiteral("idle"));
    auto rotated = await<CredentialKeyStatus>([&](auto done) { api().rotateKey(done); });
    REQUIRE_OK(rotated);
    QCOMPARE(rotated->activeVersion, before->activeVersion + 1);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            auto now = await<CredentialKeyStatus>([&](auto done) { api().keyStatus(done); });
            return now.ok() && now->rotation.state == QLatin1String("idle");
        }(),
        20000);
    auto after = await<CredentialKeyStatus>([&](auto done) { api().keyStatus(done); });
    REQUIRE_OK(after);
    QCOMPARE(after->rotation.remaining, 0);
    for (const CredentialKeyVersion &key : after->keys)
        QCOMPARE(key.status, key.version == after->activeVersion ? QStringLiteral("ACTIVE")
                                                                 : QStringLiteral("RETIRED"));

    // A user may not.
    m_server.createUser(QStringLiteral("carol"), QStringLiteral("user"), kPassword);
    auto carol = m_server.signIn(QStringLiteral("carol"), kPassword);
    QVERIFY(carol);
    auto refused =
        await<CredentialKeyStatus>([&](auto done) { CredentialsApi(*carol).rotateKey(done); });
    QVERIFY(!refused.ok());
    QCOMPARE(errorHttpStatus(refused.error()), 403);
}

QTEST_MAIN(TestCredentialsClient)
#include "TestCredentialsClient.moc"
