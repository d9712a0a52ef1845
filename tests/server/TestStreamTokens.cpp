// StreamTokens (FileDownloads' data connections) on a clock of the test's
// own: a token is good once, for its node, within its lifetime; expired,
// used, unknown and other nodes' tokens are refused with their reasons;
// a revoked token is spent; what expired is forgotten later.

#include "server/services/remote/StreamTokens.h"

#include <QTest>

using hm::server::remote::StreamTokens;

class TestStreamTokens : public QObject
{
    Q_OBJECT

    qint64 m_now = 1000;
    StreamTokens tokens()
    {
        return StreamTokens(30'000, [this] { return m_now; });
    }

private slots:
    void init() { m_now = 1000; }

    void aTokenIsGoodOnceForItsNode()
    {
        StreamTokens store = tokens();
        const QString token = store.issue(QStringLiteral("node-a"), 5);
        QCOMPARE(token.size(), 43);
        QVERIFY(store.issue(QStringLiteral("node-a"), 6) != token);
        auto stream = store.redeem(QStringLiteral("node-a"), token);
        QVERIFY(stream);
        QCOMPARE(stream.value(), quint64(5));
        auto again = store.redeem(QStringLiteral("node-a"), token);
        QVERIFY(!again);
        QCOMPARE(again.error().code, hm::ErrorCode::TokenInvalid);
        QCOMPARE(again.error().details.value("code").toString(), QStringLiteral("TOKEN_USED"));
    }

    void anotherNodesTryRefusedAndSpendsIt()
    {
        StreamTokens store = tokens();
        const QString token = store.issue(QStringLiteral("node-a"), 1);
        auto wrong = store.redeem(QStringLiteral("node-b"), token);
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, hm::ErrorCode::TokenInvalid);
        QCOMPARE(wrong.error().details.value("code").toString(), QStringLiteral("WRONG_NODE"));
        auto owner = store.redeem(QStringLiteral("node-a"), token);
        QVERIFY(!owner);
        QCOMPARE(owner.error().details.value("code").toString(), QStringLiteral("TOKEN_USED"));
    }

    void anExpiredTokenIsRefused()
    {
        StreamTokens store = tokens();
        const QString token = store.issue(QStringLiteral("node-a"), 1);
        const QString fresh = store.issue(QStringLiteral("node-a"), 2);
        m_now += 29'999;
        QVERIFY(store.redeem(QStringLiteral("node-a"), fresh));
        m_now += 1;
        auto late = store.redeem(QStringLiteral("node-a"), token);
        QVERIFY(!late);
        QCOMPARE(late.error().code, hm::ErrorCode::TokenExpired);
        QCOMPARE(late.error().details.value("code").toString(), QStringLiteral("TOKEN_EXPIRED"));
    }

    void unknownAndRevokedTokensAreRefused()
    {
        StreamTokens store = tokens();
        auto unknown = store.redeem(QStringLiteral("node-a"), QString(43, u'x'));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().details.value("code").toString(), QStringLiteral("UNKNOWN_TOKEN"));
        QVERIFY(!store.redeem(QStringLiteral("node-a"), QString()));
        const QString token = store.issue(QStringLiteral("node-a"), 9);
        store.revoke(9);
        auto revoked = store.redeem(QStringLiteral("node-a"), token);
        QVERIFY(!revoked);
        QCOMPARE(revoked.error().details.value("code").toString(), QStringLiteral("TOKEN_USED"));
    }

    void expiredTokensAreForgottenLater()
    {
        StreamTokens store = tokens();
        for (quint64 i = 1; i <= 100; ++i)
            store.issue(QStringLiteral("node-a"), i);
        QCOMPARE(store.size(), 100);
        m_now += 60'000; // a lifetime past their expiry
        const QString token = store.issue(QStringLiteral("node-a"), 101);
        QCOMPARE(store.size(), 1);
        QVERIFY(store.redeem(QStringLiteral("node-a"), token));
    }
};

QTEST_GUILESS_MAIN(TestStreamTokens)
#include "TestStreamTokens.moc"
