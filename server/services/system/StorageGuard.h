#pragma once

// The data directory's free space, watched so that a full disk (or quota)
// never turns into lost acknowledged work (issue 37 item 6; docs/api.md
// "Storage"). Once the space left falls under the reserve, or the history
// writer met SQLITE_FULL, new triggers are refused (507, details.code
// STORAGE_FULL) while what already runs finishes into the reserve; below
// the warning level every console is told first (/ws/events
// storage_state). Both clear by themselves once space returns.
//
// statvfs through QStorageInfo, about once a second on the server thread
// (one system call). A quota is not visible there: it is noticed through
// the writer's SQLITE_FULL failures, which hold the refusal for
// kFullHoldMs and are then tried again.

#include "common/Result.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <functional>

class QTimer;

namespace hm::server {

struct ApiReply;

namespace auth {
class AccountEvents;
}

class StorageGuard : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Ok,
        Low, // under the warning level: consoles are warned
        Full // under the reserve (or SQLITE_FULL): new triggers refused
    };
    struct Options
    {
        qint64 reserveBytes = 256LL * 1024 * 1024;
        // 0: a tenth of the file system, at least twice the reserve.
        qint64 warnBytes = 0;
        int intervalMs = 1000;
    };
    static constexpr qint64 kFullHoldMs = 10000;

    StorageGuard(QString dataDir, Options options, auth::AccountEvents *events,
                 QObject *parent = nullptr);

    // Measures now (also run by the timer) and returns the state.
    State check();
    State state() const { return m_state; }
    // STORAGE_FULL (ServiceUnavailable) while Full; use reply() for it.
    // Measures again first when the last look is kRecheckMs old, so a
    // burst of large triggers cannot outrun the timer.
    Status admit();
    static constexpr qint64 kRecheckMs = 100;
    // Whether a file of `bytes` may be written to the data directory now:
    // STORAGE_FULL (ServiceUnavailable) when it would leave less than the
    // reserve free, which belongs to what acknowledged work still writes.
    // Measures first.
    Status admitFile(qint64 bytes);
    // `error` as the API sends it: a STORAGE_FULL refusal with 507
    // Insufficient Storage, anything else with its catalogue status.
    static ApiReply reply(const Error &error);
    // The answer for work that was accepted but whose commit failed: 507
    // STORAGE_FULL when `guard` finds the disk full now (the likely
    // cause), else SERVICE_UNAVAILABLE "the <what> could not be stored".
    static ApiReply notStored(StorageGuard *guard, const QString &what);
    static QString stateName(State state);
    // {state, free_bytes, total_bytes, reserve_bytes, warn_bytes, reason}
    QJsonObject json() const;
    qint64 freeBytes() const { return m_free; }

    // Tests: where SQLITE_FULL failures are counted (default: the history
    // queue's figures in Metrics).
    void setFullCount(std::function<qint64()> count) { m_fullCount = std::move(count); }

private:
    qint64 warnLevel() const;
    void publish();

    QString m_dataDir;
    Options m_options;
    auth::AccountEvents *m_events;
    QTimer *m_timer;
    std::function<qint64()> m_fullCount;
    qint64 m_lastFullCount = -1;
    qint64 m_fullUntilMs = 0;
    qint64 m_checkedAtMs = 0;
    qint64 m_free = -1;
    qint64 m_total = -1;
    State m_state = State::Ok;
    QString m_reason;
};

} // namespace hm::server
