// ConfinedFiles: nothing outside a files root is ever read, written, listed,
// moved or removed, whatever paths, symlinks and hard links are tried, and
// while another thread swaps a directory for a symlink to the outside.
// Every case runs twice: with openat2 and with the forced O_NOFOLLOW walk
// (the "walk" column). Then the behaviour of each operation, against real
// files.
//
// The sandbox: <tmp>/root is the files root, <tmp>/outside holds a secret
// no request may reach.

#include "agent/ConfinedFiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <cstdio>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace hm;
using namespace hm::agent;

namespace {

const QByteArray kSecret = QByteArrayLiteral("OUTSIDE-SECRET do not disclose");
const QByteArray kInside = QByteArrayLiteral("inside content");

QString codeOf(const Error &error)
{
    return error.details.value(QStringLiteral("code")).toString();
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("<unreadable>");
    return file.readAll();
}

bool makeSymlink(const QString &target, const QString &link)
{
    return ::symlink(QFile::encodeName(target).constData(), QFile::encodeName(link).constData()) ==
           0;
}

// Names (relative) and contents of everything under `dir`, symlinks as
// "-> target": what "nothing outside changed" compares.
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info(path);
        const QString name = QDir(dir).relativeFilePath(path);
        if (info.isSymLink())
            out.insert(name, "-> " + QFile::encodeName(info.symLinkTarget()));
        else if (info.isDir())
            out.insert(name, "<dir>");
        else
            out.insert(name, readFile(path));
    }
    return out;
}

// What one attempted operation came to, whatever it was.
struct Outcome
{
    bool ok = false;
    QString code;
    QByteArray data; // anything the operation returned to the caller
};

template <typename T> Outcome outcomeOf(const Result<T> &result, QByteArray data = {})
{
    if (!result.ok())
        return Outcome{false, codeOf(result.error()), {}};
    return Outcome{true, {}, std::move(data)};
}

Outcome attempt(ConfinedFiles &files, const QString &root, const QString &op, const QString &path,
                const QString &path2)
{
    if (op == QLatin1String("read")) {
        const auto result = files.read(root, path, 0, 1 << 20);
        return outcomeOf(result, result.ok() ? result->data : QByteArray());
    }
    if (op == QLatin1String("list")) {
        const auto result = files.list(root, path);
        QByteArray names;
        if (result.ok())
            for (const auto &entry : result->entries)
                names += entry.name.toUtf8() + '\n';
        return outcomeOf(result, names);
    }
    if (op == QLatin1String("stat"))
        return outcomeOf(files.stat(root, path));
    if (op == QLatin1String("write"))
        return outcomeOf(files.writeText(root, path, QByteArrayLiteral("pwned"), QString()));
    // Writing with the version an attacker can compute for the outside file.
    if (op == QLatin1String("overwrite"))
        return outcomeOf(
            files.writeText(root, path, QByteArrayLiteral("pwned"), sha256Hex(kSecret)));
    if (op == QLatin1String("mkdir"))
        return outcomeOf(files.makeDirectory(root, path));
    if (op == QLatin1String("rename"))
        return outcomeOf(files.rename(root, path, path2));
    if (op == QLatin1String("remove"))
        return outcomeOf(files.remove(root, path, false));
    if (op == QLatin1String("remove-r"))
        return outcomeOf(files.remove(root, path, true));
    if (op == QLatin1String("upload")) {
        const QByteArray bytes = QByteArrayLiteral("pwned");
        const auto id = files.beginUpload(root, path, bytes.size(), sha256Hex(bytes), true);
        if (!id.ok())
            return outcomeOf(id);
        if (const auto chunk = files.uploadChunk(*id, 0, bytes); !chunk.ok())
            return outcomeOf(chunk);
        return outcomeOf(files.finishUpload(*id));
    }
    qFatal("unknown operation");
}

// One escape attempt: the same request in both modes; the expected wire
// reason may differ (openat2 sees where a symlink leads, the walk refuses
// every symlink).
struct EscapeCase
{
    const char *name;
    const char *op;
    QString path;
    QString path2;
    const char *openat2Code;
    const char *walkCode;
};

} // namespace

class TestConfinedFiles : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_base; // canonical
    QString m_root;
    QString m_outside;

    QString inRoot(const QString &relative) const { return m_root + QLatin1Char('/') + relative; }
    QString outside(const QString &relative) const
    {
        return m_outside + QLatin1Char('/') + relative;
    }

    std::unique_ptr<ConfinedFiles> open(bool walk, ConfinedFilesLimits limits = {},
                                        bool readOnly = false) const
    {
        auto files = std::make_unique<ConfinedFiles>(
            QList<FileRoot>{FileRoot{m_root, readOnly}}, limits,
            walk ? ConfinedFiles::Resolver::ForceWalk : ConfinedFiles::Resolver::Automatic);
        return files;
    }

    // Every data-driven test: one row per mode.
    static void addModes()
    {
        QTest::addColumn<bool>("walk");
        QTest::newRow("openat2") << false;
        QTest::newRow("walk") << true;
    }

    // The mode's object, checked to really be that mode (this kernel has
    // openat2; an older one would not exercise the openat2 rows).
    std::unique_ptr<ConfinedFiles> openMode(bool walk, ConfinedFilesLimits limits = {},
                                            bool readOnly = false) const
    {
        auto files = open(walk, limits, readOnly);
        if (files->usesOpenat2() == walk)
            qFatal("the kernel has no openat2: the openat2 rows cannot run");
        return files;
    }

private slots:
    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_base = QFileInfo(m_tmp->path()).canonicalFilePath();
        m_root = m_base + QStringLiteral("/root");
        m_outside = m_base + QStringLiteral("/outside");
        QDir base(m_base);
        QVERIFY(base.mkpath(QStringLiteral("root/a/sub")));
        QVERIFY(base.mkpath(QStringLiteral("root/d")));
        QVERIFY(base.mkpath(QStringLiteral("outside/dir")));
        QVERIFY(writeFile(outside(QStringLiteral("secret")), kSecret));
        QVERIFY(writeFile(outside(QStringLiteral("dir/secret")), kSecret));
        QVERIFY(writeFile(inRoot(QStringLiteral("a/b.txt")), QByteArrayLiteral("hello\n")));
        QVERIFY(writeFile(inRoot(QStringLiteral("d/secret")), kInside));
        // Symlinks that lead outside: relative, absolute, to a directory,
        // a chain, through /proc.
        QVERIFY(makeSymlink(QStringLiteral("../outside/secret"), inRoot(QStringLiteral("evil"))));
        QVERIFY(makeSymlink(outside(QStringLiteral("secret")), inRoot(QStringLiteral("evil-abs"))));
        QVERIFY(makeSymlink(QStringLiteral("../outside"), inRoot(QStringLiteral("outdir"))));
        QVERIFY(makeSymlink(QStringLiteral("c2"), inRoot(QStringLiteral("c1"))));
        QVERIFY(makeSymlink(QStringLiteral("a/c3"), inRoot(QStringLiteral("c2"))));
        QVERIFY(
            makeSymlink(QStringLiteral("../../outside/secret"), inRoot(QStringLiteral("a/c3"))));
        QVERIFY(makeSymlink(QStringLiteral("/proc/self/root"), inRoot(QStringLiteral("procroot"))));
        QVERIFY(makeSymlink(QStringLiteral("/proc/self/cwd"), inRoot(QStringLiteral("proccwd"))));
        // A hard link to the outside secret (same file system: one
        // temporary directory).
        QVERIFY(::link(QFile::encodeName(outside(QStringLiteral("secret"))).constData(),
                       QFile::encodeName(inRoot(QStringLiteral("hl"))).constData()) == 0);
        // Symlinks that stay inside.
        QVERIFY(makeSymlink(QStringLiteral("a/b.txt"), inRoot(QStringLiteral("good"))));
        QVERIFY(makeSymlink(QStringLiteral("a"), inRoot(QStringLiteral("gooddir"))));
        QVERIFY(makeSymlink(QStringLiteral("../d/secret"), inRoot(QStringLiteral("a/up"))));
    }

    void cleanup() { m_tmp.reset(); }

    // ---- confinement ----

    void escapesAreRefused_data()
    {
        QTest::addColumn<bool>("walk");
        QTest::addColumn<QString>("op");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("path2");
        QTest::addColumn<QString>("code");

        const QString nul = QStringLiteral("d/se") + QChar(0) + QStringLiteral("cret");
        const QList<EscapeCase> cases = {
            {"dotdot", "read", QStringLiteral(".."), {}, "PATH_INVALID", "PATH_INVALID"},
            {"dotdot list", "list", QStringLiteral(".."), {}, "PATH_INVALID", "PATH_INVALID"},
            {"dotdot slash", "list", QStringLiteral("../"), {}, "PATH_INVALID", "PATH_INVALID"},
            {"a/../../outside/secret",
             "read",
             QStringLiteral("a/../../outside/secret"),
             {},
             "PATH_INVALID",
             "PATH_INVALID"},
            {"a/../../x write",
             "write",
             QStringLiteral("a/../../outside/new"),
             {},
             "PATH_INVALID",
             "PATH_INVALID"},
            {"/etc/passwd",
             "read",
             QStringLiteral("/etc/passwd"),
             {},
             "PATH_INVALID",
             "PATH_INVALID"},
            {"absolute outside", "read", QString(), {}, "PATH_INVALID", "PATH_INVALID"},
            {"a//b", "read", QStringLiteral("a//b.txt"), {}, "PATH_INVALID", "PATH_INVALID"},
            {"a/./b", "read", QStringLiteral("a/./b.txt"), {}, "PATH_INVALID", "PATH_INVALID"},
            {"./a", "read", QStringLiteral("./a/b.txt"), {}, "PATH_INVALID", "PATH_INVALID"},
            {"trailing slash on a file",
             "read",
             QStringLiteral("a/b.txt/"),
             {},
             "PATH_INVALID",
             "PATH_INVALID"},
            {"NUL", "read", nul, {}, "PATH_INVALID", "PATH_INVALID"},
            {"newline", "read", QStringLiteral("d/\nsecret"), {}, "PATH_INVALID", "PATH_INVALID"},
            {"symlink to outside file",
             "read",
             QStringLiteral("evil"),
             {},
             "PATH_OUTSIDE_ROOT",
             "SYMLINK_REFUSED"},
            {"absolute symlink",
             "read",
             QStringLiteral("evil-abs"),
             {},
             "PATH_OUTSIDE_ROOT",
             "SYMLINK_REFUSED"},
            {"symlink dir, read",
             "read",
             QStringLiteral("outdir/secret"),
             {},
             "PATH_OUTSIDE_ROOT",
             "SYMLINK_REFUSED"},
            {"symlink dir, nested",
             "read",
             QStringLiteral("outdir/dir/secret"),
             {},
             "PATH_OUTSIDE_ROOT",
             "SYMLINK_REFUSED"},
            {"symlink dir, list",
             "list",
             QStringLiteral("outdir"),
             {},
             "PATH_OUTSIDE_ROOT",
             "SYMLINK_REFUSED"},
            {"symlink dir, stat",
             "stat",
             QStringLiteral("outdir/secret"),
             {},
             "PATH_OUTSIDE_ROOT",
             "SYMLINK_REFUSED"},
            {"symlink chain",
             "read",
             QStringLiteral("c1"),
             {},
             "PATH_OUTSIDE_ROOT",
             "SYMLINK_REFUSED"},
            {"proc magic link",
             "read",
             QStringLiteral("procroot/etc/passwd"),
             {},
             "PATH_OUTSIDE_ROOT",
             "SYMLINK_REFUSED"},
            {"proc cwd",
             "list",
             QStringLiteral("proccwd"),
             {},
             "PATH_OUTSIDE_ROOT",
             "SYMLINK_REFUSED"},
            {"hard link, read",
             "read",
             QStringLiteral("hl"),
             {},
             "HARD_LINK_REFUSED",
             "HARD_LINK_REFUSED"},
            {"hard link, write",
             "overwrite",
             QStringLiteral("hl"),
             {},
             "HARD_LINK_REFUSED",
             "HARD_LINK_REFUSED"},
            {"hard link, upload over",
             "upload",
             QStringLiteral("hl"),
             {},
             "HARD_LINK_REFUSED",
             "HARD_LINK_REFUSED"},
            {"write through symlink",
             "overwrite",
             QStringLiteral("evil"),
             {},
             "SYMLINK_REFUSED",
             "SYMLINK_REFUSED"},
            {"create through symlink",
             "write",
             QStringLiteral("evil"),
             {},
             "SYMLINK_REFUSED",
             "SYMLINK_REFUSED"},
            {"write into symlink dir",
             "write",
             QStringLiteral("outdir/new"),
             {},
             "PATH_OUTSIDE_ROOT",
             "SYMLINK_REFUSED"},
            {"overwrite in symlink dir",
             "overwrite",
             QStringLiteral("outdir/secret"),
             {},
             "PATH_OUTSIDE_ROOT",
             "SYMLINK_REFUSED"},
            {"mkdir in symlink dir",
             "mkdir",
             QStringLiteral("outdir/newdir"),
             {},
             "PATH_OUTSIDE_ROOT",
             "SYMLINK_REFUSED"},
            {"mkdir via dotdot",
             "mkdir",
             QStringLiteral("../outside/newdir"),
             {},
             "PATH_INVALID",
             "PATH_INVALID"},
            {"rename out via dotdot", "rename", QStringLiteral("a/b.txt"),
             QStringLiteral("../outside/stolen"), "PATH_INVALID", "PATH_INVALID"},
            {"rename out via symlink dir", "rename", QStringLiteral("a/b.txt"),
             QStringLiteral("outdir/stolen"), "PATH_OUTSIDE_ROOT", "SYMLINK_REFUSED"},
            {"rename in from outside", "rename", QStringLiteral("outdir/secret"),
             QStringLiteral("stolen"), "PATH_OUTSIDE_ROOT", "SYMLINK_REFUSED"},
            {"rename over the outside secret", "rename", QStringLiteral("a/b.txt"),
             QStringLiteral("outdir/secret"), "PATH_OUTSIDE_ROOT", "SYMLINK_REFUSED"},
            {"remove through symlink dir",
             "remove",
             QStringLiteral("outdir/secret"),
             {},
             "PATH_OUTSIDE_ROOT",
             "SYMLINK_REFUSED"},
            {"remove -r through symlink dir",
             "remove-r",
             QStringLiteral("outdir/dir"),
             {},
             "PATH_OUTSIDE_ROOT",
             "SYMLINK_REFUSED"},
            {"remove via dotdot",
             "remove-r",
             QStringLiteral("a/../../outside"),
             {},
             "PATH_INVALID",
             "PATH_INVALID"},
            {"upload into symlink dir",
             "upload",
             QStringLiteral("outdir/new"),
             {},
             "PATH_OUTSIDE_ROOT",
             "SYMLINK_REFUSED"},
            {"upload over outside secret",
             "upload",
             QStringLiteral("outdir/secret"),
             {},
             "PATH_OUTSIDE_ROOT",
             "SYMLINK_REFUSED"},
            {"upload through symlink",
             "upload",
             QStringLiteral("evil"),
             {},
             "SYMLINK_REFUSED",
             "SYMLINK_REFUSED"},
        };
        for (const bool walk : {false, true}) {
            for (const EscapeCase &c : cases) {
                QString path = c.path;
                if (QByteArray(c.name) == "absolute outside")
                    path = outside(QStringLiteral("secret"));
                QTest::addRow("%s, %s", walk ? "walk" : "openat2", c.name)
                    << walk << QString::fromLatin1(c.op) << path << c.path2
                    << QString::fromLatin1(walk ? c.walkCode : c.openat2Code);
            }
        }
    }

    void escapesAreRefused()
    {
        QFETCH(bool, walk);
        QFETCH(QString, op);
        QFETCH(QString, path);
        QFETCH(QString, path2);
        QFETCH(QString, code);
        const auto before = snapshot(m_outside);
        auto files = openMode(walk);
        const Outcome outcome = attempt(*files, m_root, op, path, path2);
        QVERIFY2(!outcome.ok, "the escape was not refused");
        QCOMPARE(outcome.code, code);
        QVERIFY(!outcome.data.contains("OUTSIDE-SECRET"));
        QCOMPARE(snapshot(m_outside), before);
        // Nothing outside the root appeared next to it either.
        QCOMPARE(QDir(m_base).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 (QStringList{QStringLiteral("outside"), QStringLiteral("root")}));
    }

    // Removing a symlink that leads outside removes the link, never what
    // it points to.
    void removingASymlinkRemovesOnlyTheLink_data() { addModes(); }
    void removingASymlinkRemovesOnlyTheLink()
    {
        QFETCH(bool, walk);
        const auto before = snapshot(m_outside);
        auto files = openMode(walk);
        QVERIFY(files->remove(m_root, QStringLiteral("outdir"), true).ok());
        QVERIFY(files->remove(m_root, QStringLiteral("evil"), false).ok());
        QVERIFY(files->remove(m_root, QStringLiteral("procroot"), true).ok());
        QVERIFY(!QFileInfo::exists(inRoot(QStringLiteral("outdir"))));
        QVERIFY(!QFileInfo(inRoot(QStringLiteral("evil"))).isSymLink());
        QCOMPARE(snapshot(m_outside), before);
    }

    // A recursive removal of a tree holding symlinks to the outside (and a
    // hard link) removes the entries inside only.
    void recursiveRemoveStaysInside_data() { addModes(); }
    void recursiveRemoveStaysInside()
    {
        QFETCH(bool, walk);
        QVERIFY(QDir(m_root).mkpath(QStringLiteral("tree/deep/deeper")));
        QVERIFY(makeSymlink(m_outside, inRoot(QStringLiteral("tree/out"))));
        QVERIFY(makeSymlink(QStringLiteral("../../../outside"),
                            inRoot(QStringLiteral("tree/deep/out"))));
        QVERIFY(
            ::link(QFile::encodeName(outside(QStringLiteral("dir/secret"))).constData(),
                   QFile::encodeName(inRoot(QStringLiteral("tree/deep/deeper/hl"))).constData()) ==
            0);
        const auto before = snapshot(m_outside);
        auto files = openMode(walk);
        QVERIFY(files->remove(m_root, QStringLiteral("tree"), true).ok());
        QVERIFY(!QFileInfo::exists(inRoot(QStringLiteral("tree"))));
        QCOMPARE(snapshot(m_outside), before);
    }

    // Symlinks that stay beneath the root: openat2 follows them, the walk
    // refuses every symlink (it cannot resolve one without racing).
    void symlinksInsideTheRoot_data() { addModes(); }
    void symlinksInsideTheRoot()
    {
        QFETCH(bool, walk);
        auto files = openMode(walk);
        const auto viaLink = files->read(m_root, QStringLiteral("good"), 0, 100);
        const auto viaDir = files->list(m_root, QStringLiteral("gooddir"));
        const auto upAndBack = files->read(m_root, QStringLiteral("a/up"), 0, 100);
        if (walk) {
            QCOMPARE(codeOf(viaLink.error()), QStringLiteral("SYMLINK_REFUSED"));
            QCOMPARE(codeOf(viaDir.error()), QStringLiteral("SYMLINK_REFUSED"));
            QCOMPARE(codeOf(upAndBack.error()), QStringLiteral("SYMLINK_REFUSED"));
            QVERIFY(viaLink.error().message.contains(QStringLiteral("symbolic link")));
        } else {
            QVERIFY(viaLink.ok());
            QCOMPARE(viaLink->data, QByteArrayLiteral("hello\n"));
            QVERIFY(viaDir.ok());
            QCOMPARE(viaDir->entries.size(), 4); // b.txt, c3, sub, up
            QVERIFY(upAndBack.ok());
            QCOMPARE(upAndBack->data, kInside);
        }
        // Either way, stat and list show a symlink as a symlink.
        const auto stat = files->stat(m_root, QStringLiteral("evil"));
        QVERIFY(stat.ok());
        QCOMPARE(stat->type, ConfinedFileType::Symlink);
    }

    // A second thread swaps root/d between a real directory and a symlink
    // to the outside, thousands of times, while this one reads d/secret and
    // creates and removes d/new: the outside content is never returned and
    // nothing outside changes. (A path-string open of root + "/d/secret"
    // fails this test within a few hundred reads.)
    void swapRace_data() { addModes(); }
    void swapRace()
    {
        QFETCH(bool, walk);
        QVERIFY(writeFile(outside(QStringLiteral("dir/new")), kSecret));
        const auto before = snapshot(m_outside);
        QVERIFY(makeSymlink(QStringLiteral("../outside/dir"), inRoot(QStringLiteral("swap"))));
        auto files = openMode(walk);

        const QByteArray d = QFile::encodeName(inRoot(QStringLiteral("d")));
        const QByteArray swap = QFile::encodeName(inRoot(QStringLiteral("swap")));
        std::atomic<bool> stop{false};
        std::atomic<int> swaps{0};
        std::atomic<int> swapFailures{0};
        constexpr int kMinSwaps = 4000;
        std::thread swapper([&] {
            while (!stop.load() || swaps.load() < kMinSwaps) {
                if (::renameat2(AT_FDCWD, d.constData(), AT_FDCWD, swap.constData(),
                                RENAME_EXCHANGE) != 0)
                    swapFailures.fetch_add(1);
                swaps.fetch_add(1);
            }
        });

        int inside = 0;
        int refused = 0;
        QStringList unexpected;
        for (int i = 0; i < 4000; ++i) {
            const auto read = files->read(m_root, QStringLiteral("d/secret"), 0, 1 << 16);
            if (read.ok()) {
                if (read->data != kInside)
                    unexpected << QStringLiteral(
                                      "read returned %1 bytes that are not the inside content")
                                      .arg(read->data.size());
                ++inside;
            } else {
                ++refused;
                const QString code = codeOf(read.error());
                if (code != QLatin1String(walk ? "SYMLINK_REFUSED" : "PATH_OUTSIDE_ROOT") &&
                    code != QLatin1String("NOT_FOUND"))
                    unexpected << read.error().toString();
            }
            if (i % 4 == 0) {
                const auto wrote =
                    files->writeText(m_root, QStringLiteral("d/new"), "race", QString());
                if (wrote.ok())
                    (void)files->remove(m_root, QStringLiteral("d/new"), false);
            }
        }
        stop.store(true);
        swapper.join();
        QCOMPARE(swapFailures.load(), 0);
        qInfo("%d swaps; %d reads of the inside file, %d refused", swaps.load(), inside, refused);
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.mid(0, 5).join(QLatin1Char('\n'))));
        QCOMPARE(snapshot(m_outside), before);
    }

    void pathForms_data() { addModes(); }
    void pathForms()
    {
        QFETCH(bool, walk);
        auto files = openMode(walk);
        // "" and "." are the root; a directory may take one trailing slash.
        for (const QString &root : {QString(), QStringLiteral("."), QStringLiteral("./")}) {
            const auto listing = files->list(m_root, root);
            QVERIFY(listing.ok());
            QVERIFY(!listing->entries.isEmpty());
        }
        QVERIFY(files->list(m_root, QStringLiteral("a/")).ok());
        QCOMPARE(codeOf(files->list(m_root, QStringLiteral("a//")).error()),
                 QStringLiteral("PATH_INVALID"));
        QCOMPARE(codeOf(files->stat(m_root, QStringLiteral("a/")).error()),
                 QStringLiteral("PATH_INVALID"));
        QCOMPARE(
            codeOf(files
                       ->read(m_root,
                              QString(200, QLatin1Char('x')) + QString(200, QLatin1Char('y')), 0, 1)
                       .error()),
            QStringLiteral("PATH_INVALID"));
        // An unknown root, or a root named by a spelling other than its
        // configured one.
        for (const QString &root :
             {m_outside, m_root + QLatin1Char('/'), m_base + QStringLiteral("/root/."), QString(),
              QStringLiteral("/")}) {
            const auto listing = files->list(root, QString());
            QVERIFY(!listing.ok());
            QCOMPARE(codeOf(listing.error()), QStringLiteral("UNKNOWN_ROOT"));
        }
        // The path's form is checked before the root.
        QCOMPARE(codeOf(files->list(m_outside, QStringLiteral("..")).error()),
                 QStringLiteral("PATH_INVALID"));
        // Messages are for people and never carry file contents.
        const auto refused = files->read(m_root, QStringLiteral("evil"), 0, 100);
        QVERIFY(!refused.error().message.isEmpty());
        QVERIFY(!refused.error().message.contains(QStringLiteral("OUTSIDE-SECRET")));
    }

    // ---- behaviour ----

    void listing_data() { addModes(); }
    void listing()
    {
        QFETCH(bool, walk);
        QVERIFY(writeFile(inRoot(QStringLiteral("a/z.bin")), QByteArray(1234, 'z')));
        QVERIFY(::chmod(QFile::encodeName(inRoot(QStringLiteral("a/z.bin"))).constData(), 0640) ==
                0);
        QVERIFY(::mkfifo(QFile::encodeName(inRoot(QStringLiteral("a/fifo"))).constData(), 0600) ==
                0);
        auto files = openMode(walk);
        const auto listing = files->list(m_root, QStringLiteral("a"));
        QVERIFY(listing.ok());
        QVERIFY(!listing->truncated);
        QStringList names;
        for (const auto &entry : listing->entries)
            names << entry.name;
        QCOMPARE(names, (QStringList{QStringLiteral("b.txt"), QStringLiteral("c3"),
                                     QStringLiteral("fifo"), QStringLiteral("sub"),
                                     QStringLiteral("up"), QStringLiteral("z.bin")}));
        const auto &b = listing->entries[0];
        QCOMPARE(b.type, ConfinedFileType::File);
        QCOMPARE(b.size, 6);
        QCOMPARE(b.nlink, 1);
        QVERIFY(b.mtimeMs > 1600000000000LL);
        QCOMPARE(listing->entries[1].type, ConfinedFileType::Symlink);
        QCOMPARE(listing->entries[2].type, ConfinedFileType::Other);
        QCOMPARE(listing->entries[3].type, ConfinedFileType::Directory);
        QCOMPARE(listing->entries[5].mode, 0640u);
        QCOMPARE(listing->entries[5].size, 1234);
        QCOMPARE(confinedFileTypeName(listing->entries[3].type), QStringLiteral("dir"));

        // Bounded: the first entries by name, and a flag.
        ConfinedFilesLimits limits;
        limits.maxListEntries = 2;
        auto bounded = openMode(walk, limits);
        const auto first = bounded->list(m_root, QStringLiteral("a"));
        QVERIFY(first.ok());
        QVERIFY(first->truncated);
        QCOMPARE(first->entries.size(), 2);
        QCOMPARE(first->entries[0].name, QStringLiteral("b.txt"));
        QCOMPARE(first->entries[1].name, QStringLiteral("c3"));

        QCOMPARE(codeOf(files->list(m_root, QStringLiteral("a/b.txt")).error()),
                 QStringLiteral("NOT_A_DIRECTORY"));
        QCOMPARE(codeOf(files->list(m_root, QStringLiteral("nope")).error()),
                 QStringLiteral("NOT_FOUND"));
        // A FIFO is listed but not read (and opening it does not hang):
        // the caller's mistake, like a directory.
        const Error fifo = files->read(m_root, QStringLiteral("a/fifo"), 0, 10).error();
        QCOMPARE(codeOf(fifo), QStringLiteral("NOT_A_REGULAR_FILE"));
        QCOMPARE(fifo.code, ErrorCode::ValidationError);
    }

    void stat_data() { addModes(); }
    void stat()
    {
        QFETCH(bool, walk);
        auto files = openMode(walk);
        const auto root = files->stat(m_root, QString());
        QVERIFY(root.ok());
        QCOMPARE(root->type, ConfinedFileType::Directory);
        const auto file = files->stat(m_root, QStringLiteral("a/b.txt"));
        QVERIFY(file.ok());
        QCOMPARE(file->name, QStringLiteral("b.txt"));
        QCOMPARE(file->type, ConfinedFileType::File);
        QCOMPARE(file->size, 6);
        const auto dir = files->stat(m_root, QStringLiteral("a/sub"));
        QVERIFY(dir.ok());
        QCOMPARE(dir->type, ConfinedFileType::Directory);
        // The hard-linked file shows its link count (listing it is fine,
        // reading it is not).
        const auto hl = files->stat(m_root, QStringLiteral("hl"));
        QVERIFY(hl.ok());
        QCOMPARE(hl->nlink, 2);
        QCOMPARE(codeOf(files->stat(m_root, QStringLiteral("a/missing")).error()),
                 QStringLiteral("NOT_FOUND"));
        QCOMPARE(codeOf(files->stat(m_root, QStringLiteral("a/b.txt/x")).error()),
                 QStringLiteral("NOT_A_DIRECTORY"));
    }

    void readChunks_data() { addModes(); }
    void readChunks()
    {
        QFETCH(bool, walk);
        QByteArray content;
        for (int i = 0; i < 10000; ++i)
            content += char('a' + i % 26);
        QVERIFY(writeFile(inRoot(QStringLiteral("a/big.txt")), content));
        ConfinedFilesLimits limits;
        limits.maxReadChunk = 4096;
        auto files = openMode(walk, limits);
        QByteArray assembled;
        QString version;
        for (qint64 offset = 0; offset < content.size();) {
            const auto chunk = files->read(m_root, QStringLiteral("a/big.txt"), offset, 1 << 20);
            QVERIFY(chunk.ok());
            QVERIFY(chunk->data.size() <= 4096);
            QVERIFY(!chunk->data.isEmpty());
            QCOMPARE(chunk->offset, offset);
            QCOMPARE(chunk->fileSize, content.size());
            QCOMPARE(chunk->version, sha256Hex(content));
            assembled += chunk->data;
            offset += chunk->data.size();
            version = chunk->version;
        }
        QCOMPARE(assembled, content);
        const auto small = files->read(m_root, QStringLiteral("a/big.txt"), 100, 10);
        QVERIFY(small.ok());
        QCOMPARE(small->data, content.mid(100, 10));
        const auto atEnd = files->read(m_root, QStringLiteral("a/big.txt"), content.size(), 10);
        QVERIFY(atEnd.ok());
        QVERIFY(atEnd->data.isEmpty());
        QCOMPARE(
            codeOf(
                files->read(m_root, QStringLiteral("a/big.txt"), content.size() + 1, 10).error()),
            QStringLiteral("BAD_OFFSET"));
        QCOMPARE(codeOf(files->read(m_root, QStringLiteral("a/big.txt"), -1, 10).error()),
                 QStringLiteral("BAD_OFFSET"));
        QCOMPARE(codeOf(files->read(m_root, QStringLiteral("a"), 0, 10).error()),
                 QStringLiteral("IS_A_DIRECTORY"));
        QCOMPARE(codeOf(files->read(m_root, QString(), 0, 10).error()),
                 QStringLiteral("IS_A_DIRECTORY"));
        QCOMPARE(codeOf(files->read(m_root, QStringLiteral("a/none"), 0, 10).error()),
                 QStringLiteral("NOT_FOUND"));

        // Above the editable size the version is metadata, and it still
        // changes with the content.
        limits.maxEditableSize = 1000;
        auto large = openMode(walk, limits);
        const auto meta = large->read(m_root, QStringLiteral("a/big.txt"), 0, 10);
        QVERIFY(meta.ok());
        QVERIFY(meta->version.startsWith(QStringLiteral("meta:")));
        QVERIFY(writeFile(inRoot(QStringLiteral("a/big.txt")), content.toUpper()));
        const auto changed = large->read(m_root, QStringLiteral("a/big.txt"), 0, 10);
        QVERIFY(changed.ok());
        QVERIFY(changed->version != meta->version);
    }

    void writeText_data() { addModes(); }
    void writeText()
    {
        QFETCH(bool, walk);
        auto files = openMode(walk);
        const QString path = QStringLiteral("a/notes.txt");
        // Create-only.
        const auto created = files->writeText(m_root, path, "one\n", QString());
        QVERIFY(created.ok());
        QCOMPARE(*created, sha256Hex("one\n"));
        QCOMPARE(readFile(inRoot(path)), QByteArrayLiteral("one\n"));
        QCOMPARE(codeOf(files->writeText(m_root, path, "again\n", QString()).error()),
                 QStringLiteral("ALREADY_EXISTS"));
        QCOMPARE(readFile(inRoot(path)), QByteArrayLiteral("one\n"));

        // With the version read: replaced, permission bits kept.
        QVERIFY(::chmod(QFile::encodeName(inRoot(path)).constData(), 0604) == 0);
        const auto read = files->read(m_root, path, 0, 100);
        QVERIFY(read.ok());
        const auto updated = files->writeText(m_root, path, "two\n", read->version);
        QVERIFY2(updated.ok(), qPrintable(updated.ok() ? QString() : updated.error().toString()));
        QCOMPARE(readFile(inRoot(path)), QByteArrayLiteral("two\n"));
        QCOMPARE(*updated, files->read(m_root, path, 0, 100)->version);
        struct stat st = {};
        QVERIFY(::stat(QFile::encodeName(inRoot(path)).constData(), &st) == 0);
        QCOMPARE(st.st_mode & 07777, 0604u);

        // A stale version: CONFLICT, the file unchanged.
        const auto stale = files->writeText(m_root, path, "three\n", read->version);
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().code, ErrorCode::Conflict);
        QCOMPARE(codeOf(stale.error()), QStringLiteral("CONFLICT"));
        QCOMPARE(readFile(inRoot(path)), QByteArrayLiteral("two\n"));
        // A version for a file that is gone.
        QCOMPARE(
            codeOf(
                files->writeText(m_root, QStringLiteral("a/gone.txt"), "x", read->version).error()),
            QStringLiteral("CONFLICT"));
        QVERIFY(!QFileInfo::exists(inRoot(QStringLiteral("a/gone.txt"))));

        // Limits and targets that are not files.
        ConfinedFilesLimits limits;
        limits.maxEditableSize = 8;
        auto small = openMode(walk, limits);
        QCOMPARE(
            codeOf(
                small->writeText(m_root, QStringLiteral("a/long"), "123456789", QString()).error()),
            QStringLiteral("TOO_LARGE"));
        QVERIFY(writeFile(inRoot(QStringLiteral("a/huge")), QByteArray(100, 'h')));
        QCOMPARE(codeOf(small
                            ->writeText(m_root, QStringLiteral("a/huge"), "x",
                                        sha256Hex(QByteArray(100, 'h')))
                            .error()),
                 QStringLiteral("TOO_LARGE"));
        QCOMPARE(codeOf(files->writeText(m_root, QStringLiteral("a/sub"), "x", QString()).error()),
                 QStringLiteral("IS_A_DIRECTORY"));
        QCOMPARE(codeOf(files->writeText(m_root, QStringLiteral("nope/x"), "x", QString()).error()),
                 QStringLiteral("NOT_FOUND"));

        // No temporary file left behind.
        for (const QString &name :
             QDir(inRoot(QStringLiteral("a"))).entryList(QDir::AllEntries | QDir::Hidden))
            QVERIFY2(!name.startsWith(QStringLiteral(".hm-")), qPrintable(name));
    }

    void readOnlyRoot_data() { addModes(); }
    void readOnlyRoot()
    {
        QFETCH(bool, walk);
        const auto before = snapshot(m_root);
        auto files = openMode(walk, {}, true);
        const auto read = files->read(m_root, QStringLiteral("a/b.txt"), 0, 100);
        QVERIFY(read.ok());
        QVERIFY(files->list(m_root, QStringLiteral("a")).ok());
        QVERIFY(files->stat(m_root, QStringLiteral("a")).ok());
        const QList<Outcome> writes = {
            outcomeOf(files->writeText(m_root, QStringLiteral("a/b.txt"), "x", read->version)),
            outcomeOf(files->writeText(m_root, QStringLiteral("a/new"), "x", QString())),
            outcomeOf(files->makeDirectory(m_root, QStringLiteral("newdir"))),
            outcomeOf(files->rename(m_root, QStringLiteral("a/b.txt"), QStringLiteral("a/c.txt"))),
            outcomeOf(files->remove(m_root, QStringLiteral("a/b.txt"), false)),
            outcomeOf(files->remove(m_root, QStringLiteral("a"), true)),
            outcomeOf(files->beginUpload(m_root, QStringLiteral("up"), 1, sha256Hex("x"), true)),
        };
        for (const Outcome &outcome : writes) {
            QVERIFY(!outcome.ok);
            QCOMPARE(outcome.code, QStringLiteral("READ_ONLY_ROOT"));
        }
        QCOMPARE(snapshot(m_root), before);
    }

    void directories_data() { addModes(); }
    void directories()
    {
        QFETCH(bool, walk);
        auto files = openMode(walk);
        QVERIFY(files->makeDirectory(m_root, QStringLiteral("a/new")).ok());
        QVERIFY(QFileInfo(inRoot(QStringLiteral("a/new"))).isDir());
        QVERIFY(files->makeDirectory(m_root, QStringLiteral("a/new/inner/")).ok());
        QCOMPARE(codeOf(files->makeDirectory(m_root, QStringLiteral("a/new")).error()),
                 QStringLiteral("ALREADY_EXISTS"));
        QCOMPARE(codeOf(files->makeDirectory(m_root, QString()).error()),
                 QStringLiteral("ALREADY_EXISTS"));
        QCOMPARE(codeOf(files->makeDirectory(m_root, QStringLiteral("x/y")).error()),
                 QStringLiteral("NOT_FOUND"));
        QCOMPARE(codeOf(files->makeDirectory(m_root, QStringLiteral("a/b.txt/y")).error()),
                 QStringLiteral("NOT_A_DIRECTORY"));
    }

    void rename_data() { addModes(); }
    void rename()
    {
        QFETCH(bool, walk);
        auto files = openMode(walk);
        QVERIFY(
            files->rename(m_root, QStringLiteral("a/b.txt"), QStringLiteral("a/sub/c.txt")).ok());
        QCOMPARE(readFile(inRoot(QStringLiteral("a/sub/c.txt"))), QByteArrayLiteral("hello\n"));
        QVERIFY(!QFileInfo::exists(inRoot(QStringLiteral("a/b.txt"))));
        // Never replaces: both stay as they were.
        const auto replace =
            files->rename(m_root, QStringLiteral("a/sub/c.txt"), QStringLiteral("d/secret"));
        QCOMPARE(codeOf(replace.error()), QStringLiteral("ALREADY_EXISTS"));
        QCOMPARE(readFile(inRoot(QStringLiteral("d/secret"))), kInside);
        QCOMPARE(readFile(inRoot(QStringLiteral("a/sub/c.txt"))), QByteArrayLiteral("hello\n"));
        // A directory moves with its content; not into itself.
        QVERIFY(files->rename(m_root, QStringLiteral("a/sub"), QStringLiteral("moved")).ok());
        QCOMPARE(readFile(inRoot(QStringLiteral("moved/c.txt"))), QByteArrayLiteral("hello\n"));
        QCOMPARE(
            codeOf(files->rename(m_root, QStringLiteral("moved"), QStringLiteral("moved/inner"))
                       .error()),
            QStringLiteral("PATH_INVALID"));
        // A symlink moves as a link (even one leading outside).
        QVERIFY(files->rename(m_root, QStringLiteral("evil"), QStringLiteral("moved/evil")).ok());
        QVERIFY(QFileInfo(inRoot(QStringLiteral("moved/evil"))).isSymLink());
        QCOMPARE(readFile(outside(QStringLiteral("secret"))), kSecret);
        QCOMPARE(
            codeOf(files->rename(m_root, QStringLiteral("missing"), QStringLiteral("x")).error()),
            QStringLiteral("NOT_FOUND"));
        QCOMPARE(codeOf(files->rename(m_root, QString(), QStringLiteral("x")).error()),
                 QStringLiteral("PATH_INVALID"));
        QCOMPARE(
            codeOf(files->rename(m_root, QStringLiteral("moved"), QStringLiteral(".")).error()),
            QStringLiteral("PATH_INVALID"));
    }

    void remove_data() { addModes(); }
    void remove()
    {
        QFETCH(bool, walk);
        auto files = openMode(walk);
        QVERIFY(files->remove(m_root, QStringLiteral("a/b.txt"), false).ok());
        QVERIFY(!QFileInfo::exists(inRoot(QStringLiteral("a/b.txt"))));
        QVERIFY(files->remove(m_root, QStringLiteral("a/sub"), false).ok());
        QVERIFY(!QFileInfo::exists(inRoot(QStringLiteral("a/sub"))));
        const auto notEmpty = files->remove(m_root, QStringLiteral("a"), false);
        QCOMPARE(codeOf(notEmpty.error()), QStringLiteral("CONFLICT"));
        QVERIFY(QFileInfo::exists(inRoot(QStringLiteral("a/up"))));
        QVERIFY(files->remove(m_root, QStringLiteral("a"), true).ok());
        QVERIFY(!QFileInfo::exists(inRoot(QStringLiteral("a"))));
        // Removing a hard link leaves the other name.
        QVERIFY(files->remove(m_root, QStringLiteral("hl"), false).ok());
        QCOMPARE(readFile(outside(QStringLiteral("secret"))), kSecret);
        QCOMPARE(codeOf(files->remove(m_root, QStringLiteral("a"), true).error()),
                 QStringLiteral("NOT_FOUND"));
        QCOMPARE(codeOf(files->remove(m_root, QString(), true).error()),
                 QStringLiteral("PATH_INVALID"));
        QCOMPARE(codeOf(files->remove(m_root, QStringLiteral("."), true).error()),
                 QStringLiteral("PATH_INVALID"));
        QVERIFY(QFileInfo(m_root).isDir());
    }

    // ---- uploads ----

    void uploadInChunks_data() { addModes(); }
    void uploadInChunks()
    {
        QFETCH(bool, walk);
        auto files = openMode(walk);
        const QByteArray content = QByteArray(70000, 'u') + "end";
        const auto id = files->beginUpload(m_root, QStringLiteral("a/up.bin"), content.size(),
                                           sha256Hex(content).toUpper(), false);
        QVERIFY(id.ok());
        QCOMPARE(id->size(), 32);
        for (qint64 offset = 0; offset < content.size(); offset += 30000) {
            const auto received = files->uploadChunk(*id, offset, content.mid(offset, 30000));
            QVERIFY(received.ok());
            QCOMPARE(*received, qMin<qint64>(offset + 30000, content.size()));
        }
        QCOMPARE(files->uploadStatus(*id)->received, content.size());
        QVERIFY(files->finishUpload(*id).ok());
        QCOMPARE(readFile(inRoot(QStringLiteral("a/up.bin"))), content);
        QCOMPARE(codeOf(files->uploadStatus(*id).error()), QStringLiteral("UPLOAD_NOT_FOUND"));
        QCOMPARE(QDir(inRoot(QStringLiteral("a")))
                     .entryList({QStringLiteral(".hm-*")}, QDir::Hidden | QDir::Files),
                 QStringList());

        // An existing target: ALREADY_EXISTS unless overwrite, which keeps
        // the permission bits.
        QCOMPARE(
            codeOf(files->beginUpload(m_root, QStringLiteral("a/up.bin"), 1, sha256Hex("x"), false)
                       .error()),
            QStringLiteral("ALREADY_EXISTS"));
        QVERIFY(::chmod(QFile::encodeName(inRoot(QStringLiteral("a/up.bin"))).constData(), 0600) ==
                0);
        const auto again =
            files->beginUpload(m_root, QStringLiteral("a/up.bin"), 1, sha256Hex("x"), true);
        QVERIFY(again.ok());
        QVERIFY(files->uploadChunk(*again, 0, "x").ok());
        QVERIFY(files->finishUpload(*again).ok());
        QCOMPARE(readFile(inRoot(QStringLiteral("a/up.bin"))), QByteArrayLiteral("x"));
        struct stat st = {};
        QVERIFY(::stat(QFile::encodeName(inRoot(QStringLiteral("a/up.bin"))).constData(), &st) ==
                0);
        QCOMPARE(st.st_mode & 07777, 0600u);

        // An empty file.
        const auto empty =
            files->beginUpload(m_root, QStringLiteral("empty"), 0, sha256Hex({}), false);
        QVERIFY(empty.ok());
        QVERIFY(files->finishUpload(*empty).ok());
        QCOMPARE(QFileInfo(inRoot(QStringLiteral("empty"))).size(), 0);
        QCOMPARE(
            codeOf(files->beginUpload(m_root, QStringLiteral("a"), 0, sha256Hex({}), true).error()),
            QStringLiteral("IS_A_DIRECTORY"));
    }

    // Half an upload, the agent restarted (a new object), the rest resumed
    // by the same id: the result is byte-identical to the source.
    void uploadResumesAfterRestart_data() { addModes(); }
    void uploadResumesAfterRestart()
    {
        QFETCH(bool, walk);
        QByteArray source;
        for (int i = 0; i < 300000; ++i)
            source += char(i * 7 % 251);
        const QString sha = sha256Hex(source);
        const qint64 half = source.size() / 2;
        QString id;
        {
            auto files = openMode(walk);
            const auto begun =
                files->beginUpload(m_root, QStringLiteral("d/copy.bin"), source.size(), sha, false);
            QVERIFY(begun.ok());
            id = *begun;
            QVERIFY(files->uploadChunk(id, 0, source.left(half / 2)).ok());
            QVERIFY(files->uploadChunk(id, half / 2, source.mid(half / 2, half - half / 2)).ok());
            // The answer to the last chunk was lost: it is sent again.
            QCOMPARE(*files->uploadChunk(id, half / 2, source.mid(half / 2, half - half / 2)),
                     half);
            // Not a gap, and not different bytes at an old offset.
            QCOMPARE(codeOf(files->uploadChunk(id, half + 10, "x").error()),
                     QStringLiteral("BAD_OFFSET"));
            QCOMPARE(codeOf(files->uploadChunk(id, 0, "garbage").error()),
                     QStringLiteral("BAD_OFFSET"));
        }
        QVERIFY(!QFileInfo::exists(inRoot(QStringLiteral("d/copy.bin"))));
        auto files = openMode(walk);
        QCOMPARE(codeOf(files->uploadStatus(id).error()), QStringLiteral("UPLOAD_NOT_FOUND"));
        // The same id for another file finds no partial file there.
        QCOMPARE(codeOf(files
                            ->beginUpload(m_root, QStringLiteral("a/copy.bin"), source.size(), sha,
                                          false, id)
                            .error()),
                 QStringLiteral("UPLOAD_NOT_FOUND"));
        const auto resumed =
            files->beginUpload(m_root, QStringLiteral("d/copy.bin"), source.size(), sha, false, id);
        QVERIFY2(resumed.ok(), qPrintable(resumed.ok() ? QString() : resumed.error().toString()));
        QCOMPARE(*resumed, id);
        // Begun again while open: the same upload.
        QCOMPARE(*files->beginUpload(m_root, QStringLiteral("d/copy.bin"), source.size(), sha,
                                     false, id),
                 id);
        QCOMPARE(
            codeOf(
                files->beginUpload(m_root, QStringLiteral("d/other"), source.size(), sha, false, id)
                    .error()),
            QStringLiteral("CONFLICT"));
        const auto status = files->uploadStatus(id);
        QVERIFY(status.ok());
        QCOMPARE(status->received, half);
        QCOMPARE(status->totalSize, source.size());
        QCOMPARE(codeOf(files->finishUpload(id).error()), QStringLiteral("BAD_OFFSET"));
        QVERIFY(files->uploadChunk(id, half, source.mid(half)).ok());
        QVERIFY(files->finishUpload(id).ok());
        QCOMPARE(sha256Hex(readFile(inRoot(QStringLiteral("d/copy.bin")))), sha);
        QCOMPARE(QDir(inRoot(QStringLiteral("d")))
                     .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 (QStringList{QStringLiteral("copy.bin"), QStringLiteral("secret")}));
    }

    // Abandoned uploads do not block the node's uploads for good: when all
    // places are taken, one idle past the limit gives its place up, and a
    // resume of it (its id) carries on from its partial file.
    void abandonedUploadsGiveUpTheirPlace_data() { addModes(); }
    void abandonedUploadsGiveUpTheirPlace()
    {
        QFETCH(bool, walk);
        ConfinedFilesLimits limits;
        limits.maxOpenUploads = 2;
        limits.uploadIdleMs = 200;
        auto files = openMode(walk, limits);
        const QByteArray content = "0123456789";
        const auto first = files->beginUpload(m_root, QStringLiteral("a/first"), content.size(),
                                              sha256Hex(content), false);
        const auto second =
            files->beginUpload(m_root, QStringLiteral("a/second"), 1, sha256Hex("x"), false);
        QVERIFY(first.ok() && second.ok());
        QVERIFY(files->uploadChunk(*first, 0, content.left(4)).ok());
        // Both busy: the third waits, refused as a conflict (not "too large").
        const auto refused =
            files->beginUpload(m_root, QStringLiteral("a/third"), 1, sha256Hex("y"), false);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Conflict);
        QCOMPARE(codeOf(refused.error()), QStringLiteral("TOO_MANY_UPLOADS"));
        // The first idles past the limit while the second keeps busy.
        QTest::qWait(150);
        QVERIFY(files->uploadChunk(*second, 0, "x").ok());
        QTest::qWait(100);
        const auto third =
            files->beginUpload(m_root, QStringLiteral("a/third"), 1, sha256Hex("y"), false);
        QVERIFY2(third.ok(), qPrintable(third.ok() ? QString() : third.error().message));
        QCOMPARE(codeOf(files->uploadStatus(*first).error()), QStringLiteral("UPLOAD_NOT_FOUND"));
        QVERIFY(files->uploadStatus(*second).ok()); // the busy one kept its place
        // The first comes back where it was, once a place is free.
        QVERIFY(files->abortUpload(*third).ok());
        const auto resumed = files->beginUpload(m_root, QStringLiteral("a/first"), content.size(),
                                                sha256Hex(content), false, *first);
        QVERIFY2(resumed.ok(), qPrintable(resumed.ok() ? QString() : resumed.error().message));
        QCOMPARE(files->uploadStatus(*first)->received, 4);
        QVERIFY(files->uploadChunk(*first, 4, content.mid(4)).ok());
        QVERIFY(files->finishUpload(*first).ok());
        QCOMPARE(readFile(inRoot(QStringLiteral("a/first"))), content);
        QVERIFY(files->abortUpload(*second).ok());
    }

    void uploadRefusals_data() { addModes(); }
    void uploadRefusals()
    {
        QFETCH(bool, walk);
        ConfinedFilesLimits limits;
        limits.maxUploadSize = 1000;
        auto files = openMode(walk, limits);

        // A wrong checksum: refused, no target, no partial file.
        const auto wrong =
            files->beginUpload(m_root, QStringLiteral("a/w.bin"), 5, sha256Hex("other"), false);
        QVERIFY(wrong.ok());
        QVERIFY(files->uploadChunk(*wrong, 0, "hello").ok());
        const auto finished = files->finishUpload(*wrong);
        QVERIFY(!finished.ok());
        QCOMPARE(codeOf(finished.error()), QStringLiteral("CHECKSUM_MISMATCH"));
        QVERIFY(!QFileInfo::exists(inRoot(QStringLiteral("a/w.bin"))));
        QCOMPARE(QDir(inRoot(QStringLiteral("a")))
                     .entryList({QStringLiteral(".hm-*")}, QDir::Hidden | QDir::Files),
                 QStringList());
        QCOMPARE(codeOf(files->uploadStatus(*wrong).error()), QStringLiteral("UPLOAD_NOT_FOUND"));

        // Above the limit, declared or sent.
        const auto big =
            files->beginUpload(m_root, QStringLiteral("a/big"), 1001, sha256Hex("x"), false);
        QVERIFY(!big.ok());
        QCOMPARE(big.error().code, ErrorCode::PayloadTooLarge);
        QCOMPARE(codeOf(big.error()), QStringLiteral("TOO_LARGE"));
        const auto small =
            files->beginUpload(m_root, QStringLiteral("a/small"), 4, sha256Hex("abcd"), false);
        QVERIFY(small.ok());
        QCOMPARE(codeOf(files->uploadChunk(*small, 0, "abcde").error()),
                 QStringLiteral("TOO_LARGE"));
        QCOMPARE(files->uploadStatus(*small)->received, 0);
        // Aborted: the partial file goes.
        QVERIFY(files->abortUpload(*small).ok());
        QCOMPARE(QDir(inRoot(QStringLiteral("a")))
                     .entryList({QStringLiteral(".hm-*")}, QDir::Hidden | QDir::Files),
                 QStringList());
        QCOMPARE(codeOf(files->abortUpload(*small).error()), QStringLiteral("UPLOAD_NOT_FOUND"));
        QVERIFY(!QFileInfo::exists(inRoot(QStringLiteral("a/big"))));

        // Ids are what beginUpload made; anything else names nothing.
        for (const QString &id : {QString(), QStringLiteral("../../outside/secret"),
                                  QStringLiteral("x"), QString(32, QLatin1Char('0'))}) {
            QCOMPARE(codeOf(files->uploadChunk(id, 0, "x").error()),
                     QStringLiteral("UPLOAD_NOT_FOUND"));
            QCOMPARE(codeOf(files->finishUpload(id).error()), QStringLiteral("UPLOAD_NOT_FOUND"));
        }
        QCOMPARE(codeOf(files
                            ->beginUpload(m_root, QStringLiteral("a/r"), 1, sha256Hex("x"), false,
                                          QStringLiteral("../../outside/secret"))
                            .error()),
                 QStringLiteral("UPLOAD_NOT_FOUND"));
        QCOMPARE(codeOf(files
                            ->beginUpload(m_root, QStringLiteral("a/r"), 1,
                                          QStringLiteral("nothex"), false)
                            .error()),
                 QStringLiteral("CHECKSUM_MISMATCH"));
        QCOMPARE(codeOf(files->beginUpload(m_root, QStringLiteral("a/r"), -1, sha256Hex("x"), false)
                            .error()),
                 QStringLiteral("BAD_OFFSET"));

        // A partial file that a local user replaced by a symlink to the
        // outside is not reopened.
        QString id;
        {
            auto first = openMode(walk, limits);
            id = *first->beginUpload(m_root, QStringLiteral("a/s"), 5, sha256Hex("hello"), false);
        }
        const QString part = inRoot(QStringLiteral("a/.hm-upload-%1.part").arg(id));
        QVERIFY(QFile::remove(part));
        QVERIFY(makeSymlink(outside(QStringLiteral("secret")), part));
        const auto viaLink =
            files->beginUpload(m_root, QStringLiteral("a/s"), 5, sha256Hex("hello"), false, id);
        QCOMPARE(codeOf(viaLink.error()), QStringLiteral("SYMLINK_REFUSED"));
        QCOMPARE(readFile(outside(QStringLiteral("secret"))), kSecret);
    }
};

QTEST_GUILESS_MAIN(TestConfinedFiles)
#include "TestConfinedFiles.moc"
