#include "agent/DockerLogFollows.h"

#include "agent/DockerEngine.h"
#include "agent/DockerHttpParser.h"
#include "agent/DockerLogs.h"
#include "common/Logging.h"
#include "fleet/DockerLogStream.h"
#include "fleet/DockerNames.h"
#include "fleet/StreamFrame.h"

#include <QJsonObject>
#include <QLocalSocket>
#include <QTimer>
#include <QtEndian>
#include <cmath>

namespace hm::agent {

namespace {

Error followArgError(const QString &field, const QString &message)
{
    return Error{ErrorCode::ValidationError, message,
                 QJsonObject{{QStringLiteral("field"), field}}};
}

} // namespace

// One followed log: the daemon's socket, its HTTP answer parsed as it
// comes, the stdout/stderr framing taken off, and what waits to be sent.
class DockerLogFollows::Follow : public QObject
{
public:
    enum class Framing
    {
        Unknown, // fewer than 8 bytes seen
        Raw,     // a TTY's log: the bytes as they are
        Multiplexed,
    };

    Follow(QObject *parent) : QObject(parent), parser(kReadBytes * 2)
    {
        socket.setReadBufferSize(kSocketBufferBytes);
        openTimer.setSingleShot(true);
    }

    // Adds the log's bytes in `body` to `ready`, without Docker's framing.
    void take(QByteArray body)
    {
        if (framing == Framing::Unknown) {
            head += body;
            if (head.size() < 8)
                return;
            framing = looksMultiplexed(head) ? Framing::Multiplexed : Framing::Raw;
            body = std::exchange(head, QByteArray());
        }
        if (framing == Framing::Raw) {
            ready += body;
            return;
        }
        qsizetype at = 0;
        while (at < body.size()) {
            if (frameLeft == 0) {
                const qsizetype need = 8 - frameHeader.size();
                frameHeader += body.mid(at, need);
                at += std::min(need, body.size() - at);
                if (frameHeader.size() < 8)
                    return;
                frameLeft = qFromBigEndian<quint32>(frameHeader.constData() + 4);
                frameHeader.clear();
                continue;
            }
            const qsizetype n = std::min<qsizetype>(frameLeft, body.size() - at);
            ready.append(body.constData() + at, n);
            at += n;
            frameLeft -= n;
        }
    }

    // The log ended: a short raw log still waiting for its framing goes out.
    void flushHead()
    {
        if (framing == Framing::Unknown)
            ready += std::exchange(head, QByteArray());
    }

    QString container;
    QLocalSocket socket;
    QTimer openTimer;
    DockerHttpParser parser;
    RemoteDispatcher::Reply openReply; // until the daemon's head came
    bool opened = false;
    bool connected = false; // to the daemon's socket, for the log
    bool ended = false; // the daemon's answer is complete (or the socket closed)
    Framing framing = Framing::Unknown;
    QByteArray head;        // the first bytes, until the framing is known
    QByteArray frameHeader; // a multiplexed frame's header, when cut
    quint32 frameLeft = 0;  // payload bytes of the current frame still to come
    QByteArray ready;       // to send (at most one read's worth)
    qint64 unacked = 0;
    qint64 sent = 0;
};

DockerLogFollows::DockerLogFollows(QString socketPath, SendFrame send, QObject *parent)
    : QObject(parent), m_socketPath(std::move(socketPath)), m_send(std::move(send)),
      m_engine(m_socketPath)
{}

// The follows' sockets (children, deleted after the members) must not
// reach this object's slots on their way out.
DockerLogFollows::~DockerLogFollows()
{
    closeAll();
}

void DockerLogFollows::addHandlers(RemoteDispatcher &dispatcher)
{
    const QString docker = QStringLiteral("docker");
    dispatcher.addHandler(docker, QStringLiteral("logs_follow"),
                          [this](const QJsonObject &args, const RemoteDispatcher::Reply &reply) {
                              open(args, reply);
                          });
    dispatcher.addHandler(
        docker, QStringLiteral("logs_close"),
        [this](const QJsonObject &args, const RemoteDispatcher::Reply &reply) {
            const QJsonValue value = args.value(QStringLiteral("channel"));
            const double number = value.toDouble(-1);
            if (!value.isDouble() || number != std::floor(number) || number < 0 ||
                number > 4294967295.0)
                return reply(followArgError(QStringLiteral("channel"),
                                            QStringLiteral("channel must be a channel number")));
            const auto it = m_follows.find(quint32(number));
            const bool found = it != m_follows.end() && it->second->opened;
            if (found) {
                qCInfo(lcAgent).noquote()
                    << QStringLiteral("docker log of %1 closed by the server after %2 bytes")
                           .arg(it->second->container)
                           .arg(it->second->sent);
                drop(it->first);
            }
            reply(QJsonObject{{QStringLiteral("closed"), found}});
        });
}

void DockerLogFollows::open(const QJsonObject &args, const RemoteDispatcher::Reply &reply)
{
    const QJsonValue containerValue = args.value(QStringLiteral("container"));
    auto container = fleet::dockerContainerRef(containerValue.isString() ? containerValue.toString()
                                                                         : QString());
    if (!container)
        return reply(container.error());
    const QJsonValue tailValue = args.value(QStringLiteral("tail"));
    const double tail = tailValue.isUndefined() ? 200 : tailValue.toDouble(-1);
    if (!(tailValue.isUndefined() || tailValue.isDouble()) || tail != std::floor(tail) ||
        tail < 0 || tail > kMaxTail)
        return reply(followArgError(
            QStringLiteral("tail"),
            QStringLiteral("tail must be a whole number from 0 to %1").arg(kMaxTail)));
    if (int(m_follows.size()) >= kMaxFollows)
        return reply(Error{ErrorCode::RateLimitExceeded,
                           QStringLiteral("%1 container logs are followed already").arg(kMaxFollows)});

    const quint32 channel = fleet::kDockerLogChannelBits | m_nextChannel;
    m_nextChannel = m_nextChannel % 0x3fffffffu + 1;
    auto *f = new Follow(this);
    f->container = container.value();
    f->openReply = reply;
    m_follows.emplace(channel, f);

    const QByteArray request =
        "GET " + DockerEngine::kApiVersion + dockerContainerPath(container.value()) +
        "/logs?follow=1&stdout=1&stderr=1&timestamps=1&tail=" + QByteArray::number(qint64(tail)) +
        " HTTP/1.1\r\nHost: docker\r\nUser-Agent: hivemind-agent\r\nConnection: close\r\n\r\n";
    connect(&f->socket, &QLocalSocket::connected, f, [f, request] {
        f->connected = true;
        f->socket.write(request);
    });
    connect(&f->socket, &QLocalSocket::readyRead, this, [this, channel] { pump(channel); });
    connect(&f->socket, &QLocalSocket::disconnected, this, [this, channel] {
        const auto it = m_follows.find(channel);
        if (it == m_follows.end())
            return;
        if (it->second->parser.state() == DockerHttpParser::State::Head ||
            it->second->parser.state() == DockerHttpParser::State::Body) {
            // What is buffered is still read (within the credit); the end of
            // the connection ends a body "to the end".
            it->second->ended = true;
        }
        pump(channel);
    });
    connect(&f->socket, &QLocalSocket::errorOccurred, this,
            [this, channel](QLocalSocket::LocalSocketError error) {
                const auto it = m_follows.find(channel);
                if (it == m_follows.end() || error == QLocalSocket::PeerClosedError)
                    return;
                Follow *follow = it->second;
                if (follow->connected)
                    return; // `disconnected` ends it
                if (follow->opened) // on the container's answer; the log never came
                    return breakOff(channel, QStringLiteral("the daemon is not reachable: %1")
                                                 .arg(follow->socket.errorString()));
                const RemoteDispatcher::Reply answer = std::move(follow->openReply);
                const QString why = follow->socket.errorString();
                drop(channel);
                answer(Error{ErrorCode::ServiceUnavailable,
                             QStringLiteral("the Docker daemon is not reachable at %1: %2")
                                 .arg(m_socketPath, why),
                             QJsonObject{{QStringLiteral("code"),
                                          QStringLiteral("DOCKER_UNAVAILABLE")}}});
            });
    connect(&f->openTimer, &QTimer::timeout, this, [this, channel] {
        const auto it = m_follows.find(channel);
        if (it == m_follows.end() || it->second->opened)
            return;
        const RemoteDispatcher::Reply answer = std::move(it->second->openReply);
        drop(channel);
        answer(Error{ErrorCode::Timeout,
                     QStringLiteral("the Docker daemon did not answer in time")});
    });
    f->openTimer.start(kOpenTimeoutMs);
    f->socket.connectToServer(m_socketPath);

    // Podman sends the log's head only with its first line: a quiet
    // container's follow would wait for it until the open timed out. The
    // container asked for at the same time opens the stream as soon as it
    // is known to exist; Docker's head (sent at once) usually comes first.
    m_engine.request("GET", dockerContainerPath(container.value(), "/json"), {}, kInspectMaxBody,
                     [this, channel](Result<DockerResponse> outcome) {
                         // A follow that went is out of the map at once
                         // (its channel is never reused meanwhile).
                         const auto it = m_follows.find(channel);
                         if (it == m_follows.end() || it->second->opened)
                             return;
                         if (outcome && outcome->status < 400)
                             return markOpened(channel);
                         const RemoteDispatcher::Reply answer = std::move(it->second->openReply);
                         drop(channel);
                         answer(outcome ? dockerApiError(outcome.value()) : outcome.error());
                     });
}

void DockerLogFollows::breakOff(quint32 channel, const QString &why)
{
    qCWarning(lcAgent).noquote()
        << QStringLiteral("docker log of %1: %2").arg(m_follows.at(channel)->container, why);
    m_send(fleet::serialize(fleet::streamEnd(channel, fleet::kDockerLogFailed, 0)));
    drop(channel);
}

void DockerLogFollows::markOpened(quint32 channel)
{
    Follow &f = *m_follows.at(channel);
    f.opened = true;
    f.openTimer.stop();
    const RemoteDispatcher::Reply answer = std::move(f.openReply);
    answer(QJsonObject{{QStringLiteral("channel"), qint64(channel)},
                       {QStringLiteral("container"), f.container}});
}

void DockerLogFollows::pump(quint32 channel)
{
    const auto it = m_follows.find(channel);
    if (it == m_follows.end())
        return;
    Follow &f = *it->second;
    for (;;) {
        // What is ready goes out within the credit first.
        while (f.opened && !f.ready.isEmpty() && f.unacked < fleet::kDockerLogWindow) {
            const qsizetype n =
                std::min({fleet::kMaxDockerLogPayload, f.ready.size(),
                          qsizetype(fleet::kDockerLogWindow - f.unacked)});
            m_send(fleet::serialize(fleet::streamData(channel, f.ready.first(n))));
            f.ready.remove(0, n);
            f.unacked += n;
            f.sent += n;
        }
        if (!f.ready.isEmpty())
            return; // the server's credit comes back in onFrame
        const DockerHttpParser::State state = f.parser.state();
        if (state == DockerHttpParser::State::Done || state == DockerHttpParser::State::Failed)
            break;
        if (f.socket.bytesAvailable() <= 0) {
            if (!f.ended)
                return; // readyRead comes back here
            f.parser.finish();
            if (f.parser.state() == DockerHttpParser::State::Head)
                break;
        } else {
            f.parser.feed(f.socket.read(kReadBytes));
        }
        if (f.parser.state() == DockerHttpParser::State::Head)
            continue;
        if (f.parser.state() == DockerHttpParser::State::Failed)
            break;
        if (f.parser.status() >= 400) {
            // The daemon's refusal (no such container) is small: wait for
            // all of it.
            if (f.parser.state() != DockerHttpParser::State::Done)
                continue;
            DockerResponse response;
            response.status = f.parser.status();
            response.body = f.parser.takeBody();
            const Error refusal = dockerApiError(response);
            if (!f.opened) {
                const RemoteDispatcher::Reply answer = std::move(f.openReply);
                drop(channel);
                return answer(refusal);
            }
            // Opened on the container's answer, refused since (removed in
            // between): the stream ends as broken, the refusal is no log.
            return breakOff(channel,
                            QStringLiteral("refused by the daemon: %1").arg(refusal.message));
        }
        if (!f.opened) {
            markOpened(channel);
            if (m_follows.find(channel) == m_follows.end())
                return;
        }
        f.take(f.parser.takeBody());
    }

    // The daemon's answer is over (or broke off).
    const bool failed = f.parser.state() != DockerHttpParser::State::Done;
    if (!f.opened) {
        const RemoteDispatcher::Reply answer = std::move(f.openReply);
        const QString why = f.parser.failure().isEmpty()
                                ? QStringLiteral("the connection closed before an answer")
                                : f.parser.failure();
        drop(channel);
        return answer(Error{ErrorCode::ServiceUnavailable,
                            QStringLiteral("the Docker daemon's log answer is broken: %1").arg(why),
                            QJsonObject{{QStringLiteral("code"), QStringLiteral("DOCKER_ERROR")}}});
    }
    f.take(f.parser.takeBody());
    f.flushHead();
    if (!f.ready.isEmpty()) {
        // The last bytes still go within the credit; the end follows them.
        f.ended = true;
        while (!f.ready.isEmpty() && f.unacked < fleet::kDockerLogWindow) {
            const qsizetype n =
                std::min({fleet::kMaxDockerLogPayload, f.ready.size(),
                          qsizetype(fleet::kDockerLogWindow - f.unacked)});
            m_send(fleet::serialize(fleet::streamData(channel, f.ready.first(n))));
            f.ready.remove(0, n);
            f.unacked += n;
            f.sent += n;
        }
        if (!f.ready.isEmpty())
            return;
    }
    qCInfo(lcAgent).noquote() << QStringLiteral("docker log of %1 ended after %2 bytes%3")
                                     .arg(f.container)
                                     .arg(f.sent)
                                     .arg(failed ? QStringLiteral(" (broken off)") : QString());
    m_send(fleet::serialize(
        fleet::streamEnd(channel, failed ? fleet::kDockerLogFailed : fleet::kDockerLogEnded, 0)));
    drop(channel);
}

void DockerLogFollows::drop(quint32 channel)
{
    const auto it = m_follows.find(channel);
    if (it == m_follows.end())
        return;
    Follow *f = it->second;
    m_follows.erase(it);
    f->openTimer.stop();
    f->socket.disconnect(this);
    f->socket.abort();
    f->deleteLater();
}

void DockerLogFollows::onFrame(const QByteArray &bytes)
{
    if (bytes.size() < 5 || (quint8(bytes.at(1)) & 0xC0) != 0xC0)
        return; // a terminal's or a file's channel
    auto frame = fleet::parseStreamFrame(bytes);
    if (!frame || frame->kind != fleet::StreamFrame::Kind::Credit)
        return;
    const auto it = m_follows.find(frame->channel);
    if (it == m_follows.end())
        return;
    it->second->unacked = std::max<qint64>(0, it->second->unacked - frame->credit);
    pump(frame->channel);
}

void DockerLogFollows::closeAll()
{
    while (!m_follows.empty())
        drop(m_follows.begin()->first);
}

} // namespace hm::agent
