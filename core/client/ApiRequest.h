#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QUrlQuery>

namespace hm::client {

// One call of /api/v1 as the transport sends it.
struct ApiRequest
{
    QByteArray verb = "GET";
    QString path; // "/api/v1/…", appended to the base URL's path
    QUrlQuery query;
    QJsonValue body = QJsonValue::Undefined; // Undefined = no body
    // Sends the session's access token or the API key, and takes part in
    // the automatic refresh. Off for login, refresh and the public routes.
    bool authenticated = true;
    int timeoutMs = -1; // -1 = the client's default, 0 = none
    // A successful answer is a file, not an envelope: its bytes go to
    // ApiResponse::body (errors are still envelopes).
    bool rawBody = false;

    static ApiRequest get(QString path, QUrlQuery query = {})
    {
        ApiRequest r;
        r.path = std::move(path);
        r.query = std::move(query);
        return r;
    }
    static ApiRequest withBody(QByteArray verb, QString path, QJsonValue body)
    {
        ApiRequest r;
        r.verb = std::move(verb);
        r.path = std::move(path);
        r.body = std::move(body);
        return r;
    }
    static ApiRequest post(QString path, QJsonValue body = QJsonObject())
    {
        return withBody("POST", std::move(path), std::move(body));
    }
    static ApiRequest put(QString path, QJsonValue body)
    {
        return withBody("PUT", std::move(path), std::move(body));
    }
    static ApiRequest del(QString path)
    {
        ApiRequest r;
        r.verb = "DELETE";
        r.path = std::move(path);
        return r;
    }
    ApiRequest &unauthenticated()
    {
        authenticated = false;
        return *this;
    }
};

// A successful answer: the envelope's data and what came with it.
struct ApiResponse
{
    int httpStatus = 0;
    QJsonValue data;
    QString message;   // the envelope's optional message
    QString requestId; // X-Request-Id
    QByteArray body;   // the bytes of a rawBody request's answer
};

} // namespace hm::client
