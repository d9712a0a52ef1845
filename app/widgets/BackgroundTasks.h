#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <functional>

class QWidget;

namespace hm::app {

// One piece of long-running work a panel started (a file upload, a backup):
// what it is, how far it got and how it ended, for the status bar's task
// list (console.md, "Shell"). The panel that started it keeps it up to date
// and says how it ended; the registry owns it, so that it outlives the
// panel's page being left. Its title and detail are kept as the way to
// make them (a Text), not as words: a language change renders them again,
// also for a task that ended long ago (its panel no longer there to say
// them anew). A text given as a QString stays as it is (a file name, the
// server's own words).
class BackgroundTask final : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Running,
        Done,
        Failed,
        Cancelled
    };
    Q_ENUM(State)
    // Says the text in the language of the moment; it must not reach the
    // panel that made it (the task outlives it): capture values.
    using Text = std::function<QString()>;

    // In the language of the moment.
    QString title() const { return m_title ? m_title() : QString(); }
    QString detail() const { return m_detail ? m_detail() : QString(); }
    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    // Bytes (or any unit) done of total; total <= 0: how far is not known.
    qint64 done() const { return m_done; }
    qint64 total() const { return m_total; }
    bool isIndeterminate() const { return m_total <= 0; }
    // A running task with a way to stop it.
    bool canCancel() const { return isRunning() && bool(m_cancel); }

    void setTitle(Text title);
    void setDetail(Text detail);
    // Words that stay as they are in any language.
    void setTitle(const QString &title);
    void setDetail(const QString &detail);
    void setProgress(qint64 done, qint64 total);
    // Null: the task cannot be stopped (any more).
    void setCancel(std::function<void()> cancel);
    // Asks the panel's cancel path to stop the work; the panel then says
    // how it ended (finish(Cancelled)). No-op unless canCancel().
    void cancel();
    // The end; the detail says how it went (kept if empty). Later calls are
    // ignored: a task ends once.
    void finish(State state, Text detail);
    void finish(State state, const QString &detail = {});

signals:
    void changed();

private:
    friend class BackgroundTasks;
    explicit BackgroundTask(Text title, QObject *parent);
    // Emits changed() when what it says now differs from before.
    void setText(Text &slot, Text text);

    Text m_title;
    Text m_detail;
    State m_state = State::Running;
    qint64 m_done = 0;
    qint64 m_total = 0;
    std::function<void()> m_cancel;
};

// The window's background tasks, newest first: the running ones and the
// last kMaxFinished that ended (until cleared). One per top-level window,
// reached from any widget in it (or in a dialog over it) with of(), so the
// panels that start work and the status bar that shows it share it without
// being handed it through every page.
class BackgroundTasks final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxFinished = 20;

    explicit BackgroundTasks(QObject *parent = nullptr);

    // The registry of `widget`'s outermost window (made on first use, a
    // child of that window named "backgroundTasks").
    static BackgroundTasks *of(const QWidget *widget);

    // A new running task, listed first.
    BackgroundTask *start(BackgroundTask::Text title, BackgroundTask::Text detail = {});
    BackgroundTask *start(const QString &title, const QString &detail = {});
    QList<BackgroundTask *> tasks() const { return m_tasks; }
    int runningCount() const;
    int finishedCount() const { return int(m_tasks.size()) - runningCount(); }
    // The running tasks' progress together in per mille; -1 when none of
    // them knows how far it is.
    int overallPermille() const;

public slots:
    // Forgets the tasks that ended.
    void clearFinished();

signals:
    // A task came, went, or one of them changed (also: the language did,
    // so every task says its texts anew).
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void dropOldFinished();

    QList<BackgroundTask *> m_tasks;
};

} // namespace hm::app
