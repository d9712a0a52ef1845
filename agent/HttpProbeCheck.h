#pragma once

// An http/https probe: one HTTP/1.1 GET on a fresh connection, at most
// kMaxProbeRedirects redirects followed (never from https to http; none
// when the expected status is itself a 3xx), at most kMaxProbeBodyBytes of
// the body read for the keyword. Up when the final status is the expected
// one (any 2xx/3xx when expectedStatus is 0) and the keyword, if any, is
// in what was read. Latency runs until the response is complete (or the
// body bound is reached). With tlsVerify false certificate errors are
// ignored; cert_days comes from the leaf certificate either way.

#include "agent/ProbeCheck.h"

#include <QElapsedTimer>
#include <QPointer>

class QNetworkReply;

namespace hm::agent {

inline constexpr int kMaxProbeRedirects = 5;
inline constexpr qint64 kMaxProbeBodyBytes = 1024 * 1024;

class HttpProbeCheck : public ProbeCheck
{
    Q_OBJECT
public:
    HttpProbeCheck(fleet::ProbeTarget probe, QNetworkAccessManager &network);
    ~HttpProbeCheck() override;
    void start() override;
    ProbeResult timedOut() const override;

private:
    void readBody();
    void noteCertificate();
    void complete();

    fleet::ProbeTarget m_probe;
    QNetworkAccessManager &m_network;
    QPointer<QNetworkReply> m_reply;
    QElapsedTimer m_clock;
    QByteArray m_body;
    ProbeResult m_result;
    bool m_bodyFull = false;
    bool m_done = false;
};

} // namespace hm::agent
