#pragma once

// An HTTP/1.1 response read from the Docker Engine socket, parsed by hand
// (the agent links no HTTP client for a unix socket): the status line, the
// headers, then a body sized by Content-Length, sent chunked, or running
// to the end of the connection. Everything is bounded: the head at 64 KiB,
// the body at `maxBody` (beyond it the parser stops with `truncated`, and
// the caller decides whether a cut body is useful, as logs are, or an
// error). Pure: bytes in, state out, for tests/agent.

#include <QByteArray>
#include <QHash>
#include <QString>
#include <utility>

namespace hm::agent {

class DockerHttpParser
{
public:
    static constexpr qsizetype kMaxHeadBytes = 64 * 1024;

    enum class State { Head, Body, Done, Failed };

    explicit DockerHttpParser(qsizetype maxBody) : m_maxBody(maxBody) {}

    // Feeds more bytes; returns the state after them.
    State feed(const QByteArray &bytes);
    // The peer closed the connection: a body "to the end" is complete then.
    State finish();

    State state() const { return m_state; }
    int status() const { return m_status; }
    // Header names in lower case.
    QString header(const QByteArray &name) const { return m_headers.value(name); }
    const QByteArray &body() const { return m_body; }
    // The body parsed so far, handed over: a stream that never ends (logs
    // followed) takes it after each feed, so `maxBody` bounds what one
    // feed may add rather than the whole answer.
    QByteArray takeBody()
    {
        m_bodyTaken += m_body.size();
        return std::exchange(m_body, QByteArray());
    }
    bool truncated() const { return m_truncated; }
    const QString &failure() const { return m_failure; }

private:
    State fail(const QString &why);
    State parseHead();
    State parseBody();
    State appendBody(const QByteArray &bytes);

    qsizetype m_maxBody;
    State m_state = State::Head;
    QByteArray m_pending; // bytes not parsed yet
    int m_status = 0;
    QHash<QByteArray, QString> m_headers;
    bool m_chunked = false;
    qint64 m_contentLength = -1; // -1: to the end of the connection
    qint64 m_chunkLeft = -1;     // -1: a chunk-size line comes next
    QByteArray m_body;
    qint64 m_bodyTaken = 0; // handed over by takeBody()
    bool m_truncated = false;
    QString m_failure;
};

} // namespace hm::agent
