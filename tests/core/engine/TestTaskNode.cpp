// The built-in `task` node (engine/tasks) on the engine's side: its config
// parsed and refused with clear messages, and TaskExecutor over an
// in-process TaskDispatcher (a fleet of fixed nodes answering from a
// table, as the server's would): the target list logged and output before
// the results, a fan-out's collected outputs, refusals that no retry can
// change, an agent gone mid-task as a retryable failure, cancel and an
// abandoned run reaching the dispatcher. The server's dispatcher over real
// agents is TestRemoteTasks (tests/server).

#include "engine/tasks/TaskExecutor.h"
#include "flow/SchemaOrder.h"

#include <QJsonArray>
#include <QTest>
#include <optional>

using namespace hm;
using namespace hm::engine;

namespace {

// Answers from `results` (node id → outcome) when answer() is called.
class TableDispatcher final : public TaskDispatcher
{
public:
    QList<TaskTargetNode> nodes;
    std::optional<Error> refusal;
    std::map<QString, Result<QJsonObject>> results;
    QList<quint64> cancelled;
    Callbacks callbacks;
    TaskRequest last;

    quint64 start(const TaskRequest &request, Callbacks cb) override
    {
        last = request;
        callbacks = std::move(cb);
        if (refusal)
            callbacks.refused(*refusal, refusal->code == ErrorCode::NodeOffline);
        else
            callbacks.targets(nodes);
        return 7;
    }
    void answer()
    {
        for (const TaskTargetNode &n : std::as_const(nodes))
            callbacks.nodeDone(n, results.at(n.nodeId));
    }
    void cancel(quint64 handle) override { cancelled << handle; }
};

QJsonObject ran(int exitCode, const QString &out)
{
    return {{"exit_code", exitCode}, {"stdout", out}, {"stderr", ""}, {"timed_out", false}};
}

NodeTask taskOf(const QJsonObject &config)
{
    NodeTask task;
    task.executionId = QStringLiteral("e1");
    task.nodeId = QStringLiteral("run");
    task.component = QStringLiteral("task");
    task.config = config;
    task.flowId = QStringLiteral("f1");
    task.triggeredBy = QStringLiteral("u1");
    return task;
}

const QJsonObject kFanOut{{"target", QJsonObject{{"label", "batch"}, {"mode", "all"}}},
                          {"argv", QJsonArray{"/bin/echo", "hi"}}};

} // namespace

class TestTaskNode : public QObject
{
    Q_OBJECT
private slots:
    void configDefaults()
    {
        auto parsed = parseTaskConfig({{"target", QJsonObject{{"label", "batch"}}},
                                       {"argv", QJsonArray{"/bin/echo"}}});
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().target.mode, QStringLiteral("one"));
        QCOMPARE(parsed.value().command.timeoutMs, kTaskDefaultTimeoutSeconds * 1000);
        QCOMPARE(parsed.value().command.shell, false);
        QVERIFY(taskInterface().configSchema.contains("properties"));
        // The editor's form shows the fields in the order written (the
        // shell switch before the Script it enables).
        QCOMPARE(
            flow::schemaorder::orderedProperties(taskInterface().configSchema),
            (QStringList{"target", "argv", "shell", "script", "env", "working_dir", "timeout_s"}));
    }

    void configRefusals_data()
    {
        QTest::addColumn<QJsonObject>("config");
        QTest::addColumn<QString>("field");
        const QJsonArray echo{"/bin/echo"};
        const QJsonObject node{{"node_id", "n1"}};
        QTest::newRow("no target") << QJsonObject{{"argv", echo}} << "target";
        QTest::newRow("both") << QJsonObject{{"target", QJsonObject{{"node_id", "n1"}, {"label", "x"}}},
                                             {"argv", echo}}
                              << "target";
        QTest::newRow("mode") << QJsonObject{{"target", QJsonObject{{"label", "x"}, {"mode", "every"}}},
                                             {"argv", echo}}
                              << "target.mode";
        QTest::newRow("script without shell")
            << QJsonObject{{"target", node}, {"script", "rm -rf /"}} << "script";
        QTest::newRow("shell without script") << QJsonObject{{"target", node}, {"shell", true}}
                                              << "script";
        QTest::newRow("no argv") << QJsonObject{{"target", node}} << "argv";
        QTest::newRow("empty program") << QJsonObject{{"target", node}, {"argv", QJsonArray{""}}}
                                       << "argv";
        QTest::newRow("env value") << QJsonObject{{"target", node}, {"argv", echo},
                                                  {"env", QJsonObject{{"A", 1}}}}
                                   << "env";
        QTest::newRow("relative dir") << QJsonObject{{"target", node}, {"argv", echo},
                                                     {"working_dir", "tmp"}}
                                      << "working_dir";
        QTest::newRow("timeout") << QJsonObject{{"target", node}, {"argv", echo}, {"timeout_s", 0}}
                                 << "timeout_s";
    }

    void configRefusals()
    {
        QFETCH(QJsonObject, config);
        QFETCH(QString, field);
        auto parsed = parseTaskConfig(config);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::ValidationError);
        QCOMPARE(parsed.error().details.value("field").toString(), field);

        // The executor fails the node at once, never retryably.
        TableDispatcher dispatcher;
        TaskExecutor executor(&dispatcher);
        std::optional<NodeOutcome> outcome;
        auto run = executor.start(taskOf(config), [&](NodeOutcome o) { outcome = std::move(o); });
        QVERIFY(outcome);
        QCOMPARE(outcome->kind, NodeOutcome::Kind::Failed);
        QCOMPARE(outcome->retryable, false);
    }

    void fanOutCollectsEveryNode()
    {
        TableDispatcher dispatcher;
        dispatcher.nodes = {{"n1", "batch-1"}, {"n2", "batch-2"}};
        dispatcher.results.emplace("n1", ran(0, "a\n"));
        dispatcher.results.emplace("n2", ran(3, "b\n"));
        TaskExecutor executor(&dispatcher);
        std::optional<NodeOutcome> outcome;
        auto run = executor.start(taskOf(kFanOut), [&](NodeOutcome o) { outcome = std::move(o); });
        QCOMPARE(dispatcher.last.triggeredBy, QStringLiteral("u1"));
        QCOMPARE(dispatcher.last.flowId, QStringLiteral("f1"));
        QCOMPARE(dispatcher.last.command.argv, (QStringList{"/bin/echo", "hi"}));
        dispatcher.answer();
        QTRY_VERIFY(outcome.has_value());
        QCOMPARE(outcome->kind, NodeOutcome::Kind::Completed);
        const QJsonObject out = outcome->outputs;
        QCOMPARE(out.value("succeeded").toInt(), 1);
        QCOMPARE(out.value("failed").toInt(), 1);
        QCOMPARE(out.value("results").toArray().size(), 2);
        QCOMPARE(out.value("results").toArray().at(1).toObject().value("exit_code").toInt(), 3);
        QCOMPARE(out.value("targets").toArray().size(), 2);
        // The target list is the first log line.
        QVERIFY2(outcome->logs.value(0).startsWith("targets (2): batch-1 (n1), batch-2 (n2)"),
                 qPrintable(outcome->logs.join('\n')));
    }

    // With the scheduler's live log (NodeTask::log) the target list goes
    // there as soon as it is known, before any node answered, and not
    // again with the outcome.
    void theTargetListIsLoggedLiveBeforeTheResults()
    {
        TableDispatcher dispatcher;
        dispatcher.nodes = {{"n1", "batch-1"}, {"n2", "batch-2"}};
        dispatcher.results.emplace("n1", ran(0, "a\n"));
        dispatcher.results.emplace("n2", ran(0, "b\n"));
        TaskExecutor executor(&dispatcher);
        QStringList live;
        NodeTask task = taskOf(kFanOut);
        task.log = [&live](const QString &line) { live << line; };
        std::optional<NodeOutcome> outcome;
        auto run = executor.start(task, [&](NodeOutcome o) { outcome = std::move(o); });
        QTRY_COMPARE(live.size(), 1);
        QVERIFY2(live.first().startsWith("targets (2): batch-1 (n1), batch-2 (n2)"),
                 qPrintable(live.first()));
        QVERIFY(!outcome.has_value());
        dispatcher.answer();
        QTRY_VERIFY(outcome.has_value());
        QCOMPARE(outcome->kind, NodeOutcome::Kind::Completed);
        QVERIFY2(!outcome->logs.join('\n').contains("targets ("),
                 qPrintable(outcome->logs.join('\n')));
        QCOMPARE(live.size(), 1);
    }

    void oneTargetOutputsItsCommand()
    {
        TableDispatcher dispatcher;
        dispatcher.nodes = {{"n1", "batch-1"}};
        dispatcher.results.emplace("n1", ran(0, "only\n"));
        TaskExecutor executor(&dispatcher);
        std::optional<NodeOutcome> outcome;
        auto run = executor.start(taskOf({{"target", QJsonObject{{"node_id", "n1"}}},
                                          {"argv", QJsonArray{"/bin/true"}}}),
                                  [&](NodeOutcome o) { outcome = std::move(o); });
        dispatcher.answer();
        QTRY_VERIFY(outcome.has_value());
        QCOMPARE(outcome->outputs.value("stdout").toString(), QStringLiteral("only\n"));
        QCOMPARE(outcome->outputs.value("exit_code").toInt(), 0);
        QCOMPARE(outcome->outputs.value("ok").toBool(), true);
    }

    void anAgentGoneIsRetryableARefusalIsNot()
    {
        TableDispatcher dispatcher;
        dispatcher.nodes = {{"n1", "batch-1"}, {"n2", "batch-2"}};
        dispatcher.results.emplace("n1", ran(0, "a\n"));
        dispatcher.results.emplace(
            "n2", Result<QJsonObject>(Error{ErrorCode::NodeOffline, QStringLiteral("gone")}));
        TaskExecutor executor(&dispatcher);
        std::optional<NodeOutcome> outcome;
        auto run = executor.start(taskOf(kFanOut), [&](NodeOutcome o) { outcome = std::move(o); });
        dispatcher.answer();
        QTRY_VERIFY(outcome.has_value());
        QCOMPARE(outcome->kind, NodeOutcome::Kind::Failed);
        QCOMPARE(outcome->error.code, ErrorCode::NodeOffline);
        QCOMPARE(outcome->retryable, true);
        QVERIFY(outcome->error.message.contains("batch-2: gone"));

        TableDispatcher refusing;
        refusing.refusal = Error{ErrorCode::Forbidden, QStringLiteral("no grant")};
        TaskExecutor refused(&refusing);
        std::optional<NodeOutcome> denied;
        auto run2 = refused.start(taskOf(kFanOut), [&](NodeOutcome o) { denied = std::move(o); });
        QTRY_VERIFY(denied.has_value());
        QCOMPARE(denied->error.code, ErrorCode::Forbidden);
        QCOMPARE(denied->retryable, false);
    }

    void cancelAndAbandonReachTheDispatcher()
    {
        TableDispatcher dispatcher;
        dispatcher.nodes = {{"n1", "batch-1"}};
        dispatcher.results.emplace("n1", ran(0, ""));
        TaskExecutor executor(&dispatcher);
        std::optional<NodeOutcome> outcome;
        auto run = executor.start(taskOf(kFanOut), [&](NodeOutcome o) { outcome = std::move(o); });
        run->cancel();
        QVERIFY(outcome.has_value());
        QCOMPARE(outcome->kind, NodeOutcome::Kind::Cancelled);
        QCOMPARE(dispatcher.cancelled, (QList<quint64>{7}));
        // A late answer is dropped.
        dispatcher.answer();
        QTest::qWait(0);
        QCOMPARE(outcome->kind, NodeOutcome::Kind::Cancelled);

        TableDispatcher other;
        other.nodes = {{"n1", "batch-1"}};
        TaskExecutor abandoned(&other);
        auto gone = abandoned.start(taskOf(kFanOut), [](NodeOutcome) { QFAIL("abandoned"); });
        gone.reset();
        QCOMPARE(other.cancelled, (QList<quint64>{7}));
    }
};

QTEST_GUILESS_MAIN(TestTaskNode)
#include "TestTaskNode.moc"
