// The dashboard's live overview (issue 12, item 6) against a real
// hivemind-server started with a short system_status interval: the charts
// receive points over the real WebSocket, the latest failures' card says
// why it is empty (nobody signed in, or no failures), the counts of the
// last 24 hours match the executions the test made, the latest failure
// opens the execution viewer, the history stays bounded and redraws are coalesced
// when fed an hour of points at once, and a language switch.

#include "FleetAgentSupport.h"
#include "OperationsTestSupport.h"
#include "client/EventHub.h"
#include "dashboard/DashboardOverview.h"
#include "dashboard/MetricsHistory.h"
#include "fleet/AlertRecordModel.h"
#include "fleet/FleetCard.h"
#include "fleet/OpenAlertsCard.h"
#include "shell/LanguageManager.h"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>
#include <QtTest>
#include <memory>

using namespace hm::test;
using hm::app::DashboardOverview;
using hm::app::MetricsHistory;

class TestDashboard : public QObject, private ServerFixture
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void chartsReceiveSystemStatusOverTheWebSocket();
    void fleetCardCountsAndRanksTheNodes();
    void openAlertsCardFollowsWhatFires();
    void uptimeSaysTheLargestUnits();
    void failuresCardSaysWhyItIsEmpty();
    void countsMatchTheExecutionsMade();
    void historyStaysBoundedAndRedrawsAreCoalesced();
    void languageSwitch();

private:
    void show(hm::client::ApiClient *client)
    {
        m_host = std::make_unique<QWidget>();
        m_host->setObjectName(QStringLiteral("dashboardHost"));
        hm::test::styleAsConsole(m_host.get());
        auto *layout = new QVBoxLayout(m_host.get());
        layout->setContentsMargins(32, 24, 32, 24);
        m_overview = new DashboardOverview(m_host.get());
        m_overview->setRepaintIntervalMs(100);
        layout->addWidget(m_overview);
        m_host->resize(1200, 1000);
        m_host->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_host.get()));
        m_overview->setClient(client);
    }
    QString text(const char *name) const
    {
        return m_overview->findChild<QLabel *>(QLatin1String(name))->text();
    }

    // A node's id and its agent's one-time secret (POST /nodes).
    std::pair<QString, QString> createNode(const QString &name)
    {
        const Answer made =
            m_http->json("POST", QStringLiteral("/api/v1/nodes"), {{"name", name}}, m_admin);
        return {made.data().value("node").toObject().value("id").toString(),
                made.data().value("enrolment").toObject().value("secret").toString()};
    }
    // The node's agent enrols, signs in and reports `cpu` and memory used.
    bool bringOnline(hm::test::AgentPeer &agent, const QString &name, double cpu, double memory)
    {
        const auto [id, secret] = createNode(name);
        fleettest::AgentFacts facts;
        facts.os = QStringLiteral("Linux");
        if (!fleettest::bringOnline(m_http->base(), secret, id, agent, facts))
            return false;
        const double gib = 1024.0 * 1024 * 1024;
        agent.send(hm::fleet::serialize(
            hm::fleet::ReportMessage{1,
                                     QDateTime::currentMSecsSinceEpoch(),
                                     {{QStringLiteral("cpu_usage"), cpu},
                                      {QStringLiteral("memory_used"), memory * 16 * gib / 100},
                                      {QStringLiteral("memory_total"), 16 * gib},
                                      {QStringLiteral("disk_used"), 120 * gib},
                                      {QStringLiteral("disk_total"), 256 * gib},
                                      {QStringLiteral("load_avg_1"), cpu / 25},
                                      {QStringLiteral("network_in"), cpu * 40960},
                                      {QStringLiteral("network_out"), cpu * 10240}}}));
        return agent.waitForMessages(3);
    }

    QTemporaryDir m_config;
    // Online for the rest of the run (the screenshots show them).
    hm::test::AgentPeer m_web;
    hm::test::AgentPeer m_db;
    std::unique_ptr<hm::app::LanguageManager> m_languages;
    hm::client::ApiClient m_client;
    std::unique_ptr<QWidget> m_host;
    DashboardOverview *m_overview = nullptr;
    QString m_failedExecution;
};

void TestDashboard::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HiveMindTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestDashboard"));
    QSettings().clear();
    m_languages = std::make_unique<hm::app::LanguageManager>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), hm::app::LanguageManager::Persist::No));
    const QString problem =
        startServer({QStringLiteral("--ws-status-interval-ms"), QStringLiteral("200")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString signedIn = signIn(m_client, m_http->base());
    QVERIFY2(signedIn.isEmpty(), qPrintable(signedIn));
}

void TestDashboard::cleanup()
{
    m_host.reset();
    m_overview = nullptr;
}

void TestDashboard::chartsReceiveSystemStatusOverTheWebSocket()
{
    show(&m_client);
    // Several messages 200 ms apart, drawn.
    QTRY_VERIFY_WITH_TIMEOUT(m_overview->history().size() >= 4, 15000);
    QTRY_VERIFY(m_overview->cpuPointCount() >= 3);
    QVERIFY(m_overview->chartUpdates() >= 1);
    const MetricsHistory::Sample latest = m_overview->history().latest();
    QVERIFY(latest.cpu >= 0 && latest.cpu <= 100);
    QVERIFY(latest.memory > 0 && latest.memory <= 100);
    QVERIFY(latest.disk > 0 && latest.disk <= 100);
    // Network rates need two samples; they are there by now.
    QTRY_VERIFY(m_overview->history().latest().sentPerSecond >= 0);
    QTRY_VERIFY(text("dashboard.latest").startsWith(QLatin1String("CPU ")));
    QTRY_VERIFY(text("dashboard.uptime").startsWith(QLatin1String("Server up")));
}

// The fleet's card: nothing yet, then a pending node, then two online
// nodes reporting (counts, averages, the busiest first), live from node
// events.
void TestDashboard::fleetCardCountsAndRanksTheNodes()
{
    show(&m_client);
    auto *card = m_overview->findChild<hm::app::FleetCard *>();
    QVERIFY(card);
    QTRY_VERIFY_WITH_TIMEOUT(card->hasSummary(), 15000);
    QCOMPARE(card->summary().total, 0);
    QCOMPARE(
        text("dashboard.fleet.state"),
        QStringLiteral("No nodes yet. Enrol a machine in the Nodes section to watch it here."));

    // A node made elsewhere arrives through the event hub, not a timer
    // (once the hub is open: the server sends events to open sockets only).
    QTRY_VERIFY_WITH_TIMEOUT(hm::client::EventHub::of(&m_client)->isOpen(), 15000);
    QVERIFY(!createNode(QStringLiteral("build-runner")).first.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(text("dashboard.fleet.pending"), QStringLiteral("1"), 10000);
    QCOMPARE(text("dashboard.fleet.total"), QStringLiteral("1"));
    QCOMPARE(text("dashboard.fleet.state"), QStringLiteral("No node is online."));

    QVERIFY(bringOnline(m_web, QStringLiteral("web-01"), 72.0, 61.0));
    QVERIFY(bringOnline(m_db, QStringLiteral("db-01"), 18.0, 83.0));
    // Reports do not send node events: the next read (here: asked) has them.
    QTRY_COMPARE_WITH_TIMEOUT(text("dashboard.fleet.online"), QStringLiteral("2"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_http->get(QStringLiteral("/api/v1/nodes/summary"), m_admin)
                                  .data()
                                  .value("reporting")
                                  .toInt(),
                              2, 10000);
    card->reload();
    QTRY_COMPARE_WITH_TIMEOUT(card->summary().reporting, 2, 10000);
    QCOMPARE(text("dashboard.fleet.total"), QStringLiteral("3"));
    QCOMPARE(text("dashboard.fleet.offline"), QStringLiteral("0"));
    QVERIFY2(text("dashboard.fleet.averages")
                 .startsWith(QStringLiteral("Averages over the online nodes: CPU 45.0% · Memory "
                                            "72.0% · Disk 46.9%")),
             qPrintable(text("dashboard.fleet.averages")));
    QCOMPARE(text("dashboard.fleet.topCpu"), QStringLiteral("72.0%  web-01\n18.0%  db-01"));
    QCOMPARE(text("dashboard.fleet.topMemory"), QStringLiteral("83.0%  db-01\n61.0%  web-01"));
    QVERIFY(!m_overview->findChild<QLabel *>(QStringLiteral("dashboard.fleet.state"))->isVisible());
}

// The open-alerts card, first under the fleet's: nothing firing, then web-01
// (online since the fleet's test) goes over a rule's threshold and its
// alert arrives live; a click asks for that alert, "Show all alerts" for
// the section; resolved elsewhere, it leaves the card.
void TestDashboard::openAlertsCardFollowsWhatFires()
{
    show(&m_client);
    auto *card = m_overview->findChild<hm::app::OpenAlertsCard *>();
    QVERIFY(card);
    // Above the executions and the host: an operator's first look.
    auto *fleet = m_overview->findChild<hm::app::FleetCard *>();
    auto *hostTitle = m_overview->findChild<QLabel *>(QStringLiteral("dashboard.uptime"));
    QVERIFY(fleet->geometry().bottom() < card->geometry().top());
    QVERIFY(card->geometry().bottom() < hostTitle->mapTo(m_overview, QPoint()).y());
    auto *list = card->findChild<QTableView *>(QStringLiteral("dashboard.alerts.list"));
    QVERIFY(list);
    QTRY_COMPARE_WITH_TIMEOUT(text("dashboard.alerts.state"),
                              QStringLiteral("Nothing is firing. Good."), 15000);
    QVERIFY(!list->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(hm::client::EventHub::of(&m_client)->isOpen(), 15000);

    const Answer rule = m_http->json(
        "POST", QStringLiteral("/api/v1/alerts/rules"),
        {{"name", "CPU hot"}, {"type", "cpu"}, {"threshold", 90}, {"duration", 0}}, m_admin);
    QCOMPARE(rule.status, 201);
    m_web.send(hm::fleet::serialize(hm::test::AgentPeer::report(50, 97.0)));
    QTRY_COMPARE_WITH_TIMEOUT(card->model()->rowCount(), 1, 15000);
    QTRY_COMPARE(text("dashboard.alerts.state"),
                 QStringLiteral("1 alert firing. Click one to see it in the Alerts section."));
    QVERIFY(list->isVisible());
    // As tall as its one row, not an empty box for five.
    QVERIFY(list->height() < list->horizontalHeader()->height() +
                                 2 * list->verticalHeader()->defaultSectionSize() +
                                 2 * list->frameWidth());
    const QModelIndex rule0 = card->model()->index(0, hm::app::AlertRecordModel::RuleColumn);
    QCOMPARE(rule0.data().toString(), QStringLiteral("CPU hot"));
    QCOMPARE(card->model()->index(0, hm::app::AlertRecordModel::NodeColumn).data().toString(),
             QStringLiteral("web-01"));
    QVERIFY(list->isColumnHidden(hm::app::AlertRecordModel::StateColumn));
    QVERIFY(!list->isColumnHidden(hm::app::AlertRecordModel::ValueColumn));
    const QString recordId = card->model()->record(0)->id;

    QSignalSpy opened(m_overview, &DashboardOverview::openAlert);
    QSignalSpy showAll(m_overview, &DashboardOverview::showAllAlerts);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(rule0).center());
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().first().toString(), recordId);
    m_overview->findChild<QPushButton *>(QStringLiteral("dashboard.alerts.showAll"))->click();
    QCOMPARE(showAll.size(), 1);
    QVERIFY(hm::test::screenshot(m_host.get(), QStringLiteral("dashboard-alerts-en")));

    // Resolved by someone else: gone from the card, live.
    QCOMPARE(m_http
                 ->json("POST", QStringLiteral("/api/v1/alerts/records/%1/resolve").arg(recordId),
                        QJsonObject{}, m_admin)
                 .status,
             200);
    QTRY_COMPARE_WITH_TIMEOUT(card->model()->rowCount(), 0, 15000);
    QTRY_COMPARE(text("dashboard.alerts.state"), QStringLiteral("Nothing is firing. Good."));
    QVERIFY(!list->isVisible());
    QCOMPARE(
        m_http
            ->json(
                "DELETE",
                QStringLiteral("/api/v1/alerts/rules/%1").arg(rule.data().value("id").toString()),
                QJsonObject{}, m_admin)
            .status,
        200);

    // Signed out: said, and another user's alerts are not kept.
    m_overview->setClient(nullptr);
    QCOMPARE(text("dashboard.alerts.state"), QStringLiteral("Sign in to see what is firing."));
}

void TestDashboard::uptimeSaysTheLargestUnits()
{
    QCOMPARE(DashboardOverview::uptimeText(42), QStringLiteral("Server up less than a minute"));
    QCOMPARE(DashboardOverview::uptimeText(7 * 60 + 5), QStringLiteral("Server up 7 min"));
    QCOMPARE(DashboardOverview::uptimeText(2 * 3600 + 5 * 60),
             QStringLiteral("Server up 2 h 5 min"));
    QCOMPARE(DashboardOverview::uptimeText(3 * 86400 + 4 * 3600 + 59 * 60),
             QStringLiteral("Server up 3 d 4 h"));
}

void TestDashboard::failuresCardSaysWhyItIsEmpty()
{
    // Nobody signed in: the hint under the title, no empty list.
    show(nullptr);
    auto *failures = m_overview->findChild<QListWidget *>(QStringLiteral("dashboard.failures"));
    auto *state = m_overview->findChild<QLabel *>(QStringLiteral("dashboard.failuresState"));
    QVERIFY(failures && state);
    const QString signIn = QStringLiteral("Sign in to see failed executions.");
    QCOMPARE(state->text(), signIn);
    QVERIFY(state->isVisible());
    QVERIFY(!failures->isVisible());

    // Signed in on a server without failures (none made yet): said as
    // such, in other words than the sign-in hint.
    m_overview->setClient(&m_client);
    QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("No failed executions. Good."), 15000);
    QVERIFY(state->isVisible());
    QVERIFY(!failures->isVisible());
    QCOMPARE(failures->count(), 0);

    // Signed out again: back to the hint.
    m_overview->setClient(nullptr);
    QCOMPARE(state->text(), signIn);
    QVERIFY(!failures->isVisible());
}

void TestDashboard::countsMatchTheExecutionsMade()
{
    const QString noop = createPublishedFlow(
        *m_http, m_admin, QStringLiteral("Nightly report"),
        flowDefinition({flowNode(QStringLiteral("only"), QStringLiteral("noop"))}));
    const QString broken = createPublishedFlow(
        *m_http, m_admin, QStringLiteral("Broken import"),
        flowDefinition({heldNode(QStringLiteral("call"), QStringLiteral("url"))}));
    QVERIFY(!noop.isEmpty() && !broken.isEmpty());
    for (int i = 0; i < 3; ++i)
        QCOMPARE(triggerFlow(*m_http, m_admin, noop, {}, QStringLiteral("?wait=true"))
                     .data()
                     .value("status")
                     .toString(),
                 QStringLiteral("completed"));
    const Answer failed = triggerFlow(*m_http, m_admin, broken, {{"url", "http://127.0.0.1:1/"}},
                                      QStringLiteral("?wait=true"));
    QCOMPARE(failed.data().value("status").toString(), QStringLiteral("failed"));
    m_failedExecution = failed.data().value("execution_id").toString();

    show(&m_client);
    QTRY_COMPARE_WITH_TIMEOUT(text("dashboard.completed"), QStringLiteral("3"), 15000);
    QCOMPARE(text("dashboard.failed"), QStringLiteral("1"));
    QCOMPARE(text("dashboard.running"), QStringLiteral("0"));
    QCOMPARE(text("dashboard.executionsState"),
             QStringLiteral("4 executions in the last 24 hours"));
    const QJsonArray buckets = m_overview->stats().value("buckets").toArray();
    QCOMPARE(buckets.size(), 24);
    QCOMPARE(buckets.last().toObject().value("completed").toInt(), 3);

    // The latest failure, and a click opens it in the viewer.
    auto *failures = m_overview->findChild<QListWidget *>(QStringLiteral("dashboard.failures"));
    QTRY_COMPARE(failures->count(), 1);
    QVERIFY(failures->item(0)->text().startsWith(QLatin1String("Broken import")));
    QVERIFY(failures->isVisible());
    QCOMPARE(text("dashboard.failuresState"),
             QStringLiteral("Click one to open it in the viewer."));
    QSignalSpy open(m_overview, &DashboardOverview::openExecution);
    emit failures->itemActivated(failures->item(0));
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().first().toString(), m_failedExecution);

    // A new execution arrives live (execution events, then one read).
    QCOMPARE(triggerFlow(*m_http, m_admin, noop, {}, QStringLiteral("?wait=true")).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(text("dashboard.completed"), QStringLiteral("4"), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(m_overview->cpuPointCount() >= 3, 15000);
    QVERIFY(hm::test::screenshot(m_host.get(), QStringLiteral("dashboard-en")));
}

void TestDashboard::historyStaysBoundedAndRedrawsAreCoalesced()
{
    // One hour at one point per second, straight into the ring.
    MetricsHistory history;
    const qint64 start = 1'700'000'000'000;
    for (int i = 0; i < 3600; ++i)
        history.add(start + i * 1000,
                    QJsonObject{{"cpu_usage", double(i % 100)},
                                {"memory_usage", 50.0},
                                {"disk_usage", 40.0},
                                {"network_traffic",
                                 QJsonObject{{"bytes_sent", i * 1000}, {"bytes_recv", i * 2000}}}});
    QCOMPARE(history.capacity(), MetricsHistory::kDefaultCapacity);
    // The last 15 minutes: 901 points (both ends included).
    QCOMPARE(history.size(), 901);
    QCOMPARE(history.at(0).ms, start + (3600 - 901) * 1000);
    QCOMPARE(history.latest().ms, start + 3599 * 1000);
    QCOMPARE(history.latest().sentPerSecond, 1000.0);
    QCOMPARE(history.latest().receivedPerSecond, 2000.0);
    // Faster than one per second: the capacity bounds it.
    MetricsHistory fast(100);
    for (int i = 0; i < 1000; ++i)
        fast.add(start + i * 10, QJsonObject{{"cpu_usage", 1.0}});
    QCOMPARE(fast.size(), 100);
    QCOMPARE(fast.at(0).ms, start + 900 * 10);

    // The widget, fed the hour at once: one redraw, bounded points.
    m_host = std::make_unique<QWidget>();
    auto *layout = new QVBoxLayout(m_host.get());
    m_overview = new DashboardOverview(m_host.get());
    m_overview->setRepaintIntervalMs(200);
    layout->addWidget(m_overview);
    m_host->show();
    for (int i = 0; i < 3600; ++i)
        m_overview->addSystemStatus(QJsonObject{{"cpu_usage", double(i % 100)},
                                                {"memory_usage", 50.0},
                                                {"disk_usage", 40.0}},
                                    start + i * 1000);
    QCOMPARE(m_overview->chartUpdates(), 0);
    QTRY_COMPARE(m_overview->chartUpdates(), 1);
    QCOMPARE(m_overview->cpuPointCount(), 901);
    QTest::qWait(300);
    QCOMPARE(m_overview->chartUpdates(), 1);
}

void TestDashboard::languageSwitch()
{
    show(&m_client);
    QTRY_VERIFY_WITH_TIMEOUT(m_overview->cpuPointCount() >= 3, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(text("dashboard.completed"), QStringLiteral("4"), 15000);
    const QList<QLabel *> titles = m_overview->findChildren<QLabel *>(QStringLiteral("cardTitle"));
    const auto host =
        std::find_if(titles.begin(), titles.end(), [](QLabel *l) { return l->text() == u"Host"; });
    QVERIFY(host != titles.end());
    const QLabel *title = *host;
    // The latest failure's date in the language's own format: en's
    // month/day/year with AM/PM; zh's year/month/day on a 24-hour clock
    // (never Qt 6.4's raw day-period letter "B"), changed on the switch.
    auto *failures = m_overview->findChild<QListWidget *>(QStringLiteral("dashboard.failures"));
    QTRY_COMPARE(failures->count(), 1);
    const QRegularExpression enDate(
        QStringLiteral("\\b\\d{1,2}/\\d{1,2}/\\d{2} \\d{1,2}:\\d{2}\\s?[AP]M\\b"));
    const QRegularExpression zhDate(
        QStringLiteral("\\b\\d{4}/\\d{1,2}/\\d{1,2} \\d{1,2}:\\d{2}\\b"));
    QVERIFY2(enDate.match(failures->item(0)->text()).hasMatch(),
             qPrintable(failures->item(0)->text()));
    const QStringList languages{QStringLiteral("zh_TW"), QStringLiteral("zh_CN")};
    const QStringList hosts{QStringLiteral("主機"), QStringLiteral("主机")};
    for (int i = 0; i < languages.size(); ++i) {
        QVERIFY(m_languages->setLanguage(languages.at(i), hm::app::LanguageManager::Persist::No));
        QTRY_COMPARE(title->text(), hosts.at(i));
        QCOMPARE(failures->count(), 1);
        const QString row = failures->item(0)->text();
        QVERIFY2(zhDate.match(row).hasMatch(), qPrintable(row));
        QVERIFY2(!row.contains(QRegularExpression(QStringLiteral("B\\d|[AP]M|上午|下午"))),
                 qPrintable(row));
        QTest::qWait(300);
        QVERIFY(hm::test::screenshot(m_host.get(), QStringLiteral("dashboard-") + languages.at(i)));
    }
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), hm::app::LanguageManager::Persist::No));
    QTRY_COMPARE(title->text(), QStringLiteral("Host"));
}

QTEST_MAIN(TestDashboard)
#include "TestDashboard.moc"
