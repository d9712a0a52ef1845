#include "fleet/NodeSparkSeries.h"

#include <algorithm>

namespace hm::app {

void NodeSparkSeries::moveTo(qint64 bucket)
{
    // The buckets that fall out of the window are emptied for their
    // successors (at most the whole ring).
    if (m_last >= 0) {
        for (qint64 b = m_last + 1; b <= bucket && b <= m_last + kPoints; ++b) {
            m_sum[size_t(slotOf(b))] = 0;
            m_count[size_t(slotOf(b))] = 0;
        }
    } else {
        m_sum.fill(0);
        m_count.fill(0);
    }
    m_last = bucket;
}

void NodeSparkSeries::setSeries(qint64 endMs, const QList<double> &points)
{
    const qint64 end = endMs / kStepMs;
    m_sum.fill(0);
    m_count.fill(0);
    m_last = end;
    const qsizetype n = std::min<qsizetype>(points.size(), kPoints);
    for (qsizetype i = 0; i < n; ++i) {
        const double v = points.at(points.size() - n + i);
        if (v < 0)
            continue;
        const qint64 bucket = end - n + 1 + i;
        m_sum[size_t(slotOf(bucket))] = v;
        m_count[size_t(slotOf(bucket))] = 1;
        if (bucket * kStepMs >= m_currentAt) {
            m_current = v;
            m_currentAt = bucket * kStepMs;
        }
    }
}

bool NodeSparkSeries::addLive(qint64 timeMs, double value)
{
    if (value < 0)
        return false;
    const qint64 bucket = timeMs / kStepMs;
    if (m_last >= 0 && bucket <= m_last - kPoints)
        return false;
    if (bucket > m_last)
        moveTo(bucket);
    m_sum[size_t(slotOf(bucket))] += value;
    ++m_count[size_t(slotOf(bucket))];
    if (timeMs >= m_currentAt) {
        m_current = value;
        m_currentAt = timeMs;
    }
    return true;
}

QList<double> NodeSparkSeries::points() const
{
    QList<double> out;
    if (m_last < 0)
        return out;
    out.reserve(kPoints);
    for (qint64 b = m_last - kPoints + 1; b <= m_last; ++b) {
        const size_t slot = size_t(slotOf(b));
        out.append(m_count[slot] > 0 ? m_sum[slot] / m_count[slot] : -1.0);
    }
    return out;
}

} // namespace hm::app
