#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QSslConfiguration>
#include <QTcpServer>

class QTcpSocket;

namespace hm::server::http {

// The answer of a WebSocket handshake without its Access-Control-* lines:
// QWebSocketServer (6.4) writes "Access-Control-Allow-Origin" and friends
// into every one, and the API sends no CORS header anywhere (browsers
// apply no CORS to WebSockets anyway; the Origin check is the server's,
// see HttpServer::setWebSocketOrigins). Other bytes come back unchanged.
QByteArray withoutCorsHeaders(QByteArrayView answer);

// Marks the next write of an accepted socket as the WebSocket handshake's
// answer, to be passed through withoutCorsHeaders(); false for sockets
// this listener did not make.
bool filterHandshakeAnswer(QTcpSocket *socket);

// A QTcpSocket for a connected descriptor this listener accepted (one whose
// handshake answer can be filtered); nullptr, and the descriptor closed, if
// Qt refuses it.
QTcpSocket *adoptAcceptedSocket(qintptr descriptor);

// The HTTP server's listening socket, plain TCP or (after setTls) TLS: a
// QTcpServer whose connections are sockets of our own making (QTcpSocket
// and QSslSocket subclasses) so that the handshake answer can be filtered.
// TLS connections are handed over (pendingConnectionAvailable) once their
// handshake is done, as QSslServer does; one that has not finished it
// within 10 s is dropped. Plain connections go to whoever listens to
// plainConnection() as bare descriptors (Linux: HttpServer reads them
// directly, see HttpTransports.h), else to the pending queue as well.
class HttpListener : public QTcpServer
{
    Q_OBJECT
public:
    explicit HttpListener(QObject *parent = nullptr);

    void setTls(const QSslConfiguration &configuration);

signals:
    // A plain connection, accepted; the receiver owns the
    // descriptor.
    void plainConnection(qintptr descriptor);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    bool m_tls = false;
    QSslConfiguration m_configuration;
};

} // namespace hm::server::http
