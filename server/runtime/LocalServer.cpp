#include "server/runtime/LocalServer.h"

#include "common/LogFormatter.h"
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
    options.port = 0;
    if (m_options.accessTokenSeconds > 0)
        options.accessTokenSeconds = m_options.accessTokenSeconds;

    // The console keeps its own message handler (its output stays as it
    // is); the server's log ring behind GET /api/v1/logs is fed from in
    // front of it, as hivemind-server's handler feeds it.
    logging::tapRecords();
    m_runtime = new ServerRuntime(std::move(options));
    m_runtime->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_runtime, [this, runtime = m_runtime] {
        const auto result = runtime->start();
        // Signals cross back to the console's thread as queued calls.
        if (result.ok())
            emit started(result.value());
        else
            emit failed(result.error().codeName(), result.error().message);
    });
}

} // namespace hm::server
