#pragma once

#include <QObject>
#include <QThread>
#include <QUrl>
#include <functional>
#include <optional>

namespace hm::server {

class ServerRuntime;

// The console's embedded server: the full server module on its own thread,
// listening on a loopback port: the one of its last start (stored in the data
// directory, LocalServerPort.h), or a free one when that is taken or on the
// first start. The console then talks to it over HTTP exactly as it would
// to a remote server.
class LocalServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString dataDir;
        QString keyFile;
        std::function<std::optional<QByteArray>()> keychainRead;
        std::function<bool(const QByteArray &)> keychainWrite;
        // Lifetime of access tokens in seconds; 0 = the server's default
        // (short values let tests see the console refresh its session).
        qint64 accessTokenSeconds = 0;
        // --wireguard-backend; empty = the server's default (auto). Tests
        // say config-only: files only, no interface on the machine.
        QString wireguardBackend;
    };

    explicit LocalServer(Options options, QObject *parent = nullptr);
    ~LocalServer() override;

    // Asynchronous: emits started() or failed().
    void start();

signals:
    void started(const QUrl &baseUrl);
    void failed(const QString &code, const QString &message);

private:
    // Stores `port` for the next start when it is not the stored one; logs
    // which happened. On the server's thread.
    void keepPort(quint16 storedPort, quint16 port) const;

    Options m_options;
    QThread m_thread;
    ServerRuntime *m_runtime = nullptr; // lives on m_thread
};

} // namespace hm::server
