#pragma once

#include "common/Error.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <optional>

class QNetworkReply;

namespace hm::client {

class ApiClient;

// A container's log followed live (docs/api.md "Node Docker",
// GET …/containers/{cid}/logs/follow): the chunked answer read as it
// arrives and handed on in whole lines. The reply's read buffer is
// bounded, so a console that cannot keep up stops reading and the server
// and agent slow down with it (they hold nothing more). Lines are cut at
// kMaxLineBytes; control characters other than tab become U+FFFD, so
// nothing a process printed reaches the screen as a control. Its own
// connection with the client's credential and TLS policy (ApiClient keeps
// whole answers in memory), without a transfer timeout: a quiet container
// is not a failure.
class ContainerLogFollow final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kReadBufferBytes = 64 * 1024;
    static constexpr qsizetype kMaxLineBytes = 16 * 1024;

    explicit ContainerLogFollow(ApiClient *client, QObject *parent = nullptr);
    ~ContainerLogFollow() override;

    // The last `tail` lines, then the live ones. Stops a follow under way.
    void start(const QString &nodeId, const QString &container, int tail);
    // Closes the stream (the server tells the agent); no signal follows.
    void stop();
    bool isRunning() const { return !m_reply.isNull(); }
    QString container() const { return m_container; }

signals:
    void linesArrived(const QStringList &lines);
    // The log ended: the container stopped, or the server's bounds (time
    // without a line, size) were reached.
    void ended();
    void failed(const hm::Error &error);

private:
    void readBytes();
    void answered(QNetworkReply *reply);

    QPointer<ApiClient> m_client;
    QNetworkAccessManager m_network;
    QPointer<QNetworkReply> m_reply;
    QString m_container;
    QByteArray m_partial;   // a line not ended yet
    QByteArray m_errorBody; // an error envelope (bounded)
    std::optional<Error> m_tlsRefusal;
};

} // namespace hm::client
