// The console against the real hivemind-server over TLS, end to end: the
// server started with --tls-cert/--tls-key on a self-signed certificate
// made with openssl for this run, the console (MainWindow and
// ServerConnection) on a remote profile that pins the certificate, signed
// in through the sign-in dialog. The dashboard reads its figures over
// https; system_status and execution events reach it through /ws/events
// over wss (the server speaks nothing but TLS on its port); a flow run
// through the API changes the counts without a refresh. A profile whose pin
// is not the server's is refused, also when the connection is retried, and
// nothing is shown; a WebSocket with that pin never opens, not even when a
// CA the console trusts vouches for the certificate.

#include "AdminTestSupport.h"
#include "ExecutionTestSupport.h"
#include "TlsTestSupport.h"
#include "client/AccountApi.h"
#include "client/ApiClient.h"
#include "client/EventHub.h"
#include "client/EventStream.h"
#include "client/TlsPolicy.h"
#include "connection/ServerConnection.h"
#include "connection/ServerProfiles.h"
#include "dashboard/DashboardOverview.h"
#include "shell/LanguageManager.h"
#include "shell/MainWindow.h"
#include "widgets/MessageBox.h"

#include <QDialog>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <memory>
#include <optional>

using hm::app::DashboardOverview;
using hm::app::DialogSeam;
using hm::app::MainWindow;
using hm::app::ServerConnection;
using hm::app::ServerProfile;
using hm::app::ServerProfiles;
using hm::client::ApiClient;
using hm::client::EventStream;
using hm::client::TlsPolicy;
using namespace hm::test;

namespace {

using admintest::await;

template <typename T> T *field(QObject *parent, const char *name)
{
    T *widget = parent->findChild<T *>(QLatin1String(name));
    if (!widget)
        qFatal("no %s", name);
    return widget;
}

// A console: the connection and the main window on it, as main() makes
// them, signing in as soon as the server answers.
struct Console
{
    explicit Console(hm::app::LanguageManager *languages, const QString &dataDir)
        : connection(ServerConnection::Options{dataDir, false, 0})
    {
        MainWindow::Options options;
        options.persistSettings = false;
        options.signInOnConnect = true;
        window = std::make_unique<MainWindow>(languages, &connection, options);
        window->resize(1300, 900);
        window->show();
    }
    ~Console() { window.reset(); }

    QString text(const char *name) const { return field<QLabel>(window.get(), name)->text(); }
    DashboardOverview *overview() const
    {
        return field<DashboardOverview>(window.get(), "dashboard.overview");
    }

    ServerConnection connection;
    std::unique_ptr<MainWindow> window;
};

} // namespace

class TestDashboardTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void dashboardLoadsOverHttpsAndFollowsOverWss();
    void mismatchedPinIsRefusedAndNothingIsShown();
    void mismatchedPinKeepsTheEventStreamClosed();

private:
    // POST `path` with `body` on the operator's client; the answer's data.
    hm::Result<QJsonValue> post(const QString &path, const QJsonObject &body,
                                const QUrlQuery &query = {});
    QString createPublishedFlow(const QString &name, const QJsonObject &definition);
    // Runs the flow to its end; the execution's status and id.
    std::pair<QString, QString> run(const QString &flowId, const QJsonObject &inputs = {});
    QString otherFingerprint() const;

    QTemporaryDir m_dir;
    QTemporaryDir m_config;
    std::unique_ptr<hm::app::LanguageManager> m_languages;
    std::unique_ptr<ServerProcess> m_server;
    QUrl m_url;
    QSslCertificate m_certificate;
    QString m_fingerprint;
    // The administrator's own client, for what the test does through the API.
    ApiClient m_operator;
    QString m_noopFlow;
};

void TestDashboardTls::initTestCase()
{
    QVERIFY(QSslSocket::supportsSsl());
    QVERIFY(m_dir.isValid() && m_config.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HiveMindTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestDashboardTls"));
    QSettings().clear();
    m_languages = std::make_unique<hm::app::LanguageManager>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), hm::app::LanguageManager::Persist::No));

    // A self-signed certificate for 127.0.0.1, made for this run (as
    // TestConnectionTls makes its own).
    const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
    const QString key = m_dir.filePath(QStringLiteral("key.pem"));
    QVERIFY(tlstest::makeSelfSignedCertificate(cert, key));
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(cert);
    QCOMPARE(certificates.size(), 1);
    m_certificate = certificates.first();
    m_fingerprint = TlsPolicy::fingerprint(m_certificate);

    // The real server, TLS only, with system_status every 200 ms.
    m_server = std::make_unique<ServerProcess>(m_dir.filePath(QStringLiteral("data")));
    setAdminEnvironment(*m_server);
    m_url = m_server->start({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key,
                             QStringLiteral("--ws-status-interval-ms"), QStringLiteral("200")});
    QVERIFY2(!m_url.isEmpty(), m_server->standardError().constData());
    QCOMPARE(m_url.scheme(), QStringLiteral("https"));

    m_operator.setBaseUrl(m_url);
    m_operator.setTlsPolicy(TlsPolicy{true, m_fingerprint});
    const auto login = await<hm::client::LoginResult>(
        [&](auto done) { m_operator.login(kAdmin, kAdminPassword, done); });
    if (!login.ok())
        QFAIL(qPrintable(login.error().toString()));
}

void TestDashboardTls::cleanupTestCase()
{
    m_operator.clearCredentials();
    if (m_server) {
        m_server->process().terminate();
        QVERIFY(m_server->process().waitForFinished(30000));
        m_server.reset();
    }
    QSettings().clear();
    m_languages.reset();
}

hm::Result<QJsonValue> TestDashboardTls::post(const QString &path, const QJsonObject &body,
                                              const QUrlQuery &query)
{
    hm::client::ApiRequest request = hm::client::ApiRequest::post(path, body);
    request.query = query;
    return await<QJsonValue>([&](auto done) {
        m_operator.call<QJsonValue>(
            request, [](const hm::client::ApiResponse &r) { return r.data; }, done);
    });
}

QString TestDashboardTls::createPublishedFlow(const QString &name, const QJsonObject &definition)
{
    const auto created =
        post(QStringLiteral("/api/v1/flows"), {{"name", name}, {"definition", definition}});
    if (!created.ok()) {
        qWarning("create %s: %s", qPrintable(name), qPrintable(created.error().toString()));
        return {};
    }
    const QString id = created.value().toObject().value("id").toString();
    const auto published =
        post(QStringLiteral("/api/v1/flows/%1/publish").arg(id), {{"version", "1"}});
    if (!published.ok()) {
        qWarning("publish %s: %s", qPrintable(name), qPrintable(published.error().toString()));
        return {};
    }
    return id;
}

std::pair<QString, QString> TestDashboardTls::run(const QString &flowId, const QJsonObject &inputs)
{
    const auto answer = post(QStringLiteral("/api/v1/flows/%1/trigger").arg(flowId),
                             {{"inputs", inputs}}, QUrlQuery(QStringLiteral("wait=true")));
    if (!answer.ok())
        return {answer.error().toString(), {}};
    const QJsonObject data = answer.value().toObject();
    return {data.value("status").toString(), data.value("execution_id").toString()};
}

QString TestDashboardTls::otherFingerprint() const
{
    QString other = m_fingerprint;
    other[0] = other[0] == u'0' ? u'1' : u'0';
    return other;
}

void TestDashboardTls::dashboardLoadsOverHttpsAndFollowsOverWss()
{
    // Two runs that completed and one that failed before the console starts.
    m_noopFlow = createPublishedFlow(QStringLiteral("Nightly report"),
                                     flowDefinition({flowNode("only", "noop")}));
    const QString broken = createPublishedFlow(QStringLiteral("Broken import"),
                                               flowDefinition({heldNode("call", "url")}));
    QVERIFY(!m_noopFlow.isEmpty() && !broken.isEmpty());
    QCOMPARE(run(m_noopFlow).first, QStringLiteral("completed"));
    QCOMPARE(run(m_noopFlow).first, QStringLiteral("completed"));
    QCOMPARE(run(broken, {{"url", "http://127.0.0.1:1/"}}).first, QStringLiteral("failed"));

    // The profile pins the certificate (verification on: the pin is the
    // trust), as the connection dialog saves it.
    const ServerProfile profile{QStringLiteral("Lab TLS"), m_url, true, m_fingerprint};
    ServerProfiles::put(profile);
    ServerProfiles::setActiveName(profile.name);

    bool asked = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        asked = dialog->objectName() == QLatin1String("signin.dialog");
        field<QLineEdit>(dialog, "signin.user")->setText(kAdmin);
        field<QLineEdit>(dialog, "signin.password")->setText(kAdminPassword);
        auto *error = field<QLabel>(dialog, "signin.error");
        field<QPushButton>(dialog, "signin.submit")->click();
        (void)QTest::qWaitFor(
            [&] { return dialog->result() == QDialog::Accepted || !error->text().isEmpty(); },
            30000);
        if (!error->text().isEmpty())
            qWarning("sign-in: %s", qPrintable(error->text()));
        return dialog->result();
    });
    QTemporaryDir dataDir;
    Console console(m_languages.get(), dataDir.path());
    QVERIFY(console.window->restoreActiveProfile());
    QVERIFY(console.window->selectSection(QStringLiteral("dashboard")));
    QTRY_VERIFY_WITH_TIMEOUT(asked, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(console.connection.isSignedIn(), 30000);
    QVERIFY(!console.connection.isLocal());
    QCOMPARE(console.connection.client()->tlsPolicy(), profile.tlsPolicy());

    // The server's card: healthy, at its https address.
    QTRY_COMPARE(console.text("dashboard.status"), QStringLiteral("Healthy"));
    QCOMPARE(console.text("dashboard.address"), m_url.toString());
    QVERIFY(console.text("dashboard.address").startsWith(QLatin1String("https://127.0.0.1:")));
    QCOMPARE(console.text("connectionStatus"), QStringLiteral("Connected to ") + m_url.toString());

    // The figures, read over https.
    DashboardOverview *overview = console.overview();
    QTRY_COMPARE_WITH_TIMEOUT(console.text("dashboard.completed"), QStringLiteral("2"), 15000);
    QCOMPARE(console.text("dashboard.failed"), QStringLiteral("1"));
    QCOMPARE(console.text("dashboard.executionsState"),
             QStringLiteral("3 executions in the last 24 hours"));
    auto *failures = field<QListWidget>(overview, "dashboard.failures");
    QTRY_COMPARE(failures->count(), 1);
    QVERIFY(failures->item(0)->text().startsWith(QLatin1String("Broken import")));
    QTRY_VERIFY(console.text("dashboard.uptime").startsWith(QLatin1String("Server up")));

    // The host's figures come through the console's one event stream (the
    // client's EventHub), which is wss to the pinned certificate (the
    // server's port speaks TLS only).
    hm::client::EventHub *hub = hm::client::EventHub::find(console.connection.client());
    QVERIFY(hub);
    QVERIFY(hub->isSubscribed(overview));
    EventStream *stream = hub->stream();
    QTRY_VERIFY_WITH_TIMEOUT(stream->isOpen(), 15000);
    QCOMPARE(stream->socket().requestUrl().scheme(), QStringLiteral("wss"));
    QCOMPARE(stream->socket().requestUrl().port(), m_url.port());
    QCOMPARE(stream->tlsPolicy(), profile.tlsPolicy());
    QTRY_VERIFY_WITH_TIMEOUT(overview->history().size() >= 3, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(overview->cpuPointCount() >= 2, 15000);
    QTRY_VERIFY(console.text("dashboard.latest").startsWith(QLatin1String("CPU ")));

    // A run started through the API reaches the dashboard live: its events
    // arrive on the stream, and the counts follow without a refresh.
    QSignalSpy events(stream, &EventStream::executionChanged);
    const std::pair<QString, QString> live = run(m_noopFlow);
    QCOMPARE(live.first, QStringLiteral("completed"));
    const QString executionId = live.second;
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(events.cbegin(), events.cend(),
                    [&](const QList<QVariant> &e) {
                        return e.at(0).toString() == QLatin1String("execution_completed") &&
                               e.at(1).toJsonObject().value("execution_id").toString() ==
                                   executionId;
                    }),
        15000);
    QTRY_COMPARE_WITH_TIMEOUT(console.text("dashboard.completed"), QStringLiteral("3"), 15000);
    QCOMPARE(console.text("dashboard.executionsState"),
             QStringLiteral("4 executions in the last 24 hours"));
    // The stream stayed the one connection it was.
    QVERIFY(stream->isOpen());
}

void TestDashboardTls::mismatchedPinIsRefusedAndNothingIsShown()
{
    // Verification off, so that only the pin can refuse.
    const ServerProfile profile{QStringLiteral("Impostor"), m_url, false, otherFingerprint()};
    ServerProfiles::put(profile);
    ServerProfiles::setActiveName(profile.name);
    bool asked = false;
    DialogSeam::setNextHandler([&](QDialog *) {
        asked = true;
        return int(QDialog::Rejected);
    });
    QTemporaryDir dataDir;
    Console console(m_languages.get(), dataDir.path());
    QVERIFY(console.window->restoreActiveProfile());
    QVERIFY(console.window->selectSection(QStringLiteral("dashboard")));
    QTRY_COMPARE_WITH_TIMEOUT(console.connection.state(), ServerConnection::State::Failed, 30000);

    // Refused, both fingerprints named.
    const auto refusedNamingBoth = [&] {
        const QString message = console.connection.errorMessage();
        return message.contains(m_fingerprint) && message.contains(otherFingerprint());
    };
    QVERIFY2(refusedNamingBoth(), qPrintable(console.connection.errorMessage()));
    // Said as what it is, not as a server that cannot be reached; the
    // fingerprints on hover.
    QCOMPARE(console.text("connectionStatus"),
             QStringLiteral("Server failed: the server's certificate is not the one pinned for "
                            "it"));
    const QString tooltip = field<QLabel>(console.window.get(), "connectionStatus")->toolTip();
    QVERIFY2(tooltip.contains(m_fingerprint) && tooltip.contains(otherFingerprint()),
             qPrintable(tooltip));
    QCOMPARE(console.text("dashboard.status"),
             QStringLiteral("Failed: the server's certificate is not the one pinned for it"));

    // Nothing is shown: no sign-in, no figures, no stream.
    QVERIFY(!asked);
    QVERIFY(!console.window->promptSignIn());
    QVERIFY(!console.connection.isSignedIn());
    DashboardOverview *overview = console.overview();
    QCOMPARE(console.text("dashboard.completed"), QStringLiteral("—"));
    QCOMPARE(console.text("dashboard.failed"), QStringLiteral("—"));
    QCOMPARE(console.text("dashboard.executionsState"),
             QStringLiteral("Sign in to see the executions of the last 24 hours."));
    QCOMPARE(field<QListWidget>(overview, "dashboard.failures")->count(), 0);
    // The latest failures' card says so, as the other cards do, where its
    // list would be (the list itself is hidden, not shown empty).
    QTRY_VERIFY(field<QLabel>(overview, "dashboard.failuresState")->isVisible());
    QCOMPARE(console.text("dashboard.failuresState"),
             QStringLiteral("Sign in to see failed executions."));
    QVERIFY(!field<QListWidget>(overview, "dashboard.failures")->isVisible());
    QCOMPARE(overview->history().size(), 0);
    QCOMPARE(overview->cpuPointCount(), 0);
    // No client with a credential: no hub opened a stream.
    const auto *hub = hm::client::EventHub::find(console.connection.client());
    QVERIFY(!hub || !hub->isOpen());

    // Retrying keeps the profile's pin: refused again, in the same words.
    auto *retry = field<QPushButton>(console.window.get(), "status.retry");
    QVERIFY(retry->isVisible());
    QSignalSpy states(&console.connection, &ServerConnection::stateChanged);
    retry->click();
    QTRY_VERIFY_WITH_TIMEOUT(
        !states.isEmpty() && console.connection.state() == ServerConnection::State::Failed, 30000);
    QCOMPARE(console.connection.client()->tlsPolicy(), profile.tlsPolicy());
    QVERIFY2(refusedNamingBoth(), qPrintable(console.connection.errorMessage()));
    QVERIFY(!asked);
    QCOMPARE(overview->history().size(), 0);
    DialogSeam::setNextHandler({});

    // The refusal in each language, with HIVEMIND_SCREENSHOT_DIR set.
    const QString shots = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (shots.isEmpty())
        return;
    QDir().mkpath(shots);
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_languages->setLanguage(language, hm::app::LanguageManager::Persist::No));
        // The charts' scenes redraw their new titles and legends in posted
        // updates that post more: let them settle before the grab.
        for (int i = 0; i < 3; ++i)
            QCoreApplication::processEvents();
        QVERIFY(console.window->grab().save(shots + QStringLiteral("/dashboard-tls-refused-") +
                                            language + QStringLiteral(".png")));
    }
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), hm::app::LanguageManager::Persist::No));
}

void TestDashboardTls::mismatchedPinKeepsTheEventStreamClosed()
{
    // A valid access token, offered to a server whose certificate is not
    // the pinned one: the socket is refused before the upgrade (which
    // carries the token) is sent, whether the certificate is untrusted or
    // a CA the console trusts signed it; the API call is refused too.
    const QString token = m_operator.webSocketToken();
    QVERIFY(!token.isEmpty());
    const QSslConfiguration original = QSslConfiguration::defaultConfiguration();
    for (const bool trustedByCa : {false, true}) {
        if (trustedByCa) {
            QSslConfiguration trusting = original;
            trusting.addCaCertificate(m_certificate);
            QSslConfiguration::setDefaultConfiguration(trusting);
        }
        for (const bool verify : {true, false}) {
            EventStream stream;
            stream.setTlsPolicy(TlsPolicy{verify, otherFingerprint()});
            QSignalSpy connected(&stream.socket(), &QWebSocket::connected);
            QSignalSpy messages(&stream, &EventStream::message);
            QSignalSpy closed(&stream, &EventStream::closed);
            stream.listen(m_url, token);
            QVERIFY(closed.wait(30000));
            const QString reason = closed.first().at(1).toString();
            QVERIFY2(reason.contains(m_fingerprint) && reason.contains(otherFingerprint()),
                     qPrintable(reason));
            QVERIFY2(connected.isEmpty(), trustedByCa ? "CA-trusted" : "untrusted");
            QVERIFY(messages.isEmpty());

            // The API with that pin and the same session is refused alike.
            ApiClient client;
            client.setBaseUrl(m_url);
            client.setTlsPolicy(TlsPolicy{verify, otherFingerprint()});
            client.restoreSession(m_operator.tokens());
            const auto me = await<hm::client::UserInfo>(
                [&](auto done) { hm::client::AccountApi(client).me(done); });
            QVERIFY(!me.ok());
            QCOMPARE(me.error().details.value("tls").toString(),
                     QStringLiteral("fingerprint_mismatch"));
            QCOMPARE(me.error().details.value("actual").toString(), m_fingerprint);
        }
        // The right pin opens it and the server's messages arrive.
        EventStream stream;
        stream.setTlsPolicy(TlsPolicy{true, m_fingerprint});
        QSignalSpy status(&stream, &EventStream::systemStatus);
        stream.listen(m_url, token);
        QVERIFY2(status.wait(30000), trustedByCa ? "CA-trusted" : "untrusted");
        QVERIFY(stream.isOpen());
        stream.close();
    }
    QSslConfiguration::setDefaultConfiguration(original);
}

QTEST_MAIN(TestDashboardTls)
#include "TestDashboardTls.moc"
