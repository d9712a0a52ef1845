#pragma once

// Moves a known number of bytes from one TCP socket to another, raw: an
// agent's file data connection into a client's HTTP answer
// (FileDownloads.h), no frames, no unmasking, no Qt buffers. On Linux
// by splice(2) through a pipe or by recv(2) and send(2) through a 4 MiB
// ring, whichever this kernel makes cheaper (fleet/FileDataPath.h;
// LinuxSocketRelay.cpp); elsewhere there is none (FallbackByteRelay.cpp:
// makeSocketRelay() gives nullptr and downloads keep the WebSocket's
// stream frames).
//
// Flow control is the sockets' own: the relay reads from the source only
// while the ring has room and writes only while the sink takes more, so a
// slow client leaves the agent's bytes in the kernel's socket buffers and
// its send(2) blocks. Memory: the ring or the pipe, whatever the file's
// size.
// Created, started, stopped and signalled on the owner's thread; the
// Linux relay moves the bytes on a thread of its own (it would otherwise
// hold up the HTTP thread while a stream flows). The relay owns and closes
// both descriptors.

#include "fleet/FileDataPath.h"

#include <QByteArray>
#include <QObject>
#include <memory>

namespace hm::server::remote {

class ByteRelay : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    // Starts moving; both descriptors are non-blocking TCP sockets.
    virtual void start() = 0;
    // Stops now and closes both descriptors (nothing more is signalled).
    virtual void stop() = 0;
    // Bytes that went to the sink so far (reported or not yet).
    virtual qint64 moved() const = 0;

signals:
    // `bytes` more went to the sink since the last report (every few MiB,
    // whenever the relay waits for a socket, and at the end).
    void progressed(qint64 bytes);
    // All `length` bytes went to the sink (`error` empty), or the source
    // ended short of them or a socket failed (`error` says which).
    // Both descriptors are closed by then.
    void ended(qint64 moved, const QString &error);
};

// The upgrade's answer on a descriptor a raw upgrade handed over
// (HttpServer::acceptRawUpgrades): false if it did not all go out.
bool sendOnDescriptor(int descriptor, const QByteArray &bytes);
void closeDescriptor(int descriptor);

// Whether makeSocketRelay() can make one here.
bool socketRelaysAvailable();
// Moves `length` bytes from `source` to `sink` the `path` way; nullptr
// (and both descriptors closed) where there is no relay.
std::unique_ptr<ByteRelay>
makeSocketRelay(int source, int sink, qint64 length,
                hm::fleet::FileDataPath path = hm::fleet::fileDataPath());

} // namespace hm::server::remote
