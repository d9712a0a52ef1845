#pragma once

#include "client/ApiTypes.h"
#include "client/TlsPolicy.h"
#include "common/Error.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>

namespace hm::server {
class LocalServer;
}
namespace hm::client {
class ApiClient;
}

namespace hm::app {

// The console's only link to the server module: starts the in-process
// LocalServer on a loopback port and reads health and version back over HTTP
// through ApiClient, exactly as a remote console would. When another server
// already uses the data directory, it can talk to that one instead.
class ServerConnection : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString dataDir;
        bool useKeychain = true;
        // Health is read again at this interval once connected; 0 = never.
        int refreshIntervalMs = 15000;
        // The local server's access-token lifetime in seconds; 0 = its
        // default. For tests of the silent refresh.
        qint64 accessTokenSeconds = 0;
        // The local server's WireGuard backend; empty = its default. For
        // tests (config-only: no interface on the machine).
        QString wireguardBackend;
    };

    // Where the session of the signed-in user is kept between runs.
    enum class TokenStorage
    {
        None,        // nobody signed in
        Keychain,    // the OS keychain: the next start signs in by itself
        SessionOnly, // no keychain answered (or none wanted): until the console closes
    };
    Q_ENUM(TokenStorage)

    enum class State
    {
        Idle,
        Starting,
        Connected,
        Failed
    };
    Q_ENUM(State)

    // What the server last reported; empty strings until known.
    struct ServerInfo
    {
        QString status;
        QString database;
        QString version;
        QString apiVersion;
        QString buildDate;
        QStringList features;       // the areas the server serves (GET /version)
        bool featuresKnown = false; // false: not read yet, or a server from before the list
    };

    explicit ServerConnection(Options options, QObject *parent = nullptr);
    ~ServerConnection() override;

    void start();
    // Talks to the server at `url` instead of the local one, which is
    // dropped (after dataDirInUse: the server that holds the directory).
    // `tls`: how an https:// server's certificate is trusted (the
    // profile's "verify" and pinned fingerprint), for the API and the
    // WebSockets alike (ApiClient::tlsPolicy()).
    void connectTo(const QUrl &url, const hm::client::TlsPolicy &tls = {});
    // connectTo the server already running on this console's data directory.
    void connectToRunningServer(const QUrl &url);
    // Back to the in-process server after connectTo() (starts it again).
    void useLocal();
    // Reads health and version again (no-op unless connected).
    void refresh();

    State state() const { return m_state; }
    QUrl baseUrl() const { return m_baseUrl; }
    // The remote server's TLS policy given to connectTo(); a retry passes
    // it again, so that a pinned profile stays pinned.
    const hm::client::TlsPolicy &tlsPolicy() const { return m_tls; }
    const ServerInfo &info() const { return m_info; }
    // Error code and message of the last failure, already in the user's
    // words; empty strings when there is none.
    QString errorCode() const { return m_error ? m_error->codeName() : QString(); }
    QString errorMessage() const { return m_error ? m_error->message : QString(); }
    // The client error's details (details.tls for a refused certificate).
    QJsonObject errorDetails() const { return m_error ? m_error->details : QJsonObject(); }
    QString dataDir() const { return m_options.dataDir; }
    // False once connectTo() replaced the in-process server.
    bool isLocal() const { return m_local; }
    // Connected to the server that holds this console's data directory
    // (connectToRunningServer), not to a remote profile.
    bool isShared() const { return !m_local && m_shared; }
    // The client the sections talk to the server with; null before the
    // server is known. It carries the signed-in session once isSignedIn().
    hm::client::ApiClient *client() const;
    bool isSignedIn() const;
    // Who signed in (empty when nobody is).
    const hm::client::UserInfo &user() const { return m_user; }
    // After a sign-in on client() (the sign-in dialog): records the user.
    void setSignedIn(const hm::client::UserInfo &user);
    // Where the local server wrote the first administrator's password on its
    // first start; empty when there is no such file (or the server is remote).
    QString initialAdminPasswordFile() const;
    TokenStorage tokenStorage() const { return m_tokenStorage; }
    // Signs in with the session the keychain kept for this server, if any:
    // done(true) once signed in, done(false) when there is none or the
    // server no longer takes it.
    void restoreSavedSession(std::function<void(bool)> done);

signals:
    void stateChanged(hm::app::ServerConnection::State state);
    // Health and version have both been answered (or failed) at least once.
    void infoChanged();
    void ready();
    // The local server did not start because process `pid` runs a server on
    // the data directory, listening on `serverUrl` (empty when it has not
    // published its address yet, or runs on another host). State is Failed.
    void dataDirInUse(qint64 pid, const QUrl &serverUrl);
    // Sign-in, sign-out or an expired session changed user().
    void signedInChanged();
    // The server refused to renew the session: sign in again.
    void sessionExpired();

private:
    void onStarted(const QUrl &baseUrl);
    void onFailed(const QString &code, const QString &message);
    void useServer(const QUrl &baseUrl);
    void reportDataDirInUse();
    void fetch();
    void setState(State state);
    QString sessionKey() const;
    void saveSession();

    Options m_options;
    State m_state = State::Idle;
    QUrl m_baseUrl;
    hm::client::TlsPolicy m_tls;
    ServerInfo m_info;
    // Code, message and details of one failure: set and cleared together.
    std::optional<hm::Error> m_error;
    std::unique_ptr<hm::server::LocalServer> m_server;
    QPointer<hm::client::ApiClient> m_client;
    QTimer m_refreshTimer;
    int m_pendingReplies = 0;
    bool m_readyEmitted = false;
    bool m_local = true;
    bool m_shared = false;
    hm::client::UserInfo m_user;
    TokenStorage m_tokenStorage = TokenStorage::None;
};

} // namespace hm::app
