// Which way a download's bytes cross the sockets (fleet/FileDataPath.h):
// copies where the kernel's spectre_v2 line names retpolines, in each
// wording kernels have used; zero copy where it does not, and where it is
// unknown; HIVEMIND_FILE_DATA_PATH overrides either way, and anything else
// in it is ignored with a warning that names it. This process's choice is
// the same as the function's on this machine's file.

#include "fleet/FileDataPath.h"

#include <QFile>
#include <QTest>

using hm::fleet::chooseFileDataPath;
using hm::fleet::FileDataPath;

Q_DECLARE_METATYPE(hm::fleet::FileDataPath)

class TestFileDataPath : public QObject
{
    Q_OBJECT

private slots:
    void followsTheKernel_data()
    {
        QTest::addColumn<QString>("spectreV2");
        QTest::addColumn<QString>("override");
        QTest::addColumn<FileDataPath>("expected");
        QTest::addColumn<bool>("warns");

        const auto row = [](const char *name, const char *text, const char *override,
                            FileDataPath expected, bool warns = false) {
            QTest::newRow(name) << QString::fromLatin1(text) << QString::fromLatin1(override)
                                << expected << warns;
        };
        // The wordings of arch/x86/kernel/cpu/bugs.c over the years.
        row("retpolines",
            "Mitigation: Retpolines; IBPB: conditional; IBRS_FW; STIBP: "
            "conditional; RSB filling; PBRSB-eIBRS: Not affected; BHI: Not affected\n",
            "", FileDataPath::Copies);
        row("eIBRS + retpolines", "Mitigation: Enhanced / Automatic IBRS + Retpolines\n", "",
            FileDataPath::Copies);
        row("old generic retpoline", "Mitigation: Full generic retpoline, IBPB: conditional\n", "",
            FileDataPath::Copies);
        row("old AMD retpoline", "Mitigation: Full AMD retpoline\n", "", FileDataPath::Copies);
        row("eIBRS",
            "Mitigation: Enhanced / Automatic IBRS; IBPB: conditional; PBRSB-eIBRS: SW "
            "sequence; BHI: Vulnerable\n",
            "", FileDataPath::ZeroCopy);
        row("IBRS", "Mitigation: IBRS; IBPB: conditional\n", "", FileDataPath::ZeroCopy);
        row("not affected", "Not affected\n", "", FileDataPath::ZeroCopy);
        row("vulnerable", "Vulnerable\n", "", FileDataPath::ZeroCopy);
        row("unknown (no file)", "", "", FileDataPath::ZeroCopy);
        row("auto", "Mitigation: Retpolines\n", "auto", FileDataPath::Copies);
        row("forced copies", "Not affected\n", "copies", FileDataPath::Copies);
        row("forced zero copy", "Mitigation: Retpolines\n", " Zero-Copy ", FileDataPath::ZeroCopy);
        row("bogus override, retpolines", "Mitigation: Retpolines\n", "splice",
            FileDataPath::Copies, true);
        row("bogus override, eIBRS", "Mitigation: Enhanced / Automatic IBRS\n", "0",
            FileDataPath::ZeroCopy, true);
    }

    void followsTheKernel()
    {
        QFETCH(QString, spectreV2);
        QFETCH(QString, override);
        QFETCH(FileDataPath, expected);
        QFETCH(bool, warns);
        const auto choice = chooseFileDataPath(spectreV2, override);
        QCOMPARE(choice.path, expected);
        QVERIFY(!choice.reason.isEmpty());
        QCOMPARE(!choice.warning.isEmpty(), warns);
        if (warns) {
            QVERIFY2(choice.warning.contains(QLatin1String("HIVEMIND_FILE_DATA_PATH")) &&
                         choice.warning.contains(override.trimmed()),
                     qPrintable(choice.warning));
        }
    }

    // The process's own choice reads this machine's file (and no override:
    // ctest's environment for this test sets none).
    void theProcessReadsThisMachinesKernel()
    {
        if (qEnvironmentVariableIsSet(hm::fleet::kFileDataPathVariable))
            QFAIL("HIVEMIND_FILE_DATA_PATH is set for this test; it checks the automatic choice");
        QFile file(QString::fromLatin1(hm::fleet::kSpectreV2File));
        const QString text =
            file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()) : QString();
        QCOMPARE(hm::fleet::fileDataPath(), chooseFileDataPath(text, {}).path);
        QCOMPARE(hm::fleet::fileDataPathChoice().reason, chooseFileDataPath(text, {}).reason);
    }
};

QTEST_GUILESS_MAIN(TestFileDataPath)
#include "TestFileDataPath.moc"
