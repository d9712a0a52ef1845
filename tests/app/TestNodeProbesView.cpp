// Node detail, "Probes" (issue 35, item 3) against a real in-process server
// and an agent connection (tests/server/AgentPeer) that reports chosen probe
// results: the probes covering the node (all nodes, the node, a label it
// has) and only those, each with its newest result, latency, HTTP status,
// certificate days and the ICMP fallback; the honest states (no probe, an
// agent without `probes`). With HIVEMIND_SCREENSHOT_DIR set, `screenshots`
// saves the tab in en, zh_TW and zh_CN.

#include "AdminTestSupport.h"
#include "FleetAgentSupport.h"
#include "client/NodesApi.h"
#include "client/ProbesApi.h"
#include "fleet/NodeProbeModel.h"
#include "fleet/NodeProbesView.h"
#include "fleet/NodesPage.h"
#include "fleet/ProbeDialog.h"
#include "widgets/MessageBox.h"
#include "widgets/SectionEmptyState.h"
#include "widgets/ThemeManager.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>

using namespace hm::app;
using namespace hm::client;
using namespace admintest;
using namespace fleettest;

namespace {

ProbeChange probe(const QString &id, const QString &name, const QString &kind,
                  const QString &target, const QString &scopeType = QStringLiteral("all"),
                  const QString &scopeValue = {})
{
    ProbeChange p;
    p.id = id;
    p.name = name;
    p.kind = kind;
    p.target = target;
    p.scopeType = scopeType;
    p.scopeValue = scopeValue;
    return p;
}

QString cell(const NodeProbeModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

} // namespace

class TestNodeProbesView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_server.stop(); }
    void probesOfTheNodeWithTheirLastResults();
    void honestStates();
    void screenshots();

private:
    hm::Result<NodeRow> node(const QString &id)
    {
        return await<NodeRow>([&](auto done) { NodesApi(*client()).get(id, done); });
    }
    ApiClient *client() { return m_server.connection->client(); }

    AdminServer m_server;
    hm::test::AgentPeer m_agent;
    QString m_nodeId;
};

void TestNodeProbesView::initTestCase()
{
    QVERIFY(m_server.start("TestNodeProbesView"));
    // web-01 (label prod), online, granting metrics and probes.
    auto made = await<EnrolledNode>([&](auto done) {
        NodesApi(*client()).create(
            NewNode{QStringLiteral("web-01"), {}, {QStringLiteral("prod")}, 0}, done);
    });
    QVERIFY(made.ok());
    m_nodeId = made->node.id;
    QVERIFY(bringOnline(m_server.connection->baseUrl(), made->enrolment.secret, m_nodeId, m_agent));
    ProbesApi probes(*client());
    const QList<ProbeChange> defined{
        probe(QStringLiteral("shop"), QStringLiteral("Shop"), QStringLiteral("http"),
              QStringLiteral("https://shop.example.com/")),
        probe(QStringLiteral("db"), QStringLiteral("Database"), QStringLiteral("tcp"),
              QStringLiteral("db.internal:5432"), QStringLiteral("label"), QStringLiteral("prod")),
        probe(QStringLiteral("uplink"), QStringLiteral("Uplink"), QStringLiteral("icmp"),
              QStringLiteral("192.0.2.1"), QStringLiteral("node"), m_nodeId),
        // Neither runs here: another label, and a disabled probe.
        probe(QStringLiteral("stage"), QStringLiteral("Staging"), QStringLiteral("tcp"),
              QStringLiteral("stage.internal:80"), QStringLiteral("label"),
              QStringLiteral("staging")),
        probe(QStringLiteral("old"), QStringLiteral("Old site"), QStringLiteral("http"),
              QStringLiteral("https://old.example.com/"))};
    for (ProbeChange p : defined) {
        if (p.id == QLatin1String("old"))
            p.enabled = false;
        QVERIFY(await<ProbeRow>([&](auto done) { probes.create(p, done); }).ok());
    }
    // Two reports, a minute apart: the newer one is what the view shows.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    using M = hm::fleet::MetricValue;
    hm::fleet::ReportMessage older{1, now - 120'000, {}};
    older.metrics = {M{QStringLiteral("cpu_usage"), 10},
                     M{QStringLiteral("probe.shop.up"), 1},
                     M{QStringLiteral("probe.shop.latency_ms"), 42.5},
                     M{QStringLiteral("probe.shop.status"), 200},
                     M{QStringLiteral("probe.shop.cert_days"), 20.2},
                     M{QStringLiteral("probe.db.up"), 1},
                     M{QStringLiteral("probe.db.latency_ms"), 1.5}};
    hm::fleet::ReportMessage newer{2, now - 60'000, {}};
    newer.metrics = {M{QStringLiteral("cpu_usage"), 12}, M{QStringLiteral("probe.shop.up"), 0},
                     M{QStringLiteral("probe.shop.latency_ms"), 310},
                     M{QStringLiteral("probe.shop.status"), 503},
                     M{QStringLiteral("probe.shop.cert_days"), 19.6},
                     M{QStringLiteral("probe.uplink.up"), 1},
                     M{QStringLiteral("probe.uplink.latency_ms"), 3.25},
                     M{QStringLiteral("probe.uplink.fallback"), 1},
                     // A probe that does not cover the node reports nothing
                     // the view shows.
                     M{QStringLiteral("probe.stage.up"), 1}};
    const qsizetype before = m_agent.received.size();
    m_agent.send(hm::fleet::serialize(older));
    m_agent.send(hm::fleet::serialize(newer));
    // Stored (acknowledged) before anything reads them; settings messages
    // for the probes may arrive too, so wait for the ack of seq 2.
    QVERIFY(QTest::qWaitFor(
        [&] {
            for (qsizetype i = before; i < m_agent.received.size(); ++i) {
                const auto message = m_agent.message(i);
                if (const auto *ack = std::get_if<hm::fleet::AckMessage>(&message))
                    if (ack->seq >= 2)
                        return true;
            }
            return false;
        },
        20000));
}

void TestNodeProbesView::probesOfTheNodeWithTheirLastResults()
{
    auto row = node(m_nodeId);
    QVERIFY(row.ok());
    NodeProbesView view;
    QAbstractItemModelTester tester(view.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.setClient(client());
    view.resize(1000, 300);
    view.show();
    view.setNode(&row.value());
    NodeProbeModel *model = view.model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == 3 && !view.isLoading(), 20000);
    // By name; the other label's and the disabled probe are not here.
    QCOMPARE(cell(model, 0, NodeProbeModel::NameColumn), QStringLiteral("Database"));
    QCOMPARE(cell(model, 1, NodeProbeModel::NameColumn), QStringLiteral("Shop"));
    QCOMPARE(cell(model, 2, NodeProbeModel::NameColumn), QStringLiteral("Uplink"));
    // Database: up in the older report, nothing newer.
    QCOMPARE(cell(model, 0, NodeProbeModel::ResultColumn), QStringLiteral("Up"));
    QCOMPARE(cell(model, 0, NodeProbeModel::LatencyColumn), QStringLiteral("1.5 ms"));
    QCOMPARE(cell(model, 0, NodeProbeModel::KindColumn), QStringLiteral("TCP port"));
    // Shop: the newer report (down, 503); no latency shown for a failed
    // check; whole days left of the certificate.
    QCOMPARE(cell(model, 1, NodeProbeModel::ResultColumn), QStringLiteral("Down (HTTP 503)"));
    QCOMPARE(cell(model, 1, NodeProbeModel::LatencyColumn), QString());
    QCOMPARE(cell(model, 1, NodeProbeModel::CertificateColumn), QStringLiteral("19 days left"));
    QVERIFY(cell(model, 1, NodeProbeModel::CheckedColumn).endsWith(QLatin1String("ago")));
    // Uplink: answered through the TCP fallback, said so.
    QCOMPARE(cell(model, 2, NodeProbeModel::ResultColumn), QStringLiteral("Up, via TCP"));
    QCOMPARE(cell(model, 2, NodeProbeModel::LatencyColumn), QStringLiteral("3.3 ms"));
    QVERIFY(!model->index(2, NodeProbeModel::ResultColumn).data(Qt::ToolTipRole).isNull());
    QVERIFY(child<QTableView>(&view, "nodes.probes")->isVisible());
}

void TestNodeProbesView::honestStates()
{
    auto row = node(m_nodeId);
    QVERIFY(row.ok());
    NodeProbesView view;
    view.setClient(client());
    view.resize(800, 300);
    view.show();
    // No node picked.
    QCOMPARE(child<QLabel>(&view, "nodes.probes.emptyTitle")->text(),
             QStringLiteral("No node selected"));
    // An agent whose own config does not grant probes runs none.
    NodeRow withoutProbes = row.value();
    withoutProbes.capabilities = {QStringLiteral("metrics")};
    view.setNode(&withoutProbes);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(&view, "nodes.probes.emptyTitle")->text(),
                              QStringLiteral("This node's agent does not run probes"), 20000);
    QVERIFY(child<QLabel>(&view, "nodes.probes.emptyText")
                ->text()
                .contains(QLatin1String("the 3 probes defined")));
    // A node no probe covers (another id, no labels).
    NodeRow elsewhere = row.value();
    elsewhere.id = QStringLiteral("n_elsewhere");
    elsewhere.labels.clear();
    view.setNode(&elsewhere);
    QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 1, 20000); // the Shop probe, for all
    elsewhere.id = QStringLiteral("n_nowhere");
    auto probes = ProbesApi(*client());
    ProbeChange onlyHere;
    onlyHere.scopeType = QStringLiteral("node");
    onlyHere.scopeValue = m_nodeId;
    QVERIFY(await<ProbeRow>([&](auto done) {
                probes.update(QStringLiteral("shop"), onlyHere, done);
            }).ok());
    view.setNode(&elsewhere);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(&view, "nodes.probes.emptyTitle")->text(),
                              QStringLiteral("No probe runs on this node"), 20000);
    // Only administrators write probes: the others are told where they are.
    auto *action = child<QPushButton>(&view, "nodes.probes.emptyAction");
    QVERIFY(!action->isVisible());
    // An administrator is offered one, set to run on this node.
    view.setClient(client(), m_server.admin.role);
    view.setNode(&elsewhere);
    QTRY_VERIFY_WITH_TIMEOUT(action->isVisible() && !view.isLoading(), 20000);
    QCOMPARE(action->text(), QStringLiteral("New probe..."));
    QString offeredScope;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (auto *probe = qobject_cast<ProbeDialog *>(dialog)) {
            const ProbeChange change = probe->change();
            offeredScope = change.scopeType.value_or(QString()) + u':' + change.scopeValue;
        }
        return int(QDialog::Rejected);
    });
    action->click();
    QCOMPARE(offeredScope, QStringLiteral("node:n_nowhere"));
    ProbeChange everywhere;
    everywhere.scopeType = QStringLiteral("all");
    QVERIFY(await<ProbeRow>([&](auto done) {
                probes.update(QStringLiteral("shop"), everywhere, done);
            }).ok());
}

void TestNodeProbesView::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    ThemeManager themes;
    // Every language in the light theme, and English in the dark one.
    for (const auto &[language, dark] :
         {std::pair{QStringLiteral("en"), false}, std::pair{QStringLiteral("zh_TW"), false},
          std::pair{QStringLiteral("zh_CN"), false}, std::pair{QStringLiteral("en"), true}}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        themes.setMode(dark ? ThemeManager::Mode::Dark : ThemeManager::Mode::Light,
                       ThemeManager::Persist::No);
        const QString shot = dark ? language + QStringLiteral("-dark") : language;
        NodesPage page;
        page.setSession(client(), m_server.admin);
        page.resize(1200, 720);
        page.show();
        auto *list = child<QTableView>(&page, "nodes.list");
        QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() > 0, 20000);
        list->selectRow(0);
        auto *tabs = child<QTabWidget>(&page, "nodes.detailTabs");
        tabs->setCurrentWidget(page.probesView());
        QTRY_VERIFY_WITH_TIMEOUT(
            page.probesView()->model()->rowCount() == 3 && !page.probesView()->isLoading(), 20000);
        QApplication::processEvents();
        QVERIFY(page.grab().save(dir + QStringLiteral("/nodes-probes-%1.png").arg(shot)));
        // A node no probe covers: what goes there and the way to a probe.
        auto row = node(m_nodeId);
        QVERIFY(row.ok());
        NodeRow elsewhere = row.value();
        elsewhere.id = QStringLiteral("n_nowhere");
        elsewhere.labels.clear();
        page.probesView()->setNode(&elsewhere);
        QTRY_VERIFY_WITH_TIMEOUT(!page.probesView()->isLoading() &&
                                     page.probesView()->model()->rowCount() == 1,
                                 20000); // the Shop probe, for all nodes
        ProbeChange onlyHere;
        onlyHere.scopeType = QStringLiteral("node");
        onlyHere.scopeValue = m_nodeId;
        auto probes = ProbesApi(*client());
        QVERIFY(await<ProbeRow>([&](auto done) {
                    probes.update(QStringLiteral("shop"), onlyHere, done);
                }).ok());
        page.probesView()->reload();
        QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(&page, "nodes.probes.emptyAction")->isVisible(),
                                 20000);
        QApplication::processEvents();
        QVERIFY(page.grab().save(dir + QStringLiteral("/nodes-probes-empty-%1.png").arg(shot)));
        ProbeChange everywhere;
        everywhere.scopeType = QStringLiteral("all");
        QVERIFY(await<ProbeRow>([&](auto done) {
                    probes.update(QStringLiteral("shop"), everywhere, done);
                }).ok());
    }
    themes.setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

QTEST_MAIN(TestNodeProbesView)
#include "TestNodeProbesView.moc"
