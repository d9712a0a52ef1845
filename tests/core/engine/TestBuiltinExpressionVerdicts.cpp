// compile() refuses a transform or condition config exactly when running
// the node would fail with INVALID_INPUT_MAPPING whatever its inputs: the
// compile-time verdict (an INVALID_BUILTIN_EXPRESSION problem at the value's
// path, compiled against the engine's own registry) is held against the
// run-time verdict (the built-in executor run on that config, prepared and
// unprepared). Checked on hand-picked expressions in every place a built-in
// reads one, and on thousands of random mutations of them.

#include "engine/ExecutorRegistry.h"
#include "engine/NodeExecutor.h"
#include "engine/builtins/Builtins.h"
#include "flow/FlowCompiler.h"
#include "flow/FlowProblem.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <optional>

using namespace hm;
using namespace hm::engine;

namespace {

// Plain inputs (no blob references): evaluating a parsed expression on
// them never fails, so a failed run can only come from the config.
const QList<QJsonObject> kInputs{
    QJsonObject{},
    QJsonDocument::fromJson(
        "{\"v\": 1, \"name\": \"x\", \"list\": [1, 2], \"odd key\": {\"a\": true}}")
        .object(),
};

// Where a built-in reads an expression: the component, its config with the
// value in place, and the path a problem names.
struct Place
{
    const char *component;
    QJsonObject (*config)(const QJsonValue &value);
    const char *path;
};

const Place kPlaces[] = {
    {"transform",
     [](const QJsonValue &v) {
         return QJsonObject{{"outputs", QJsonObject{{"a", 1}, {"x", v}, {"z", "$.inputs.v"}}}};
     },
     "outputs.x"},
    {"condition",
     [](const QJsonValue &v) {
         return QJsonObject{{"left", v}, {"op", "=="}, {"right", 1}};
     },
     "left"},
    {"condition",
     [](const QJsonValue &v) {
         return QJsonObject{{"left", "$.inputs.v"}, {"op", "=="}, {"right", v}};
     },
     "right"},
};

QString text(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
}

// The compile-time verdict: whether compile() reports the value, or an
// explanation of anything else it said.
std::optional<bool> compileVerdict(const ExecutorRegistry &registry, const Place &place,
                                   const QJsonValue &value, QString *why)
{
    const QJsonObject node{{"id", "n"},
                           {"component", place.component},
                           {"version", kBuiltinVersion},
                           {"position", QJsonObject{{"x", 0}, {"y", 0}}},
                           {"config", place.config(value)},
                           {"inputMappings", QJsonObject{}}};
    const QJsonObject definition{
        {"schemaVersion", 1}, {"nodes", QJsonArray{node}}, {"edges", QJsonArray{}}};
    const auto compiled = flow::compileJson(definition, {}, registry);
    if (compiled)
        return false;
    const flow::FlowProblems problems = flow::problemsFromError(compiled.error());
    if (problems.size() == 1 && problems[0].code == flow::problem::InvalidBuiltinExpression &&
        problems[0].node == "n" && problems[0].extra.value("path").toString() == place.path)
        return true;
    *why = compiled.error().message;
    return std::nullopt;
}

NodeOutcome runOnce(NodeExecutor &executor, const QJsonObject &config, const QJsonObject &inputs,
                    const PreparedNode *prepared)
{
    NodeTask task;
    task.executionId = "e";
    task.nodeId = "n";
    task.config = config;
    task.inputs = inputs;
    task.prepared = prepared;
    std::optional<NodeOutcome> outcome;
    auto run = executor.start(task, [&outcome](NodeOutcome o) { outcome = std::move(o); });
    if (run || !outcome)
        qFatal("a synchronous built-in did not answer at once");
    return *std::move(outcome);
}

// The run-time verdict: whether every run fails with INVALID_INPUT_MAPPING
// (not retryable), or an explanation when runs disagree or fail otherwise.
std::optional<bool> runVerdict(const ExecutorRegistry &registry, const Place &place,
                               const QJsonValue &value, QString *why)
{
    NodeExecutor *executor = registry.executor(place.component, kBuiltinVersion);
    const QJsonObject config = place.config(value);
    const std::shared_ptr<const PreparedNode> prepared = executor->prepare(config);
    std::optional<bool> verdict;
    for (const QJsonObject &inputs : kInputs) {
        for (const PreparedNode *state :
             {prepared.get(), static_cast<const PreparedNode *>(nullptr)}) {
            const NodeOutcome outcome = runOnce(*executor, config, inputs, state);
            const bool failed = outcome.kind == NodeOutcome::Kind::Failed;
            if (failed &&
                (outcome.error.code != ErrorCode::InvalidInputMapping || outcome.retryable)) {
                *why =
                    "failed otherwise: " + outcome.error.codeName() + " " + outcome.error.message;
                return std::nullopt;
            }
            if (verdict && *verdict != failed) {
                *why = QStringLiteral("some runs fail, others do not");
                return std::nullopt;
            }
            verdict = failed;
        }
    }
    return verdict;
}

// Compares both verdicts in every place; empty when they agree.
QString disagreement(const ExecutorRegistry &registry, const QJsonValue &value,
                     int *refused = nullptr)
{
    for (const Place &place : kPlaces) {
        QString why;
        const std::optional<bool> compiled = compileVerdict(registry, place, value, &why);
        if (!compiled)
            return QStringLiteral("%1 at %2: compile said something else: %3")
                .arg(text(value), place.path, why);
        const std::optional<bool> ran = runVerdict(registry, place, value, &why);
        if (!ran)
            return QStringLiteral("%1 at %2: %3").arg(text(value), place.path, why);
        if (*compiled != *ran)
            return QStringLiteral("%1 at %2: compile %3, run %4")
                .arg(text(value), place.path,
                     *compiled ? QStringLiteral("refuses") : QStringLiteral("accepts"),
                     *ran ? QStringLiteral("fails") : QStringLiteral("succeeds"));
        if (refused && *compiled)
            ++*refused;
    }
    return {};
}

const QStringList kExpressionSeeds{
    "$.inputs",
    "$.inputs.name",
    "$.inputs.list[1]",
    "$.inputs[\"odd key\"].a",
    "$.inputs.a-b_c.d",
    "$.trigger.name",
    "$.trigger",
    "$.nodes.a.output.v",
    "$.nodes.a.x",
    "$.inputsX",
    "$.inputs[",
    "$.inputs..x",
    "$.inputs.",
    "$.inputs[\"unterminated",
    "$.inputs[01]",
    "$.inputs[-1]",
    "$.inputs[99999999999]",
    "$.",
    "$",
    "$inputs.v",
    " $.inputs.v",
    "text",
    "",
};

} // namespace

class TestBuiltinExpressionVerdicts : public QObject
{
    Q_OBJECT

    ExecutorRegistry m_registry;

private slots:
    void initTestCase() { registerBuiltins(m_registry); }

    void handPicked_data()
    {
        QTest::addColumn<QJsonValue>("value");
        for (const QString &seed : kExpressionSeeds)
            QTest::newRow(qPrintable("string " + seed)) << QJsonValue(seed);
        QTest::newRow("number") << QJsonValue(5);
        QTest::newRow("null") << QJsonValue(QJsonValue::Null);
        QTest::newRow("bool") << QJsonValue(true);
        QTest::newRow("array of expressions") << QJsonValue(QJsonArray{"$.trigger.x"});
        QTest::newRow("object with an expression")
            << QJsonValue(QJsonObject{{"a", "$.nodes.a.output"}});
        QTest::newRow("blob reference") << QJsonValue(QJsonObject{{"$ref", "blob:abc"}});
        QTest::newRow("node reference") << QJsonValue(QJsonObject{{"$ref", "node:a:output:v"}});
        QTest::newRow("bad reference") << QJsonValue(QJsonObject{{"$ref", "nothing"}});
        QTest::newRow("reference not a string") << QJsonValue(QJsonObject{{"$ref", 3}});
        QTest::newRow("reference with company")
            << QJsonValue(QJsonObject{{"$ref", "blob:abc"}, {"x", 1}});
    }

    void handPicked()
    {
        QFETCH(QJsonValue, value);
        const QString diff = disagreement(m_registry, value);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    // The item of issue 34: compile refuses what can only fail, and still
    // takes what runs.
    void bothVerdictsOccur()
    {
        int refused = 0;
        QVERIFY(disagreement(m_registry, "$.trigger.name", &refused).isEmpty());
        QCOMPARE(refused, 3);
        refused = 0;
        QVERIFY(disagreement(m_registry, "$.inputs.name", &refused).isEmpty());
        QCOMPARE(refused, 0);
    }

    void randomMutations()
    {
        const QString alphabet = QStringLiteral("$.[]\"\\ inputsrgode0123_-x");
        QRandomGenerator random(20261125);
        int refused = 0;
        int accepted = 0;
        for (int round = 0; round < 1500; ++round) {
            QString expression =
                kExpressionSeeds[int(random.bounded(int(kExpressionSeeds.size())))];
            const int edits = 1 + int(random.bounded(3));
            for (int e = 0; e < edits; ++e) {
                const int at = int(random.bounded(int(expression.size()) + 1));
                const QChar c = alphabet[int(random.bounded(int(alphabet.size())))];
                switch (random.bounded(3)) {
                case 0:
                    expression.insert(at, c);
                    break;
                case 1:
                    if (at < expression.size())
                        expression.remove(at, 1);
                    break;
                default:
                    if (at < expression.size())
                        expression[at] = c;
                    break;
                }
            }
            int before = refused;
            const QString diff = disagreement(m_registry, expression, &refused);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
            accepted += refused == before ? 1 : 0;
        }
        qInfo("%d places refused, %d expressions accepted everywhere", refused, accepted);
        // Both verdicts were exercised, not one all along.
        QVERIFY2(refused > 300 && accepted > 300,
                 qPrintable(QStringLiteral("%1 refused, %2 accepted").arg(refused).arg(accepted)));
    }
};

QTEST_GUILESS_MAIN(TestBuiltinExpressionVerdicts)
#include "TestBuiltinExpressionVerdicts.moc"
