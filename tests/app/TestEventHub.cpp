// One event hub (issue 33, item 2): the console opens one /ws/events socket
// however many sections follow the server, counted at a real hivemind-server
// process through /metrics; after a dropped socket the server replays what
// was missed (resume by sequence number) and nothing is read again; when the
// server restarts, the hub reconnects once and every page reads again what
// it missed (a user and a flow made
// while the console's server was down, through another server on the same
// data directory).

#include "AdminTestSupport.h"
#include "ServerProcess.h"
#include "admin/UserListModel.h"
#include "admin/UsersPanel.h"
#include "client/EventHub.h"
#include "client/EventStream.h"
#include "client/FlowsApi.h"
#include "client/UsersApi.h"
#include "flows/FlowListModel.h"
#include "flows/FlowsPage.h"
#include "shell/MainWindow.h"
#include "shell/Sections.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

using hm::app::MainWindow;
using hm::app::ServerConnection;
using hm::client::EventHub;
using hm::test::ServerProcess;

namespace {

const QString kAdminPassword = QStringLiteral("Admin#Hub2026");

// One gauge of the server's /metrics.
qint64 gauge(const QUrl &base, const QByteArray &name)
{
    QNetworkAccessManager network;
    QUrl url = base;
    url.setPath(QStringLiteral("/metrics"));
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    for (const QByteArray &line : reply->readAll().split('\n')) {
        if (line.startsWith(name + ' '))
            return line.mid(name.size() + 1).trimmed().toLongLong();
    }
    return -1;
}

// A failed result's error in words, for QVERIFY2 (which builds its
// message whether or not the check fails).
template <typename T> QByteArray errorText(const hm::Result<T> &result)
{
    return result.ok() ? QByteArray() : result.error().toString().toUtf8();
}

bool hasUser(hm::app::UserListModel *model, const QString &username)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->user(row) && model->user(row)->username == username)
            return true;
    }
    return false;
}

QJsonObject emptyDefinition()
{
    return QJsonObject{{QStringLiteral("schemaVersion"), 1},
                       {QStringLiteral("nodes"), QJsonArray()},
                       {QStringLiteral("edges"), QJsonArray()}};
}

} // namespace

class TestEventHub : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void oneSocketForTheWholeConsole();
    void aDroppedSocketResumesWithoutReadingAgain();
    void aServerRestartIsOneReconnectAndEveryPageReadsAgain();
    void cleanupTestCase();

private:
    QUrl startServer(ServerProcess &server, quint16 port);

    QTemporaryDir m_serverData;
    QTemporaryDir m_consoleData;
    QTemporaryDir m_configDir;
    std::unique_ptr<ServerProcess> m_server;
    QUrl m_url;
    std::unique_ptr<hm::app::LanguageManager> m_languages;
    std::unique_ptr<ServerConnection> m_connection;
    std::unique_ptr<MainWindow> m_window;
};

QUrl TestEventHub::startServer(ServerProcess &server, quint16 port)
{
    server.setEnv(QStringLiteral("HIVEMIND_ADMIN_PASSWORD"), kAdminPassword);
    return server.start({}, port);
}

void TestEventHub::initTestCase()
{
    QVERIFY(m_serverData.isValid() && m_consoleData.isValid() && m_configDir.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_configDir.path()));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HiveMindTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestEventHub"));
    QSettings().clear();

    m_server = std::make_unique<ServerProcess>(m_serverData.path());
    m_url = startServer(*m_server, 0);
    QVERIFY2(m_url.isValid(), m_server->standardError().constData());

    m_languages = std::make_unique<hm::app::LanguageManager>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), hm::app::LanguageManager::Persist::No));
    m_connection = std::make_unique<ServerConnection>(
        ServerConnection::Options{m_consoleData.path(), false, 0});
    m_connection->connectTo(m_url);
    QTRY_VERIFY_WITH_TIMEOUT(m_connection->state() == ServerConnection::State::Connected, 30000);

    MainWindow::Options options;
    options.persistSettings = false;
    m_window = std::make_unique<MainWindow>(m_languages.get(), m_connection.get(), options);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto login = admintest::await<hm::client::LoginResult>([&](auto done) {
        m_connection->client()->login(QStringLiteral("admin"), kAdminPassword, done);
    });
    QVERIFY2(login.ok(), errorText(login).constData());
    m_connection->setSignedIn(login.value().user);
}

void TestEventHub::oneSocketForTheWholeConsole()
{
    // Every section shown once, as an operator looking around would.
    for (const hm::app::Section &section : hm::app::sections())
        QVERIFY2(m_window->selectSection(section.id), qPrintable(section.id));
    EventHub *hub = EventHub::find(m_connection->client());
    QVERIFY(hub);
    QTRY_VERIFY_WITH_TIMEOUT(hub->isOpen(), 15000);
    // Many parts follow the server (lists, the dashboard, the catalogue) …
    QVERIFY2(hub->subscriberCount() >= 5, qPrintable(QString::number(hub->subscriberCount())));
    // … through one socket, as the server counts them.
    QTRY_COMPARE_WITH_TIMEOUT(gauge(m_url, "hivemind_websocket_event_clients"), 1, 10000);
    QCOMPARE(gauge(m_url, "hivemind_websocket_clients"), 1);
    QCOMPARE(hub->openCount(), 1);
}

void TestEventHub::aDroppedSocketResumesWithoutReadingAgain()
{
    EventHub *hub = EventHub::find(m_connection->client());
    QVERIFY(hub && hub->isOpen());
    auto *users = m_window->findChild<hm::app::UsersPanel *>(QStringLiteral("users.panel"));
    QVERIFY(users);
    QTRY_VERIFY(hasUser(users->model(), QStringLiteral("admin")));
    const int opened = hub->openCount();
    const int resumed = hub->resumeCount();
    QSignalSpy resynchronised(hub, &EventHub::resynchronise);

    // The network drops (no close frame); no retry before we say so.
    hub->setRetryIntervalMs(600000);
    hub->stream()->abort(QStringLiteral("test: network down"));
    QTRY_VERIFY(!hub->isOpen());
    // Meanwhile somebody else adds a user the console does not hear of.
    hm::client::ApiClient other;
    other.setBaseUrl(m_url);
    auto login = admintest::await<hm::client::LoginResult>(
        [&](auto done) { other.login(QStringLiteral("admin"), kAdminPassword, done); });
    QVERIFY2(login.ok(), errorText(login).constData());
    hm::client::NewUser user;
    user.username = QStringLiteral("made-while-dropped");
    user.email = QStringLiteral("dropped@example.test");
    user.password = QStringLiteral("Drop#Pass2026");
    user.role = QStringLiteral("viewer");
    auto created = admintest::await<hm::client::UserInfo>(
        [&](auto done) { hm::client::UsersApi(other).create(user, done); });
    QVERIFY2(created.ok(), errorText(created).constData());
    QVERIFY(!hasUser(users->model(), QStringLiteral("made-while-dropped")));

    // Back: the server replays the missed event; nobody reads again.
    hub->reopenNow();
    QTRY_COMPARE_WITH_TIMEOUT(hub->resumeCount(), resumed + 1, 15000);
    QCOMPARE(hub->openCount(), opened + 1);
    QTRY_VERIFY_WITH_TIMEOUT(hasUser(users->model(), QStringLiteral("made-while-dropped")), 15000);
    QCOMPARE(resynchronised.count(), 0);
    hub->setRetryIntervalMs(200);
}

void TestEventHub::aServerRestartIsOneReconnectAndEveryPageReadsAgain()
{
    EventHub *hub = EventHub::find(m_connection->client());
    QVERIFY(hub && hub->isOpen());
    hub->setRetryIntervalMs(200);
    const int opened = hub->openCount();
    QSignalSpy resynchronised(hub, &EventHub::resynchronise);
    auto *flows = m_window->findChild<hm::app::FlowsPage *>(QStringLiteral("page.flows"));
    auto *users = m_window->findChild<hm::app::UsersPanel *>(QStringLiteral("users.panel"));
    QVERIFY(flows && users);
    QTRY_VERIFY(flows->listModel()->state() == hm::app::FlowListModel::State::Ready);
    QTRY_VERIFY(hasUser(users->model(), QStringLiteral("admin")));

    // The server stops; meanwhile another server on the same data directory
    // takes a new user and a new flow, which the console cannot hear.
    const quint16 port = quint16(m_url.port());
    const QByteArray key = m_server->masterKey();
    m_server.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!hub->isOpen(), 10000);
    QString flowId;
    {
        ServerProcess meanwhile(m_serverData.path(), key);
        const QUrl url = startServer(meanwhile, 0);
        QVERIFY(url.isValid());
        hm::client::ApiClient admin;
        admin.setBaseUrl(url);
        auto login = admintest::await<hm::client::LoginResult>(
            [&](auto done) { admin.login(QStringLiteral("admin"), kAdminPassword, done); });
        QVERIFY2(login.ok(), errorText(login).constData());
        hm::client::NewUser user;
        user.username = QStringLiteral("made-while-away");
        user.email = QStringLiteral("away@example.test");
        user.password = QStringLiteral("Away#Pass2026");
        user.role = QStringLiteral("viewer");
        auto created = admintest::await<hm::client::UserInfo>(
            [&](auto done) { hm::client::UsersApi(admin).create(user, done); });
        QVERIFY2(created.ok(), errorText(created).constData());
        auto flow = admintest::await<hm::client::FlowSummary>([&](auto done) {
            hm::client::FlowsApi(admin).create(
                hm::client::NewFlow{
                    QStringLiteral("Made while away"), QString(), emptyDefinition(), {}},
                done);
        });
        QVERIFY2(flow.ok(), errorText(flow).constData());
        flowId = flow.value().id;
    } // killed

    // Back on its port: one reconnect, one "read again", and the pages show
    // what they missed.
    m_server = std::make_unique<ServerProcess>(m_serverData.path(), key);
    QVERIFY(startServer(*m_server, port).isValid());
    QTRY_COMPARE_WITH_TIMEOUT(hub->openCount(), opened + 1, 30000);
    QCOMPARE(resynchronised.count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(hasUser(users->model(), QStringLiteral("made-while-away")), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(flows->listModel()->rowOf(flowId) >= 0, 15000);
    QCOMPARE(hub->openCount(), opened + 1);
    QCOMPARE(gauge(m_url, "hivemind_websocket_event_clients"), 1);
}

void TestEventHub::cleanupTestCase()
{
    m_window.reset();
    m_connection.reset();
    m_languages.reset();
    m_server.reset();
    QSettings().clear();
}

QTEST_MAIN(TestEventHub)
#include "TestEventHub.moc"
