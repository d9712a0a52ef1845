#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <memory>

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
    };

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
    };

    explicit ServerConnection(Options options, QObject *parent = nullptr);
    ~ServerConnection() override;

    void start();
    // Talks to the server at `url` instead of the local one, which is
    // dropped (after dataDirInUse: the server that holds the directory).
    void connectTo(const QUrl &url);
    // Reads health and version again (no-op unless connected).
    void refresh();

    State state() const { return m_state; }
    QUrl baseUrl() const { return m_baseUrl; }
    const ServerInfo &info() const { return m_info; }
    // Error code and message of the last failure, already in the user's words.
    QString errorCode() const { return m_errorCode; }
    QString errorMessage() const { return m_errorMessage; }
    QString dataDir() const { return m_options.dataDir; }
    // False once connectTo() replaced the in-process server.
    bool isLocal() const { return m_local; }
    // The client the sections talk to the server with; null before the
    // server is known.
    hm::client::ApiClient *client() const;

signals:
    void stateChanged(hm::app::ServerConnection::State state);
    // Health and version have both been answered (or failed) at least once.
    void infoChanged();
    void ready();
    // The local server did not start because process `pid` runs a server on
    // the data directory, listening on `serverUrl` (empty when it has not
    // published its address yet, or runs on another host). State is Failed.
    void dataDirInUse(qint64 pid, const QUrl &serverUrl);

private:
    void onStarted(const QUrl &baseUrl);
    void onFailed(const QString &code, const QString &message);
    void useServer(const QUrl &baseUrl);
    void reportDataDirInUse();
    void fetch();
    void setState(State state);

    Options m_options;
    State m_state = State::Idle;
    QUrl m_baseUrl;
    ServerInfo m_info;
    QString m_errorCode;
    QString m_errorMessage;
    std::unique_ptr<hm::server::LocalServer> m_server;
    QPointer<hm::client::ApiClient> m_client;
    QTimer m_refreshTimer;
    int m_pendingReplies = 0;
    bool m_readyEmitted = false;
    bool m_local = true;
};

} // namespace hm::app
