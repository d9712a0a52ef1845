// The agent's `tasks` capability (agent/TaskRunner) against real
// processes: output, exit codes, environment, working directory, the
// timeout and cancel reaching a grandchild through the process group,
// the output bounds, and the refusals (a script without shell:true).

#include "agent/TaskRunner.h"

#include "fleet/AgentProtocol.h"

#include <QDir>
#include <QJsonDocument>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <optional>

using namespace hm;
using namespace hm::agent;

namespace {

// Alive and not a zombie waiting for its parent (PID 1 of a container may
// never reap an orphan).
bool processAlive(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close > 0 && text.size() > close + 2 && text.at(close + 2) != 'Z'
           && text.at(close + 2) != 'X';
}

struct Outcome
{
    std::optional<Result<QJsonObject>> value;
    TaskRunner::Reply reply()
    {
        return [this](Result<QJsonObject> r) { value = std::move(r); };
    }
    bool done() const { return value.has_value(); }
    const QJsonObject &result() const { return value->value(); }
};

QJsonObject argvTask(const QString &id, const QStringList &argv)
{
    return {{QStringLiteral("task_id"), id}, {QStringLiteral("argv"), QJsonArray::fromStringList(argv)}};
}

} // namespace

class TestTaskRunner : public QObject
{
    Q_OBJECT
private slots:
    void outputAndExitCode()
    {
        TaskRunner runner;
        Outcome outcome;
        runner.run(argvTask(QStringLiteral("t1"),
                            {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                             QStringLiteral("echo out; echo err >&2; exit 3")}),
                   outcome.reply());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), 10000);
        QVERIFY(outcome.value->ok());
        const QJsonObject r = outcome.result();
        QCOMPARE(r.value(QStringLiteral("exit_code")).toInt(), 3);
        QCOMPARE(r.value(QStringLiteral("signal")).toInt(), 0);
        QCOMPARE(r.value(QStringLiteral("stdout")).toString(), QStringLiteral("out\n"));
        QCOMPARE(r.value(QStringLiteral("stderr")).toString(), QStringLiteral("err\n"));
        QCOMPARE(r.value(QStringLiteral("timed_out")).toBool(), false);
        QCOMPARE(r.value(QStringLiteral("cancelled")).toBool(), false);
        QCOMPARE(r.value(QStringLiteral("stdout_truncated")).toBool(), false);
        QCOMPARE(runner.count(), 0);
    }

    void programFoundOnPathWithArguments()
    {
        TaskRunner runner;
        Outcome outcome;
        runner.run(argvTask(QStringLiteral("echo"),
                            {QStringLiteral("echo"), QStringLiteral("a b"), QStringLiteral("$HOME;x")}),
                   outcome.reply());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), 10000);
        QVERIFY(outcome.value->ok());
        // One argument each, no shell expanding anything.
        QCOMPARE(outcome.result().value(QStringLiteral("stdout")).toString(),
                 QStringLiteral("a b $HOME;x\n"));
    }

    void environmentIsCleanPlusTheTasks()
    {
        qputenv("HM_AGENT_ONLY_SECRET", "do-not-leak");
        TaskRunner runner;
        Outcome outcome;
        QJsonObject task = argvTask(QStringLiteral("env"), {QStringLiteral("/usr/bin/env")});
        task.insert(QStringLiteral("env"), QJsonObject{{QStringLiteral("GREETING"), QStringLiteral("hi there")}});
        runner.run(task, outcome.reply());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), 10000);
        QVERIFY(outcome.value->ok());
        const QString out = outcome.result().value(QStringLiteral("stdout")).toString();
        QVERIFY2(out.contains(QStringLiteral("GREETING=hi there\n")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("PATH=")));
        QVERIFY(!out.contains(QStringLiteral("HM_AGENT_ONLY_SECRET")));
    }

    void workingDirectory()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        TaskRunner runner;
        Outcome outcome;
        QJsonObject task = argvTask(QStringLiteral("pwd"), {QStringLiteral("/bin/pwd")});
        task.insert(QStringLiteral("working_dir"), dir.path());
        runner.run(task, outcome.reply());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), 10000);
        QVERIFY(outcome.value->ok());
        QCOMPARE(outcome.result().value(QStringLiteral("stdout")).toString().trimmed(),
                 QDir(dir.path()).canonicalPath());

        Outcome missing;
        task.insert(QStringLiteral("task_id"), QStringLiteral("pwd2"));
        task.insert(QStringLiteral("working_dir"), dir.filePath(QStringLiteral("nope")));
        runner.run(task, missing.reply());
        QVERIFY(missing.done());
        QCOMPARE(missing.value->error().code, ErrorCode::ValidationError);
        QCOMPARE(missing.value->error().details.value(QStringLiteral("code")).toString(),
                 QStringLiteral("WORKING_DIR_NOT_FOUND"));
    }

    void timeoutKillsTheGroupWithAGrandchild()
    {
        QTemporaryDir dir;
        TaskRunner runner;
        Outcome outcome;
        const QString pidFile = dir.filePath(QStringLiteral("grandchild"));
        QJsonObject task{{QStringLiteral("task_id"), QStringLiteral("slow")},
                         {QStringLiteral("shell"), true},
                         {QStringLiteral("script"),
                          QStringLiteral("sleep 300 & echo $! > '%1'; wait").arg(pidFile)},
                         {QStringLiteral("timeout_ms"), 500}};
        runner.run(task, outcome.reply());
        QTRY_VERIFY_WITH_TIMEOUT(QFile(pidFile).size() > 0, 10000);
        QFile file(pidFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const qint64 grandchild = file.readAll().trimmed().toLongLong();
        QVERIFY(grandchild > 1);
        QVERIFY(processAlive(grandchild));
        QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), 15000);
        QVERIFY(outcome.value->ok());
        QCOMPARE(outcome.result().value(QStringLiteral("timed_out")).toBool(), true);
        QVERIFY(outcome.result().value(QStringLiteral("signal")).toInt() > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(grandchild), 10000);
    }

    void cancelKillsTheProcessGroup()
    {
        TaskRunner runner;
        Outcome outcome;
        runner.run(argvTask(QStringLiteral("sleeper"), {QStringLiteral("/bin/sleep"), QStringLiteral("300")}),
                   outcome.reply());
        const qint64 group = runner.processGroup(QStringLiteral("sleeper"));
        QVERIFY(group > 1);
        QTRY_VERIFY_WITH_TIMEOUT(processAlive(group), 5000);
        QVERIFY(!outcome.done());

        auto unknown = runner.cancel({{QStringLiteral("task_id"), QStringLiteral("other")}});
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::ResourceNotFound);

        auto cancelled = runner.cancel({{QStringLiteral("task_id"), QStringLiteral("sleeper")}});
        QVERIFY(cancelled.ok());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), 10000);
        QVERIFY(outcome.value->ok());
        QCOMPARE(outcome.result().value(QStringLiteral("cancelled")).toBool(), true);
        QCOMPARE(outcome.result().value(QStringLiteral("signal")).toInt(), SIGTERM);
        QCOMPARE(outcome.result().value(QStringLiteral("exit_code")).toInt(), -1);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(group), 5000);
    }

    void lostConnectionKillsEveryTask()
    {
        TaskRunner runner;
        Outcome a, b;
        runner.run(argvTask(QStringLiteral("a"), {QStringLiteral("/bin/sleep"), QStringLiteral("300")}), a.reply());
        runner.run(argvTask(QStringLiteral("b"), {QStringLiteral("/bin/sleep"), QStringLiteral("300")}), b.reply());
        const qint64 pa = runner.processGroup(QStringLiteral("a"));
        const qint64 pb = runner.processGroup(QStringLiteral("b"));
        QVERIFY(pa > 1 && pb > 1);
        runner.killAll();
        QTRY_VERIFY_WITH_TIMEOUT(a.done() && b.done(), 10000);
        QCOMPARE(a.result().value(QStringLiteral("signal")).toInt(), SIGKILL);
        QVERIFY(!processAlive(pa));
        QVERIFY(!processAlive(pb));
    }

    void outputIsBoundedToItsTail()
    {
        TaskRunner runner;
        Outcome outcome;
        runner.run(argvTask(QStringLiteral("flood"),
                            {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                             QStringLiteral("head -c 600000 /dev/zero | tr '\\0' a; echo END")}),
                   outcome.reply());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), 15000);
        QVERIFY(outcome.value->ok());
        const QString out = outcome.result().value(QStringLiteral("stdout")).toString();
        QCOMPARE(out.size(), TaskRunner::kOutputLimit);
        QVERIFY(out.endsWith(QStringLiteral("aEND\n")));
        QCOMPARE(outcome.result().value(QStringLiteral("stdout_truncated")).toBool(), true);

        // Control bytes escape to six characters each in JSON: the answer
        // still fits one response frame.
        Outcome binary;
        runner.run(argvTask(QStringLiteral("binary"),
                            {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                             QStringLiteral("head -c 600000 /dev/zero | tr '\\0' '\\001'; "
                                            "head -c 600000 /dev/zero | tr '\\0' '\\002' >&2")}),
                   binary.reply());
        QTRY_VERIFY_WITH_TIMEOUT(binary.done(), 15000);
        QVERIFY(binary.value->ok());
        const QJsonObject r = binary.result();
        QVERIFY(QJsonDocument(r).toJson(QJsonDocument::Compact).size() < fleet::kMaxAgentResponseBytes);
        QCOMPARE(r.value(QStringLiteral("stderr_truncated")).toBool(), true);
    }

    void shellOnlyWhenAsked()
    {
        TaskRunner runner;
        Outcome refused;
        runner.run({{QStringLiteral("task_id"), QStringLiteral("s")},
                    {QStringLiteral("script"), QStringLiteral("echo hi")}},
                   refused.reply());
        QVERIFY(refused.done());
        QCOMPARE(refused.value->error().code, ErrorCode::ValidationError);
        QCOMPARE(refused.value->error().details.value(QStringLiteral("code")).toString(),
                 QStringLiteral("SHELL_NOT_REQUESTED"));
        QCOMPARE(runner.count(), 0);

        Outcome shell;
        runner.run({{QStringLiteral("task_id"), QStringLiteral("s")},
                    {QStringLiteral("shell"), true},
                    {QStringLiteral("script"), QStringLiteral("echo $((6*7)) | tr 4 X")}},
                   shell.reply());
        QTRY_VERIFY_WITH_TIMEOUT(shell.done(), 10000);
        QVERIFY(shell.value->ok());
        QCOMPARE(shell.result().value(QStringLiteral("stdout")).toString(), QStringLiteral("X2\n"));
    }

    void refusals_data()
    {
        QTest::addColumn<QJsonObject>("args");
        QTest::addColumn<QString>("field");
        const QJsonArray echo{QStringLiteral("/bin/echo")};
        QTest::newRow("no id") << QJsonObject{{QStringLiteral("argv"), echo}} << QStringLiteral("task_id");
        QTest::newRow("bad id") << QJsonObject{{QStringLiteral("task_id"), QStringLiteral("../x")},
                                               {QStringLiteral("argv"), echo}}
                                << QStringLiteral("task_id");
        QTest::newRow("no argv") << QJsonObject{{QStringLiteral("task_id"), QStringLiteral("x")}}
                                 << QStringLiteral("argv");
        QTest::newRow("argv not strings")
            << QJsonObject{{QStringLiteral("task_id"), QStringLiteral("x")},
                           {QStringLiteral("argv"), QJsonArray{1, 2}}}
            << QStringLiteral("argv");
        QTest::newRow("unknown program")
            << QJsonObject{{QStringLiteral("task_id"), QStringLiteral("x")},
                           {QStringLiteral("argv"), QJsonArray{QStringLiteral("no-such-program-hm")}}}
            << QStringLiteral("argv");
        QTest::newRow("bad env name")
            << QJsonObject{{QStringLiteral("task_id"), QStringLiteral("x")},
                           {QStringLiteral("argv"), echo},
                           {QStringLiteral("env"), QJsonObject{{QStringLiteral("A=B"), QStringLiteral("c")}}}}
            << QStringLiteral("env");
        QTest::newRow("relative dir")
            << QJsonObject{{QStringLiteral("task_id"), QStringLiteral("x")},
                           {QStringLiteral("argv"), echo},
                           {QStringLiteral("working_dir"), QStringLiteral("tmp")}}
            << QStringLiteral("working_dir");
        QTest::newRow("zero timeout")
            << QJsonObject{{QStringLiteral("task_id"), QStringLiteral("x")},
                           {QStringLiteral("argv"), echo},
                           {QStringLiteral("timeout_ms"), 0}}
            << QStringLiteral("timeout_ms");
        QTest::newRow("shell without script")
            << QJsonObject{{QStringLiteral("task_id"), QStringLiteral("x")},
                           {QStringLiteral("shell"), true}}
            << QStringLiteral("script");
    }

    void refusals()
    {
        QFETCH(QJsonObject, args);
        QFETCH(QString, field);
        TaskRunner runner;
        Outcome outcome;
        runner.run(args, outcome.reply());
        QVERIFY(outcome.done());
        QVERIFY(!outcome.value->ok());
        QCOMPARE(outcome.value->error().code, ErrorCode::ValidationError);
        QCOMPARE(outcome.value->error().details.value(QStringLiteral("field")).toString(), field);
        QVERIFY(!outcome.value->error().message.isEmpty());
    }

    void boundedConcurrencyAndUniqueIds()
    {
        TaskRunner runner;
        std::vector<std::unique_ptr<Outcome>> outcomes;
        for (int i = 0; i < TaskRunner::kMaxTasks; ++i) {
            outcomes.push_back(std::make_unique<Outcome>());
            runner.run(argvTask(QStringLiteral("n%1").arg(i), {QStringLiteral("/bin/sleep"), QStringLiteral("300")}),
                       outcomes.back()->reply());
        }
        QCOMPARE(runner.count(), TaskRunner::kMaxTasks);
        Outcome same;
        runner.run(argvTask(QStringLiteral("n0"), {QStringLiteral("/bin/true")}), same.reply());
        QVERIFY(same.done());
        QCOMPARE(same.value->error().code, ErrorCode::Conflict);
        Outcome extra;
        runner.run(argvTask(QStringLiteral("extra"), {QStringLiteral("/bin/true")}), extra.reply());
        QVERIFY(extra.done());
        QCOMPARE(extra.value->error().code, ErrorCode::RateLimitExceeded);
        runner.killAll();
        QTRY_VERIFY_WITH_TIMEOUT(runner.count() == 0, 10000);
    }
};

QTEST_GUILESS_MAIN(TestTaskRunner)
#include "TestTaskRunner.moc"
