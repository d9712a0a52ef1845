// The pure parts of the node files routes: seed 002's multipart/form-data
// bodies (server/routes/remote/MultipartForm.h) and the mapping of its
// absolute paths onto an agent's roots (FileOps.h mapAbsoluteFilePath).
// Both read what clients send, so the malformed cases matter most.

#include "server/routes/remote/MultipartForm.h"
#include "server/services/remote/FileOps.h"

#include <QJsonArray>
#include <QTest>

using namespace hm;
using namespace hm::server;

class TestFileForms : public QObject
{
    Q_OBJECT

    static QByteArray form(const QByteArray &boundary, const QList<QByteArray> &parts)
    {
        QByteArray body;
        for (const QByteArray &part : parts)
            body += "--" + boundary + "\r\n" + part + "\r\n";
        return body + "--" + boundary + "--\r\n";
    }

private slots:
    void aBrowserFormParses()
    {
        static const char raw[] = "line 1\r\n--not-the-boundary\r\n\x00\xff";
        const QByteArray content(raw, sizeof raw - 1); // the NUL inside included
        const QByteArray body =
            form("----WebKitFormBoundary7MA4YWxk",
                 {"Content-Disposition: form-data; name=\"path\"\r\n\r\n/srv/www/a.txt",
                  "Content-Disposition: form-data; name=\"file\"; filename=\"a \\\"b\\\".txt\"\r\n"
                  "Content-Type: application/octet-stream\r\n\r\n" +
                      content});
        const auto parts = parseMultipartForm(
            "multipart/form-data; boundary=\"----WebKitFormBoundary7MA4YWxk\"", body);
        QVERIFY2(parts.ok(), qPrintable(parts.ok() ? QString() : parts.error().message));
        QCOMPARE(parts->size(), 2);
        QCOMPARE(parts->at(0).name, QStringLiteral("path"));
        QCOMPARE(parts->at(0).body, QByteArray("/srv/www/a.txt"));
        QCOMPARE(parts->at(1).name, QStringLiteral("file"));
        QCOMPARE(parts->at(1).fileName, QStringLiteral("a \"b\".txt"));
        QCOMPARE(parts->at(1).body, content);
    }

    void anEmptyFilePartParses()
    {
        const auto parts = parseMultipartForm(
            "Multipart/Form-Data; charset=utf-8; boundary=xyz",
            form("xyz", {"Content-Disposition: form-data; name=\"file\"; filename=\"e\"\r\n\r\n"}));
        QVERIFY(parts.ok());
        QCOMPARE(parts->size(), 1);
        QVERIFY(parts->at(0).body.isEmpty());
    }

    void malformedFormsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        const QByteArray good = form("b", {"Content-Disposition: form-data; name=\"x\"\r\n\r\n1"});
        QTest::newRow("json") << QByteArray("application/json") << good;
        QTest::newRow("no boundary") << QByteArray("multipart/form-data") << good;
        QTest::newRow("empty boundary") << QByteArray("multipart/form-data; boundary=") << good;
        QTest::newRow("boundary too long")
            << QByteArray("multipart/form-data; boundary=" + QByteArray(71, 'b')) << good;
        QTest::newRow("other boundary") << QByteArray("multipart/form-data; boundary=c") << good;
        QTest::newRow("empty body")
            << QByteArray("multipart/form-data; boundary=b") << QByteArray();
        QTest::newRow("not closed")
            << QByteArray("multipart/form-data; boundary=b") << good.left(good.size() - 8);
        QTest::newRow("headers never end")
            << QByteArray("multipart/form-data; boundary=b")
            << QByteArray("--b\r\nContent-Disposition: form-data; name=\"x\"");
        QTest::newRow("no disposition") << QByteArray("multipart/form-data; boundary=b")
                                        << form("b", {"Content-Type: text/plain\r\n\r\n1"});
        QTest::newRow("no name") << QByteArray("multipart/form-data; boundary=b")
                                 << form("b", {"Content-Disposition: form-data\r\n\r\n1"});
        QList<QByteArray> many;
        for (int i = 0; i <= kMaxMultipartParts; ++i)
            many.append("Content-Disposition: form-data; name=\"x\"\r\n\r\n1");
        QTest::newRow("too many parts")
            << QByteArray("multipart/form-data; boundary=b") << form("b", many);
    }

    void malformedFormsAreRefused()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        const auto parts = parseMultipartForm(contentType, body);
        QVERIFY(!parts.ok());
        QCOMPARE(parts.error().code, ErrorCode::ValidationError);
    }

    void absolutePathsMapOntoTheLongestRoot_data()
    {
        QTest::addColumn<QString>("absolute");
        QTest::addColumn<QString>("root");
        QTest::addColumn<QString>("path");
        QTest::newRow("in a root") << "/srv/www/a/b.txt"
                                   << "/srv/www"
                                   << "a/b.txt";
        QTest::newRow("the longer root") << "/srv/www/logs/x"
                                         << "/srv/www/logs"
                                         << "x";
        QTest::newRow("the root itself") << "/srv/www"
                                         << "/srv/www"
                                         << "";
        QTest::newRow("trailing slash") << "/srv/www/"
                                        << "/srv/www"
                                        << "";
        // Not normalised here: the agent refuses it (PATH_INVALID).
        QTest::newRow("dot dot kept") << "/srv/www/../etc"
                                      << "/srv/www"
                                      << "../etc";
    }

    void absolutePathsMapOntoTheLongestRoot()
    {
        QFETCH(QString, absolute);
        QFETCH(QString, root);
        QFETCH(QString, path);
        const QJsonArray roots{QJsonObject{{"path", "/srv/www"}, {"read_only", false}},
                               QJsonObject{{"path", "/srv/www/logs"}, {"read_only", true}},
                               QJsonObject{{"path", "/var/log"}}};
        const auto target = remote::mapAbsoluteFilePath(roots, absolute);
        QVERIFY(target.ok());
        QCOMPARE(target->root, root);
        QCOMPARE(target->path, path);
    }

    void pathsOutsideTheRootsAreRefused()
    {
        const QJsonArray roots{QJsonObject{{"path", "/srv/www"}}};
        for (const char *outside : {"/srv/www2/a", "/srv", "/etc/passwd"}) {
            const auto refused = remote::mapAbsoluteFilePath(roots, QLatin1String(outside));
            QVERIFY2(!refused.ok(), outside);
            QCOMPARE(refused.error().code, ErrorCode::Forbidden);
            QCOMPARE(refused.error().details.value("code").toString(),
                     QStringLiteral("PATH_OUTSIDE_ROOT"));
        }
        const auto relative = remote::mapAbsoluteFilePath(roots, QStringLiteral("srv/www/a"));
        QCOMPARE(relative.error().code, ErrorCode::ValidationError);
        QCOMPARE(remote::mapAbsoluteFilePath({}, QStringLiteral("/srv/www/a")).error().code,
                 ErrorCode::Forbidden);
        // A root of "/" holds everything absolute.
        const auto slash =
            remote::mapAbsoluteFilePath(QJsonArray{QJsonObject{{"path", "/"}}}, "/etc/hosts");
        QVERIFY(slash.ok());
        QCOMPARE(slash->path, QStringLiteral("etc/hosts"));
    }
};

QTEST_GUILESS_MAIN(TestFileForms)
#include "TestFileForms.moc"
