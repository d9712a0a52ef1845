#pragma once

#include "server/http/HttpTransport.h"

#include <QPointer>
#include <memory>

class QSocketNotifier;

namespace hm::server::http {

// A QTcpSocket (or QSslSocket) as the transport; it becomes the
// transport's child.
class SocketTransport final : public HttpTransport
{
    Q_OBJECT
public:
    explicit SocketTransport(QTcpSocket *socket, QObject *parent = nullptr);

    qint64 readInto(QByteArray &buffer) override;
    bool holdsUnread() const override;
    void write(const QByteArray &bytes) override;
    qint64 bytesToWrite() const override;
    bool isConnected() const override;
    QHostAddress peerAddress() const override;
    quint16 peerPort() const override;
    bool isEncrypted() const override;
    qint64 skip(qint64 maxBytes) override;
    void closeAfterWrite() override;
    void abort() override;
    QTcpSocket *takeSocket(const QByteArray &replay) override;

private:
    QTcpSocket *m_socket;
};

#ifdef Q_OS_LINUX
// A connected, non-blocking TCP descriptor read and written directly
// (plain HTTP on Linux); owns and closes it. Reads only when asked
// (readInto), so bytes wait in the kernel, under TCP's flow control, while
// a request is being handled.
class DescriptorTransport final : public HttpTransport
{
    Q_OBJECT
public:
    // Takes `descriptor` over; nullptr-safe to use only if isConnected().
    explicit DescriptorTransport(int descriptor, QObject *parent = nullptr);
    ~DescriptorTransport() override;

    qint64 readInto(QByteArray &buffer) override;
    bool holdsUnread() const override { return m_fd >= 0 && !m_readAsked; }
    void write(const QByteArray &bytes) override;
    qint64 bytesToWrite() const override { return m_unsent.size() - m_unsentOffset; }
    bool isConnected() const override { return m_fd >= 0 && !m_closing; }
    QHostAddress peerAddress() const override { return m_peerAddress; }
    quint16 peerPort() const override { return m_peerPort; }
    bool isEncrypted() const override { return false; }
    qint64 skip(qint64 maxBytes) override;
    void closeAfterWrite() override;
    void abort() override;
    QTcpSocket *takeSocket(const QByteArray &replay) override;
    int duplicateDescriptor() const override;
    int releaseDescriptor() override;

private:
    void onReadable();
    void onWritable();
    void flush();
    // Closes the descriptor; disconnected() follows through the event loop.
    void closeNow();

    int m_fd = -1;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    std::unique_ptr<QSocketNotifier> m_readNotifier;
    std::unique_ptr<QSocketNotifier> m_writeNotifier;
    QByteArray m_unsent;
    qsizetype m_unsentOffset = 0;
    bool m_closing = false;  // closeAfterWrite(): no reads, close once sent
    bool m_readAsked = true; // readInto() ran since the last readyRead
    bool m_disconnectQueued = false;
};
#endif

} // namespace hm::server::http
