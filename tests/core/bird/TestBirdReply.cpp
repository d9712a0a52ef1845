// BIRD's control-socket protocol (core/vpn/bird/BirdReply): a table of byte
// sequences, each fed whole, byte by byte and split at every position, must
// give the same replies; malformed streams stop the reader; the wire form
// of a reply reads back as itself.

#include "vpn/bird/BirdReply.h"

#include <QTest>

using namespace hm::bird;

Q_DECLARE_METATYPE(QList<hm::bird::BirdReply>)

namespace {

BirdReply birdReplyOf(std::initializer_list<BirdLine> lines)
{
    BirdReply r;
    r.lines = lines;
    return r;
}

struct FeedResult
{
    bool ok = true;
    QList<BirdReply> replies;
    bool inReply = false;
};

FeedResult feedInParts(const QByteArray &bytes, const QList<qsizetype> &cuts)
{
    BirdReplyReader reader;
    FeedResult out;
    qsizetype from = 0;
    QList<qsizetype> all = cuts;
    all.append(bytes.size());
    for (const qsizetype cut : all) {
        if (!reader.feed(QByteArrayView(bytes).sliced(from, cut - from)))
            out.ok = false;
        out.replies += reader.takeReplies();
        from = cut;
    }
    out.inReply = reader.inReply();
    return out;
}

} // namespace

class TestBirdReply : public QObject
{
    Q_OBJECT

private slots:
    void codeClasses()
    {
        QCOMPARE(birdCodeClass(0), BirdCodeClass::Completed);
        QCOMPARE(birdCodeClass(20), BirdCodeClass::Completed);
        QCOMPARE(birdCodeClass(1007), BirdCodeClass::TableEntry);
        QCOMPARE(birdCodeClass(2002), BirdCodeClass::TableHeading);
        QCOMPARE(birdCodeClass(8002), BirdCodeClass::RuntimeError);
        QCOMPARE(birdCodeClass(9001), BirdCodeClass::ParseError);
        QCOMPARE(birdCodeClass(3000), BirdCodeClass::Other);
        QVERIFY(birdReplyOf({{9001, QStringLiteral("syntax error")}}).isError());
        QVERIFY(birdReplyOf({{8002, QStringLiteral("x")}}).isError());
        QVERIFY(
            !birdReplyOf({{2, QStringLiteral("Reading")}, {20, QStringLiteral("OK")}}).isError());
    }

    void split_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QList<BirdReply>>("replies");
        QTest::addColumn<bool>("pending");

        QTest::newRow("hello") << QByteArray("0001 BIRD 2.0.12 ready.\n") << true
                               << QList<BirdReply>{birdReplyOf(
                                      {{1, QStringLiteral("BIRD 2.0.12 ready.")}})}
                               << false;
        QTest::newRow("check ok")
            << QByteArray("0002-Reading configuration from /x.conf\n0020 Configuration OK\n")
            << true
            << QList<BirdReply>{birdReplyOf(
                   {{2, QStringLiteral("Reading configuration from /x.conf")},
                    {20, QStringLiteral("Configuration OK")}})}
            << false;
        QTest::newRow("continuation keeps code")
            << QByteArray("1007-Table master4:\n 198.51.100.0/24 blackhole\n1008-\tType: static "
                          "univ\n0000 \n")
            << true
            << QList<BirdReply>{birdReplyOf({{1007, QStringLiteral("Table master4:")},
                                             {1007, QStringLiteral("198.51.100.0/24 blackhole")},
                                             {1008, QStringLiteral("\tType: static univ")},
                                             {0, QString()}})}
            << false;
        QTest::newRow("two replies and a spontaneous line")
            << QByteArray("0009-p: disabled\n0000 \n+log line\n9001 syntax error\n") << true
            << QList<BirdReply>{birdReplyOf({{9, QStringLiteral("p: disabled")}, {0, QString()}}),
                                birdReplyOf({{9001, QStringLiteral("syntax error")}})}
            << false;
        QTest::newRow("bare code ends a reply")
            << QByteArray("0000\n") << true << QList<BirdReply>{birdReplyOf({{0, QString()}})}
            << false;
        QTest::newRow("unfinished reply")
            << QByteArray("1002-a BGP\n 1006-x\n") << true << QList<BirdReply>{} << true;
        QTest::newRow("utf8 text")
            << QByteArray("8002 /tmp/\xc3\xa9.conf: No such file\n") << true
            << QList<BirdReply>{birdReplyOf(
                   {{8002, QStringLiteral("/tmp/\u00e9.conf: No such file")}})}
            << false;
        QTest::newRow("continuation first")
            << QByteArray(" text\n0000 \n") << false << QList<BirdReply>{} << false;
        QTest::newRow("no code") << QByteArray("hello\n") << false << QList<BirdReply>{} << false;
        QTest::newRow("short code")
            << QByteArray("001 x\n") << false << QList<BirdReply>{} << false;
        QTest::newRow("bad separator")
            << QByteArray("0001:x\n") << false << QList<BirdReply>{} << false;
        QTest::newRow("garbage after a reply")
            << QByteArray("0000 \nxx\n") << false << QList<BirdReply>{birdReplyOf({{0, QString()}})}
            << false;
    }

    void split()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, ok);
        QFETCH(QList<BirdReply>, replies);
        QFETCH(bool, pending);

        const FeedResult whole = feedInParts(bytes, {});
        QCOMPARE(whole.ok, ok);
        QCOMPARE(whole.replies, replies);
        if (ok)
            QCOMPARE(whole.inReply, pending);
        // Byte by byte.
        QList<qsizetype> each;
        for (qsizetype i = 1; i < bytes.size(); ++i)
            each.append(i);
        const FeedResult bytewise = feedInParts(bytes, each);
        QCOMPARE(bytewise.ok, ok);
        QCOMPARE(bytewise.replies, replies);
        // One cut and two cuts at every position.
        for (qsizetype i = 0; i <= bytes.size(); ++i) {
            const FeedResult one = feedInParts(bytes, {i});
            QCOMPARE(one.ok, ok);
            QCOMPARE(one.replies, replies);
            for (qsizetype j = i; j <= bytes.size(); ++j) {
                const FeedResult two = feedInParts(bytes, {i, j});
                QCOMPARE(two.ok, ok);
                QCOMPARE(two.replies, replies);
            }
        }
        // The wire form reads back as the same replies.
        if (ok) {
            QByteArray wire;
            for (const BirdReply &r : replies)
                wire += r.toWire();
            auto again = parseBirdReplies(wire);
            QVERIFY(again.ok());
            QCOMPARE(again.value(), replies);
        }
    }

    void stopsAfterFailure()
    {
        BirdReplyReader reader;
        QVERIFY(!reader.feed("bad\n"));
        QVERIFY(reader.failed());
        QCOMPARE(reader.error().code, hm::ErrorCode::NetworkError);
        QVERIFY(!reader.feed("0000 \n"));
        QVERIFY(!reader.hasReply());
    }

    void limits()
    {
        BirdReplyReader reader(16, 64);
        QVERIFY(reader.feed("0000 0123456789\n"));
        QVERIFY(!reader.feed("0000 0123456789ab"));
        QVERIFY(reader.error().message.contains(QStringLiteral("longer than 16")));

        BirdReplyReader small(64, 32);
        QVERIFY(small.feed("1007-0123456789\n"));
        QVERIFY(!small.feed("1007-0123456789\n 0123456789\n"));
        QVERIFY(small.error().message.contains(QStringLiteral("reply longer")));
    }

    void incompleteInput()
    {
        QVERIFY(!parseBirdReplies("0000 ok").ok());
        QVERIFY(!parseBirdReplies("0002-Reading\n").ok());
        QVERIFY(parseBirdReplies("").ok());
    }

    void capturedReplies()
    {
        for (const char *name : {"a_protocols_all.txt", "a_route_all.txt", "b_route_all.txt",
                                 "b_protocols_all.txt", "a_protocols_down.txt", "commands.txt"}) {
            QFile f(QStringLiteral(HIVEMIND_SOURCE_DIR "/tests/core/bird/data/") +
                    QLatin1String(name));
            QVERIFY2(f.open(QIODevice::ReadOnly), name);
            const QByteArray bytes = f.readAll();
            auto replies = parseBirdReplies(bytes);
            QVERIFY2(replies.ok(), name);
            QVERIFY(!replies->isEmpty());
            QByteArray wire;
            for (const BirdReply &r : *replies)
                wire += r.toWire();
            // BIRD's own continuation form (" text") becomes "DDDD-text": same replies.
            QCOMPARE(parseBirdReplies(wire).value(), replies.value());
        }
    }
};

QTEST_GUILESS_MAIN(TestBirdReply)
#include "TestBirdReply.moc"
