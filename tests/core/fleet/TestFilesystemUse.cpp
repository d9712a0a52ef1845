// How full a filesystem is (core/fleet/FilesystemUse): df's Use%, so that
// root's reserved blocks do not hide a full disk, checked with fixed sizes
// and held against df itself on this machine's root filesystem.

#include "../../support/DfUsePercent.h"
#include "fleet/FilesystemUse.h"

#include <QStorageInfo>
#include <QTest>
#include <cmath>

using namespace hm::fleet;

class TestFilesystemUse : public QObject
{
    Q_OBJECT

private slots:
    void countsAsDfDoes_data()
    {
        QTest::addColumn<qint64>("total");
        QTest::addColumn<qint64>("free");
        QTest::addColumn<qint64>("available");
        QTest::addColumn<qint64>("capacity");
        QTest::addColumn<qint64>("used");
        QTest::addColumn<double>("percent");

        const qint64 block = 4096;
        // A machine of this project's: 62 % of the blocks kept for root.
        // "Used of all blocks" says 18 %, "all but available" 80 %; df 48 %.
        QTest::newRow("large reserve")
            << 66053021 * block << 54030137 * block << 13061413 * block
            << (12022884 + 13061413) * block << 12022884 * block << 47.93;
        // ext4's default 5 % reserve, and the disk full for every service:
        // 95 % of the blocks used, none available.
        QTest::newRow("full for services")
            << 1000 * block << 50 * block << 0LL << 950 * block << 950 * block << 100.0;
        QTest::newRow("no reserve")
            << 1000 * block << 400 * block << 400 * block << 1000 * block << 600 * block << 60.0;
        QTest::newRow("empty") << 0LL << 0LL << 0LL << 0LL << 0LL << 0.0;
        // Sizes read at different moments may disagree: clamped.
        QTest::newRow("free above total") << 100LL << 150LL << 150LL << 100LL << 0LL << 0.0;
        QTest::newRow("available above free") << 100LL << 40LL << 60LL << 100LL << 60LL << 60.0;
        QTest::newRow("negative") << -5LL << -1LL << -1LL << 0LL << 0LL << 0.0;
    }
    void countsAsDfDoes()
    {
        QFETCH(qint64, total);
        QFETCH(qint64, free);
        QFETCH(qint64, available);
        QFETCH(qint64, capacity);
        QFETCH(qint64, used);
        QFETCH(double, percent);
        const FilesystemUse use = filesystemUse(total, free, available);
        QCOMPARE(use.capacity, capacity);
        QCOMPARE(use.used, used);
        QVERIFY2(std::abs(usedPercent(use) - percent) < 0.01,
                 qPrintable(QString::number(usedPercent(use))));
    }

    // The same as df says for this machine's root filesystem (df rounds up;
    // a second of other processes' writes between the two reads is allowed).
    void agreesWithDf()
    {
        const auto df = hm::test::dfUsePercent(QStringLiteral("/"));
        if (!df)
            QSKIP("no df(1) here");
        const QStorageInfo root(QStringLiteral("/"));
        QVERIFY(root.isValid());
        const double ours =
            usedPercent(filesystemUse(root.bytesTotal(), root.bytesFree(), root.bytesAvailable()));
        QVERIFY2(std::abs(std::ceil(ours) - *df) <= 1,
                 qPrintable(QStringLiteral("ours %1 %, df %2 %").arg(ours).arg(*df)));
    }
};

QTEST_APPLESS_MAIN(TestFilesystemUse)
#include "TestFilesystemUse.moc"
