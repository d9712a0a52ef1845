#include "agent/TerminalSessions.h"

#include "agent/Pty.h"
#include "common/Logging.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace hm::agent {

namespace {

Error terminalArgError(const QString &field, const QString &message)
{
    return Error{ErrorCode::ValidationError, message, QJsonObject{{QStringLiteral("field"), field}}};
}

Result<int> terminalSize(const QJsonObject &args, const QString &field, int fallback)
{
    const QJsonValue value = args.value(field);
    if (value.isUndefined())
        return fallback;
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number != int(number) || number < 1 || number > kMaxPtySize)
        return terminalArgError(field, QStringLiteral("%1 must be 1 to %2").arg(field).arg(kMaxPtySize));
    return int(number);
}

} // namespace

TerminalSessions::TerminalSessions(SendFrame send, QObject *parent)
    : QObject(parent), m_send(std::move(send))
{
}

TerminalSessions::~TerminalSessions() = default;

QStringList TerminalSessions::allowedShells()
{
    QStringList shells;
    QFile file(QStringLiteral("/etc/shells"));
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray &raw : file.readAll().split('\n')) {
            const QString line = QString::fromUtf8(raw).trimmed();
            if (line.startsWith(u'/') && !shells.contains(line))
                shells.append(line);
        }
    }
    if (shells.isEmpty())
        shells = {QStringLiteral("/bin/bash"), QStringLiteral("/bin/sh")};
    return shells;
}

void TerminalSessions::addHandlers(RemoteDispatcher &dispatcher)
{
    const QString capability = QStringLiteral("terminal");
    dispatcher.addHandler(capability, QStringLiteral("open"),
                          [this](const QJsonObject &args, const RemoteDispatcher::Reply &reply) {
                              reply(open(args));
                          });
    dispatcher.addHandler(
        capability, QStringLiteral("resize"),
        [this](const QJsonObject &args, const RemoteDispatcher::Reply &reply) {
            Error error;
            Session *s = session(args, &error);
            if (!s)
                return reply(error);
            auto rows = terminalSize(args, QStringLiteral("rows"), -1);
            auto cols = terminalSize(args, QStringLiteral("cols"), -1);
            if (!rows || !cols || *rows < 0 || *cols < 0)
                return reply(terminalArgError(QStringLiteral("rows"),
                                              QStringLiteral("rows and cols are required")));
            if (Status resized = s->pty->resize(*rows, *cols); !resized)
                return reply(resized.error());
            reply(QJsonObject{{QStringLiteral("rows"), *rows}, {QStringLiteral("cols"), *cols}});
        });
    dispatcher.addHandler(capability, QStringLiteral("close"),
                          [this](const QJsonObject &args, const RemoteDispatcher::Reply &reply) {
                              Error error;
                              Session *s = session(args, &error);
                              if (!s)
                                  return reply(error);
                              s->pty->terminate();
                              reply(QJsonObject{{QStringLiteral("closing"), true}});
                          });
    dispatcher.addHandler(capability, QStringLiteral("cwd"),
                          [this](const QJsonObject &args, const RemoteDispatcher::Reply &reply) {
                              Error error;
                              Session *s = session(args, &error);
                              if (!s)
                                  return reply(error);
                              reply(QJsonObject{{QStringLiteral("working_dir"),
                                                 s->pty->currentWorkingDirectory()}});
                          });
    dispatcher.addHandler(capability, QStringLiteral("list"),
                          [this](const QJsonObject &, const RemoteDispatcher::Reply &reply) {
                              QJsonArray items;
                              for (const auto &[channel, s] : m_sessions)
                                  items.append(QJsonObject{
                                      {QStringLiteral("channel"), qint64(channel)},
                                      {QStringLiteral("pid"), s.pty->pid()},
                                      {QStringLiteral("shell"), s.shell},
                                      {QStringLiteral("bytes_in"), s.bytesIn},
                                      {QStringLiteral("bytes_out"), s.bytesOut}});
                              reply(QJsonObject{{QStringLiteral("sessions"), items}});
                          });
}

Result<QJsonObject> TerminalSessions::open(const QJsonObject &args)
{
    if (m_sessions.size() >= std::size_t(kMaxSessions))
        return Error{ErrorCode::RateLimitExceeded,
                     QStringLiteral("this agent already runs %1 terminals").arg(kMaxSessions),
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("TOO_MANY_SESSIONS")}}};
    const QStringList shells = allowedShells();
    QString shell = args.value(QStringLiteral("shell")).toString();
    if (!args.value(QStringLiteral("shell")).isUndefined()
        && !args.value(QStringLiteral("shell")).isString())
        return terminalArgError(QStringLiteral("shell"), QStringLiteral("shell must be a path"));
    if (shell.isEmpty()) {
        for (const QString &candidate : {QStringLiteral("/bin/bash"), QStringLiteral("/bin/sh")})
            if (shells.contains(candidate) && QFileInfo(candidate).isExecutable()) {
                shell = candidate;
                break;
            }
        if (shell.isEmpty() && !shells.isEmpty())
            shell = shells.first();
    } else if (!shells.contains(shell)) {
        // Only a login shell the machine lists: a terminal request must not
        // become "run any program".
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("%1 is not a shell /etc/shells lists").arg(shell),
                     QJsonObject{{QStringLiteral("field"), QStringLiteral("shell")},
                                 {QStringLiteral("code"), QStringLiteral("SHELL_NOT_ALLOWED")}}};
    }
    const QJsonValue dir = args.value(QStringLiteral("working_dir"));
    if (!dir.isUndefined() && !dir.isString())
        return terminalArgError(QStringLiteral("working_dir"),
                                QStringLiteral("working_dir must be a path"));
    auto rows = terminalSize(args, QStringLiteral("rows"), 24);
    if (!rows)
        return rows.error();
    auto cols = terminalSize(args, QStringLiteral("cols"), 80);
    if (!cols)
        return cols.error();
    PtyOptions options;
    options.program = shell;
    options.workingDirectory = dir.toString();
    options.rows = *rows;
    options.cols = *cols;
    auto pty = Pty::start(options);
    if (!pty)
        return pty.error();
    const quint32 channel = m_nextChannel++;
    Pty *raw = pty.value().get();
    Session &s = m_sessions[channel];
    s.pty = std::move(pty.value());
    s.shell = shell;
    connect(raw, &Pty::readyRead, this, [this, channel] { pump(channel); });
    connect(raw, &Pty::finished, this, [this, channel](int exitCode, int signal) {
        onFinished(channel, exitCode, signal);
    });
    qCInfo(lcAgent).noquote()
        << QStringLiteral("terminal %1 opened: %2, pid %3").arg(channel).arg(shell).arg(raw->pid());
    pump(channel);
    return QJsonObject{{QStringLiteral("channel"), qint64(channel)},
                       {QStringLiteral("pid"), raw->pid()},
                       {QStringLiteral("shell"), shell}};
}

TerminalSessions::Session *TerminalSessions::session(const QJsonObject &args, Error *error)
{
    const double channel = args.value(QStringLiteral("channel")).toDouble(-1);
    const auto it = m_sessions.find(quint32(channel));
    if (channel < 1 || channel != double(quint32(channel)) || it == m_sessions.end()) {
        *error = Error{ErrorCode::ResourceNotFound, QStringLiteral("no such terminal"),
                       QJsonObject{{QStringLiteral("code"), QStringLiteral("SESSION_NOT_FOUND")}}};
        return nullptr;
    }
    return &it->second;
}

void TerminalSessions::pump(quint32 channel)
{
    const auto it = m_sessions.find(channel);
    if (it == m_sessions.end())
        return;
    Session &s = it->second;
    while (s.unacked < fleet::kStreamWindow) {
        const qint64 room = std::min<qint64>(fleet::kMaxStreamPayload,
                                             fleet::kStreamWindow - s.unacked);
        QByteArray chunk = s.pty->read(room);
        if (chunk.isEmpty())
            break;
        s.unacked += chunk.size();
        s.bytesOut += chunk.size();
        m_send(fleet::serialize(fleet::streamData(channel, std::move(chunk))));
    }
    // Out of credit: stop reading, so the program blocks in write().
    s.pty->setReadPaused(s.unacked >= fleet::kStreamWindow);
}

void TerminalSessions::onFrame(const QByteArray &bytes)
{
    auto frame = fleet::parseStreamFrame(bytes);
    if (!frame) {
        qCWarning(lcAgent).noquote() << "bad stream frame from the server:" << frame.error().message;
        return;
    }
    const auto it = m_sessions.find(frame->channel);
    if (it == m_sessions.end())
        return; // ended meanwhile
    if (frame->kind == fleet::StreamFrame::Kind::Credit) {
        it->second.unacked = std::max<qint64>(0, it->second.unacked - frame->credit);
        pump(frame->channel);
    } else if (frame->kind == fleet::StreamFrame::Kind::Data) {
        it->second.bytesIn += frame->data.size();
        // The PTY queues up to 1 MiB for a program that does not read; a
        // console pasting more than that loses the rest, never grows us.
        it->second.pty->write(frame->data);
    }
}

void TerminalSessions::onFinished(quint32 channel, int exitCode, int signal)
{
    const auto it = m_sessions.find(channel);
    if (it == m_sessions.end())
        return;
    // What the program wrote last, as far as the credit allows.
    pump(channel);
    qCInfo(lcAgent).noquote() << QStringLiteral("terminal %1 ended (exit %2, signal %3)")
                                     .arg(channel)
                                     .arg(exitCode)
                                     .arg(signal);
    m_send(fleet::serialize(fleet::streamEnd(channel, exitCode, signal)));
    Pty *pty = it->second.pty.release();
    m_sessions.erase(it);
    pty->deleteLater();
}

void TerminalSessions::closeAll()
{
    for (auto &[channel, s] : m_sessions) {
        Q_UNUSED(channel);
        Pty *pty = s.pty.release();
        disconnect(pty, nullptr, this, nullptr);
        pty->terminate();
        pty->deleteLater(); // its destructor kills what is left of the session
    }
    m_sessions.clear();
}

} // namespace hm::agent
