#pragma once

#include <QTemporaryDir>

// Synchronous JSON-over-HTTP helper for the auth tests (waits on the reply's
// finished signal, never sleeps).

#include "ServerProcess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>

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
};

class Http
{
public:
    explicit Http(QUrl base) : m_base(std::move(base)) {}
    QUrl base() const { return m_base; }

    Answer send(const QByteArray &verb, const QString &path, const QByteArray &body = {},
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
        QNetworkReply *reply = m_network.sendCustomRequest(request, verb, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        Answer answer;
        if (!finished.wait(60000))
            return answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.raw = reply->readAll();
        answer.body = QJsonDocument::fromJson(answer.raw).object();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            answer.headers.insert(name.toLower(), value);
        reply->deleteLater();
        return answer;
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

// A server with a known administrator and generous login and general
// request limits, so tests that log in often are not throttled (the
// rate-limit tests lower them). `extra`: more server arguments.
inline QUrl startAuthServer(ServerProcess &server, const QStringList &extra = {})
{
    server.setEnv(QStringLiteral("HIVEMIND_ADMIN_USER"), kAdmin);
    server.setEnv(QStringLiteral("HIVEMIND_ADMIN_PASSWORD"), kAdminPassword);
    const QUrl url = server.start(extra);
    if (url.isEmpty())
        return url;
    Http http(url);
    const QString admin = http.accessToken(kAdmin, kAdminPassword);
    http.json("PUT", QStringLiteral("/api/v1/auth/settings"),
              {{"auth.rate_limits", QJsonObject{{"login_per_minute", 10000}}}}, admin);
    http.json("PUT", QStringLiteral("/api/v1/system/config"),
              {{"api_rate_limit", 1000000}, {"anonymous_rate_limit", 1000000}}, admin);
    return url;
}

// The start-up the authenticated server tests share: a real server in
// `dir` (see startAuthServer) and an administrator's access token. Returns
// an empty string on success, otherwise what went wrong.
inline QString startWithAdmin(const QTemporaryDir &dir, std::unique_ptr<ServerProcess> &server,
                              std::unique_ptr<Http> &http, QString &adminToken)
{
    if (!dir.isValid())
        return QStringLiteral("no temporary directory");
    server = std::make_unique<ServerProcess>(dir.path());
    const QUrl url = startAuthServer(*server);
    if (url.isEmpty())
        return QStringLiteral("server did not start: ") +
               QString::fromUtf8(server->standardOutput() + server->standardError());
    http = std::make_unique<Http>(url);
    adminToken = http->accessToken(kAdmin, kAdminPassword);
    return adminToken.isEmpty() ? QStringLiteral("administrator login failed") : QString();
}

} // namespace hm::test
