#include "server/runtime/LocalServer.h"

#include "common/LogFormatter.h"
#include "common/Logging.h"
#include "server/runtime/LocalServerPort.h"
#include "server/runtime/ServerRuntime.h"

#include <QHostAddress>
#include <QMetaObject>

namespace hm::server {

LocalServer::LocalServer(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    m_thread.setObjectName(QStringLiteral("hivemind-local-server"));
}

LocalServer::~LocalServer()
{
    if (m_runtime) {
        // Stop and delete on the server thread, where its sockets live.
        QMetaObject::invokeMethod(
            m_runtime,
            [runtime = m_runtime] {
                runtime->stop();
                delete runtime;
            },
            Qt::BlockingQueuedConnection);
        m_runtime = nullptr;
    }
    m_thread.quit();
    m_thread.wait();
}

void LocalServer::start()
{
    if (m_runtime)
        return;
    ServerOptions options;
    options.dataDir = m_options.dataDir;
    options.masterKeyFile = m_options.keyFile;
    options.keychainRead = m_options.keychainRead;
    options.keychainWrite = m_options.keychainWrite;
    options.listenAddress = QHostAddress::LocalHost;
    // The port of the last start when there is one (and a free one when
    // it is taken), so what points at this server survives a restart.
    const quint16 storedPort = localServerPort::read(m_options.dataDir);
    options.port = storedPort;
    options.freePortWhenTaken = true;
    if (m_options.accessTokenSeconds > 0)
        options.accessTokenSeconds = m_options.accessTokenSeconds;
    if (!m_options.wireguardBackend.isEmpty())
        options.wireguardBackend = m_options.wireguardBackend;

    // The console keeps its own message handler (its output stays as it
    // is); the server's log ring behind GET /api/v1/logs is fed from in
    // front of it, as hivemind-server's handler feeds it.
    logging::tapRecords();
    m_runtime = new ServerRuntime(std::move(options));
    m_runtime->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_runtime, [this, runtime = m_runtime, storedPort] {
        const auto result = runtime->start();
        // Signals cross back to the console's thread as queued calls.
        if (result.ok()) {
            keepPort(storedPort, quint16(result.value().port()));
            emit started(result.value());
        } else {
            emit failed(result.error().codeName(), result.error().message);
        }
    });
}

void LocalServer::keepPort(quint16 storedPort, quint16 port) const
{
    if (port == storedPort) {
        qCInfo(lcServer) << "the local server listens on its port of the last start," << port;
        return;
    }
    if (storedPort == 0)
        qCInfo(lcServer) << "the local server listens on port" << port
                         << "and keeps it for the next start";
    else
        qCWarning(lcServer) << "the local server's port" << storedPort
                            << "is taken; it listens on port" << port
                            << "and keeps that for the next start";
    QString error;
    if (!localServerPort::write(m_options.dataDir, port, &error))
        qCWarning(lcServer).noquote() << error;
}

} // namespace hm::server
