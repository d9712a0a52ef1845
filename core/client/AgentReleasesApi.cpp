#include "client/AgentReleasesApi.h"

#include "client/ApiClient.h"
#include "client/ApiError.h"
#include "client/RawRequest.h"

#include <QJsonArray>
#include <QNetworkReply>
#include <QUrlQuery>

namespace hm::client {

namespace {

const QString kReleasesPath = QStringLiteral("/api/v1/agents/releases");
// A rollout waits for every stage's agents to come back (each up to its
// probation and a reconnect): generous, but not forever.
constexpr int kRolloutTimeoutMs = 60 * 60 * 1000;
// Room for the server to hash and store a large build after the last byte.
constexpr int kUploadIdleTimeoutMs = 5 * 60 * 1000;

QStringList ids(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue v : value.toArray())
        out.append(v.toString());
    return out;
}

} // namespace

namespace json {

AgentRelease agentRelease(const QJsonObject &o)
{
    AgentRelease r;
    r.id = o.value(QStringLiteral("id")).toString();
    r.version = o.value(QStringLiteral("version")).toString();
    r.protocol = o.value(QStringLiteral("protocol")).toInt();
    r.os = o.value(QStringLiteral("os")).toString();
    r.arch = o.value(QStringLiteral("arch")).toString();
    r.size = o.value(QStringLiteral("size")).toInteger();
    r.sha256 = o.value(QStringLiteral("sha256")).toString();
    r.uploadedBy = o.value(QStringLiteral("uploaded_by")).toString();
    r.builtIn = o.value(QStringLiteral("built_in")).toBool();
    r.createdAt =
        QDateTime::fromString(o.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs);
    return r;
}

AgentRollout agentRollout(const QJsonObject &o)
{
    AgentRollout r;
    r.success = ids(o.value(QStringLiteral("success")));
    r.failure = ids(o.value(QStringLiteral("failure")));
    r.offline = ids(o.value(QStringLiteral("offline")));
    r.missing = ids(o.value(QStringLiteral("missing")));
    r.skipped = ids(o.value(QStringLiteral("skipped")));
    const QJsonObject errors = o.value(QStringLiteral("errors")).toObject();
    for (auto it = errors.begin(); it != errors.end(); ++it) {
        const QJsonObject e = it.value().toObject();
        r.errors.insert(it.key(), {e.value(QStringLiteral("code")).toString(),
                                   e.value(QStringLiteral("reason")).toString(),
                                   e.value(QStringLiteral("message")).toString()});
    }
    for (const QJsonValue stage : o.value(QStringLiteral("stages")).toArray())
        r.stages.append(ids(stage));
    r.version = o.value(QStringLiteral("version")).toString();
    return r;
}

} // namespace json

void AgentReleasesApi::releases(Callback<QList<AgentRelease>> done)
{
    m_client.call<QList<AgentRelease>>(
        ApiRequest::get(kReleasesPath),
        [](const ApiResponse &r) {
            QList<AgentRelease> out;
            for (const QJsonValue v :
                 r.data.toObject().value(QStringLiteral("items")).toArray())
                out.append(json::agentRelease(v.toObject()));
            return out;
        },
        std::move(done));
}

void AgentReleasesApi::upgradeNodes(const QStringList &nodeIds, const QString &releaseId,
                                    int sharePercent, Callback<AgentRollout> done)
{
    QJsonObject body{{QStringLiteral("node_ids"), QJsonArray::fromStringList(nodeIds)},
                     {QStringLiteral("share"), sharePercent}};
    if (!releaseId.isEmpty())
        body.insert(QStringLiteral("release_id"), releaseId);
    ApiRequest request = ApiRequest::post(QStringLiteral("/api/v1/agents/upgrade"), body);
    request.timeoutMs = kRolloutTimeoutMs;
    m_client.call<AgentRollout>(
        request, [](const ApiResponse &r) { return json::agentRollout(r.data.toObject()); },
        std::move(done));
}

ReleaseUpload::ReleaseUpload(ApiClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{}

ReleaseUpload::~ReleaseUpload()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ReleaseUpload::start(const QString &path, const QString &version, Callback<AgentRelease> done)
{
    if (m_reply || !m_client) {
        done(Error{ErrorCode::Conflict, QStringLiteral("an upload is running already")});
        return;
    }
    m_file = std::make_unique<QFile>(path);
    if (!m_file->open(QIODevice::ReadOnly)) {
        done(Error{ErrorCode::IoError, m_file->errorString(),
                   QJsonObject{{QStringLiteral("code"), QStringLiteral("LOCAL_READ_FAILED")}}});
        m_file.reset();
        return;
    }
    m_done = std::move(done);
    m_tlsRefusal.reset();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("version"), version);
    QNetworkRequest request =
        rawRequest(*m_client, rawRequestUrl(*m_client, kReleasesPath, query), kUploadIdleTimeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/octet-stream"));
    request.setHeader(QNetworkRequest::ContentLengthHeader, m_file->size());
    m_reply = m_network.post(request, m_file.get());
    watchRawReplyTls(this, m_client, m_reply, &m_tlsRefusal);
    const qint64 total = m_file->size();
    connect(m_reply, &QNetworkReply::uploadProgress, this,
            [this, total](qint64 sent, qint64) { emit progress(qMin(sent, total), total); });
    connect(m_reply, &QNetworkReply::finished, this, &ReleaseUpload::answered);
    emit progress(0, total);
}

void ReleaseUpload::cancel()
{
    if (m_reply)
        m_reply->abort();
}

void ReleaseUpload::answered()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    m_file.reset();
    Callback<AgentRelease> done = std::move(m_done);
    m_done = {};
    const QByteArray body = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_tlsRefusal)
        return done(*m_tlsRefusal);
    if (reply->error() == QNetworkReply::OperationCanceledError && status == 0)
        return done(Error{ErrorCode::NetworkError, QStringLiteral("the upload was cancelled"),
                          QJsonObject{{QStringLiteral("code"), QStringLiteral("CANCELLED")}}});
    const auto answer = readEnvelope(status, body, reply->error(), reply->errorString(),
                                     QString::fromLatin1(reply->rawHeader("X-Request-Id")));
    if (!answer)
        return done(answer.error());
    done(json::agentRelease(answer.value().data.toObject()));
}

} // namespace hm::client
