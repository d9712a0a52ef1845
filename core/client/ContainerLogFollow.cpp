#include "client/ContainerLogFollow.h"

#include "client/ApiClient.h"
#include "client/ApiError.h"
#include "client/RawRequest.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>
#include <QUrlQuery>

namespace hm::client {

namespace {

constexpr qsizetype kMaxErrorBody = 64 * 1024;

// Printable text of one line: invalid UTF-8 and control characters (but
// tab) become U+FFFD.
QString lineText(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes);
    if (text.endsWith(u'\r'))
        text.chop(1);
    for (QChar &c : text) {
        if (c != u'\t' && c.category() == QChar::Other_Control)
            c = QChar(QChar::ReplacementCharacter);
    }
    return text;
}

} // namespace

ContainerLogFollow::ContainerLogFollow(ApiClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{}

ContainerLogFollow::~ContainerLogFollow()
{
    stop();
}

void ContainerLogFollow::start(const QString &nodeId, const QString &container, int tail)
{
    stop();
    if (!m_client)
        return;
    m_container = container;
    m_partial.clear();
    m_errorBody.clear();
    m_tlsRefusal.reset();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("tail"), QString::number(tail));
    const QUrl url = rawRequestUrl(*m_client,
                                   QStringLiteral("/api/v1/nodes/") + nodeId +
                                       QStringLiteral("/docker/containers/") + container +
                                       QStringLiteral("/logs/follow"),
                                   query);
    QNetworkRequest request = rawRequest(*m_client, url, 0);
    request.setRawHeader("Accept", "text/plain, application/json");
    QNetworkReply *reply = m_network.get(request);
    reply->setReadBufferSize(kReadBufferBytes);
    m_reply = reply;
    watchRawReplyTls(this, m_client, reply, &m_tlsRefusal);
    connect(reply, &QNetworkReply::readyRead, this, &ContainerLogFollow::readBytes);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { answered(reply); });
}

void ContainerLogFollow::stop()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void ContainerLogFollow::readBytes()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 200 || status >= 300) {
        m_errorBody += reply->read(kMaxErrorBody - m_errorBody.size());
        reply->readAll();
        return;
    }
    QStringList lines;
    while (reply->bytesAvailable() > 0) {
        m_partial += reply->read(kReadBufferBytes);
        qsizetype from = 0;
        for (;;) {
            const qsizetype newline = m_partial.indexOf('\n', from);
            if (newline < 0)
                break;
            lines.append(lineText(m_partial.sliced(from, newline - from)));
            from = newline + 1;
        }
        m_partial.remove(0, from);
        // A line without an end in sight: shown in pieces, not kept.
        while (m_partial.size() > kMaxLineBytes) {
            lines.append(lineText(m_partial.first(kMaxLineBytes)));
            m_partial.remove(0, kMaxLineBytes);
        }
    }
    if (!lines.isEmpty())
        emit linesArrived(lines);
}

void ContainerLogFollow::answered(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    readBytes();
    m_reply = nullptr;
    if (m_tlsRefusal)
        return emit failed(*m_tlsRefusal);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300) {
        if (!m_partial.isEmpty())
            emit linesArrived({lineText(std::exchange(m_partial, QByteArray()))});
        return emit ended();
    }
    const auto read = readEnvelope(status, m_errorBody, reply->error(), reply->errorString(),
                                   QString::fromLatin1(reply->rawHeader("X-Request-Id")));
    if (read)
        return emit failed(Error{ErrorCode::NetworkError,
                                 QStringLiteral("the log stream broke off")});
    emit failed(read.error());
}

} // namespace hm::client
