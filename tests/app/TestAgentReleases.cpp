// Nodes › "Agent releases..." (issue 38 item 9) against a real in-process
// server and a real hivemind-agent running its own copy of the agent
// binary: the releases list (the built-in one marked), an upload through
// the file dialog seam with progress (a missing version and a version
// stored already are refused with the reason, nothing uploaded), and a
// staged rollout whose rows fill in as each node ends — the agent comes
// back upgraded (its row says so before the batch answers), a node without
// an agent is offline. Administrators only. With HIVEMIND_SCREENSHOT_DIR
// set, `screenshots` renders the releases, the rollout and the node's
// Agent tab in en, zh_TW and zh_CN.

#include "AdminTestSupport.h"
#include "ServerProcess.h"
#include "client/AgentReleasesApi.h"
#include "client/NodesApi.h"
#include "fleet/AgentReleasesDialog.h"
#include "fleet/AgentRolloutDialog.h"
#include "fleet/NodeListModel.h"
#include "fleet/NodesPage.h"
#include "remote/NodeAgentView.h"
#include "widgets/BackgroundTasks.h"
#include "widgets/LiveEvents.h"
#include "widgets/MessageBox.h"
#include "widgets/ThemeManager.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyleOptionButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTranslator>

using namespace hm::app;
using namespace hm::client;
using namespace admintest;

namespace {

// Screenshots only: the translations of this change's new strings come as
// a JSON file {"Context|source": ["zh-TW", "zh-CN"]} until they are merged
// into translations/*.ts (HIVEMIND_SCREENSHOT_TRANSLATIONS names it). The
// compiled-in catalogues answer first; this fills in what they lack.
class JsonTranslator final : public QTranslator
{
public:
    JsonTranslator(const QString &path, int column) : m_column(column)
    {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            m_entries = QJsonDocument::fromJson(file.readAll()).object();
    }
    bool isEmpty() const override { return m_entries.isEmpty(); }
    QString translate(const char *context, const char *source, const char *, int n) const override
    {
        const QJsonArray pair =
            m_entries.value(QString::fromUtf8(context) + u'|' + QString::fromUtf8(source))
                .toArray();
        QString text = pair.at(m_column).toString();
        if (n >= 0)
            text.replace(QStringLiteral("%n"), QString::number(n));
        return text;
    }

private:
    QJsonObject m_entries;
    int m_column = 0;
};

} // namespace

class TestAgentReleases : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init()
    {
        DialogSeam::setNextHandler({});
        MessageBox::setNextAnswer(QMessageBox::NoButton);
    }
    void administratorsOnly();
    void listsAndUploads();
    void rolloutShowsEachNodeAsItEnds();
    void rolloutButtonsKeepTheirPadding();
    void screenshots();

private:
    ApiClient *client() { return m_server.connection->client(); }
    QString createNode(const QString &name, QString *secret);
    static QString cell(QTableWidget *list, int row, int column)
    {
        return list->item(row, column) ? list->item(row, column)->text() : QString();
    }
    static int rowWith(QTableWidget *list, int column, const QString &text)
    {
        for (int row = 0; row < list->rowCount(); ++row)
            if (cell(list, row, column) == text)
                return row;
        return -1;
    }
    // Answers the next file dialog with `path`.
    static void pickFile(const QString &path)
    {
        DialogSeam::setNextHandler([path](QDialog *dialog) {
            auto *picker = qobject_cast<QFileDialog *>(dialog);
            if (!picker)
                return int(QDialog::Rejected);
            picker->selectFile(path);
            return int(QDialog::Accepted);
        });
    }
    std::unique_ptr<NodesPage> pageOn(const QString &nodeId);

    AdminServer m_server;
    QTemporaryDir m_agentDir;
    QString m_build; // a copy of the agent binary to upload
    QString m_nodeId;
    QString m_ghostId; // a node whose agent never came
    std::unique_ptr<QProcess> m_agent;
};

QString TestAgentReleases::createNode(const QString &name, QString *secret)
{
    auto made = await<EnrolledNode>([&](auto done) {
        NodesApi(*client()).create(NewNode{name, {}, {QStringLiteral("up")}, 0}, done);
    });
    if (!made.ok())
        return {};
    if (secret)
        *secret = made->enrolment.secret;
    return made->node.id;
}

void TestAgentReleases::initTestCase()
{
    QVERIFY(m_server.start("TestAgentReleases"));
    QVERIFY(m_agentDir.isValid());
    // The agent runs a copy of its own (an upgrade replaces it); another
    // copy is the build the test uploads.
    const QString program = m_agentDir.filePath(QStringLiteral("bin/hivemind-agent"));
    QVERIFY(QDir().mkpath(m_agentDir.filePath(QStringLiteral("bin"))));
    QVERIFY(QFile::copy(hm::test::binaryPath("hivemind-agent"), program));
    m_build = m_agentDir.filePath(QStringLiteral("upload-me"));
    QVERIFY(QFile::copy(hm::test::binaryPath("hivemind-agent"), m_build));
    QString secret;
    m_nodeId = createNode(QStringLiteral("web-01"), &secret);
    m_ghostId = createNode(QStringLiteral("web-02"), nullptr);
    QVERIFY(!m_nodeId.isEmpty() && !m_ghostId.isEmpty());
    QFile config(m_agentDir.filePath(QStringLiteral("agent.conf")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("capabilities=metrics\n");
    config.close();
    m_agent = std::make_unique<QProcess>();
    m_agent->setProgram(program);
    m_agent->setArguments({QStringLiteral("--config"), config.fileName(),
                           QStringLiteral("--server"),
                           m_server.connection->baseUrl().toString(),
                           QStringLiteral("--enrol-secret"), secret, QStringLiteral("--data-dir"),
                           m_agentDir.filePath(QStringLiteral("data")), QStringLiteral("--allow"),
                           QStringLiteral("upgrade,reboot")});
    m_agent->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_agent->start();
    QVERIFY(m_agent->waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            auto row =
                await<NodeRow>([&](auto done) { NodesApi(*client()).get(m_nodeId, done); });
            return row.ok() && row->status == QLatin1String("online");
        }(),
        30000);
}

void TestAgentReleases::cleanupTestCase()
{
    if (m_agent) {
        m_agent->terminate();
        m_agent->waitForFinished(10000);
    }
    m_server.stop();
}

std::unique_ptr<NodesPage> TestAgentReleases::pageOn(const QString &nodeId)
{
    auto page = std::make_unique<NodesPage>();
    page->setSession(client(), m_server.admin);
    page->resize(1280, 800);
    page->show();
    auto *list = child<QTableView>(page.get(), "nodes.list");
    if (!QTest::qWaitFor([&] { return page->model()->rowOf(nodeId) >= 0; }, 20000))
        return nullptr;
    QSignalSpy accessRead(page.get(), &NodesPage::nodeAccessRead);
    list->selectRow(page->model()->rowOf(nodeId));
    if (!QTest::qWaitFor([&] { return accessRead.count() > 0; }, 20000))
        return nullptr;
    return page;
}

void TestAgentReleases::administratorsOnly()
{
    auto page = pageOn(m_nodeId);
    QVERIFY(page);
    auto *button = child<QPushButton>(page.get(), "nodes.agentReleases");
    QVERIFY(button->isEnabled());

    const UserInfo ops = m_server.createUser(QStringLiteral("ops"), QStringLiteral("USER"),
                                             QStringLiteral("Ops-password-1"));
    QVERIFY(!ops.id.isEmpty());
    UserInfo opsInfo;
    auto opsClient =
        m_server.signIn(QStringLiteral("ops"), QStringLiteral("Ops-password-1"), &opsInfo);
    QVERIFY(opsClient);
    NodesPage theirs;
    theirs.setSession(opsClient.get(), opsInfo);
    auto *theirButton = child<QPushButton>(&theirs, "nodes.agentReleases");
    QVERIFY(!theirButton->isEnabled());
    QVERIFY(!theirButton->toolTip().isEmpty());
    // Clicking does nothing for them, not even a dialog.
    bool asked = false;
    DialogSeam::setNextHandler([&asked](QDialog *) {
        asked = true;
        return int(QDialog::Rejected);
    });
    theirs.openAgentReleases();
    QVERIFY(!asked);
    // And the server refuses their list.
    QCOMPARE(await<QList<AgentRelease>>([&](auto done) {
                 AgentReleasesApi(*opsClient).releases(done);
             }).error().code,
             hm::ErrorCode::InsufficientPermissions);
}

void TestAgentReleases::listsAndUploads()
{
    AgentReleasesDialog dialog(client(), {});
    dialog.resize(820, 480);
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isLoading(), 20000);
    auto *list = child<QTableWidget>(&dialog, "agentReleases.list");
    // The agent built with the server is offered without an upload.
    const int builtIn = rowWith(list, AgentReleasesDialog::SourceColumn, QStringLiteral("Built in"));
    QVERIFY(builtIn >= 0);
    QCOMPARE(cell(list, builtIn, AgentReleasesDialog::ShaColumn).size(), 12);
    auto *message = child<QLabel>(&dialog, "agentReleases.message");

    // No version: nothing is asked, nothing uploaded.
    bool asked = false;
    DialogSeam::setNextHandler([&asked](QDialog *) {
        asked = true;
        return int(QDialog::Rejected);
    });
    dialog.uploadBuild();
    QVERIFY(!asked);
    QCOMPARE(message->text(),
             QStringLiteral("Type the build's version first, dotted numbers such as 1.4.0."));
    DialogSeam::setNextHandler({});

    QSignalSpy ended(&dialog, &AgentReleasesDialog::uploadFinished);
    QSignalSpy loaded(&dialog, &AgentReleasesDialog::loaded);
    auto *progress = child<QProgressBar>(&dialog, "agentReleases.progress");
    int lastProgress = -1;
    connect(progress, &QProgressBar::valueChanged, this, [&lastProgress](int v) { lastProgress = v; });
    child<QLineEdit>(&dialog, "agentReleases.version")->setText(QStringLiteral("99.0.0"));
    pickFile(m_build);
    child<QPushButton>(&dialog, "agentReleases.upload")->click();
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60000);
    QCOMPARE(ended.first().first().toBool(), true);
    QCOMPARE(lastProgress, 100);
    QCOMPARE(message->text(), QStringLiteral("Version 99.0.0 was uploaded and signed."));
    // Said again after a language switch (it stayed in English).
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(message->text(), QCoreApplication::translate("hm::app::AgentReleasesDialog",
                                                              "Version %1 was uploaded and signed.")
                                      .arg(QStringLiteral("99.0.0")));
    QVERIFY(!message->text().startsWith(u"Version"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QTRY_COMPARE(message->text(), QStringLiteral("Version 99.0.0 was uploaded and signed."));
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1 && !dialog.isLoading(), 20000);
    const int uploaded = rowWith(list, AgentReleasesDialog::VersionColumn, QStringLiteral("99.0.0"));
    QCOMPARE(uploaded, 0); // newest first
    QCOMPARE(cell(list, uploaded, AgentReleasesDialog::SourceColumn), QStringLiteral("Uploaded"));

    // The same version again: the server's refusal, said in the dialog.
    child<QLineEdit>(&dialog, "agentReleases.version")->setText(QStringLiteral("99.0.0"));
    pickFile(m_build);
    dialog.uploadBuild();
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 2, 60000);
    QCOMPARE(ended.last().first().toBool(), false);
    QVERIFY2(message->text().startsWith(QLatin1String("The build was not uploaded: ")),
             qPrintable(message->text()));
    QTRY_VERIFY(!dialog.isLoading());
    QCOMPARE(list->rowCount(), dialog.releases().size());
    int copies = 0;
    for (const AgentRelease &release : dialog.releases())
        copies += release.version == QLatin1String("99.0.0");
    QCOMPARE(copies, 1);
}

void TestAgentReleases::rolloutShowsEachNodeAsItEnds()
{
    auto releases =
        await<QList<AgentRelease>>([&](auto done) { AgentReleasesApi(*client()).releases(done); });
    QVERIFY(releases.ok());
    QString target;
    for (const AgentRelease &release : releases.value())
        if (release.version == QLatin1String("99.0.0"))
            target = release.id;
    QVERIFY(!target.isEmpty());
    AgentRolloutDialog dialog(client(), releases.value(), target, {});
    dialog.resize(820, 520);
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isLoading(), 20000);
    QCOMPARE(child<QComboBox>(&dialog, "agentRollout.release")->currentText(),
             QStringLiteral("99.0.0"));
    auto *start = child<QPushButton>(&dialog, "agentRollout.start");
    QVERIFY(!start->isEnabled()); // nothing ticked yet
    child<QLineEdit>(&dialog, "agentRollout.label")->setText(QStringLiteral("up"));
    child<QPushButton>(&dialog, "agentRollout.selectLabel")->click();
    const QStringList ticked = dialog.checkedNodeIds();
    QCOMPARE(QSet<QString>(ticked.cbegin(), ticked.cend()), (QSet<QString>{m_nodeId, m_ghostId}));
    QVERIFY(start->isEnabled());

    // Cancelled at the confirmation: nothing happens.
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    dialog.start();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("agentRollout.confirm"));
    QVERIFY(!dialog.isRunning());

    auto *list = child<QTableWidget>(&dialog, "agentRollout.nodes");
    const int agentRow = rowWith(list, AgentRolloutDialog::NodeColumn, QStringLiteral("web-01"));
    const int ghostRow = rowWith(list, AgentRolloutDialog::NodeColumn, QStringLiteral("web-02"));
    QVERIFY(agentRow >= 0 && ghostRow >= 0);
    // Each node's end comes on /ws/events as it happens (the dialog fills
    // its row from it; with one online node the batch's answer may come
    // first, so the test listens itself).
    LiveEvents live;
    live.setClient(client());
    QStringList ended;
    connect(&live, &LiveEvents::message, this, [&ended](const QString &type, const QJsonObject &data) {
        if (type == QLatin1String("agent_upgrade_finished") && data.value("ok").toBool())
            ended.append(data.value("node_id").toString() + u' ' + data.value("version").toString());
    });
    bool asked = false;
    const QString password = m_server.adminPassword;
    DialogSeam::setNextHandler([&asked, password](QDialog *d) {
        asked = d->objectName() == QLatin1String("reauthenticateDialog");
        child<QLineEdit>(d, "reauthenticate.password")->setText(password);
        return int(QDialog::Accepted);
    });
    QSignalSpy finished(&dialog, &AgentRolloutDialog::rolloutFinished);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    dialog.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    QVERIFY(asked);
    QTRY_COMPARE_WITH_TIMEOUT(ended, QStringList{m_nodeId + QStringLiteral(" 99.0.0")}, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isLoading(), 20000);
    const int agentAfter = rowWith(list, AgentRolloutDialog::NodeColumn, QStringLiteral("web-01"));
    const int ghostAfter = rowWith(list, AgentRolloutDialog::NodeColumn, QStringLiteral("web-02"));
    QCOMPARE(cell(list, agentAfter, AgentRolloutDialog::ResultColumn),
             QStringLiteral("Upgraded to 99.0.0"));
    QCOMPARE(cell(list, agentAfter, AgentRolloutDialog::VersionColumn), QStringLiteral("99.0.0"));
    QCOMPARE(cell(list, ghostAfter, AgentRolloutDialog::ResultColumn),
             QStringLiteral("Offline: not tried"));
    QCOMPARE(child<QLabel>(&dialog, "agentRollout.summary")->text(),
             QStringLiteral("Upgraded: 1 · failed: 0 · offline: 1 · not found: 0 · not tried: 0"));
    // In the status bar's task list: one task (asking the password again
    // did not list it twice), ended with the same summary.
    const QList<BackgroundTask *> listed = BackgroundTasks::of(&dialog)->tasks();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first()->title(), QStringLiteral("Agent upgrade to 99.0.0"));
    QCOMPARE(listed.first()->state(), BackgroundTask::State::Done);
    QCOMPARE(listed.first()->detail(), child<QLabel>(&dialog, "agentRollout.summary")->text());
    QVERIFY(!listed.first()->canCancel()); // the server's rollout cannot be stopped
    // The summary follows a language switch (it stayed in English).
    auto *summary = child<QLabel>(&dialog, "agentRollout.summary");
    const auto summaryText = [] {
        return QCoreApplication::translate(
                   "hm::app::AgentRolloutDialog",
                   "Upgraded: %1 · failed: %2 · offline: %3 · not found: %4 · not tried: %5")
            .arg(1)
            .arg(0)
            .arg(1)
            .arg(0)
            .arg(0);
    };
    // With HIVEMIND_SCREENSHOT_DIR set, the ended rollout in each language.
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    for (const QString &language :
         {QStringLiteral("zh_TW"), QStringLiteral("zh_CN"), QStringLiteral("en")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        QVERIFY(language == QLatin1String("en") ||
                !summaryText().startsWith(QLatin1String("Upgraded")));
        QTRY_COMPARE(summary->text(), summaryText());
        if (!dir.isEmpty()) {
            QVERIFY(QDir().mkpath(dir));
            QApplication::processEvents();
            QVERIFY(dialog.grab().save(dir + QStringLiteral("/agent-rollout-ended-") + language +
                                       QStringLiteral(".png")));
        }
    }
    QCOMPARE(m_agent->state(), QProcess::Running);
}

// In Chinese "Select labelled"'s text sat against the button's right edge:
// the row asked more than the dialog's width and squeezed the button. At
// the dialog's smallest size, in the console's style and style sheet, in
// every language, each button of the dialog keeps the room beside its text
// that its size hint asks (the console's padding), its text whole.
void TestAgentReleases::rolloutButtonsKeepTheirPadding()
{
    auto releases =
        await<QList<AgentRelease>>([&](auto done) { AgentReleasesApi(*client()).releases(done); });
    QVERIFY(releases.ok());
    ThemeManager themes; // the console's style, as the main window has it
    themes.setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        AgentRolloutDialog dialog(client(), releases.value(), releases.value().first().id,
                                  {m_nodeId});
        dialog.setStyleSheet(ThemeManager::styleSheet(false));
        dialog.resize(dialog.minimumSize());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isLoading(), 20000);
        child<QLineEdit>(&dialog, "agentRollout.label")->setText(QStringLiteral("up"));
        QApplication::processEvents();
        if (!dir.isEmpty()) {
            QVERIFY(QDir().mkpath(dir));
            QVERIFY(dialog.grab().save(dir + QStringLiteral("/agent-rollout-smallest-") + language +
                                       QStringLiteral(".png")));
        }
        for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
            if (!button->isVisible() || button->text().isEmpty())
                continue;
            const QString where = language + QStringLiteral(": ") + button->text();
            QVERIFY2(button->width() >= button->sizeHint().width(),
                     qPrintable(where + QStringLiteral(" (%1 of %2 px)")
                                            .arg(button->width())
                                            .arg(button->sizeHint().width())));
            QStyleOptionButton option;
            option.initFrom(button);
            option.text = button->text();
            const QRect contents =
                button->style()->subElementRect(QStyle::SE_PushButtonContents, &option, button);
            QVERIFY2(contents.width() >= button->fontMetrics().horizontalAdvance(button->text()),
                     qPrintable(where));
        }
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

void TestAgentReleases::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(QDir().mkpath(dir));
    auto releases =
        await<QList<AgentRelease>>([&](auto done) { AgentReleasesApi(*client()).releases(done); });
    QVERIFY(releases.ok());
    const QString extra = qEnvironmentVariable("HIVEMIND_SCREENSHOT_TRANSLATIONS");
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        std::unique_ptr<JsonTranslator> pending;
        if (!extra.isEmpty() && language != QLatin1String("en")) {
            pending = std::make_unique<JsonTranslator>(
                extra, language == QLatin1String("zh_TW") ? 0 : 1);
            QCoreApplication::installTranslator(pending.get());
        }
        {
            AgentReleasesDialog dialog(client(), {});
            dialog.resize(820, 480);
            dialog.show();
            QTRY_VERIFY_WITH_TIMEOUT(!dialog.isLoading(), 20000);
            child<QLineEdit>(&dialog, "agentReleases.version")->setText(QStringLiteral("99.1.0"));
            QApplication::processEvents();
            QVERIFY(dialog.grab().save(dir + QStringLiteral("/agent-releases-") + language
                                       + QStringLiteral(".png")));
        }
        {
            AgentRolloutDialog dialog(client(), releases.value(), releases.value().first().id,
                                      {m_nodeId});
            dialog.resize(820, 520);
            dialog.show();
            QTRY_VERIFY_WITH_TIMEOUT(!dialog.isLoading(), 20000);
            child<QLineEdit>(&dialog, "agentRollout.label")->setText(QStringLiteral("up"));
            QApplication::processEvents();
            QVERIFY(dialog.grab().save(dir + QStringLiteral("/agent-rollout-") + language
                                       + QStringLiteral(".png")));
        }
        {
            auto page = pageOn(m_nodeId);
            QVERIFY(page);
            auto *tabs = child<QTabWidget>(page.get(), "nodes.detailTabs");
            QTRY_VERIFY(tabs->isTabVisible(tabs->indexOf(page->agentView())));
            tabs->setCurrentWidget(page->agentView());
            QApplication::processEvents();
            QVERIFY(page->grab().save(dir + QStringLiteral("/node-agent-tab-") + language
                                      + QStringLiteral(".png")));
        }
        if (pending)
            QCoreApplication::removeTranslator(pending.get());
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

QTEST_MAIN(TestAgentReleases)
#include "TestAgentReleases.moc"
