// Lists joined in the UI language: Qt's own wording, with a space where a
// Latin name meets a Chinese conjunction.

#include "widgets/SeparatedList.h"

#include <QTest>

using hm::app::separatedList;

class TestSeparatedList : public QObject
{
    Q_OBJECT

private slots:
    void englishIsQtsOwn();
    void chineseConjunctionIsSpacedFromLatinNames();
    void chineseNamesAndCommasTakeNoSpace();
};

void TestSeparatedList::englishIsQtsOwn()
{
    const QLocale en(QLocale::English, QLocale::UnitedStates);
    for (const QStringList &items :
         {QStringList{}, QStringList{QStringLiteral("files")},
          QStringList{QStringLiteral("files"), QStringLiteral("docker")},
          QStringList{QStringLiteral("terminal"), QStringLiteral("files"),
                      QStringLiteral("docker")}})
        QCOMPARE(separatedList(items, en), en.createSeparatedList(items));
    QCOMPARE(separatedList({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}, en),
             QStringLiteral("a, b, and c"));
}

void TestSeparatedList::chineseConjunctionIsSpacedFromLatinNames()
{
    for (const QLocale &zh :
         {QLocale(QLocale::Chinese, QLocale::Taiwan), QLocale(QLocale::Chinese, QLocale::China)}) {
        // Qt itself writes "Docker和Nginx".
        QVERIFY(zh.createSeparatedList({QStringLiteral("Docker"), QStringLiteral("Nginx")})
                    .contains(QStringLiteral("Docker和Nginx")));
        QCOMPARE(separatedList({QStringLiteral("Docker"), QStringLiteral("Nginx")}, zh),
                 QStringLiteral("Docker 和 Nginx"));
        QCOMPARE(separatedList({QStringLiteral("terminal"), QStringLiteral("files"),
                                QStringLiteral("10.0.0.0/24")},
                               zh),
                 QStringLiteral("terminal、files 和 10.0.0.0/24"));
    }
}

void TestSeparatedList::chineseNamesAndCommasTakeNoSpace()
{
    const QLocale zh(QLocale::Chinese, QLocale::China);
    QCOMPARE(separatedList({QStringLiteral("终端"), QStringLiteral("文件")}, zh),
             QStringLiteral("终端和文件"));
    QCOMPARE(separatedList({QStringLiteral("终端"), QStringLiteral("Docker")}, zh),
             QStringLiteral("终端和 Docker"));
    // An item ending in punctuation takes no space either.
    QCOMPARE(separatedList({QStringLiteral("a.b)"), QStringLiteral("c")}, zh),
             QStringLiteral("a.b)和 c"));
}

QTEST_GUILESS_MAIN(TestSeparatedList)
#include "TestSeparatedList.moc"
