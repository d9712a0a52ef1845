#pragma once

// Shared by the engine's HTTP tests: the reference component as a child
// process, blocking-free JSON calls, and a collector for NodeDone.

#include "engine/NodeExecutor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QUrl>
#include <optional>

namespace hm::test {

class ReferenceComponent
{
public:
    ~ReferenceComponent()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }

    // Starts it on a free loopback port; empty URL if it did not come up.
    // `extraArgs`: e.g. {"--component-version", "2.0.0"}.
    QUrl start(const QStringList &extraArgs = {})
    {
        m_process.setProgram(QString::fromUtf8(HIVEMIND_BIN_DIR "/hivemind-reference-component"));
        m_process.setArguments(QStringList{QStringLiteral("--listen"),
                                           QStringLiteral("127.0.0.1:0"),
                                           QStringLiteral("--exit-with-parent")} +
                               extraArgs);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return {};
        static const QRegularExpression listening(QStringLiteral("listening on (\\S+)"));
        QSignalSpy output(&m_process, &QProcess::readyReadStandardOutput);
        for (int i = 0; i < 20; ++i) {
            m_stdout += m_process.readAllStandardOutput();
            const auto match = listening.match(QString::fromUtf8(m_stdout));
            if (match.hasMatch())
                return m_url = QUrl(match.captured(1));
            if (m_process.state() == QProcess::NotRunning)
                break;
            output.wait(1000);
        }
        return {};
    }

    QUrl url() const { return m_url; }
    QUrl url(const QString &path) const
    {
        QUrl u = m_url;
        u.setPath(path);
        return u;
    }

private:
    QProcess m_process;
    QByteArray m_stdout;
    QUrl m_url;
};

struct JsonReply
{
    int status = 0;
    QJsonDocument document;
    QByteArray body;
};

inline JsonReply sendJson(QNetworkAccessManager &network, const QByteArray &verb, const QUrl &url,
                          const QByteArray &body = {})
{
    QNetworkRequest request(url);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    QNetworkReply *reply = network.sendCustomRequest(request, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(15000);
    JsonReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.document = QJsonDocument::fromJson(result.body);
    reply->deleteLater();
    return result;
}

inline QJsonObject getObject(QNetworkAccessManager &network, const QUrl &url)
{
    return sendJson(network, "GET", url).document.object();
}

// A port nothing listens on (bound, then released): connecting is refused.
inline quint16 unusedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

// Collects what a run reports; `calls` catches a second report.
struct Collector
{
    std::optional<engine::NodeOutcome> outcome;
    int calls = 0;

    engine::NodeDone callback()
    {
        return [this](engine::NodeOutcome o) {
            ++calls;
            outcome = std::move(o);
        };
    }
};

inline engine::NodeTask task(const QString &component, const QJsonObject &inputs = {},
                             const QString &nodeId = QStringLiteral("n1"),
                             const QString &executionId = QStringLiteral("exec-1"))
{
    engine::NodeTask t;
    t.executionId = executionId;
    t.nodeId = nodeId;
    t.component = component;
    t.version = QStringLiteral("1.0.0");
    t.inputs = inputs;
    return t;
}

// The reference component's records of this (execution, node).
inline QJsonArray entriesFor(const QJsonArray &list, const QString &executionId,
                             const QString &nodeId)
{
    QJsonArray found;
    for (const QJsonValue &v : list) {
        if (v[QStringLiteral("execution_id")].toString() == executionId &&
            v[QStringLiteral("node_id")].toString() == nodeId)
            found.append(v);
    }
    return found;
}

} // namespace hm::test
