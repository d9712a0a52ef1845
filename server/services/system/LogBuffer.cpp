#include "server/services/system/LogBuffer.h"

namespace hm::server {

LogBuffer &LogBuffer::instance()
{
    static LogBuffer buffer;
    return buffer;
}

void LogBuffer::sink(const logging::LogRecord &record)
{
    instance().append(record);
}

void LogBuffer::append(const logging::LogRecord &record)
{
    QMutexLocker lock(&m_mutex);
    if (m_records.size() < static_cast<size_t>(kDefaultCapacity)) {
        if (m_records.capacity() == 0)
            m_records.reserve(kDefaultCapacity);
        m_records.push_back(BufferedLog{m_nextId++, record});
        return;
    }
    BufferedLog &slot = m_records[m_oldest];
    slot.id = m_nextId++;
    slot.record = record;
    m_oldest = (m_oldest + 1) % m_records.size();
}

QList<BufferedLog> LogBuffer::select(const Filter &filter) const
{
    QList<BufferedLog> result;
    QMutexLocker lock(&m_mutex);
    // Newest first: walk back from the slot before the oldest one.
    const size_t count = m_records.size();
    for (size_t step = 1; step <= count; ++step) {
        const BufferedLog &entry = m_records[(m_oldest + count - step) % count];
        // Newest first, so the first record not after afterId ends the walk.
        if (filter.afterId > 0 && entry.id <= filter.afterId)
            break;
        if (filter.beforeId && entry.id >= *filter.beforeId)
            continue;
        const logging::LogRecord &r = entry.record;
        if (severity(r.type) < filter.minSeverity)
            continue;
        if (filter.from.isValid() && r.time < filter.from)
            continue;
        if (filter.to.isValid() && r.time > filter.to)
            continue;
        if (!filter.module.isEmpty() && r.category != filter.module &&
            !r.category.startsWith(filter.module + u'.'))
            continue;
        if (!filter.requestId.isEmpty() && r.requestId != filter.requestId)
            continue;
        if (!filter.search.isEmpty() && !r.message.contains(filter.search, Qt::CaseInsensitive))
            continue;
        result.append(entry);
    }
    return result;
}

QString levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return QStringLiteral("DEBUG");
    case QtInfoMsg:
        return QStringLiteral("INFO");
    case QtWarningMsg:
        return QStringLiteral("WARN");
    case QtCriticalMsg:
        return QStringLiteral("ERROR");
    case QtFatalMsg:
        return QStringLiteral("CRITICAL");
    }
    return QStringLiteral("INFO");
}

int severity(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 0;
    case QtInfoMsg:
        return 1;
    case QtWarningMsg:
        return 2;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 4;
    }
    return 1;
}

std::optional<int> parseLevel(const QString &name)
{
    const QString upper = name.toUpper();
    static const QStringList names{QStringLiteral("DEBUG"), QStringLiteral("INFO"),
                                   QStringLiteral("WARN"), QStringLiteral("ERROR"),
                                   QStringLiteral("CRITICAL")};
    if (upper == QLatin1String("WARNING"))
        return 2;
    const qsizetype index = names.indexOf(upper);
    if (index < 0)
        return std::nullopt;
    return static_cast<int>(index);
}

} // namespace hm::server
