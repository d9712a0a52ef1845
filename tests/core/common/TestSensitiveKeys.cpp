// SensitiveDataMasker::isSensitiveKey decides most keys on their length
// and an ASCII compare; it must answer exactly as Qt's case-insensitive
// compare against the key list does (isSensitiveKeyByCompare), for every
// key: what the history masks depends on it.

#include "common/SensitiveDataMasker.h"

#include <QRandomGenerator>
#include <QTest>

using namespace hm;

namespace {

// Characters a key is made of in the random cases: the keys' own letters
// in both cases, neighbours of them, and non-ASCII characters, among them
// some that fold to an ASCII letter (long s, Kelvin sign, dotted capital I).
const QString kAlphabet = QStringLiteral("abcdeghiknoprstwyzABCDEGHIKNOPRSTWYZ_-0 ") +
                          QString(QChar(0x017f)) + QChar(0x212a) + QChar(0x0130) + QChar(0x0131) +
                          QChar(0x00e9) + QChar(0xff53) + QChar(0xd83d);

void compareOn(const QString &key)
{
    if (SensitiveDataMasker::isSensitiveKey(key) !=
        SensitiveDataMasker::isSensitiveKeyByCompare(key))
        QFAIL(qPrintable(QStringLiteral("differs for key \"%1\" (%2)")
                             .arg(key, QString::fromLatin1(key.toUtf8().toHex()))));
}

} // namespace

class TestSensitiveKeys : public QObject
{
    Q_OBJECT

private slots:
    void listedKeysInAnyCase()
    {
        for (QStringView listed : SensitiveDataMasker::sensitiveKeys()) {
            const QString key = listed.toString();
            QVERIFY(SensitiveDataMasker::isSensitiveKey(key));
            QVERIFY(SensitiveDataMasker::isSensitiveKey(key.toUpper()));
            compareOn(key.toUpper());
            // Every single character changed to each of the alphabet's.
            for (qsizetype i = 0; i < key.size(); ++i) {
                for (QChar c : kAlphabet) {
                    QString changed = key;
                    changed[i] = c;
                    compareOn(changed);
                    compareOn(changed.toUpper());
                }
            }
            compareOn(key.left(key.size() - 1));
            compareOn(key + u's');
        }
    }

    void foldingCharacters()
    {
        // Non-ASCII characters whose case fold is an ASCII letter of a key.
        const QString longS(QChar(0x017f));
        const QString kelvin(QChar(0x212a));
        const QList<QString> keys = {
            QString(longS + QStringLiteral("ecret")),
            QString(QStringLiteral("apI") + kelvin + QStringLiteral("ey")),
            QString(QStringLiteral("to") + kelvin + QStringLiteral("en")),
            QString(QStringLiteral("pa") + longS + longS + QStringLiteral("word")),
            QString(QChar(0x0130)),
            QStringLiteral("ＳＥＣＲＥＴ"),
            QString(),
            QStringLiteral("v"),
            QStringLiteral("step")};
        for (const QString &key : keys)
            compareOn(key);
    }

    void randomKeys()
    {
        QRandomGenerator random(20261123);
        for (int n = 0; n < 200000; ++n) {
            QString key;
            const int length = int(random.bounded(34));
            for (int i = 0; i < length; ++i)
                key += kAlphabet.at(random.bounded(int(kAlphabet.size())));
            compareOn(key);
        }
        // Listed keys in random case with, now and then, one character
        // replaced by one of the alphabet's.
        const QList<QStringView> listed = SensitiveDataMasker::sensitiveKeys();
        for (int n = 0; n < 200000; ++n) {
            QString key = listed.at(random.bounded(int(listed.size()))).toString();
            for (QChar &c : key) {
                if (random.bounded(2))
                    c = c.toUpper();
            }
            if (random.bounded(3) == 0)
                key[random.bounded(int(key.size()))] =
                    kAlphabet.at(random.bounded(int(kAlphabet.size())));
            compareOn(key);
        }
    }
};

QTEST_GUILESS_MAIN(TestSensitiveKeys)
#include "TestSensitiveKeys.moc"
