// TLS for remote profiles (issue 11, item 9): a real HTTPS endpoint on
// loopback — a self-signed certificate made with openssl for this run, and
// a QTcpServer that wraps each connection in a QSslSocket and answers
// /api/v1/health — reached through ApiClient, the connection dialog and a
// WebSocket (EventStream). Verification on refuses the self-signed
// certificate in words; off connects; a pinned fingerprint that matches
// connects (without verification's CA trust); a mismatched pin is refused
// with both fingerprints named, for the API and the WebSocket alike.

#include "TlsTestSupport.h"
#include "client/ApiClient.h"
#include "client/EventStream.h"
#include "client/TlsPolicy.h"
#include "connection/ConnectionDialog.h"
#include "connection/ServerConnection.h"
#include "connection/ServerProfiles.h"
#include "shell/LanguageManager.h"
#include "shell/MainWindow.h"
#include "widgets/MessageBox.h"

#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>
#include <optional>

using hm::client::ApiClient;
using hm::client::TlsPolicy;
using namespace hm::app;

namespace {

// HTTPS on loopback: every connection gets the certificate and one
// answer per request, a health envelope for /api/v1/health.
class TlsHealthServer : public QTcpServer
{
public:
    TlsHealthServer(QSslCertificate certificate, QSslKey key)
        : m_certificate(std::move(certificate)), m_key(std::move(key))
    {}
    int handshakes = 0;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setLocalCertificate(m_certificate);
        socket->setPrivateKey(m_key);
        socket->setPeerVerifyMode(QSslSocket::VerifyNone);
        connect(socket, &QSslSocket::encrypted, this, [this] { ++handshakes; });
        connect(socket, &QSslSocket::readyRead, socket, [socket] {
            QByteArray &buffer = pending(socket);
            buffer += socket->readAll();
            while (buffer.contains("\r\n\r\n")) {
                const qsizetype end = buffer.indexOf("\r\n\r\n") + 4;
                const QByteArray head = buffer.left(end);
                buffer.remove(0, end);
                const bool version = head.startsWith("GET /api/v1/version ");
                const bool health = version || head.startsWith("GET /api/v1/health ");
                const QByteArray body =
                    version
                        ? QByteArrayLiteral(R"({"success": true, "data": {"version": "tls-test", )"
                                            R"("api_version": "v1"}})")
                    : health
                        ? QByteArrayLiteral(R"({"success": true, "data": {"status": "healthy", )"
                                            R"("database": "connected", "version": "tls-test"}})")
                        : QByteArrayLiteral(R"({"success": false, "error": {"code": "NOT_FOUND", )"
                                            R"("message": "no such route"}})");
                socket->write((health ? QByteArrayLiteral("HTTP/1.1 200 OK\r\n")
                                      : QByteArrayLiteral("HTTP/1.1 404 Not Found\r\n")) +
                              "Content-Type: application/json\r\nContent-Length: " +
                              QByteArray::number(body.size()) + "\r\n\r\n" + body);
            }
        });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QSslSocket::sslErrors, socket,
                [socket](const QList<QSslError> &) { socket->ignoreSslErrors(); });
        socket->startServerEncryption();
    }

private:
    static QByteArray &pending(QSslSocket *socket)
    {
        static QHash<QSslSocket *, QByteArray> buffers;
        return buffers[socket];
    }
    QSslCertificate m_certificate;
    QSslKey m_key;
};

template <typename T, typename Start> hm::Result<T> await(Start start, int timeoutMs = 15000)
{
    std::optional<hm::Result<T>> out;
    start([&out](hm::Result<T> r) { out.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, timeoutMs))
        return hm::Error{hm::ErrorCode::Timeout, QStringLiteral("no answer")};
    return std::move(*out);
}

template <typename T> T *field(QWidget *parent, const char *name)
{
    T *widget = parent->findChild<T *>(QLatin1String(name));
    if (!widget)
        qFatal("no %s", name);
    return widget;
}

} // namespace

class TestConnectionTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void verificationRefusesSelfSigned();
    void verificationOffConnects();
    void matchingPinConnects();
    void mismatchedPinIsRefusedNamingBoth();
    void webSocketFollowsThePolicy();
    void dialogSaysItInWords();
    void profilesAreEditedRemovedAndRestored();

private:
    hm::Result<hm::client::HealthInfo> health(const TlsPolicy &policy);
    // A fingerprint that is not the server's.
    QString otherFingerprint() const;

    QTemporaryDir m_dir;
    QTemporaryDir m_configDir;
    std::unique_ptr<TlsHealthServer> m_server;
    QUrl m_url;
    QString m_fingerprint;
    std::unique_ptr<LanguageManager> m_languages;
};

void TestConnectionTls::initTestCase()
{
    QVERIFY(QSslSocket::supportsSsl());
    QVERIFY(m_configDir.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_configDir.path()));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HiveMindTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestConnectionTls"));
    QSettings().clear();
    m_languages = std::make_unique<LanguageManager>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));

    // A self-signed certificate for 127.0.0.1, made for this run.
    QVERIFY(m_dir.isValid());
    const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
    const QString key = m_dir.filePath(QStringLiteral("key.pem"));
    QVERIFY(tlstest::makeSelfSignedCertificate(cert, key));
    QFile certFile(cert), keyFile(key);
    QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    const QSslCertificate certificate(&certFile, QSsl::Pem);
    const QSslKey privateKey(&keyFile, QSsl::Ec, QSsl::Pem);
    QVERIFY(!certificate.isNull());
    QVERIFY(!privateKey.isNull());
    m_fingerprint = TlsPolicy::fingerprint(certificate);
    QCOMPARE(m_fingerprint.size(), 32 * 3 - 1);

    m_server = std::make_unique<TlsHealthServer>(certificate, privateKey);
    QVERIFY(m_server->listen(QHostAddress::LocalHost));
    m_url = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server->serverPort()));
}

void TestConnectionTls::cleanupTestCase()
{
    m_server.reset();
    QSettings().clear();
    m_languages.reset();
}

hm::Result<hm::client::HealthInfo> TestConnectionTls::health(const TlsPolicy &policy)
{
    ApiClient client;
    client.setBaseUrl(m_url);
    client.setTlsPolicy(policy);
    return await<hm::client::HealthInfo>([&](auto done) { client.fetchHealth(done); });
}

QString TestConnectionTls::otherFingerprint() const
{
    QString other = m_fingerprint;
    other[0] = other[0] == u'0' ? u'1' : u'0';
    return other;
}

void TestConnectionTls::verificationRefusesSelfSigned()
{
    const auto answer = health(TlsPolicy{true, {}});
    QVERIFY(!answer.ok());
    QCOMPARE(answer.error().code, hm::ErrorCode::NetworkError);
    QCOMPARE(answer.error().details.value(QStringLiteral("tls")).toString(),
             QStringLiteral("untrusted"));
    QVERIFY2(
        answer.error().message.contains(QStringLiteral("self signed"), Qt::CaseInsensitive) ||
            answer.error().message.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive),
        qPrintable(answer.error().message));
}

void TestConnectionTls::verificationOffConnects()
{
    const auto answer = health(TlsPolicy{false, {}});
    if (!answer.ok())
        QFAIL(qPrintable(answer.error().toString()));
    QCOMPARE(answer.value().status, QStringLiteral("healthy"));
    QCOMPARE(answer.value().version, QStringLiteral("tls-test"));
}

void TestConnectionTls::matchingPinConnects()
{
    // Verification on, the self-signed certificate pinned: the pin is the trust.
    auto answer = health(TlsPolicy{true, m_fingerprint});
    if (!answer.ok())
        QFAIL(qPrintable(answer.error().toString()));
    QCOMPARE(answer.value().status, QStringLiteral("healthy"));
    // Written in capitals without separators, it is the same pin.
    answer = health(TlsPolicy{true, m_fingerprint.toUpper().remove(u':')});
    QVERIFY(answer.ok());
    answer = health(TlsPolicy{false, m_fingerprint});
    QVERIFY(answer.ok());
}

void TestConnectionTls::mismatchedPinIsRefusedNamingBoth()
{
    for (const bool verify : {true, false}) {
        const auto answer = health(TlsPolicy{verify, otherFingerprint()});
        QVERIFY(!answer.ok());
        const QJsonObject details = answer.error().details;
        QCOMPARE(details.value(QStringLiteral("tls")).toString(),
                 QStringLiteral("fingerprint_mismatch"));
        QCOMPARE(details.value(QStringLiteral("actual")).toString(), m_fingerprint);
        QCOMPARE(details.value(QStringLiteral("expected")).toString(), otherFingerprint());
        QVERIFY(answer.error().message.contains(m_fingerprint));
        QVERIFY(answer.error().message.contains(otherFingerprint()));
    }
}

void TestConnectionTls::webSocketFollowsThePolicy()
{
    const auto closedWith = [this](const TlsPolicy &policy) {
        hm::client::EventStream stream;
        stream.setTlsPolicy(policy);
        QSignalSpy closed(&stream, &hm::client::EventStream::closed);
        stream.listen(m_url, QStringLiteral("token"));
        if (!closed.wait(15000))
            return QString();
        return closed.first().at(1).toString();
    };
    const QString untrusted = closedWith(TlsPolicy{true, {}});
    QVERIFY2(untrusted.contains(QStringLiteral("not trusted")), qPrintable(untrusted));
    const QString mismatch = closedWith(TlsPolicy{false, otherFingerprint()});
    QVERIFY2(mismatch.contains(m_fingerprint) && mismatch.contains(otherFingerprint()),
             qPrintable(mismatch));
    // With the policy accepting the certificate the TLS handshake completes
    // (the test server speaks no WebSocket: nothing more happens then).
    const int before = m_server->handshakes;
    hm::client::EventStream stream;
    stream.setTlsPolicy(TlsPolicy{false, {}});
    QSignalSpy closed(&stream, &hm::client::EventStream::closed);
    stream.listen(m_url, QStringLiteral("token"));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->handshakes > before, 10000);
    QTest::qWait(100);
    for (const QList<QVariant> &c : std::as_const(closed))
        QVERIFY2(!c.at(1).toString().contains(QStringLiteral("not trusted")),
                 qPrintable(c.at(1).toString()));
    stream.abort(QStringLiteral("test done"));
}

void TestConnectionTls::dialogSaysItInWords()
{
    ConnectionDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    field<QLineEdit>(&dialog, "connection.name")->setText(QStringLiteral("Lab"));
    field<QLineEdit>(&dialog, "connection.url")->setText(m_url.toString());
    auto *check = field<QPushButton>(&dialog, "connection.check");
    auto *save = field<QPushButton>(&dialog, "connection.save");
    auto *status = field<QLabel>(&dialog, "connection.status");

    // Verification on: refused, and said so.
    field<QCheckBox>(&dialog, "connection.verifyTls")->setChecked(true);
    check->click();
    QTRY_VERIFY_WITH_TIMEOUT(check->isEnabled() && status->text() != QStringLiteral("Checking…"),
                             15000);
    QVERIFY2(status->text().startsWith(QStringLiteral("The server's TLS certificate is not "
                                                      "trusted")),
             qPrintable(status->text()));
    QVERIFY(!save->isEnabled());

    // A wrong pin: refused, both fingerprints named.
    field<QLineEdit>(&dialog, "connection.pin")->setText(otherFingerprint());
    check->click();
    QTRY_VERIFY_WITH_TIMEOUT(check->isEnabled() && status->text() != QStringLiteral("Checking…"),
                             15000);
    QVERIFY2(status->text().contains(m_fingerprint) && status->text().contains(otherFingerprint()),
             qPrintable(status->text()));
    QVERIFY(status->text().startsWith(QStringLiteral("Refused")));
    QVERIFY(!save->isEnabled());

    // Verification off, no pin: connects; the certificate seen is shown and
    // becomes the profile's pin.
    field<QLineEdit>(&dialog, "connection.pin")->clear();
    field<QCheckBox>(&dialog, "connection.verifyTls")->setChecked(false);
    check->click();
    QTRY_VERIFY_WITH_TIMEOUT(save->isEnabled(), 15000);
    QCOMPARE(status->text(), QStringLiteral("The server answers and is healthy."));
    QTRY_COMPARE(field<QLabel>(&dialog, "connection.fingerprint")->text(), m_fingerprint);
    QCOMPARE(dialog.profile().fingerprint, m_fingerprint);
    QCOMPARE(dialog.profile().verifyTls, false);

    // The right pin with verification on: connects.
    field<QCheckBox>(&dialog, "connection.verifyTls")->setChecked(true);
    field<QLineEdit>(&dialog, "connection.pin")->setText(m_fingerprint.toUpper());
    check->click();
    QTRY_VERIFY_WITH_TIMEOUT(save->isEnabled(), 15000);
    QCOMPARE(dialog.profile().fingerprint, m_fingerprint);
    QCOMPARE(dialog.profile().tlsPolicy(), (TlsPolicy{true, m_fingerprint}));
}

void TestConnectionTls::profilesAreEditedRemovedAndRestored()
{
    QSettings().clear();
    ServerProfiles::put(ServerProfile{QStringLiteral("Lab"), m_url, false, m_fingerprint});
    ServerProfiles::put(ServerProfile{
        QStringLiteral("Other"), QUrl(QStringLiteral("http://127.0.0.1:9")), true, {}});
    ServerProfiles::setActiveName(QStringLiteral("Lab"));
    {
        ConnectionDialog dialog;
        QListWidget *list = dialog.profileList();
        QCOMPARE(list->count(), 2);
        // Choosing one edits it: renamed and saved under the new name.
        list->setCurrentRow(0);
        QCOMPARE(field<QLineEdit>(&dialog, "connection.name")->text(), QStringLiteral("Lab"));
        QCOMPARE(field<QLineEdit>(&dialog, "connection.url")->text(), m_url.toString());
        QCOMPARE(field<QLineEdit>(&dialog, "connection.pin")->text(), m_fingerprint);
        QVERIFY(!field<QCheckBox>(&dialog, "connection.verifyTls")->isChecked());
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Edit Server"));
        field<QLineEdit>(&dialog, "connection.name")->setText(QStringLiteral("Lab 2"));
        field<QPushButton>(&dialog, "connection.check")->click();
        QTRY_VERIFY_WITH_TIMEOUT(field<QPushButton>(&dialog, "connection.save")->isEnabled(),
                                 15000);
        field<QPushButton>(&dialog, "connection.save")->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    QList<ServerProfile> profiles = ServerProfiles::load();
    QCOMPARE(profiles.size(), 2);
    QVERIFY(ServerProfiles::find(QStringLiteral("Lab 2")));
    QVERIFY(!ServerProfiles::find(QStringLiteral("Lab")));
    QCOMPARE(ServerProfiles::find(QStringLiteral("Lab 2"))->fingerprint, m_fingerprint);
    // No password or token is kept in the settings.
    for (const QString &key : QSettings().allKeys())
        QVERIFY2(!key.contains(QStringLiteral("password"), Qt::CaseInsensitive) &&
                     !key.contains(QStringLiteral("token"), Qt::CaseInsensitive),
                 qPrintable(key));

    // Removing asks; Cancel keeps it, Yes removes it.
    {
        ConnectionDialog dialog;
        dialog.editProfile(QStringLiteral("Other"));
        auto *remove = field<QPushButton>(&dialog, "connection.remove");
        QVERIFY(remove->isEnabled());
        MessageBox::setNextAnswer(QMessageBox::Cancel);
        remove->click();
        QCOMPARE(ServerProfiles::load().size(), 2);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        remove->click();
        QCOMPARE(ServerProfiles::load().size(), 1);
        QCOMPARE(dialog.profileList()->count(), 1);
        QVERIFY(!remove->isEnabled());
    }
    MessageBox::setNextAnswer(QMessageBox::NoButton);

    // The renamed profile stayed the active one: the next start connects
    // to it with its TLS policy instead of starting the local server.
    QCOMPARE(ServerProfiles::activeName(), QStringLiteral("Lab 2"));
    QTemporaryDir dataDir;
    ServerConnection connection(ServerConnection::Options{dataDir.path(), false, 0});
    MainWindow::Options options;
    options.persistSettings = false;
    MainWindow window(m_languages.get(), &connection, options);
    QVERIFY(window.restoreActiveProfile());
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), ServerConnection::State::Connected, 15000);
    QVERIFY(!connection.isLocal());
    QCOMPARE(connection.baseUrl(), m_url);
    QCOMPARE(connection.client()->tlsPolicy(), (TlsPolicy{false, m_fingerprint}));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("sidebarFooter"))
                ->text()
                .startsWith(QStringLiteral("Lab 2\n")));
    // The switcher at the sidebar's foot holds the servers, as File does.
    auto *switcher = window.findChild<QToolButton *>(QStringLiteral("sidebar.serverSwitch"));
    QVERIFY(switcher && switcher->menu());
    emit switcher->menu()->aboutToShow();
    QVERIFY(switcher->menu()->findChild<QAction *>(QStringLiteral("server.Lab 2"))->isChecked());
    QVERIFY(switcher->menu()->actions().contains(
        window.findChild<QAction *>(QStringLiteral("action.addServer"))));
    // No active profile: the local server it is.
    ServerProfiles::setActiveName({});
    MainWindow fresh(m_languages.get(), &connection, options);
    QVERIFY(!fresh.restoreActiveProfile());
}

QTEST_MAIN(TestConnectionTls)
#include "TestConnectionTls.moc"
