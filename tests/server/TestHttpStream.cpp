// The streamed answer of the HTTP front end (server/http/HttpStream.h),
// against an in-process HttpServer over loopback with a real QTcpSocket
// client: the body arrives whole after a Content-Length head and the
// connection serves the next request; a client that reads nothing holds
// the producer back (the server's memory stays bounded); a client that
// leaves cancels the producer; an abort closes the connection short of
// Content-Length; HEAD sends the head only.

#include "server/http/HttpListener.h"
#include "server/http/HttpServer.h"
#include "server/http/HttpStream.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>
#include <QTest>
#include <memory>

using namespace hm::server::http;

namespace {

constexpr qint64 kPiece = 256 * 1024;

// The byte at `offset` of every test body: position-dependent, so a lost,
// doubled or reordered piece shows.
char bodyByte(qint64 offset)
{
    return char((offset * 2654435761u) >> 13);
}

QByteArray bodyPiece(qint64 offset, qint64 size)
{
    QByteArray piece(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        piece[i] = bodyByte(offset + i);
    return piece;
}

// Writes the test body while the stream wants more: what a download does
// with the agent's pieces.
class Producer : public QObject
{
public:
    Producer(HttpStream *stream, qint64 abortAt) : m_stream(stream), m_abortAt(abortAt)
    {
        connect(stream, &HttpStream::drained, this, &Producer::pump);
        connect(stream, &HttpStream::cancelled, this, [this] { cancelled = true; });
        connect(stream, &HttpStream::finished, this, [this] { finished = true; });
        // Later, as pieces from an agent would come.
        QMetaObject::invokeMethod(this, &Producer::pump, Qt::QueuedConnection);
    }

    void pump()
    {
        while (m_stream && m_stream->wantsMore()) {
            if (m_abortAt >= 0 && written >= m_abortAt) {
                m_stream->abort();
                aborted = true;
                return;
            }
            const qint64 size = qMin(kPiece, m_stream->remaining());
            m_stream->write(bodyPiece(written, size));
            written += size;
        }
    }

    qint64 written = 0;
    bool cancelled = false;
    bool finished = false;
    bool aborted = false;

private:
    QPointer<HttpStream> m_stream;
    qint64 m_abortAt;
};

// A client reading one answer: the head, then the body as it comes.
struct Client
{
    QTcpSocket socket;
    QByteArray head;
    qint64 contentLength = -1;
    qint64 bodyRead = 0;
    bool bodyIntact = true;
    bool reading = true;
    bool headDone = false;

    void send(const QByteArray &request)
    {
        headDone = false;
        head.clear();
        contentLength = -1;
        bodyRead = 0;
        socket.write(request);
    }

    void read()
    {
        while (reading && socket.bytesAvailable() > 0) {
            if (!headDone) {
                if (!socket.canReadLine())
                    return;
                const QByteArray line = socket.readLine();
                head += line;
                if (line.toLower().startsWith("content-length:"))
                    contentLength = line.mid(15).trimmed().toLongLong();
                if (line == "\r\n")
                    headDone = true;
                continue;
            }
            const QByteArray bytes = socket.read(qMin<qint64>(1 << 20, contentLength - bodyRead));
            if (bytes.isEmpty())
                return;
            if (bytes != bodyPiece(bodyRead, bytes.size()))
                bodyIntact = false;
            bodyRead += bytes.size();
        }
    }
};

} // namespace

class TestHttpStream : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_server = std::make_unique<HttpServer>();
        m_listener = new HttpListener(m_server.get());
        QVERIFY(m_listener->listen(QHostAddress::LocalHost, 0));
        m_server->bind(m_listener);
        m_server->setHandler([this](const HttpRequest &request, HttpResponder responder) {
            HttpResponse response;
            if (request.path() == QLatin1String("/small")) {
                response.contentType = "text/plain";
                response.body = "small";
                responder.send(response);
                return;
            }
            response.contentType = "application/octet-stream";
            response.streamLength = m_length;
            response.onStream = [this](HttpStream *stream) {
                m_producer = std::make_unique<Producer>(stream, m_abortAt);
                m_streamOpenAtStart = stream->isOpen();
            };
            responder.send(response);
        });
    }

    void cleanup()
    {
        m_producer.reset();
        m_server.reset();
        m_length = 0;
        m_abortAt = -1;
    }

    void bodyArrivesWholeAndTheConnectionGoesOn()
    {
        m_length = 48 * 1024 * 1024 + 12345; // not a whole number of pieces
        Client client;
        connectClient(client);
        client.send("GET /file HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(client.bodyRead == m_length, 30000);
        QVERIFY(client.head.startsWith("HTTP/1.1 200 OK\r\n"));
        QCOMPARE(client.contentLength, m_length);
        QVERIFY(client.bodyIntact);
        QTRY_VERIFY(m_producer->finished);
        QVERIFY(!m_producer->cancelled);
        QCOMPARE(m_producer->written, m_length);
        // The same connection answers the next request.
        client.send("GET /small HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE(client.contentLength, 5);
        QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
    }

    void aClientThatReadsNothingHoldsTheProducerBack()
    {
        m_length = qint64(128) * 1024 * 1024;
        Client client;
        client.reading = false;
        connectClient(client);
        // A small receive buffer, as a slow client's would fill.
        client.socket.setReadBufferSize(64 * 1024);
        client.send("GET /file HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_VERIFY(m_producer && m_producer->written > 0);
        // Let it run until it stops by itself: the kernel's buffers and
        // the high-water mark hold it, whatever the body's size.
        qint64 last = -1;
        for (int round = 0; round < 50 && last != m_producer->written; ++round) {
            last = m_producer->written;
            QTest::qWait(100);
        }
        QCOMPARE(m_producer->written, last);
        QVERIFY2(m_producer->written < 64 * 1024 * 1024,
                 qPrintable(QString::number(m_producer->written)));
        QVERIFY(!m_producer->finished && !m_producer->cancelled);
        // Reading again lets it go on, to the end and byte-identical.
        client.socket.setReadBufferSize(0);
        client.reading = true;
        client.read();
        QTRY_VERIFY_WITH_TIMEOUT(client.bodyRead == m_length, 120000);
        QVERIFY(client.bodyIntact);
        QVERIFY(m_producer->finished);
    }

    void aClientThatLeavesCancelsTheProducer()
    {
        m_length = qint64(128) * 1024 * 1024;
        Client client;
        connectClient(client);
        client.send("GET /file HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_VERIFY(client.bodyRead > 8 * 1024 * 1024);
        client.socket.abort();
        QTRY_VERIFY(m_producer->cancelled);
        QVERIFY(!m_producer->finished);
        const qint64 written = m_producer->written;
        QTest::qWait(200);
        QCOMPARE(m_producer->written, written);
        QVERIFY(written < m_length);
    }

    void anAbortEndsTheConnectionShortOfContentLength()
    {
        m_length = 32 * 1024 * 1024;
        m_abortAt = 8 * 1024 * 1024;
        Client client;
        connectClient(client);
        client.send("GET /file HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE(client.socket.state(), QAbstractSocket::UnconnectedState);
        client.read();
        QVERIFY(m_producer->aborted);
        QCOMPARE(client.contentLength, m_length);
        QVERIFY(client.bodyRead <= m_abortAt);
        QVERIFY(client.bodyRead < client.contentLength);
        QVERIFY(client.bodyIntact);
        QVERIFY(!m_producer->cancelled);
    }

    void headSendsTheHeadOnly()
    {
        m_length = 1000;
        Client client;
        connectClient(client);
        client.send("HEAD /file HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_VERIFY(client.head.endsWith("\r\n\r\n"));
        QCOMPARE(client.contentLength, 1000);
        QVERIFY(m_producer);
        QVERIFY(!m_streamOpenAtStart);
        client.send("GET /small HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE(client.contentLength, 5);
        QTRY_VERIFY(client.head.endsWith("\r\n\r\n"));
        QCOMPARE(client.head.left(15), QByteArray("HTTP/1.1 200 OK"));
    }

private:
    void connectClient(Client &client)
    {
        QObject::connect(&client.socket, &QTcpSocket::readyRead, &client.socket,
                         [&client] { client.read(); });
        client.socket.connectToHost(QHostAddress::LocalHost, m_listener->serverPort());
        QVERIFY(client.socket.waitForConnected(5000));
    }

    std::unique_ptr<HttpServer> m_server;
    HttpListener *m_listener = nullptr;
    std::unique_ptr<Producer> m_producer;
    qint64 m_length = 0;
    qint64 m_abortAt = -1;
    bool m_streamOpenAtStart = true;
};

QTEST_GUILESS_MAIN(TestHttpStream)
#include "TestHttpStream.moc"
