// The streamed answer of the HTTP front end (server/http/HttpStream.h),
// against an in-process HttpServer over loopback with a real QTcpSocket
// client: the body arrives whole after a Content-Length head and the
// connection serves the next request; a client that reads nothing holds
// the producer back (the server's memory stays bounded); a client that
// leaves cancels the producer; an abort closes the connection short of
// Content-Length; HEAD sends the head only. A body of unknown length (a
// log followed live) goes chunked to HTTP/1.1 clients and ends with end()
// (the connection goes on), and until the connection closes to HTTP/1.0.

#include "server/http/HttpListener.h"
#include "server/http/HttpResponse.h"
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
    // Every status line names its status; one without a phrase of its own
    // (a status HiveMind never answers) ends after the code, as RFC 9112
    // allows, with nothing read from a null phrase (UBSan caught 206 and
    // 416 doing that).
    void statusLinesNameTheirStatus()
    {
        const auto statusLine = [](int status) {
            HttpResponse response;
            response.status = status;
            const QByteArray head = responseHead(response, 0, false, false, 0);
            return head.left(head.indexOf("\r\n"));
        };
        QCOMPARE(statusLine(200), QByteArray("HTTP/1.1 200 OK"));
        QCOMPARE(statusLine(206), QByteArray("HTTP/1.1 206 Partial Content"));
        QCOMPARE(statusLine(416), QByteArray("HTTP/1.1 416 Range Not Satisfiable"));
        QCOMPARE(statusLine(299), QByteArray("HTTP/1.1 299 "));
    }

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
            if (request.path() == QLatin1String("/live")) {
                response.contentType = "text/plain";
                response.streamLength = -1;
                response.onStream = [this](HttpStream *stream) { m_live = stream; };
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

    void anUnknownLengthGoesChunkedAndEnds()
    {
        QTcpSocket socket;
        QByteArray raw;
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket,
                         [&] { raw += socket.readAll(); });
        socket.connectToHost(QHostAddress::LocalHost, m_listener->serverPort());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /live HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_VERIFY(m_live);
        QTRY_VERIFY(raw.contains("\r\n\r\n"));
        const QByteArray head = raw.left(raw.indexOf("\r\n\r\n") + 4).toLower();
        QVERIFY2(head.contains("transfer-encoding: chunked\r\n"), head.constData());
        QVERIFY2(!head.contains("content-length"), head.constData());
        QCOMPARE(m_live->remaining(), qint64(-1));
        m_live->touch(); // quiet: nothing goes out
        m_live->write("one\n");
        m_live->write(QByteArray(300, 'x'));
        m_live->end();
        QVERIFY(!m_live || !m_live->isOpen());
        QTRY_VERIFY(raw.endsWith("0\r\n\r\n"));
        QCOMPARE(raw.mid(head.size()),
                 QByteArray("4\r\none\n\r\n12c\r\n" + QByteArray(300, 'x') + "\r\n0\r\n\r\n"));
        // The answer is complete: the connection takes the next request.
        raw.clear();
        socket.write("GET /small HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_VERIFY(raw.endsWith("small"));
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);

        // HTTP/1.0 knows no chunks: the body ends with the connection.
        QTcpSocket old;
        QByteArray oldRaw;
        QObject::connect(&old, &QTcpSocket::readyRead, &old, [&] { oldRaw += old.readAll(); });
        m_live = nullptr;
        old.connectToHost(QHostAddress::LocalHost, m_listener->serverPort());
        QVERIFY(old.waitForConnected(5000));
        old.write("GET /live HTTP/1.0\r\n\r\n");
        QTRY_VERIFY(m_live);
        m_live->write("plain\n");
        m_live->end();
        QTRY_COMPARE(old.state(), QAbstractSocket::UnconnectedState);
        oldRaw += old.readAll();
        QVERIFY2(!oldRaw.toLower().contains("transfer-encoding")
                     && !oldRaw.toLower().contains("content-length"),
                 oldRaw.constData());
        QVERIFY2(oldRaw.endsWith("\r\n\r\nplain\n"), oldRaw.constData());
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
    QPointer<HttpStream> m_live; // /live: written by the test itself
    qint64 m_length = 0;
    qint64 m_abortAt = -1;
    bool m_streamOpenAtStart = true;
};

QTEST_GUILESS_MAIN(TestHttpStream)
#include "TestHttpStream.moc"
