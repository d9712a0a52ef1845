// HttpParser without sockets: a table of RFC 9112 and request-smuggling
// vectors (HttpParserCases.cpp), each with the outcome it must have, and
// split invariance: the same bytes fed whole, one byte at a time and cut
// at random points must give the same requests and the same error. The
// table is parser neutral (bytes in, outcome text out): run() is the one
// place that knows HttpParser.

#include "HttpParserCases.h"
#include "server/http/HttpParser.h"

#include <QRandomGenerator>
#include <QTest>
#include <algorithm>

using namespace hm;
using namespace hm::server::http;
using namespace hm::test;

namespace {

// Bytes below 0x20 and from 0x7f up as \xNN, so that entries stay one line.
QString printable(QByteArrayView bytes)
{
    QString text;
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u >= 0x7f)
            text += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
        else
            text += QLatin1Char(c);
    }
    return text;
}

QString entryOf(const HttpRequest &request)
{
    const QString target = QString::fromLatin1(request.target());
    QString entry = QString::fromLatin1(request.methodText()) + u' ' + target;
    if (request.path() != target)
        entry += QStringLiteral(" path=") + request.path();
    entry += request.keepAlive() ? QStringLiteral(" keep-alive") : QStringLiteral(" close");
    if (!request.body().isEmpty())
        entry += QStringLiteral(" body=") + printable(request.body());
    return entry;
}

struct Outcome
{
    QStringList entries; // as ParserVector::expected
    QString message;     // of the failure, if any

    bool operator==(const Outcome &) const = default;
};

// What the parser makes of `bytes` handed to it in pieces, cut before
// each offset in `cuts` (ascending; repeats make empty pieces).
Outcome run(const QByteArray &bytes, const QList<qsizetype> &cuts)
{
    HttpParser parser({}, {});
    Outcome outcome;
    QByteArray buffer;
    qsizetype from = 0;
    for (qsizetype i = 0; i <= cuts.size(); ++i) {
        const qsizetype to = i < cuts.size() ? cuts.at(i) : bytes.size();
        buffer.append(bytes.constData() + from, to - from);
        from = to;
        while (true) {
            const HttpParser::Step step = parser.parse(buffer);
            if (step == HttpParser::Step::Request) {
                outcome.entries.append(entryOf(parser.takeRequest()));
                continue;
            }
            if (step == HttpParser::Step::Failed) {
                const Error &error = parser.failure().error;
                outcome.entries.append(QStringLiteral("error %1 %2")
                                           .arg(error.httpStatus())
                                           .arg(errorCodeName(error.code)));
                outcome.message = error.message;
                return outcome;
            }
            break; // NeedMore, or SendContinue (depends on the cuts)
        }
    }
    if (parser.inRequest())
        outcome.entries.append(QStringLiteral("incomplete"));
    return outcome;
}

QString describe(const Outcome &outcome)
{
    return outcome.entries.join(QStringLiteral(" | ")) +
           (outcome.message.isEmpty() ? QString() : QStringLiteral(" (") + outcome.message + u')');
}

QList<qsizetype> everyByte(qsizetype size)
{
    QList<qsizetype> cuts;
    for (qsizetype i = 1; i < size; ++i)
        cuts.append(i);
    return cuts;
}

// The seed of the random cuts: HM_TEST_SEED when set, else a fixed one.
quint32 cutSeed()
{
    bool ok = false;
    const quint32 seed = qEnvironmentVariable("HM_TEST_SEED").toUInt(&ok);
    return ok ? seed : 20261122u;
}

} // namespace

class TestHttpParser : public QObject
{
    Q_OBJECT

private slots:
    void vectors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("expected");
        for (const ParserVector &vector : httpParserVectors())
            QTest::newRow(vector.name) << vector.bytes << vector.expected;
    }

    void vectors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, expected);
        const Outcome outcome = run(bytes, {});
        QVERIFY2(outcome.entries == expected,
                 qPrintable(QStringLiteral("got:      ") + describe(outcome) +
                            QStringLiteral("\nexpected: ") + expected.join(QStringLiteral(" | "))));
    }

    // Whole, byte by byte and at 1,000 random cut points per vector (in
    // rounds of a few cuts each): every split gives the same outcome,
    // error message included.
    void splitInvariance()
    {
        const quint32 seed = cutSeed();
        qInfo("random cuts with seed %u (set HM_TEST_SEED to repeat another run)", seed);
        QRandomGenerator random(seed);
        for (const ParserVector &vector : httpParserVectors()) {
            const QByteArray &bytes = vector.bytes;
            const Outcome whole = run(bytes, {});
            const auto check = [&](const QList<qsizetype> &cuts, const char *how) {
                const Outcome split = run(bytes, cuts);
                if (split == whole)
                    return true;
                QStringList at;
                for (const qsizetype cut : cuts)
                    at.append(QString::number(cut));
                qWarning("%s, %s (cuts %s):\n  whole: %s\n  split: %s", vector.name, how,
                         qPrintable(at.join(u',')), qPrintable(describe(whole)),
                         qPrintable(describe(split)));
                return false;
            };
            QVERIFY(check(everyByte(bytes.size()), "byte by byte"));
            int cutsLeft = 1000;
            while (cutsLeft > 0) {
                const int count = qMin(cutsLeft, 1 + int(random.bounded(8)));
                cutsLeft -= count;
                QList<qsizetype> cuts;
                for (int i = 0; i < count; ++i)
                    cuts.append(qsizetype(random.bounded(quint32(bytes.size() + 1))));
                std::sort(cuts.begin(), cuts.end());
                QVERIFY(check(cuts, "random cuts"));
            }
        }
    }

    // The table's expectations hold for the parser's own limits: the
    // smallest request that reaches each one still parses.
    void limitsAreWhereTheTableSaysTheyAre()
    {
        const HttpParser::Limits limits;
        QCOMPARE(limits.maxChunkExtensionBytes, qsizetype(4 * 1024));
        QCOMPARE(limits.maxLeadingEmptyLines, 4);
        QCOMPARE(limits.maxHeadBytes, qsizetype(64 * 1024));
        // At the extension cap exactly: accepted; one byte more: refused.
        const QByteArray head = "POST /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n";
        const QByteArray atCap = ";a=" + QByteArray(limits.maxChunkExtensionBytes - 3, 'x');
        QCOMPARE(run(head + "1" + atCap + "\r\nh\r\n0\r\n\r\n", {}).entries,
                 QStringList{QStringLiteral("POST /x keep-alive body=h")});
        QCOMPARE(run(head + "1" + atCap + "x\r\nh\r\n0\r\n\r\n", {}).entries,
                 QStringList{QStringLiteral("error 400 BAD_REQUEST")});
        // The first empty line starts the request: the connection's
        // deadline counts from it.
        HttpParser parser({}, {});
        QByteArray buffer = "\r\n";
        QCOMPARE(parser.parse(buffer), HttpParser::Step::NeedMore);
        QVERIFY(parser.inRequest());
        QVERIFY(parser.headPending());
    }
};

QTEST_GUILESS_MAIN(TestHttpParser)
#include "TestHttpParser.moc"
