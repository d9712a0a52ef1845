// The credential payload codec (server/services/credentials/CredentialPayload)
// without sockets: the split into public fields and secrets, partial
// updates, the per-type checks and their field names, messages that never
// quote a value; an ssh credential's private key parsed with libssh (issue
// 34, item 11), with keys ssh-keygen makes.

#include "SshTestKeys.h"
#include "server/services/credentials/CredentialPayload.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::server::credentials;

class TestCredentialPayload : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_keys;
    QString m_ed25519;   // no passphrase
    QString m_encrypted; // ed25519 protected by kPassphrase
    const QString kPassphrase = QStringLiteral("Phrase-7741");

    // An ssh credential's data with `key` (and `passphrase`, when given).
    static QJsonObject ssh(const QString &key, const QString &passphrase = {})
    {
        QJsonObject data{{"host", "h"}, {"username", "u"}, {"privateKey", key}};
        if (!passphrase.isEmpty())
            data.insert("passphrase", passphrase);
        return data;
    }

    QString keygen(const QString &name, const QString &type, const QString &passphrase = {},
                   const QString &format = {})
    {
        QString failure;
        const QString key =
            hm::test::generateSshKey(m_keys.filePath(name), type, passphrase, format, &failure);
        if (key.isEmpty())
            qWarning().noquote() << failure;
        return key;
    }

    // Checks that `data` is refused as ssh data naming `field` for
    // `reason`, without quoting the key or the passphrase.
    static void verifyRefused(const QJsonObject &data, const QString &field, const QString &reason)
    {
        const auto parsed = parseData("ssh", data);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::ValidationError);
        QCOMPARE(parsed.error().details.value("field").toString(), field);
        QCOMPARE(parsed.error().details.value("reason").toString(), reason);
        QVERIFY2(parsed.error().message.startsWith(field), qPrintable(parsed.error().message));
        const QString text = parsed.error().toString();
        const QString key = data.value("privateKey").toString();
        // No line of the key, not even its BEGIN line, nor the passphrase
        // (a line too short to be told from other text aside).
        for (const QString &line : key.split(u'\n', Qt::SkipEmptyParts)) {
            if (line.trimmed().size() >= 8)
                QVERIFY2(!text.contains(line.trimmed()), qPrintable(text));
        }
        if (data.contains("passphrase"))
            QVERIFY2(!text.contains(data.value("passphrase").toString()), qPrintable(text));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_keys.isValid());
        m_ed25519 = keygen("ed25519", "ed25519");
        QVERIFY(m_ed25519.contains("BEGIN OPENSSH PRIVATE KEY"));
        m_encrypted = keygen("encrypted", "ed25519", kPassphrase);
        QVERIFY(!m_encrypted.isEmpty());
    }

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
        const auto current = parseData("ssh", ssh(m_ed25519, "PHRASE"));
        QVERIFY(current.ok());
        const auto next =
            applyPatch("ssh", current.value(), {{"host", "h2"}, {"passphrase", QJsonValue::Null}});
        QVERIFY(next.ok());
        QCOMPARE(next.value().publicFields.value("host").toString(), QStringLiteral("h2"));
        QCOMPARE(next.value().secrets, (QJsonObject{{"privateKey", m_ed25519}}));
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
                                             {"privateKey", m_ed25519},
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
        const auto data = parseData("ssh", ssh(m_ed25519));
        QVERIFY(data.ok());
        QVERIFY(m_ed25519.count(u'\n') > 2);
        QCOMPARE(data.value().secrets.value("privateKey").toString(), m_ed25519);
        QVERIFY(parseData("api_key", {{"key", "k"}, {"in", "query"}, {"name", "api key"}}).ok());
    }

    // Keys ssh-keygen writes, in its own format and in the older PEM and
    // PKCS#8 ones, with and without a passphrase.
    void readableKeysAreAccepted_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("passphrase");
        QTest::newRow("ed25519") << "ed25519"
                                 << ""
                                 << "";
        QTest::newRow("rsa") << "rsa"
                             << ""
                             << "";
        QTest::newRow("rsa pem") << "rsa"
                                 << "PEM"
                                 << "";
        QTest::newRow("ecdsa pkcs8") << "ecdsa"
                                     << "PKCS8"
                                     << "";
        QTest::newRow("encrypted ed25519") << "ed25519"
                                           << ""
                                           << "Phrase-1234";
        QTest::newRow("encrypted rsa pem") << "rsa"
                                           << "PEM"
                                           << "Phrase-1234";
        QTest::newRow("encrypted ecdsa pkcs8") << "ecdsa"
                                               << "PKCS8"
                                               << "Phrase-1234";
    }
    void readableKeysAreAccepted()
    {
        QFETCH(QString, type);
        QFETCH(QString, format);
        QFETCH(QString, passphrase);
        const QString key = keygen("accepted", type, passphrase, format);
        QVERIFY(!key.isEmpty());
        const auto data = parseData("ssh", ssh(key, passphrase));
        QVERIFY2(data.ok(), data.ok() ? "" : qPrintable(data.error().message));
        if (!passphrase.isEmpty()) {
            verifyRefused(ssh(key), "data.passphrase", "passphrase_required");
            verifyRefused(ssh(key, "Wrong-Phrase"), "data.passphrase", "wrong_passphrase");
        }
    }

    void unreadableKeysAreRefusedWithTheReason()
    {
        verifyRefused(ssh("not a real key"), "data.privateKey", "not_a_private_key");
        // The public half instead of the private key.
        QFile publicKey(m_keys.filePath("ed25519.pub"));
        QVERIFY(publicKey.open(QIODevice::ReadOnly));
        verifyRefused(ssh(QString::fromUtf8(publicKey.readAll())), "data.privateKey", "public_key");
        // A key block whose content is not a key.
        verifyRefused(ssh("-----BEGIN OPENSSH PRIVATE KEY-----\nbm90IGEga2V5LCBqdXN0IHRleHQ=\n"
                          "-----END OPENSSH PRIVATE KEY-----\n"),
                      "data.privateKey", "unreadable_key");
        // A real key cut short.
        verifyRefused(ssh(m_ed25519.left(m_ed25519.size() / 2)), "data.privateKey",
                      "unreadable_key");
    }

    // An OpenSSH key of a type libssh does not know (the ed25519 key with
    // its type renamed): refused for its type, not blamed on the passphrase.
    void anUnsupportedKeyTypeIsNamed()
    {
        for (const QString &key : {m_ed25519, m_encrypted}) {
            QStringList lines = key.split(u'\n', Qt::SkipEmptyParts);
            QVERIFY(lines.size() > 2);
            QByteArray blob =
                QByteArray::fromBase64(lines.mid(1, lines.size() - 2).join("").toLatin1());
            QVERIFY(blob.contains("ssh-ed25519"));
            blob.replace("ssh-ed25519", "ssh-ed448xx"); // same length: the framing holds
            const QString renamed = "-----BEGIN OPENSSH PRIVATE KEY-----\n" +
                                    QString::fromLatin1(blob.toBase64()) +
                                    "\n-----END OPENSSH PRIVATE KEY-----\n";
            verifyRefused(ssh(renamed, kPassphrase), "data.privateKey", "unsupported_key_type");
            const auto parsed = parseData("ssh", ssh(renamed));
            QVERIFY(!parsed.ok());
            QVERIFY2(parsed.error().message.contains("ssh-ed448xx"),
                     qPrintable(parsed.error().message));
        }
    }

    // An update parses the key again when it or its passphrase changes; a
    // refused one changes nothing (the vault stores only what this returns).
    void aPatchOfTheKeyIsParsed()
    {
        const auto current = parseData("ssh", ssh(m_encrypted, kPassphrase));
        QVERIFY(current.ok());
        auto next = applyPatch("ssh", current.value(), {{"privateKey", "not a real key"}});
        QVERIFY(!next.ok());
        QCOMPARE(next.error().details.value("reason").toString(),
                 QStringLiteral("not_a_private_key"));
        next = applyPatch("ssh", current.value(), {{"passphrase", "Wrong-Phrase"}});
        QVERIFY(!next.ok());
        QCOMPARE(next.error().details.value("reason").toString(),
                 QStringLiteral("wrong_passphrase"));
        next = applyPatch("ssh", current.value(), {{"passphrase", QJsonValue::Null}});
        QVERIFY(!next.ok());
        QCOMPARE(next.error().details.value("reason").toString(),
                 QStringLiteral("passphrase_required"));
        next = applyPatch("ssh", current.value(),
                          {{"privateKey", m_ed25519}, {"passphrase", QJsonValue::Null}});
        QVERIFY(next.ok());
        QCOMPARE(next.value().secrets, (QJsonObject{{"privateKey", m_ed25519}}));

        // A credential stored before keys were parsed can still be edited
        // as long as its key is left alone.
        CredentialData legacy;
        legacy.publicFields = QJsonObject{{"host", "h"}, {"username", "u"}};
        legacy.secrets = QJsonObject{{"privateKey", "not a real key"}};
        next = applyPatch("ssh", legacy, {{"host", "h2"}});
        QVERIFY(next.ok());
        QCOMPARE(next.value().publicFields.value("host").toString(), QStringLiteral("h2"));
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
