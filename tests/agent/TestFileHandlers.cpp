// The files capability's handlers in-process (agent/FileHandlers.h): every
// argument's type checked with the field named, chunks bounded to fit one
// frame, reads that say where the end is, text and base64 writes, an agent
// without roots, and every answer small enough for one response frame.
// The confinement itself is TestConfinedFiles' subject.

#include "agent/FileHandlers.h"
#include "agent/RemoteDispatcher.h"
#include "fleet/AgentProtocol.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::agent;

class TestFileHandlers : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_root;
    std::unique_ptr<RemoteDispatcher> m_dispatcher;

    // One request, answered synchronously (the handlers are).
    fleet::ResponseMessage ask(RemoteDispatcher &dispatcher, const QString &action,
                               const QJsonObject &args)
    {
        fleet::RequestMessage request;
        request.id = 7;
        request.capability = QStringLiteral("files");
        request.action = action;
        request.args = args;
        fleet::ResponseMessage answer;
        bool answered = false;
        dispatcher.dispatch(request, [&](const fleet::ResponseMessage &response) {
            answer = response;
            answered = true;
        });
        if (!answered)
            qFatal("a files handler did not answer synchronously");
        // What the agent would send must parse back as one frame.
        const QByteArray frame = fleet::serialize(answer);
        if (frame.size() > fleet::kMaxAgentResponseBytes)
            qFatal("a files answer does not fit one frame");
        return answer;
    }

    fleet::ResponseMessage ask(const QString &action, const QJsonObject &args)
    {
        return ask(*m_dispatcher, action, args);
    }

    QJsonObject at(const QString &path) const { return {{"root", m_root}, {"path", path}}; }

    static QJsonObject with(QJsonObject args, const char *key, const QJsonValue &value)
    {
        args.insert(QLatin1String(key), value);
        return args;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_root = QFileInfo(m_dir.path()).canonicalFilePath();
        m_dispatcher = std::make_unique<RemoteDispatcher>(QStringList{"files"});
        addFileHandlers(*m_dispatcher, {FileRoot{m_root, false}});
    }

    void rootsAreReported()
    {
        const auto answer = ask("roots", {});
        QVERIFY(answer.ok);
        const QJsonArray roots = answer.result.value("roots").toArray();
        QCOMPARE(roots.size(), 1);
        QCOMPARE(roots.first().toObject().value("path").toString(), m_root);
        QCOMPARE(roots.first().toObject().value("read_only").toBool(), false);
    }

    void argumentsAreChecked_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QJsonObject>("args");
        QTest::addColumn<QString>("field");
        const QJsonObject target{{"root", "/r"}, {"path", "a"}};
        QTest::newRow("no root") << "list" << QJsonObject{{"path", "a"}} << "root";
        QTest::newRow("root number") << "stat" << with(target, "root", 3) << "root";
        QTest::newRow("path array") << "read" << with(target, "path", QJsonArray{}) << "path";
        QTest::newRow("negative offset") << "read" << with(target, "offset", -1) << "offset";
        QTest::newRow("fractional length") << "read" << with(target, "length", 1.5) << "length";
        QTest::newRow("length above a chunk")
            << "read" << with(target, "length", double(kMaxFileChunkBytes + 1)) << "length";
        QTest::newRow("content missing") << "write" << target << "content";
        QTest::newRow("unknown encoding")
            << "write" << with(with(target, "content", "x"), "encoding", "utf16") << "encoding";
        QTest::newRow("bad base64")
            << "write" << with(with(target, "content", "!!"), "encoding", "base64") << "content";
        QTest::newRow("version number")
            << "write" << with(with(target, "content", "x"), "expected_version", 1)
            << "expected_version";
        QTest::newRow("rename without to")
            << "rename" << QJsonObject{{"root", "/r"}, {"from", "a"}} << "to";
        QTest::newRow("rename without from")
            << "rename" << QJsonObject{{"root", "/r"}, {"to", "a"}} << "from";
        QTest::newRow("recursive text")
            << "remove" << with(target, "recursive", "yes") << "recursive";
        QTest::newRow("upload without size")
            << "upload_begin" << with(target, "sha256", "00") << "size";
        QTest::newRow("upload without sha")
            << "upload_begin" << with(target, "size", 3) << "sha256";
        QTest::newRow("overwrite text")
            << "upload_begin"
            << with(with(with(target, "size", 3), "sha256", "00"), "overwrite", "no")
            << "overwrite";
        QTest::newRow("chunk without id")
            << "upload_chunk" << QJsonObject{{"offset", 0}} << "upload_id";
        QTest::newRow("chunk without data")
            << "upload_chunk" << QJsonObject{{"upload_id", "x"}, {"offset", 0}} << "data";
        QTest::newRow("chunk too large")
            << "upload_chunk"
            << QJsonObject{{"upload_id", "x"},
                           {"offset", 0},
                           {"data", QString::fromLatin1(
                                        QByteArray(kMaxFileChunkBytes + 3, 'a').toBase64())}}
            << "data";
        QTest::newRow("status id number")
            << "upload_status" << QJsonObject{{"upload_id", 5}} << "upload_id";
    }

    void argumentsAreChecked()
    {
        QFETCH(QString, action);
        QFETCH(QJsonObject, args);
        QFETCH(QString, field);
        const auto answer = ask(action, args);
        QVERIFY(!answer.ok);
        QCOMPARE(answer.errorCode, QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(answer.errorDetails.value("field").toString(), field);
    }

    void readsSayWhereTheEndIs()
    {
        QFile file(m_root + "/big.bin");
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray bytes(kMaxFileChunkBytes + 10, 'z');
        file.write(bytes);
        file.close();
        const auto first = ask("read", at("big.bin"));
        QVERIFY(first.ok);
        QCOMPARE(QByteArray::fromBase64(first.result.value("data").toString().toLatin1()).size(),
                 kMaxFileChunkBytes);
        QCOMPARE(first.result.value("eof").toBool(), false);
        QCOMPARE(first.result.value("size").toInteger(), bytes.size());
        const auto rest = ask("read", with(at("big.bin"), "offset", double(kMaxFileChunkBytes)));
        QVERIFY(rest.ok);
        QCOMPARE(QByteArray::fromBase64(rest.result.value("data").toString().toLatin1()).size(),
                 10);
        QCOMPARE(rest.result.value("eof").toBool(), true);
        QCOMPARE(rest.result.value("version"), first.result.value("version"));
    }

    void writesTakeTextOrBase64()
    {
        const auto text = ask("write", with(at("t.txt"), "content", "grüße\n"));
        QVERIFY(text.ok);
        QCOMPARE(text.result.value("size").toInt(), 8);
        QFile written(m_root + "/t.txt");
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), QString("grüße\n").toUtf8());
        written.close();
        const QByteArray binary("\x00\xff\x10", 3);
        const auto encoded = ask(
            "write", with(with(with(at("t.txt"), "content", QString::fromLatin1(binary.toBase64())),
                               "encoding", "base64"),
                          "expected_version", text.result.value("version")));
        QVERIFY2(encoded.ok, qPrintable(encoded.errorMessage));
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), binary);
    }

    void listsAndStatsDescribeEntries()
    {
        QVERIFY(QDir(m_root).mkpath("sub"));
        const auto listed = ask("list", at(""));
        QVERIFY(listed.ok);
        QStringList names;
        for (const QJsonValue &value : listed.result.value("entries").toArray()) {
            const QJsonObject entry = value.toObject();
            names.append(entry.value("name").toString());
            for (const char *key : {"type", "size", "mode", "mtime", "nlink"})
                QVERIFY2(entry.contains(QLatin1String(key)), key);
        }
        QVERIFY(names.contains("sub"));
        QCOMPARE(listed.result.value("truncated").toBool(), false);
        const auto stat = ask("stat", at("sub"));
        QVERIFY(stat.ok);
        QCOMPARE(stat.result.value("entry").toObject().value("type").toString(),
                 QStringLiteral("dir"));
    }

    void uploadsNameTheirFile()
    {
        const QByteArray bytes("uploaded");
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        const auto begun =
            ask("upload_begin", with(with(at("up.txt"), "size", bytes.size()), "sha256", sha));
        QVERIFY2(begun.ok, qPrintable(begun.errorMessage));
        const QString id = begun.result.value("upload_id").toString();
        const auto chunk = ask(
            "upload_chunk",
            {{"upload_id", id}, {"offset", 0}, {"data", QString::fromLatin1(bytes.toBase64())}});
        QVERIFY(chunk.ok);
        QCOMPARE(chunk.result.value("received").toInt(), bytes.size());
        const auto status = ask("upload_status", {{"upload_id", id}});
        QCOMPARE(status.result.value("path").toString(), QStringLiteral("up.txt"));
        QCOMPARE(status.result.value("root").toString(), m_root);
        const auto finished = ask("upload_finish", {{"upload_id", id}});
        QVERIFY2(finished.ok, qPrintable(finished.errorMessage));
        QCOMPARE(finished.result.value("path").toString(), QStringLiteral("up.txt"));
        QCOMPARE(ask("upload_status", {{"upload_id", id}}).errorDetails.value("code").toString(),
                 QStringLiteral("UPLOAD_NOT_FOUND"));
    }

    void noRootsNoFiles()
    {
        RemoteDispatcher dispatcher(QStringList{"files"});
        addFileHandlers(dispatcher, {});
        for (const char *action : {"roots", "list", "read", "upload_begin"}) {
            const auto answer = ask(dispatcher, QLatin1String(action), at(""));
            QVERIFY(!answer.ok);
            QCOMPARE(answer.errorCode, QStringLiteral("FORBIDDEN"));
            QCOMPARE(answer.errorDetails.value("code").toString(), QStringLiteral("NO_FILE_ROOTS"));
        }
    }
};

QTEST_GUILESS_MAIN(TestFileHandlers)
#include "TestFileHandlers.moc"
