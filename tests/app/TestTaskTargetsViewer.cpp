// The execution viewer on a running `task` node (issue 38 item 8): a real
// hivemind-server and two real hivemind-agent processes ("web-1", "web-2",
// label "web", --allow tasks). A published flow fans `/bin/sleep` out to the
// label; while the node still runs, its detail shows the exact target list
// ("execution.nodeDetail.targets") and its log line; then the execution is
// cancelled and the commands go. With HIVEMIND_SCREENSHOT_DIR set, saves
// the viewer on the running node in en, zh_TW and zh_CN.

#include "../server/RemoteAgentSupport.h"
#include "ExecutionTestSupport.h"
#include "executions/ExecutionFeed.h"
#include "executions/ExecutionGraphView.h"
#include "executions/ExecutionState.h"
#include "executions/ExecutionViewer.h"
#include "executions/ExecutionsPage.h"
#include "executions/NodeDetailPanel.h"
#include "shell/LanguageManager.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QtTest>

using namespace hm::test;
using hm::app::ExecutionFeed;
using hm::app::ExecutionsPage;
using hm::app::RunStatus;

namespace {

constexpr int kWaitMs = 30000;

// Whether a process runs with exactly this command line.
bool running(const QStringList &argv)
{
    const QByteArray wanted = argv.join(QChar(0)).toUtf8() + '\0';
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll() == wanted)
            return true;
    }
    return false;
}

} // namespace

class TestTaskTargetsViewer : public QObject, private ServerFixture
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void aRunningTaskNodeShowsItsTargets();

private:
    template <typename T> T *child(const QString &name) const
    {
        return m_page->findChild<T *>(name);
    }

    QTemporaryDir m_config;
    std::unique_ptr<hm::app::LanguageManager> m_languages;
    hm::client::ApiClient m_client;
    std::unique_ptr<ExecutionsPage> m_page;
    std::unique_ptr<RemoteAgents> m_agents;
    RemoteAgent m_web1;
    RemoteAgent m_web2;
};

void TestTaskTargetsViewer::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HiveMindTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestTaskTargetsViewer"));
    QSettings().clear();
    m_languages = std::make_unique<hm::app::LanguageManager>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), hm::app::LanguageManager::Persist::No));
    const QString problem = startServer();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString signedIn = signIn(m_client, m_http->base());
    QVERIFY2(signedIn.isEmpty(), qPrintable(signedIn));
    m_agents = std::make_unique<RemoteAgents>(*m_http, m_admin);
    QVERIFY(m_agents->isValid());
    QCOMPARE(m_http
                 ->json("PUT", QStringLiteral("/api/v1/nodes/agent-settings"),
                        {{"interval_s", 1}}, m_admin)
                 .status,
             200);
    QVERIFY(m_agents->start(m_web1, "web-1", {"web"}, {"--allow", "tasks"}));
    QVERIFY(m_agents->start(m_web2, "web-2", {"web"}, {"--allow", "tasks"}));
    HM_WAIT_ONLINE(*m_agents, m_web1);
    HM_WAIT_ONLINE(*m_agents, m_web2);
}

void TestTaskTargetsViewer::cleanupTestCase()
{
    m_page.reset();
    QVERIFY(m_web1.stop());
    QVERIFY(m_web2.stop());
}

void TestTaskTargetsViewer::aRunningTaskNodeShowsItsTargets()
{
    const QStringList argv{"/bin/sleep", "3043"};
    const QString flow = createPublishedFlow(
        *m_http, m_admin, QStringLiteral("Restart web tier"),
        flowDefinition({flowNode("run", "task", {},
                                 {{"target", QJsonObject{{"label", "web"}, {"mode", "all"}}},
                                  {"argv", QJsonArray::fromStringList(argv)}})}));
    QVERIFY(!flow.isEmpty());
    const QString id = startExecution(*m_http, m_admin, flow);
    QVERIFY(!id.isEmpty());

    m_page = std::make_unique<ExecutionsPage>();
    m_page->resize(1400, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->setClient(&m_client);
    m_page->openExecution(id);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->viewer()->feed()->connection()
                                 == ExecutionFeed::Connection::Live,
                             kWaitMs);
    m_page->viewer()->selectNode(QStringLiteral("run"));

    // The targets, while the node runs (the commands are running too).
    auto *targets = child<QLabel>(QStringLiteral("execution.nodeDetail.targets"));
    QVERIFY(targets);
    QTRY_VERIFY_WITH_TIMEOUT(targets->isVisible(), kWaitMs);
    QVERIFY2(targets->text().contains(QStringLiteral("web-1"))
                 && targets->text().contains(QStringLiteral("web-2"))
                 && targets->text().contains(m_web1.nodeId)
                 && targets->text().contains(m_web2.nodeId),
             qPrintable(targets->text()));
    const hm::app::NodeRun *node = m_page->viewer()->state()->node(QStringLiteral("run"));
    QVERIFY(node);
    QCOMPARE(node->status, RunStatus::Running);
    QTRY_VERIFY_WITH_TIMEOUT(running(argv), kWaitMs);
    // The log says the same.
    auto *logs = child<QListWidget>(QStringLiteral("execution.nodeDetail.logs"));
    QVERIFY(logs->count() >= 1);
    QVERIFY2(logs->item(0)->text().startsWith(QStringLiteral("targets (2)")),
             qPrintable(logs->item(0)->text()));

    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(QDir().mkpath(dir));
        QFile style(QStringLiteral(":/styles/console.qss"));
        QVERIFY(style.open(QIODevice::ReadOnly));
        m_page->setAttribute(Qt::WA_StyledBackground, true);
        m_page->setProperty("sectionPage", true);
        m_page->setStyleSheet(QString::fromUtf8(style.readAll()));
        m_page->viewer()->graph()->fitToView();
        child<QTabWidget>(QStringLiteral("execution.nodeDetail.tabs"))->setCurrentIndex(4);
        for (const QString &language :
             {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
            QVERIFY(m_languages->setLanguage(language, hm::app::LanguageManager::Persist::No));
            for (int i = 0; i < 5; ++i)
                QApplication::processEvents();
            QVERIFY(m_page->grab().save(dir + QStringLiteral("/execution-task-targets-") + language
                                        + QStringLiteral(".png")));
        }
        QVERIFY(
            m_languages->setLanguage(QStringLiteral("en"), hm::app::LanguageManager::Persist::No));
    }

    const Answer cancelled =
        m_http->json("POST", "/api/v1/executions/" + id + "/cancel", QJsonObject{}, m_admin);
    QVERIFY2(cancelled.status == 200 || cancelled.status == 202, cancelled.raw.constData());
    QTRY_VERIFY_WITH_TIMEOUT(!running(argv), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->viewer()->state()->status(), RunStatus::Cancelled, kWaitMs);
    // Still there once it ended (from the outputs' or the log's list).
    QVERIFY(targets->text().contains(QStringLiteral("web-1")));
}

QTEST_MAIN(TestTaskTargetsViewer)
#include "TestTaskTargetsViewer.moc"
