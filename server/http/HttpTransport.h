#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

class QTcpSocket;

namespace hm::server::http {

// The byte stream under one HTTP connection: what HttpConnection needs of
// a socket, and no more. Two kinds (HttpTransports.h): a QTcpSocket (TLS,
// and every platform), and on Linux a plain TCP descriptor read and written
// directly, which spares each request QTcpSocket's FIONREAD ioctl, its ring
// buffers and a pass of the event loop for every answer.
class HttpTransport : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Appends what has arrived to `buffer`: the number of bytes (0: none
    // yet). After the peer closed or an error, the transport is
    // disconnected and disconnected() follows through the event loop.
    virtual qint64 readInto(QByteArray &buffer) = 0;
    // Whether bytes arrived that readInto() has not taken: readyRead() was
    // emitted for them while nobody read. Bytes arriving later emit it.
    virtual bool holdsUnread() const = 0;
    // Sends `bytes`, keeping what the kernel does not take yet.
    virtual void write(const QByteArray &bytes) = 0;
    // Bytes written but not yet handed to the kernel.
    virtual qint64 bytesToWrite() const = 0;
    virtual bool isConnected() const = 0;
    virtual QHostAddress peerAddress() const = 0;
    virtual quint16 peerPort() const = 0;
    virtual bool isEncrypted() const = 0;
    // Drops up to `maxBytes` received bytes: the number dropped.
    virtual qint64 skip(qint64 maxBytes) = 0;
    // Closes once everything written is sent.
    virtual void closeAfterWrite() = 0;
    // Closes now, dropping what is unsent.
    virtual void abort() = 0;
    // Gives the connection up as a QTcpSocket (without parent) whose reads
    // return `replay` before anything still unread; the transport is spent
    // and emits nothing more. nullptr when it could not be handed over.
    virtual QTcpSocket *takeSocket(const QByteArray &replay) = 0;
    // A plain TCP descriptor under the transport (Linux, no TLS), for a
    // relay's own thread (services/remote/ByteRelay.h); -1 otherwise.
    // duplicateDescriptor(): a dup() the caller owns and closes, the
    // transport keeps its own. releaseDescriptor(): the descriptor itself;
    // the transport is spent and emits nothing more.
    virtual int duplicateDescriptor() const { return -1; }
    virtual int releaseDescriptor() { return -1; }

signals:
    void readyRead();
    void disconnected();
    // Queued bytes went to the kernel (bytesToWrite() fell).
    void bytesWritten();
};

} // namespace hm::server::http
