#include "agent/HttpProbeCheck.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrl>

namespace hm::agent {

namespace {

bool httpStatusIsUp(int status, int expected)
{
    if (expected != 0)
        return status == expected;
    return status >= 200 && status < 400;
}

constexpr double kMsPerDay = 24.0 * 60 * 60 * 1000;

} // namespace

HttpProbeCheck::HttpProbeCheck(fleet::ProbeTarget probe, QNetworkAccessManager &network)
    : m_probe(std::move(probe)), m_network(network)
{
    m_result.id = m_probe.id;
}

HttpProbeCheck::~HttpProbeCheck()
{
    // Deleted by the runner's timeout while in flight: abort, say nothing.
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void HttpProbeCheck::start()
{
    QNetworkRequest request(QUrl(m_probe.target));
    // A probe that expects a 3xx checks the redirect itself: following it
    // would judge the page behind it instead.
    const bool expectsRedirect = m_probe.expectedStatus >= 300 && m_probe.expectedStatus < 400;
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         expectsRedirect ? QNetworkRequest::ManualRedirectPolicy
                                         : QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(kMaxProbeRedirects);
    // Every run measures a fresh connection (and sees the certificate):
    // a kept-alive one would hide a server that stopped accepting.
    request.setRawHeader("Connection", "close");
    // HTTP/1.1 only: "Connection" has no place in HTTP/2, and one
    // protocol keeps the latency comparable between runs.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setRawHeader("User-Agent", "hivemind-agent probe");
    m_clock.start();
    m_reply = m_network.get(request);
    m_reply->setReadBufferSize(64 * 1024);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpProbeCheck::readBody);
    // The keyword belongs to the final page, not to a redirect's body.
    connect(m_reply, &QNetworkReply::redirected, this, [this] { m_body.clear(); });
    connect(m_reply, &QNetworkReply::encrypted, this, &HttpProbeCheck::noteCertificate);
    connect(m_reply, &QNetworkReply::sslErrors, this, [this] {
        noteCertificate();
        if (!m_probe.tlsVerify)
            m_reply->ignoreSslErrors();
    });
    connect(m_reply, &QNetworkReply::finished, this, &HttpProbeCheck::complete);
}

void HttpProbeCheck::noteCertificate()
{
    const QSslCertificate leaf = m_reply->sslConfiguration().peerCertificate();
    if (leaf.isNull())
        return;
    const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(leaf.expiryDate());
    m_result.certDays = double(ms) / kMsPerDay;
}

void HttpProbeCheck::readBody()
{
    if (!m_reply || m_bodyFull)
        return;
    m_body += m_reply->read(kMaxProbeBodyBytes - m_body.size());
    if (m_body.size() < kMaxProbeBodyBytes)
        return;
    // Enough to decide: a probe is no download.
    m_bodyFull = true;
    complete();
}

void HttpProbeCheck::complete()
{
    if (std::exchange(m_done, true))
        return;
    readBody();
    const QVariant statusAttribute = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QNetworkReply::NetworkError error = m_reply->error();
    // Below 200 the request failed on the way (refused, reset, TLS, too many
    // or insecure redirects); from 200 on Qt names an HTTP status, which the
    // status comparison judges.
    const bool transportOk = m_bodyFull || error == QNetworkReply::NoError || int(error) >= 200;
    if (statusAttribute.isValid()) {
        m_result.status = statusAttribute.toInt();
        m_result.latencyMs = double(m_clock.nsecsElapsed()) / 1e6;
    }
    const bool keywordOk = m_probe.keyword.isEmpty() || m_body.contains(m_probe.keyword.toUtf8());
    m_result.up = transportOk && m_result.status &&
                  httpStatusIsUp(*m_result.status, m_probe.expectedStatus) && keywordOk;
    m_reply->disconnect(this);
    if (m_reply->isRunning())
        m_reply->abort();
    m_reply->deleteLater();
    m_reply = nullptr;
    emit finished(m_result);
}

ProbeResult HttpProbeCheck::timedOut() const
{
    ProbeResult result = m_result;
    result.up = false;
    result.latencyMs.reset();
    return result;
}

} // namespace hm::agent
