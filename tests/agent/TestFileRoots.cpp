// --files-root DIR[:ro]: what is accepted, how it is stored (canonical),
// and the refusals with their wire reasons.

#include "agent/FileRoots.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::agent;

class TestFileRoots : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString canonicalBase() const { return QFileInfo(m_dir.path()).canonicalFilePath(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("data/sub")));
        QFile file(m_dir.filePath(QStringLiteral("plain.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("data")),
                            m_dir.filePath(QStringLiteral("alias"))));
    }

    void acceptsADirectory()
    {
        const auto root = parseFileRoot(m_dir.filePath(QStringLiteral("data")));
        QVERIFY2(root.ok(), qPrintable(root.ok() ? QString() : root.error().toString()));
        QCOMPARE(root->path, canonicalBase() + QStringLiteral("/data"));
        QVERIFY(!root->readOnly);
    }

    void readOnlySuffix()
    {
        const auto root =
            parseFileRoot(m_dir.filePath(QStringLiteral("data")) + QStringLiteral(":ro"));
        QVERIFY(root.ok());
        QCOMPARE(root->path, canonicalBase() + QStringLiteral("/data"));
        QVERIFY(root->readOnly);
    }

    // Stored as realpath: requests name a root by that one spelling.
    void storedCanonical()
    {
        const auto viaLink = parseFileRoot(m_dir.filePath(QStringLiteral("alias")));
        QVERIFY(viaLink.ok());
        QCOMPARE(viaLink->path, canonicalBase() + QStringLiteral("/data"));
        const auto dotted = parseFileRoot(m_dir.filePath(QStringLiteral("data/sub/../")));
        QVERIFY(dotted.ok());
        QCOMPARE(dotted->path, canonicalBase() + QStringLiteral("/data"));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("code");
        const QString data = m_dir.filePath(QStringLiteral("data"));
        QTest::newRow("empty") << QString() << QStringLiteral("PATH_INVALID");
        QTest::newRow("only the suffix") << QStringLiteral(":ro") << QStringLiteral("PATH_INVALID");
        QTest::newRow("relative") << QStringLiteral("data") << QStringLiteral("PATH_INVALID");
        QTest::newRow("relative dot")
            << QStringLiteral("./data:ro") << QStringLiteral("PATH_INVALID");
        QTest::newRow("unknown suffix")
            << data + QStringLiteral(":rw") << QStringLiteral("PATH_INVALID");
        QTest::newRow("upper-case suffix")
            << data + QStringLiteral(":RO") << QStringLiteral("PATH_INVALID");
        QTest::newRow("two suffixes")
            << data + QStringLiteral(":ro:ro") << QStringLiteral("PATH_INVALID");
        QTest::newRow("empty suffix")
            << data + QStringLiteral(":") << QStringLiteral("PATH_INVALID");
        QTest::newRow("missing") << m_dir.filePath(QStringLiteral("nope"))
                                 << QStringLiteral("NOT_FOUND");
        QTest::newRow("a file") << m_dir.filePath(QStringLiteral("plain.txt"))
                                << QStringLiteral("NOT_A_DIRECTORY");
        QTest::newRow("a file, ro")
            << m_dir.filePath(QStringLiteral("plain.txt:ro")) << QStringLiteral("NOT_A_DIRECTORY");
    }

    void refusals()
    {
        QFETCH(QString, spec);
        QFETCH(QString, code);
        const auto root = parseFileRoot(spec);
        QVERIFY(!root.ok());
        QCOMPARE(root.error().code, ErrorCode::ValidationError);
        QCOMPARE(root.error().details.value(QStringLiteral("code")).toString(), code);
        QCOMPARE(root.error().details.value(QStringLiteral("field")).toString(),
                 QStringLiteral("files_root"));
        QVERIFY(!root.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFileRoots)
#include "TestFileRoots.moc"
