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

#include <QDialog>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
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

QTEST_MAIN(TestBackgroundTasks)
#include "TestBackgroundTasks.moc"
