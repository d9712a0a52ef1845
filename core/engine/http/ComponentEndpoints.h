#pragma once

#include <QList>
#include <QUrl>
#include <mutex>

namespace hm::engine {

// The endpoints serving one component version, each with the verdict of
// its last health check. HttpComponentExecutor asks it, for every attempt,
// which endpoints to try and in which order: the available ones, starting
// one further each time (round robin). The server's health checks update
// it from the server thread while the engine thread reads it, so every call
// takes an internal lock.
class ComponentEndpoints
{
public:
    ComponentEndpoints() = default;
    explicit ComponentEndpoints(const QList<QUrl> &endpoints);

    // Adds an endpoint (available) unless it is already there.
    void add(const QUrl &endpoint, bool available = true);
    bool remove(const QUrl &endpoint);
    QList<QUrl> endpoints() const;
    bool isEmpty() const;

    // Dispatch gating by health: false when the last check failed.
    void setAvailable(const QUrl &endpoint, bool available);
    void setAllAvailable(bool available);
    bool isAvailable(const QUrl &endpoint) const;
    bool anyAvailable() const;

    // The available endpoints in the order one attempt tries them: each call
    // starts at the next one, so calls spread over all of them. Empty when
    // none is available.
    QList<QUrl> nextOrder();

private:
    struct Entry
    {
        QUrl url;
        bool available = true;
    };
    mutable std::mutex m_lock;
    QList<Entry> m_entries;
    quint64 m_next = 0;
};

} // namespace hm::engine
