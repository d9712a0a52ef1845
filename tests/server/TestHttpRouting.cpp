// The router's own dispatch table, the hand-built health answer and the
// access log line against the real server: which route a path reaches
// (literal before placeholder in either order of registration, segment counts, empty segments, trailing
// slashes), 404/405 for the rest, the WebSocket path still reaching its
// route, and the per-request line keeping its format and request id.

#include "AuthTestSupport.h"
#include "server/api/ApiRouter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace hm;
using namespace hm::test;

class TestHttpRouting : public QObject, private ServerFixture
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        const QString failure = startServer();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void healthAnswerIsTheCompactEnvelope()
    {
        const Answer health = m_http->get("/api/v1/health");
        QCOMPARE(health.status, 200);
        QCOMPARE(health.headers.value("content-type"), QByteArray("application/json"));
        QVERIFY(health.headers.value("x-request-id").startsWith("req_"));
        // Byte for byte what QJsonDocument makes of the same object.
        QCOMPARE(health.raw, QJsonDocument(health.body).toJson(QJsonDocument::Compact));
        QCOMPARE(health.body.value("success").toBool(), true);
        QCOMPARE(health.body.size(), 2);
        const QJsonObject data = health.data();
        QCOMPARE(data.keys(),
                 (QStringList{"active_agents", "database", "status", "timestamp", "uptime_seconds",
                              "version"}));
        QCOMPARE(data.value("active_agents").toInt(-1), 0);
        QCOMPARE(data.value("status").toString(), QStringLiteral("healthy"));
        QCOMPARE(data.value("database").toString(), QStringLiteral("connected"));
        QVERIFY(data.value("uptime_seconds").isDouble());
        QVERIFY(data.value("uptime_seconds").toInteger() >= 0);
        QVERIFY(!data.value("version").toString().isEmpty());
        const QDateTime at =
            QDateTime::fromString(data.value("timestamp").toString(), Qt::ISODateWithMs);
        QVERIFY(at.isValid());
        QCOMPARE(at.timeSpec(), Qt::UTC);
        // Consecutive answers keep working off the cached database status.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(m_http->get("/api/v1/health").status, 200);
    }

    void literalRoutesWinOverPlaceholders()
    {
        // /users/me is registered before /users/{id}: "me" is not an id.
        const Answer me = m_http->get("/api/v1/users/me", m_admin);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.data().value("username").toString(), kAdmin);
        const QString id = me.data().value("id").toString();
        QVERIFY(!id.isEmpty());
        const Answer byId = m_http->get("/api/v1/users/" + id, m_admin);
        QCOMPARE(byId.status, 200);
        QCOMPARE(byId.data().value("username").toString(), kAdmin);
        QCOMPARE(m_http->get("/api/v1/users/no-such-user", m_admin).status, 404);
    }

    void literalSegmentsWinWhateverTheRegistrationOrder_data()
    {
        QTest::addColumn<bool>("placeholdersFirst");
        QTest::newRow("placeholders registered first") << true;
        QTest::newRow("literals registered first") << false;
    }

    void literalSegmentsWinWhateverTheRegistrationOrder()
    {
        // An in-process router: /flows/shared and /flows/{id} route the same
        // whichever is registered first, and of two placeholder routes the
        // one with a literal at the first segment where they differ wins.
        QFETCH(bool, placeholdersFirst);
        using hm::server::ApiReply;
        using hm::server::RequestContext;
        using hm::server::http::Method;
        hm::server::ApiRouter router;
        const auto add = [&router](const QString &path, const QString &name) {
            router.addRoute(Method::Get, path, [name](const RequestContext &context) {
                return ApiReply::ok(QJsonObject{
                    {"route", name}, {"args", QJsonArray::fromStringList(context.pathArgs)}});
            });
        };
        const QList<QPair<QString, QString>> placeholders{
            {"/api/v1/flows/{id}", "byId"}, {"/api/v1/flows/{id}/shares", "shares"}};
        const QList<QPair<QString, QString>> literals{
            {"/api/v1/flows/shared", "shared"}, {"/api/v1/flows/shared/{userId}", "sharedWith"}};
        for (const auto &group : placeholdersFirst ? QList{placeholders, literals}
                                                   : QList{literals, placeholders}) {
            for (const auto &[path, name] : group)
                add(path, name);
        }
        const auto port = router.listen(QHostAddress::LocalHost, 0);
        if (!port)
            QFAIL(qPrintable(port.error().message));
        Http http(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port.value())));
        const auto routeOf = [&http](const QString &path) {
            const Answer answer = http.send("GET", path);
            return QStringList{answer.data().value("route").toString()} +
                   answer.data().value("args").toVariant().toStringList();
        };
        QCOMPARE(routeOf("/api/v1/flows/shared"), (QStringList{"shared"}));
        QCOMPARE(routeOf("/api/v1/flows/abc"), (QStringList{"byId", "abc"}));
        QCOMPARE(routeOf("/api/v1/flows/shared/shares"), (QStringList{"sharedWith", "shares"}));
        QCOMPARE(routeOf("/api/v1/flows/abc/shares"), (QStringList{"shares", "abc"}));
        router.close();
    }

    void pathsMatchWholeSegmentsOnly_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("trailing slash")
            << QByteArray("GET") << "/api/v1/health/" << 404 << "RESOURCE_NOT_FOUND";
        QTest::newRow("prefix only")
            << QByteArray("GET") << "/api/v1/heal" << 404 << "RESOURCE_NOT_FOUND";
        QTest::newRow("longer literal")
            << QByteArray("GET") << "/api/v1/healthz" << 404 << "RESOURCE_NOT_FOUND";
        QTest::newRow("extra segment")
            << QByteArray("POST") << "/api/v1/flows/x/trigger/more" << 404 << "RESOURCE_NOT_FOUND";
        QTest::newRow("empty placeholder")
            << QByteArray("POST") << "/api/v1/flows//trigger" << 404 << "RESOURCE_NOT_FOUND";
        QTest::newRow("missing segment")
            << QByteArray("POST") << "/api/v1/flows/trigger" << 405 << "METHOD_NOT_ALLOWED";
        QTest::newRow("wrong method on literal")
            << QByteArray("DELETE") << "/api/v1/health" << 405 << "METHOD_NOT_ALLOWED";
        QTest::newRow("case matters")
            << QByteArray("GET") << "/API/v1/health" << 404 << "RESOURCE_NOT_FOUND";
    }
    void pathsMatchWholeSegmentsOnly()
    {
        QFETCH(QByteArray, verb);
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, code);
        const Answer answer = m_http->send(verb, path, {}, Http::bearer(m_admin));
        QCOMPARE(answer.status, status);
        QCOMPARE(answer.code(), code);
        QCOMPARE(answer.body.value("error").toObject().value("request_id").toString(),
                 QString::fromLatin1(answer.headers.value("x-request-id")));
    }

    void placeholderValuesReachTheHandler()
    {
        // An unknown flow id comes back in the error: the segment was
        // captured whole.
        const Answer missing = m_http->get("/api/v1/flows/no-such-flow", m_admin);
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.code(), QStringLiteral("FLOW_NOT_FOUND"));
        QVERIFY2(missing.raw.contains("no-such-flow"), missing.raw.constData());
        const Answer allowed = m_http->send("GET", "/api/v1/flows/x/trigger");
        QCOMPARE(allowed.status, 405);
        QCOMPARE(allowed.headers.value("allow"), QByteArray("POST"));
    }

    void webSocketPathStillReachesItsRoute()
    {
        // A plain GET there gets the WebSocket route's own 404, not the
        // router's "No route" one.
        const Answer plain = m_http->get("/ws/events");
        QCOMPARE(plain.status, 404);
        QVERIFY2(plain.body.value("error").toObject().value("message").toString().contains(
                     QStringLiteral("WebSocket endpoint")),
                 plain.raw.constData());
    }

    void accessLineKeepsFormatAndRequestId()
    {
        const Answer health = m_http->get("/api/v1/health");
        QCOMPARE(health.status, 200);
        const QByteArray requestId = health.headers.value("x-request-id");
        QVERIFY(requestId.startsWith("req_"));
        const Answer logs =
            m_http->get("/api/v1/logs?request_id=" + QString::fromLatin1(requestId), m_admin);
        QCOMPARE(logs.status, 200);
        const QJsonArray records = logs.data().value("logs").toArray();
        QCOMPARE(records.size(), 1);
        const QJsonObject record = records.first().toObject();
        QCOMPARE(record.value("message").toString(), QStringLiteral("GET /api/v1/health 200"));
        QCOMPARE(record.value("module").toString(), QStringLiteral("hivemind.server.http"));
        QCOMPARE(record.value("level").toString(), QStringLiteral("INFO"));
        // The stderr line: "<time> INFO <category> [<request id>]: <message>".
        const QByteArray line =
            "INFO hivemind.server.http [" + requestId + "]: GET /api/v1/health 200";
        // Info lines reach stderr in batches (LogOutput): wait for it.
        QTRY_VERIFY_WITH_TIMEOUT(m_server->standardError().contains(line), 10000);
        const QByteArray output = m_server->standardError();
        const qsizetype at = output.indexOf(line);
        QVERIFY2(at >= 25, output.right(2000).constData());
        const QByteArray time = output.mid(at - 25, 24);
        QVERIFY2(QRegularExpression(
                     QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"))
                     .match(QString::fromLatin1(time))
                     .hasMatch(),
                 time.constData());
    }

    // Routes match the path as sent: an authority-looking "//host", an
    // encoded separator or a dot segment reaches no route (a reverse
    // proxy's rule on "/api/" or "/metrics" would read these paths
    // differently), and a placeholder's value is decoded after matching.
    void pathsAreMatchedAsSent_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::newRow("authority-looking //host")
            << QByteArray("//evil.example/api/v1/users") << 404;
        QTest::newRow("//x before /metrics") << QByteArray("//x/metrics") << 404;
        QTest::newRow("encoded slashes") << QByteArray("/api%2Fv1%2Fusers") << 404;
        QTest::newRow("encoded slashes, lower case") << QByteArray("/api%2fv1%2fusers") << 404;
        QTest::newRow("encoded backslash") << QByteArray("/api/v1/users%5Cme") << 404;
        QTest::newRow("encoded backslash, lower case") << QByteArray("/api/v1/users%5cme") << 404;
        QTest::newRow("double slash inside") << QByteArray("/api/v1//users") << 404;
        QTest::newRow("dot-dot segment") << QByteArray("/api/v1/flows/../users") << 404;
        QTest::newRow("encoded dot-dot segment") << QByteArray("/api/v1/flows/%2e%2E/users") << 404;
        QTest::newRow("dot segment") << QByteArray("/api/v1/./users") << 404;
        QTest::newRow("encoded letter") << QByteArray("/api/v1/%75sers") << 404;
        // Where a route takes a value, the same segments are a bad value:
        // still not routed, refused as the value a route checks would be.
        QTest::newRow("encoded dot-dot as a value") << QByteArray("/api/v1/users/%2e%2E") << 422;
        QTest::newRow("encoded slash in a value") << QByteArray("/api/v1/users/..%2Fme") << 422;
        QTest::newRow("dot-dot as a value") << QByteArray("/api/v1/users/..") << 422;
        QTest::newRow("as registered") << QByteArray("/api/v1/users") << 200;
        QTest::newRow("absolute-form") << QByteArray("http://127.0.0.1/api/v1/users") << 200;
    }
    void pathsAreMatchedAsSent()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        const Answer answer =
            rawExchange(m_http->base(), "GET " + target +
                                            " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                            "Authorization: Bearer " +
                                            m_admin.toLatin1() + "\r\nConnection: close\r\n\r\n");
        QCOMPARE(answer.status, status);
        if (status == 404) {
            QCOMPARE(answer.code(), QStringLiteral("RESOURCE_NOT_FOUND"));
            QVERIFY(!answer.raw.contains("\"users\""));
        }
        if (status == 422) {
            QCOMPARE(answer.code(), QStringLiteral("VALIDATION_ERROR"));
            QCOMPARE(answer.details().value("reason").toString(),
                     QStringLiteral("UNSAFE_PATH_SEGMENT"));
            QVERIFY(!answer.headers.contains("allow"));
        }
    }

    void placeholderValuesAreDecodedAfterMatching()
    {
        const Answer missing = rawExchange(
            m_http->base(), "GET /api/v1/flows/no%2Dsuch%20flow HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            "Authorization: Bearer " +
                                m_admin.toLatin1() + "\r\n\r\n");
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.code(), QStringLiteral("FLOW_NOT_FOUND"));
        QVERIFY2(missing.raw.contains("no-such flow"), missing.raw.constData());
    }

    // A %0A in a path cannot forge a log line: the access line shows the
    // path as sent, and every text line has its control characters
    // escaped (the WebSocket hub logs its decoded path).
    void controlCharactersCannotForgeLogLines()
    {
        const Answer answer = rawExchange(
            m_http->base(),
            "GET /api/v1/nothing%0AFORGED-HTTP-LINE%0D%0A HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QCOMPARE(answer.status, 404);
        const Answer upgrade = rawExchange(
            m_http->base(), "GET /ws/nothing%0AFORGED-WS-LINE HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                            "Sec-WebSocket-Version: 13\r\n\r\n");
        QCOMPARE(upgrade.status, 101);
        // The hub closes the unknown path with 4404 and logs it.
        QTRY_VERIFY_WITH_TIMEOUT(m_server->standardError().contains("FORGED-WS-LINE"), 30000);
        QVERIFY(m_server->standardError().contains("FORGED-HTTP-LINE"));
        for (const QByteArray &line : m_server->standardError().split('\n')) {
            QVERIFY2(!line.startsWith("FORGED"), line.constData());
            QVERIFY2(!line.contains('\r'), line.constData());
        }
    }

    void secretsInPathsStayOutOfTheAccessLine()
    {
        // A query-less path holding "token=…" goes through the masker.
        const Answer odd = m_http->get("/api/v1/token=abcdefghijklmnopqrstuvwxyz");
        QCOMPARE(odd.status, 404);
        const QByteArray requestId = odd.headers.value("x-request-id");
        QVERIFY(requestId.startsWith("req_"));
        // The positive anchor first: this very request's access line has
        // been written (its status closes the line), so the secret's
        // absence below is not just the line not being there yet.
        const QByteArray anchor = "[" + requestId + "]: GET /api/v1/token=";
        QTRY_VERIFY_WITH_TIMEOUT(m_server->standardError().contains(anchor), 30000);
        const QByteArray output = m_server->standardError();
        const qsizetype at = output.indexOf(anchor);
        const QByteArray line = output.mid(at, output.indexOf('\n', at) - at);
        QVERIFY2(line.endsWith(" 404"), line.constData());
        QVERIFY2(!output.contains("abcdefghijklmnopqrstuvwxyz"), line.constData());
        const Answer logs = m_http->get("/api/v1/logs?search=token&size=100", m_admin);
        QCOMPARE(logs.status, 200);
        QVERIFY(!logs.raw.contains("abcdefghijklmnopqrstuvwxyz"));
    }

    // A JSON string can escape half of a UTF-16 pair ("\ud800"), which no
    // Unicode text holds. The body parser refuses such a body for every
    // route alike (as malformed JSON, naming where it is), so no name is
    // stored half converted; a proper pair (an emoji) is text and accepted.
    void unpairedSurrogatesAreRefusedBeforeAnyRoute_data()
    {
        QTest::addColumn<QByteArray>("escape");
        QTest::addRow("lone high") << QByteArray(R"(\ud800)");
        QTest::addRow("lone low") << QByteArray(R"(\udc00)");
        QTest::addRow("reversed pair") << QByteArray(R"(\ude00\ud83d)");
        QTest::addRow("high before a plain letter") << QByteArray(R"(\ud83dx)");
    }
    void unpairedSurrogatesAreRefusedBeforeAnyRoute()
    {
        QFETCH(QByteArray, escape);
        const auto bearer = Http::bearer(m_admin);
        const auto post = [&](const char *verb, const QString &path, const QByteArray &body) {
            return m_http->send(verb, path, body, bearer);
        };
        const auto name = [&](const QByteArray &tail) { return "\"name\": \"x-" + tail + "\""; };
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');

        const Answer node =
            post("POST", "/api/v1/nodes", "{\"name\": \"sur-" + tag.toUtf8() + "\"}");
        QCOMPARE(node.status, 201);
        const QString nodePath =
            "/api/v1/nodes/" + node.data().value("node").toObject().value("id").toString();
        const Answer rule =
            post("POST", "/api/v1/alerts/rules",
                 "{\"name\": \"sur-" + tag.toUtf8() + "\", \"type\": \"cpu\", \"threshold\": 90}");
        QCOMPARE(rule.status, 201);
        const QString rulePath = "/api/v1/alerts/rules/" + rule.data().value("id").toString();
        // A flow needs a definition; an empty one is a draft with problems.
        const QByteArray definition =
            R"("definition": {"schemaVersion": 1, "nodes": [], "edges": []})";
        const Answer flow = post("POST", "/api/v1/flows",
                                 "{\"name\": \"sur-" + tag.toUtf8() + "\", " + definition + "}");
        QVERIFY2(flow.status == 201, flow.raw.constData());
        const QString flowPath = "/api/v1/flows/" + flow.data().value("id").toString();
        const auto storedName = [&](const QString &path) {
            return m_http->get(path, m_admin).data().value("name").toString();
        };
        const QString nodeName = storedName(nodePath);
        const QString ruleName = storedName(rulePath);
        const QString flowName = storedName(flowPath);
        QVERIFY(!ruleName.isEmpty() && !flowName.isEmpty());

        const struct
        {
            const char *verb;
            QString path;
            QByteArray body;
            QString field;
        } refused[] = {
            {"PATCH", nodePath, "{" + name(escape) + "}", "name"},
            {"PUT", "/api/servers/" + nodePath.section(u'/', -1), "{" + name(escape) + "}", "name"},
            {"POST", "/api/v1/alerts/rules",
             "{" + name(escape) + ", \"type\": \"cpu\", \"threshold\": 90}", "name"},
            {"POST", "/api/v1/monitoring/alerts/rules",
             "{" + name(escape) + ", \"metric_name\": \"system.cpu.usage\", \"threshold\": 90}",
             "name"},
            {"PUT", rulePath, "{" + name(escape) + "}", "name"},
            {"POST", "/api/v1/flows", "{" + name(escape) + ", " + definition + "}", "name"},
            {"POST", "/api/v1/flows",
             "{\"name\": \"deep\", \"definition\": {\"schemaVersion\": 1, \"edges\": [], "
             "\"nodes\": [{\"id\": \"a" +
                 escape + "\", \"type\": \"transform\"}]}}",
             "definition.nodes[0].id"},
            {"POST", "/api/v1/flows",
             "{\"name\": \"key\", " + definition + ", \"settings\": {\"k" + escape + "\": 1}}",
             "settings.k"},
        };
        const auto total = [&](const char *list) {
            return m_http->get(list, m_admin)
                .data()
                .value("pagination")
                .toObject()
                .value("total")
                .toInteger(-1);
        };
        const char *lists[] = {"/api/v1/flows", "/api/v1/alerts/rules", "/api/v1/nodes"};
        QList<qint64> totals;
        for (const char *list : lists)
            totals << total(list);
        for (const auto &r : refused) {
            const Answer answer = post(r.verb, r.path, r.body);
            QVERIFY2(answer.status == 422,
                     qPrintable(r.path + QStringLiteral(": ") + QString::fromUtf8(answer.raw)));
            QCOMPARE(answer.code(), QStringLiteral("VALIDATION_ERROR"));
            QCOMPARE(answer.details().value("reason").toString(),
                     QStringLiteral("UNPAIRED_SURROGATE"));
            QVERIFY2(answer.details().value("field").toString().startsWith(r.field),
                     qPrintable(answer.details().value("field").toString()));
            QVERIFY(answer.raw.contains("surrogate"));
        }
        // Nothing stored: the names are as they were, nothing was created.
        QCOMPARE(storedName(nodePath), nodeName);
        QCOMPARE(storedName(rulePath), ruleName);
        QCOMPARE(storedName(flowPath), flowName);
        for (qsizetype i = 0; i < totals.size(); ++i)
            QCOMPARE(total(lists[i]), totals[i]);

        // A proper pair is one character and is kept as sent.
        const QString emoji = QString::fromUtf8("x-\xF0\x9F\x98\x80-") + tag; // U+1F600
        const QByteArray pair = R"(\ud83d\ude00)";
        QCOMPARE(
            post("PATCH", nodePath, "{\"name\": \"x-" + pair + "-" + tag.toUtf8() + "\"}").status,
            200);
        QCOMPARE(storedName(nodePath), emoji);
        QCOMPARE(
            post("PUT", rulePath, "{\"name\": \"x-" + pair + "-" + tag.toUtf8() + "\"}").status,
            200);
        QCOMPARE(storedName(rulePath), emoji);
        const Answer emojiFlow =
            post("POST", "/api/v1/flows",
                 "{\"name\": \"x-" + pair + "-" + tag.toUtf8() + "\", " + definition + "}");
        QVERIFY2(emojiFlow.status == 201, emojiFlow.raw.constData());
        QCOMPARE(storedName("/api/v1/flows/" + emojiFlow.data().value("id").toString()), emoji);
    }
};

QTEST_GUILESS_MAIN(TestHttpRouting)
#include "TestHttpRouting.moc"
