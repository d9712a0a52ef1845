#pragma once

#include <QtGlobal>

class QAbstractEventDispatcher;

namespace hm {

// The event dispatcher for a thread that serves many sockets (the server's
// HTTP thread): EpollEventDispatcher on Linux; nullptr elsewhere, or when
// the environment says HIVEMIND_EVENT_DISPATCHER=qt, meaning Qt's own. The
// caller owns the result (QCoreApplication::setEventDispatcher or
// QThread::setEventDispatcher take it over).
QAbstractEventDispatcher *createScalableEventDispatcher();

// Marks a socket (its notifiers registered on the calling thread) as bulk
// traffic: the thread's EpollEventDispatcher serves it after every other
// ready socket, a bounded batch a pass. False, and nothing changes, under
// any other dispatcher (Qt's, other systems) or for a descriptor without
// notifiers there.
bool serveInBackground(qintptr descriptor);
// How many sockets of the calling thread are served in the background now;
// -1 under any other dispatcher than EpollEventDispatcher.
int backgroundSocketCount();

} // namespace hm
