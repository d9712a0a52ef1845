#include "client/JsonWebSocket.h"

#include "common/Logging.h"

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSslConfiguration>

namespace hm::client {

JsonWebSocket::JsonWebSocket(QObject *parent) : QObject(parent)
{
    // TLS: the profile's policy decides (TlsPolicy.h), not Qt's default.
    connect(&m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        QSslCertificate peer = m_socket.sslConfiguration().peerCertificate();
        if (peer.isNull() && !errors.isEmpty())
            peer = errors.first().certificate();
        if (const auto refused = m_tls.judge(peer, errors))
            m_tlsRefusal = refused->message;
        else
            m_socket.ignoreSslErrors();
    });
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        if (!m_tls.pinnedSha256.isEmpty() && m_tlsRefusal.isEmpty()) {
            const auto refused = m_tls.judge(m_socket.sslConfiguration().peerCertificate(), {});
            if (refused && m_socket.requestUrl().scheme() == QLatin1String("wss")) {
                abort(refused->message);
                return;
            }
        }
        m_open = true;
        emit opened();
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &JsonWebSocket::onTextMessage);
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                m_error = m_tlsRefusal.isEmpty() ? m_socket.errorString() : m_tlsRefusal;
            });
    connect(&m_socket, &QWebSocket::disconnected, this, &JsonWebSocket::onDisconnected);
}

JsonWebSocket::~JsonWebSocket()
{
    m_socket.disconnect(this);
}

QUrl JsonWebSocket::webSocketUrl(const QUrl &serverUrl, const QString &path)
{
    QUrl url = serverUrl;
    url.setScheme(serverUrl.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                               : QStringLiteral("ws"));
    url.setPath(path);
    url.setQuery(QString());
    return url;
}

void JsonWebSocket::openUrl(const QUrl &url, const QString &token)
{
    QNetworkRequest request(url);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    m_error.clear();
    m_tlsRefusal.clear();
    m_open = false;
    m_aborted = false;
    m_reported = false;
    if (url.scheme() == QLatin1String("wss")) {
        // A pin is judged during the TLS handshake, before the upgrade
        // request (which carries the token) is sent. QWebSocket tells of no
        // completed handshake before its upgrade, only of errors: with no
        // CA to chain to, every certificate raises sslErrors, where the
        // pin decides (it replaces the CA's word anyway). Otherwise a
        // certificate a trusted CA signed reached connected(), the token
        // already sent, before the pin was checked.
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!m_tls.pinnedSha256.trimmed().isEmpty())
            ssl.setCaCertificates({});
        m_socket.setSslConfiguration(ssl);
    }
    m_socket.open(request);
}

void JsonWebSocket::close()
{
    m_socket.close(QWebSocketProtocol::CloseCodeNormal);
}

void JsonWebSocket::abort(const QString &reason)
{
    m_error = reason;
    m_aborted = true;
    m_socket.abort();
}

void JsonWebSocket::onTextMessage(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        qCWarning(lcClient) << "ignoring a WebSocket message that is not a JSON object";
        return;
    }
    handleMessage(document.object());
}

void JsonWebSocket::onDisconnected()
{
    if (m_reported)
        return;
    m_reported = true;
    const int code = m_socket.closeCode();
    const QString reason = m_socket.closeReason();
    // Qt 6.4 keeps its default 1000 and an empty reason when the connection
    // ended without a close frame; a socket error then says what happened
    // (a closing handshake raises none). Before the handshake completed
    // there is no server code at all.
    const bool noCloseFrame = code == Normal && reason.isEmpty() && !m_error.isEmpty();
    if (!m_open || noCloseFrame || m_aborted || code == Abnormal)
        emit closed(Abnormal, m_error.isEmpty() ? m_socket.errorString() : m_error);
    else
        emit closed(code, reason);
}

} // namespace hm::client
