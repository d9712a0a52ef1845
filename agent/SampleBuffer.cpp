#include "agent/SampleBuffer.h"

#include "common/Logging.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <algorithm>

namespace hm::agent {

namespace {

const QString kSegmentPrefix = QStringLiteral("seg-");
const QString kSegmentSuffix = QStringLiteral(".jsonl");

QString segmentFileName(qint64 firstSeq)
{
    // Zero-padded, so that name order is sequence order.
    return kSegmentPrefix + QStringLiteral("%1").arg(firstSeq, 20, 10, QLatin1Char('0')) +
           kSegmentSuffix;
}

Error bufferIoError(const QString &message)
{
    return Error{ErrorCode::IoError, message};
}

} // namespace

qint64 SampleBuffer::Segment::bytesFrom(qint64 seq) const
{
    const qint64 index = std::clamp<qint64>(seq - firstSeq, 0, count());
    return offsets.back() - offsets[size_t(index)];
}

SampleBuffer::SampleBuffer(QString dir, Limits limits) : m_dir(std::move(dir)), m_limits(limits) {}

SampleBuffer::~SampleBuffer()
{
    // A clean shutdown leaves nothing to replay.
    if (m_floor != m_savedFloor || m_lastSeq != m_savedLastSeq) {
        if (const Status written = writeState(); !written)
            qCWarning(lcAgent).noquote() << written.error().message;
    }
}

Result<std::unique_ptr<SampleBuffer>> SampleBuffer::open(const QString &dir, Limits limits)
{
    limits.reportsPerSegment = std::max(1, limits.reportsPerSegment);
    limits.stateEveryAcked = std::max(1, limits.stateEveryAcked);
    std::unique_ptr<SampleBuffer> buffer(new SampleBuffer(dir, limits));
    if (const Status loaded = buffer->load(); !loaded)
        return loaded.error();
    return buffer;
}

Status SampleBuffer::load()
{
    if (!QDir().mkpath(m_dir))
        return bufferIoError(QStringLiteral("cannot create the report buffer %1").arg(m_dir));
    QDir dir(m_dir);
    QFile state(dir.filePath(QStringLiteral("state.json")));
    if (state.exists()) {
        if (!state.open(QIODevice::ReadOnly))
            return bufferIoError(
                QStringLiteral("cannot read %1: %2").arg(state.fileName(), state.errorString()));
        QJsonParseError parseError;
        const QJsonObject object = QJsonDocument::fromJson(state.readAll(), &parseError).object();
        // A damaged state file costs at most resending what was acked; the
        // segments still say which numbers were used, and the server's
        // welcome moves the numbering past what it has.
        if (parseError.error != QJsonParseError::NoError)
            qCWarning(lcAgent).noquote()
                << QStringLiteral("%1 is damaged; starting from what the segments hold")
                       .arg(state.fileName());
        m_floor = qint64(object.value(QStringLiteral("floor")).toDouble());
        m_lastSeq = qint64(object.value(QStringLiteral("last_seq")).toDouble());
        m_savedFloor = m_floor;
        m_savedLastSeq = m_lastSeq;
    }
    const QStringList names =
        dir.entryList({kSegmentPrefix + u'*' + kSegmentSuffix}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        bool ok = false;
        const qint64 firstSeq =
            name.mid(kSegmentPrefix.size(),
                     name.size() - kSegmentPrefix.size() - kSegmentSuffix.size())
                .toLongLong(&ok);
        if (!ok || firstSeq < 1) {
            qCWarning(lcAgent).noquote()
                << QStringLiteral("ignoring %1 in the report buffer").arg(name);
            continue;
        }
        Segment segment{firstSeq, dir.filePath(name), {}};
        if (const Status scanned = scanSegment(segment); !scanned)
            return scanned;
        if (segment.count() == 0 || segment.lastSeq() <= m_floor) {
            QFile::remove(segment.path);
            continue;
        }
        m_lastSeq = std::max(m_lastSeq, segment.lastSeq());
        m_segments.push_back(std::move(segment));
    }
    m_floor = std::min(m_floor, m_lastSeq);
    return {};
}

Status SampleBuffer::scanSegment(Segment &segment)
{
    QFile file(segment.path);
    if (!file.open(QIODevice::ReadWrite))
        return bufferIoError(
            QStringLiteral("cannot open %1: %2").arg(segment.path, file.errorString()));
    segment.offsets = {0};
    qint64 position = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine(fleet::kMaxAgentMessageBytes * 2);
        if (line.isEmpty())
            break;
        if (!line.endsWith('\n'))
            break; // torn: cut below
        position += line.size();
        segment.offsets.push_back(position);
    }
    if (position != file.size()) {
        // A crash in the middle of a write: the rest of the line is lost,
        // and the next append must not be glued to it.
        qCWarning(lcAgent).noquote()
            << QStringLiteral("cutting an incomplete report (%1 bytes) off the end of %2")
                   .arg(file.size() - position)
                   .arg(segment.path);
        if (!file.resize(position))
            return bufferIoError(
                QStringLiteral("cannot repair %1: %2").arg(segment.path, file.errorString()));
    }
    return {};
}

Status SampleBuffer::writeState()
{
    QSaveFile file(QDir(m_dir).filePath(QStringLiteral("state.json")));
    const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("floor"), m_floor},
                                                      {QStringLiteral("last_seq"), m_lastSeq}})
                                .toJson(QJsonDocument::Compact);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
        return bufferIoError(QStringLiteral("cannot write the report buffer's state in %1: %2")
                                 .arg(m_dir, file.errorString()));
    m_savedFloor = m_floor;
    m_savedLastSeq = m_lastSeq;
    return {};
}

bool SampleBuffer::frontSegmentGoes() const
{
    if (m_segments.empty() || m_segments.front().lastSeq() > m_floor)
        return false;
    // The segment being appended to stays while it has room, even when all
    // of it is acknowledged (every ack at one report a second): it still
    // holds the last number used, so the floor need not be written.
    return m_segments.size() > 1 || m_segments.front().count() >= m_limits.reportsPerSegment;
}

bool SampleBuffer::stateMustBeWritten() const
{
    // A segment about to go: its numbers would be forgotten.
    if (frontSegmentGoes())
        return true;
    // Numbers used that neither the segments nor the state hold (an ack
    // beyond every report, the buffer empty).
    const qint64 heldBySegments = m_segments.empty() ? 0 : m_segments.back().lastSeq();
    if (m_lastSeq > std::max(heldBySegments, m_savedLastSeq))
        return true;
    return m_floor - m_savedFloor >= m_limits.stateEveryAcked;
}

Status SampleBuffer::raiseFloor(qint64 seq)
{
    if (seq <= m_floor)
        return {};
    m_floor = seq;
    // The state first: once a segment is gone, only the state remembers
    // its numbers. Otherwise a lagging floor costs a replay, not a report.
    if (stateMustBeWritten()) {
        if (const Status written = writeState(); !written)
            return written;
    }
    while (frontSegmentGoes()) {
        if (m_appendFile.isOpen() && m_appendFile.fileName() == m_segments.front().path)
            m_appendFile.close();
        QFile::remove(m_segments.front().path);
        m_segments.erase(m_segments.begin());
    }
    return {};
}

qint64 SampleBuffer::pendingCount() const
{
    qint64 count = 0;
    for (const Segment &segment : m_segments)
        count += std::max<qint64>(0, segment.lastSeq() - std::max(m_floor, segment.firstSeq - 1));
    return count;
}

qint64 SampleBuffer::pendingBytes() const
{
    qint64 bytes = 0;
    for (const Segment &segment : m_segments)
        bytes += segment.bytesFrom(m_floor + 1);
    return bytes;
}

Status SampleBuffer::enforceLimits(qint64 incomingBytes)
{
    qint64 count = pendingCount();
    qint64 bytes = pendingBytes();
    const auto fits = [&] {
        return count + 1 <= m_limits.maxReports && bytes + incomingBytes <= m_limits.maxBytes;
    };
    if (fits()) {
        if (m_droppedThisEpisode > 0) {
            qCWarning(lcAgent).noquote()
                << QStringLiteral("the report buffer has room again; %1 of the oldest reports "
                                  "were dropped while it was full")
                       .arg(m_droppedThisEpisode);
            m_droppedThisEpisode = 0;
        }
        return {};
    }
    qint64 newFloor = m_floor;
    qint64 dropped = 0;
    for (const Segment &segment : m_segments) {
        for (qint64 seq = std::max(segment.firstSeq, newFloor + 1); seq <= segment.lastSeq();
             ++seq) {
            if (fits())
                break;
            const auto index = size_t(seq - segment.firstSeq);
            bytes -= segment.offsets[index + 1] - segment.offsets[index];
            --count;
            ++dropped;
            newFloor = seq;
        }
        if (fits())
            break;
    }
    if (dropped == 0)
        return {}; // a single report larger than the limit: keep it anyway
    if (m_droppedThisEpisode == 0)
        qCWarning(lcAgent).noquote()
            << QStringLiteral("the report buffer is full (%1 reports, %2 bytes at most): "
                              "dropping the oldest reports")
                   .arg(m_limits.maxReports)
                   .arg(m_limits.maxBytes);
    m_dropped += dropped;
    m_droppedThisEpisode += dropped;
    return raiseFloor(newFloor);
}

Status SampleBuffer::openSegmentForAppend(qint64 firstSeq)
{
    m_appendFile.close();
    const bool continuing = !m_segments.empty() && m_segments.back().firstSeq <= firstSeq &&
                            m_segments.back().lastSeq() + 1 == firstSeq &&
                            m_segments.back().count() < m_limits.reportsPerSegment;
    if (!continuing)
        m_segments.push_back(
            Segment{firstSeq, QDir(m_dir).filePath(segmentFileName(firstSeq)), {0}});
    m_appendFile.setFileName(m_segments.back().path);
    // A new segment starts empty whatever a file of that name held.
    const QIODevice::OpenMode mode = continuing ? QIODevice::WriteOnly | QIODevice::Append
                                                : QIODevice::WriteOnly | QIODevice::Truncate;
    if (!m_appendFile.open(mode)) {
        const QString reason = m_appendFile.errorString();
        if (!continuing)
            m_segments.pop_back();
        return bufferIoError(QStringLiteral("cannot open %1 for appending: %2")
                                 .arg(m_appendFile.fileName(), reason));
    }
    return {};
}

Result<qint64> SampleBuffer::append(fleet::ReportMessage report)
{
    report.seq = m_lastSeq + 1;
    QByteArray line = fleet::serialize(report);
    // Only what the protocol accepts is stored: a report the server (and
    // pending() here) would refuse must not sit in the buffer for ever.
    if (const auto valid = fleet::parseAgentMessage(line); !valid)
        return Error{valid.error().code,
                     QStringLiteral("a report the protocol refuses was not buffered: %1")
                         .arg(valid.error().message),
                     valid.error().details};
    line.append('\n');
    if (const Status room = enforceLimits(line.size()); !room)
        return room.error();

    const bool fitsLastSegment = !m_segments.empty() &&
                                 m_segments.back().lastSeq() + 1 == report.seq &&
                                 m_segments.back().count() < m_limits.reportsPerSegment;
    if (!fitsLastSegment || !m_appendFile.isOpen() ||
        m_appendFile.fileName() != m_segments.back().path) {
        if (const Status opened = openSegmentForAppend(report.seq); !opened)
            return opened.error();
    }
    Segment &segment = m_segments.back();
    const qint64 end = segment.offsets.back();
    if (m_appendFile.write(line) != line.size() || !m_appendFile.flush()) {
        const QString reason = m_appendFile.errorString();
        // Leave no partial line behind for the next append to continue.
        m_appendFile.resize(end);
        return bufferIoError(QStringLiteral("cannot append to the report buffer %1: %2")
                                 .arg(m_appendFile.fileName(), reason));
    }
    segment.offsets.push_back(end + line.size());
    m_lastSeq = report.seq;
    return report.seq;
}

Status SampleBuffer::dropUpTo(qint64 seq)
{
    if (seq > m_lastSeq)
        m_lastSeq = seq;
    return raiseFloor(seq);
}

QList<fleet::ReportMessage> SampleBuffer::pending(qint64 fromSeq, int maxReports) const
{
    QList<fleet::ReportMessage> reports;
    const qint64 from = std::max(fromSeq, m_floor + 1);
    for (const Segment &segment : m_segments) {
        if (reports.size() >= maxReports)
            break;
        if (segment.lastSeq() < from)
            continue;
        const qint64 first = std::max(from, segment.firstSeq);
        const qint64 last = std::min(segment.lastSeq(), first + (maxReports - reports.size()) - 1);
        QFile file(segment.path);
        const qint64 offset = segment.offsets[size_t(first - segment.firstSeq)];
        if (!file.open(QIODevice::ReadOnly) || !file.seek(offset)) {
            qCWarning(lcAgent).noquote()
                << QStringLiteral("cannot read %1: %2").arg(segment.path, file.errorString());
            continue;
        }
        for (qint64 seq = first; seq <= last; ++seq) {
            const QByteArray line = file.readLine(fleet::kMaxAgentMessageBytes * 2).trimmed();
            auto parsed = fleet::parseAgentMessage(line);
            const auto *report = parsed ? std::get_if<fleet::ReportMessage>(&*parsed) : nullptr;
            if (!report || report->seq != seq) {
                // Damaged on disk: skipping it loses one sample, not the rest.
                qCWarning(lcAgent).noquote()
                    << QStringLiteral("skipping a damaged report (seq %1) in %2")
                           .arg(seq)
                           .arg(segment.path);
                continue;
            }
            reports.append(*report);
        }
    }
    return reports;
}

} // namespace hm::agent
