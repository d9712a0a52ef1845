#pragma once

// Moves a known number of bytes from one TCP socket to another without
// them passing through user space: an agent's file data connection into a
// client's HTTP answer (FileDownloads.h). On Linux splice(2) through a pipe
// of about 1 MiB (LinuxSpliceRelay.cpp); elsewhere there is none
// (FallbackByteRelay.cpp: makeSpliceRelay() gives nullptr and downloads
// keep the WebSocket's stream frames).
//
// Flow control is the sockets' own: the relay reads from the source only
// while the pipe has room and writes only while the sink takes more, so a
// slow client leaves the agent's bytes in the kernel's socket buffers and
// its sendfile(2) blocks. Memory: the pipe, whatever the file's size.
// Created, started, stopped and signalled on the owner's thread; the
// Linux relay moves the bytes on a thread of its own (it would otherwise
// hold up the HTTP thread while a stream flows). The relay owns and closes
// both descriptors.

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

// Whether makeSpliceRelay() can make one here.
bool spliceRelaysAvailable();
// Moves `length` bytes from `source` to `sink`; nullptr (and both
// descriptors closed) where splice(2) does not exist.
std::unique_ptr<ByteRelay> makeSpliceRelay(int source, int sink, qint64 length);

} // namespace hm::server::remote
