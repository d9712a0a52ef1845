#include "agent/DockerEngine.h"

#include "agent/DockerHttpParser.h"
#include "fleet/DockerNames.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QPointer>
#include <QTimer>
#include <memory>

namespace hm::agent {

namespace {

Error dockerUnavailable(const QString &socketPath, const QString &why)
{
    return Error{ErrorCode::ServiceUnavailable,
                 QStringLiteral("the Docker daemon is not reachable at %1: %2").arg(socketPath, why),
                 QJsonObject{{QStringLiteral("code"), QStringLiteral("DOCKER_UNAVAILABLE")}}};
}

// One request in flight: the socket, the parser, the timer, the callback.
class DockerExchange : public QObject
{
public:
    DockerExchange(const QString &socketPath, QByteArray request, qsizetype maxBody,
                   DockerEngine::Callback done, QObject *parent)
        : QObject(parent), m_socketPath(socketPath), m_request(std::move(request)),
          m_parser(maxBody), m_done(std::move(done))
    {
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            finish(Error{ErrorCode::Timeout,
                         QStringLiteral("the Docker daemon did not answer in time")});
        });
        connect(&m_socket, &QLocalSocket::connected, this,
                [this] { m_socket.write(m_request); });
        connect(&m_socket, &QLocalSocket::readyRead, this, &DockerExchange::read);
        connect(&m_socket, &QLocalSocket::disconnected, this, [this] {
            read();
            if (m_parser.state() != DockerHttpParser::State::Done)
                m_parser.finish();
            settle();
        });
        connect(&m_socket, &QLocalSocket::errorOccurred, this,
                [this](QLocalSocket::LocalSocketError error) {
                    if (error == QLocalSocket::PeerClosedError)
                        return; // `disconnected` settles it
                    if (m_socket.state() == QLocalSocket::ConnectedState
                        || m_parser.state() != DockerHttpParser::State::Head)
                        return;
                    finish(dockerUnavailable(m_socketPath, m_socket.errorString()));
                });
    }

    // The socket goes after the timer (members in reverse) and says
    // `disconnected` as it goes: nothing of it may reach this half-gone
    // object (an exchange still waiting when the engine goes).
    ~DockerExchange() override { m_socket.disconnect(this); }

    void start(int timeoutMs)
    {
        m_timer.start(timeoutMs);
        m_socket.connectToServer(m_socketPath);
    }

private:
    void read()
    {
        if (m_finished)
            return;
        m_parser.feed(m_socket.readAll());
        if (m_parser.state() == DockerHttpParser::State::Done
            || m_parser.state() == DockerHttpParser::State::Failed)
            settle();
    }

    void settle()
    {
        if (m_finished)
            return;
        switch (m_parser.state()) {
        case DockerHttpParser::State::Done: {
            DockerResponse response;
            response.status = m_parser.status();
            response.contentType = m_parser.header("content-type");
            response.body = m_parser.body();
            response.truncated = m_parser.truncated();
            return finish(std::move(response));
        }
        case DockerHttpParser::State::Failed:
            return finish(dockerUnavailable(m_socketPath, m_parser.failure()));
        default:
            return; // more to come
        }
    }

    void finish(Result<DockerResponse> outcome)
    {
        if (std::exchange(m_finished, true))
            return;
        m_timer.stop();
        m_socket.abort();
        // Later: never inside request(), and the socket's signal handler
        // returns before this object goes.
        QTimer::singleShot(0, this, [this, outcome = std::move(outcome)]() mutable {
            m_done(std::move(outcome));
            deleteLater();
        });
    }

    QString m_socketPath;
    QByteArray m_request;
    DockerHttpParser m_parser;
    DockerEngine::Callback m_done;
    QLocalSocket m_socket;
    QTimer m_timer;
    bool m_finished = false;
};

} // namespace

QByteArray dockerContainerPath(const QString &container, const char *suffix)
{
    return QByteArrayLiteral("/containers/") + fleet::dockerPathSegment(container) + suffix;
}

Error dockerApiError(const DockerResponse &response)
{
    QString message = QJsonDocument::fromJson(response.body)
                          .object()
                          .value(QStringLiteral("message"))
                          .toString()
                          .left(500);
    if (message.isEmpty())
        message = QStringLiteral("the Docker daemon answered HTTP %1").arg(response.status);
    const QJsonObject details{{QStringLiteral("docker_status"), response.status}};
    switch (response.status) {
    case 400:
        return Error{ErrorCode::ValidationError, message, details};
    case 404:
        return Error{ErrorCode::ResourceNotFound, message, details};
    case 409:
        return Error{ErrorCode::Conflict, message, details};
    default:
        return Error{ErrorCode::ServiceUnavailable, message,
                     QJsonObject{{QStringLiteral("docker_status"), response.status},
                                 {QStringLiteral("code"), QStringLiteral("DOCKER_ERROR")}}};
    }
}

DockerEngine::DockerEngine(QString socketPath, QObject *parent)
    : QObject(parent), m_socketPath(std::move(socketPath))
{
}

void DockerEngine::request(const QByteArray &method, const QByteArray &pathAndQuery,
                           const QByteArray &jsonBody, qsizetype maxBody, Callback done)
{
    QByteArray request = method + ' ' + kApiVersion + pathAndQuery + " HTTP/1.1\r\n"
                         "Host: docker\r\n"
                         "User-Agent: hivemind-agent\r\n"
                         "Accept: application/json\r\n"
                         "Connection: close\r\n";
    if (!jsonBody.isEmpty() || method == "POST")
        request += "Content-Type: application/json\r\nContent-Length: "
                   + QByteArray::number(jsonBody.size()) + "\r\n";
    request += "\r\n" + jsonBody;
    auto *exchange = new DockerExchange(m_socketPath, std::move(request), maxBody,
                                        std::move(done), this);
    exchange->start(kTimeoutMs);
}

} // namespace hm::agent
