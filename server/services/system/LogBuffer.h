#pragma once

#include "common/LogFormatter.h"

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QString>
#include <optional>
#include <vector>

namespace hm::server {

struct BufferedLog
{
    qint64 id = 0; // increasing sequence number
    logging::LogRecord record;
};

// The last N log records of the process (already masked by the log handler),
// behind GET /api/v1/logs and its export. In memory only: the durable log is
// stderr / the journal; this is for looking at recent activity from the UI.
// Fed from any thread, hence the mutex.
class LogBuffer
{
public:
    static constexpr int kDefaultCapacity = 10000;

    static LogBuffer &instance();
    // Suitable for logging::setRecordSink.
    static void sink(const logging::LogRecord &record);

    void append(const logging::LogRecord &record);

    struct Filter
    {
        int minSeverity = 0; // see severity()
        QDateTime from;      // inclusive; invalid = open
        QDateTime to;        // inclusive; invalid = open
        QString module;      // category, or a parent of it ("hivemind.server")
        QString search;      // case-insensitive substring of the message
        QString requestId;
        qint64 afterId = 0; // only records with a greater id (a live tail's poll)
        // Only records with a smaller id: the next page of a list that holds
        // records down to this id (keyset paging, steady while records come).
        std::optional<qint64> beforeId;
    };
    // Matching records, newest first.
    QList<BufferedLog> select(const Filter &filter) const;

private:
    LogBuffer() = default;

    mutable QMutex m_mutex;
    // A ring: once full, the oldest slot is overwritten in place, so an
    // append allocates nothing (it runs for every log line).
    std::vector<BufferedLog> m_records;
    size_t m_oldest = 0; // index of the oldest record once the ring is full
    qint64 m_nextId = 1;
};

// Seed 001 levels: DEBUG, INFO, WARN, ERROR, CRITICAL (0..4).
QString levelName(QtMsgType type);
int severity(QtMsgType type);
std::optional<int> parseLevel(const QString &name);

} // namespace hm::server
