#include "vpn/bird/BirdControl.h"

#include "vpn/bird/BirdLogging.h"

#include <QDeadlineTimer>
#include <QLocalSocket>

namespace hm::bird {

namespace {

Error birdControlTransport(ErrorCode code, const QString &text)
{
    return Error{code, text};
}

} // namespace

BirdControl::BirdControl(QString socketPath, std::chrono::milliseconds timeout)
    : m_socketPath(std::move(socketPath)), m_timeout(timeout)
{}

BirdControl::~BirdControl()
{
    close();
}

bool BirdControl::isOpen() const
{
    return m_socket && m_socket->state() == QLocalSocket::ConnectedState && !m_reader.failed();
}

void BirdControl::close()
{
    if (m_socket) {
        m_socket->abort();
        m_socket.reset();
    }
    m_reader = BirdReplyReader();
}

Status BirdControl::open()
{
    if (isOpen())
        return {};
    close();
    m_socket = std::make_unique<QLocalSocket>();
    m_socket->connectToServer(m_socketPath);
    if (!m_socket->waitForConnected(int(m_timeout.count()))) {
        const QString why = m_socket->errorString();
        close();
        return birdControlTransport(
            ErrorCode::ServiceUnavailable,
            QStringLiteral("cannot connect to BIRD at %1: %2").arg(m_socketPath, why));
    }
    auto hello = readReply();
    if (!hello)
        return hello.error();
    if (hello->code() != code::Welcome) {
        close();
        return birdControlTransport(ErrorCode::NetworkError,
                                    QStringLiteral("BIRD at %1 greeted with code %2, not 0001")
                                        .arg(m_socketPath)
                                        .arg(hello->code()));
    }
    m_hello = hello->finalText();
    qCDebug(lcBird) << "connected to" << m_socketPath << m_hello;
    return {};
}

Result<BirdReply> BirdControl::readReply()
{
    QDeadlineTimer deadline(m_timeout);
    while (!m_reader.hasReply()) {
        if (m_reader.failed()) {
            const Error e = m_reader.error();
            close();
            return e;
        }
        if (m_socket->bytesAvailable() == 0 &&
            !m_socket->waitForReadyRead(int(deadline.remainingTime()))) {
            const bool timedOut =
                m_socket->error() == QLocalSocket::SocketTimeoutError || deadline.hasExpired();
            const QString why = m_socket->errorString();
            close();
            return timedOut
                       ? birdControlTransport(ErrorCode::Timeout,
                                              QStringLiteral("BIRD did not answer within %1 ms")
                                                  .arg(m_timeout.count()))
                       : birdControlTransport(
                             ErrorCode::NetworkError,
                             QStringLiteral("BIRD closed the control socket: %1").arg(why));
        }
        m_reader.feed(m_socket->readAll());
    }
    for (const QString &s : m_reader.takeSpontaneous())
        qCDebug(lcBird) << "BIRD:" << s;
    return m_reader.takeReply();
}

Result<BirdReply> BirdControl::command(const QString &command)
{
    for (const QChar c : command) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return Error{
                ErrorCode::ValidationError,
                QStringLiteral("a BIRD command must be one line without control characters")};
    }
    if (auto st = open(); !st)
        return st.error();
    // Logged with its arguments: names and paths only, never configuration text.
    qCDebug(lcBird) << "command:" << command;
    const QByteArray line = command.toUtf8() + '\n';
    if (m_socket->write(line) != line.size()) {
        close();
        return Error{ErrorCode::NetworkError,
                     QStringLiteral("cannot write to BIRD's control socket")};
    }
    QDeadlineTimer deadline(m_timeout);
    while (m_socket->bytesToWrite() > 0) {
        if (!m_socket->waitForBytesWritten(int(deadline.remainingTime()))) {
            close();
            return Error{ErrorCode::Timeout,
                         QStringLiteral("BIRD did not take the command in time")};
        }
    }
    return readReply();
}

Result<BirdReply> BirdControl::expect(const QString &command, std::initializer_list<int> accepted,
                                      const QString &what)
{
    auto reply = this->command(command);
    if (!reply)
        return reply;
    for (int c : accepted) {
        if (reply->code() == c)
            return reply;
    }
    if (reply->isError())
        return birdReplyError(*reply, what);
    // An answer, not the expected one (0006: shutting down, reconfiguration ignored).
    return Error{ErrorCode::ServiceUnavailable,
                 QStringLiteral("BIRD answered %1 with code %2: %3")
                     .arg(what)
                     .arg(reply->code())
                     .arg(reply->finalText()),
                 QJsonObject{{QStringLiteral("birdCode"), reply->code()}}};
}

Result<QList<BirdProtocol>> BirdControl::showProtocols()
{
    auto reply = command(QStringLiteral("show protocols all"));
    if (!reply)
        return reply.error();
    return parseBirdProtocols(*reply);
}

Result<BirdProtocol> BirdControl::showProtocol(const QString &name)
{
    if (auto st = checkBirdName(name, QStringLiteral("the protocol name")); !st)
        return st.error();
    auto reply = command(QStringLiteral("show protocols all %1").arg(name));
    if (!reply)
        return reply.error();
    if (reply->code() == code::NoProtocolsMatch)
        return Error{ErrorCode::ResourceNotFound,
                     QStringLiteral("BIRD has no protocol %1").arg(name),
                     QJsonObject{{QStringLiteral("birdCode"), reply->code()}}};
    auto list = parseBirdProtocols(*reply);
    if (!list)
        return list.error();
    for (const BirdProtocol &p : *list) {
        if (p.name == name)
            return p;
    }
    return Error{ErrorCode::ResourceNotFound, QStringLiteral("BIRD has no protocol %1").arg(name)};
}

Result<QList<BirdRoute>> BirdControl::showRoutes(const BirdRouteQuery &query)
{
    QString cmd = QStringLiteral("show route all");
    if (query.prefix) {
        auto again = BirdPrefix::parse(query.prefix->toString());
        if (!again)
            return again.error();
        cmd += QStringLiteral(" for ") + query.prefix->toString();
    }
    if (!query.table.isEmpty()) {
        if (auto st = checkBirdName(query.table, QStringLiteral("the table name")); !st)
            return st.error();
        cmd += QStringLiteral(" table ") + query.table;
    }
    if (!query.protocol.isEmpty()) {
        if (auto st = checkBirdName(query.protocol, QStringLiteral("the protocol name")); !st)
            return st.error();
        cmd += QStringLiteral(" protocol ") + query.protocol;
    }
    auto reply = command(cmd);
    if (!reply)
        return reply.error();
    return parseBirdRoutes(*reply);
}

Result<BirdReply> BirdControl::configureCheck(const QString &path)
{
    auto quoted = quoteBirdPath(path);
    if (!quoted)
        return quoted.error();
    return expect(QStringLiteral("configure check %1").arg(*quoted), {code::ConfigurationOk},
                  QStringLiteral("the configuration"));
}

Result<BirdReply> BirdControl::configure(const QString &path, std::optional<int> undoTimeoutSeconds)
{
    auto quoted = quoteBirdPath(path);
    if (!quoted)
        return quoted.error();
    QString cmd = QStringLiteral("configure %1").arg(*quoted);
    if (undoTimeoutSeconds) {
        if (*undoTimeoutSeconds < 1 || *undoTimeoutSeconds > 86400)
            return Error{ErrorCode::ValidationError,
                         QStringLiteral("the confirmation timeout must be 1..86400 seconds")};
        cmd += QStringLiteral(" timeout %1").arg(*undoTimeoutSeconds);
    }
    return expect(
        cmd, {code::Reconfigured, code::ReconfigurationInProgress, code::ReconfigurationQueued},
        QStringLiteral("the configuration"));
}

Result<BirdReply> BirdControl::configureConfirm()
{
    return expect(QStringLiteral("configure confirm"),
                  {code::ReconfigurationConfirmed, code::NothingToDo},
                  QStringLiteral("configure confirm"));
}

Result<BirdReply> BirdControl::configureUndo()
{
    return expect(QStringLiteral("configure undo"),
                  {code::Reconfigured, code::ReconfigurationInProgress, code::ReconfigurationQueued,
                   code::NothingToDo},
                  QStringLiteral("configure undo"));
}

Status BirdControl::enableProtocol(const QString &name)
{
    if (auto st = checkBirdName(name, QStringLiteral("the protocol name")); !st)
        return st;
    auto reply = command(QStringLiteral("enable %1").arg(name));
    if (!reply)
        return reply.error();
    for (const BirdLine &l : reply->lines) {
        if (l.code == code::Enabled || l.code == code::AlreadyEnabled)
            return {};
    }
    return birdReplyError(*reply, QStringLiteral("enable %1").arg(name));
}

Status BirdControl::disableProtocol(const QString &name)
{
    if (auto st = checkBirdName(name, QStringLiteral("the protocol name")); !st)
        return st;
    auto reply = command(QStringLiteral("disable %1").arg(name));
    if (!reply)
        return reply.error();
    for (const BirdLine &l : reply->lines) {
        if (l.code == code::Disabled || l.code == code::AlreadyDisabled)
            return {};
    }
    return birdReplyError(*reply, QStringLiteral("disable %1").arg(name));
}

Status BirdControl::restartProtocol(const QString &name)
{
    if (auto st = checkBirdName(name, QStringLiteral("the protocol name")); !st)
        return st;
    auto reply = command(QStringLiteral("restart %1").arg(name));
    if (!reply)
        return reply.error();
    for (const BirdLine &l : reply->lines) {
        if (l.code == code::Restarted || l.code == code::AlreadyDisabled)
            return {};
    }
    return birdReplyError(*reply, QStringLiteral("restart %1").arg(name));
}

} // namespace hm::bird
