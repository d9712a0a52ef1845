// HttpRequest as the parser hands it to routes: the query read straight
// from the request-target must be what QUrlQuery(url()) reads, for plain
// targets (the fast path) and for every other kind (the QUrl path).

#include "server/http/HttpParser.h"

#include <QRandomGenerator>
#include <QTest>
#include <iterator>

using namespace hm::server::http;

namespace {

HttpRequest parsed(const QByteArray &target, const QByteArray &method = "GET")
{
    HttpParser parser({}, {});
    QByteArray buffer = method + ' ' + target + " HTTP/1.1\r\nHost: x\r\n\r\n";
    if (parser.parse(buffer) != HttpParser::Step::Request)
        qFatal("the test request did not parse: %s", target.constData());
    return parser.takeRequest();
}

} // namespace

class TestHttpRequest : public QObject
{
    Q_OBJECT

private slots:
    void queryReadsAsQUrlQueryOfTheUrl_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("no query") << QByteArray("/api/v1/flows");
        QTest::newRow("empty query") << QByteArray("/api/v1/flows?");
        QTest::newRow("plain") << QByteArray("/x?wait=true&timeout_ms=150");
        QTest::newRow("escapes") << QByteArray("/x?search=a%20b%26c&name=%E7%B9%81");
        QTest::newRow("plus and equals") << QByteArray("/x?q=a+b&k==v&flag");
        QTest::newRow("invalid escape") << QByteArray("/x?q=%zz&r=%2");
        // A stray '%' makes QUrl take every '%' literally: %3D stays %3D
        // (found by the random test below, seed 1397099881).
        QTest::newRow("escape beside a stray percent") << QByteArray("/x?q='%3D=&%");
        QTest::newRow("repeated key") << QByteArray("/x?page=1&page=2");
        QTest::newRow("fragment") << QByteArray("/x?wait=true#frag");
        QTest::newRow("fragment only") << QByteArray("/x#wait=true");
        // Raw UTF-8 ("/x?name=\xe7\xb9\x81") no longer gets here: strict
        // llhttp refuses bytes above 0x7f in a target (TestHttpParser).
        QTest::newRow("absolute form") << QByteArray("http://host:8080/x?size=5");
    }

    void queryReadsAsQUrlQueryOfTheUrl()
    {
        QFETCH(QByteArray, target);
        const HttpRequest request = parsed(target);
        const QUrlQuery expected(request.url());
        const QUrlQuery query = request.query();
        QCOMPARE(query.queryItems(QUrl::FullyDecoded), expected.queryItems(QUrl::FullyDecoded));
    }

    // The router's key: the path as sent, never what QUrl makes of the
    // target ("//host/x" would be an authority, "%2F" a separator).
    void pathIsTheTargetsPathAsSent_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("routable");
        QTest::newRow("plain") << QByteArray("/api/v1/users") << "/api/v1/users" << true;
        QTest::newRow("root") << QByteArray("/") << "/" << true;
        QTest::newRow("trailing slash") << QByteArray("/api/v1/users/") << "/api/v1/users/" << true;
        QTest::newRow("query and fragment") << QByteArray("/x?a=/b#c") << "/x" << true;
        QTest::newRow("escaped letter") << QByteArray("/a%20b/%75") << "/a%20b/%75" << true;
        QTest::newRow("authority-looking")
            << QByteArray("//evil.example/api/v1/users") << "//evil.example/api/v1/users" << false;
        QTest::newRow("inner double slash") << QByteArray("/api//users") << "/api//users" << false;
        QTest::newRow("double trailing slash") << QByteArray("/api//") << "/api//" << false;
        QTest::newRow("encoded slash") << QByteArray("/api%2Fv1") << "/api%2Fv1" << false;
        QTest::newRow("encoded slash, lower case")
            << QByteArray("/api%2fv1") << "/api%2fv1" << false;
        QTest::newRow("encoded backslash") << QByteArray("/a%5Cb") << "/a%5Cb" << false;
        QTest::newRow("encoded backslash, lower case") << QByteArray("/a%5cb") << "/a%5cb" << false;
        QTest::newRow("dot") << QByteArray("/a/./b") << "/a/./b" << false;
        QTest::newRow("dot-dot") << QByteArray("/a/../b") << "/a/../b" << false;
        QTest::newRow("encoded dot-dot") << QByteArray("/a/.%2E/b") << "/a/.%2E/b" << false;
        QTest::newRow("three dots") << QByteArray("/a/.../b") << "/a/.../b" << true;
        QTest::newRow("absolute-form") << QByteArray("http://h:1/x/y?q") << "/x/y" << true;
        QTest::newRow("absolute-form, no path") << QByteArray("https://h") << "/" << true;
        QTest::newRow("absolute-form with //")
            << QByteArray("http://h//evil/x") << "//evil/x" << false;
        QTest::newRow("asterisk") << QByteArray("*") << "" << false;
        // With CONNECT, the one method it belongs to (the parser refuses it
        // with the others).
        QTest::newRow("authority-form") << QByteArray("h:443") << "" << false;
    }

    void pathIsTheTargetsPathAsSent()
    {
        QFETCH(QByteArray, target);
        QFETCH(QString, path);
        QFETCH(bool, routable);
        const bool authorityForm =
            !target.startsWith('/') && target != "*" && !target.contains("://");
        const HttpRequest request = parsed(target, authorityForm ? "CONNECT" : "GET");
        QCOMPARE(request.path(), path);
        QCOMPARE(request.hasRoutablePath(), routable);
    }

    void queryValuesAreDecoded()
    {
        const QUrlQuery query = parsed("/x?search=a%20b&wait=true").query();
        QCOMPARE(query.queryItemValue("search", QUrl::FullyDecoded), QStringLiteral("a b"));
        QCOMPARE(query.queryItemValue("wait", QUrl::FullyDecoded), QStringLiteral("true"));
        QVERIFY(!parsed("/x#wait=true").query().hasQueryItem("wait"));
    }

    // queryValue() reads plain queries in place: it must answer what
    // QUrlQuery answers, for the rows of queryReadsAsQUrlQueryOfTheUrl and
    // for random queries over the characters that matter to either reader.
    void queryValueIsWhatQUrlQueryReads_data() { queryReadsAsQUrlQueryOfTheUrl_data(); }

    void queryValueIsWhatQUrlQueryReads()
    {
        QFETCH(QByteArray, target);
        const HttpRequest request = parsed(target);
        const QUrlQuery reference(request.url());
        for (const char *name : {"wait", "timeout_ms", "search", "name", "q", "k", "flag", "page",
                                 "r", "size", "absent"}) {
            QCOMPARE(request.queryValue(QLatin1StringView(name)),
                     reference.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded));
        }
    }

    void queryValueMatchesQUrlQueryOnRandomQueries()
    {
        // Printable ASCII with the delimiters, escapes and keys weighted in.
        static const QByteArray pieces[] = {
            "wait", "timeout_ms", "a", "=",  "=", "&", "&", "%", "%20", "%3D", "%26", "+", "true",
            "1",    "!",          "$", "'",  "(", ")", "*", ",", "/",   ":",   ";",   "@", "~",
            "[",    "]",          "?", "\\", "^", "`", "{", "|", "}",   "\"",  "<",   ">"};
        const quint32 seed = QRandomGenerator::global()->generate();
        QRandomGenerator random(seed);
        for (int round = 0; round < 3000; ++round) {
            QByteArray target = "/x?";
            const int count = random.bounded(1, 12);
            for (int i = 0; i < count; ++i)
                target += pieces[random.bounded(int(std::size(pieces)))];
            HttpParser parser({}, {});
            QByteArray buffer = "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n";
            if (parser.parse(buffer) != HttpParser::Step::Request)
                continue; // the parser refuses some of these bytes in a target
            const HttpRequest request = parser.takeRequest();
            const QUrlQuery reference(request.url());
            for (const char *name : {"wait", "timeout_ms", "a", "wait&", "1"}) {
                const QString expected =
                    reference.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
                if (request.queryValue(QLatin1StringView(name)) != expected)
                    QFAIL(qPrintable(QStringLiteral("seed %1: %2 in %3: %4 instead of %5")
                                         .arg(seed)
                                         .arg(QLatin1StringView(name), QString::fromLatin1(target),
                                              request.queryValue(QLatin1StringView(name)),
                                              expected)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestHttpRequest)
#include "TestHttpRequest.moc"
