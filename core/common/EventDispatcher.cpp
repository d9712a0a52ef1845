#include "common/EventDispatcher.h"

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

} // namespace hm
