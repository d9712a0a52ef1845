// The OpenAPI document against the real server's route table: every route
// the router holds must appear, described (issue "Headless server", point 4).

#include "AuthTestSupport.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::test;

class TestOpenApi : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    QJsonObject m_document;
    QJsonArray m_routes;

private slots:
    void initTestCase()
    {
        const QString failure = startServer();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        // No credentials: the document is public.
        const Answer document = m_http->get(QStringLiteral("/api/v1/openapi.json"));
        QCOMPARE(document.status, 200);
        QVERIFY(document.headers.value("content-type").startsWith("application/json"));
        m_document = QJsonDocument::fromJson(document.raw).object();
        QVERIFY(!m_document.isEmpty());

        const Answer routes = m_http->get(QStringLiteral("/api/v1/system/routes"), m_admin);
        QCOMPARE(routes.status, 200);
        m_routes = routes.data().value("routes").toArray();
        QVERIFY(m_routes.size() > 20);
        QCOMPARE(routes.data().value("total").toInt(), m_routes.size());
    }

    // servers[].url comes from the configuration (here the listen URL),
    // never from the request's Host header.
    void serverUrlIgnoresTheHostHeader()
    {
        const QString expected = m_http->base().toString(QUrl::StripTrailingSlash);
        QCOMPARE(m_document.value("servers").toArray().first().toObject().value("url").toString(),
                 expected);
        const Answer spoofed =
            rawExchange(m_http->base(), "GET /api/v1/openapi.json HTTP/1.1\r\n"
                                        "Host: evil.example\r\nConnection: close\r\n\r\n");
        QCOMPARE(spoofed.status, 200);
        QVERIFY(!spoofed.raw.contains("evil.example"));
        QCOMPARE(spoofed.body.value("servers").toArray().first().toObject().value("url").toString(),
                 expected);

        // With --public-url, that one.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ServerProcess server(dir.path());
        const QUrl url = server.start({"--public-url", "https://hivemind.example:8443"});
        QVERIFY2(!url.isEmpty(), server.standardError().constData());
        const Answer configured = rawExchange(url, "GET /api/v1/openapi.json HTTP/1.1\r\n"
                                                   "Host: evil.example\r\n\r\n");
        QCOMPARE(configured.status, 200);
        QCOMPARE(
            configured.body.value("servers").toArray().first().toObject().value("url").toString(),
            QStringLiteral("https://hivemind.example:8443"));
    }

    void routeTableIsAdminOnly()
    {
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/system/routes")).status, 401);
    }

    void looksLikeOpenApi3()
    {
        QVERIFY(m_document.value("openapi").toString().startsWith("3.0"));
        const QJsonObject info = m_document.value("info").toObject();
        QCOMPARE(info.value("title").toString(), QStringLiteral("HiveMind"));
        QVERIFY(!info.value("version").toString().isEmpty());
        QVERIFY(!m_document.value("servers").toArray().isEmpty());
        QVERIFY(!m_document.value("paths").toObject().isEmpty());
        const QJsonObject components = m_document.value("components").toObject();
        const QJsonObject schemes = components.value("securitySchemes").toObject();
        QCOMPARE(schemes.value("bearerAuth").toObject().value("scheme").toString(),
                 QStringLiteral("bearer"));
        QCOMPARE(schemes.value("bearerAuth").toObject().value("bearerFormat").toString(),
                 QStringLiteral("JWT"));
        QCOMPARE(schemes.value("apiKeyAuth").toObject().value("name").toString(),
                 QStringLiteral("X-API-Key"));
        const QJsonObject schemas = components.value("schemas").toObject();
        for (const char *name : {"Envelope", "ErrorEnvelope", "Error", "Pagination"})
            QVERIFY2(schemas.contains(QString::fromLatin1(name)), name);
    }

    void everyRouteIsDocumented()
    {
        static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z_0-9]+)\\}"));
        const QJsonObject paths = m_document.value("paths").toObject();
        for (const QJsonValue &value : std::as_const(m_routes)) {
            const QJsonObject route = value.toObject();
            const QString path = route.value("path").toString();
            const QString method = route.value("method").toString().toLower();
            const QString label = method + u' ' + path;
            const QJsonObject operation = paths.value(path).toObject().value(method).toObject();
            QVERIFY2(!operation.isEmpty(), qPrintable(label + " missing from the document"));
            QVERIFY2(!operation.value("summary").toString().isEmpty(), qPrintable(label));
            QVERIFY2(!route.value("summary").toString().isEmpty(), qPrintable(label));
            QVERIFY2(!operation.value("responses").toObject().isEmpty(), qPrintable(label));
            QVERIFY2(!operation.value("tags").toArray().isEmpty(), qPrintable(label));

            QStringList declared;
            for (const QJsonValue &p : operation.value("parameters").toArray()) {
                const QJsonObject parameter = p.toObject();
                if (parameter.value("in").toString() == QLatin1String("path")) {
                    QVERIFY2(parameter.value("required").toBool(), qPrintable(label));
                    declared.append(parameter.value("name").toString());
                }
            }
            QStringList expected;
            for (auto it = placeholder.globalMatch(path); it.hasNext();)
                expected.append(it.next().captured(1));
            QCOMPARE(declared, expected);

            // Protected routes name their security; public ones an empty list.
            const bool isProtected = !route.value("auth").isNull();
            QCOMPARE(operation.value("security").toArray().isEmpty(), !isProtected);
            if (isProtected) {
                QVERIFY2(operation.value("responses").toObject().contains("401"),
                         qPrintable(label));
            }
        }
    }

    void documentHoldsNothingElse()
    {
        QSet<QString> known;
        for (const QJsonValue &value : std::as_const(m_routes))
            known.insert(value.toObject().value("method").toString().toLower() + u' ' +
                         value.toObject().value("path").toString());
        const QJsonObject paths = m_document.value("paths").toObject();
        int operations = 0;
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            const QJsonObject item = it.value().toObject();
            for (auto op = item.begin(); op != item.end(); ++op) {
                QVERIFY2(known.contains(op.key() + u' ' + it.key()), qPrintable(it.key()));
                ++operations;
            }
        }
        QCOMPARE(operations, m_routes.size());
    }

    void successAndErrorResponsesUseTheEnvelope()
    {
        const QJsonObject login = m_document.value("paths")
                                      .toObject()
                                      .value("/api/v1/auth/login")
                                      .toObject()
                                      .value("post")
                                      .toObject();
        const QJsonObject responses = login.value("responses").toObject();
        const QByteArray ok = QJsonDocument(responses.value("200").toObject()).toJson();
        QVERIFY(ok.contains("#/components/schemas/Envelope"));
        QVERIFY(ok.contains("access_token"));
        for (const char *status : {"401", "423", "429"}) {
            if (!responses.contains(QString::fromLatin1(status)))
                continue;
            QVERIFY(QJsonDocument(responses.value(QString::fromLatin1(status)).toObject())
                        .toJson()
                        .contains("#/components/schemas/ErrorEnvelope"));
        }
        QVERIFY(responses.contains("401"));
        QVERIFY(responses.contains("429"));
    }

    void authRequestBodiesAreDescribed()
    {
        const QJsonObject paths = m_document.value("paths").toObject();
        const QList<QPair<QString, QString>> withBody{{"/api/v1/auth/login", "post"},
                                                      {"/api/v1/auth/refresh", "post"},
                                                      {"/api/v1/auth/register", "post"},
                                                      {"/api/v1/auth/api-keys", "post"},
                                                      {"/api/v1/users", "post"},
                                                      {"/api/v1/users/{id}", "put"},
                                                      {"/api/v1/users/me/password", "put"},
                                                      {"/api/v1/system/config", "put"}};
        for (const auto &[path, method] : withBody) {
            const QJsonObject schema = paths.value(path)
                                           .toObject()
                                           .value(method)
                                           .toObject()
                                           .value("requestBody")
                                           .toObject()
                                           .value("content")
                                           .toObject()
                                           .value("application/json")
                                           .toObject()
                                           .value("schema")
                                           .toObject();
            QVERIFY2(!schema.value("properties").toObject().isEmpty(), qPrintable(path));
        }
        const QJsonObject login = paths.value("/api/v1/auth/login")
                                      .toObject()
                                      .value("post")
                                      .toObject()
                                      .value("requestBody")
                                      .toObject();
        QVERIFY(QJsonDocument(login).toJson().contains("\"password\""));
    }
};

QTEST_MAIN(TestOpenApi)
#include "TestOpenApi.moc"
