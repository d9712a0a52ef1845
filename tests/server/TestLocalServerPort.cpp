// The console's local server keeps its port (issue 34, item 5): started
// again on the same data directory it listens where it did, so what points
// at it survives a restart; when that port is taken it listens on a free one
// and keeps that for the next start. The real LocalServer (the whole server
// on its own thread) on a temporary data directory.

#include "server/runtime/LocalServer.h"
#include "server/runtime/LocalServerPort.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using hm::server::LocalServer;
namespace localServerPort = hm::server::localServerPort;

class TestLocalServerPort : public QObject
{
    Q_OBJECT

private:
    // Starts a local server on m_dir and returns the URL it listens on
    // (empty, with a failed check, when it did not start).
    QUrl start()
    {
        LocalServer::Options options;
        options.dataDir = m_dir.path();
        m_server = std::make_unique<LocalServer>(std::move(options));
        QSignalSpy started(m_server.get(), &LocalServer::started);
        QSignalSpy failed(m_server.get(), &LocalServer::failed);
        m_server->start();
        [&] { QTRY_VERIFY_WITH_TIMEOUT(!started.isEmpty() || !failed.isEmpty(), 30000); }();
        if (started.isEmpty())
            return {};
        return started.first().first().toUrl();
    }

    // Whether the server at `url` answers its health check.
    static bool answers(const QUrl &url)
    {
        QNetworkAccessManager network;
        std::unique_ptr<QNetworkReply> reply(
            network.get(QNetworkRequest(url.resolved(QUrl(QStringLiteral("/api/v1/health"))))));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!finished.wait(30000))
            return false;
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<LocalServer> m_server;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void keepsItsPortAcrossStarts()
    {
        QVERIFY(!QFile::exists(localServerPort::filePath(m_dir.path())));
        const QUrl first = start();
        QVERIFY(first.isValid() && first.port() > 0);
        QVERIFY(answers(first));
        QCOMPARE(localServerPort::read(m_dir.path()), quint16(first.port()));
        m_server.reset(); // stops it, as closing the console does

        const QUrl second = start();
        QCOMPARE(second, first);
        QVERIFY(answers(second));
        m_server.reset();
    }

    void movesToAFreePortWhenItsPortIsTaken()
    {
        const quint16 stored = localServerPort::read(m_dir.path());
        QVERIFY(stored > 0); // from the test above
        QTcpServer occupant;
        QVERIFY2(occupant.listen(QHostAddress::LocalHost, stored),
                 qPrintable(occupant.errorString()));

        const QUrl moved = start();
        QVERIFY(moved.isValid() && moved.port() > 0);
        QVERIFY(moved.port() != stored);
        QVERIFY(answers(moved));
        QCOMPARE(localServerPort::read(m_dir.path()), quint16(moved.port()));
        m_server.reset();

        // The new port is the one kept, even with the old one free again.
        occupant.close();
        QCOMPARE(start(), moved);
        m_server.reset();
    }

    void ignoresAStoredFileThatIsNotAPort()
    {
        QFile file(localServerPort::filePath(m_dir.path()));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("not a port\n");
        file.close();
        QCOMPARE(localServerPort::read(m_dir.path()), quint16(0));

        const QUrl url = start();
        QVERIFY(url.isValid() && url.port() > 0);
        QVERIFY(answers(url));
        QCOMPARE(localServerPort::read(m_dir.path()), quint16(url.port()));
        m_server.reset();
    }
};

QTEST_GUILESS_MAIN(TestLocalServerPort)
#include "TestLocalServerPort.moc"
