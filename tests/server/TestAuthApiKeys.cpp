// API keys and the role matrix against the real hivemind-server process.

#include "AuthTestSupport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::test;

namespace {
const QString kPassword = QStringLiteral("Us3r!Passw0rd");
}

class TestAuthApiKeys : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<Http> m_http;
    QString m_admin;
    QMap<QString, QString> m_tokens; // role -> access token
    QMap<QString, QString> m_ids;    // role -> user id

    QJsonObject createKey(const QJsonObject &body, const QString &token)
    {
        const Answer created = m_http->json("POST", "/api/v1/auth/api-keys", body, token);
        return created.status == 201 ? created.data() : QJsonObject{};
    }
    int getWithKey(const QString &path, const QString &key, bool header = true)
    {
        return m_http
            ->send("GET", path, {},
                   header ? QList<QPair<QByteArray, QByteArray>>{{"X-API-Key", key.toLatin1()}}
                          : Http::bearer(key))
            .status;
    }

private slots:
    void initTestCase()
    {
        const QString failure = startWithAdmin(m_dir, m_server, m_http, m_admin);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        // "target" is the user the admin routes of the role matrix act on.
        for (const QString &role : {QStringLiteral("user"), QStringLiteral("viewer"),
                                    QStringLiteral("admin"), QStringLiteral("target")}) {
            const QString name = role + QStringLiteral("1");
            const Answer created =
                m_http->json("POST", "/api/v1/users",
                             {{"username", name},
                              {"email", name + "@example.com"},
                              {"password", kPassword},
                              {"role", role == "target" ? QStringLiteral("user") : role}},
                             m_admin);
            QCOMPARE(created.status, 201);
            m_ids[role] = created.data().value("id").toString();
            m_tokens[role] = m_http->accessToken(name, kPassword);
            QVERIFY(!m_tokens[role].isEmpty());
        }
    }

    void keyShownOnceAndAcceptedBothWays()
    {
        const QJsonObject key =
            createKey({{"name", "monitor"}, {"access_level", "read"}, {"description", "for tests"}},
                      m_tokens["user"]);
        const QString secret = key.value("api_key").toString();
        QVERIFY(secret.startsWith("hm_"));
        QCOMPARE(secret.split('_').first(), QStringLiteral("hm"));
        QCOMPARE(getWithKey("/api/v1/users/me", secret), 200);
        QCOMPARE(getWithKey("/api/v1/users/me", secret, false), 200);
        const Answer list = m_http->get("/api/v1/auth/api-keys", m_tokens["user"]);
        QCOMPARE(list.status, 200);
        const QByteArray text = QJsonDocument(list.body).toJson();
        QVERIFY(!text.contains(secret.toLatin1()));
        QVERIFY(!text.contains("api_key"));
        const QJsonObject listed = list.body.value("data").toArray().first().toObject();
        QVERIFY(!listed.value("last_used").isNull());

        // Tamper with the last character; always to a different one (a key
        // ending in 'A' made a fixed "A" a no-op once in 64 runs).
        const QChar last = secret.back();
        const QString tampered = secret.left(secret.size() - 1) + (last == u'A' ? u'B' : u'A');
        QVERIFY(tampered != secret);
        QCOMPARE(getWithKey("/api/v1/users/me", tampered), 401);
        QCOMPARE(m_http
                     ->send("DELETE", "/api/v1/auth/api-keys/" + key.value("id").toString(), {},
                            Http::bearer(m_tokens["user"]))
                     .status,
                 200);
        QCOMPARE(getWithKey("/api/v1/users/me", secret), 401);
    }

    void restrictions()
    {
        const QString user = m_tokens["user"];
        const QString loopback =
            createKey({{"name", "lo"}, {"allowed_ips", QJsonArray{"127.0.0.0/8", "::1/128"}}}, user)
                .value("api_key")
                .toString();
        const QString tenOnly =
            createKey({{"name", "ten"}, {"allowed_ips", QJsonArray{"10.0.0.0/8"}}}, user)
                .value("api_key")
                .toString();
        QCOMPARE(getWithKey("/api/v1/users/me", loopback), 200);
        QCOMPARE(getWithKey("/api/v1/users/me", tenOnly), 403);

        const QString usersOnly =
            createKey({{"name", "glob"}, {"allowed_endpoints", QJsonArray{"/api/v1/users/*"}}},
                      user)
                .value("api_key")
                .toString();
        QCOMPARE(getWithKey("/api/v1/users/me", usersOnly), 200);
        QCOMPARE(getWithKey("/api/v1/auth/api-keys", usersOnly), 403);

        const QString readOnly =
            createKey({{"name", "ro"}, {"access_level", "read"}}, user).value("api_key").toString();
        const Answer write = m_http->send("POST", "/api/v1/auth/api-keys", "{\"name\":\"x\"}",
                                          {{"X-API-Key", readOnly.toLatin1()}});
        QCOMPARE(write.status, 403);
        const QString writer = createKey({{"name", "rw"}, {"access_level", "write"}}, user)
                                   .value("api_key")
                                   .toString();
        QCOMPARE(m_http
                     ->send("POST", "/api/v1/auth/api-keys", "{\"name\":\"x\"}",
                            {{"X-API-Key", writer.toLatin1()}})
                     .status,
                 201);
        // A user cannot mint an admin key; an admin key of an admin is admin.
        QCOMPARE(m_http
                     ->json("POST", "/api/v1/auth/api-keys",
                            {{"name", "a"}, {"access_level", "admin"}}, user)
                     .status,
                 403);
        const QString adminKey = createKey({{"name", "adm"}, {"access_level", "admin"}}, m_admin)
                                     .value("api_key")
                                     .toString();
        QCOMPARE(getWithKey("/api/v1/users", adminKey), 200);
        const QString adminRead = createKey({{"name", "admr"}, {"access_level", "read"}}, m_admin)
                                      .value("api_key")
                                      .toString();
        QCOMPARE(getWithKey("/api/v1/users", adminRead), 403);

        const QString limited =
            createKey({{"name", "rl"}, {"rate_limit", QJsonObject{{"requests_per_minute", 3}}}},
                      user)
                .value("api_key")
                .toString();
        // Its own limit is the stricter: its headers count it down.
        for (int i = 0; i < 3; ++i) {
            const Answer ok =
                m_http->send("GET", "/api/v1/users/me", {}, {{"X-API-Key", limited.toLatin1()}});
            QCOMPARE(ok.status, 200);
            QCOMPARE(ok.headers.value("x-ratelimit-limit"), QByteArray("3"));
            QCOMPARE(ok.headers.value("x-ratelimit-remaining"), QByteArray::number(2 - i));
        }
        const Answer refused =
            m_http->send("GET", "/api/v1/users/me", {}, {{"X-API-Key", limited.toLatin1()}});
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.code(), QStringLiteral("RATE_LIMIT_EXCEEDED"));
        QVERIFY(refused.headers.contains("retry-after"));

        QCOMPARE(m_http
                     ->json("POST", "/api/v1/auth/api-keys",
                            {{"name", "bad"}, {"allowed_ips", QJsonArray{"nonsense"}}}, user)
                     .status,
                 422);
        // An empty entry is no address: refused, never read as "anywhere".
        const Answer emptyIp =
            m_http->json("POST", "/api/v1/auth/api-keys",
                         {{"name", "empty"}, {"allowed_ips", QJsonArray{""}}}, user);
        QCOMPARE(emptyIp.status, 422);
        QCOMPARE(emptyIp.details().value("field").toString(), QStringLiteral("allowed_ips"));
        QCOMPARE(m_http
                     ->json("POST", "/api/v1/auth/api-keys",
                            {{"name", "old"}, {"expires_at", "2000-01-01T00:00:00Z"}}, user)
                     .status,
                 422);
        // Expiry: a key valid for a few more seconds works until then and
        // stops working by itself. A use that ended before the expiry must
        // have been served; when a loaded machine took longer than that,
        // once more with a longer life.
        QString expiring;
        for (const int seconds : {3, 20}) {
            const QDateTime expiresAt = QDateTime::currentDateTimeUtc().addSecs(seconds);
            expiring =
                createKey({{"name", "exp"}, {"expires_at", expiresAt.toString(Qt::ISODateWithMs)}},
                          user)
                    .value("api_key")
                    .toString();
            QVERIFY(!expiring.isEmpty());
            const int before = getWithKey("/api/v1/users/me", expiring);
            if (QDateTime::currentDateTimeUtc() < expiresAt) {
                QCOMPARE(before, 200);
                break;
            }
            QVERIFY2(seconds != 20, "the machine is too slow for a 20 s key");
        }
        auto expired = [&] {
            return m_http->send("GET", "/api/v1/users/me", {},
                                {{"X-API-Key", expiring.toLatin1()}});
        };
        QTRY_COMPARE_WITH_TIMEOUT(expired().status, 401, 30000);
        const Answer after = expired();
        QCOMPARE(after.status, 401);
        QCOMPARE(after.code(), QStringLiteral("TOKEN_EXPIRED"));
    }

    void permissionsNarrowAKey()
    {
        const QString user = m_tokens["user"];
        // Seed 001's cluster status is this server's: system.view; its
        // monitoring dashboard reads metrics; its alert rules are alerts.
        const QString viewSystem = createKey({{"name", "vs"},
                                              {"access_level", "read"},
                                              {"permissions", QJsonArray{"system.view"}}},
                                             user)
                                       .value("api_key")
                                       .toString();
        const QString viewMetrics = createKey({{"name", "vm"},
                                               {"access_level", "read"},
                                               {"permissions", QJsonArray{"metrics.view"}}},
                                              user)
                                        .value("api_key")
                                        .toString();
        QCOMPARE(getWithKey("/api/v1/cluster/status", viewSystem), 200);
        QCOMPARE(getWithKey("/api/v1/cluster/status", viewMetrics), 403);
        QCOMPARE(getWithKey("/api/v1/monitoring/dashboard", viewMetrics), 200);
        QCOMPARE(getWithKey("/api/v1/monitoring/dashboard", viewSystem), 403);

        // Unknown areas and malformed names are refused at creation.
        const Answer typo =
            m_http->json("POST", "/api/v1/auth/api-keys",
                         {{"name", "typo"}, {"permissions", QJsonArray{"flow.view"}}}, user);
        QCOMPARE(typo.status, 422);
        QVERIFY(typo.raw.contains("flow"));
        QCOMPARE(m_http
                     ->json("POST", "/api/v1/auth/api-keys",
                            {{"name", "bad"}, {"permissions", QJsonArray{"flows.delete"}}}, user)
                     .status,
                 422);

        const QString viewFlows = createKey({{"name", "vf"},
                                             {"access_level", "write"},
                                             {"permissions", QJsonArray{"flows.view"}}},
                                            user)
                                      .value("api_key")
                                      .toString();
        QVERIFY(!viewFlows.isEmpty());
        QCOMPARE(getWithKey("/api/v1/flows", viewFlows), 200);
        QCOMPARE(getWithKey("/api/v1/executions", viewFlows), 403);
        QCOMPARE(getWithKey("/api/v1/users/me", viewFlows), 403);
        const Answer edit =
            m_http->send("POST", "/api/v1/flows", "{}", {{"X-API-Key", viewFlows.toLatin1()}});
        QCOMPARE(edit.status, 403);
        QCOMPARE(edit.details().value("required_permission"), QJsonValue("flows.edit"));
        const Answer run = m_http->send("POST", "/api/v1/flows/x/trigger", "{}",
                                        {{"X-API-Key", viewFlows.toLatin1()}});
        QCOMPARE(run.status, 403);
        QCOMPARE(run.details().value("required_permission"), QJsonValue("flows.execute"));

        // execute covers view; a wildcard covers the whole area.
        const QString runner =
            createKey({{"name", "run"},
                       {"access_level", "write"},
                       {"permissions", QJsonArray{"flows.execute", "executions.*"}}},
                      user)
                .value("api_key")
                .toString();
        QCOMPARE(getWithKey("/api/v1/flows", runner), 200);
        QCOMPARE(getWithKey("/api/v1/executions", runner), 200);
        // Past the permission check, the flow itself is missing.
        QCOMPARE(
            m_http
                ->send("POST", "/api/v1/flows/x/trigger", "{}", {{"X-API-Key", runner.toLatin1()}})
                .code(),
            QStringLiteral("FLOW_NOT_FOUND"));
        QCOMPARE(
            m_http->send("POST", "/api/v1/flows", "{}", {{"X-API-Key", runner.toLatin1()}}).status,
            403);
        const QString everything =
            createKey({{"name", "all"}, {"permissions", QJsonArray{"*"}}}, user)
                .value("api_key")
                .toString();
        QCOMPARE(getWithKey("/api/v1/users/me", everything), 200);
    }

    // The seeds' own paths outside /api/v1 serve the same resources and
    // need the same areas: a key limited to flows cannot list or create VPN
    // clients through /api/vpn/clients, nor read nodes through /api/servers.
    void seedPathsNeedTheSameAreas()
    {
        const QString flowsOnly = createKey({{"name", "flows-only"},
                                             {"access_level", "admin"},
                                             {"permissions", QJsonArray{"flows.view"}}},
                                            m_admin)
                                      .value("api_key")
                                      .toString();
        QVERIFY(!flowsOnly.isEmpty());
        const auto refusal = [&](const char *verb, const QString &path) {
            const Answer answer = m_http->send(verb, path, verb == QByteArray("GET") ? "" : "{}",
                                               {{"X-API-Key", flowsOnly.toLatin1()}});
            return answer.status == 403 ? answer.details().value("required_permission").toString()
                                        : QStringLiteral("status %1").arg(answer.status);
        };
        QCOMPARE(refusal("GET", "/api/v1/wireguard/clients"), QStringLiteral("wireguard.view"));
        QCOMPARE(refusal("GET", "/api/vpn/clients"), QStringLiteral("wireguard.view"));
        QCOMPARE(refusal("POST", "/api/vpn/clients"), QStringLiteral("wireguard.edit"));
        QCOMPARE(refusal("GET", "/api/servers"), QStringLiteral("nodes.view"));
        QCOMPARE(refusal("GET", "/api/tasks"), QStringLiteral("tasks.view"));
        QCOMPARE(refusal("GET", "/api/alerts/settings"), QStringLiteral("alerts.view"));
        QCOMPARE(refusal("GET", "/api/v1/backup/backups"), QStringLiteral("backups.view"));
        // Nothing was created on the way.
        QCOMPARE(m_http->get("/api/v1/wireguard/clients", m_admin).data().value("total").toInt(),
                 0);

        // The areas those paths name can be granted, and then they answer.
        const QString fleet =
            createKey({{"name", "fleet"},
                       {"access_level", "admin"},
                       {"permissions", QJsonArray{"nodes.view", "wireguard.view", "tasks.view",
                                                  "probes.view", "backups.view"}}},
                      m_admin)
                .value("api_key")
                .toString();
        QVERIFY(!fleet.isEmpty());
        QCOMPARE(getWithKey("/api/servers", fleet), 200);
        QCOMPARE(getWithKey("/api/vpn/clients", fleet), 200);
        QCOMPARE(getWithKey("/api/tasks", fleet), 200);
        QCOMPARE(getWithKey("/api/v1/probes", fleet), 200);
        QCOMPARE(m_http->send("POST", "/api/vpn/clients", "{}", {{"X-API-Key", fleet.toLatin1()}})
                     .details()
                     .value("required_permission"),
                 QJsonValue("wireguard.edit"));
    }

    void burstLimitAllowsAShortBurstThenRefills()
    {
        // 60 per minute refills one token a second; the bucket holds 4.
        const QString bursty =
            createKey(
                {{"name", "burst"},
                 {"rate_limit", QJsonObject{{"requests_per_minute", 60}, {"burst_limit", 4}}}},
                m_tokens["user"])
                .value("api_key")
                .toString();
        QVERIFY(!bursty.isEmpty());
        for (int i = 0; i < 4; ++i)
            QCOMPARE(getWithKey("/api/v1/users/me", bursty), 200);
        const Answer refused =
            m_http->send("GET", "/api/v1/users/me", {}, {{"X-API-Key", bursty.toLatin1()}});
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.headers.value("x-ratelimit-limit"), QByteArray("4"));
        QCOMPARE(refused.headers.value("retry-after"), QByteArray("1"));
        // A token comes back within about a second.
        // QTRY_* evaluate their expression once more after success, which
        // would spend the token again: latch the first success.
        bool refilled = false;
        QTRY_VERIFY_WITH_TIMEOUT(
            refilled || (refilled = getWithKey("/api/v1/users/me", bursty) == 200), 5000);
        QCOMPARE(m_http
                     ->json("POST", "/api/v1/auth/api-keys",
                            {{"name", "b0"},
                             {"rate_limit",
                              QJsonObject{{"requests_per_minute", 5}, {"burst_limit", 0}}}},
                            m_tokens["user"])
                     .status,
                 422);
    }

    void roleMatrix_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("allowed");
        const struct
        {
            const char *verb;
            const char *path;
            bool admin, user, viewer;
        } rows[] = {
            {"GET", "/api/v1/users", true, false, false},
            {"POST", "/api/v1/users", true, false, false},
            {"GET", "/api/v1/users/{target}", true, false, false},
            {"PUT", "/api/v1/users/{target}", true, false, false},
            {"POST", "/api/v1/users/{target}/reset-password", true, false, false},
            {"GET", "/api/v1/auth/settings", true, false, false},
            {"GET", "/api/v1/users/me", true, true, true},
            {"GET", "/api/v1/users/me/sessions", true, true, true},
            {"GET", "/api/v1/auth/api-keys", true, true, true},
            {"POST", "/api/v1/auth/api-keys", true, true, false},
        };
        for (const auto &row : rows) {
            for (const char *role : {"admin", "user", "viewer"}) {
                const bool allowed = QByteArray(role) == "admin"  ? row.admin
                                     : QByteArray(role) == "user" ? row.user
                                                                  : row.viewer;
                QTest::addRow("%s %s %s", role, row.verb, row.path)
                    << QString::fromLatin1(role) << QByteArray(row.verb)
                    << QString::fromLatin1(row.path) << allowed;
            }
        }
    }
    void roleMatrix()
    {
        QFETCH(QString, role);
        QFETCH(QByteArray, verb);
        QFETCH(QString, path);
        QFETCH(bool, allowed);
        path.replace("{target}", m_ids["target"]);
        // Bodies that pass validation, so "allowed" shows as 2xx.
        QJsonObject body{{"name", "matrix"}};
        if (path.endsWith("reset-password"))
            body = {{"new_password", kPassword}};
        else if (path == "/api/v1/users")
            body = {{"username", "m" + role + QString::number(QDateTime::currentMSecsSinceEpoch())},
                    {"email",
                     role + QString::number(QDateTime::currentMSecsSinceEpoch()) + "@m.example"},
                    {"password", kPassword}};
        else if (verb == "PUT")
            body = {{"full_name", "Matrix"}};
        const Answer answer = m_http->json(verb, path, body, m_tokens[role]);
        if (allowed) {
            QVERIFY2(answer.status >= 200 && answer.status < 300,
                     QJsonDocument(answer.body).toJson().constData());
        } else {
            QCOMPARE(answer.status, 403);
            QCOMPARE(answer.code(), QStringLiteral("INSUFFICIENT_PERMISSIONS"));
        }
    }

    // Seed 001's cluster status and monitoring routes, each caller against
    // each route: the roles, API keys narrowed to each area these routes
    // need (and to an unrelated one), a key whose level cannot write, and
    // no credentials. VIEWER never writes; a key without the route's
    // permission is refused with the permission it lacks.
    void seedMonitoringMatrix_data()
    {
        QTest::addColumn<QString>("caller");
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("expected");
        const QString cluster = QStringLiteral("/api/v1/cluster/status");
        const QString dashboard = QStringLiteral("/api/v1/monitoring/dashboard");
        const QString history =
            QStringLiteral("/api/v1/monitoring/metrics/system?metric=cpu.usage");
        const QString rules = QStringLiteral("/api/v1/monitoring/alerts/rules");
        const struct
        {
            const char *caller;
            int cluster, dashboard, history, rules;
        } rows[] = {
            {"admin", 200, 200, 200, 201},
            {"user", 200, 200, 200, 403},
            {"viewer", 200, 200, 200, 403},
            {"key:system.view", 200, 403, 403, 403},
            {"key:metrics.view", 403, 200, 200, 403},
            {"key:alerts.view", 403, 403, 403, 403},
            {"key:alerts.edit", 403, 403, 403, 201},
            {"key:nodes.view", 403, 403, 403, 403},   // none of these routes' areas
            {"key:unrestricted", 200, 200, 200, 201}, // no permissions: its level decides
            {"key:read", 200, 200, 200, 403},         // unrestricted, but read-only
            {"key:write", 200, 200, 200, 403},        // a USER's level
            {"anonymous", 401, 401, 401, 401},
        };
        for (const auto &row : rows) {
            for (const auto &[verb, path, expected] :
                 {std::tuple{"GET", cluster, row.cluster},
                  std::tuple{"GET", dashboard, row.dashboard},
                  std::tuple{"GET", history, row.history}, std::tuple{"POST", rules, row.rules}})
                QTest::addRow("%s %s %s", row.caller, verb, qPrintable(path.section(u'?', 0, 0)))
                    << QString::fromLatin1(row.caller) << QByteArray(verb) << path << expected;
        }
    }
    void seedMonitoringMatrix()
    {
        QFETCH(QString, caller);
        QFETCH(QByteArray, verb);
        QFETCH(QString, path);
        QFETCH(int, expected);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (caller.startsWith(QLatin1String("key:"))) {
            // Keys of the administrator, so only the key narrows the role.
            const QString what = caller.mid(4);
            QJsonObject body{{"name", caller}, {"access_level", "admin"}};
            if (what == QLatin1String("read") || what == QLatin1String("write"))
                body.insert("access_level", what);
            else if (what != QLatin1String("unrestricted"))
                body.insert("permissions", QJsonArray{what});
            const QString key = createKey(body, m_admin).value("api_key").toString();
            QVERIFY(!key.isEmpty());
            headers = {{"X-API-Key", key.toLatin1()}};
        } else if (caller != QLatin1String("anonymous")) {
            headers = Http::bearer(caller == QLatin1String("admin") ? m_admin : m_tokens[caller]);
        }
        const QString ruleName = QStringLiteral("matrix ") + caller; // one POST per caller
        const QByteArray body = verb == "POST"
                                    ? QJsonDocument(QJsonObject{{"name", ruleName},
                                                                {"metric_name", "system.cpu.usage"},
                                                                {"threshold", 95}})
                                          .toJson(QJsonDocument::Compact)
                                    : QByteArray();
        const Answer answer = m_http->send(verb, path, body, headers);
        QVERIFY2(
            answer.status == expected,
            qPrintable(
                QStringLiteral("%1: %2").arg(answer.status).arg(QString::fromUtf8(answer.raw))));
        if (expected == 403 && caller.startsWith(QLatin1String("key:")) &&
            caller != QLatin1String("key:read") && caller != QLatin1String("key:write"))
            QCOMPARE(answer.details().value("required_permission").toString(),
                     QString::fromLatin1(verb == "POST"             ? "alerts.edit"
                                         : path.contains("cluster") ? "system.view"
                                                                    : "metrics.view"));
        // A refused write leaves no rule behind.
        if (verb == "POST") {
            const QByteArray rules = m_http->get("/api/v1/alerts/rules?size=100", m_admin).raw;
            QCOMPARE(rules.contains(ruleName.toUtf8()), expected == 201);
        }
    }

    void usersAdmin()
    {
        const Answer page =
            m_http->get("/api/v1/users?page=1&size=2&sort=username&order=asc", m_admin);
        QCOMPARE(page.status, 200);
        const QJsonObject pagination = page.data().value("pagination").toObject();
        QCOMPARE(pagination.value("size").toInt(), 2);
        QVERIFY(pagination.value("total").toInt() >= 4);
        QCOMPARE(pagination.value("has_prev").toBool(), false);
        QCOMPARE(pagination.value("has_next").toBool(), true);
        QCOMPARE(page.data().value("users").toArray().size(), 2);
        const Answer viewers = m_http->get("/api/v1/users?role=viewer", m_admin);
        QCOMPARE(viewers.data().value("pagination").toObject().value("total").toInt(), 1);
        QCOMPARE(m_http->get("/api/v1/users?search=viewer1", m_admin)
                     .data()
                     .value("users")
                     .toArray()
                     .size(),
                 1);

        // The last admin standing cannot demote or delete themselves.
        const QString rootId =
            m_http->get("/api/v1/users/me", m_admin).data().value("id").toString();
        QCOMPARE(m_http->json("PUT", "/api/v1/users/" + m_ids["admin"], {{"role", "user"}}, m_admin)
                     .status,
                 200);
        QCOMPARE(m_http->json("PUT", "/api/v1/users/" + rootId, {{"role", "user"}}, m_admin).code(),
                 QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(
            m_http->send("DELETE", "/api/v1/users/" + rootId, {}, Http::bearer(m_admin)).code(),
            QStringLiteral("VALIDATION_ERROR"));
        // Role changes apply at once to live tokens.
        QCOMPARE(m_http->get("/api/v1/users", m_tokens["admin"]).status, 403);

        QCOMPARE(m_http->send("DELETE", "/api/v1/users/" + m_ids["user"], {}, Http::bearer(m_admin))
                     .status,
                 200);
        QCOMPARE(m_http->get("/api/v1/users/" + m_ids["user"], m_admin)
                     .data()
                     .value("status")
                     .toString(),
                 QStringLiteral("deleted"));
        QCOMPARE(m_http->get("/api/v1/users/me", m_tokens["user"]).status, 401);
        QCOMPARE(m_http->login("user1", kPassword).code(), QStringLiteral("INVALID_CREDENTIALS"));
    }
};

QTEST_GUILESS_MAIN(TestAuthApiKeys)
#include "TestAuthApiKeys.moc"
