#include "flow/JsonObjectTemplate.h"

#include <algorithm>

namespace hm::flow {

JsonObjectTemplate::JsonObjectTemplate(const QJsonObject &constants,
                                       const std::vector<QString> &slotKeys)
    : m_object(constants)
{
    for (const QString &key : slotKeys)
        m_object.insert(key, QJsonValue(QJsonValue::Null));
    // Positions are read back rather than assumed: the order is Qt's.
    m_positions.reserve(slotKeys.size());
    for (const QString &key : slotKeys)
        m_positions.push_back(m_object.constFind(key) - m_object.constBegin());
    m_slotsByPosition.resize(slotKeys.size());
    for (size_t k = 0; k < m_slotsByPosition.size(); ++k)
        m_slotsByPosition[k] = static_cast<int>(k);
    std::sort(m_slotsByPosition.begin(), m_slotsByPosition.end(),
              [this](int a, int b) { return m_positions[size_t(a)] > m_positions[size_t(b)]; });
}

QJsonObject JsonObjectTemplate::fill(std::span<const QJsonValue> values) const
{
    Q_ASSERT(values.size() == m_positions.size());
    QJsonObject out = m_object;
    if (m_positions.empty())
        return out;
    bool anyMissing = false;
    QJsonObject::iterator first = out.begin(); // detaches once
    for (size_t k = 0; k < m_positions.size(); ++k) {
        if (values[k].isUndefined())
            anyMissing = true;
        else
            first[m_positions[k]] = values[k];
    }
    if (anyMissing) {
        // Highest position first, so the positions still to erase hold.
        for (int k : m_slotsByPosition) {
            if (values[size_t(k)].isUndefined())
                out.erase(out.begin() + m_positions[size_t(k)]);
        }
    }
    return out;
}

} // namespace hm::flow
