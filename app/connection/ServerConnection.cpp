#include "connection/ServerConnection.h"

#include "client/AccountApi.h"
#include "client/ApiClient.h"
#include "client/Within.h"
#include "common/Check.h"
#include "common/Logging.h"
#include "connection/KeychainStore.h"
#include "server/runtime/DataDirectoryLock.h"
#include "server/runtime/LocalServer.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>

namespace hm::app {

ServerConnection::ServerConnection(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    // Shown and used absolute, whatever the caller passed.
    if (!m_options.dataDir.isEmpty())
        m_options.dataDir = QDir::cleanPath(QFileInfo(m_options.dataDir).absoluteFilePath());
    m_refreshTimer.setSingleShot(false);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ServerConnection::refresh);
}

ServerConnection::~ServerConnection()
{
    m_refreshTimer.stop();
    delete m_client;  // no callbacks into a half-destroyed object
    m_server.reset(); // stops the server thread
}

hm::client::ApiClient *ServerConnection::client() const
{
    return m_client;
}

void ServerConnection::start()
{
    if (m_state == State::Starting || m_state == State::Connected)
        return;

    QDir().mkpath(m_options.dataDir);

    hm::server::LocalServer::Options serverOptions;
    serverOptions.dataDir = m_options.dataDir;
    serverOptions.accessTokenSeconds = m_options.accessTokenSeconds;
    serverOptions.wireguardBackend = m_options.wireguardBackend;
    // No explicit key file: the server takes HIVEMIND_MASTER_KEY, else the keychain,
    // else <dataDir>/master.key (created on first run).
    if (m_options.useKeychain) {
        // Called on the server's thread; KeychainStore runs its own event loop.
        serverOptions.keychainRead = [] { return KeychainStore().readMasterKey(); };
        serverOptions.keychainWrite = [](const QByteArray &key) {
            return KeychainStore().writeMasterKey(key);
        };
    }

    m_server = std::make_unique<hm::server::LocalServer>(std::move(serverOptions));
    connect(m_server.get(), &hm::server::LocalServer::started, this, &ServerConnection::onStarted);
    connect(m_server.get(), &hm::server::LocalServer::failed, this, &ServerConnection::onFailed);

    m_error.reset();
    setState(State::Starting);
    qCInfo(lcApp) << "starting the local server in" << m_options.dataDir;
    m_server->start();
}

void ServerConnection::connectToRunningServer(const QUrl &url)
{
    connectTo(url);
    m_shared = true;
}

void ServerConnection::connectTo(const QUrl &url, const hm::client::TlsPolicy &tls)
{
    m_shared = false;
    m_tls = tls;
    // Stops the server thread; a runtime whose start failed holds nothing.
    m_server.reset();
    m_local = false;
    m_refreshTimer.stop();
    m_error.reset();
    setState(State::Starting);
    qCInfo(lcApp) << "connecting to the server at" << url.toString();
    useServer(url);
}

bool ServerConnection::isSignedIn() const
{
    return m_client && m_client->hasSession() && !m_user.id.isEmpty();
}

void ServerConnection::setSignedIn(const hm::client::UserInfo &user)
{
    m_user = user;
    if (user.id.isEmpty()) {
        if (m_tokenStorage == TokenStorage::Keychain)
            KeychainStore().removeSecret(sessionKey());
        m_tokenStorage = TokenStorage::None;
        qCInfo(lcApp) << "signed out";
    } else {
        qCInfo(lcApp) << "signed in as" << user.username;
        m_tokenStorage = TokenStorage::SessionOnly;
        saveSession();
    }
    emit signedInChanged();
}

QString ServerConnection::sessionKey() const
{
    // The local server's port changes when its port is taken; its data does not.
    return QStringLiteral("session:") +
           (m_local ? QStringLiteral("local:") + QDir(m_options.dataDir).absolutePath()
                    : m_baseUrl.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash));
}

void ServerConnection::saveSession()
{
    if (!m_options.useKeychain || !m_client || !m_client->hasSession())
        return;
    const hm::client::TokenPair tokens = m_client->tokens();
    QByteArray secret = QJsonDocument(QJsonObject{{QStringLiteral("access"), tokens.accessToken},
                                                  {QStringLiteral("refresh"), tokens.refreshToken}})
                            .toJson(QJsonDocument::Compact);
    m_tokenStorage = KeychainStore().writeSecret(sessionKey(), secret) ? TokenStorage::Keychain
                                                                       : TokenStorage::SessionOnly;
    secret.fill('\0');
}

void ServerConnection::restoreSavedSession(std::function<void(bool)> done)
{
    if (!m_client || !m_options.useKeychain || m_state != State::Connected) {
        done(false);
        return;
    }
    const std::optional<QByteArray> secret = KeychainStore().readSecret(sessionKey());
    const QJsonObject saved = QJsonDocument::fromJson(secret.value_or(QByteArray())).object();
    hm::client::TokenPair tokens;
    tokens.accessToken = saved.value(QStringLiteral("access")).toString();
    tokens.refreshToken = saved.value(QStringLiteral("refresh")).toString();
    tokens.tokenType = QStringLiteral("bearer");
    if (!tokens.isValid()) {
        done(false);
        return;
    }
    m_client->restoreSession(tokens);
    hm::client::AccountApi(*m_client).me(hm::client::within(
        this, [this, done = std::move(done)](hm::Result<hm::client::UserInfo> user) {
            if (!user.ok()) {
                qCInfo(lcApp) << "the saved session was not accepted:" << user.error().codeName();
                m_client->clearCredentials();
                KeychainStore().removeSecret(sessionKey());
                done(false);
                return;
            }
            setSignedIn(user.value());
            done(true);
        }));
}

QString ServerConnection::initialAdminPasswordFile() const
{
    if (!m_local)
        return {};
    const QString path = QDir(m_options.dataDir).filePath(QStringLiteral("initial-admin-password"));
    return QFileInfo::exists(path) ? path : QString();
}

void ServerConnection::useLocal()
{
    if (m_local)
        return;
    m_refreshTimer.stop();
    m_local = true;
    setState(State::Idle);
    start();
}

void ServerConnection::refresh()
{
    if (m_state == State::Connected && m_pendingReplies == 0)
        fetch();
}

void ServerConnection::onStarted(const QUrl &baseUrl)
{
    qCInfo(lcApp) << "local server listening on" << baseUrl.toString();
    useServer(baseUrl);
}

void ServerConnection::useServer(const QUrl &baseUrl)
{
    m_baseUrl = baseUrl;
    // One client per server: everything kept per client (the component
    // catalogue, pending answers, the session) belongs to one server, so a
    // switch starts from nothing instead of showing the old server's data.
    if (m_client && m_client->baseUrl() != baseUrl) {
        const bool hadUser = !m_user.id.isEmpty();
        m_client->disconnect(this);
        m_client->clearCredentials();
        m_client->deleteLater();
        m_client = nullptr;
        m_user = {};
        if (hadUser)
            emit signedInChanged();
    }
    if (!m_client) {
        m_client = new hm::client::ApiClient(this);
        m_client->setUserAgent(QByteArrayLiteral("HiveMind console"));
        connect(m_client, &hm::client::ApiClient::sessionExpired, this, [this] {
            qCInfo(lcApp) << "the session expired";
            m_user = {};
            m_tokenStorage = TokenStorage::None;
            emit signedInChanged();
            emit sessionExpired();
        });
        // Refresh tokens rotate: the keychain keeps the newest.
        connect(m_client, &hm::client::ApiClient::tokenRefreshed, this, [this] {
            if (m_tokenStorage == TokenStorage::Keychain)
                saveSession();
        });
    }
    m_client->setBaseUrl(baseUrl);
    m_client->setTlsPolicy(m_local ? hm::client::TlsPolicy{} : m_tls);
    fetch();
}

void ServerConnection::onFailed(const QString &code, const QString &message)
{
    qCWarning(lcApp) << "local server failed:" << code << message;
    m_refreshTimer.stop();
    // LocalServer names its codes with errorCodeName(): the round trip is exact.
    m_error = hm::Error{hm::errorCodeFromName(code), message.isEmpty() ? code : message, {}};
    setState(State::Failed);
    emit infoChanged();
    if (!m_readyEmitted) {
        m_readyEmitted = true;
        emit ready();
    }
    if (code == hm::errorCodeName(hm::ErrorCode::DataDirInUse))
        reportDataDirInUse();
}

void ServerConnection::reportDataDirInUse()
{
    using hm::server::DataDirectoryLock;
    const auto holder = DataDirectoryLock::holder(m_options.dataDir);
    if (!holder)
        return; // it stopped meanwhile: the plain failure is all there is to tell
    QUrl url = DataDirectoryLock::publishedServerUrl(m_options.dataDir);
    // Its address is a loopback one, meaningless here, when the directory is
    // shared over the network with a server on another machine.
    if (!holder->hostname.isEmpty() && holder->hostname != QSysInfo::machineHostName())
        url.clear();
    emit dataDirInUse(holder->pid, url);
}

void ServerConnection::fetch()
{
    HM_CHECK(m_client, return );
    m_pendingReplies = 2;
    // Called from the two answers below only, which run within(this, ...).
    auto finishOne = [this] {
        if (--m_pendingReplies > 0)
            return;
        if (!m_error) {
            setState(State::Connected);
            if (m_options.refreshIntervalMs > 0 && !m_refreshTimer.isActive())
                m_refreshTimer.start(m_options.refreshIntervalMs);
        } else {
            setState(State::Failed);
        }
        emit infoChanged();
        if (!m_readyEmitted) {
            m_readyEmitted = true;
            emit ready();
        }
    };

    m_error.reset();
    m_client->fetchHealth(
        hm::client::within(this, [this, finishOne](hm::Result<hm::client::HealthInfo> result) {
            if (result.ok()) {
                m_info.status = result.value().status;
                m_info.database = result.value().database;
                if (!result.value().version.isEmpty())
                    m_info.version = result.value().version;
            } else {
                m_info.status.clear();
                m_info.database.clear();
                m_error = result.error();
            }
            finishOne();
        }));
    m_client->fetchVersion(
        hm::client::within(this, [this, finishOne](hm::Result<hm::client::VersionInfo> result) {
            if (result.ok()) {
                m_info.version = result.value().version;
                m_info.apiVersion = result.value().apiVersion;
                m_info.buildDate = result.value().buildDate;
                m_info.features = result.value().features;
                m_info.featuresKnown = result.value().featuresKnown;
            } else if (!m_error) {
                m_error = result.error();
            }
            finishOne();
        }));
}

void ServerConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace hm::app
