#include "engine/http/ComponentEndpoints.h"

namespace hm::engine {

ComponentEndpoints::ComponentEndpoints(const QList<QUrl> &endpoints)
{
    for (const QUrl &url : endpoints)
        add(url);
}

void ComponentEndpoints::add(const QUrl &endpoint, bool available)
{
    std::lock_guard lock(m_lock);
    for (const Entry &e : std::as_const(m_entries)) {
        if (e.url == endpoint)
            return;
    }
    m_entries.append({endpoint, available});
}

bool ComponentEndpoints::remove(const QUrl &endpoint)
{
    std::lock_guard lock(m_lock);
    return m_entries.removeIf([&](const Entry &e) { return e.url == endpoint; }) > 0;
}

QList<QUrl> ComponentEndpoints::endpoints() const
{
    std::lock_guard lock(m_lock);
    QList<QUrl> urls;
    for (const Entry &e : m_entries)
        urls.append(e.url);
    return urls;
}

bool ComponentEndpoints::isEmpty() const
{
    std::lock_guard lock(m_lock);
    return m_entries.isEmpty();
}

void ComponentEndpoints::setAvailable(const QUrl &endpoint, bool available)
{
    std::lock_guard lock(m_lock);
    for (Entry &e : m_entries) {
        if (e.url == endpoint)
            e.available = available;
    }
}

void ComponentEndpoints::setAllAvailable(bool available)
{
    std::lock_guard lock(m_lock);
    for (Entry &e : m_entries)
        e.available = available;
}

bool ComponentEndpoints::isAvailable(const QUrl &endpoint) const
{
    std::lock_guard lock(m_lock);
    for (const Entry &e : m_entries) {
        if (e.url == endpoint)
            return e.available;
    }
    return false;
}

bool ComponentEndpoints::anyAvailable() const
{
    std::lock_guard lock(m_lock);
    return std::any_of(m_entries.begin(), m_entries.end(),
                       [](const Entry &e) { return e.available; });
}

QList<QUrl> ComponentEndpoints::nextOrder()
{
    std::lock_guard lock(m_lock);
    QList<QUrl> available;
    for (const Entry &e : std::as_const(m_entries)) {
        if (e.available)
            available.append(e.url);
    }
    const qsizetype n = available.size();
    if (n < 2)
        return available;
    // Rotating among the available ones keeps the spread even when some
    // are out.
    const qsizetype first = qsizetype(m_next++ % quint64(n));
    QList<QUrl> order;
    order.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        order.append(available.at((first + i) % n));
    return order;
}

} // namespace hm::engine
