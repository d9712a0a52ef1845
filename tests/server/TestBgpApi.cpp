// BGP sessions and routes through BIRD 2 against a real server (seed 001
// "BGP管理"; docs/api.md "BGP").
//
// Without BIRD (no --bird-socket): sessions are created, read, changed,
// started, stopped and deleted; their status is "unavailable"; field
// errors, 404, viewers kept from writing; /bgp/routes is 503.
//
// With BIRD: the server is restarted with --bird-socket/--bird-config; it
// writes the configuration file at start (missing), and the test starts
// BIRD on that file in one network namespace and a peer BIRD (static
// configuration, announcing 2001:db8:ffff::/48 and 203.0.113.0/24) in a
// second one (tests/support/NetNamespace.h). A session created through the
// API reaches Established, the peer receives the active IPv6 pool's prefix,
// /bgp/routes shows the peer's route; a session BIRD refuses (a link-local
// neighbor without an interface) is 422 with BIRD's words and the first
// session stays Established. The password is never in an answer or the
// server's log. Needs root and bird: fails without, skips only if
// ALLOW_SKIP is set.

#include "AuthTestSupport.h"
#include "NetNamespace.h"
#include "vpn/bird/BirdControl.h"

#include <QFile>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

using namespace hm;
using namespace hm::test;
using hm::bird::BirdControl;

namespace {

const QString kSessions = QStringLiteral("/api/v1/bgp/sessions");
const QString kBgpRoutes = QStringLiteral("/api/v1/bgp/routes");
const char kBgpPassword[] = "s3cret-Pass";
constexpr int kBgpTimeoutMs = 60000;

QString bgpPath(qint64 id, const QString &tail = {})
{
    return kSessions + u'/' + QString::number(id) + tail;
}

qint64 bgpIdOf(const Answer &answer)
{
    return qint64(answer.data().value("id").toDouble());
}

const char kBgpPeerConfig[] = R"(router id 10.99.0.2;
timeformat protocol iso long;
timeformat route iso long;
protocol device { scan time 10; }
protocol static peer_routes6 {
  ipv6;
  route 2001:db8:ffff::/48 unreachable;
}
protocol static peer_routes4 {
  ipv4;
  route 203.0.113.0/24 unreachable;
}
protocol bgp hm_peer {
  local fd00:1::2 as 65002;
  neighbor fd00:1::1 as 65001;
  hold time 3; keepalive time 1; connect retry time 1; start delay time 1;
  error wait time 1, 2;
  password "s3cret-Pass";
  direct;
  ipv6 { import all; export where proto = "peer_routes6"; };
  ipv4 { extended next hop on; import all; export where proto = "peer_routes4"; };
}
protocol bgp hm_peer4 {
  local 10.99.0.2 as 65002;
  neighbor 10.99.0.1 as 65001;
  hold time 3; keepalive time 1; connect retry time 1; start delay time 1;
  error wait time 1, 2;
  direct;
  ipv4 { import all; export none; };
  ipv6 { import all; export none; };
}
)";

// The route to `prefix` the peer BIRD learnt from us over its protocol
// `protocol`, if any.
std::optional<hm::bird::BirdRoute> bgpPeerRoute(BirdControl &control, const QString &prefix,
                                                const QString &protocol = QStringLiteral("hm_peer"))
{
    hm::bird::BirdRouteQuery q;
    q.protocol = protocol;
    auto routes = control.showRoutes(q);
    if (!routes)
        return std::nullopt;
    for (const hm::bird::BirdRoute &r : *routes) {
        if (r.prefix == prefix && !r.asPath.isEmpty() && r.asPath.first() == 65001u)
            return r;
    }
    return std::nullopt;
}

bool bgpPeerHasRoute(BirdControl &control, const QString &prefix,
                     const QString &protocol = QStringLiteral("hm_peer"))
{
    return bgpPeerRoute(control, prefix, protocol).has_value();
}

} // namespace

class TestBgpApi : public QObject, private ServerFixture
{
    Q_OBJECT

private:
    QByteArray m_answers; // every raw answer: the password is never in one
    std::unique_ptr<NetLab> m_lab;
    std::unique_ptr<QTemporaryDir> m_birdDir;

    Answer call(const QByteArray &verb, const QString &path, const QJsonObject &body = {},
                const QString &token = {})
    {
        const QString who = token.isEmpty() ? m_admin : token;
        Answer a = verb == "GET" || verb == "DELETE"
                       ? m_http->send(verb, path, {}, Http::bearer(who))
                       : m_http->json(verb, path, body, who);
        m_answers += a.raw;
        return a;
    }
    QString sessionStatus(qint64 id)
    {
        return call("GET", bgpPath(id)).data().value("status").toString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(startServer({QStringLiteral("--wireguard-backend"), QStringLiteral("config-only")})
                     .isEmpty(),
                 "server did not start");
    }

    void sessionsWithoutBird()
    {
        const Answer created = call("POST", kSessions,
                                    {{"name", "edge1"},
                                     {"neighbor", "192.0.2.7"},
                                     {"remote_as", 65010},
                                     {"local_as", 65000},
                                     {"password", kBgpPassword},
                                     {"hold_time", 90},
                                     {"keepalive", 30},
                                     {"connect_retry", 120},
                                     {"multihop", false},
                                     {"ttl_security", false},
                                     {"enabled", true},
                                     {"description", "first"}});
        QVERIFY2(created.status == 201, created.raw.constData());
        const qint64 id = bgpIdOf(created);
        QCOMPARE(created.data().value("status").toString(), QStringLiteral("unavailable"));
        QVERIFY(created.data().value("last_error").toString().contains("--bird-socket"));
        QCOMPARE(created.data().value("unavailable_reason").toString(),
                 QStringLiteral("BIRD_NOT_CONFIGURED"));
        const QJsonObject config = created.data().value("config").toObject();
        QCOMPARE(config.value("password").toString(), QStringLiteral("***REDACTED***"));
        QCOMPARE(config.value("hold_time").toInt(), 90);
        // Seed 001's boolean, the TTL beside it.
        QVERIFY(config.value("multihop").isBool());
        QCOMPARE(config.value("multihop").toBool(), false);
        QCOMPARE(config.value("multihop_ttl").toInt(), 0);

        const Answer one = call("GET", bgpPath(id));
        QCOMPARE(one.status, 200);
        QCOMPARE(one.data().value("name").toString(), QStringLiteral("edge1"));
        QCOMPARE(one.data().value("remote_as").toDouble(), 65010.0);
        QCOMPARE(one.data().value("status").toString(), QStringLiteral("unavailable"));

        const Answer list = call("GET", kSessions + QStringLiteral("?neighbor=192.0.2.7"));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.data().value("sessions").toArray().size(), 1);
        QCOMPARE(list.data().value("pagination").toObject().value("total").toInt(), 1);
        QCOMPARE(call("GET", kSessions + QStringLiteral("?status=established"))
                     .data()
                     .value("sessions")
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(call("GET", kSessions + QStringLiteral("?search=firs"))
                     .data()
                     .value("sessions")
                     .toArray()
                     .size(),
                 1);

        // The AS at its top, multihop as a TTL; the password kept.
        const Answer changed =
            call("PUT", bgpPath(id), {{"remote_as", 4294967295.0}, {"multihop", 5}});
        QVERIFY2(changed.status == 200, changed.raw.constData());
        QCOMPARE(changed.data().value("remote_as").toDouble(), 4294967295.0);
        QCOMPARE(changed.data().value("config").toObject().value("multihop").toBool(false), true);
        QCOMPARE(changed.data().value("config").toObject().value("multihop_ttl").toInt(), 5);
        QCOMPARE(changed.data().value("config").toObject().value("password").toString(),
                 QStringLiteral("***REDACTED***"));

        // Field errors; nothing changes.
        const QList<std::pair<QJsonObject, QString>> bad{
            {{{"neighbor", "not-an-ip"}}, "neighbor"},
            {{{"neighbor", "224.0.0.1"}}, "neighbor"},
            // Without BIRD's socket nobody would tell it breaks the file.
            {{{"neighbor", "fe80::99"}}, "neighbor"},
            {{{"remote_as", 0}}, "remote_as"},
            {{{"remote_as", 4294967296.0}}, "remote_as"},
            {{{"local_as", -1}}, "local_as"},
            {{{"hold_time", 2}}, "hold_time"},
            {{{"keepalive", 90}}, "keepalive"},
            {{{"connect_retry", 0}}, "connect_retry"},
            {{{"multihop", 256}}, "multihop"},
            {{{"name", "bad-name"}}, "name"},
            {{{"name", "hm_device"}}, "name"},
            {{{"name", "protocol"}}, "name"},
            {{{"password", "with\"quote"}}, "password"},
        };
        for (const auto &[body, field] : bad) {
            const Answer refused = call("PUT", bgpPath(id), body);
            QVERIFY2(refused.status == 422, refused.raw.constData());
            QCOMPARE(refused.details().value("field").toString(), field);
        }
        QCOMPARE(call("GET", bgpPath(id)).data().value("remote_as").toDouble(), 4294967295.0);
        const Answer missing = call("POST", kSessions, {{"name", "nope"}, {"remote_as", 1}});
        QCOMPARE(missing.status, 422);
        const Answer duplicate = call("POST", kSessions,
                                      {{"name", "edge1"},
                                       {"neighbor", "192.0.2.8"},
                                       {"remote_as", 65010},
                                       {"local_as", 65000}});
        QCOMPARE(duplicate.status, 409);

        // Unknown ids.
        QCOMPARE(call("GET", bgpPath(9999)).status, 404);
        QCOMPARE(call("PUT", bgpPath(9999), {{"remote_as", 1}}).status, 404);
        QCOMPARE(call("DELETE", bgpPath(9999)).status, 404);
        QCOMPARE(call("POST", bgpPath(9999, "/start")).status, 404);

        // Stop and start: the stored flag.
        const Answer stopped = call("POST", bgpPath(id, "/stop"));
        QVERIFY2(stopped.status == 200, stopped.raw.constData());
        QCOMPARE(call("GET", bgpPath(id)).data().value("enabled").toBool(), false);
        QCOMPARE(call("POST", bgpPath(id, "/start")).status, 200);
        QCOMPARE(call("GET", bgpPath(id)).data().value("enabled").toBool(), true);

        // No BIRD, no routes.
        QCOMPARE(call("GET", kBgpRoutes).status, 503);

        // Viewers read, never write.
        const ApiUser viewer =
            createApiUser(*m_http, m_admin, "bgpviewer", "Vi3wer!Secret", "viewer");
        QVERIFY(!viewer.token.isEmpty());
        QCOMPARE(call("GET", kSessions, {}, viewer.token).status, 200);
        QCOMPARE(call("GET", bgpPath(id), {}, viewer.token).status, 200);
        QCOMPARE(call("POST", kSessions,
                      {{"name", "v"}, {"neighbor", "192.0.2.9"}, {"remote_as", 1}, {"local_as", 2}},
                      viewer.token)
                     .status,
                 403);
        QCOMPARE(call("PUT", bgpPath(id), {{"remote_as", 1}}, viewer.token).status, 403);
        QCOMPARE(call("POST", bgpPath(id, "/stop"), {}, viewer.token).status, 403);
        QCOMPARE(call("DELETE", bgpPath(id), {}, viewer.token).status, 403);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/bgp/announcements"),
                      {{"prefix", "192.0.2.0/24"}}, viewer.token)
                     .status,
                 403);

        // Audited, without the password.
        const Answer audit = call("GET", QStringLiteral("/api/v1/audit?size=100"));
        for (const char *action : {"BGP_SESSION_CREATED", "BGP_SESSION_UPDATED",
                                   "BGP_SESSION_STARTED", "BGP_SESSION_STOPPED"})
            QVERIFY2(audit.raw.contains(action), action);

        const Answer deleted = call("DELETE", bgpPath(id));
        QCOMPARE(deleted.status, 200);
        QCOMPARE(call("GET", bgpPath(id)).status, 404);
        QVERIFY(call("GET", QStringLiteral("/api/v1/audit?size=100"))
                    .raw.contains("BGP_SESSION_DELETED"));
        QVERIFY(!m_answers.contains(kBgpPassword));
        QVERIFY(!m_server->standardError().contains(kBgpPassword));
    }

    void sessionsThroughBird()
    {
        const QString bird = QStandardPaths::findExecutable(
            QStringLiteral("bird"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"),
                                     QStringLiteral("/sbin")});
        const bool allowSkip = qEnvironmentVariableIsSet("ALLOW_SKIP");
        if (bird.isEmpty()) {
            if (allowSkip)
                QSKIP("bird (BIRD 2) is not installed");
            QFAIL("bird (BIRD 2) is not installed: installer/setup-deps.sh installs bird2");
        }
        m_lab = std::make_unique<NetLab>();
        QString why;
        if (!m_lab->setUp(&why)) {
            const QByteArray text =
                "cannot build the network namespaces (root needed): " + why.toUtf8();
            if (allowSkip)
                QSKIP(text.constData());
            QFAIL(text.constData());
        }
        m_birdDir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/hm-bgp-XXXXXX"));
        QVERIFY(m_birdDir->isValid());
        const QString conf = m_birdDir->filePath(QStringLiteral("bird.conf"));
        const QString sock = m_birdDir->filePath(QStringLiteral("bird.ctl"));
        const QString peerConf = m_birdDir->filePath(QStringLiteral("peer.conf"));
        const QString peerSock = m_birdDir->filePath(QStringLiteral("peer.ctl"));
        {
            QFile f(peerConf);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(kBgpPeerConfig);
        }

        // The server writes BIRD's configuration at start (the file is missing).
        QVERIFY(stopServer());
        QVERIFY2(
            restartServer({QStringLiteral("--wireguard-backend"), QStringLiteral("config-only"),
                           QStringLiteral("--bird-socket"), sock, QStringLiteral("--bird-config"),
                           conf, QStringLiteral("--bgp-router-id"), NetLab::ipv4A()})
                .isEmpty(),
            "server did not restart");
        QVERIFY(QFile::exists(conf));
        QProcess *ours = m_lab->start(
            m_lab->nsA(), bird,
            {QStringLiteral("-f"), QStringLiteral("-c"), conf, QStringLiteral("-s"), sock});
        QProcess *peer = m_lab->start(
            m_lab->nsB(), bird,
            {QStringLiteral("-f"), QStringLiteral("-c"), peerConf, QStringLiteral("-s"), peerSock});
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(sock) || ours->state() == QProcess::NotRunning,
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(peerSock) || peer->state() == QProcess::NotRunning,
                                 10000);
        QVERIFY2(ours->state() == QProcess::Running, ours->readAll().constData());
        QVERIFY2(peer->state() == QProcess::Running, peer->readAll().constData());

        // An active IPv6 pool: its prefix is announced on every session.
        const Answer pool =
            call("POST", QStringLiteral("/api/v1/ipv6/pools"),
                 {{"name", "bgp-pool"}, {"prefix", "2001:db8:aa00::/40"}, {"prefix_length", 64}});
        QVERIFY2(pool.status == 201, pool.raw.constData());

        const Answer created = call("POST", kSessions,
                                    {{"name", "peer_b"},
                                     {"neighbor", NetLab::ipv6B()},
                                     {"remote_as", 65002},
                                     {"local_as", 65001},
                                     {"password", kBgpPassword},
                                     {"hold_time", 3},
                                     {"keepalive", 1},
                                     {"connect_retry", 1}});
        QVERIFY2(created.status == 201, created.raw.constData());
        // Just created, BIRD has it in hand: said as a code too.
        QCOMPARE(created.data().value("unavailable_reason").toString(), QStringLiteral("STARTING"));
        const qint64 id = bgpIdOf(created);
        QTRY_COMPARE_WITH_TIMEOUT(sessionStatus(id), QStringLiteral("established"), kBgpTimeoutMs);
        QVERIFY(!call("GET", bgpPath(id)).data().contains(QStringLiteral("unavailable_reason")));
        const Answer listed = call("GET", kSessions + QStringLiteral("?status=established"));
        QCOMPARE(listed.data().value("sessions").toArray().size(), 1);

        BirdControl peerControl(peerSock, std::chrono::seconds(5));
        QTRY_VERIFY_WITH_TIMEOUT(bgpPeerHasRoute(peerControl, QStringLiteral("2001:db8:aa00::/40")),
                                 kBgpTimeoutMs);

        // A pool created later is announced too (the pools' change re-applies).
        const Answer later =
            call("POST", QStringLiteral("/api/v1/ipv6/pools"),
                 {{"name", "bgp-pool2"}, {"prefix", "2001:db8:bb00::/40"}, {"prefix_length", 64}});
        QVERIFY2(later.status == 201, later.raw.constData());
        QTRY_VERIFY_WITH_TIMEOUT(bgpPeerHasRoute(peerControl, QStringLiteral("2001:db8:bb00::/40")),
                                 kBgpTimeoutMs);

        // Chosen prefixes announced besides the pools': IPv4 (with extended
        // next hop on this IPv6 session) and IPv6; withdrawn on delete.
        const QString announcements = QStringLiteral("/api/v1/bgp/announcements");
        const Answer v4 = call("POST", announcements,
                               {{"prefix", "198.51.100.0/24"}, {"description", "office"}});
        QVERIFY2(v4.status == 201, v4.raw.constData());
        QCOMPARE(v4.data().value("family").toString(), QStringLiteral("ipv4"));
        const Answer v6 = call("POST", announcements, {{"prefix", "2001:db8:cc00::/40"}});
        QVERIFY2(v6.status == 201, v6.raw.constData());
        QTRY_VERIFY_WITH_TIMEOUT(bgpPeerHasRoute(peerControl, QStringLiteral("198.51.100.0/24")),
                                 kBgpTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(bgpPeerHasRoute(peerControl, QStringLiteral("2001:db8:cc00::/40")),
                                 kBgpTimeoutMs);
        QCOMPARE(call("POST", announcements, {{"prefix", "198.51.100.0/24"}}).status, 409);
        QCOMPARE(call("POST", announcements, {{"prefix", "2001:db8:aa00::/40"}}).status, 409);
        const Answer hostBits = call("POST", announcements, {{"prefix", "198.51.100.7/24"}});
        QCOMPARE(hostBits.status, 422);
        QCOMPARE(hostBits.details().value("field").toString(), QStringLiteral("prefix"));
        QCOMPARE(call("POST", announcements, {{"prefix", "not a prefix"}}).status, 422);
        // A default route or a special-use range would be black-holed at
        // the peers (HiveMind originates with an unreachable route).
        for (const char *special : {"0.0.0.0/0", "::/0", "127.0.0.0/8", "224.0.0.0/4"}) {
            const Answer refused = call("POST", announcements, {{"prefix", special}});
            QVERIFY2(refused.status == 422, refused.raw.constData());
            QCOMPARE(refused.details().value("field").toString(), QStringLiteral("prefix"));
        }
        QCOMPARE(call("GET", announcements).data().value("announcements").toArray().size(), 2);
        QCOMPARE(call("DELETE", announcements + QStringLiteral("/%1").arg(
                                                    v4.data().value("id").toInteger()))
                     .status,
                 200);
        QTRY_VERIFY_WITH_TIMEOUT(!bgpPeerHasRoute(peerControl, QStringLiteral("198.51.100.0/24")),
                                 kBgpTimeoutMs);
        QVERIFY(bgpPeerHasRoute(peerControl, QStringLiteral("2001:db8:cc00::/40")));
        QCOMPARE(sessionStatus(id), QStringLiteral("established"));

        // The peer's route, as the API shows it.
        QTRY_VERIFY_WITH_TIMEOUT(call("GET", kBgpRoutes + QStringLiteral("?session_id=%1").arg(id))
                                     .raw.contains("2001:db8:ffff::/48"),
                                 kBgpTimeoutMs);
        const Answer routes =
            call("GET", kBgpRoutes + QStringLiteral("?session_id=%1&size=100").arg(id));
        QCOMPARE(routes.status, 200);
        bool found = false;
        for (const QJsonValue &v : routes.data().value("routes").toArray()) {
            const QJsonObject r = v.toObject();
            QCOMPARE(r.value("protocol").toString(), QStringLiteral("peer_b"));
            if (r.value("prefix").toString() == QLatin1String("2001:db8:ffff::/48")) {
                found = true;
                QCOMPARE(r.value("as_path").toString(), QStringLiteral("65002"));
                QCOMPARE(r.value("origin").toString(), QStringLiteral("igp"));
                QCOMPARE(r.value("session_id").toDouble(), double(id));
                // One address (the global next hop, not BIRD's pair with
                // the link-local one), and when it was learnt.
                QVERIFY2(!r.value("next_hop").toString().contains(u' '),
                         qPrintable(r.value("next_hop").toString()));
                QVERIFY(!r.value("since").toString().isEmpty());
            }
        }
        QVERIFY(found);
        const Answer byPrefix =
            call("GET", kBgpRoutes + QStringLiteral("?prefix=2001:db8:ffff::/48"));
        QCOMPARE(byPrefix.status, 200);
        QVERIFY(byPrefix.raw.contains("2001:db8:ffff::/48"));

        // A configuration BIRD refuses: 422 with BIRD's words, nothing stored,
        // the running session untouched.
        const QByteArray before = QFile(conf).exists() ? [&] {
            QFile f(conf);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }()
                                                        : QByteArray();
        const Answer refused = call("POST", kSessions,
                                    {{"name", "link_local"},
                                     {"neighbor", "fe80::99"},
                                     {"remote_as", 65003},
                                     {"local_as", 65001}});
        QVERIFY2(refused.status == 422, refused.raw.constData());
        QVERIFY2(refused.raw.contains("BIRD"), refused.raw.constData());
        QVERIFY2(refused.raw.toLower().contains("link-local"), refused.raw.constData());
        QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(
            call("GET", kSessions).data().value("pagination").toObject().value("total").toInt(), 1);
        {
            QFile f(conf);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), before);
        }
        QCOMPARE(sessionStatus(id), QStringLiteral("established"));

        // Stop and start through birdc.
        QCOMPARE(call("POST", bgpPath(id, "/stop")).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(sessionStatus(id) != QLatin1String("established"), kBgpTimeoutMs);
        QCOMPARE(call("POST", bgpPath(id, "/start")).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(sessionStatus(id), QStringLiteral("established"), kBgpTimeoutMs);

        // The session's channels and BIRD's route change counters.
        {
            const QJsonObject shown = call("GET", bgpPath(id)).data();
            const QJsonArray channels = shown.value("channels").toArray();
            QCOMPARE(channels.size(), 2);
            QTRY_VERIFY_WITH_TIMEOUT(call("GET", bgpPath(id))
                                             .data()
                                             .value("statistics")
                                             .toObject()
                                             .value("updates_sent")
                                             .toDouble() >= 2,
                                     kBgpTimeoutMs);
            QVERIFY(shown.value("warnings").toArray().isEmpty());
        }

        // IPv6 over an IPv4 session: the pools reach a peer we meet over
        // IPv4 too, with the interface's IPv6 address as the next hop ...
        const Answer v4Session = call("POST", kSessions,
                                      {{"name", "peer_b4"},
                                       {"neighbor", NetLab::ipv4B()},
                                       {"remote_as", 65002},
                                       {"local_as", 65001},
                                       {"hold_time", 3},
                                       {"keepalive", 1},
                                       {"connect_retry", 1}});
        QVERIFY2(v4Session.status == 201, v4Session.raw.constData());
        const qint64 v4Id = bgpIdOf(v4Session);
        QTRY_COMPARE_WITH_TIMEOUT(sessionStatus(v4Id), QStringLiteral("established"),
                                  kBgpTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(bgpPeerHasRoute(peerControl, QStringLiteral("2001:db8:aa00::/40"),
                                                 QStringLiteral("hm_peer4")),
                                 kBgpTimeoutMs);
        QCOMPARE(bgpPeerRoute(peerControl, QStringLiteral("2001:db8:aa00::/40"),
                              QStringLiteral("hm_peer4"))
                     ->bgpNextHop.section(u' ', 0, 0),
                 NetLab::ipv6A());
        // ... or the one chosen, which the session announces from a new start.
        const Answer chosen =
            call("PUT", bgpPath(v4Id), {{"ipv6_next_hop", "fd00:1::77"}});
        QVERIFY2(chosen.status == 200, chosen.raw.constData());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto r = bgpPeerRoute(peerControl, QStringLiteral("2001:db8:aa00::/40"),
                                            QStringLiteral("hm_peer4"));
                return r && r->bgpNextHop.section(u' ', 0, 0) == QLatin1String("fd00:1::77");
            }(),
            kBgpTimeoutMs);
        QCOMPARE(call("GET", bgpPath(v4Id)).data().value("config").toObject().value(
                     "ipv6_next_hop"),
                 QJsonValue(QStringLiteral("fd00:1::77")));
        {
            QFile f(conf);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(f.readAll().contains("next hop address fd00:1::77;"));
        }
        for (const char *bad : {"10.0.0.1", "ff02::1", "fe80::1%eth0", "nonsense"}) {
            const Answer refusedHop = call("PUT", bgpPath(v4Id), {{"ipv6_next_hop", bad}});
            QVERIFY2(refusedHop.status == 422, refusedHop.raw.constData());
            QCOMPARE(refusedHop.details().value("field").toString(),
                     QStringLiteral("ipv6_next_hop"));
        }
        QCOMPARE(call("DELETE", bgpPath(v4Id)).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(!bgpPeerHasRoute(peerControl, QStringLiteral("2001:db8:aa00::/40"),
                                                  QStringLiteral("hm_peer4")),
                                 kBgpTimeoutMs);

        // A configuration file that is not what is stored (a server that
        // died between applying and storing a change) is replaced at start.
        QVERIFY(stopServer());
        {
            QFile f(conf);
            QVERIFY(f.open(QIODevice::Append));
            f.write("# not stored\n");
        }
        QVERIFY2(
            restartServer({QStringLiteral("--wireguard-backend"), QStringLiteral("config-only"),
                           QStringLiteral("--bird-socket"), sock, QStringLiteral("--bird-config"),
                           conf, QStringLiteral("--bgp-router-id"), NetLab::ipv4A()})
                .isEmpty(),
            "server did not restart");
        {
            QFile f(conf);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(!f.readAll().contains("# not stored"));
        }
        QTRY_COMPARE_WITH_TIMEOUT(sessionStatus(id), QStringLiteral("established"), kBgpTimeoutMs);

        // Viewers read.
        const ApiUser viewer =
            createApiUser(*m_http, m_admin, "bgpviewer2", "Vi3wer!Secret", "viewer");
        QCOMPARE(call("GET", kBgpRoutes, {}, viewer.token).status, 200);
        QCOMPARE(call("DELETE", bgpPath(id), {}, viewer.token).status, 403);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/bgp/announcements"),
                      {{"prefix", "192.0.2.0/24"}}, viewer.token)
                     .status,
                 403);

        QVERIFY(!m_answers.contains(kBgpPassword));
        QVERIFY(!m_server->standardError().contains(kBgpPassword));
    }

    void cleanupTestCase()
    {
        if (m_lab)
            m_lab->tearDown();
        m_lab.reset();
        m_birdDir.reset();
    }
};

QTEST_GUILESS_MAIN(TestBgpApi)
#include "TestBgpApi.moc"
