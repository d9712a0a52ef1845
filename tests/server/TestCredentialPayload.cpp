// The credential payload codec (server/services/credentials/CredentialPayload)
// without sockets: the split into public fields and secrets, partial
// updates, the per-type checks and their field names, messages that never
// quote a value.

#include "server/services/credentials/CredentialPayload.h"

#include <QJsonArray>
#include <QTest>

using namespace hm;
using namespace hm::server::credentials;

class TestCredentialPayload : public QObject
{
    Q_OBJECT
private slots:
    void splitsPublicFieldsFromSecrets()
    {
        const auto data = parseData("database", {{"host", "db"},
                                                 {"port", 5432},
                                                 {"database", "sales"},
                                                 {"username", "u"},
                                                 {"password", "pw-123"}});
        if (!data.ok())
            QFAIL(qPrintable(data.error().toString()));
        QCOMPARE(data.value().secrets, (QJsonObject{{"password", "pw-123"}}));
        QCOMPARE(data.value().publicFields.value("port").toInteger(), 5432);
        QVERIFY(!data.value().publicFields.contains("password"));
        QCOMPARE(data.value().secretNames(), QStringList{"password"});
        QCOMPARE(secretFlags("ssh", {"privateKey"}),
                 (QJsonObject{{"privateKey", true}, {"passphrase", false}}));
        QCOMPARE(secretFlags("nope", {}), QJsonObject{});
    }

    void everyTypeKnowsItsSecrets()
    {
        const QMap<QString, QStringList> secrets{
            {"http_basic", {"password"}}, {"http_bearer", {"token"}},
            {"api_key", {"key"}},         {"oauth2", {"clientSecret"}},
            {"database", {"password"}},   {"ssh", {"privateKey", "passphrase"}}};
        QCOMPARE(QStringList(secrets.keys()).size(), credentialTypes().size());
        for (const QString &type : credentialTypes()) {
            QStringList names;
            for (const FieldSpec &spec : *fieldsOf(type)) {
                if (spec.secret)
                    names.append(spec.name);
            }
            QCOMPARE(names, secrets.value(type));
        }
        QVERIFY(!fieldsOf("kerberos"));
    }

    void seedApiKeyShapeIsAccepted()
    {
        const auto data = parseData("api_key", {{"key", "sk-1"}, {"header", "X-API-Key"}});
        QVERIFY(data.ok());
        QCOMPARE(data.value().publicFields, (QJsonObject{{"in", "header"}, {"name", "X-API-Key"}}));
    }

    void scopesAcceptAStringOrAnArray()
    {
        for (const QJsonValue &scopes : {QJsonValue("a  b"), QJsonValue(QJsonArray{"a", "b"})}) {
            const auto data = parseData("oauth2", {{"clientId", "c"},
                                                   {"clientSecret", "s"},
                                                   {"tokenUrl", "https://x/token"},
                                                   {"scopes", scopes}});
            QVERIFY(data.ok());
            QCOMPARE(data.value().publicFields.value("scopes").toArray(), (QJsonArray{"a", "b"}));
        }
    }

    void patchKeepsReplacesAndClears()
    {
        const auto current = parseData(
            "ssh",
            {{"host", "h"}, {"username", "u"}, {"privateKey", "KEY"}, {"passphrase", "PHRASE"}});
        QVERIFY(current.ok());
        const auto next =
            applyPatch("ssh", current.value(), {{"host", "h2"}, {"passphrase", QJsonValue::Null}});
        QVERIFY(next.ok());
        QCOMPARE(next.value().publicFields.value("host").toString(), QStringLiteral("h2"));
        QCOMPARE(next.value().secrets, (QJsonObject{{"privateKey", "KEY"}}));
        const auto cleared = applyPatch("ssh", current.value(), {{"privateKey", QJsonValue::Null}});
        QVERIFY(!cleared.ok());
        QCOMPARE(cleared.error().details.value("field").toString(),
                 QStringLiteral("data.privateKey"));
    }

    void errorsNameTheFieldAndNeverTheValue_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QJsonObject>("data");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown field")
            << "http_bearer" << QJsonObject{{"token", "t"}, {"tokn", "VALUE-1"}} << "data.tokn";
        QTest::newRow("port") << "ssh"
                              << QJsonObject{{"host", "h"},
                                             {"username", "u"},
                                             {"privateKey", "k"},
                                             {"port", 0}}
                              << "data.port";
        QTest::newRow("url") << "oauth2"
                             << QJsonObject{{"clientId", "c"},
                                            {"clientSecret", "VALUE-1"},
                                            {"tokenUrl", "VALUE-1"}}
                             << "data.tokenUrl";
        QTest::newRow("not a string")
            << "http_basic" << QJsonObject{{"username", "u"}, {"password", 12345}}
            << "data.password";
        QTest::newRow("line break in a header value")
            << "http_bearer" << QJsonObject{{"token", "VALUE-1\r\nX-Injected: 1"}} << "data.token";
        QTest::newRow("header name")
            << "api_key" << QJsonObject{{"key", "k"}, {"name", "X Api: VALUE-1"}} << "data.name";
        QTest::newRow("too long") << "http_bearer" << QJsonObject{{"token", QString(5000, u'V')}}
                                  << "data.token";
    }
    void errorsNameTheFieldAndNeverTheValue()
    {
        QFETCH(QString, type);
        QFETCH(QJsonObject, data);
        QFETCH(QString, field);
        const auto parsed = parseData(type, data);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::ValidationError);
        QCOMPARE(parsed.error().details.value("field").toString(), field);
        QVERIFY(parsed.error().message.startsWith(field));
        QVERIFY(!parsed.error().message.contains("VALUE-1"));
        QVERIFY(!parsed.error().message.contains("VVVV"));
        QVERIFY(!parsed.error().message.contains("12345"));
    }

    void aPemKeyKeepsItsLineBreaks()
    {
        const auto data = parseData("ssh", {{"host", "h"},
                                            {"username", "u"},
                                            {"privateKey", "-----BEGIN KEY-----\nAAAA\n-----END "
                                                           "KEY-----\n"}});
        QVERIFY(data.ok());
        QVERIFY(parseData("api_key", {{"key", "k"}, {"in", "query"}, {"name", "api key"}}).ok());
    }

    void secretsEncodeAndDecode()
    {
        const QJsonObject secrets{{"password", "p\u00e4ss"}, {"token", "t"}};
        const auto decoded = decodeSecrets(encodeSecrets(secrets));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.value(), secrets);
        QCOMPARE(decodeSecrets("not json").error().code, ErrorCode::DecryptionError);
    }
};

QTEST_GUILESS_MAIN(TestCredentialPayload)
#include "TestCredentialPayload.moc"
