// One-time links to a WireGuard client's config (issue 36: "optional share
// link for a client's config: ≥ 128-bit random token, single use,
// expiring"; "share links single-use"). WgShareLinks called directly on a
// real SQLCipher store with the real WireGuardService (no backend: configs
// only) and a simulated clock: a link opens the client's config once, then
// never again; an expired link never; the store holds only the token's
// hash; a token that is malformed or unknown gets the same answer as a used
// one; revoking removes the unused links; only administrators make, list
// and revoke them; every step is audited without the token. The HTTP route
// (no sign-in, per-address limit) is in TestWireGuardApi.

#include "ServiceTestSupport.h"
#include "crypto/Random.h"
#include "crypto/Sodium.h"
#include "server/services/vpn/WgShareLinks.h"
#include "server/services/vpn/WireGuardService.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace hm;
using namespace hm::server;
using hm::test::principalOf;

namespace {

const auth::ClientInfo kShareFrom{QStringLiteral("198.51.100.23"), QStringLiteral("test")};
constexpr qint64 kShareStartMs = 1'800'000'000'000;

} // namespace

class TestWgShareLinks : public QObject
{
    Q_OBJECT

private:
    hm::test::ServiceStore m_store;
    std::unique_ptr<server::vpn::WireGuardService> m_wg;
    auth::Principal m_admin;
    auth::Principal m_user;
    qint64 m_now = kShareStartMs;
    qint64 m_clientId = 0;
    QString m_config;

    server::vpn::WgShareLinks &links() { return m_wg->shareLinks(); }

    qint64 countRows(const QString &sql)
    {
        auto n = m_store.db->queryInt(sql);
        return n ? n.value() : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize());
        const QString opened = m_store.open();
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
        auto admin = m_store.addUser(QStringLiteral("linkadmin"), QStringLiteral("Adm1n!Secret"),
                                     auth::Role::Admin);
        auto user = m_store.addUser(QStringLiteral("linkuser"), QStringLiteral("Us3r!Secret"),
                                    auth::Role::User);
        QVERIFY(admin && user);
        m_admin = principalOf(admin.value());
        m_user = principalOf(user.value());
        m_wg = std::make_unique<server::vpn::WireGuardService>(
            *m_store.db, *m_store.envelope, nullptr, nullptr,
            [] { return QStringLiteral("vpn.example"); });
        m_wg->setClock([this] { return m_now; });
        server::vpn::WgServerDetails server;
        server.name = QStringLiteral("Shared");
        server.interfaceName = QStringLiteral("wgs0");
        server.listenPort = 51830;
        server.ipv4Address = QStringLiteral("10.33.0.1/24");
        auto made = m_wg->createServer(m_admin, kShareFrom, server);
        QVERIFY2(made, made ? "" : qPrintable(made.error().message));
        server::vpn::WgClientDetails client;
        client.serverId = made.value().id;
        client.name = QStringLiteral("phone");
        auto created = m_wg->createClient(m_admin, kShareFrom, client);
        QVERIFY2(created, created ? "" : qPrintable(created.error().message));
        m_clientId = created.value().row.id;
        m_config = created.value().config;
        QVERIFY(m_config.contains(QStringLiteral("PrivateKey")));
    }

    void aLinkOpensOnce()
    {
        auto made = links().create(m_admin, kShareFrom, m_clientId, 600);
        QVERIFY2(made, made ? "" : qPrintable(made.error().message));
        // 256 bits in base64url.
        QCOMPARE(made.value().token.size(), 43);
        QCOMPARE(made.value().expiresAt, m_now + 600'000);
        // Only the hash is stored.
        QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM wg_share_links WHERE token_hash = '") +
                           made.value().token + QStringLiteral("'")),
                 0);
        QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM wg_share_links WHERE token_hash = '") +
                           crypto::sha256Hex(made.value().token.toLatin1()) +
                           QStringLiteral("'")),
                 1);

        auto opened = links().redeem(made.value().token, kShareFrom);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
        QCOMPARE(opened.value(), m_config);
        auto again = links().redeem(made.value().token, kShareFrom);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::ResourceNotFound);

        auto listed = links().list(m_admin, m_clientId);
        QVERIFY(listed);
        const QJsonObject first = listed.value().value("items").toArray().at(0).toObject();
        QCOMPARE(first.value("state").toString(), QStringLiteral("used"));
        QCOMPARE(first.value("used_from").toString(), kShareFrom.ip);
        QVERIFY(!QJsonDocument(listed.value()).toJson().contains(made.value().token.toLatin1()));
    }

    void anExpiredLinkNeverOpens()
    {
        auto made = links().create(m_admin, kShareFrom, m_clientId, 60);
        QVERIFY(made);
        m_now += 60'000; // exactly at expiry: gone
        auto opened = links().redeem(made.value().token, kShareFrom);
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::ResourceNotFound);
        auto listed = links().list(m_admin, m_clientId);
        QCOMPARE(listed.value().value("items").toArray().at(0).toObject().value("state"),
                 QStringLiteral("expired"));
    }

    void unknownAndMalformedTokensAnswerAlike()
    {
        const QString used = QStringLiteral("this link does not exist, was used already or has "
                                            "expired");
        for (const QString &token :
             {crypto::randomToken(32), QStringLiteral("short"), QString(),
              QStringLiteral("../../etc/passwd"), QString(43, u'\'')}) {
            auto opened = links().redeem(token, kShareFrom);
            QVERIFY(!opened);
            QCOMPARE(opened.error().code, ErrorCode::ResourceNotFound);
            QCOMPARE(opened.error().message, used);
        }
    }

    void revokingRemovesUnusedLinks()
    {
        auto a = links().create(m_admin, kShareFrom, m_clientId, 600);
        auto b = links().create(m_admin, kShareFrom, m_clientId, 600);
        QVERIFY(a && b);
        QVERIFY(a.value().token != b.value().token);
        auto revoked = links().revoke(m_admin, kShareFrom, m_clientId);
        QVERIFY(revoked);
        QCOMPARE(revoked.value(), 3); // the two and the expired one
        QVERIFY(!links().redeem(a.value().token, kShareFrom));
        QVERIFY(!links().redeem(b.value().token, kShareFrom));
        // The used one stays as a record.
        QCOMPARE(links().list(m_admin, m_clientId).value().value("items").toArray().size(), 1);
    }

    void onlyAdministratorsManageLinks()
    {
        auto made = links().create(m_user, kShareFrom, m_clientId, 600);
        QVERIFY(!made);
        QCOMPARE(made.error().code, ErrorCode::InsufficientPermissions);
        QCOMPARE(links().list(m_user, m_clientId).error().code,
                 ErrorCode::InsufficientPermissions);
        QCOMPARE(links().revoke(m_user, kShareFrom, m_clientId).error().code,
                 ErrorCode::InsufficientPermissions);
        QCOMPARE(links().create(m_admin, kShareFrom, 999999, 600).error().code,
                 ErrorCode::ResourceNotFound);
        for (const qint64 lifetime : {qint64(0), qint64(59), qint64(7 * 24 * 3600 + 1)})
            QCOMPARE(links().create(m_admin, kShareFrom, m_clientId, lifetime).error().code,
                     ErrorCode::ValidationError);
    }

    // A client deleted: its links go with it.
    void linksGoWithTheirClient()
    {
        server::vpn::WgClientDetails client;
        client.serverId = m_wg->clientRow(m_clientId).value().serverId;
        client.name = QStringLiteral("laptop");
        auto created = m_wg->createClient(m_admin, kShareFrom, client);
        QVERIFY(created);
        auto made = links().create(m_admin, kShareFrom, created.value().row.id, 600);
        QVERIFY(made);
        QVERIFY(m_wg->removeClient(m_admin, kShareFrom, created.value().row.id));
        QVERIFY(!links().redeem(made.value().token, kShareFrom));
    }

    // Every step audited; no token in the audit log.
    void auditedWithoutTokens()
    {
        auto made = links().create(m_admin, kShareFrom, m_clientId, 600);
        QVERIFY(made);
        QVERIFY(links().redeem(made.value().token, kShareFrom));
        for (const char *action : {"WIREGUARD_CLIENT_SHARE_CREATED", "WIREGUARD_CLIENT_SHARE_USED",
                                   "WIREGUARD_CLIENT_SHARE_REVOKED"})
            QVERIFY2(countRows(QStringLiteral("SELECT COUNT(*) FROM audit_logs WHERE action = '") +
                               QLatin1String(action) + QStringLiteral("'")) > 0,
                     action);
        QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM audit_logs WHERE details LIKE '%") +
                           made.value().token + QStringLiteral("%'")),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestWgShareLinks)
#include "TestWgShareLinks.moc"
