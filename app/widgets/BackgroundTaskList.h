#pragma once

#include <QFrame>
#include <QList>
#include <QPointer>

class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace hm::app {

class BackgroundTask;
class BackgroundTasks;

// The status bar's task list (a popup): each task newest first with its
// title, detail, progress, how it stands and Cancel where it can be
// stopped; "Clear finished" forgets the ended ones. Named
// `status.tasks.list`; rows `status.tasks.row<i>` (0 the newest) with
// `status.tasks.title`, `.detail`, `.state`, `.rowProgress`, `.cancel`;
// `status.tasks.empty`, `status.tasks.clear`.
class BackgroundTaskList final : public QFrame
{
    Q_OBJECT

public:
    explicit BackgroundTaskList(BackgroundTasks *tasks, QWidget *parent = nullptr);

    // The row of the task listed `index`th (0: the newest), or null.
    QWidget *row(int index) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void syncRows();
    void retranslate();

    QPointer<BackgroundTasks> m_tasks;
    QList<BackgroundTask *> m_shown;
    QList<QWidget *> m_rows;
    QLabel *m_heading = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_rowsBox = nullptr;
    QVBoxLayout *m_rowsLayout = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_clear = nullptr;
};

} // namespace hm::app
