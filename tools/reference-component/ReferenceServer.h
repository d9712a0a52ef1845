#pragma once

// The HTTP side of the reference component: /execute, /cancel, /health,
// /interface, plus /stats so tests can see what arrived.

#include <QHash>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <map>
#include <memory>

namespace refcomp {

class ReferenceServer
{
public:
    ReferenceServer();
    // 0 on failure.
    quint16 listen(const QHostAddress &address, quint16 port);

private:
    // A request being answered later (sleep, blob calls). The socket is
    // watched because QHttpServerResponder keeps a raw pointer to it and
    // the engine may hang up first (cancel, timeout).
    struct Pending
    {
        std::unique_ptr<QHttpServerResponder> responder;
        QPointer<QTcpSocket> socket;
        std::unique_ptr<QTimer> timer;
    };

    void execute(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void cancel(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    QJsonObject stats() const;

    void runSleep(const QString &key, const QJsonObject &job, QHttpServerResponder &&responder);
    void runFail(const QString &key, const QJsonObject &job, QHttpServerResponder &&responder);
    void runBlobSize(const QString &key, const QJsonObject &job, QHttpServerResponder &&responder);
    void runMakeBlob(const QString &key, const QJsonObject &job, QHttpServerResponder &&responder);

    // Parks a responder under `key` until complete() is called.
    void park(const QString &key, QHttpServerResponder &&responder);
    // Answers a parked request if the engine is still listening.
    void complete(const QString &key, const QJsonObject &body, int httpStatus = 200);

    QHttpServer m_http;
    QNetworkAccessManager m_network;
    std::map<QString, Pending> m_pending; // "<execution_id>/<node_id>"
    QHash<QString, int> m_requestCount;   // same key: /execute calls seen
    QJsonArray m_cancelled;
    QJsonArray m_requests;
    int m_executed = 0;
    QString m_healthStatus = QStringLiteral("healthy");
};

} // namespace refcomp
