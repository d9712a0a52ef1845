// LogOutput: info lines batched by a flusher thread, warnings written at
// once and in order, everything written at exit. Checked on a real child
// process whose stderr is a pipe (not a terminal, so lines are batched).
#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestLogOutput : public QObject
{
    Q_OBJECT

    static QString child()
    {
        return QCoreApplication::applicationDirPath() + "/hm_log_output_child";
    }

private slots:
    void flusherWritesAnIdleProcessesLine()
    {
        QProcess process;
        process.start(child(), {"idle"});
        QVERIFY(process.waitForStarted());
        QByteArray out;
        QTRY_VERIFY2((out += process.readAllStandardOutput()).contains("logged"),
                     (out + process.readAllStandardError()).constData());
        // No more logging and no exit: only the flusher thread can write it.
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += process.readAllStandardError()).contains("idle-line"),
                                 5000);
        QVERIFY(err.contains("INFO hivemind.test.child"));
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished());
        QCOMPARE(process.exitCode(), 0);
    }

    void aWarningWritesPendingLinesFirst()
    {
        QProcess process;
        process.start(child(), {"order"});
        QVERIFY(process.waitForFinished());
        QCOMPARE(process.exitCode(), 0);
        const QByteArray err = process.readAllStandardError();
        const qsizetype one = err.indexOf("line-1");
        const qsizetype two = err.indexOf("line-2");
        const qsizetype three = err.indexOf("WARNING hivemind.test.child: line-3");
        QVERIFY2(one >= 0 && two > one && three > two, err.constData());
    }

    void exitWritesEverything()
    {
        QProcess process;
        process.start(child(), {"exit"});
        QVERIFY(process.waitForFinished());
        QCOMPARE(process.exitCode(), 0);
        const QList<QByteArray> lines = process.readAllStandardError().trimmed().split('\n');
        QCOMPARE(lines.size(), 1000);
        for (int i = 0; i < 1000; ++i)
            QVERIFY2(lines.at(i).endsWith("exit-line " + QByteArray::number(i)),
                     lines.at(i).constData());
    }

    // --log-file (LogOutput::setFile): everything reaches the file, nothing
    // stderr; an error is in the file before the abort that follows it.
    void fileGetsTheLinesBeforeAnAbort()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("child.log");
        QProcess process;
        process.start(child(), {"file-abort", path});
        QVERIFY(process.waitForFinished());
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);
        QVERIFY(!process.readAllStandardError().contains("file-line"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray log = file.readAll();
        const qsizetype one = log.indexOf("INFO hivemind.test.child: file-line-1");
        const qsizetype two = log.indexOf("WARNING hivemind.test.child: file-line-2");
        const qsizetype three = log.indexOf("ERROR hivemind.test.child: file-line-3");
        QVERIFY2(one >= 0 && two > one && three > two, log.constData());
    }

    void exitWritesEverythingToTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("child.log");
        QProcess process;
        process.start(child(), {"file-exit", path});
        QVERIFY(process.waitForFinished());
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardError().isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1000);
        for (int i = 0; i < 1000; ++i)
            QVERIFY2(lines.at(i).endsWith("exit-line " + QByteArray::number(i)),
                     lines.at(i).constData());
    }
};

QTEST_GUILESS_MAIN(TestLogOutput)
#include "TestLogOutput.moc"
