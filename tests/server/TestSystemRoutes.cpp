// System info/config, audit, logs (+export) and metrics against the real
// hivemind-server process (issue "Headless server", points 5 and 6).

#include "AuthTestSupport.h"
#include "FlowTestSupport.h"
#include "ServerDatabase.h"
#include "common/TimeOrderedUuid.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <QWebSocket>
#include <algorithm>

using namespace hm;
using namespace hm::test;

namespace {
const QString kUserPassword = QStringLiteral("Aud1t!Passw0rd-zq");
}

class TestSystemRoutes : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    QString m_userId;
    QString m_userToken;

    QJsonObject config() { return m_http->get("/api/v1/system/config", m_admin).data(); }

    std::unique_ptr<store::Database> m_db; // the server's, opened once
    store::Database *database()
    {
        if (!m_db)
            m_db = openServerDatabase(m_dir.path(), m_server->masterKey());
        return m_db.get();
    }

    static QStringList auditIds(const Answer &answer)
    {
        QStringList list;
        for (const QJsonValue &row : answer.data().value("audit_logs").toArray())
            list << row.toObject().value("id").toString();
        return list;
    }

    // How many audit entries GET /audit?<query> counts.
    qint64 auditTotal(const QString &query)
    {
        return m_http->get("/api/v1/audit?" + query, m_admin)
            .data()
            .value("pagination")
            .toObject()
            .value("total")
            .toInteger();
    }

    // The value of one metrics sample line, -1 when absent.
    static double sample(const QByteArray &metrics, const QByteArray &series)
    {
        for (const QByteArray &line : metrics.split('\n')) {
            if (line.startsWith(series + ' '))
                return line.mid(series.size() + 1).toDouble();
        }
        return -1;
    }

private slots:
    void initTestCase()
    {
        const QString failure = startServer();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const ApiUser created = createApiUser(*m_http, m_admin, "auditee", kUserPassword, "user");
        QCOMPARE(created.status, 201);
        m_userId = created.id;
        m_userToken = created.token;
        QVERIFY(!m_userToken.isEmpty());
    }

    void infoHasTheDocumentedShape()
    {
        QCOMPARE(m_http->get("/api/v1/system/info").status, 401);
        const Answer info = m_http->get("/api/v1/system/info", m_userToken);
        QCOMPARE(info.status, 200);
        const QJsonObject system = info.data().value("system").toObject();
        QVERIFY(!system.value("hostname").toString().isEmpty());
        QVERIFY(!system.value("os").toString().isEmpty());
        QVERIFY(!system.value("kernel").toString().isEmpty());
        QVERIFY(system.value("cpu").toObject().value("count").toInt() >= 1);
        QVERIFY(system.value("memory").toObject().value("total").toDouble() > 0);
        QVERIFY(system.value("memory").toObject().contains("available"));
        QVERIFY(system.contains("uptime"));
        const QJsonObject application = info.data().value("application").toObject();
        QCOMPARE(application.value("name").toString(), QStringLiteral("HiveMind"));
        QVERIFY(!application.value("version").toString().isEmpty());
        QCOMPARE(application.value("qt_version").toString(), QString::fromLatin1(qVersion()));
        const QJsonObject storage = info.data().value("storage").toObject();
        QVERIFY(storage.value("total").toDouble() >= storage.value("free").toDouble());
        const QJsonObject database = info.data().value("database").toObject();
        QVERIFY(database.value("size").toDouble() > 0);
        QVERIFY(database.value("schema_version").toInt() >= 1);
        QCOMPARE(database.value("status").toString(), QStringLiteral("connected"));
    }

    // Seed 001's cluster status, answered for the one server there is.
    void clusterStatusIsThisServerAlone()
    {
        QCOMPARE(m_http->get("/api/v1/cluster/status").status, 401);
        const Answer status = m_http->get("/api/v1/cluster/status", m_userToken);
        QCOMPARE(status.status, 200);
        const QJsonObject data = status.data();
        const QString id = data.value("current_node_id").toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(data.value("is_leader").toBool(false), true);
        QCOMPARE(data.value("total_nodes").toInt(), 1);
        QCOMPARE(data.value("healthy_nodes").toInt(), 1);
        const QJsonArray nodes = data.value("nodes").toArray();
        QCOMPARE(nodes.size(), 1);
        const QJsonObject node = nodes.first().toObject();
        QCOMPARE(node.value("id").toString(), id);
        QCOMPARE(node.value("status").toString(), QStringLiteral("healthy"));
        // Where this server is reached: the test's own base URL.
        const QUrl base = m_http->base();
        QCOMPARE(node.value("host").toString(), base.host());
        QCOMPARE(node.value("port").toInt(), base.port());
        const QDateTime heartbeat =
            QDateTime::fromString(node.value("last_heartbeat").toString(), Qt::ISODateWithMs);
        QVERIFY(heartbeat.isValid());
        QVERIFY(qAbs(heartbeat.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        // Linux tells the load; elsewhere it is null, never made up.
        if (QFile::exists("/proc/loadavg"))
            QVERIFY(node.value("load_factor").isDouble());
        else
            QVERIFY(node.value("load_factor").isNull());
        const QJsonArray features =
            m_http->get("/api/v1/version").data().value("features").toArray();
        QCOMPARE(node.value("capabilities").toArray(), features);
        QCOMPARE(node.value("metadata").toObject().value("version").toString(),
                 m_http->get("/api/v1/version").data().value("version").toString());
        const QJsonObject services = data.value("services").toObject();
        QCOMPARE(services.size(), 1);
        QCOMPARE(services.constBegin()->toObject().value("nodes").toArray(), QJsonArray{id});
        QCOMPARE(data.value("load_balancer").toObject().value("strategy").toString(),
                 QStringLiteral("single"));
    }

    void configRoundTrips()
    {
        const QJsonObject before = config();
        QCOMPARE(before.value("site_name").toString(), QStringLiteral("HiveMind"));
        QVERIFY(before.value("security").toObject().contains("max_login_attempts"));
        QVERIFY(before.value("password_policy").toObject().contains("min_length"));

        const Answer changed = m_http->json(
            "PUT", "/api/v1/system/config",
            {{"site_name", "Hive Test"},
             {"timezone", "Europe/Berlin"},
             {"security", QJsonObject{{"max_login_attempts", 7}}},
             {"password_policy", QJsonObject{{"min_length", 10}, {"require_digits", true}}}},
            m_admin);
        QCOMPARE(changed.status, 200);
        const QJsonObject after = config();
        QCOMPARE(after.value("site_name").toString(), QStringLiteral("Hive Test"));
        QCOMPARE(after.value("timezone").toString(), QStringLiteral("Europe/Berlin"));
        QCOMPARE(after.value("security").toObject().value("max_login_attempts").toInt(), 7);
        QCOMPARE(after.value("password_policy").toObject().value("min_length").toInt(), 10);
        // The auth module reads the same keys: one source of truth.
        const Answer auth = m_http->get("/api/v1/auth/settings", m_admin);
        QCOMPARE(auth.data().value("auth.lockout").toObject().value("max_attempts").toInt(), 7);
        QCOMPARE(after.value("api_rate_limit").toInt(), 1000000); // from startAuthServer
        // Viewers and users read it; only admins change it.
        QCOMPARE(m_http->get("/api/v1/system/config", m_userToken).status, 200);
        QCOMPARE(
            m_http->json("PUT", "/api/v1/system/config", {{"site_name", "x"}}, m_userToken).code(),
            QStringLiteral("INSUFFICIENT_PERMISSIONS"));
    }

    void invalidConfigChangesNothing_data()
    {
        QTest::addColumn<QJsonObject>("patch");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown key")
            << QJsonObject{{"site_name", "Other"}, {"bogus", 1}} << QStringLiteral("bogus");
        QTest::newRow("wrong type")
            << QJsonObject{{"site_name", "Other"}, {"api_rate_limit", "many"}}
            << QStringLiteral("api_rate_limit");
        QTest::newRow("out of range")
            << QJsonObject{{"security", QJsonObject{{"max_login_attempts", 0}}}}
            << QStringLiteral("security.max_login_attempts");
        // (Seed 001's password_policy.max_age_days is accepted since issue 37
        // item 6: TestHistoryRetention.)
        QTest::newRow("unknown nested")
            << QJsonObject{{"password_policy", QJsonObject{{"expires_after", 60}}}}
            << QStringLiteral("password_policy.expires_after");
        QTest::newRow("retention out of range")
            << QJsonObject{{"retention", QJsonObject{{"max_age_days", -1}}}}
            << QStringLiteral("retention.max_age_days");
        QTest::newRow("section not object")
            << QJsonObject{{"security", true}} << QStringLiteral("security");
        QTest::newRow("bad enum") << QJsonObject{{"log_level", "LOUD"}}
                                  << QStringLiteral("log_level");
        QTest::newRow("bad zone") << QJsonObject{{"timezone", "Mars/Olympus"}}
                                  << QStringLiteral("timezone");
    }

    void invalidConfigChangesNothing()
    {
        QFETCH(QJsonObject, patch);
        QFETCH(QString, field);
        const QJsonObject before = config();
        const Answer refused = m_http->json("PUT", "/api/v1/system/config", patch, m_admin);
        QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
        const QJsonObject details = refused.details();
        QCOMPARE(details.value("field").toString(), field);
        QVERIFY(!details.value("errors").toArray().isEmpty());
        QCOMPARE(config(), before);
    }

    void auditFiltersAndPages()
    {
        for (int i = 0; i < 2; ++i)
            QCOMPARE(m_http->login("auditee", kUserPassword).status, 200);
        QCOMPARE(m_http->login("auditee", "wrong-password").status, 401);

        // initTestCase logged in once, plus the two above.
        const QString base = "/api/v1/audit?user_id=" + m_userId;
        Answer logins = m_http->get(base + "&action=LOGIN", m_admin);
        QCOMPARE(logins.status, 200);
        QCOMPARE(logins.data().value("pagination").toObject().value("total").toInt(), 3);
        for (const QJsonValue &row : logins.data().value("audit_logs").toArray()) {
            QCOMPARE(row.toObject().value("action").toString(), QStringLiteral("LOGIN"));
            QCOMPARE(row.toObject().value("username").toString(), QStringLiteral("auditee"));
        }

        const Answer paged = m_http->get(base + "&action=login&size=2&page=2", m_admin);
        const QJsonObject pagination = paged.data().value("pagination").toObject();
        QCOMPARE(paged.data().value("audit_logs").toArray().size(), 1);
        QCOMPARE(pagination.value("pages").toInt(), 2);
        QCOMPARE(pagination.value("has_prev").toBool(), true);
        QCOMPARE(pagination.value("has_next").toBool(), false);

        const Answer failed = m_http->get(base + "&action=LOGIN_FAILED", m_admin);
        QCOMPARE(failed.data().value("pagination").toObject().value("total").toInt(), 1);
        QVERIFY(!QJsonDocument(failed.body).toJson().contains("wrong-password"));

        const QString future = QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODate);
        const Answer none = m_http->get(base + "&from=" + future, m_admin);
        QCOMPARE(none.data().value("pagination").toObject().value("total").toInt(), 0);
        const QString past = QDateTime::currentDateTimeUtc().addDays(-1).toString(Qt::ISODate);
        const Answer window =
            m_http->get(base + "&resource_type=user&from=" + past + "&to=" + future, m_admin);
        QVERIFY(window.data().value("pagination").toObject().value("total").toInt() >= 4);

        QCOMPARE(m_http->get("/api/v1/audit?from=yesterday", m_admin).code(),
                 QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(m_http->get("/api/v1/audit?size=0", m_admin).code(),
                 QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(m_http->get("/api/v1/audit", m_userToken).status, 403);
    }

    // Each audit entry reaches administrators' /ws/events as audit_logged
    // (the consoles' audit lists follow it), nobody else's, and without its
    // details.
    void auditEntriesAreSentToAdministrators()
    {
        QStringList adminMessages;
        QStringList userMessages;
        QWebSocket admin;
        QWebSocket user;
        connect(&admin, &QWebSocket::textMessageReceived, this,
                [&adminMessages](const QString &text) { adminMessages << text; });
        connect(&user, &QWebSocket::textMessageReceived, this,
                [&userMessages](const QString &text) { userMessages << text; });
        for (const auto &[socket, token] :
             {std::pair{&admin, m_admin}, std::pair{&user, m_userToken}}) {
            QUrl events = m_http->base();
            events.setScheme("ws");
            events.setPath("/ws/events");
            events.setQuery("token=" + token);
            socket->open(events);
        }
        // Both connected (system_status comes first).
        QTRY_VERIFY_WITH_TIMEOUT(!adminMessages.isEmpty() && !userMessages.isEmpty(), 30000);
        const auto ofType = [](const QStringList &messages, const QString &type) {
            QList<QJsonObject> found;
            for (const QString &text : messages) {
                const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
                if (message.value("type").toString() == type)
                    found << message.value("data").toObject();
            }
            return found;
        };

        // An audit_logged to the administrator whose data `match`es.
        const auto adminGot = [&](const auto &match) {
            const QList<QJsonObject> logged = ofType(adminMessages, "audit_logged");
            return std::any_of(logged.cbegin(), logged.cend(), match);
        };

        QCOMPARE(m_http->login("auditee", "wrong-password").status, 401);
        const QString failed =
            auditIds(m_http->get("/api/v1/audit?size=1&action=LOGIN_FAILED", m_admin)).first();
        QTRY_VERIFY_WITH_TIMEOUT(
            adminGot([&](const QJsonObject &d) { return d.value("id").toString() == failed; }),
            20000);
        for (const QJsonObject &data : ofType(adminMessages, "audit_logged")) {
            if (data.value("id").toString() != failed)
                continue;
            QCOMPARE(data.value("action").toString(), QStringLiteral("LOGIN_FAILED"));
            QCOMPARE(data.value("category").toString(), QStringLiteral("auth"));
            QCOMPARE(data.value("user_id").toString(), m_userId);
            QCOMPARE(data.value("resource_type").toString(), QStringLiteral("user"));
            QVERIFY(!data.value("created_at").toString().isEmpty());
            QVERIFY(!data.contains("details"));
            QVERIFY(!data.contains("ip_address"));
        }
        // The user's own API key: its audit entry is written before its
        // api_key_created is sent to the user, so an audit_logged sent to
        // the user would have come first; none did.
        const Answer key =
            m_http->json("POST", "/api/v1/auth/api-keys", {{"name", "audit-events"}}, m_userToken);
        QCOMPARE(key.status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(!ofType(userMessages, "api_key_created").isEmpty(), 20000);
        QVERIFY(ofType(userMessages, "audit_logged").isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(adminGot([](const QJsonObject &d) {
                                     return d.value("action").toString() ==
                                            QLatin1String("API_KEY_CREATED");
                                 }),
                                 20000);
    }

    void logsCarryRequestIdsAndFilter()
    {
        const Answer probe = m_http->get("/api/v1/users/me", m_userToken);
        const QByteArray requestId = probe.headers.value("x-request-id");
        QVERIFY(requestId.startsWith("req_"));
        const Answer mine =
            m_http->get("/api/v1/logs?request_id=" + QString::fromLatin1(requestId), m_admin);
        QCOMPARE(mine.status, 200);
        const QJsonArray records = mine.data().value("logs").toArray();
        QVERIFY(!records.isEmpty());
        for (const QJsonValue &record : records)
            QCOMPARE(record.toObject().value("request_id").toString(),
                     QString::fromLatin1(requestId));

        const Answer http = m_http->get(
            "/api/v1/logs?module=hivemind.server&search=/api/v1/users/me&size=5", m_admin);
        QVERIFY(!http.data().value("logs").toArray().isEmpty());
        QVERIFY(http.data().value("logs").toArray().size() <= 5);
        for (const QJsonValue &record : http.data().value("logs").toArray()) {
            QVERIFY(record.toObject().value("module").toString().startsWith("hivemind.server"));
            QVERIFY(record.toObject().value("message").toString().contains("/api/v1/users/me"));
        }
        const Answer warnings = m_http->get("/api/v1/logs?level=WARN", m_admin);
        for (const QJsonValue &record : warnings.data().value("logs").toArray())
            QVERIFY(QStringList({"WARN", "ERROR", "CRITICAL"})
                        .contains(record.toObject().value("level").toString()));
        const QString future = QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODate);
        QCOMPARE(m_http->get("/api/v1/logs?from=" + future, m_admin)
                     .data()
                     .value("pagination")
                     .toObject()
                     .value("total")
                     .toInt(),
                 0);
        QCOMPARE(m_http->get("/api/v1/logs?level=LOUD", m_admin).code(),
                 QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(m_http->get("/api/v1/logs", m_userToken).status, 403);
    }

    // Later pages by before_id stay put while records arrive on top: page
    // numbers count from the newest record, so they would repeat rows.
    void logsPageByKeysetWhileRecordsArrive()
    {
        const auto probe = [this](int i) {
            QCOMPARE(
                m_http->get(QStringLiteral("/api/v1/flows/keysetprobe-%1").arg(i), m_admin).status,
                404);
        };
        const auto messages = [](const Answer &answer) {
            QStringList probes;
            for (const QJsonValue &record : answer.data().value("logs").toArray()) {
                const QString message = record.toObject().value("message").toString();
                static const QRegularExpression number(QStringLiteral("keysetprobe-(\\d+)"));
                probes << number.match(message).captured(1);
            }
            return probes;
        };
        const QString base = QStringLiteral("/api/v1/logs?search=keysetprobe&size=3");
        for (int i = 0; i < 6; ++i)
            probe(i);
        const Answer first = m_http->get(base, m_admin);
        QCOMPARE(messages(first), QStringList({"5", "4", "3"}));
        const QJsonArray firstRows = first.data().value("logs").toArray();
        const qint64 last = firstRows.last().toObject().value("id").toInteger();

        // Two records on top between page 1 and page 2.
        probe(6);
        probe(7);
        // By page number, page 2 would repeat two rows page 1 showed.
        QCOMPARE(messages(m_http->get(base + "&page=2", m_admin)), QStringList({"4", "3", "2"}));
        const Answer next = m_http->get(base + "&before_id=" + QString::number(last), m_admin);
        QCOMPARE(next.status, 200);
        QCOMPARE(messages(next), QStringList({"2", "1", "0"}));
        for (const QJsonValue &record : next.data().value("logs").toArray())
            QVERIFY(record.toObject().value("id").toInteger() < last);
        // pagination counts the records before before_id.
        const QJsonObject pagination = next.data().value("pagination").toObject();
        QCOMPARE(pagination.value("total").toInt(), 3);
        QCOMPARE(pagination.value("has_next").toBool(), false);
        // Combined with after_id: a window; before_id=0 is before everything.
        QCOMPARE(messages(m_http->get(base + "&before_id=" + QString::number(last) + "&after_id=" +
                                          QString::number(next.data()
                                                              .value("logs")
                                                              .toArray()
                                                              .last()
                                                              .toObject()
                                                              .value("id")
                                                              .toInteger()),
                                      m_admin)),
                 QStringList({"2", "1"}));
        QCOMPARE(messages(m_http->get(base + "&before_id=0", m_admin)), QStringList());

        for (const QString &bad : {QStringLiteral("-1"), QStringLiteral("abc"),
                                   QStringLiteral("1.5"), QStringLiteral("99999999999999999999")}) {
            for (const QString &route :
                 {QStringLiteral("/api/v1/logs?before_id="),
                  QStringLiteral("/api/v1/logs/export?format=json&before_id=")}) {
                const Answer refused = m_http->get(route + bad, m_admin);
                QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
                QCOMPARE(refused.details().value("field").toString(), QStringLiteral("before_id"));
            }
        }
    }

    // The audit trail pages the same way (before_id = the last entry's id).
    void auditPagesByKeysetWhileEntriesArrive()
    {
        const QString filter = "/api/v1/audit?action=LOGIN&user_id=" + m_userId;
        const QString base = filter + "&size=2";
        const Answer all = m_http->get(filter + "&size=100", m_admin);
        QVERIFY(all.data().value("pagination").toObject().value("total").toInt() >= 3);
        QStringList expected;
        for (const QJsonValue &row : all.data().value("audit_logs").toArray())
            expected << row.toObject().value("id").toString();
        const auto ids = &TestSystemRoutes::auditIds;
        const Answer first = m_http->get(base, m_admin);
        QCOMPARE(ids(first), expected.mid(0, 2));
        // New entries on top between the pages.
        for (int i = 0; i < 2; ++i)
            QCOMPARE(m_http->login("auditee", kUserPassword).status, 200);
        const Answer next = m_http->get(base + "&before_id=" + ids(first).last(), m_admin);
        QCOMPARE(next.status, 200);
        QCOMPARE(ids(next), expected.mid(2, 2));
        QCOMPARE(next.data().value("pagination").toObject().value("total").toInt(),
                 expected.size() - 2);

        for (const QString &bad : {QStringLiteral("no-such-entry"), QStringLiteral("42"),
                                   QStringLiteral("00000000-0000-0000-0000-000000000000"),
                                   expected.first() + QStringLiteral("0")}) {
            const Answer malformed = m_http->get(base + "&before_id=" + bad, m_admin);
            QCOMPARE(malformed.code(), QStringLiteral("VALIDATION_ERROR"));
            QCOMPARE(malformed.details().value("field"), QJsonValue(QStringLiteral("before_id")));
        }
    }

    // Entries deleted after the console showed them (retention, a purge):
    // the next page after a gone entry is still exactly the older entries,
    // also among entries written in the same millisecond.
    void auditPagesAcrossADeletedEntry()
    {
        store::Database *db = database();
        QVERIFY(db);
        // Eight entries of one millisecond and four older ones, as the
        // server writes them (ids carry their time).
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < 12; ++i)
            QVERIFY(db->execute(QStringLiteral("INSERT INTO audit_logs (id, action, details, "
                                               "created_at) VALUES (?, 'PRUNE_PROBE', '{}', ?)"),
                                {timeOrderedUuid(i < 8 ? now : now - 1000 * i),
                                 i < 8 ? now : now - 1000 * i})
                        .ok());
        const QString filter = QStringLiteral("/api/v1/audit?action=PRUNE_PROBE");
        const QStringList expected = auditIds(m_http->get(filter + "&size=100", m_admin));
        QCOMPARE(expected.size(), 12);
        QCOMPARE(QSet<QString>(expected.begin(), expected.end()).size(), 12);

        // Page by 3, deleting the last entry shown before asking for the
        // next page each time (pages end in and after the same millisecond).
        QStringList seen;
        QStringList gone;
        QString cursor;
        for (int guard = 0; guard < 10; ++guard) {
            const Answer page = m_http->get(
                filter + "&size=3" + (cursor.isEmpty() ? QString() : "&before_id=" + cursor),
                m_admin);
            QCOMPARE(page.status, 200);
            const QStringList ids = auditIds(page);
            if (ids.isEmpty())
                break;
            seen << ids;
            cursor = ids.last();
            QVERIFY(
                db->execute(QStringLiteral("DELETE FROM audit_logs WHERE id = ?"), {cursor}).ok());
            QCOMPARE(db->changes(), 1);
            gone << cursor;
        }
        QCOMPARE(seen, expected);

        // In one go after the first gone entry (in any case): the rest.
        QStringList rest = expected.mid(expected.indexOf(gone.first()) + 1);
        for (const QString &id : std::as_const(gone))
            rest.removeOne(id);
        QCOMPARE(auditIds(m_http->get(filter + "&size=100&before_id=" + gone.first().toUpper(),
                                      m_admin)),
                 rest);
        // A gone random (version 4) id, as entries had before their ids
        // carried their time, places nothing: the list ends.
        const Answer legacy = m_http->get(
            filter + "&before_id=" + QUuid::createUuid().toString(QUuid::WithoutBraces), m_admin);
        QCOMPARE(legacy.status, 200);
        QCOMPARE(auditIds(legacy), QStringList());
        QCOMPARE(legacy.data().value("pagination").toObject().value("total").toInt(), 0);
    }

    // Issue 34, item 7: the action by part of its code (any case), several
    // codes at once, and by category; each entry says its category.
    void auditFiltersByCategoryAndCodePart()
    {
        for (const char *name : {"auditcred-a", "auditcred-b"}) {
            const Answer made = m_http->json(
                "POST", "/api/v1/credentials",
                {{"name", name},
                 {"type", "http_bearer"},
                 {"data", QJsonObject{{"token", QStringLiteral("Cat-Probe-Token-") + name}}}},
                m_admin);
            QCOMPARE(made.status, 201);
        }
        // Part of a code, any case: the exact code alone matched nothing.
        QCOMPARE(auditTotal("action=CREDENTIAL"), 0);
        for (const QString &part : {QStringLiteral("CREDENTIAL"), QStringLiteral("credential"),
                                    QStringLiteral("dential_cre")}) {
            const Answer found =
                m_http->get("/api/v1/audit?size=100&action_contains=" + part, m_admin);
            QCOMPARE(found.status, 200);
            const QJsonArray rows = found.data().value("audit_logs").toArray();
            QCOMPARE(rows.size(), 2);
            for (const QJsonValue &row : rows) {
                QCOMPARE(row.toObject().value("action").toString(),
                         QStringLiteral("CREDENTIAL_CREATED"));
                QCOMPARE(row.toObject().value("category").toString(),
                         QStringLiteral("credentials"));
            }
        }
        // Several codes, and codes or a part: either matches.
        const qint64 logins = auditTotal("action=LOGIN");
        const qint64 failed = auditTotal("action=LOGIN_FAILED");
        QVERIFY(logins >= 3);
        QVERIFY(failed >= 1);
        QCOMPARE(auditTotal("action=login,LOGIN_FAILED"), logins + failed);
        QCOMPARE(auditTotal("action=LOGIN&action_contains=credential"), logins + 2);

        // Categories: every entry of one has a code of its prefixes, and
        // together with other filters they narrow (AND).
        const QHash<QString, QStringList> prefixes{
            {"auth",
             {"LOGIN", "LOGOUT", "ACCOUNT_LOCKED", "REFRESH_TOKEN_", "TWO_FACTOR_",
              "PASSWORD_CHANGED", "PASSWORD_CHECK_", "SESSION", "API_KEY_"}},
            {"users", {"USER_", "ROLE_", "PASSWORD_RESET", "ACCOUNT_UNLOCKED"}},
            {"credentials", {"CREDENTIAL_"}},
            {"system", {"SYSTEM_", "SETTINGS_"}}};
        for (auto it = prefixes.cbegin(); it != prefixes.cend(); ++it) {
            const Answer listed =
                m_http->get("/api/v1/audit?size=100&category=" + it.key(), m_admin);
            QCOMPARE(listed.status, 200);
            const QJsonArray rows = listed.data().value("audit_logs").toArray();
            QVERIFY2(!rows.isEmpty(), qPrintable(it.key()));
            for (const QJsonValue &row : rows) {
                const QString action = row.toObject().value("action").toString();
                QVERIFY2(std::any_of(it.value().cbegin(), it.value().cend(),
                                     [&](const QString &p) { return action.startsWith(p); }),
                         qPrintable(it.key() + ": " + action));
                QCOMPARE(row.toObject().value("category").toString(), it.key());
            }
        }
        // (auditEntriesAreSentToAdministrators made the user an API key.)
        QCOMPARE(auditTotal("category=auth&user_id=" + m_userId),
                 auditTotal("action=LOGIN,LOGIN_FAILED,API_KEY_CREATED&user_id=" + m_userId));
        QCOMPARE(auditTotal("category=CREDENTIALS"), 2);
        QCOMPARE(auditTotal("category=users&action_contains=credential"), 0);
        QCOMPARE(auditTotal("category=flows"), 0);

        const Answer unknown = m_http->get("/api/v1/audit?category=nonsense", m_admin);
        QCOMPARE(unknown.code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(unknown.details().value("field").toString(), QStringLiteral("category"));
        const Answer tooLong =
            m_http->get("/api/v1/audit?action_contains=" + QString(300, u'A'), m_admin);
        QCOMPARE(tooLong.code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(tooLong.details().value("field").toString(), QStringLiteral("action_contains"));
    }

    // GET /audit/export: the entries the filters select, in the three
    // formats of the logs export, ADMIN only, details masked, formulas
    // neutralised.
    void auditExports()
    {
        store::Database *db = database();
        QVERIFY(db);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(db->execute(QStringLiteral("INSERT INTO audit_logs (id, action, resource_type, "
                                           "resource_id, details, created_at) VALUES "
                                           "(?, 'EXPORT_PROBE', 'probe', ?, ?, ?)"),
                            {timeOrderedUuid(now), QStringLiteral("=HYPERLINK(\"x\")"),
                             QStringLiteral("{\"password\":\"Sl1pped-In-Secret\",\"name\":\"n\"}"),
                             now})
                    .ok());
        const QString filter = "action=LOGIN&user_id=" + m_userId;
        const Answer listed = m_http->get("/api/v1/audit?size=100&" + filter, m_admin);
        const QStringList ids = auditIds(listed);
        QVERIFY(ids.size() >= 3);

        const Answer json = m_http->get("/api/v1/audit/export?format=json&" + filter, m_admin);
        QCOMPARE(json.status, 200);
        QVERIFY(json.headers.value("content-type").startsWith("application/json"));
        const QByteArray disposition = json.headers.value("content-disposition");
        QVERIFY2(disposition.startsWith("attachment; filename=\"hivemind-audit-") &&
                     disposition.endsWith(".json\""),
                 disposition.constData());
        QCOMPARE(json.headers.value("x-total-count").toInt(), ids.size());
        const QJsonArray rows = QJsonDocument::fromJson(json.raw).array();
        QStringList exported;
        for (const QJsonValue &row : rows) {
            exported << row.toObject().value("id").toString();
            QCOMPARE(row.toObject().value("username").toString(), QStringLiteral("auditee"));
            QCOMPARE(row.toObject().value("category").toString(), QStringLiteral("auth"));
            // The resource (the user signing in) by its name as well as its id.
            QCOMPARE(row.toObject().value("resource_type").toString(), QStringLiteral("user"));
            QCOMPARE(row.toObject().value("resource_name").toString(), QStringLiteral("auditee"));
        }
        QCOMPARE(exported, ids);

        const Answer csv = m_http->get("/api/v1/audit/export?format=csv&" + filter, m_admin);
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.headers.value("content-type").startsWith("text/csv"));
        QStringList lines = QString::fromUtf8(csv.raw).split("\r\n", Qt::SkipEmptyParts);
        QCOMPARE(lines.takeFirst(),
                 QStringLiteral("id,created_at,user_id,username,action,category,resource_type,"
                                "resource_id,ip_address,user_agent,details,resource_name"));
        QCOMPARE(lines.size(), ids.size());
        for (int i = 0; i < lines.size(); ++i) {
            QVERIFY2(lines[i].startsWith(ids[i] + u','), qPrintable(lines[i]));
            QVERIFY(lines[i].contains(",\"auditee\",\"LOGIN\",auth,"));
            QVERIFY2(lines[i].endsWith(",\"auditee\""), qPrintable(lines[i]));
        }

        const Answer txt = m_http->get("/api/v1/audit/export?format=txt&" + filter, m_admin);
        QCOMPARE(txt.status, 200);
        QVERIFY(txt.headers.value("content-type").startsWith("text/plain"));
        const QStringList entries = QString::fromUtf8(txt.raw).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(entries.size(), ids.size());
        for (const QString &entry : entries)
            QVERIFY2(entry.contains(" LOGIN user=auditee resource=user "), qPrintable(entry));

        // The probe: its secret masked in every format and in the list, its
        // formula neutralised in the CSV.
        for (const QString &format :
             {QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("txt")}) {
            const Answer probe =
                m_http->get("/api/v1/audit/export?action=EXPORT_PROBE&format=" + format, m_admin);
            QCOMPARE(probe.status, 200);
            QVERIFY2(!probe.raw.contains("Sl1pped-In-Secret"), probe.raw.constData());
            QVERIFY2(probe.raw.contains("\"n\""), probe.raw.constData());
            if (format == QLatin1String("csv"))
                QVERIFY2(probe.raw.contains("\"'=HYPERLINK(\"\"x\"\")\""), probe.raw.constData());
        }
        QVERIFY(!m_http->get("/api/v1/audit?action=EXPORT_PROBE", m_admin)
                     .raw.contains("Sl1pped-In-Secret"));

        const Answer bad = m_http->get("/api/v1/audit/export?format=xml", m_admin);
        QCOMPARE(bad.code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(bad.details().value("field").toString(), QStringLiteral("format"));
        QCOMPARE(m_http->get("/api/v1/audit/export?format=json&category=nope", m_admin).code(),
                 QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(m_http->get("/api/v1/audit/export?format=json", m_userToken).status, 403);
        QCOMPARE(m_http->get("/api/v1/audit/export?format=json").status, 401);
        QVERIFY(db->execute(QStringLiteral("DELETE FROM audit_logs WHERE action = 'EXPORT_PROBE'"))
                    .ok());
    }

    void exportsInThreeFormatsWithoutSecrets_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("contentType");
        QTest::newRow("json") << QStringLiteral("json") << QByteArray("application/json");
        QTest::newRow("csv") << QStringLiteral("csv") << QByteArray("text/csv");
        QTest::newRow("txt") << QStringLiteral("txt") << QByteArray("text/plain");
    }

    void exportsInThreeFormatsWithoutSecrets()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, contentType);
        // Secrets that crossed the server: a password and tokens.
        const Answer login = m_http->login("auditee", kUserPassword);
        const QByteArray access = login.data().value("access_token").toString().toUtf8();
        const QByteArray refresh = login.data().value("refresh_token").toString().toUtf8();
        QVERIFY(!access.isEmpty());

        const Answer exported =
            m_http->get("/api/v1/logs/export?format=" + format + "&module=hivemind", m_admin);
        QCOMPARE(exported.status, 200);
        QVERIFY2(exported.headers.value("content-type").startsWith(contentType),
                 exported.headers.value("content-type").constData());
        const QByteArray disposition = exported.headers.value("content-disposition");
        QVERIFY(disposition.startsWith("attachment; filename=\"hivemind-logs-"));
        QVERIFY(disposition.endsWith("." + format.toLatin1() + "\""));
        QVERIFY(exported.raw.contains("/api/v1/auth/login"));
        QVERIFY(!exported.raw.contains(kUserPassword.toUtf8()));
        QVERIFY(!exported.raw.contains(kAdminPassword.toUtf8()));
        QVERIFY(!exported.raw.contains(access));
        QVERIFY(!exported.raw.contains(refresh));
        if (format == QLatin1String("json"))
            QVERIFY(QJsonDocument::fromJson(exported.raw).isArray());
        if (format == QLatin1String("csv"))
            QVERIFY(exported.raw.startsWith("id,timestamp,level,module,request_id,message\r\n"));

        QCOMPARE(m_http->get("/api/v1/logs/export?format=xml", m_admin).code(),
                 QStringLiteral("VALIDATION_ERROR"));
    }

    void metricsParseAndCount()
    {
        const Answer first = m_http->get("/metrics");
        QCOMPARE(first.status, 200);
        QVERIFY(first.headers.value("content-type").startsWith("text/plain; version=0.0.4"));
        // name{label="value",...} value  |  # HELP/TYPE name text
        static const QRegularExpression sampleLine(QStringLiteral(
            "^[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\]|\\\\.)*\",?)*\\})? "
            "([-+]?[0-9.]+([eE][-+]?[0-9]+)?|NaN|[-+]Inf)$"));
        static const QRegularExpression commentLine(
            QStringLiteral("^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+$"));
        for (const QByteArray &line : first.raw.split('\n')) {
            if (line.isEmpty())
                continue;
            const QString text = QString::fromUtf8(line);
            QVERIFY2(sampleLine.match(text).hasMatch() || commentLine.match(text).hasMatch(),
                     line.constData());
        }
        for (const char *family :
             {"hivemind_websocket_clients", "hivemind_executions_started_total",
              "hivemind_executions_completed_total", "hivemind_executions_failed_total",
              "hivemind_executions_running", "hivemind_execution_duration_seconds_count"})
            QCOMPARE(sample(first.raw, family), 0.0);
        QVERIFY(first.raw.contains("# TYPE http_request_duration_seconds histogram"));

        const QByteArray series =
            "http_requests_total{route=\"/api/v1/health\",method=\"GET\",status=\"200\"}";
        const double before = qMax(0.0, sample(first.raw, series));
        QCOMPARE(m_http->get("/api/v1/health").status, 200);
        QCOMPARE(m_http->get("/api/v1/health").status, 200);
        const Answer second = m_http->get("/metrics");
        QCOMPARE(sample(second.raw, series), before + 2);
        // Route templates, not URLs, so ids do not grow the label set.
        m_http->get("/api/v1/users/some-id", m_admin);
        QVERIFY(m_http->get("/metrics").raw.contains("route=\"/api/v1/users/{id}\""));
    }

    // The execution families move with the engine: a run that completes
    // and one that fails each count as started, in their own end counter
    // and in the duration histogram (with the time they took).
    void executionMetricsMove()
    {
        const QByteArray before = m_http->get("/metrics").raw;
        const auto delta = [&](const QByteArray &after, const char *family) {
            return sample(after, family) - qMax(0.0, sample(before, family));
        };
        const QString passes =
            createPublishedFlow(*m_http, m_admin, "metrics-passes",
                                flowDefinition({flowNode("wait", "delay", {}, {{"ms", 200}})}));
        // An HTTP call to a closed port fails. (A transform reading
        // $.trigger no longer does: the server refuses to store it.)
        const QString fails = createPublishedFlow(
            *m_http, m_admin, "metrics-fails",
            flowDefinition({flowNode("call", "http-request", {{"url", "http://127.0.0.1:1/"}})}));
        QVERIFY(!passes.isEmpty() && !fails.isEmpty());
        QCOMPARE(triggerFlow(*m_http, m_admin, passes, {}, "?wait=true&timeout_ms=20000")
                     .data()
                     .value("status")
                     .toString(),
                 QStringLiteral("completed"));
        QCOMPARE(triggerFlow(*m_http, m_admin, fails, {}, "?wait=true&timeout_ms=20000")
                     .data()
                     .value("status")
                     .toString(),
                 QStringLiteral("failed"));
        // Counted on the server thread after the answers: QTRY.
        QTRY_COMPARE(
            delta(m_http->get("/metrics").raw, "hivemind_execution_duration_seconds_count"), 2.0);
        const QByteArray after = m_http->get("/metrics").raw;
        QCOMPARE(delta(after, "hivemind_executions_started_total"), 2.0);
        QCOMPARE(delta(after, "hivemind_executions_completed_total"), 1.0);
        QCOMPARE(delta(after, "hivemind_executions_failed_total"), 1.0);
        QCOMPARE(sample(after, "hivemind_executions_running"), 0.0);
        const double seconds = delta(after, "hivemind_execution_duration_seconds_sum");
        QVERIFY2(seconds >= 0.2 && seconds < 20, qPrintable(QString::number(seconds)));
    }
};

QTEST_MAIN(TestSystemRoutes)
#include "TestSystemRoutes.moc"
