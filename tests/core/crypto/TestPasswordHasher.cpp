#include "crypto/PasswordHasher.h"

#include <QTest>

using namespace hm;
using namespace hm::crypto;

// QVERIFY2 evaluates its message even on success, so never call error() there.
template <typename R> QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : result.error().toString().toUtf8();
}

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private slots:
    void verifiesTheRightPasswordOnly()
    {
        const Result<QString> hash = hashPassword(u"correct horse battery staple");
        QVERIFY2(hash.ok(), why(hash).constData());
        QVERIFY(hash.value().startsWith(QLatin1String("$argon2id$v=19$")));
        QVERIFY(verifyPassword(hash.value(), u"correct horse battery staple"));
        QVERIFY(!verifyPassword(hash.value(), u"correct horse battery stapl"));
        QVERIFY(!verifyPassword(hash.value(), u"Correct horse battery staple"));
        QVERIFY(!verifyPassword(hash.value(), u""));
        QVERIFY(!passwordNeedsRehash(hash.value()));
    }

    void hashesDifferPerCall()
    {
        const Result<QString> first = hashPassword(u"same password");
        const Result<QString> second = hashPassword(u"same password");
        QVERIFY(first.ok() && second.ok());
        QVERIFY(first.value() != second.value()); // random salt
        QVERIFY(verifyPassword(first.value(), u"same password"));
        QVERIFY(verifyPassword(second.value(), u"same password"));
    }

    void nonAsciiPassword()
    {
        const QString password = QStringLiteral("pässwörd-密碼-😎");
        const Result<QString> hash = hashPassword(password);
        QVERIFY(hash.ok());
        QVERIFY(verifyPassword(hash.value(), password));
        QVERIFY(!verifyPassword(hash.value(), QStringLiteral("passwort-密碼-😎")));
    }

    // Made by another implementation, the reference one (Debian's argon2
    // command line tool, not libsodium):
    //   printf '%s' 'Pässwörd-密碼-🐝' |
    //     argon2 'hivemind-golden!' -id -t 2 -m 16 -p 1 -l 32 -e
    // The password goes in as UTF-8 bytes, as the tool got them.
    void hashFromTheReferenceImplementationVerifies()
    {
        const QString hash = QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$"
                                            "aGl2ZW1pbmQtZ29sZGVuIQ$"
                                            "sybG5Ye7NjxZpoHf2Z7A1ZVuevMpmH72rfxCSXpw2iM");
        const QString password = QStringLiteral("Pässwörd-密碼-🐝");
        QCOMPARE(password.toUtf8().toHex(), QByteArray("50c3a4737377c3b67264"
                                                       "2de5af86e7a2bc2df09f909d"));
        QVERIFY(verifyPassword(hash, password));
        QVERIFY(!verifyPassword(hash, QStringLiteral("Pässwörd-密碼-🐜")));
        QVERIFY(!verifyPassword(hash, QStringLiteral("Passwörd-密碼-🐝")));
        // One character of the hash changed.
        QString altered = hash;
        altered[altered.size() - 2] = altered.at(altered.size() - 2) == u'i' ? u'j' : u'i';
        QVERIFY(!verifyPassword(altered, password));
    }

    void emptyPasswordIsHandled()
    {
        // Policy (minimum length) lives in the auth layer; hashing must not crash.
        const Result<QString> hash = hashPassword(u"");
        QVERIFY(hash.ok());
        QVERIFY(verifyPassword(hash.value(), u""));
        QVERIFY(!verifyPassword(hash.value(), u"x"));
    }

    void garbageHashIsRejected_data()
    {
        QTest::addColumn<QString>("encoded");
        QTest::newRow("empty") << QString();
        QTest::newRow("text") << QStringLiteral("not a hash");
        QTest::newRow("truncated") << QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ");
        QTest::newRow("bcrypt") << QStringLiteral(
            "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW");
        QTest::newRow("very long") << QString(10000, QLatin1Char('a'));
        QTest::newRow("embedded nul")
            << QStringLiteral("$argon2id$") + QChar(0) + QStringLiteral("x");
    }

    void garbageHashIsRejected()
    {
        QFETCH(QString, encoded);
        QVERIFY(!verifyPassword(encoded, u"password"));
        QVERIFY(passwordNeedsRehash(encoded));
    }

    void weakerParametersNeedRehash()
    {
        // A valid Argon2id hash made with other parameters (m=8 KiB, t=1).
        const QString weak = QStringLiteral("$argon2id$v=19$m=8,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$"
                                            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        QVERIFY(passwordNeedsRehash(weak));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "TestPasswordHasher.moc"
