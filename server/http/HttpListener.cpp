#include "server/http/HttpListener.h"

#include "common/Logging.h"

#include <QMetaMethod>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace hm::server::http {

namespace {

constexpr int kTlsHandshakeMs = 10000;

// Implemented by the sockets HttpListener makes.
class HandshakeFilter
{
public:
    virtual ~HandshakeFilter() = default;
    virtual void filterNextWrite() = 0;
};

// A socket whose next write, once asked, goes through withoutCorsHeaders():
// QWebSocketServer writes its whole handshake answer in one write (a
// QTextStream flush), and every later write is a frame, passed unchanged.
template <class Socket> class FilteringSocket : public Socket, public HandshakeFilter
{
public:
    using Socket::Socket;
    void filterNextWrite() override { m_filter = true; }

protected:
    qint64 writeData(const char *data, qint64 size) override
    {
        if (!m_filter)
            return Socket::writeData(data, size);
        m_filter = false;
        const QByteArray answer = withoutCorsHeaders(QByteArrayView(data, size));
        const qint64 written = Socket::writeData(answer.constData(), answer.size());
        // The caller counts the bytes it handed over.
        return written == answer.size() ? size : written;
    }

private:
    bool m_filter = false;
};

} // namespace

QByteArray withoutCorsHeaders(QByteArrayView answer)
{
    const qsizetype headEnd = answer.indexOf("\r\n\r\n");
    if (!answer.startsWith("HTTP/1.1 ") || headEnd < 0)
        return answer.toByteArray();
    QByteArray result;
    result.reserve(answer.size());
    qsizetype pos = 0;
    while (pos < headEnd) {
        qsizetype end = answer.indexOf("\r\n", pos);
        if (end < 0 || end > headEnd)
            end = headEnd;
        const QByteArrayView line = answer.sliced(pos, end - pos);
        if (!line.startsWith("Access-Control-") &&
            !(line.size() > 15 &&
              line.first(15).compare("access-control-", Qt::CaseInsensitive) == 0)) {
            result += line;
            result += "\r\n";
        }
        pos = end + 2;
    }
    result += "\r\n";
    result += answer.sliced(headEnd + 4);
    return result;
}

bool filterHandshakeAnswer(QTcpSocket *socket)
{
    auto *filter = dynamic_cast<HandshakeFilter *>(socket);
    if (!filter)
        return false;
    filter->filterNextWrite();
    return true;
}

QTcpSocket *adoptAcceptedSocket(qintptr descriptor)
{
    auto *socket = new FilteringSocket<QTcpSocket>;
    if (socket->setSocketDescriptor(descriptor))
        return socket;
    delete socket;
#ifdef Q_OS_UNIX
    ::close(int(descriptor));
#endif
    // (Elsewhere the descriptor is left as QTcpServer itself leaves one.)
    return nullptr;
}

HttpListener::HttpListener(QObject *parent) : QTcpServer(parent)
{
    // Qt's default backlog is 50: thousands of agents connecting at once
    // (a restart) overflow it, and the kernel drops their SYNs, which
    // clients resend only after 1, 3, 7, 15 … s. Connecting 10,000 agents
    // crawled at the end for that (issue 35). The kernel caps it at
    // net.core.somaxconn.
    setListenBacklogSize(4096);
}

void HttpListener::setTls(const QSslConfiguration &configuration)
{
    m_configuration = configuration;
    m_tls = true;
}

void HttpListener::incomingConnection(qintptr descriptor)
{
    if (!m_tls) {
        if (isSignalConnected(QMetaMethod::fromSignal(&HttpListener::plainConnection))) {
            emit plainConnection(descriptor);
            return;
        }
        if (QTcpSocket *socket = adoptAcceptedSocket(descriptor)) {
            socket->setParent(this);
            addPendingConnection(socket);
        }
        return;
    }
    auto *socket = new FilteringSocket<QSslSocket>(this);
    socket->setSslConfiguration(m_configuration);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    // Handed over once encrypted; until then a failure or a client that
    // never finishes the handshake only costs this socket.
    connect(socket, &QSslSocket::encrypted, this, [this, socket] {
        disconnect(socket, nullptr, this, nullptr);
        addPendingConnection(socket);
    });
    connect(socket, &QAbstractSocket::errorOccurred, this, [socket] {
        if (!socket->isEncrypted()) {
            qCDebug(lcServerHttp).noquote()
                << "TLS handshake with" << socket->peerAddress().toString()
                << "failed:" << socket->errorString();
            socket->abort();
            socket->deleteLater();
        }
    });
    QTimer::singleShot(kTlsHandshakeMs, socket, [socket] {
        if (!socket->isEncrypted()) {
            socket->abort();
            socket->deleteLater();
        }
    });
    socket->startServerEncryption();
}

} // namespace hm::server::http
