// Node detail, "Files" (issue 38) against a real in-process server and real
// hivemind-agent processes: "files-1" runs an agent started with
// --allow files and two roots (one `:ro`), "plain-1" one with the default
// capabilities. Through the UI: browse into a folder (double-click, the
// breadcrumb, Up), create a folder, upload a file in chunks (the bytes on
// the node identical, progress seen), download it (identical, SHA-256
// told), edit and save a text file, an edit that meets a change made on the
// node meanwhile (the conflict choices: Overwrite), rename and delete; a
// read-only root turns the writing actions off; a name with '/' is refused
// before anything is sent; the tab shows only where /access says files are
// usable (not for plain-1, nor for a VIEWER). The list model is checked with
// QAbstractItemModelTester. With HIVEMIND_SCREENSHOT_DIR set,
// `screenshots` saves the tab and the editor in en, zh_TW and zh_CN.

#include "AdminTestSupport.h"
#include "ColumnAlignmentSupport.h"
#include "ContrastSupport.h"
#include "NodeAgentSupport.h"
#include "NodeTabGrantSupport.h"
#include "ServerProcess.h"
#include "client/FileTransfer.h"
#include "client/NodesApi.h"
#include "client/RemoteApi.h"
#include "client/SystemApi.h"
#include "fleet/NodeFileEditorDialog.h"
#include "fleet/NodeFileModel.h"
#include "fleet/NodeFileNameDialog.h"
#include "fleet/NodeFilesView.h"
#include "fleet/NodeListModel.h"
#include "fleet/NodesPage.h"
#include "widgets/BackgroundTaskList.h"
#include "widgets/BackgroundTasks.h"
#include "widgets/BackgroundTasksStatus.h"
#include "widgets/ByteSizeText.h"
#include "widgets/MessageBox.h"
#include "widgets/SectionEmptyState.h"
#include "widgets/ThemeManager.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <algorithm>
#include <cmath>

using namespace hm::app;
using namespace hm::client;
using namespace admintest;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(38);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(generator.bounded(256));
    return bytes;
}

FileEntry fileEntry(const QString &name, const QString &type, qint64 size)
{
    FileEntry e;
    e.name = name;
    e.type = type;
    e.size = size;
    e.mode = type == QLatin1String("dir") ? 0755 : 0644;
    e.modified = QDateTime::currentDateTimeUtc();
    return e;
}

} // namespace

class TestNodeFiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init()
    {
        DialogSeam::setNextHandler({});
        MessageBox::setNextAnswer(QMessageBox::NoButton);
    }
    void modelPutsFoldersFirstAndFetchesLazily();
    void browseIntoAFolderAndBack();
    void createAFolderAndRefuseABadName();
    void uploadThenDownloadKeepTheBytes();
    void editAndSave();
    void editMeetsAChangeOnTheNode();
    void aFileTooLargeToEditSaysWhy();
    void renameAndDelete();
    void oddNamesTravelIntact();
    void readOnlyRootTurnsWritingOff();
    void tabOnlyWhereFilesAreUsable();
    void anInterruptedUploadResumes();
    void transfersShowInTheStatusBarsTaskList();
    void cancellingFromTheTaskListStopsTheTransfer();
    void messagesFollowALanguageSwitch();
    void headersSitLikeTheirColumnsAndAFolderHasNoSize();
    void iconStaysWholeOnASelectedRow();
    void screenshots();

private:
    ApiClient *client() { return m_server.connection->client(); }
    bool startAgent(NodeAgent &agent, const QString &name, const QString &label,
                    const QStringList &extra)
    {
        return m_agents.start(*client(), m_server.connection->baseUrl(), agent, name, label, extra);
    }
    // The files-1 page with the Files tab showing `path` of the first root.
    std::unique_ptr<NodesPage> filesPage(const QString &path = {});
    static bool tabShown(NodesPage &page)
    {
        auto *tabs = child<QTabWidget>(&page, "nodes.detailTabs");
        return tabs->isTabVisible(tabs->indexOf(page.filesView()));
    }
    static void selectName(NodeFilesView *view, const QString &name)
    {
        child<QTableView>(view, "nodes.files.list")->selectRow(view->model()->rowOfName(name));
    }
    // The name in the list's selected row (empty: none selected).
    static QString selectedName(NodeFilesView *view)
    {
        return child<QTableView>(view, "nodes.files.list")
            ->selectionModel()
            ->selectedRows()
            .value(0)
            .data()
            .toString();
    }
    static bool listed(NodeFilesView *view, const QString &name)
    {
        return !view->isLoading() && view->model()->rowOfName(name) >= 0;
    }

    // The newest audit entry of `action`: by whom, on which node, for which
    // path (never the content).
    AuditEntry newestAudit(const QString &action)
    {
        AuditFilter filter;
        filter.action = action;
        filter.page.size = 1;
        auto page =
            await<Page<AuditEntry>>([&](auto done) { SystemApi(*client()).audit(filter, done); });
        return page.ok() && !page->items.isEmpty() ? page->items.first() : AuditEntry();
    }

    AdminServer m_server;
    NodeAgents m_agents;
    QTemporaryDir m_tree;
    QString m_root; // canonical, as the agent lists it
    QString m_ro;
    NodeAgent m_files;
    NodeAgent m_plain;
};

void TestNodeFiles::initTestCase()
{
    QVERIFY(m_server.start("TestNodeFiles"));
    QVERIFY(m_agents.isValid() && m_tree.isValid());
    QVERIFY(QDir(m_tree.path()).mkpath(QStringLiteral("www/docs")));
    QVERIFY(QDir(m_tree.path()).mkpath(QStringLiteral("ro")));
    m_root = QFileInfo(m_tree.filePath(QStringLiteral("www"))).canonicalFilePath();
    m_ro = QFileInfo(m_tree.filePath(QStringLiteral("ro"))).canonicalFilePath();
    QVERIFY(writeAll(m_root + QStringLiteral("/docs/readme.txt"), "hello from the node\n"));
    QVERIFY(writeAll(m_root + QStringLiteral("/index.html"), "<h1>it works</h1>\n"));
    QVERIFY(writeAll(m_ro + QStringLiteral("/notice.txt"), "read only\n"));
    QVERIFY(startAgent(m_files, QStringLiteral("files-1"), QStringLiteral("files"),
                       {QStringLiteral("--allow"), QStringLiteral("files"),
                        QStringLiteral("--files-root"), m_root, QStringLiteral("--files-root"),
                        m_ro + QStringLiteral(":ro")}));
    QVERIFY(startAgent(m_plain, QStringLiteral("plain-1"), QStringLiteral("plain"), {}));
    for (const NodeAgent *agent : {&m_files, &m_plain})
        QTRY_VERIFY_WITH_TIMEOUT(nodeOnline(*client(), agent->nodeId), 30000);
}

void TestNodeFiles::cleanupTestCase()
{
    for (NodeAgent *agent : {&m_files, &m_plain})
        agent->stop();
    m_server.stop();
}

std::unique_ptr<NodesPage> TestNodeFiles::filesPage(const QString &path)
{
    auto page = nodesPageOn(client(), m_server.admin, m_files.nodeId);
    if (!page || !tabShown(*page))
        return nullptr;
    NodeFilesView *view = page->filesView();
    child<QTabWidget>(page.get(), "nodes.detailTabs")->setCurrentWidget(view);
    if (!QTest::qWaitFor([&] { return view->answers() > 0 && !view->isLoading(); }, 20000))
        return nullptr;
    if (!path.isEmpty()) {
        const int before = view->answers();
        view->openPath(path);
        if (!QTest::qWaitFor([&] { return view->answers() > before && !view->isLoading(); }, 20000))
            return nullptr;
    }
    return page;
}

void TestNodeFiles::modelPutsFoldersFirstAndFetchesLazily()
{
    NodeFileModel model;
    QList<FileEntry> entries;
    for (int i = 0; i < 1200; ++i)
        entries.append(fileEntry(QStringLiteral("file%1.txt").arg(i), QStringLiteral("file"), i));
    entries.append(fileEntry(QStringLiteral("zeta"), QStringLiteral("dir"), 4096));
    entries.append(fileEntry(QStringLiteral("alpha"), QStringLiteral("dir"), 4096));
    model.setEntries(entries);
    QCOMPARE(model.entryCount(), 1202);
    QCOMPARE(model.rowCount(), NodeFileModel::kBatch);
    QCOMPARE(model.index(0, NodeFileModel::NameColumn).data().toString(), QStringLiteral("alpha"));
    QCOMPARE(model.index(1, NodeFileModel::NameColumn).data().toString(), QStringLiteral("zeta"));
    // Numeric order: file2 before file10.
    QCOMPARE(model.index(4, NodeFileModel::NameColumn).data().toString(),
             QStringLiteral("file2.txt"));
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 2 * NodeFileModel::kBatch);
    // A row not shown yet is fetched when asked for by name.
    QCOMPARE(model.rowOfName(QStringLiteral("file1199.txt")), 1201);
    QCOMPARE(model.rowCount(), 1202);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.index(0, NodeFileModel::ModeColumn).data().toString(),
             QStringLiteral("drwxr-xr-x"));
    QCOMPARE(model.index(2, NodeFileModel::ModeColumn).data().toString(),
             QStringLiteral("-rw-r--r--"));
    QCOMPARE(model.index(0, NodeFileModel::SizeColumn).data().toString(),
             QStringLiteral("—")); // a folder
    // Size, descending: folders still first, the largest file next; a
    // selection follows its row.
    const QPersistentModelIndex small =
        model.index(model.rowOfName(QStringLiteral("file3.txt")), 0);
    model.sort(NodeFileModel::SizeColumn, Qt::DescendingOrder);
    QCOMPARE(model.index(1, 0).data(NodeFileModel::TypeRole).toString(), QStringLiteral("dir"));
    QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("file1199.txt"));
    QVERIFY(small.isValid());
    QCOMPARE(small.data().toString(), QStringLiteral("file3.txt"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);

    // The tester fetches on its own at every signal: a model of its own.
    NodeFileModel tested;
    QAbstractItemModelTester tester(&tested,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    tested.setEntries(entries);
    tested.fetchMore({});
    tested.sort(NodeFileModel::ModifiedColumn, Qt::DescendingOrder);
    tested.setEntries(entries.mid(0, 10));
    tested.clear();
}

void TestNodeFiles::browseIntoAFolderAndBack()
{
    auto page = filesPage();
    QVERIFY(page);
    NodeFilesView *view = page->filesView();
    QAbstractItemModelTester tester(view->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *roots = child<QComboBox>(view, "nodes.files.roots");
    QCOMPARE(roots->count(), 2);
    QCOMPARE(roots->currentData().toString(), m_root);
    QCOMPARE(view->currentRoot(), m_root);
    QTRY_VERIFY_WITH_TIMEOUT(listed(view, QStringLiteral("docs")), 20000);
    QVERIFY(listed(view, QStringLiteral("index.html")));
    QCOMPARE(view->model()->rowOfName(QStringLiteral("docs")), 0); // folders first
    QVERIFY(!child<QToolButton>(view, "nodes.files.up")->isEnabled());

    // Activating the folder (double-click, Enter) enters it.
    auto *list = child<QTableView>(view, "nodes.files.list");
    const int before = view->answers();
    emit list->activated(view->model()->index(0, NodeFileModel::NameColumn));
    QTRY_VERIFY_WITH_TIMEOUT(view->answers() > before && !view->isLoading(), 20000);
    QCOMPARE(view->currentPath(), QStringLiteral("docs"));
    QVERIFY(listed(view, QStringLiteral("readme.txt")));
    QCOMPARE(child<QToolButton>(view, "nodes.files.crumb1")->text(), QStringLiteral("docs"));
    QCOMPARE(child<QToolButton>(view, "nodes.files.crumb0")->text(), QStringLiteral("www"));
    QVERIFY(child<QToolButton>(view, "nodes.files.crumb1")->font().bold()); // here
    QVERIFY2(child<QLabel>(view, "nodes.files.status")->text() == QLatin1String("1 items"),
             qPrintable(child<QLabel>(view, "nodes.files.status")->text()));

    // Up: back at the root, the folder we came from selected.
    child<QToolButton>(view, "nodes.files.up")->click();
    QTRY_VERIFY_WITH_TIMEOUT(view->currentPath().isEmpty() && listed(view, QStringLiteral("docs")),
                             20000);
    QTRY_COMPARE_WITH_TIMEOUT(list->selectionModel()->selectedRows().size(), 1, 20000);
    QCOMPARE(selectedName(view), QStringLiteral("docs"));
    // The breadcrumb goes back too.
    view->openPath(QStringLiteral("docs"));
    QTRY_VERIFY_WITH_TIMEOUT(listed(view, QStringLiteral("readme.txt")), 20000);
    child<QToolButton>(view, "nodes.files.crumb0")->click();
    QTRY_VERIFY_WITH_TIMEOUT(view->currentPath().isEmpty() && listed(view, QStringLiteral("docs")),
                             20000);
}

void TestNodeFiles::createAFolderAndRefuseABadName()
{
    QVERIFY(QDir(m_root).mkpath(QStringLiteral("empty")));
    auto page = filesPage(QStringLiteral("empty"));
    QVERIFY(page);
    NodeFilesView *view = page->filesView();
    // An empty folder says so.
    QCOMPARE(child<QLabel>(view, "nodes.files.emptyTitle")->text(),
             QStringLiteral("This folder is empty"));

    // A name with '/' is refused in the dialog: OK stays off, nothing is sent.
    QString problem;
    bool okEnabled = true;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        child<QLineEdit>(dialog, "nodes.files.name")->setText(QStringLiteral("a/b"));
        problem = child<QLabel>(dialog, "nodes.files.nameProblem")->text();
        okEnabled = child<QPushButton>(dialog, "nodes.files.nameOk")->isEnabled();
        return int(QDialog::Accepted);
    });
    child<QPushButton>(view, "nodes.files.newFolder")->click();
    QCOMPARE(problem, QStringLiteral("A name cannot contain \"/\"."));
    QVERIFY(!okEnabled);
    QVERIFY(!QFileInfo::exists(m_root + QStringLiteral("/empty/a")));

    DialogSeam::setNextHandler([&](QDialog *dialog) {
        child<QLineEdit>(dialog, "nodes.files.name")->setText(QStringLiteral("made here"));
        return int(QDialog::Accepted);
    });
    child<QPushButton>(view, "nodes.files.newFolder")->click();
    QTRY_VERIFY_WITH_TIMEOUT(listed(view, QStringLiteral("made here")), 20000);
    QVERIFY(QFileInfo(m_root + QStringLiteral("/empty/made here")).isDir());
    QCOMPARE(child<QLabel>(view, "nodes.files.message")->text(),
             QStringLiteral("Created the folder \"made here\"."));
    // The agent's refusal, in words: the folder exists already.
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        child<QLineEdit>(dialog, "nodes.files.name")->setText(QStringLiteral("made here"));
        return int(QDialog::Accepted);
    });
    child<QPushButton>(view, "nodes.files.newFolder")->click();
    auto *message = child<QLabel>(view, "nodes.files.message");
    QTRY_VERIFY_WITH_TIMEOUT(message->property("tone").toString() == QLatin1String("bad"), 20000);
    QVERIFY2(
        message->text().startsWith(QLatin1String("The folder \"made here\" was not created: ")),
        qPrintable(message->text()));
    // Going into a folder ends it: it spoke of the one left (it stayed there
    // above the new folder's list).
    QVERIFY(message->isVisible());
    auto *list = child<QTableView>(view, "nodes.files.list");
    emit list->activated(view->model()->index(view->model()->rowOfName(QStringLiteral("made here")),
                                              NodeFileModel::NameColumn));
    QTRY_COMPARE_WITH_TIMEOUT(view->currentPath(), QStringLiteral("empty/made here"), 20000);
    QTRY_VERIFY(!message->isVisible());
}

void TestNodeFiles::uploadThenDownloadKeepTheBytes()
{
    auto page = filesPage(QStringLiteral("docs"));
    QVERIFY(page);
    NodeFilesView *view = page->filesView();
    view->setTransferChunkSize(256 * 1024);
    QTemporaryDir local;
    const QByteArray bytes = randomBytes(1300 * 1024 + 7);
    const QString source = local.filePath(QStringLiteral("payload data.bin"));
    QVERIFY(writeAll(source, bytes));

    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *files = qobject_cast<QFileDialog *>(dialog);
        if (!files || files->objectName() != QLatin1String("nodes.files.uploadDialog"))
            return int(QDialog::Rejected);
        files->selectFile(source);
        return int(QDialog::Accepted);
    });
    child<QPushButton>(view, "nodes.files.upload")->click();
    FileTransfer *upload = view->transfer();
    QVERIFY(upload);
    QSignalSpy progress(upload, &FileTransfer::progress);
    auto *bar = child<QProgressBar>(view, "nodes.files.transferProgress");
    QVERIFY(child<QWidget>(view, "nodes.files.transfer")->isVisible());
    QVERIFY(!child<QPushButton>(view, "nodes.files.upload")->isEnabled()); // one at a time
    int barMax = 0;
    connect(upload, &FileTransfer::progress, this, [&] { barMax = qMax(barMax, bar->value()); });
    QTRY_COMPARE_WITH_TIMEOUT(upload->state(), FileTransfer::State::Done, 30000);
    QCOMPARE(readAll(m_root + QStringLiteral("/docs/payload data.bin")), bytes);
    // Six chunks: progress along the way, not only at the end.
    qint64 confirmed = 0;
    int steps = 0;
    for (const QList<QVariant> &args : progress) {
        if (args.at(0).toLongLong() > confirmed && args.at(0).toLongLong() < bytes.size())
            ++steps;
        confirmed = qMax(confirmed, args.at(0).toLongLong());
    }
    QVERIFY2(steps >= 4, qPrintable(QString::number(steps)));
    QVERIFY(barMax > 0);
    const QString sha256 =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    QCOMPARE(upload->sha256(), sha256);
    QCOMPARE(child<QLabel>(view, "nodes.files.transferText")->text(),
             QStringLiteral("Uploaded \"payload data.bin\" (%1).")
                 .arg(ByteSizeText::format(bytes.size())));
    QTRY_VERIFY_WITH_TIMEOUT(listed(view, QStringLiteral("payload data.bin")), 20000);
    const AuditEntry uploaded = newestAudit(QStringLiteral("NODE_FILE_UPLOADED"));
    QCOMPARE(uploaded.userId, m_server.admin.id);
    QCOMPARE(uploaded.resourceId, m_files.nodeId);
    QCOMPARE(uploaded.details.value(QStringLiteral("path")).toString(),
             QStringLiteral("docs/payload data.bin"));
    QCOMPARE(uploaded.details.value(QStringLiteral("size")).toInteger(), bytes.size());
    // No part file left next to it.
    QCOMPARE(QDir(m_root + QStringLiteral("/docs"))
                 .entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList({QStringLiteral("payload data.bin"), QStringLiteral("readme.txt")}));

    // Uploading it again asks before replacing; No sends nothing.
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        qobject_cast<QFileDialog *>(dialog)->selectFile(source);
        return int(QDialog::Accepted);
    });
    MessageBox::setNextAnswer(QMessageBox::No);
    child<QPushButton>(view, "nodes.files.upload")->click();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("nodes.files.confirmReplace"));
    QCOMPARE(view->transfer(), upload);

    // Download it: the same bytes in the file chosen.
    selectName(view, QStringLiteral("payload data.bin"));
    const QString target = local.filePath(QStringLiteral("downloaded.bin"));
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *files = qobject_cast<QFileDialog *>(dialog);
        if (!files || files->objectName() != QLatin1String("nodes.files.downloadDialog"))
            return int(QDialog::Rejected);
        files->selectFile(target);
        return int(QDialog::Accepted);
    });
    child<QPushButton>(view, "nodes.files.download")->click();
    // The finished upload makes way for it (and is deleted).
    FileTransfer *download = view->transfer();
    QVERIFY(download);
    QTRY_COMPARE_WITH_TIMEOUT(download->state(), FileTransfer::State::Done, 30000);
    QCOMPARE(readAll(target), bytes);
    QCOMPARE(download->sha256(), sha256);
    QVERIFY(!QFileInfo::exists(target + QStringLiteral(".part")));
    QCOMPARE(child<QLabel>(view, "nodes.files.transferText")->text(),
             QStringLiteral("Downloaded \"payload data.bin\" to %1.").arg(target));
    const AuditEntry downloaded = newestAudit(QStringLiteral("NODE_FILE_DOWNLOADED"));
    QCOMPARE(downloaded.userId, m_server.admin.id);
    QCOMPARE(downloaded.details.value(QStringLiteral("path")).toString(),
             QStringLiteral("docs/payload data.bin"));

    // Cancelled halfway: the upload is aborted on the node, nothing stays.
    view->setTransferChunkSize(16 * 1024);
    const QString second = local.filePath(QStringLiteral("cancelled.bin"));
    QVERIFY(writeAll(second, bytes));
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        qobject_cast<QFileDialog *>(dialog)->selectFile(second);
        return int(QDialog::Accepted);
    });
    child<QPushButton>(view, "nodes.files.upload")->click();
    FileTransfer *cancelled = view->transfer();
    QTRY_VERIFY_WITH_TIMEOUT(cancelled->transferred() >= 64 * 1024, 30000);
    QVERIFY(QDir(m_root + QStringLiteral("/docs"))
                .entryList({QStringLiteral(".hm-upload-*")}, QDir::Hidden | QDir::Files)
                .size() == 1);
    child<QPushButton>(view, "nodes.files.transferCancel")->click();
    QCOMPARE(cancelled->state(), FileTransfer::State::Cancelled);
    QCOMPARE(child<QLabel>(view, "nodes.files.transferText")->text(),
             QStringLiteral("\"cancelled.bin\" was cancelled."));
    QVERIFY(child<QPushButton>(view, "nodes.files.upload")->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(
        QDir(m_root + QStringLiteral("/docs"))
            .entryList({QStringLiteral(".hm-upload-*")}, QDir::Hidden | QDir::Files)
            .isEmpty(),
        20000);
    QVERIFY(!QFileInfo::exists(m_root + QStringLiteral("/docs/cancelled.bin")));
}

void TestNodeFiles::editAndSave()
{
    auto page = filesPage(QStringLiteral("docs"));
    QVERIFY(page);
    NodeFilesView *view = page->filesView();
    selectName(view, QStringLiteral("readme.txt"));
    QString loadedText;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *editor = qobject_cast<NodeFileEditorDialog *>(dialog);
        if (!editor || !QTest::qWaitFor([editor] { return editor->isLoaded(); }, 20000))
            return int(QDialog::Rejected);
        auto *text = child<QPlainTextEdit>(dialog, "nodes.files.editorText");
        loadedText = text->toPlainText();
        text->setPlainText(QStringLiteral("edited in the console\n"));
        child<QPushButton>(dialog, "nodes.files.editorSave")->click();
        (void)QTest::qWaitFor([editor] { return editor->result() == QDialog::Accepted; }, 20000);
        return editor->result();
    });
    child<QPushButton>(view, "nodes.files.edit")->click();
    QCOMPARE(loadedText, QStringLiteral("hello from the node\n"));
    QCOMPARE(readAll(m_root + QStringLiteral("/docs/readme.txt")),
             QByteArray("edited in the console\n"));
    const AuditEntry written = newestAudit(QStringLiteral("NODE_FILE_WRITTEN"));
    QCOMPARE(written.userId, m_server.admin.id);
    QCOMPARE(written.details.value(QStringLiteral("path")).toString(),
             QStringLiteral("docs/readme.txt"));
    QVERIFY(!written.details.contains(QStringLiteral("content")));
    QCOMPARE(child<QLabel>(view, "nodes.files.message")->text(),
             QStringLiteral("Saved \"readme.txt\"."));
    // It may be dismissed, as every message of the tab may.
    auto *dismiss = child<QPushButton>(view, "nodes.files.messageDismiss");
    QVERIFY(dismiss && dismiss->isVisible());
    dismiss->click();
    QVERIFY(!child<QLabel>(view, "nodes.files.message")->isVisible());
}

void TestNodeFiles::editMeetsAChangeOnTheNode()
{
    const QString path = m_root + QStringLiteral("/index.html");
    QVERIFY(writeAll(path, "<h1>version one</h1>\n"));
    auto page = filesPage();
    QVERIFY(page);
    NodeFilesView *view = page->filesView();
    selectName(view, QStringLiteral("index.html"));
    bool conflictShown = false;
    QString conflictText;
    bool reloadShown = false;
    bool overwriteShown = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *editor = qobject_cast<NodeFileEditorDialog *>(dialog);
        if (!editor || !QTest::qWaitFor([editor] { return editor->isLoaded(); }, 20000))
            return int(QDialog::Rejected);
        // Someone changes the file on the node meanwhile.
        writeAll(path, "<h1>changed on the node</h1>\n");
        auto *text = child<QPlainTextEdit>(dialog, "nodes.files.editorText");
        text->setPlainText(QStringLiteral("<h1>my edit</h1>\n"));
        child<QPushButton>(dialog, "nodes.files.editorSave")->click();
        conflictShown = QTest::qWaitFor([editor] { return editor->hasConflict(); }, 20000);
        conflictText = child<QLabel>(dialog, "nodes.files.editorConflictText")->text();
        reloadShown = child<QPushButton>(dialog, "nodes.files.editorReload")->isVisibleTo(dialog);
        overwriteShown =
            child<QPushButton>(dialog, "nodes.files.editorOverwrite")->isVisibleTo(dialog);
        // Nothing was written over the node's change.
        if (readAll(path) != "<h1>changed on the node</h1>\n")
            return int(QDialog::Rejected);
        child<QPushButton>(dialog, "nodes.files.editorOverwrite")->click();
        (void)QTest::qWaitFor([editor] { return editor->result() == QDialog::Accepted; }, 20000);
        return editor->result();
    });
    child<QPushButton>(view, "nodes.files.edit")->click();
    QVERIFY(conflictShown);
    QVERIFY2(conflictText.contains(QLatin1String("changed on the node since you opened it")),
             qPrintable(conflictText));
    QVERIFY(reloadShown && overwriteShown);
    QCOMPARE(readAll(path), QByteArray("<h1>my edit</h1>\n"));

    // Reload: the node's text, the edit dropped.
    selectName(view, QStringLiteral("index.html"));
    QString reloaded;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *editor = qobject_cast<NodeFileEditorDialog *>(dialog);
        if (!editor || !QTest::qWaitFor([editor] { return editor->isLoaded(); }, 20000))
            return int(QDialog::Rejected);
        writeAll(path, "<h1>theirs</h1>\n");
        child<QPlainTextEdit>(dialog, "nodes.files.editorText")->setPlainText(QStringLiteral("x"));
        child<QPushButton>(dialog, "nodes.files.editorSave")->click();
        if (!QTest::qWaitFor([editor] { return editor->hasConflict(); }, 20000))
            return int(QDialog::Rejected);
        child<QPushButton>(dialog, "nodes.files.editorReload")->click();
        (void)QTest::qWaitFor([editor] { return !editor->hasConflict() && !editor->isBusy(); },
                              20000);
        reloaded = child<QPlainTextEdit>(dialog, "nodes.files.editorText")->toPlainText();
        return int(QDialog::Rejected);
    });
    child<QPushButton>(view, "nodes.files.edit")->click();
    QCOMPARE(reloaded, QStringLiteral("<h1>theirs</h1>\n"));
    QCOMPARE(readAll(path), QByteArray("<h1>theirs</h1>\n"));
}

void TestNodeFiles::aFileTooLargeToEditSaysWhy()
{
    const QString path = m_root + QStringLiteral("/docs/huge.log");
    QVERIFY(writeAll(path, QByteArray(NodeFileEditorDialog::kMaxTextBytes + 10, 'a')));
    const QString note = m_root + QStringLiteral("/docs/note.txt");
    QVERIFY(writeAll(note, QByteArray(22, 'n')));
    const QString tiny = m_root + QStringLiteral("/docs/tiny.txt");
    QVERIFY(writeAll(tiny, QByteArray(1, 't')));
    auto page = filesPage(QStringLiteral("docs"));
    QVERIFY(page);
    NodeFilesView *view = page->filesView();
    QTRY_VERIFY_WITH_TIMEOUT(listed(view, QStringLiteral("huge.log")), 20000);
    const auto sizeOf = [view](const char *name) {
        return view->model()
            ->index(view->model()->rowOfName(QString::fromLatin1(name)), NodeFileModel::SizeColumn)
            .data()
            .toString();
    };
    // Sizes read as words: plural bytes, no "4.00".
    QTRY_VERIFY_WITH_TIMEOUT(listed(view, QStringLiteral("tiny.txt")), 20000);
    QCOMPARE(sizeOf("note.txt"), QStringLiteral("22 bytes"));
    QCOMPARE(sizeOf("tiny.txt"), QStringLiteral("1 byte"));
    QCOMPARE(sizeOf("huge.log"), QStringLiteral("4 MiB"));
    auto *edit = child<QPushButton>(view, "nodes.files.edit");
    selectName(view, QStringLiteral("note.txt"));
    QVERIFY(edit->isEnabled());
    QVERIFY(edit->toolTip().isEmpty());
    selectName(view, QStringLiteral("huge.log"));
    QVERIFY(!edit->isEnabled());
    QCOMPARE(edit->toolTip(), QStringLiteral("This file is larger than 4 MiB, the most the editor "
                                             "opens. Download it instead."));
    QVERIFY(child<QPushButton>(view, "nodes.files.download")->isEnabled());
    // A file that grew past the limit after the list was read: the editor
    // says so in a whole sentence.
    NodeFileEditorDialog editor(client(), m_files.nodeId, m_root, QStringLiteral("docs/huge.log"),
                                false);
    QTRY_VERIFY_WITH_TIMEOUT(!editor.isBusy(), 20000);
    QCOMPARE(child<QLabel>(&editor, "nodes.files.editorStatus")->text(),
             QStringLiteral("The file could not be opened: it is larger than 4 MiB, the most the "
                            "editor opens. Download it instead."));
    // In Chinese: the units and the bytes in words.
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QCOMPARE(sizeOf("note.txt"), QStringLiteral("22 位元組"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    QCOMPARE(sizeOf("note.txt"), QStringLiteral("22 字节"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    for (const QString &file : {path, note, tiny})
        QVERIFY(QFile::remove(file));
}

void TestNodeFiles::renameAndDelete()
{
    QVERIFY(writeAll(m_root + QStringLiteral("/old name.txt"), "to be renamed\n"));
    QVERIFY(QDir(m_root).mkpath(QStringLiteral("gone/inside")));
    auto page = filesPage();
    QVERIFY(page);
    NodeFilesView *view = page->filesView();
    QTRY_VERIFY_WITH_TIMEOUT(listed(view, QStringLiteral("old name.txt")), 20000);
    selectName(view, QStringLiteral("old name.txt"));
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        child<QLineEdit>(dialog, "nodes.files.name")->setText(QStringLiteral("new name.txt"));
        return int(QDialog::Accepted);
    });
    child<QPushButton>(view, "nodes.files.rename")->click();
    QTRY_VERIFY_WITH_TIMEOUT(listed(view, QStringLiteral("new name.txt")), 20000);
    QVERIFY(!QFileInfo::exists(m_root + QStringLiteral("/old name.txt")));
    QCOMPARE(readAll(m_root + QStringLiteral("/new name.txt")), QByteArray("to be renamed\n"));
    QCOMPARE(selectedName(view), QStringLiteral("new name.txt"));
    auto *message = child<QLabel>(view, "nodes.files.message");
    auto *dismiss = child<QPushButton>(view, "nodes.files.messageDismiss");
    QVERIFY(dismiss && message->isVisible() && dismiss->isVisible());
    dismiss->click();
    QVERIFY(!message->isVisible());
    // A name that is taken: the agent refuses, the message says so (and
    // may be dismissed), and the entry stays selected for another try.
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        child<QLineEdit>(dialog, "nodes.files.name")->setText(QStringLiteral("index.html"));
        return int(QDialog::Accepted);
    });
    const int answers = view->answers();
    child<QPushButton>(view, "nodes.files.rename")->click();
    QTRY_VERIFY_WITH_TIMEOUT(view->answers() > answers && !view->isLoading(), 20000);
    QCOMPARE(message->property("tone").toString(), QStringLiteral("bad"));
    QVERIFY2(message->text().startsWith(QLatin1String("\"new name.txt\" was not renamed: ")),
             qPrintable(message->text()));
    QVERIFY(dismiss->isVisible());
    QCOMPARE(selectedName(view), QStringLiteral("new name.txt"));
    QVERIFY(QFileInfo::exists(m_root + QStringLiteral("/new name.txt")));

    // Delete asks first; No keeps it.
    MessageBox::setNextAnswer(QMessageBox::No);
    child<QPushButton>(view, "nodes.files.delete")->click();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("nodes.files.confirmDelete"));
    // The button says what it does, not "Yes".
    QCOMPARE(MessageBox::lastActionText(), QStringLiteral("Delete"));
    QVERIFY(QFileInfo::exists(m_root + QStringLiteral("/new name.txt")));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    child<QPushButton>(view, "nodes.files.delete")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!listed(view, QStringLiteral("new name.txt")) && !view->isLoading(),
                             20000);
    QVERIFY(!QFileInfo::exists(m_root + QStringLiteral("/new name.txt")));
    // A folder goes with what it holds, after the question that says so.
    selectName(view, QStringLiteral("gone"));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    child<QPushButton>(view, "nodes.files.delete")->click();
    QVERIFY(MessageBox::lastText().contains(QLatin1String("and everything in it")));
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(m_root + QStringLiteral("/gone")), 20000);
}

void TestNodeFiles::oddNamesTravelIntact()
{
    // '+', '&', '%', '#' and a space: query characters, in the root and the path.
    const QString name = QStringLiteral("odd +&%20#name.txt");
    QVERIFY(writeAll(m_root + u'/' + name, "odd\n"));
    auto stat = await<FileEntry>(
        [&](auto done) { RemoteApi(*client()).statFile(m_files.nodeId, m_root, name, done); });
    QVERIFY2(stat.ok(), stat.ok() ? "" : qPrintable(stat.error().toString()));
    QCOMPARE(stat->size, 4);
    QTemporaryDir local;
    FileTransfer transfer(client(), m_files.nodeId);
    QSignalSpy finished(&transfer, &FileTransfer::finished);
    transfer.download(m_root, name, local.filePath(QStringLiteral("odd.txt")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(readAll(local.filePath(QStringLiteral("odd.txt"))), QByteArray("odd\n"));
    // A path the agent refuses comes back as its reason, nothing written here.
    FileTransfer refused(client(), m_files.nodeId);
    QSignalSpy failed(&refused, &FileTransfer::failed);
    refused.download(m_root, QStringLiteral("../outside.txt"), local.filePath(QStringLiteral("x")));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QCOMPARE(refused.error()->code, hm::ErrorCode::ValidationError);
    QCOMPARE(refused.error()->details.value(QStringLiteral("code")).toString(),
             QStringLiteral("PATH_INVALID"));
    QVERIFY(!QFileInfo::exists(local.filePath(QStringLiteral("x.part"))));
    QVERIFY(QFile::remove(m_root + u'/' + name));
}

void TestNodeFiles::readOnlyRootTurnsWritingOff()
{
    auto page = filesPage();
    QVERIFY(page);
    NodeFilesView *view = page->filesView();
    auto *roots = child<QComboBox>(view, "nodes.files.roots");
    const int ro = roots->findData(m_ro);
    QVERIFY(ro >= 0);
    QCOMPARE(roots->itemText(ro), QStringLiteral("%1 (read only)").arg(m_ro));
    roots->setCurrentIndex(ro);
    emit roots->activated(ro);
    QTRY_VERIFY_WITH_TIMEOUT(
        view->currentRoot() == m_ro && listed(view, QStringLiteral("notice.txt")), 20000);
    QVERIFY(view->isReadOnly());
    selectName(view, QStringLiteral("notice.txt"));
    for (const char *name : {"nodes.files.newFolder", "nodes.files.upload", "nodes.files.rename",
                             "nodes.files.delete"})
        QVERIFY2(!child<QPushButton>(view, name)->isEnabled(), name);
    QVERIFY(child<QPushButton>(view, "nodes.files.download")->isEnabled());
    auto *edit = child<QPushButton>(view, "nodes.files.edit");
    QVERIFY(edit->isEnabled());
    QCOMPARE(edit->text(), QStringLiteral("View..."));
    // Viewing works; there is no Save.
    bool saveShown = true;
    QString shown;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *editor = qobject_cast<NodeFileEditorDialog *>(dialog);
        (void)QTest::qWaitFor([editor] { return editor->isLoaded(); }, 20000);
        shown = child<QPlainTextEdit>(dialog, "nodes.files.editorText")->toPlainText();
        saveShown = child<QPushButton>(dialog, "nodes.files.editorSave")->isVisibleTo(dialog);
        return int(QDialog::Rejected);
    });
    edit->click();
    QCOMPARE(shown, QStringLiteral("read only\n"));
    QVERIFY(!saveShown);
    QVERIFY(child<QLabel>(view, "nodes.files.status")->text().endsWith(QLatin1String("read only")));
    // The agent refuses a write there too (the console is not the guard).
    auto refused = await<void>([&](auto done) {
        RemoteApi(*client()).createDirectory(m_files.nodeId, m_ro, QStringLiteral("x"), done);
    });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().details.value(QStringLiteral("code")).toString(),
             QStringLiteral("READ_ONLY_ROOT"));
}

void TestNodeFiles::tabOnlyWhereFilesAreUsable()
{
    // The administrator, on a node whose agent does not grant files.
    auto plain = nodesPageOn(client(), m_server.admin, m_plain.nodeId);
    QVERIFY(plain);
    QVERIFY(!tabShown(*plain));
    // The view itself says so when asked anyway.
    auto row = await<NodeRow>([&](auto done) { NodesApi(*client()).get(m_plain.nodeId, done); });
    QVERIFY(row.ok());
    NodeFilesView view;
    view.setClient(client());
    view.resize(900, 300);
    view.show();
    QCOMPARE(child<QLabel>(&view, "nodes.files.emptyTitle")->text(),
             QStringLiteral("No node selected"));
    view.setNode(&row.value());
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(&view, "nodes.files.emptyTitle")->text(),
                              QStringLiteral("This node's agent does not allow files"), 20000);
    QVERIFY(!child<QComboBox>(&view, "nodes.files.roots")->isVisible());

    // A VIEWER never acts; a USER only with a grant for the node's label.
    const SignedInNodePage granted = checkNodeTabGrant(
        m_server, {m_files.nodeId, QStringLiteral("files"), QStringLiteral("files"),
                   [](NodesPage &page) -> QWidget * { return page.filesView(); }});
    if (!granted.page)
        return; // checkNodeTabGrant said why
    QTRY_VERIFY_WITH_TIMEOUT(listed(granted.page->filesView(), QStringLiteral("docs")), 20000);
}

void TestNodeFiles::anInterruptedUploadResumes()
{
    auto page = filesPage();
    QVERIFY(page);
    NodeFilesView *view = page->filesView();
    view->setTransferChunkSize(64 * 1024);
    QTemporaryDir local;
    const QByteArray bytes = randomBytes(2 * 1024 * 1024 + 3);
    const QString source = local.filePath(QStringLiteral("resumed.bin"));
    QVERIFY(writeAll(source, bytes));
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        qobject_cast<QFileDialog *>(dialog)->selectFile(source);
        return int(QDialog::Accepted);
    });
    child<QPushButton>(view, "nodes.files.upload")->click();
    FileTransfer *upload = view->transfer();
    QVERIFY(upload);
    QTRY_VERIFY_WITH_TIMEOUT(upload->transferred() >= 256 * 1024, 30000);

    // The agent dies halfway: the chunks fail, what the server says about
    // the upload too; the transfer stops, resumable.
    const QString program = m_files.process->program();
    const QStringList arguments = m_files.process->arguments();
    m_files.process->kill();
    QVERIFY(m_files.process->waitForFinished(10000));
    QTRY_COMPARE_WITH_TIMEOUT(upload->state(), FileTransfer::State::Failed, 90000);
    QVERIFY(upload->canResume());
    const qint64 stoppedAt = upload->transferred();
    QVERIFY(stoppedAt > 0 && stoppedAt < bytes.size());
    auto *resume = child<QPushButton>(view, "nodes.files.transferResume");
    QVERIFY(resume->isVisible());
    QVERIFY2(child<QLabel>(view, "nodes.files.transferText")
                 ->text()
                 .startsWith(QLatin1String("\"resumed.bin\" was interrupted at ")),
             qPrintable(child<QLabel>(view, "nodes.files.transferText")->text()));
    QVERIFY(!QFileInfo::exists(m_root + QStringLiteral("/resumed.bin")));

    // The agent comes back (its identity kept in its data directory).
    m_files.process = std::make_unique<QProcess>();
    m_files.process->setProgram(program);
    m_files.process->setArguments(arguments);
    m_files.process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_files.process->start();
    QVERIFY(m_files.process->waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            auto row =
                await<NodeRow>([&](auto done) { NodesApi(*client()).get(m_files.nodeId, done); });
            return row.ok() && row->status == QLatin1String("online");
        }(),
        30000);
    // Resume: the upload reopened by its id, from what the agent kept.
    QSignalSpy progress(upload, &FileTransfer::progress);
    resume->click();
    QTRY_COMPARE_WITH_TIMEOUT(upload->state(), FileTransfer::State::Done, 60000);
    QVERIFY(!progress.isEmpty());
    QVERIFY2(progress.first().at(0).toLongLong() > 0,
             qPrintable(QString::number(progress.first().at(0).toLongLong())));
    QCOMPARE(readAll(m_root + QStringLiteral("/resumed.bin")), bytes);
    QVERIFY(QDir(m_root)
                .entryList({QStringLiteral(".hm-upload-*")}, QDir::Hidden | QDir::Files)
                .isEmpty());
}

void TestNodeFiles::transfersShowInTheStatusBarsTaskList()
{
    auto page = filesPage(QStringLiteral("docs"));
    QVERIFY(page);
    NodeFilesView *view = page->filesView();
    view->setTransferChunkSize(64 * 1024);
    // The status bar's part, on the page's window's tasks (the main
    // window's in the console).
    BackgroundTasks *tasks = BackgroundTasks::of(page.get());
    BackgroundTasksStatus status(tasks);
    auto *button = child<QToolButton>(&status, "status.tasks.button");
    QTemporaryDir local;
    const QByteArray bytes = randomBytes(1024 * 1024 + 11);
    const QString source = local.filePath(QStringLiteral("listed.bin"));
    QVERIFY(writeAll(source, bytes));
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        qobject_cast<QFileDialog *>(dialog)->selectFile(source);
        return int(QDialog::Accepted);
    });
    child<QPushButton>(view, "nodes.files.upload")->click();
    FileTransfer *upload = view->transfer();
    QVERIFY(upload);
    QTRY_COMPARE_WITH_TIMEOUT(tasks->runningCount(), 1, 20000);
    BackgroundTask *task = tasks->tasks().constFirst();
    QCOMPARE(task->title(), QStringLiteral("Upload of \"listed.bin\" to files-1"));
    QCOMPARE(button->text(), QStringLiteral("1 task running"));
    QVERIFY(!status.isHidden());
    button->click();
    QWidget *row = status.list()->row(0);
    QVERIFY(row);
    QVERIFY(child<QPushButton>(row, "status.tasks.cancel")->isVisible());
    auto *rowBar = child<QProgressBar>(row, "status.tasks.rowProgress");
    bool midway = false; // a step between none and all seen in the row
    connect(task, &BackgroundTask::changed, this, [&] {
        midway = midway || (task->isRunning() && rowBar->value() > 0 && rowBar->value() < 1000);
    });

    // Leaving the page: the transfer and its entry go on to the end.
    page->hide();
    QTRY_COMPARE_WITH_TIMEOUT(task->state(), BackgroundTask::State::Done, 30000);
    QCOMPARE(upload->state(), FileTransfer::State::Done);
    QVERIFY(midway); // progress along the way, not only at the end
    QCOMPARE(child<QLabel>(row, "status.tasks.state")->text(), QStringLiteral("Done"));
    QCOMPARE(child<QLabel>(row, "status.tasks.detail")->text(),
             QStringLiteral("Uploaded (%1).").arg(ByteSizeText::format(bytes.size())));
    QVERIFY(!child<QPushButton>(row, "status.tasks.cancel")->isVisible());
    QCOMPARE(button->text(), QStringLiteral("1 task finished"));
    QCOMPARE(readAll(m_root + QStringLiteral("/docs/listed.bin")), bytes);

    // A download is listed too, newest first.
    page->show();
    QTRY_VERIFY_WITH_TIMEOUT(listed(view, QStringLiteral("listed.bin")), 20000);
    selectName(view, QStringLiteral("listed.bin"));
    const QString target = local.filePath(QStringLiteral("listed copy.bin"));
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        qobject_cast<QFileDialog *>(dialog)->selectFile(target);
        return int(QDialog::Accepted);
    });
    child<QPushButton>(view, "nodes.files.download")->click();
    FileTransfer *download = view->transfer();
    QVERIFY(download && download != upload);
    QTRY_COMPARE_WITH_TIMEOUT(download->state(), FileTransfer::State::Done, 30000);
    QCOMPARE(tasks->tasks().size(), 2);
    BackgroundTask *listedDownload = tasks->tasks().constFirst();
    QCOMPARE(listedDownload->title(), QStringLiteral("Download of \"listed.bin\" from files-1"));
    QCOMPARE(listedDownload->state(), BackgroundTask::State::Done);
    QCOMPARE(listedDownload->detail(), QStringLiteral("Saved to %1.").arg(target));
    QCOMPARE(readAll(target), bytes);
    QCOMPARE(button->text(), QStringLiteral("2 tasks finished"));
    QCOMPARE(child<QLabel>(status.list()->row(0), "status.tasks.title")->text(),
             listedDownload->title());

    // Clear finished empties the list and hides the status bar's part.
    child<QPushButton>(status.list(), "status.tasks.clear")->click();
    QVERIFY(tasks->tasks().isEmpty());
    QVERIFY(status.isHidden());
    QVERIFY(QFile::remove(m_root + QStringLiteral("/docs/listed.bin")));
}

void TestNodeFiles::cancellingFromTheTaskListStopsTheTransfer()
{
    auto page = filesPage();
    QVERIFY(page);
    NodeFilesView *view = page->filesView();
    view->setTransferChunkSize(64 * 1024);
    BackgroundTasks *tasks = BackgroundTasks::of(page.get());
    BackgroundTasksStatus status(tasks);
    QTemporaryDir local;
    const QByteArray bytes = randomBytes(4 * 1024 * 1024 + 5);
    const QString source = local.filePath(QStringLiteral("stopped.bin"));
    QVERIFY(writeAll(source, bytes));
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        qobject_cast<QFileDialog *>(dialog)->selectFile(source);
        return int(QDialog::Accepted);
    });
    child<QPushButton>(view, "nodes.files.upload")->click();
    FileTransfer *upload = view->transfer();
    QVERIFY(upload);
    QTRY_VERIFY_WITH_TIMEOUT(upload->transferred() >= 128 * 1024, 30000);
    QVERIFY(upload->isRunning());

    child<QToolButton>(&status, "status.tasks.button")->click();
    QWidget *row = status.list()->row(0);
    QVERIFY(row);
    auto *cancel = child<QPushButton>(row, "status.tasks.cancel");
    QVERIFY(cancel->isVisible());
    cancel->click();
    // The transfer itself stopped: cancelled, not resumable, no more bytes.
    QTRY_COMPARE_WITH_TIMEOUT(upload->state(), FileTransfer::State::Cancelled, 20000);
    QVERIFY(!upload->canResume());
    QVERIFY(upload->transferred() < bytes.size());
    BackgroundTask *task = tasks->tasks().constFirst();
    QCOMPARE(task->state(), BackgroundTask::State::Cancelled);
    QCOMPARE(child<QLabel>(row, "status.tasks.state")->text(), QStringLiteral("Cancelled"));
    QVERIFY(!cancel->isVisible());
    // The Files tab's own line says so too, and a new transfer may start.
    QCOMPARE(child<QLabel>(view, "nodes.files.transferText")->text(),
             QStringLiteral("\"stopped.bin\" was cancelled."));
    QVERIFY(child<QPushButton>(view, "nodes.files.upload")->isEnabled());
    // Aborted on the node: neither the file nor its partial upload is left.
    QTRY_VERIFY_WITH_TIMEOUT(
        QDir(m_root)
            .entryList({QStringLiteral(".hm-upload-*")}, QDir::Hidden | QDir::Files)
            .isEmpty(),
        20000);
    QVERIFY(!QFileInfo::exists(m_root + QStringLiteral("/stopped.bin")));
}

namespace {

QString filesText(const char *source)
{
    return QCoreApplication::translate("hm::app::NodeFilesView", source);
}

} // namespace

// The answer to an action stayed in the language it was said in: after a
// switch from en to zh_TW the line still read "Created the folder …". Each
// answer (done or refused, our words around the agent's) and a finished
// transfer's task entry are said again in the new language.
void TestNodeFiles::messagesFollowALanguageSwitch()
{
    QVERIFY(QDir(m_root).mkpath(QStringLiteral("switch")));
    auto page = filesPage(QStringLiteral("switch"));
    QVERIFY(page);
    NodeFilesView *view = page->filesView();
    auto *message = child<QLabel>(view, "nodes.files.message");
    const auto nameNext = [](const QString &name) {
        DialogSeam::setNextHandler([name](QDialog *dialog) {
            child<QLineEdit>(dialog, "nodes.files.name")->setText(name);
            return int(QDialog::Accepted);
        });
    };
    const auto switchTo = [this](const QString &language) {
        return m_server.languages->setLanguage(language, LanguageManager::Persist::No);
    };

    // Created in English, read in zh_TW.
    nameNext(QStringLiteral("made"));
    child<QPushButton>(view, "nodes.files.newFolder")->click();
    QTRY_VERIFY_WITH_TIMEOUT(listed(view, QStringLiteral("made")), 20000);
    QCOMPARE(message->text(), QStringLiteral("Created the folder \"made\"."));
    QVERIFY(switchTo(QStringLiteral("zh_TW")));
    // The widgets hear of it through a posted event.
    QTRY_COMPARE(message->text(), filesText("Created the folder \"%1\".").arg(u"made"));
    QVERIFY2(message->text().contains(u"資料夾"), qPrintable(message->text()));

    // Refused in zh_TW (it exists), read in zh_CN: our framing follows, the
    // reason stays whatever it was.
    nameNext(QStringLiteral("made"));
    child<QPushButton>(view, "nodes.files.newFolder")->click();
    QTRY_VERIFY_WITH_TIMEOUT(message->property("tone").toString() == QLatin1String("bad"), 20000);
    const QString refusedTW =
        filesText("The folder \"%1\" was not created: %2").arg(u"made", QString());
    QVERIFY2(message->text().startsWith(refusedTW), qPrintable(message->text()));
    QVERIFY(switchTo(QStringLiteral("zh_CN")));
    const QString refusedCN =
        filesText("The folder \"%1\" was not created: %2").arg(u"made", QString());
    QVERIFY(refusedCN != refusedTW);
    QTRY_VERIFY2(message->text().startsWith(refusedCN), qPrintable(message->text()));

    // Renamed in zh_CN, read in en.
    selectName(view, QStringLiteral("made"));
    nameNext(QStringLiteral("renamed"));
    child<QPushButton>(view, "nodes.files.rename")->click();
    QTRY_VERIFY_WITH_TIMEOUT(listed(view, QStringLiteral("renamed")), 20000);
    QCOMPARE(message->text(), filesText("Renamed \"%1\" to \"%2\".").arg(u"made", u"renamed"));
    QVERIFY(switchTo(QStringLiteral("en")));
    QTRY_COMPARE(message->text(), QStringLiteral("Renamed \"made\" to \"renamed\"."));

    // Deleted in en, read in zh_TW.
    selectName(view, QStringLiteral("renamed"));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    child<QPushButton>(view, "nodes.files.delete")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!listed(view, QStringLiteral("renamed")) && !view->isLoading(), 20000);
    QCOMPARE(message->text(), QStringLiteral("Deleted \"renamed\"."));
    QVERIFY(switchTo(QStringLiteral("zh_TW")));
    QTRY_COMPARE(message->text(), filesText("Deleted \"%1\".").arg(u"renamed"));
    QVERIFY(switchTo(QStringLiteral("en")));

    // A finished upload's task entry, made in en, read in zh_TW.
    BackgroundTasks *tasks = BackgroundTasks::of(page.get());
    QTemporaryDir local;
    const QString source = local.filePath(QStringLiteral("switch.txt"));
    QVERIFY(writeAll(source, "twenty-two bytes long\n"));
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        qobject_cast<QFileDialog *>(dialog)->selectFile(source);
        return int(QDialog::Accepted);
    });
    child<QPushButton>(view, "nodes.files.upload")->click();
    QVERIFY(view->transfer());
    QTRY_COMPARE_WITH_TIMEOUT(view->transfer()->state(), FileTransfer::State::Done, 20000);
    BackgroundTask *task = tasks->tasks().constFirst();
    QCOMPARE(task->state(), BackgroundTask::State::Done);
    QCOMPARE(task->title(), QStringLiteral("Upload of \"switch.txt\" to files-1"));
    QCOMPARE(task->detail(), QStringLiteral("Uploaded (22 bytes)."));
    QVERIFY(switchTo(QStringLiteral("zh_TW")));
    const auto taskText = [](const char *source) {
        return QCoreApplication::translate("hm::app::NodeFileTransferTask", source);
    };
    QCOMPARE(task->title(), taskText("Upload of \"%1\" to %2").arg(u"switch.txt", u"files-1"));
    QVERIFY2(task->title().contains(u"上傳"), qPrintable(task->title()));
    QCOMPARE(task->detail(), taskText("Uploaded (%1).").arg(ByteSizeText::format(22)));
    QVERIFY(task->detail() != QStringLiteral("Uploaded (22 bytes)."));
    QVERIFY(switchTo(QStringLiteral("en")));
    QVERIFY(QFile::remove(m_root + QStringLiteral("/switch/switch.txt")));
}

// The Size title was centred over right-aligned sizes, a folder's size
// an empty cell.
void TestNodeFiles::headersSitLikeTheirColumnsAndAFolderHasNoSize()
{
    auto page = filesPage();
    QVERIFY(page);
    NodeFilesView *view = page->filesView();
    const int folder = view->model()->rowOfName(QStringLiteral("docs"));
    const int file = view->model()->rowOfName(QStringLiteral("index.html"));
    QVERIFY(folder >= 0 && file >= 0);
    const QHeaderView *header = child<QTableView>(view, "nodes.files.list")->horizontalHeader();
    QCOMPARE(headerAlignment(header, NodeFileModel::SizeColumn), Qt::AlignRight);
    QCOMPARE(cellAlignment(header, file, NodeFileModel::SizeColumn), Qt::AlignRight);
    QCOMPARE(headerAlignment(header, NodeFileModel::NameColumn), Qt::AlignLeft);
    QCOMPARE(cellAlignment(header, file, NodeFileModel::NameColumn), Qt::AlignLeft);
    const QString unlike = headersUnlikeCells(header, file);
    QVERIFY2(unlike.isEmpty(), qPrintable(unlike));
    QCOMPARE(view->model()->index(folder, NodeFileModel::SizeColumn).data().toString(),
             QStringLiteral("—"));
}

// On a selected row the file's icon was drawn tinted with the highlight
// and all but vanished into it; then, drawn unchanged, the console's grey
// line icons stood at 2:1 on the accent's blue. A selected row draws the
// same outline in the colour the theme writes on the accent, in both themes.
void TestNodeFiles::iconStaysWholeOnASelectedRow()
{
    ThemeManager themes; // the console's style: its line icons
    for (const auto mode : {ThemeManager::Mode::Light, ThemeManager::Mode::Dark}) {
        themes.setMode(mode, ThemeManager::Persist::No);
        const QPalette palette = QGuiApplication::palette();
        const QColor onAccent = ThemeManager::tokenColour("onAccent", palette);
        QVERIFY2(hm::test::contrastRatio(onAccent, palette.color(QPalette::Highlight)) >= 3.0,
                 qPrintable(onAccent.name()));
        auto page = filesPage();
        QVERIFY(page);
        NodeFilesView *view = page->filesView();
        for (const QString &name : {QStringLiteral("docs"), QStringLiteral("index.html")}) {
            selectName(view, name);
            const QModelIndex index =
                view->model()->index(view->model()->rowOfName(name), NodeFileModel::NameColumn);
            const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
            QVERIFY(!icon.isNull());
            const QImage normal = icon.pixmap(QSize(16, 16), QIcon::Normal)
                                      .toImage()
                                      .convertToFormat(QImage::Format_ARGB32);
            const QImage selected = icon.pixmap(QSize(16, 16), QIcon::Selected)
                                        .toImage()
                                        .convertToFormat(QImage::Format_ARGB32);
            QCOMPARE(selected.size(), normal.size());
            int drawn = 0;
            for (int y = 0; y < normal.height(); ++y) {
                for (int x = 0; x < normal.width(); ++x) {
                    const QColor before = normal.pixelColor(x, y);
                    const QColor after = selected.pixelColor(x, y);
                    QCOMPARE(after.alpha(), before.alpha()); // the whole outline
                    if (after.alpha() < 128)
                        continue;
                    ++drawn;
                    QVERIFY2(after.rgb() == onAccent.rgb(),
                             qPrintable(QStringLiteral("%1 at %2,%3: %4")
                                            .arg(name)
                                            .arg(x)
                                            .arg(y)
                                            .arg(after.name())));
                }
            }
            QVERIFY(drawn > 0);
        }
    }
    themes.setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
}

void TestNodeFiles::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(writeAll(m_root + QStringLiteral("/docs/nginx.conf"),
                     "server {\n    listen 80;\n    server_name example.org;\n    root "
                     "/srv/www;\n\n    location / {\n        try_files $uri $uri/ =404;\n    "
                     "}\n}\n"));
    QVERIFY(QDir(m_root).mkpath(QStringLiteral("docs/assets")));
    QVERIFY(
        writeAll(m_root + QStringLiteral("/docs/archive.tar.gz"), randomBytes(3 * 1024 * 1024)));
    QTemporaryDir local;
    const QString big = local.filePath(QStringLiteral("backup-2026-11.tar"));
    QVERIFY(writeAll(big, randomBytes(3 * 1024 * 1024)));
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        auto page = filesPage(QStringLiteral("docs"));
        QVERIFY(page);
        NodeFilesView *view = page->filesView();
        selectName(view, QStringLiteral("nginx.conf"));
        QApplication::processEvents();
        QVERIFY(page->grab().save(dir + QStringLiteral("/nodes-files-%1.png").arg(language)));
        // Its delete confirmation: the button says Delete, beside Cancel.
        bool confirmShot = false;
        QTimer::singleShot(0, [&] {
            for (QWidget *widget : QApplication::topLevelWidgets()) {
                if (widget->objectName() != QStringLiteral("nodes.files.confirmDelete") ||
                    !widget->isVisible())
                    continue;
                confirmShot = widget->grab().save(
                    dir + QStringLiteral("/nodes-files-confirm-delete-%1.png").arg(language));
                child<QPushButton>(widget, "nodes.files.confirmDelete.cancel")->click();
            }
        });
        child<QPushButton>(view, "nodes.files.delete")->click();
        QVERIFY(confirmShot);
        // A file past the editor's limit: what the editor says of it.
        const QString huge = m_root + QStringLiteral("/docs/huge.log");
        QVERIFY(writeAll(huge, QByteArray(NodeFileEditorDialog::kMaxTextBytes + 1, 'a')));
        {
            NodeFileEditorDialog editor(client(), m_files.nodeId, m_root,
                                        QStringLiteral("docs/huge.log"), false);
            editor.resize(720, 420);
            editor.show();
            QTRY_VERIFY_WITH_TIMEOUT(!editor.isBusy(), 20000);
            QApplication::processEvents();
            QVERIFY(editor.grab().save(
                dir + QStringLiteral("/nodes-files-too-large-%1.png").arg(language)));
        }
        QVERIFY(QFile::remove(huge));

        // An upload frozen halfway: small chunks, the grab at the first
        // confirmed one past a third.
        view->setTransferChunkSize(64 * 1024);
        DialogSeam::setNextHandler([&](QDialog *dialog) {
            qobject_cast<QFileDialog *>(dialog)->selectFile(big);
            return int(QDialog::Accepted);
        });
        MessageBox::setNextAnswer(QMessageBox::Yes); // replace it after the first language
        child<QPushButton>(view, "nodes.files.upload")->click();
        FileTransfer *upload = view->transfer();
        QVERIFY(upload);
        // The status bar's task list follows it.
        BackgroundTasksStatus status(BackgroundTasks::of(page.get()));
        bool grabbed = false;
        connect(upload, &FileTransfer::progress, this, [&](qint64 done, qint64 total) {
            if (grabbed || done * 3 < total)
                return;
            grabbed = true;
            page->grab().save(dir + QStringLiteral("/nodes-files-upload-%1.png").arg(language));
            status.openList();
            QApplication::processEvents();
            status.list()->grab().save(
                dir + QStringLiteral("/nodes-files-tasklist-%1.png").arg(language));
            status.list()->hide();
        });
        QTRY_COMPARE_WITH_TIMEOUT(upload->state(), FileTransfer::State::Done, 60000);
        QVERIFY(grabbed);
        MessageBox::setNextAnswer(QMessageBox::NoButton);

        // The editor.
        QTRY_VERIFY_WITH_TIMEOUT(listed(view, QStringLiteral("nginx.conf")), 20000);
        selectName(view, QStringLiteral("nginx.conf"));
        DialogSeam::setNextHandler([&](QDialog *dialog) {
            auto *editor = qobject_cast<NodeFileEditorDialog *>(dialog);
            (void)QTest::qWaitFor([editor] { return editor->isLoaded(); }, 20000);
            auto *text = child<QPlainTextEdit>(dialog, "nodes.files.editorText");
            text->moveCursor(QTextCursor::End);
            text->insertPlainText(QStringLiteral("# edited\n"));
            dialog->show();
            QApplication::processEvents();
            dialog->grab().save(dir + QStringLiteral("/nodes-files-editor-%1.png").arg(language));
            // Changed on the node meanwhile: the conflict's choices.
            const QString conf = m_root + QStringLiteral("/docs/nginx.conf");
            const QByteArray before = readAll(conf);
            writeAll(conf, before + "# changed on the node\n");
            child<QPushButton>(dialog, "nodes.files.editorSave")->click();
            if (QTest::qWaitFor([editor] { return editor->hasConflict(); }, 20000)) {
                QApplication::processEvents();
                dialog->grab().save(dir +
                                    QStringLiteral("/nodes-files-conflict-%1.png").arg(language));
            }
            writeAll(conf, before);
            text->document()->setModified(false);
            return int(QDialog::Rejected);
        });
        child<QPushButton>(view, "nodes.files.edit")->click();

        // An empty folder.
        QVERIFY(QDir(m_root).mkpath(QStringLiteral("docs/assets")));
        const int before = view->answers();
        view->openPath(QStringLiteral("docs/assets"));
        QTRY_VERIFY_WITH_TIMEOUT(view->answers() > before && !view->isLoading(), 20000);
        QApplication::processEvents();
        QVERIFY(page->grab().save(dir + QStringLiteral("/nodes-files-empty-%1.png").arg(language)));
    }

    // An action's answer and a finished upload, made in English and shown
    // after a switch to each language.
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    auto page = filesPage(QStringLiteral("docs"));
    QVERIFY(page);
    NodeFilesView *view = page->filesView();
    const QString small = local.filePath(QStringLiteral("hello.txt"));
    QVERIFY(writeAll(small, "twenty-two bytes long\n"));
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        qobject_cast<QFileDialog *>(dialog)->selectFile(small);
        return int(QDialog::Accepted);
    });
    child<QPushButton>(view, "nodes.files.upload")->click();
    QVERIFY(view->transfer());
    QTRY_COMPARE_WITH_TIMEOUT(view->transfer()->state(), FileTransfer::State::Done, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(listed(view, QStringLiteral("hello.txt")), 20000);
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        child<QLineEdit>(dialog, "nodes.files.name")->setText(QStringLiteral("new folder"));
        return int(QDialog::Accepted);
    });
    child<QPushButton>(view, "nodes.files.newFolder")->click();
    QTRY_VERIFY_WITH_TIMEOUT(listed(view, QStringLiteral("new folder")), 20000);
    page->resize(1100, 640);
    BackgroundTasksStatus status(BackgroundTasks::of(page.get()));
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        QTRY_COMPARE(child<QLabel>(view, "nodes.files.message")->text(),
                     filesText("Created the folder \"%1\".").arg(u"new folder"));
        QApplication::processEvents();
        QVERIFY(page->grab().save(
            dir + QStringLiteral("/nodes-files-after-action-%1.png").arg(language)));
        status.openList();
        QApplication::processEvents();
        QVERIFY(status.list()->grab().save(
            dir + QStringLiteral("/nodes-files-tasklist-done-%1.png").arg(language)));
        status.list()->hide();
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

QTEST_MAIN(TestNodeFiles)
#include "TestNodeFiles.moc"
