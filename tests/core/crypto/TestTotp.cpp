// RFC 6238 Appendix B (SHA-1 rows) through the liboath wrapper.

#include "crypto/Hmac.h"
#include "crypto/Totp.h"

#include <QTest>

using namespace hm;

class TestTotp : public QObject
{
    Q_OBJECT
private slots:
    void rfc6238Vectors_data()
    {
        QTest::addColumn<qint64>("time");
        QTest::addColumn<QString>("code");
        QTest::newRow("59") << qint64(59) << QStringLiteral("94287082");
        QTest::newRow("1111111109") << qint64(1111111109) << QStringLiteral("07081804");
        QTest::newRow("1111111111") << qint64(1111111111) << QStringLiteral("14050471");
        QTest::newRow("1234567890") << qint64(1234567890) << QStringLiteral("89005924");
        QTest::newRow("2000000000") << qint64(2000000000) << QStringLiteral("69279037");
        QTest::newRow("20000000000") << qint64(20000000000) << QStringLiteral("65353130");
    }
    void rfc6238Vectors()
    {
        QFETCH(qint64, time);
        QFETCH(QString, code);
        const QByteArray seed("12345678901234567890");
        crypto::TotpParameters eight;
        eight.digits = 8;
        const auto generated = crypto::totpCode(seed, time, eight);
        QVERIFY(generated.ok());
        QCOMPARE(generated.value(), code);
        const auto step = crypto::totpMatchingStep(seed, code, time, eight);
        QVERIFY(step.has_value());
        QCOMPARE(*step, time / 30);
    }
    void windowIsOneStep()
    {
        const QByteArray seed("12345678901234567890");
        const qint64 now = 1234567890;
        const QString previous = crypto::totpCode(seed, now - 30).value();
        const QString tooOld = crypto::totpCode(seed, now - 90).value();
        QCOMPARE(*crypto::totpMatchingStep(seed, previous, now), now / 30 - 1);
        QVERIFY(!crypto::totpMatchingStep(seed, tooOld, now).has_value());
        QVERIFY(!crypto::totpMatchingStep(seed, QStringLiteral("12345x"), now).has_value());
        QVERIFY(!crypto::totpMatchingStep(seed, QString(), now).has_value());
    }
    // ±1 step and no more: -30 s, now and +30 s match their own step,
    // -60 s and +60 s nothing; at a step's first and last second alike.
    void windowEdges_data()
    {
        QTest::addColumn<qint64>("now");
        QTest::newRow("first second of a step") << qint64(1234567890);
        QTest::newRow("last second of a step") << qint64(1234567919);
    }
    void windowEdges()
    {
        QFETCH(qint64, now);
        const QByteArray seed("12345678901234567890");
        const qint64 step = now / 30;
        for (const qint64 offset : {-30, 0, 30}) {
            const QString code = crypto::totpCode(seed, now + offset).value();
            const auto matched = crypto::totpMatchingStep(seed, code, now);
            QVERIFY2(matched.has_value(), qPrintable(QString::number(offset)));
            QCOMPARE(*matched, step + offset / 30);
        }
        for (const qint64 offset : {-60, 60}) {
            const QString code = crypto::totpCode(seed, now + offset).value();
            QVERIFY2(!crypto::totpMatchingStep(seed, code, now).has_value(),
                     qPrintable(QString::number(offset)));
        }
    }
    void base32()
    {
        // RFC 4648 §10 without padding.
        QCOMPARE(crypto::base32Encode("foobar"), QStringLiteral("MZXW6YTBOI"));
        QCOMPARE(crypto::base32Encode("f"), QStringLiteral("MY"));
        QCOMPARE(crypto::base32Encode(""), QString());
        QVERIFY(crypto::otpauthUri(QStringLiteral("HiveMind"), QStringLiteral("alice"), "foobar")
                    .contains(QStringLiteral("secret=MZXW6YTBOI")));
    }
    void hmacRfc4231Case2()
    {
        QCOMPARE(crypto::hmacSha256("Jefe", "what do ya want for nothing?").toHex(),
                 QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
        QVERIFY(crypto::constantTimeEquals("abc", "abc"));
        QVERIFY(!crypto::constantTimeEquals("abc", "abd"));
        QVERIFY(!crypto::constantTimeEquals("abc", "ab"));
    }
};

QTEST_GUILESS_MAIN(TestTotp)
#include "TestTotp.moc"
