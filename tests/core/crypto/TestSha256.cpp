// crypto::Sha256 (bulk hashing of backup files and uploads): the digest of
// the standard's test vectors, and the same digests as Qt's own SHA-256 for
// random data fed in random pieces, whichever implementation the build
// chose (OpenSSL or libsodium).

#include "crypto/Sha256.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using hm::crypto::Sha256;

class TestSha256 : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qInfo("Sha256 backend: %s", Sha256::backend()); }

    void knownVectors()
    {
        QCOMPARE(Sha256::hash(QByteArrayView()).toHex(),
                 QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(Sha256::hash("abc").toHex(),
                 QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(Sha256::hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq").toHex(),
                 QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
    }

    void sameAsQtInPieces()
    {
        auto *random = QRandomGenerator::global();
        for (int round = 0; round < 40; ++round) {
            QByteArray data(random->bounded(0, 3 << 20), Qt::Uninitialized);
            for (char &c : data)
                c = char(random->generate() & 0xff);
            Sha256 sha;
            qsizetype at = 0;
            while (at < data.size()) {
                const qsizetype take = qMin<qsizetype>(data.size() - at, random->bounded(1, 1 << 18));
                sha.addData(QByteArrayView(data).sliced(at, take));
                at += take;
            }
            QCOMPARE(sha.result(), QCryptographicHash::hash(data, QCryptographicHash::Sha256));
        }
    }

    void resultStartsAgain()
    {
        Sha256 sha;
        sha.addData("first");
        QCOMPARE(sha.result(), Sha256::hash("first"));
        sha.addData("abc");
        QCOMPARE(sha.result(), Sha256::hash("abc"));
    }
};

QTEST_GUILESS_MAIN(TestSha256)
#include "TestSha256.moc"
