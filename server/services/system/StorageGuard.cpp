#include "server/services/system/StorageGuard.h"

#include "common/Logging.h"
#include "server/api/ApiRouter.h"
#include "server/services/auth/AccountEvents.h"
#include "server/services/system/Metrics.h"
#include "store/WriteBehindQueue.h"

#include <QDateTime>
#include <QStorageInfo>
#include <QTimer>

namespace hm::server {

StorageGuard::StorageGuard(QString dataDir, Options options, auth::AccountEvents *events,
                           QObject *parent)
    : QObject(parent), m_dataDir(std::move(dataDir)), m_options(options), m_events(events),
      m_timer(new QTimer(this)),
      m_fullCount([] { return Metrics::instance().historyQueueStats().full; })
{
    m_timer->setInterval(m_options.intervalMs);
    connect(m_timer, &QTimer::timeout, this, [this] { check(); });
    m_timer->start();
    check();
}

qint64 StorageGuard::warnLevel() const
{
    if (m_options.warnBytes > 0)
        return m_options.warnBytes;
    return std::max(m_total > 0 ? m_total / 10 : 0, 2 * m_options.reserveBytes);
}

StorageGuard::State StorageGuard::check()
{
    QStorageInfo info(m_dataDir);
    info.refresh();
    if (info.isValid()) {
        m_free = info.bytesAvailable();
        m_total = info.bytesTotal();
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_checkedAtMs = now;
    const qint64 fullCount = m_fullCount ? m_fullCount() : 0;
    if (m_lastFullCount >= 0 && fullCount > m_lastFullCount)
        m_fullUntilMs = now + kFullHoldMs;
    m_lastFullCount = fullCount;

    State next = State::Ok;
    QString reason;
    // Leaving Full needs a quarter of the reserve more than entering it,
    // so a disk at the edge does not flap with every write.
    const qint64 reserve = m_state == State::Full
                               ? m_options.reserveBytes + m_options.reserveBytes / 4
                               : m_options.reserveBytes;
    if (m_free >= 0 && m_free < reserve) {
        next = State::Full;
        reason = QStringLiteral("free space under the reserve");
    } else if (now < m_fullUntilMs) {
        next = State::Full;
        reason = QStringLiteral("the database reported a full disk or quota");
    } else if (m_free >= 0 && m_free < warnLevel()) {
        next = State::Low;
        reason = QStringLiteral("free space under the warning level");
    }
    const bool changed = next != m_state;
    m_state = next;
    m_reason = reason;
    if (changed) {
        if (next == State::Ok)
            qCInfo(lcServer).noquote() << "storage: space is back;" << m_free << "bytes free";
        else
            qCWarning(lcServer).noquote()
                << "storage:" << stateName(next) << "-" << reason << ";" << m_free
                << "bytes free in" << m_dataDir
                << (next == State::Full ? "; new triggers are refused" : "");
        publish();
    }
    return m_state;
}

Status StorageGuard::admit()
{
    if (QDateTime::currentMSecsSinceEpoch() - m_checkedAtMs >= kRecheckMs)
        check();
    if (m_state != State::Full)
        return {};
    return Error{ErrorCode::ServiceUnavailable,
                 QStringLiteral("the server's disk is full: new executions are refused until "
                                "space is freed (running ones finish)"),
                 {{QStringLiteral("code"), QStringLiteral("STORAGE_FULL")},
                  {QStringLiteral("free_bytes"), m_free},
                  {QStringLiteral("reserve_bytes"), m_options.reserveBytes}}};
}

Status StorageGuard::admitFile(qint64 bytes)
{
    check();
    if (m_state != State::Full && (m_free < 0 || m_free - bytes >= m_options.reserveBytes))
        return {};
    return Error{
        ErrorCode::ServiceUnavailable,
        QStringLiteral("the server's disk has no room for %1 bytes above its reserve").arg(bytes),
        {{QStringLiteral("code"), QStringLiteral("STORAGE_FULL")},
         {QStringLiteral("free_bytes"), m_free},
         {QStringLiteral("needed_bytes"), bytes},
         {QStringLiteral("reserve_bytes"), m_options.reserveBytes}}};
}

namespace {

// Whether `error` is a STORAGE_FULL refusal (admit, admitFile).
bool isStorageFull(const Error &error)
{
    return error.details.value(QStringLiteral("code")) == QLatin1String("STORAGE_FULL");
}

} // namespace

ApiReply StorageGuard::reply(const Error &error)
{
    ApiReply answer = ApiReply::failure(error);
    if (isStorageFull(error))
        answer.status = 507; // Insufficient Storage (RFC 4918)
    return answer;
}

ApiReply StorageGuard::notStored(StorageGuard *guard, const QString &what)
{
    if (guard && guard->check() == State::Full)
        if (Status room = guard->admit(); !room)
            return reply(room.error());
    return ApiReply::failure(
        Error{ErrorCode::ServiceUnavailable,
              QStringLiteral("the %1 could not be stored; see the server log").arg(what)});
}

QString StorageGuard::stateName(State state)
{
    switch (state) {
    case State::Ok:
        return QStringLiteral("ok");
    case State::Low:
        return QStringLiteral("low");
    case State::Full:
        return QStringLiteral("full");
    }
    return {};
}

QJsonObject StorageGuard::json() const
{
    return {{QStringLiteral("state"), stateName(m_state)},
            {QStringLiteral("free_bytes"), m_free},
            {QStringLiteral("total_bytes"), m_total},
            {QStringLiteral("reserve_bytes"), m_options.reserveBytes},
            {QStringLiteral("warn_bytes"), warnLevel()},
            {QStringLiteral("reason"), m_reason}};
}

void StorageGuard::publish()
{
    if (!m_events)
        return;
    // Everyone: any signed-in user may trigger, so any console warns.
    m_events->publish({QStringLiteral("storage_state"), json(), false, {}, true, false});
}

} // namespace hm::server
