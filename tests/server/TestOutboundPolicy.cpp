// The requests the server makes for users (schema fetches, credential
// tests) go to public addresses only unless an administrator allows
// private networks (issue 34, item 3; design/architecture.md "Security
// model"). The address classification is checked against a table of the
// IANA special-purpose ranges; the policy through the real
// hivemind-server: with the setting off (the default), loopback peers are
// refused by address and by name before anything is sent, and the refusal
// names the setting; an administrator's change applies at once.

#include "AuthTestSupport.h"
#include "RecordingHttpPeer.h"
#include "server/services/outbound/OutboundPolicy.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QTest>

using namespace hm;
using namespace hm::test;

class TestOutboundPolicy : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    RecordingPeer m_peer;

    Answer setPrivateNetworks(bool allowed, const QString &token)
    {
        return m_http->json("PUT", QStringLiteral("/api/v1/system/config"),
                            {{"security", QJsonObject{{"allow_private_networks", allowed}}}},
                            token);
    }
    static void verifyRefused(const Answer &answer, const QString &field, const QString &host)
    {
        QCOMPARE(answer.status, 422);
        QCOMPARE(answer.code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(answer.details().value("reason").toString(), QStringLiteral("PRIVATE_ADDRESS"));
        QCOMPARE(answer.details().value("field").toString(), field);
        QCOMPARE(answer.details().value("host").toString(), host);
        const QString message = answer.body.value("error").toObject().value("message").toString();
        QVERIFY2(message.contains(QLatin1String("allow_private_networks")), qPrintable(message));
    }

private slots:
    void addressesAreClassified_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("isPublic");
        const QList<QPair<const char *, bool>> rows{
            {"8.8.8.8", true},
            {"1.1.1.1", true},
            {"172.32.0.1", true},
            {"100.128.0.1", true},
            {"192.169.0.1", true},
            {"11.0.0.1", true},
            {"0.0.0.0", false},
            {"0.1.2.3", false},
            {"10.1.2.3", false},
            {"100.64.0.1", false},
            {"100.127.255.255", false},
            {"127.0.0.1", false},
            {"127.255.0.9", false},
            {"169.254.169.254", false},
            {"172.16.0.1", false},
            {"172.31.255.254", false},
            {"192.0.0.8", false},
            {"192.0.2.1", false},
            {"192.168.1.1", false},
            {"198.18.0.1", false},
            {"198.51.100.7", false},
            {"203.0.113.9", false},
            {"224.0.0.1", false},
            {"239.255.255.250", false},
            {"240.0.0.1", false},
            {"255.255.255.255", false},
            {"2001:4860:4860::8888", true},
            {"2606:4700:4700::1111", true},
            {"64:ff9b::808:808", true}, // NAT64 of 8.8.8.8
            {"::ffff:8.8.8.8", true},
            {"::", false},
            {"::1", false},
            {"::ffff:127.0.0.1", false},
            {"::ffff:10.0.0.1", false},
            {"64:ff9b::a00:1", false}, // NAT64 of 10.0.0.1
            {"fc00::1", false},
            {"fd12:3456::1", false},
            {"fe80::1", false},
            {"fec0::1", false},
            {"ff02::1", false},
            {"2001:db8::1", false},
            {"100::1", false},
        };
        for (const auto &[address, isPublic] : rows)
            QTest::newRow(address) << QString::fromLatin1(address) << isPublic;
    }
    void addressesAreClassified()
    {
        QFETCH(QString, address);
        QFETCH(bool, isPublic);
        const QHostAddress parsed(address);
        QVERIFY(!parsed.isNull());
        QCOMPARE(server::outbound::isPublicAddress(parsed), isPublic);
        // Qt's own view agrees where it has one: loopback, link-local,
        // multicast and unique-local addresses are never public.
        if (parsed.isLoopback() || parsed.isLinkLocal() || parsed.isMulticast() ||
            parsed.isUniqueLocalUnicast())
            QVERIFY(!isPublic);
    }

    void initTestCase()
    {
        const QString failure = startServer();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        // startServer allows private networks for the other suites; this
        // one starts from the product's default.
        QCOMPARE(setPrivateNetworks(false, m_admin).status, 200);
        QCOMPARE(m_http->get("/api/v1/system/config", m_admin)
                     .data()
                     .value("security")
                     .toObject()
                     .value("allow_private_networks")
                     .toBool(true),
                 false);
        m_peer.setAnswer([](const RecordedRequest &) { return RecordingPeer::Reply{404, "{}"}; });
    }

    void schemaFetchesToPrivateAddressesAreRefused()
    {
        // By address: the base URL's host (every usual path is under it).
        const Answer byAddress = m_http->json("POST", QStringLiteral("/api/v1/services/preview"),
                                              {{"base_url", m_peer.url("")}}, m_admin);
        verifyRefused(byAddress, QStringLiteral("base_url"), QStringLiteral("127.0.0.1"));
        // By name: "localhost" resolves to loopback.
        const Answer byName =
            m_http->json("POST", QStringLiteral("/api/v1/services/preview"),
                         {{"base_url", QStringLiteral("http://localhost:%1").arg(m_peer.port())},
                          {"schema_url", "/openapi.json"}},
                         m_admin);
        verifyRefused(byName, QStringLiteral("schema_url"), QStringLiteral("localhost"));
        // Registering reads the document the same way.
        const Answer registered =
            m_http->json("POST", QStringLiteral("/api/v1/services"),
                         {{"name", "inside"}, {"base_url", m_peer.url("")}}, m_admin);
        verifyRefused(registered, QStringLiteral("base_url"), QStringLiteral("127.0.0.1"));
        // Nothing reached the peer, and nothing was stored.
        QCOMPARE(m_peer.requests().size(), 0);
        QCOMPARE(m_http->get("/api/v1/services", m_admin)
                     .data()
                     .value("pagination")
                     .toObject()
                     .value("total")
                     .toInt(),
                 0);
    }

    void credentialTestsToPrivateAddressesAreRefused()
    {
        const Answer created =
            m_http->json("POST", QStringLiteral("/api/v1/credentials"),
                         {{"name", "inside"},
                          {"type", "http_basic"},
                          {"data", QJsonObject{{"username", "svc"}, {"password", "Not-Sent-1"}}}},
                         m_admin);
        QCOMPARE(created.status, 201);
        const QString path = QStringLiteral("/api/v1/credentials/%1/test")
                                 .arg(created.data().value("id").toString());
        const Answer refused = m_http->json("POST", path, {{"url", m_peer.url("/check")}}, m_admin);
        verifyRefused(refused, QStringLiteral("url"), QStringLiteral("127.0.0.1"));
        QCOMPARE(m_peer.requests().size(), 0); // the secret went nowhere

        const Answer database = m_http->json("POST", QStringLiteral("/api/v1/credentials"),
                                             {{"name", "inside-db"},
                                              {"type", "database"},
                                              {"data", QJsonObject{{"host", "127.0.0.1"},
                                                                   {"port", 5432},
                                                                   {"database", "x"},
                                                                   {"username", "u"},
                                                                   {"password", "Not-Sent-2"},
                                                                   {"driver", "postgresql"}}}},
                                             m_admin);
        QCOMPARE(database.status, 201);
        const Answer dbRefused = m_http->json("POST",
                                              QStringLiteral("/api/v1/credentials/%1/test")
                                                  .arg(database.data().value("id").toString()),
                                              QJsonObject{}, m_admin);
        verifyRefused(dbRefused, QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    }

    // Only an administrator may open private networks; once open, the
    // same requests go out at once.
    void anAdministratorMayAllowPrivateNetworks()
    {
        const ApiUser user = createApiUser(*m_http, m_admin, "outsider", "Outsider-Pass1", "user");
        QVERIFY(!user.token.isEmpty());
        const Answer refused = setPrivateNetworks(true, user.token);
        QCOMPARE(refused.status, 403);
        QCOMPARE(m_http
                     ->json("POST", QStringLiteral("/api/v1/services/preview"),
                            {{"base_url", m_peer.url("")}}, user.token)
                     .details()
                     .value("reason")
                     .toString(),
                 QStringLiteral("PRIVATE_ADDRESS"));

        QCOMPARE(setPrivateNetworks(true, m_admin).status, 200);
        const Answer fetched = m_http->json("POST", QStringLiteral("/api/v1/services/preview"),
                                            {{"base_url", m_peer.url("")}}, user.token);
        // The peer has no document: the usual paths were all asked.
        QCOMPARE(fetched.code(), QStringLiteral("SCHEMA_PARSE_ERROR"));
        QCOMPARE(fetched.details().value("reason").toString(), QStringLiteral("NO_DOCUMENT"));
        QVERIFY(m_peer.requests().size() > 1);
        // A wrong type for the setting is refused and changes nothing.
        const Answer wrong =
            m_http->json("PUT", QStringLiteral("/api/v1/system/config"),
                         {{"security", QJsonObject{{"allow_private_networks", "yes"}}}}, m_admin);
        QCOMPARE(wrong.status, 422);
        QCOMPARE(wrong.details().value("field").toString(),
                 QStringLiteral("security.allow_private_networks"));
        QCOMPARE(m_http->get("/api/v1/system/config", m_admin)
                     .data()
                     .value("security")
                     .toObject()
                     .value("allow_private_networks")
                     .toBool(),
                 true);
    }
};

QTEST_GUILESS_MAIN(TestOutboundPolicy)
#include "TestOutboundPolicy.moc"
