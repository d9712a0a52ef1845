#pragma once

#include "widgets/BackgroundTasks.h"

#include <QObject>
#include <QPointer>

namespace hm::client {
class FileTransfer;
}

namespace hm::app {

// Shows a Files tab upload or download in the status bar's task list
// (BackgroundTasks): its progress, how it ended, and Cancel through the
// transfer's own cancel(). A child of the transfer: the transfer going
// (its Files tab closed) ends the task as cancelled, the entry stays. A
// transfer resumed after a failure is listed again as a new task.
class NodeFileTransferTask final : public QObject
{
    Q_OBJECT

public:
    static NodeFileTransferTask *track(client::FileTransfer *transfer, BackgroundTasks *tasks,
                                       const QString &nodeName);

    BackgroundTask *task() const { return m_task; }

private:
    NodeFileTransferTask(client::FileTransfer *transfer, BackgroundTasks *tasks,
                         const QString &nodeName);
    void showState();
    void transferGone();

    client::FileTransfer *m_transfer = nullptr; // the parent
    QPointer<BackgroundTasks> m_tasks;
    QPointer<BackgroundTask> m_task;
    QString m_nodeName;
};

} // namespace hm::app
