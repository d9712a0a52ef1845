// The watchdog an installed upgrade leaves (UpgradeWatchdog.h), run as the
// real `hivemind-agent --upgrade-watchdog FILE` over a directory that looks
// like an install on probation: <dir>/agent (the "new" build),
// <dir>/agent.previous, their sidecars, and the pending file. A confirmed
// upgrade (the file removed) ends it with nothing touched; a watched
// process that ends makes it put the previous files back and exec the
// restored binary with the agent's arguments; SIGTERM (systemd stopping
// the unit) puts them back and exits without exec.

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestUpgradeWatchdog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static bool write(const QString &file, const QByteArray &bytes)
    {
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return false;
        f.close();
        return f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                | QFileDevice::ExeOwner);
    }
    static QByteArray read(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // An install on probation watching `pid`. The "previous" binary is a
    // script that records its arguments: what the rollback execs.
    bool prepare(qint64 pid)
    {
        const QString marker = path(QStringLiteral("restored.args"));
        QFile::remove(marker);
        QFile::remove(path(QStringLiteral("upgrade-rolled-back.json")));
        return write(path(QStringLiteral("agent")), "#!/bin/sh\nexit 1\n")
               && write(path(QStringLiteral("agent.previous")),
                        "#!/bin/sh\necho \"$@\" > " + marker.toUtf8() + "\n")
               && write(path(QStringLiteral("agent.release.json")), "{\"version\":\"new\"}")
               && write(path(QStringLiteral("agent.previous.release.json")),
                        "{\"version\":\"old\"}")
               && write(path(QStringLiteral("upgrade-pending.json")),
                        QJsonDocument(
                            QJsonObject{
                                {"binary", path(QStringLiteral("agent"))},
                                {"previous", path(QStringLiteral("agent.previous"))},
                                {"arguments", QJsonArray{path(QStringLiteral("agent")), "--data-dir",
                                                         m_dir.path()}},
                                {"pid", pid},
                                {"deadline_ms", QDateTime::currentMSecsSinceEpoch() + 60000},
                                {"version", "new"},
                                {"had_sidecar", true}})
                            .toJson());
    }

    void startWatchdog(QProcess &watchdog)
    {
        watchdog.setProgram(QStringLiteral(HIVEMIND_BIN_DIR "/hivemind-agent"));
        watchdog.setArguments({QStringLiteral("--upgrade-watchdog"),
                               path(QStringLiteral("upgrade-pending.json"))});
        watchdog.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        watchdog.start();
    }

    void expectRestored()
    {
        QCOMPARE(read(path(QStringLiteral("agent"))).left(9), QByteArray("#!/bin/sh"));
        QVERIFY(read(path(QStringLiteral("agent"))).contains("restored.args"));
        QVERIFY(!QFile::exists(path(QStringLiteral("agent.previous"))));
        QCOMPARE(read(path(QStringLiteral("agent.release.json"))),
                 QByteArray("{\"version\":\"old\"}"));
        QVERIFY(!QFile::exists(path(QStringLiteral("upgrade-pending.json"))));
        QVERIFY(QFile::exists(path(QStringLiteral("upgrade-rolled-back.json"))));
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void aConfirmedUpgradeTouchesNothing()
    {
        QProcess agent;
        agent.start(QStringLiteral("sleep"), {QStringLiteral("60")});
        QVERIFY(agent.waitForStarted());
        QVERIFY(prepare(agent.processId()));
        QProcess watchdog;
        startWatchdog(watchdog);
        QVERIFY(watchdog.waitForStarted());
        QTest::qWait(500); // it is watching now
        QVERIFY(QFile::remove(path(QStringLiteral("upgrade-pending.json"))));
        QVERIFY(watchdog.waitForFinished(10000));
        QCOMPARE(watchdog.exitCode(), 0);
        QCOMPARE(read(path(QStringLiteral("agent"))), QByteArray("#!/bin/sh\nexit 1\n"));
        QVERIFY(QFile::exists(path(QStringLiteral("agent.previous"))));
        QVERIFY(!QFile::exists(path(QStringLiteral("upgrade-rolled-back.json"))));
        agent.kill();
        agent.waitForFinished();
    }

    void anEndedAgentIsRolledBackAndRestarted()
    {
        QProcess agent;
        agent.start(QStringLiteral("sleep"), {QStringLiteral("60")});
        QVERIFY(agent.waitForStarted());
        QVERIFY(prepare(agent.processId()));
        QProcess watchdog;
        startWatchdog(watchdog);
        QVERIFY(watchdog.waitForStarted());
        agent.kill();
        QVERIFY(agent.waitForFinished());
        // The watchdog execs the restored binary (the recording script).
        QVERIFY(watchdog.waitForFinished(10000));
        expectRestored();
        QCOMPARE(read(path(QStringLiteral("restored.args"))).trimmed(),
                 ("--data-dir " + m_dir.path()).toUtf8());
    }

    void aStoppedWatchdogPutsTheFilesBackWithoutExec()
    {
        QProcess agent;
        agent.start(QStringLiteral("sleep"), {QStringLiteral("60")});
        QVERIFY(agent.waitForStarted());
        QVERIFY(prepare(agent.processId()));
        QProcess watchdog;
        startWatchdog(watchdog);
        QVERIFY(watchdog.waitForStarted());
        QTest::qWait(500);
        watchdog.terminate();
        QVERIFY(watchdog.waitForFinished(10000));
        QCOMPARE(watchdog.exitCode(), 1);
        expectRestored();
        QVERIFY(!QFile::exists(path(QStringLiteral("restored.args"))));
        agent.kill();
        agent.waitForFinished();
    }
};

QTEST_GUILESS_MAIN(TestUpgradeWatchdog)
#include "TestUpgradeWatchdog.moc"
