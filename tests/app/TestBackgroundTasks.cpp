// The status bar's background tasks (console.md, "Shell"): a task's states
// and progress, the registry's overall progress, the finished ones kept
// until cleared (and at most kMaxFinished), one registry per window also
// reached from a dialog over it; the status bar's part ("N tasks running",
// its bar, hidden when there is nothing) and its task list (each task's
// state, Cancel only where the work can stop, Clear finished).

#include "shell/LanguageManager.h"
#include "widgets/BackgroundTaskList.h"
#include "widgets/BackgroundTasks.h"
#include "widgets/BackgroundTasksStatus.h"

#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>
#include <QtTest>

using namespace hm::app;

namespace {

template <typename T> T *child(QWidget *parent, const char *name)
{
    return parent ? parent->findChild<T *>(QString::fromLatin1(name)) : nullptr;
}

} // namespace

class TestBackgroundTasks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The English catalogue says the plurals ("2 tasks running").
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_languages.setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    }
    void taskEndsOnceAndKeepsItsEnd();
    void overallProgressAndClearFinished();
    void keepsOnlyTheLastFinished();
    void oneRegistryPerWindow();
    void statusBarPartAndTaskList();
    void textsFollowALanguageSwitch();
    void screenshots();

private:
    LanguageManager m_languages;
};

void TestBackgroundTasks::taskEndsOnceAndKeepsItsEnd()
{
    BackgroundTasks tasks;
    QSignalSpy changed(&tasks, &BackgroundTasks::changed);
    BackgroundTask *task = tasks.start(QStringLiteral("Upload"), QStringLiteral("starting"));
    QCOMPARE(changed.size(), 1);
    QVERIFY(task->isRunning());
    QVERIFY(task->isIndeterminate());
    QVERIFY(!task->canCancel()); // no way to stop it given
    int cancelled = 0;
    task->setCancel([&] { ++cancelled; });
    QVERIFY(task->canCancel());
    task->setProgress(30, 120);
    QCOMPARE(task->done(), 30);
    QVERIFY(!task->isIndeterminate());
    task->cancel();
    QCOMPARE(cancelled, 1);
    QVERIFY(task->isRunning()); // until its panel says it stopped
    task->finish(BackgroundTask::State::Cancelled, QStringLiteral("stopped"));
    QCOMPARE(task->state(), BackgroundTask::State::Cancelled);
    QCOMPARE(task->detail(), QStringLiteral("stopped"));
    QVERIFY(!task->canCancel());
    task->cancel();
    QCOMPARE(cancelled, 1);
    // A task ends once; progress after the end is ignored.
    task->finish(BackgroundTask::State::Done);
    task->setProgress(120, 120);
    QCOMPARE(task->state(), BackgroundTask::State::Cancelled);
    QCOMPARE(task->done(), 30);

    BackgroundTask *done = tasks.start(QStringLiteral("Download"));
    done->setProgress(10, 50);
    done->finish(BackgroundTask::State::Done);
    QCOMPARE(done->done(), 50); // a finished transfer is whole
    BackgroundTask *failed = tasks.start(QStringLiteral("Backup"));
    failed->finish(BackgroundTask::State::Failed, QStringLiteral("disk full"));
    QCOMPARE(failed->state(), BackgroundTask::State::Failed);
    QCOMPARE(tasks.tasks(), QList<BackgroundTask *>({failed, done, task})); // newest first
    QCOMPARE(tasks.runningCount(), 0);
    QCOMPARE(tasks.finishedCount(), 3);
}

void TestBackgroundTasks::overallProgressAndClearFinished()
{
    BackgroundTasks tasks;
    BackgroundTask *a = tasks.start(QStringLiteral("a"));
    QCOMPARE(tasks.overallPermille(), -1); // nobody knows how far
    a->setProgress(100, 400);
    BackgroundTask *b = tasks.start(QStringLiteral("b"));
    b->setProgress(500, 600);
    BackgroundTask *c = tasks.start(QStringLiteral("c")); // indeterminate: left out
    QCOMPARE(tasks.runningCount(), 3);
    QCOMPARE(tasks.overallPermille(), 600);
    b->finish(BackgroundTask::State::Done);
    QCOMPARE(tasks.overallPermille(), 250); // only the running ones count
    QPointer<BackgroundTask> gone = b;
    tasks.clearFinished();
    QCOMPARE(tasks.tasks(), QList<BackgroundTask *>({c, a}));
    QTRY_VERIFY(!gone);
}

void TestBackgroundTasks::keepsOnlyTheLastFinished()
{
    BackgroundTasks tasks;
    BackgroundTask *running = tasks.start(QStringLiteral("long"));
    QList<BackgroundTask *> finished;
    for (int i = 0; i < BackgroundTasks::kMaxFinished + 5; ++i) {
        BackgroundTask *t = tasks.start(QStringLiteral("t%1").arg(i));
        t->finish(BackgroundTask::State::Done);
        finished.append(t);
    }
    QCOMPARE(tasks.finishedCount(), BackgroundTasks::kMaxFinished);
    QVERIFY(tasks.tasks().contains(running)); // a running one always stays
    QVERIFY(tasks.tasks().contains(finished.last()));
    QVERIFY(!tasks.tasks().contains(finished.first())); // the oldest went
}

void TestBackgroundTasks::oneRegistryPerWindow()
{
    QWidget window;
    auto *inner = new QWidget(&window);
    auto *deeper = new QWidget(inner);
    auto *dialog = new QDialog(deeper); // a window of its own, over the main one
    BackgroundTasks *tasks = BackgroundTasks::of(&window);
    QVERIFY(tasks);
    QCOMPARE(tasks->parent(), &window);
    QCOMPARE(BackgroundTasks::of(deeper), tasks);
    QCOMPARE(BackgroundTasks::of(dialog), tasks);
    QWidget other;
    QVERIFY(BackgroundTasks::of(&other) != tasks);
    QCOMPARE(BackgroundTasks::of(nullptr), nullptr);
}

void TestBackgroundTasks::statusBarPartAndTaskList()
{
    QWidget window;
    BackgroundTasks *tasks = BackgroundTasks::of(&window);
    auto *status = new BackgroundTasksStatus(tasks, &window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!status->isVisible()); // nothing to tell
    QCOMPARE(status->objectName(), QStringLiteral("status.tasks"));
    auto *button = child<QToolButton>(status, "status.tasks.button");
    auto *bar = child<QProgressBar>(status, "status.tasks.progress");

    BackgroundTask *upload = tasks->start(QStringLiteral("Upload of \"a.bin\""));
    int cancels = 0;
    upload->setCancel([&] {
        ++cancels;
        upload->finish(BackgroundTask::State::Cancelled);
    });
    upload->setProgress(250, 1000);
    BackgroundTask *backup = tasks->start(QStringLiteral("Backup of the server"));
    QVERIFY(status->isVisible());
    QCOMPARE(button->text(), QStringLiteral("2 tasks running"));
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->value(), 250);

    button->click();
    BackgroundTaskList *list = status->list();
    QVERIFY(list->isVisible());
    QCOMPARE(list->objectName(), QStringLiteral("status.tasks.list"));
    QWidget *first = list->row(0);
    QWidget *second = list->row(1);
    QCOMPARE(child<QLabel>(first, "status.tasks.title")->text(),
             QStringLiteral("Backup of the server"));
    QCOMPARE(child<QLabel>(first, "status.tasks.state")->text(), QStringLiteral("Running…"));
    QVERIFY(!child<QPushButton>(first, "status.tasks.cancel")->isVisible()); // cannot stop
    QCOMPARE(child<QLabel>(second, "status.tasks.state")->text(), QStringLiteral("Running… 25 %"));
    QCOMPARE(child<QProgressBar>(second, "status.tasks.rowProgress")->value(), 250);
    auto *clear = child<QPushButton>(list, "status.tasks.clear");
    QVERIFY(!clear->isEnabled()); // nothing finished yet

    // Cancel goes to the panel's way of stopping it.
    child<QPushButton>(second, "status.tasks.cancel")->click();
    QCOMPARE(cancels, 1);
    QCOMPARE(child<QLabel>(second, "status.tasks.state")->text(), QStringLiteral("Cancelled"));
    QVERIFY(!child<QPushButton>(second, "status.tasks.cancel")->isVisible());
    QCOMPARE(button->text(), QStringLiteral("1 task running"));
    backup->finish(BackgroundTask::State::Failed, QStringLiteral("disk full"));
    QCOMPARE(child<QLabel>(first, "status.tasks.state")->text(), QStringLiteral("Failed"));
    QCOMPARE(child<QLabel>(first, "status.tasks.detail")->text(), QStringLiteral("disk full"));
    QCOMPARE(child<QLabel>(first, "status.tasks.state")->property("tone").toString(),
             QStringLiteral("bad"));
    QCOMPARE(button->text(), QStringLiteral("2 tasks finished"));
    QVERIFY(!bar->isVisible());

    QVERIFY(clear->isEnabled());
    clear->click();
    QVERIFY(tasks->tasks().isEmpty());
    QVERIFY(!list->row(0));
    QVERIFY(child<QLabel>(list, "status.tasks.empty")->isVisible());
    QVERIFY(!status->isVisible());
}

namespace {

QString uploadTitle()
{
    return QCoreApplication::translate("hm::app::NodeFileTransferTask", "Upload of \"%1\" to %2")
        .arg(QStringLiteral("a.bin"), QStringLiteral("web-1"));
}

QString cancelledDetail()
{
    return QCoreApplication::translate("hm::app::NodeFileTransferTask",
                                       "Cancelled: nothing was kept.");
}

QString listText(const char *source)
{
    return QCoreApplication::translate("hm::app::BackgroundTaskList", source);
}

} // namespace

// A task given its texts as functions says them in the language of the
// moment: also once it has ended and the panel that made it is gone. The
// state ("Done", "Running… 40 %") follows as well. Text given as it is (a
// server's words) stays.
void TestBackgroundTasks::textsFollowALanguageSwitch()
{
    QWidget window;
    BackgroundTasks *tasks = BackgroundTasks::of(&window);
    auto *status = new BackgroundTasksStatus(tasks, &window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    BackgroundTask *running = tasks->start(BackgroundTask::Text(uploadTitle));
    running->setProgress(400, 1000);
    BackgroundTask *ended = tasks->start(BackgroundTask::Text(uploadTitle));
    ended->finish(BackgroundTask::State::Cancelled, BackgroundTask::Text(cancelledDetail));
    BackgroundTask *worded = tasks->start(QStringLiteral("Backup of the server"));
    worded->finish(BackgroundTask::State::Failed, QStringLiteral("disk full"));
    child<QToolButton>(status, "status.tasks.button")->click();
    BackgroundTaskList *list = status->list();
    QWidget *wordedRow = list->row(0);
    QWidget *endedRow = list->row(1);
    QWidget *runningRow = list->row(2);
    QCOMPARE(child<QLabel>(endedRow, "status.tasks.title")->text(),
             QStringLiteral("Upload of \"a.bin\" to web-1"));
    QCOMPARE(child<QLabel>(endedRow, "status.tasks.detail")->text(),
             QStringLiteral("Cancelled: nothing was kept."));

    QSignalSpy changed(tasks, &BackgroundTasks::changed);
    QVERIFY(m_languages.setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QVERIFY(!changed.isEmpty()); // whatever shows the tasks hears of it
    const QString title = uploadTitle();
    QVERIFY2(title.startsWith(QStringLiteral("上傳")), qPrintable(title));
    QCOMPARE(ended->title(), title);
    QCOMPARE(ended->detail(), cancelledDetail());
    QVERIFY(ended->detail() != QStringLiteral("Cancelled: nothing was kept."));
    QCOMPARE(running->title(), title);
    QTRY_COMPARE(child<QLabel>(endedRow, "status.tasks.title")->text(), title);
    QCOMPARE(child<QLabel>(endedRow, "status.tasks.detail")->text(), cancelledDetail());
    QCOMPARE(child<QLabel>(endedRow, "status.tasks.state")->text(), listText("Cancelled"));
    QCOMPARE(child<QLabel>(runningRow, "status.tasks.title")->text(), title);
    QCOMPARE(child<QLabel>(runningRow, "status.tasks.state")->text(),
             listText("Running… %1 %").arg(40));
    // The server's words and a name stay as they were.
    QCOMPARE(child<QLabel>(wordedRow, "status.tasks.title")->text(),
             QStringLiteral("Backup of the server"));
    QCOMPARE(child<QLabel>(wordedRow, "status.tasks.detail")->text(), QStringLiteral("disk full"));
    QCOMPARE(child<QLabel>(wordedRow, "status.tasks.state")->text(), listText("Failed"));
    // The rows still fit: their heights follow the new words.
    auto *scroll = child<QScrollArea>(list, "status.tasks.scroll");
    QVERIFY(!scroll->verticalScrollBar()->isVisible());

    // A list opened after the switch says the same.
    list->hide();
    BackgroundTaskList fresh(tasks);
    QCOMPARE(child<QLabel>(fresh.row(1), "status.tasks.title")->text(), title);
    QVERIFY(m_languages.setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    QCOMPARE(ended->title(), uploadTitle());
    QVERIFY(ended->title() != title);
    QTRY_COMPARE(child<QLabel>(fresh.row(1), "status.tasks.title")->text(), uploadTitle());
    QVERIFY(m_languages.setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QCOMPARE(ended->title(), QStringLiteral("Upload of \"a.bin\" to web-1"));
}

// The task list with a running and two finished tasks, made in English and
// shown after a switch to each language.
void TestBackgroundTasks::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QWidget window;
    BackgroundTasks *tasks = BackgroundTasks::of(&window);
    auto *status = new BackgroundTasksStatus(tasks, &window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    BackgroundTask *ended = tasks->start(BackgroundTask::Text(uploadTitle));
    ended->finish(BackgroundTask::State::Cancelled, BackgroundTask::Text(cancelledDetail));
    BackgroundTask *done = tasks->start(BackgroundTask::Text([] {
        return QCoreApplication::translate("hm::app::NodeFileTransferTask",
                                           "Download of \"%1\" from %2")
            .arg(QStringLiteral("nginx.conf"), QStringLiteral("web-1"));
    }));
    done->finish(BackgroundTask::State::Done, BackgroundTask::Text([] {
                     return QCoreApplication::translate("hm::app::NodeFileTransferTask",
                                                        "Saved to %1.")
                         .arg(QStringLiteral("/home/ops/Downloads/nginx.conf"));
                 }));
    BackgroundTask *running = tasks->start(BackgroundTask::Text(uploadTitle));
    running->setProgress(400, 1000);
    status->openList();
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_languages.setLanguage(language, LanguageManager::Persist::No));
        QTRY_COMPARE(child<QLabel>(status->list()->row(0), "status.tasks.title")->text(),
                     uploadTitle());
        QApplication::processEvents();
        QVERIFY(status->list()->grab().save(
            dir + QStringLiteral("/background-tasks-finished-%1.png").arg(language)));
    }
    QVERIFY(m_languages.setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

QTEST_MAIN(TestBackgroundTasks)
#include "TestBackgroundTasks.moc"
