#pragma once

#include <QPointer>
#include <QWidget>

class QProgressBar;
class QToolButton;

namespace hm::app {

class BackgroundTaskList;
class BackgroundTasks;

// The status bar's part for long-running work (console.md, "Shell"): "2
// tasks running" and their progress together while any runs, "1 task
// finished" afterwards, nothing when there is nothing to tell. A click opens
// the task list (BackgroundTaskList) over the status bar. Named
// `status.tasks`, its button `status.tasks.button`, its bar
// `status.tasks.progress`, the list `status.tasks.list`.
class BackgroundTasksStatus final : public QWidget
{
    Q_OBJECT

public:
    explicit BackgroundTasksStatus(BackgroundTasks *tasks, QWidget *parent = nullptr);

    BackgroundTasks *tasks() const { return m_tasks; }
    // The list, made on first use.
    BackgroundTaskList *list();

public slots:
    // Opens the list above the button.
    void openList();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showState();

    QPointer<BackgroundTasks> m_tasks;
    QToolButton *m_button = nullptr;
    QProgressBar *m_progress = nullptr;
    BackgroundTaskList *m_list = nullptr;
};

} // namespace hm::app
