#pragma once

#include <QTemporaryDir>

// Synchronous JSON-over-HTTP helper for the auth tests (waits on the reply's
// finished signal, never sleeps).

#include "ServerProcess.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>

namespace hm::test {

struct Answer
{
    int status = 0;
    QJsonObject body;
    QByteArray raw; // the body as received (exports, metrics, OpenAPI)
    QMap<QByteArray, QByteArray> headers;
    QJsonObject data() const { return body.value(QStringLiteral("data")).toObject(); }
    QString code() const
    {
        return body.value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }
    // The error's details ({} when there are none).
    QJsonObject details() const
    {
        return body.value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("details"))
            .toObject();
    }
};

// One request written as `bytes` on a connection of its own, and the
// answer's status, headers (names in lower case) and body: for what Qt's
// network stack would normalise or set itself ("//" paths, %2F, Host,
// Origin). Waits on the socket, never sleeps; status 0 when no complete
// answer came within 30 s.
inline Answer rawExchange(const QUrl &base, const QByteArray &bytes)
{
    Answer answer;
    QTcpSocket socket;
    socket.connectToHost(base.host(), quint16(base.port()));
    if (!socket.waitForConnected(30000))
        return answer;
    socket.write(bytes);
    const QDeadlineTimer deadline(30000);
    QByteArray received;
    qsizetype headEnd = -1;
    qsizetype length = -1;
    while (true) {
        if (headEnd < 0 && (headEnd = received.indexOf("\r\n\r\n")) >= 0) {
            const QList<QByteArray> lines = received.first(headEnd).split('\n');
            const QList<QByteArray> status = lines.first().trimmed().split(' ');
            answer.status = status.size() > 1 ? status.at(1).toInt() : -1;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                answer.headers.insert(lines[i].first(colon).trimmed().toLower(),
                                      lines[i].sliced(colon + 1).trimmed());
            }
            // 101 has no body; what follows it is WebSocket frames.
            length = answer.status == 101 ? 0 : answer.headers.value("content-length").toLongLong();
        }
        if (headEnd >= 0 && received.size() >= headEnd + 4 + length)
            break;
        if (!socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
            answer.status = 0;
            return answer;
        }
        received += socket.readAll();
    }
    answer.raw = received.sliced(headEnd + 4, length);
    answer.body = QJsonDocument::fromJson(answer.raw).object();
    return answer;
}

class Http
{
public:
    explicit Http(QUrl base) : m_base(std::move(base)) {}
    QUrl base() const { return m_base; }

    // Starts a request without waiting for it (finish() reads it).
    QNetworkReply *begin(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                         const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QUrl url = m_base;
        const qsizetype q = path.indexOf(QLatin1Char('?'));
        url.setPath(q < 0 ? path : path.left(q));
        if (q >= 0)
            url.setQuery(path.mid(q + 1));
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        return m_network.sendCustomRequest(request, verb, body);
    }
    // Waits up to `timeoutMs` for `reply` (on its finished signal) and reads
    // it; an empty Answer (status 0) when it did not finish in time.
    static Answer finish(QNetworkReply *reply, int timeoutMs = 60000)
    {
        Answer answer;
        if (!reply->isFinished()) {
            QSignalSpy finished(reply, &QNetworkReply::finished);
            if (!finished.wait(timeoutMs))
                return answer;
        }
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.raw = reply->readAll();
        answer.body = QJsonDocument::fromJson(answer.raw).object();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            answer.headers.insert(name.toLower(), value);
        reply->deleteLater();
        return answer;
    }
    Answer send(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return finish(begin(verb, path, body, headers));
    }
    // Sends one request per body, all before waiting for any, and returns
    // the answers in sending order; together they may take `timeoutMs`.
    QList<Answer> sendAtOnce(const QByteArray &verb, const QString &path,
                             const QList<QByteArray> &bodies, const QString &token = {},
                             int timeoutMs = 30000)
    {
        QList<QNetworkReply *> replies;
        for (const QByteArray &body : bodies)
            replies.append(begin(verb, path, body, bearer(token)));
        const QDeadlineTimer deadline(timeoutMs);
        QList<Answer> answers;
        for (QNetworkReply *reply : replies)
            answers.append(finish(reply, int(deadline.remainingTime())));
        return answers;
    }
    Answer json(const QByteArray &verb, const QString &path, const QJsonObject &body,
                const QString &token = {})
    {
        return send(verb, path, QJsonDocument(body).toJson(QJsonDocument::Compact), bearer(token));
    }
    Answer get(const QString &path, const QString &token = {})
    {
        return send("GET", path, {}, bearer(token));
    }
    static QList<QPair<QByteArray, QByteArray>> bearer(const QString &token)
    {
        if (token.isEmpty())
            return {};
        return {{"Authorization", "Bearer " + token.toLatin1()}};
    }
    Answer login(const QString &user, const QString &password,
                 const QByteArray &agent = "test-agent")
    {
        return send("POST", QStringLiteral("/api/v1/auth/login"),
                    QJsonDocument(QJsonObject{{"username", user}, {"password", password}})
                        .toJson(QJsonDocument::Compact),
                    {{"User-Agent", agent}});
    }
    QString accessToken(const QString &user, const QString &password)
    {
        return login(user, password).data().value(QStringLiteral("access_token")).toString();
    }

private:
    QUrl m_base;
    QNetworkAccessManager m_network;
};

inline const QString kAdmin = QStringLiteral("root");
inline const QString kAdminPassword = QStringLiteral("Adm1n!Secret");

// The environment that makes the server create the known administrator.
inline void setAdminEnvironment(ServerProcess &server)
{
    server.setEnv(QStringLiteral("HIVEMIND_ADMIN_USER"), kAdmin);
    server.setEnv(QStringLiteral("HIVEMIND_ADMIN_PASSWORD"), kAdminPassword);
}

// A server with a known administrator, generous login and general
// request limits, so tests that log in often are not throttled (the
// rate-limit tests lower them), and private networks allowed for the
// requests it makes for users (the test peers are on loopback). `extra`: more server arguments.
inline QUrl startAuthServer(ServerProcess &server, const QStringList &extra = {}, quint16 port = 0)
{
    setAdminEnvironment(server);
    const QUrl url = server.start(extra, port);
    if (url.isEmpty())
        return url;
    Http http(url);
    const QString admin = http.accessToken(kAdmin, kAdminPassword);
    http.json("PUT", QStringLiteral("/api/v1/auth/settings"),
              {{"auth.rate_limits", QJsonObject{{"login_per_minute", 10000}}}}, admin);
    // The test peers (services, databases, sshd) listen on loopback, which
    // the outbound policy refuses unless an administrator allows private
    // networks (TestOutboundPolicy checks the refusal).
    http.json("PUT", QStringLiteral("/api/v1/system/config"),
              {{"api_rate_limit", 1000000},
               {"anonymous_rate_limit", 1000000},
               {"security", QJsonObject{{"allow_private_networks", true}}}},
              admin);
    return url;
}

// After `server` was started at `url` (empty: it did not start): an HTTP
// client of it and the administrator's access token. Returns an empty
// string on success, otherwise what went wrong.
inline QString connectAdmin(ServerProcess &server, const QUrl &url, std::unique_ptr<Http> &http,
                            QString &adminToken)
{
    if (url.isEmpty())
        return QStringLiteral("server did not start: ") +
               QString::fromUtf8(server.standardOutput() + server.standardError());
    http = std::make_unique<Http>(url);
    adminToken = http->accessToken(kAdmin, kAdminPassword);
    return adminToken.isEmpty() ? QStringLiteral("administrator login failed") : QString();
}

// The start-up the authenticated server tests share: a real server in
// `dir` (see startAuthServer; `extra`: more server arguments) and an
// administrator's access token. Returns an empty string on success,
// otherwise what went wrong.
inline QString startWithAdmin(const QTemporaryDir &dir, std::unique_ptr<ServerProcess> &server,
                              std::unique_ptr<Http> &http, QString &adminToken,
                              const QStringList &extra = {}, quint16 port = 0)
{
    if (!dir.isValid())
        return QStringLiteral("no temporary directory");
    server = std::make_unique<ServerProcess>(dir.path());
    return connectAdmin(*server, startAuthServer(*server, extra, port), http, adminToken);
}

// What an authenticated server test keeps: its data directory, the server,
// an HTTP client and the administrator's access token. A test class
// inherits it after QObject: `class TestX : public QObject, private ServerFixture`.
class ServerFixture
{
protected:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<Http> m_http;
    QString m_admin;

    // startWithAdmin on the members: empty on success, else what went wrong.
    // `port` 0: any free port.
    QString startServer(const QStringList &extra = {}, quint16 port = 0)
    {
        return startWithAdmin(m_dir, m_server, m_http, m_admin, extra, port);
    }
    // SIGTERM; false when the server did not exit within 30 s.
    bool stopServer()
    {
        m_server->process().terminate();
        return m_server->process().waitForFinished(30000);
    }
    // After stopServer: a new server process on the same data and master
    // key, and the administrator logged in again. The limits startServer
    // raised are stored settings, so they are not set again.
    QString restartServer(const QStringList &extra = {}, quint16 port = 0)
    {
        m_server = std::make_unique<ServerProcess>(m_dir.path(), m_server->masterKey());
        setAdminEnvironment(*m_server);
        return connectAdmin(*m_server, m_server->start(extra, port), m_http, m_admin);
    }
};

// A user made through the API, with <name>@example.com and logged in.
struct ApiUser
{
    int status = 0; // of the POST /users that created it (201 when made)
    QString id;
    QString email;
    QString token; // empty when it was not created or could not log in
};

inline ApiUser createApiUser(Http &http, const QString &adminToken, const QString &name,
                             const QString &password, const QString &role)
{
    ApiUser user;
    user.email = name + QStringLiteral("@example.com");
    const Answer created = http.json(
        "POST", QStringLiteral("/api/v1/users"),
        {{"username", name}, {"email", user.email}, {"password", password}, {"role", role}},
        adminToken);
    user.status = created.status;
    if (created.status != 201)
        return user;
    user.id = created.data().value(QStringLiteral("id")).toString();
    user.token = http.accessToken(name, password);
    return user;
}

// TOTP codes are made from the test's clock at `now`; the server reads its
// clock a moment later. When a 30 s step begins in between, a code meant
// for the server's previous step is two steps old there and refused.
// Runs `attempt(now)` (true: it went as expected) and, when it did not and
// a step began meanwhile, once more with the new time: a step cannot begin
// twice during one short attempt. `*now` is the time of the last attempt.
template <typename Attempt> bool atStableTotpStep(Attempt attempt, qint64 *now)
{
    *now = QDateTime::currentSecsSinceEpoch();
    if (attempt(*now))
        return true;
    if (QDateTime::currentSecsSinceEpoch() / 30 == *now / 30)
        return false;
    *now = QDateTime::currentSecsSinceEpoch();
    return attempt(*now);
}

// Base32 (RFC 4648, no padding) to bytes, as an authenticator app reads a
// TOTP secret; kept on the test side so the product's decoder is not
// checked against itself.
inline QByteArray base32Decode(const QString &text)
{
    QByteArray bytes;
    quint32 buffer = 0;
    int bits = 0;
    for (const QChar c : text) {
        const int v = c.isDigit() ? c.unicode() - '2' + 26 : c.unicode() - 'A';
        buffer = (buffer << 5) | static_cast<quint32>(v);
        bits += 5;
        if (bits >= 8) {
            bytes.append(static_cast<char>((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    return bytes;
}

} // namespace hm::test
