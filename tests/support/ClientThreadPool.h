#pragma once

// What the WebSocket load tools (tests/bench/BenchWsFanout,
// tests/soak/SoakServer) share: many client objects spread over a few
// threads, each with its own event loop (one thread polling a thousand
// sockets would measure itself, not the server), and a higher limit of
// open files for their sockets.

#include <QMetaObject>
#include <QObject>
#include <QThread>
#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <sys/resource.h>
#include <vector>

namespace hm::test {

// Raises the soft RLIMIT_NOFILE to `wanted` (at most the hard limit); the
// new limit when it raised it.
inline std::optional<rlim_t> raiseFileLimit(qint64 wanted)
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || qint64(limit.rlim_cur) >= wanted)
        return std::nullopt;
    limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, rlim_t(wanted));
    setrlimit(RLIMIT_NOFILE, &limit);
    return limit.rlim_cur;
}

// Client objects (sockets and what they record) owned by `threads` threads,
// round robin. A client's sockets are made on its thread, by the `start`
// function given to add(), and deleted there.
template <typename Client> class ClientThreadPool
{
public:
    explicit ClientThreadPool(int threads)
    {
        for (int i = 0; i < threads; ++i) {
            auto group = std::make_unique<Group>();
            group->context.moveToThread(&group->thread);
            group->thread.start();
            m_groups.push_back(std::move(group));
        }
    }
    ~ClientThreadPool()
    {
        clear();
        for (auto &group : m_groups) {
            group->thread.quit();
            group->thread.wait();
        }
    }
    ClientThreadPool(const ClientThreadPool &) = delete;
    ClientThreadPool &operator=(const ClientThreadPool &) = delete;

    // Hands `client` to thread number `index` modulo the thread count and
    // runs `start` on it there (it makes and opens the sockets). `type`:
    // Qt::BlockingQueuedConnection waits until it ran.
    void add(int index, std::unique_ptr<Client> client, std::function<void(Client &)> start,
             Qt::ConnectionType type = Qt::QueuedConnection)
    {
        Group &group = *m_groups[size_t(index) % m_groups.size()];
        QMetaObject::invokeMethod(
            &group.context,
            [&group, owned = client.release(), start = std::move(start)]() mutable {
                std::unique_ptr<Client> keep(owned);
                start(*keep);
                group.clients.push_back(std::move(keep));
            },
            type);
    }
    // Every client, thread by thread (only once they are quiet).
    template <typename F> void forEach(F f)
    {
        for (auto &group : m_groups)
            for (const auto &client : group->clients)
                f(*client);
    }
    // Deletes every client on its thread, and waits for it.
    void clear()
    {
        for (auto &group : m_groups)
            QMetaObject::invokeMethod(
                &group->context, [&group] { group->clients.clear(); },
                Qt::BlockingQueuedConnection);
    }

private:
    struct Group
    {
        QThread thread;
        QObject context;
        std::vector<std::unique_ptr<Client>> clients;
    };
    std::vector<std::unique_ptr<Group>> m_groups;
};

} // namespace hm::test
