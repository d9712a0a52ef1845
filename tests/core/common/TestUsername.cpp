// The username rule (common/Username.h) that the server enforces and the
// console checks: Unicode letters and digits, NFC, no look-alike mixes.
#include "common/Username.h"

#include <QTest>

using namespace hm;

Q_DECLARE_METATYPE(hm::UsernameProblem)

class TestUsername : public QObject
{
    Q_OBJECT
private slots:
    void rule_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<UsernameProblem>("problem");
        const auto ok = UsernameProblem::None;
        QTest::newRow("ascii") << QStringLiteral("alice_01.b-c") << ok;
        QTest::newRow("chinese") << QStringLiteral("王小明") << ok;
        QTest::newRow("han with latin") << QStringLiteral("王admin") << ok;
        QTest::newRow("japanese scripts") << QStringLiteral("たなか太郎カナ") << ok;
        QTest::newRow("precomposed") << QStringLiteral("éric") << ok;
        QTest::newRow("greek") << QStringLiteral("αλέξης") << ok;
        QTest::newRow("cyrillic") << QStringLiteral("дмитрий") << ok;
        QTest::newRow("devanagari with marks") << QStringLiteral("हिन्दी") << ok;
        QTest::newRow("cyrillic a in latin")
            << QStringLiteral("\u0430dmin") << UsernameProblem::MixedScripts;
        QTest::newRow("greek o in latin")
            << QStringLiteral("r\u03BFot") << UsernameProblem::MixedScripts;
        QTest::newRow("greek with cyrillic")
            << QStringLiteral("\u03B1\u0431\u0432") << UsernameProblem::MixedScripts;
        QTest::newRow("zero width space")
            << QStringLiteral("ad\u200Bmin") << UsernameProblem::Character;
        QTest::newRow("bidi override")
            << QStringLiteral("\u202Enimda") << UsernameProblem::Character;
        QTest::newRow("space") << QStringLiteral("a b c") << UsernameProblem::Character;
        QTest::newRow("tab") << QStringLiteral("abc\t") << UsernameProblem::Character;
        QTest::newRow("symbol") << QStringLiteral("ab@c") << UsernameProblem::Character;
        QTest::newRow("emoji") << QStringLiteral("ab\U0001F600") << UsernameProblem::Character;
        QTest::newRow("mark on latin")
            << QStringLiteral("admi\u0307n") << UsernameProblem::Character;
        QTest::newRow("leading mark") << QStringLiteral("\u0301abc") << UsernameProblem::Character;
        QTest::newRow("too short") << QStringLiteral("ab") << UsernameProblem::Length;
        QTest::newRow("two han") << QStringLiteral("王明") << UsernameProblem::Length;
        QTest::newRow("64 han") << QString(64, QChar(0x738B)) << ok;
        QTest::newRow("65 han") << QString(65, QChar(0x738B)) << UsernameProblem::Length;
        // 𠀀 (U+20000) is one code point in two UTF-16 units: 64 fit.
        QString astral;
        for (int i = 0; i < 64; ++i)
            astral += QStringLiteral("\U00020000");
        QTest::newRow("64 astral han") << astral << ok;
        QTest::newRow("65 astral han")
            << astral + QStringLiteral("\U00020000") << UsernameProblem::Length;
        QTest::newRow("3 astral han") << QStringLiteral("\U00020000\U00020001\U00020002") << ok;
    }

    void rule()
    {
        QFETCH(QString, name);
        QFETCH(UsernameProblem, problem);
        QCOMPARE(usernameProblem(normalizedUsername(name)), problem);
    }

    void normalisesAndFolds()
    {
        const QString decomposed = QStringLiteral("e\u0301ric");
        QCOMPARE(normalizedUsername(decomposed), QStringLiteral("éric"));
        QCOMPARE(usernameProblem(normalizedUsername(decomposed)), UsernameProblem::None);
        QCOMPARE(usernameKey(decomposed), usernameKey(QStringLiteral("ÉRIC")));
        QCOMPARE(usernameKey(QStringLiteral("Admin")), usernameKey(QStringLiteral("admin")));
        QVERIFY(usernameKey(QStringLiteral("admin")) != usernameKey(QStringLiteral("\u0430dmin")));
    }
};

QTEST_APPLESS_MAIN(TestUsername)
#include "TestUsername.moc"
