#include "common/EventDispatcher.h"

#include <QAbstractEventDispatcher>
#include <QByteArray>
#include <QtGlobal>

#ifdef Q_OS_LINUX
#include "common/EpollEventDispatcher.h"
#endif

namespace hm {

QAbstractEventDispatcher *createScalableEventDispatcher()
{
    // Qt's dispatcher stays one setting away: for comparisons, and as a way
    // out should the epoll one ever misbehave somewhere.
    if (qgetenv("HIVEMIND_EVENT_DISPATCHER") == "qt")
        return nullptr;
#ifdef Q_OS_LINUX
    auto *dispatcher = new EpollEventDispatcher;
    if (dispatcher->isValid())
        return dispatcher;
    delete dispatcher;
#endif
    return nullptr;
}

bool serveInBackground(qintptr descriptor)
{
#ifdef Q_OS_LINUX
    if (auto *epoll = qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance()))
        return epoll->setBackground(int(descriptor), true);
#else
    Q_UNUSED(descriptor)
#endif
    return false;
}

int backgroundSocketCount()
{
#ifdef Q_OS_LINUX
    if (auto *epoll = qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance()))
        return epoll->backgroundCount();
#endif
    return -1;
}

} // namespace hm
