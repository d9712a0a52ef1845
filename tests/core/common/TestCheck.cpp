// HM_CHECK (core/common/Check.h): a failing check logs and runs its recovery
// statement; with fatal checks on (HIVEMIND_FATAL_CHECKS=1, as every ctest
// preset sets) it aborts, in this process and in children that inherit the
// environment.

#include "common/Check.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <csignal>

class TestCheck : public QObject
{
    Q_OBJECT

private:
    bool m_fatalBefore = false;

    static int guarded(const int *value)
    {
        HM_CHECK(value != nullptr, return -1);
        return *value;
    }

    struct Run
    {
        QProcess::ExitStatus status = QProcess::NormalExit;
        int exitCode = 0;
        QByteArray out;
        QByteArray err;
    };

    // Runs the helper with HIVEMIND_FATAL_CHECKS set to value, or unset when
    // value is null.
    static Run runFailer(const char *value)
    {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("HIVEMIND_FATAL_CHECKS"));
        if (value)
            env.insert(QStringLiteral("HIVEMIND_FATAL_CHECKS"), QString::fromLatin1(value));
        child.setProcessEnvironment(env);
        child.start(QStringLiteral(HIVEMIND_BIN_DIR "/hm_check_failer"), {});
        if (!child.waitForStarted() || !child.waitForFinished(60'000))
            qWarning("hm_check_failer: %s", qPrintable(child.errorString()));
        return {child.exitStatus(), child.exitCode(), child.readAllStandardOutput(),
                child.readAllStandardError()};
    }

private slots:
    void initTestCase() { m_fatalBefore = hm::fatalChecks(); }
    void cleanupTestCase() { hm::setFatalChecks(m_fatalBefore); }

    void passingCheckDoesNothing()
    {
        const int value = 7;
        QCOMPARE(guarded(&value), 7);
    }

    void failingCheckRecoversWhenNotFatal()
    {
        hm::setFatalChecks(false);
        QTest::ignoreMessage(QtCriticalMsg,
                             QRegularExpression(QStringLiteral(
                                 R"(^HM_CHECK failed: "value != nullptr" in .*TestCheck\.cpp:\d+$)")));
        QCOMPARE(guarded(nullptr), -1);
        hm::setFatalChecks(m_fatalBefore);
    }

    void theCtestPresetsMakeChecksFatal()
    {
        // Every test preset sets HIVEMIND_FATAL_CHECKS=1; run by hand, a
        // test binary follows the environment or the build's default.
        if (qgetenv("HIVEMIND_FATAL_CHECKS") == "1")
            QVERIFY(m_fatalBefore);
        else if (qgetenv("HIVEMIND_FATAL_CHECKS") == "0")
            QVERIFY(!m_fatalBefore);
    }

    void fatalCheckAborts()
    {
        const Run run = runFailer("1");
        QCOMPARE(run.status, QProcess::CrashExit);
        QCOMPARE(run.exitCode, SIGABRT);
        QVERIFY2(run.err.contains("HM_CHECK failed: \"value != nullptr\""), run.err.constData());
        QVERIFY2(run.err.contains("aborting"), run.err.constData());
        QVERIFY(!run.out.contains("recovered"));
    }

    void nonFatalCheckRecoversInAChild()
    {
        const Run run = runFailer("0");
        QCOMPARE(run.status, QProcess::NormalExit);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains("HM_CHECK failed: \"value != nullptr\""), run.err.constData());
        QVERIFY(run.out.contains("recovered"));
    }

    void withoutTheVariableTheBuildDecides()
    {
        const Run run = runFailer(nullptr);
#ifdef HIVEMIND_FATAL_CHECKS_BUILD
        QCOMPARE(run.status, QProcess::CrashExit);
#else
        QCOMPARE(run.status, QProcess::NormalExit);
        QCOMPARE(run.exitCode, 3);
#endif
    }
};

QTEST_GUILESS_MAIN(TestCheck)
#include "TestCheck.moc"
