#include "common/LogFormatter.h"
#include "common/SensitiveDataMasker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace hm;

namespace {
QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}
} // namespace

class TestLogging : public QObject
{
    Q_OBJECT
private slots:
    void maskValueFollowsSeed()
    {
        // Seed 003 §12.4.3's own example.
        QCOMPARE(SensitiveDataMasker::maskValue(QStringLiteral("sk-1234567890abcdef")),
                 QStringLiteral("sk****ef..."));
        QCOMPARE(
            SensitiveDataMasker::maskValue(QStringLiteral("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
                                                          "eyJzdWIiOiIxMjM0NTY3ODkwIn0.fQ")),
            QStringLiteral("ey****fQ..."));
        QCOMPARE(SensitiveDataMasker::maskValue(QStringLiteral("short")), QStringLiteral("****"));
        QCOMPARE(SensitiveDataMasker::maskValue(QString()), QStringLiteral("****"));
    }

    // Masking what is already masked changes nothing: a log line masked by
    // the log component is masked again when stored and when written out.
    void maskingTwiceIsMaskingOnce()
    {
        for (const QString &secret :
             {QStringLiteral("sk-1234567890abcdef"), QStringLiteral("hunter22secret"),
              QStringLiteral("12345678"), QStringLiteral("short")}) {
            const QString once = SensitiveDataMasker::maskValue(secret);
            QCOMPARE(SensitiveDataMasker::maskValue(once), once);
        }
        const QString line = QStringLiteral(R"(got {"password":"hunter22secret","user":"ann"})");
        const QString once = SensitiveDataMasker::maskText(line);
        QCOMPARE(once, QStringLiteral(R"(got {"password":"hu****et...","user":"ann"})"));
        QCOMPARE(SensitiveDataMasker::maskText(once), once);
    }

    void everySeedKeyIsSensitiveCaseInsensitively_data()
    {
        QTest::addColumn<QString>("key");
        for (const char *key :
             {"password", "passwd", "pwd", "secret", "token", "accessToken", "bearerToken",
              "refreshToken", "apiKey", "api_key", "secretKey", "authorization", "credential",
              "auth", "connectionString", "dbPassword", "PASSWORD", "ApiKey", "AUTHORIZATION"})
            QTest::newRow(key) << QString::fromLatin1(key);
    }
    void everySeedKeyIsSensitiveCaseInsensitively()
    {
        QFETCH(QString, key);
        QVERIFY(SensitiveDataMasker::isSensitiveKey(key));
    }

    void ordinaryKeysAreKept()
    {
        for (const char *key : {"username", "name", "tokens_used", "author", "id", "pass"})
            QVERIFY2(!SensitiveDataMasker::isSensitiveKey(QString::fromLatin1(key)), key);
    }

    void masksNestedObjectsAndArrays()
    {
        const QJsonObject input = parse(R"({
            "user": "alice",
            "apiKey": "sk-1234567890abcdef",
            "config": {"db": {"dbPassword": "hunter2hunter2", "host": "db1"},
                       "headers": [{"Authorization": "Bearer abcdefghijkl"}, {"accept": "json"}]},
            "credential": {"username": "u", "password": "p"},
            "list": [["x", {"token": "tok-0123456789"}]],
            "count": 3
        })");
        const QJsonObject masked = SensitiveDataMasker::mask(input);
        QCOMPARE(masked.value(QStringLiteral("user")).toString(), QStringLiteral("alice"));
        QCOMPARE(masked.value(QStringLiteral("apiKey")).toString(), QStringLiteral("sk****ef..."));
        const QJsonObject db = masked.value(QStringLiteral("config"))
                                   .toObject()
                                   .value(QStringLiteral("db"))
                                   .toObject();
        QCOMPARE(db.value(QStringLiteral("dbPassword")).toString(), QStringLiteral("hu****r2..."));
        QCOMPARE(db.value(QStringLiteral("host")).toString(), QStringLiteral("db1"));
        const QJsonArray headers = masked.value(QStringLiteral("config"))
                                       .toObject()
                                       .value(QStringLiteral("headers"))
                                       .toArray();
        QCOMPARE(headers.at(0).toObject().value(QStringLiteral("Authorization")).toString(),
                 QStringLiteral("Be****kl..."));
        QCOMPARE(headers.at(1).toObject().value(QStringLiteral("accept")).toString(),
                 QStringLiteral("json"));
        // A sensitive key hides a whole nested value.
        QCOMPARE(masked.value(QStringLiteral("credential")).toString(), QStringLiteral("****"));
        const QJsonObject deep =
            masked.value(QStringLiteral("list")).toArray().at(0).toArray().at(1).toObject();
        QCOMPARE(deep.value(QStringLiteral("token")).toString(), QStringLiteral("to****89..."));
        QCOMPARE(masked.value(QStringLiteral("count")).toInt(), 3);
        // Nothing secret survives anywhere in the serialised form.
        const QByteArray text = QJsonDocument(masked).toJson();
        for (const char *secret :
             {"1234567890abcdef", "hunter2hunter2", "abcdefghijkl", "tok-0123456789"})
            QVERIFY2(!text.contains(secret), secret);
        // Masking copies: the input still holds its values.
        QCOMPARE(input.value(QStringLiteral("list"))
                     .toArray()
                     .at(0)
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(QStringLiteral("token"))
                     .toString(),
                 QStringLiteral("tok-0123456789"));
        QCOMPARE(input.value(QStringLiteral("apiKey")).toString(),
                 QStringLiteral("sk-1234567890abcdef"));
    }

    void maskingKeepsCleanValuesAndMatchesKeysInAnyCase()
    {
        // Nothing sensitive: the same value comes back, nested parts included.
        const QJsonObject clean =
            parse(R"({"a": 1, "tokens_used": 5, "list": [{"x": [1, 2]}, "pwd?"], "o": {}})");
        QCOMPARE(SensitiveDataMasker::mask(clean), clean);
        const QJsonArray array = clean.value(QStringLiteral("list")).toArray();
        QCOMPARE(SensitiveDataMasker::mask(array), array);
        // Keys match whatever their case; keys of the same length that are
        // not on the list stay.
        const QJsonObject mixed = parse(
            R"({"PASSWORD": "hunter2hunter2", "Api_Key": "abcdefghijkl", "passwork": "shown"})");
        const QJsonObject masked = SensitiveDataMasker::mask(mixed);
        QCOMPARE(masked.value(QStringLiteral("PASSWORD")).toString(),
                 QStringLiteral("hu****r2..."));
        QCOMPARE(masked.value(QStringLiteral("Api_Key")).toString(), QStringLiteral("ab****kl..."));
        QCOMPARE(masked.value(QStringLiteral("passwork")).toString(), QStringLiteral("shown"));
        // A secret only at the end of an array is still found.
        const QJsonArray tail = parse(R"({"l": [1, 2, {"secret": "s3cr3t-value"}]})")
                                    .value(QStringLiteral("l"))
                                    .toArray();
        QCOMPARE(SensitiveDataMasker::mask(tail).at(2).toObject().value(QStringLiteral("secret")),
                 QJsonValue(QStringLiteral("s3****ue...")));
        QCOMPARE(SensitiveDataMasker::mask(tail).at(0), QJsonValue(1));
    }

    void masksSecretsInFreeText()
    {
        const QString text = SensitiveDataMasker::maskText(QStringLiteral(
            R"(login password=correcthorse user=bob {"apiKey":"sk-1234567890abcdef"} Authorization: Bearer abc.def.ghi)"));
        QVERIFY2(!text.contains(QStringLiteral("correcthorse")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("1234567890abcdef")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("abc.def.ghi")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("user=bob")));
    }

    // A pair inside the value of a harmless key is masked too: a URL's
    // query in a node's log line, a JSON string holding key=value text.
    void masksPairsInsideOtherValues()
    {
        const QString url = SensitiveDataMasker::maskText(QStringLiteral(
            "GET https://api.example.com/v1/pets?limit=3&api_key=abcdef1234567890 -> 200"));
        QVERIFY2(!url.contains(QStringLiteral("abcdef1234567890")), qPrintable(url));
        QVERIFY2(url.contains(QStringLiteral("limit=3")), qPrintable(url));
        QVERIFY2(url.contains(QStringLiteral("api_key=ab****90...")), qPrintable(url));
        const QString json = SensitiveDataMasker::maskText(
            QStringLiteral(R"({"note":"token=abcdefghijkl","user":"ann"})"));
        QVERIFY2(!json.contains(QStringLiteral("abcdefghijkl")), qPrintable(json));
        QVERIFY(json.contains(QStringLiteral(R"("user":"ann")")));
    }

    // maskText's pre-check may only skip texts the pattern would leave as
    // they are: every key, in any case and anywhere, must pass it.
    void preCheckPassesEveryKey()
    {
        const QList<QStringView> keys = SensitiveDataMasker::sensitiveKeys();
        QCOMPARE(keys.size(), 16);
        for (QStringView key : keys) {
            const QString lower = key.toString();
            for (const QString &form :
                 {lower, lower.toUpper(), lower.left(1).toUpper() + lower.mid(1)}) {
                const QString text = QStringLiteral("call with %1=abcdefghij").arg(form);
                QVERIFY2(SensitiveDataMasker::mayHoldSensitiveKey(text), qPrintable(text));
                QVERIFY2(SensitiveDataMasker::maskText(text) != text, qPrintable(text));
            }
        }
        QVERIFY(!SensitiveDataMasker::mayHoldSensitiveKey(
            u"GET http://127.0.0.1:8080/api/pets?limit=3 -> 200"));
        QVERIFY(!SensitiveDataMasker::mayHoldSensitiveKey(u""));
    }

    // Differential: maskText (with its pre-checks) against the pattern
    // alone, over texts put together from keys, near-keys and separators.
    void maskTextMatchesThePatternAlone()
    {
        const QStringList words = {QStringLiteral("password"),
                                   QStringLiteral("Token"),
                                   QStringLiteral("APIKEY"),
                                   QStringLiteral("api_key"),
                                   QStringLiteral("author"),
                                   QStringLiteral("pass"),
                                   QStringLiteral("tokens_used"),
                                   QStringLiteral("auth"),
                                   QStringLiteral("user"),
                                   QStringLiteral("Bearer abcdefghijkl"),
                                   QStringLiteral("\"value123456\""),
                                   QStringLiteral("connectionString"),
                                   QStringLiteral("x"),
                                   QStringLiteral("dbPassword"),
                                   QStringLiteral("\u00e9t\u00e9"),
                                   QStringLiteral("credential"),
                                   QStringLiteral("pwd")};
        const QStringList separators = {
            QStringLiteral("="), QStringLiteral(": "), QStringLiteral(" "), QStringLiteral("\":\""),
            QStringLiteral(","), QStringLiteral("&"),  QStringLiteral("/"), QStringLiteral("{\"")};
        quint32 seed = 12345;
        auto next = [&seed](quint32 bound) {
            seed = seed * 1664525u + 1013904223u;
            return (seed >> 8) % bound;
        };
        int masked = 0;
        for (int round = 0; round < 5000; ++round) {
            QString text;
            const int pieces = 1 + int(next(8));
            for (int i = 0; i < pieces; ++i)
                text += words.at(int(next(quint32(words.size())))) +
                        separators.at(int(next(quint32(separators.size()))));
            const QString expected = SensitiveDataMasker::maskTextByPattern(text);
            QCOMPARE(SensitiveDataMasker::maskText(text), expected);
            masked += expected != text ? 1 : 0;
        }
        QVERIFY(masked > 500); // the texts do hold pairs to mask
    }

    void jsonRecordsAreOneObjectPerLine()
    {
        const QString line = logging::formatRecord(
            logging::Format::Json, QtWarningMsg, "hivemind.store",
            QStringLiteral("opened, token=abcdefghijklmnop"), QStringLiteral("req_0011"));
        QVERIFY(!line.contains(u'\n'));
        const QJsonObject record = QJsonDocument::fromJson(line.toUtf8()).object();
        QCOMPARE(record.value(QStringLiteral("level")).toString(), QStringLiteral("warning"));
        QCOMPARE(record.value(QStringLiteral("category")).toString(),
                 QStringLiteral("hivemind.store"));
        QCOMPARE(record.value(QStringLiteral("request_id")).toString(), QStringLiteral("req_0011"));
        QVERIFY(!record.value(QStringLiteral("message"))
                     .toString()
                     .contains(QStringLiteral("abcdefghijklmnop")));
        QVERIFY(QDateTime::fromString(record.value(QStringLiteral("time")).toString(),
                                      Qt::ISODateWithMs)
                    .isValid());
    }

    // A text line stays one line whatever its message holds: control
    // characters are written out, in JSON records JSON escapes them.
    void textLinesEscapeControlCharacters()
    {
        const QString message = QStringLiteral("GET /x\n2026-01-01T00:00:00.000Z INFO forged\r\n"
                                               "\t\x1b[31m\x7f") +
                                QChar(0x85) + QChar(0x2028) + QStringLiteral(" caf\u00e9 \\n");
        const QString line = logging::formatRecord(logging::Format::Text, QtInfoMsg,
                                                   "hivemind.server.http", message, {});
        QVERIFY2(line.endsWith(QStringLiteral(
                     ": GET /x\\n2026-01-01T00:00:00.000Z INFO forged\\r\\n\\t\\x1b[31m\\x7f"
                     "\\x85\\u2028 caf\u00e9 \\n")),
                 qPrintable(line));
        for (const QChar c : line)
            QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f, qPrintable(line));
        // Nothing to escape: the very same text.
        QCOMPARE(logging::escapeControls(QStringLiteral("plain line, caf\u00e9")),
                 QStringLiteral("plain line, caf\u00e9"));
        const QString json = logging::formatRecord(logging::Format::Json, QtInfoMsg,
                                                   "hivemind.server.http", message, {});
        QVERIFY(!json.contains(u'\n') && !json.contains(u'\r'));
        QCOMPARE(QJsonDocument::fromJson(json.toUtf8())
                     .object()
                     .value(QStringLiteral("message"))
                     .toString(),
                 message);
    }

    void requestIdScopeNests()
    {
        QVERIFY(logging::RequestIdScope::current().isEmpty());
        {
            logging::RequestIdScope outer(QStringLiteral("a"));
            {
                logging::RequestIdScope inner(QStringLiteral("b"));
                QCOMPARE(logging::RequestIdScope::current(), QStringLiteral("b"));
            }
            QCOMPARE(logging::RequestIdScope::current(), QStringLiteral("a"));
        }
        QVERIFY(logging::RequestIdScope::current().isEmpty());
    }

    // JSON records name the signed-in user while a UserScope is alive (the
    // route helper opens one once the caller is authenticated), and only then.
    void jsonRecordsNameTheUser()
    {
        const auto userOf = [] {
            return QJsonDocument::fromJson(logging::formatRecord(logging::Format::Json, QtInfoMsg,
                                                                 "hivemind.server", QStringLiteral("x"),
                                                                 {})
                                               .toUtf8())
                .object()
                .value(QStringLiteral("user"));
        };
        QVERIFY(userOf().isUndefined());
        {
            logging::UserScope user(QStringLiteral("ann"));
            QCOMPARE(userOf().toString(), QStringLiteral("ann"));
            // Text lines stay as they were.
            QVERIFY(!logging::formatRecord(logging::Format::Text, QtInfoMsg, "hivemind.server",
                                           QStringLiteral("x"), {})
                         .contains(QStringLiteral("ann")));
        }
        QVERIFY(userOf().isUndefined());
    }
};

QTEST_GUILESS_MAIN(TestLogging)
#include "TestLogging.moc"
