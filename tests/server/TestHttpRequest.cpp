// HttpRequest as the parser hands it to routes: the query read straight
// from the request-target must be what QUrlQuery(url()) reads, for plain
// targets (the fast path) and for every other kind (the QUrl path).

#include "server/http/HttpParser.h"

#include <QTest>

using namespace hm::server::http;

namespace {

HttpRequest parsed(const QByteArray &target)
{
    HttpParser parser({}, {});
    QByteArray buffer = "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n";
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
        QTest::newRow("repeated key") << QByteArray("/x?page=1&page=2");
        QTest::newRow("fragment") << QByteArray("/x?wait=true#frag");
        QTest::newRow("fragment only") << QByteArray("/x#wait=true");
        QTest::newRow("raw UTF-8") << QByteArray("/x?name=\xe7\xb9\x81\xe9\xab\x94");
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

    void queryValuesAreDecoded()
    {
        const QUrlQuery query = parsed("/x?search=a%20b&wait=true").query();
        QCOMPARE(query.queryItemValue("search", QUrl::FullyDecoded), QStringLiteral("a b"));
        QCOMPARE(query.queryItemValue("wait", QUrl::FullyDecoded), QStringLiteral("true"));
        QVERIFY(!parsed("/x#wait=true").query().hasQueryItem("wait"));
    }
};

QTEST_GUILESS_MAIN(TestHttpRequest)
#include "TestHttpRequest.moc"
