#pragma once

// Agent releases and batch upgrades for the console (issue 38 item 9;
// docs/api.md "Agent releases"): the builds the server offers, an upload
// streamed from disk with progress, and a staged rollout over many nodes.
// Administrators list and upload; upgrades need the `upgrade` grant and a
// recent re-authentication (REAUTHENTICATION_REQUIRED otherwise).

#include "client/ApiTypes.h"
#include "common/Error.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

class QNetworkReply;

namespace hm::client {

class ApiClient;

struct AgentRelease
{
    QString id;
    QString version;
    int protocol = 0;
    QString os;
    QString arch;
    qint64 size = 0;
    QString sha256; // lower-case hex
    QString uploadedBy; // user id; empty for the built-in release
    bool builtIn = false;
    QDateTime createdAt;
};

// Why one node's upgrade failed: the catalogue code, details.code, words.
struct RolloutError
{
    QString code;
    QString reason;
    QString message;
};

// A batch's answer, or one node's end as it comes (agent_upgrade_finished).
struct AgentRollout
{
    QStringList success, failure, offline, missing, skipped;
    QHash<QString, RolloutError> errors;
    QList<QStringList> stages;
    QString version;
};

namespace json {
AgentRelease agentRelease(const QJsonObject &o);
AgentRollout agentRollout(const QJsonObject &o);
} // namespace json

class AgentReleasesApi
{
public:
    explicit AgentReleasesApi(ApiClient &client) : m_client(client) {}

    // Newest first.
    void releases(Callback<QList<AgentRelease>> done);
    // `releaseId` empty: the latest; `sharePercent` the second stage's share.
    void upgradeNodes(const QStringList &nodeIds, const QString &releaseId, int sharePercent,
                      Callback<AgentRollout> done);

private:
    ApiClient &m_client;
};

// Uploads one build from a file: the bytes are streamed from disk (never
// whole in memory) on this object's own connection with the client's
// credential and TLS policy, as FileTransfer does; progress as they go.
class ReleaseUpload final : public QObject
{
    Q_OBJECT

public:
    explicit ReleaseUpload(ApiClient *client, QObject *parent = nullptr);
    ~ReleaseUpload() override;

    // Refuses at once (done with the error) when the file cannot be read.
    void start(const QString &path, const QString &version, Callback<AgentRelease> done);
    void cancel();
    bool isRunning() const { return m_reply != nullptr; }

signals:
    void progress(qint64 sent, qint64 total);

private:
    void answered();

    QPointer<ApiClient> m_client;
    QNetworkAccessManager m_network;
    std::unique_ptr<QFile> m_file;
    QNetworkReply *m_reply = nullptr;
    Callback<AgentRelease> m_done;
    std::optional<Error> m_tlsRefusal;
};

} // namespace hm::client
