#pragma once

class QAbstractEventDispatcher;

namespace hm {

// The event dispatcher for a thread that serves many sockets (the server's
// HTTP thread): EpollEventDispatcher on Linux; nullptr elsewhere, or when
// the environment says HIVEMIND_EVENT_DISPATCHER=qt, meaning Qt's own. The
// caller owns the result (QCoreApplication::setEventDispatcher or
// QThread::setEventDispatcher take it over).
QAbstractEventDispatcher *createScalableEventDispatcher();

} // namespace hm
