#pragma once

// A small Docker Engine API client over its unix socket (issue 38 item 6):
// one QLocalSocket per request, HTTP/1.1 written by hand with
// "Connection: close", the answer read by DockerHttpParser, all of it
// asynchronous on the agent's thread. Requests are bounded in time
// (kTimeoutMs) and answers in size (the caller's maxBody). Errors say what
// went wrong for a person: the socket missing or refused is
// SERVICE_UNAVAILABLE (details.code DOCKER_UNAVAILABLE); the daemon's own
// 4xx/5xx answers are mapped by dockerApiError().
//
// Paths are given without the version prefix ("/containers/json"); the
// client speaks API v1.41 (Docker 20.10+, podman 3+).

#include "common/Result.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <functional>

namespace hm::agent {

struct DockerResponse
{
    int status = 0;
    QString contentType;
    QByteArray body;
    bool truncated = false; // the body was cut at maxBody
};

// A failed answer of the daemon (status ≥ 400) as an error: 404
// RESOURCE_NOT_FOUND, 409 CONFLICT, 400 VALIDATION_ERROR, anything else
// SERVICE_UNAVAILABLE; the daemon's own message is kept (bounded).
Error dockerApiError(const DockerResponse &response);

// "/containers/<ref><suffix>", the reference (already checked by
// fleet::dockerContainerRef) percent-encoded as one path segment.
QByteArray dockerContainerPath(const QString &container, const char *suffix = "");

class DockerEngine : public QObject
{
    Q_OBJECT
public:
    static constexpr int kTimeoutMs = 60'000;
    static constexpr qsizetype kDefaultMaxBody = 4 * 1024 * 1024;
    inline static const QByteArray kApiVersion = QByteArrayLiteral("/v1.41");

    using Callback = std::function<void(Result<DockerResponse>)>;

    explicit DockerEngine(QString socketPath, QObject *parent = nullptr);

    const QString &socketPath() const { return m_socketPath; }

    // `pathAndQuery` already encoded ("/containers/abc/start?t=10").
    // `done` runs once, later, never inside request().
    void request(const QByteArray &method, const QByteArray &pathAndQuery,
                 const QByteArray &jsonBody, qsizetype maxBody, Callback done);

private:
    QString m_socketPath;
};

} // namespace hm::agent
