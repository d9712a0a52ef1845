// The Nodes list model (issue 35, item 3) under QAbstractItemModelTester
// against a real in-process server: pages in the server's order, search
// and the label filter asked of the server, /ws/events messages applied to
// the loaded rows (created in its place, renamed and moved, a status
// change in place, filtered out, deleted) without a reload, and the cells'
// words (status with its dot, memory, "Last seen").

#include "AdminTestSupport.h"
#include "client/NodesApi.h"
#include "fleet/NodeListModel.h"
#include "fleet/NodeText.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QIcon>
#include <QJsonArray>
#include <QSignalSpy>

using namespace hm;
using namespace hm::app;
using namespace hm::client;
using namespace admintest;

namespace {

// The error of a failed call, for the failure message (evaluated even when
// the call succeeded, so it must not ask a success for its error).
template <typename T> QString errorText(const hm::Result<T> &r)
{
    return r.ok() ? QString() : r.error().toString();
}

QStringList namesOf(const NodeListModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.node(row)->name;
    return names;
}

QJsonObject nodeEvent(const QString &id, const QString &name, const QString &status,
                      const QStringList &labels = {})
{
    return QJsonObject{{"node_id", id},
                       {"node", QJsonObject{{"id", id},
                                            {"name", name},
                                            {"status", status},
                                            {"enrolled", status != QLatin1String("pending")},
                                            {"online", status == QLatin1String("online")},
                                            {"labels", QJsonArray::fromStringList(labels)},
                                            {"memory_total", 16.0 * 1024 * 1024 * 1024},
                                            {"cpu_cores", 8},
                                            {"os", "linux"},
                                            {"arch", "x86_64"},
                                            {"last_heartbeat", "2026-01-01T12:00:00Z"}}}};
}

} // namespace

class TestNodeListModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start("TestNodeListModel"));
        for (const char *name : {"delta", "Alpha", "charlie", "bravo", "echo"}) {
            const QStringList labels = QLatin1String(name) == QLatin1String("bravo") ||
                                               QLatin1String(name) == QLatin1String("echo")
                                           ? QStringList{QStringLiteral("prod")}
                                           : QStringList{QStringLiteral("lab")};
            auto made = await<EnrolledNode>([&](auto done) {
                NodesApi(*m_server.connection->client())
                    .create(NewNode{QString::fromLatin1(name), {}, labels, 0}, done);
            });
            QVERIFY2(made.ok(), qPrintable(errorText(made)));
        }
    }
    void cleanupTestCase() { m_server.stop(); }
    void pagesInTheServersOrder();
    void filtersAskTheServer();
    void eventsChangeTheLoadedRows();
    void cellsSayWhatTheyShow();
    void liveValuesExtendOneRow();

private:
    AdminServer m_server;
};

void TestNodeListModel::pagesInTheServersOrder()
{
    NodeListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(2);
    model.setClient(m_server.connection->client());
    model.reload();
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), NodeListModel::State::Ready, 15000);
    QCOMPARE(namesOf(model), QStringList({"Alpha", "bravo"}));
    QCOMPARE(model.totalCount(), 5);
    while (model.canFetchMore({})) {
        const int before = model.rowCount();
        model.fetchMore({});
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > before, 15000);
    }
    QCOMPARE(namesOf(model), QStringList({"Alpha", "bravo", "charlie", "delta", "echo"}));
    QCOMPARE(model.columnCount(), int(NodeListModel::ColumnCount));
}

void TestNodeListModel::filtersAskTheServer()
{
    NodeListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClient(m_server.connection->client());
    model.setLabelFilter(QStringLiteral("prod"));
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), NodeListModel::State::Ready, 15000);
    QCOMPARE(namesOf(model), QStringList({"bravo", "echo"}));
    QVERIFY(model.isFiltered());
    model.setLabelFilter({});
    model.setSearch(QStringLiteral("ALP"));
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), NodeListModel::State::Ready, 15000);
    QTRY_COMPARE(namesOf(model), QStringList({"Alpha"}));
}

void TestNodeListModel::eventsChangeTheLoadedRows()
{
    NodeListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClient(m_server.connection->client());
    model.reload();
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), NodeListModel::State::Ready, 15000);
    QCOMPARE(model.rowCount(), 5);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    // A new node goes to its place in the name order.
    model.applyEvent("node_created", nodeEvent("n-new", "Baker", "pending"));
    QCOMPARE(namesOf(model), QStringList({"Alpha", "Baker", "bravo", "charlie", "delta", "echo"}));
    QCOMPARE(model.totalCount(), 6);
    // The same node again (the event and the dialog's answer): one row.
    model.applyEvent("node_created", nodeEvent("n-new", "Baker", "pending"));
    QCOMPARE(model.rowCount(), 6);
    // Its agent came: the row changes in place.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.applyEvent("node_status", nodeEvent("n-new", "Baker", "online"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(
        model.index(1, NodeListModel::StatusColumn).data(NodeListModel::StatusNameRole).toString(),
        QStringLiteral("online"));
    // Renamed: it moves.
    model.applyEvent("node_updated", nodeEvent("n-new", "zulu", "online"));
    QCOMPARE(namesOf(model).last(), QStringLiteral("zulu"));
    QCOMPARE(model.rowCount(), 6);
    // Other messages and unknown nodes' deletions change nothing.
    model.applyEvent("flow_created", QJsonObject{{"flow_id", "x"}});
    model.applyEvent("node_deleted", QJsonObject{{"node_id", "no-such-node"}});
    QCOMPARE(model.rowCount(), 6);
    model.applyEvent("node_deleted", QJsonObject{{"node_id", "n-new"}});
    QCOMPARE(namesOf(model), QStringList({"Alpha", "bravo", "charlie", "delta", "echo"}));
    QCOMPARE(resets.count(), 0);

    // With a label filter, a node that loses the label leaves.
    model.setLabelFilter(QStringLiteral("prod"));
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), NodeListModel::State::Ready, 15000);
    QTRY_COMPARE(model.rowCount(), 2);
    const QString bravo = model.node(0)->id;
    model.applyEvent("node_updated", nodeEvent(bravo, "bravo", "pending", {"lab"}));
    QCOMPARE(namesOf(model), QStringList({"echo"}));
    model.applyEvent("node_created", nodeEvent("n-lab", "aaa", "pending", {"lab"}));
    QCOMPARE(namesOf(model), QStringList({"echo"}));
}

void TestNodeListModel::cellsSayWhatTheyShow()
{
    NodeListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClient(m_server.connection->client());
    model.setSearch(QStringLiteral("echo"));
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), NodeListModel::State::Ready, 15000);
    QTRY_COMPARE(model.rowCount(), 1);
    const QString id = model.node(0)->id;
    QCOMPARE(model.index(0, NodeListModel::StatusColumn).data().toString(),
             QStringLiteral("Pending enrolment"));
    QCOMPARE(model.index(0, NodeListModel::NameColumn).data(NodeListModel::NodeIdRole).toString(),
             id);
    model.setNow(QDateTime(QDate(2026, 1, 1), QTime(12, 0, 42), Qt::UTC));
    model.applyEvent("node_status", nodeEvent(id, "echo", "online", {"prod"}));
    QCOMPARE(model.index(0, NodeListModel::StatusColumn).data().toString(),
             QStringLiteral("Online"));
    QCOMPARE(model.index(0, NodeListModel::StatusColumn)
                 .data(NodeListModel::StatusColourRole)
                 .value<QColor>(),
             NodeText::statusColour(QStringLiteral("online")));
    // A round dot beside the word, not the colour alone.
    QVERIFY(!model.index(0, NodeListModel::StatusColumn)
                 .data(Qt::DecorationRole)
                 .value<QIcon>()
                 .isNull());
    QCOMPARE(model.index(0, NodeListModel::SystemColumn).data().toString(),
             QStringLiteral("linux"));
    QCOMPARE(model.index(0, NodeListModel::SystemColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("linux / x86_64"));
    // No values yet: no number, no line (the delegate draws the empty state).
    QCOMPARE(model.index(0, NodeListModel::CpuColumn).data().toString(), QString());
    QVERIFY(model.index(0, NodeListModel::CpuColumn)
                .data(NodeListModel::SparklineRole)
                .value<QList<double>>()
                .isEmpty());
    // Cores and memory size moved into the sparklines' tooltips.
    QVERIFY(model.index(0, NodeListModel::CpuColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("8 core")));
    QVERIFY(model.index(0, NodeListModel::MemoryColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("16 GiB")));
    QCOMPARE(model.index(0, NodeListModel::LastSeenColumn).data().toString(),
             QStringLiteral("42 s ago"));
    QCOMPARE(model.index(0, NodeListModel::LabelsColumn).data().toString(), QStringLiteral("prod"));
    QCOMPARE(model.index(0, NodeListModel::LabelsColumn).data(NodeListModel::LabelsRole),
             QVariant(QStringList{"prod"}));
    QCOMPARE(model.headerData(NodeListModel::SystemColumn, Qt::Horizontal).toString(),
             QStringLiteral("OS"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.refreshLastSeen();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().column(), int(NodeListModel::LastSeenColumn));
}

// GET /nodes/sparklines' series land on their rows; a node_metrics batch
// extends the named row's series (a value joins its 30 s, a later 30 s
// moves the window) and signals that row's sparkline and "Last seen" cells
// only; never a reset.
void TestNodeListModel::liveValuesExtendOneRow()
{
    NodeListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClient(m_server.connection->client());
    model.reload();
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), NodeListModel::State::Ready, 15000);
    QCOMPARE(model.rowCount(), 5);
    const QString charlie = model.node(2)->id;
    const auto pointsOf = [&model](int row, int column) {
        return model.index(row, column).data(NodeListModel::SparklineRole).value<QList<double>>();
    };

    // The server's answer for one node: 30 points ending at `end`.
    const QDateTime end(QDate(2026, 1, 1), QTime(12, 0, 0), Qt::UTC);
    hm::client::NodeSparklines answer;
    answer.end = end;
    QList<double> cpu(30, -1.0);
    cpu[27] = 10;
    cpu[29] = 20;
    answer.items.append({charlie, cpu, QList<double>(30, 50.0), QList<double>(30, 70.0)});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.applySparklines(answer);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(2, NodeListModel::CpuColumn));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), model.index(2, NodeListModel::DiskColumn));
    QCOMPARE(pointsOf(2, NodeListModel::CpuColumn), cpu);
    QCOMPARE(model.index(2, NodeListModel::CpuColumn).data().toString(), QStringLiteral("20 %"));
    QCOMPARE(model.index(2, NodeListModel::DiskColumn).data().toString(), QStringLiteral("70 %"));
    QVERIFY(pointsOf(1, NodeListModel::CpuColumn).isEmpty());

    // A batch: charlie's values 10 s into the same 30 s, and a node the
    // list does not show (it changes nothing here).
    const auto batch = [](const QString &id, const QDateTime &time, double cpuValue) {
        return QJsonObject{
            {"interval_s", 5},
            {"items", QJsonArray{QJsonObject{{"node_id", id},
                                             {"time", time.toString(Qt::ISODateWithMs)},
                                             {"cpu_usage", cpuValue},
                                             {"memory_percent", 55.0},
                                             {"disk_percent", 70.0}},
                                 QJsonObject{{"node_id", "not-listed"},
                                             {"time", time.toString(Qt::ISODateWithMs)},
                                             {"cpu_usage", 99.0}}}}};
    };
    changed.clear();
    model.applyEvent(QStringLiteral("node_metrics"), batch(charlie, end.addSecs(10), 30.0));
    QCOMPARE(changed.count(), 1);
    const QModelIndex from = changed.at(0).at(0).toModelIndex();
    const QModelIndex to = changed.at(0).at(1).toModelIndex();
    QCOMPARE(from.row(), 2);
    QCOMPARE(to.row(), 2);
    QCOMPARE(from.column(), int(NodeListModel::CpuColumn));
    QCOMPARE(to.column(), int(NodeListModel::LastSeenColumn));
    // The server's 20 and the live 30 in one 30 s: their average.
    QCOMPARE(pointsOf(2, NodeListModel::CpuColumn).constLast(), 25.0);
    QCOMPARE(model.index(2, NodeListModel::CpuColumn).data(NodeListModel::CurrentValueRole),
             QVariant(30.0));
    QCOMPARE(model.index(2, NodeListModel::CpuColumn).data().toString(), QStringLiteral("30 %"));
    QCOMPARE(model.node(2)->lastHeartbeat, end.addSecs(10));

    // The next 30 s moves the window: the last point is the new value, the
    // one before it what the previous 30 s averaged.
    model.applyEvent(QStringLiteral("node_metrics"), batch(charlie, end.addSecs(35), 40.0));
    const QList<double> moved = pointsOf(2, NodeListModel::CpuColumn);
    QCOMPARE(moved.size(), 30);
    QCOMPARE(moved.at(29), 40.0);
    QCOMPARE(moved.at(28), 25.0);
    QCOMPARE(moved.at(26), 10.0);
    QCOMPARE(moved.at(27), -1.0);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(reset.count(), 0);
    // Nothing of the other rows.
    for (int row : {0, 1, 3, 4})
        QVERIFY(pointsOf(row, NodeListModel::MemoryColumn).isEmpty());
}

QTEST_MAIN(TestNodeListModel)
#include "TestNodeListModel.moc"
