#include "fleet/NodeFileTransferTask.h"

#include "client/FileTransfer.h"
#include "widgets/BackgroundTasks.h"
#include "widgets/ByteSizeText.h"
#include "widgets/ServerErrorText.h"

#include <QFileInfo>
#include <QLocale>

namespace hm::app {

NodeFileTransferTask *NodeFileTransferTask::track(client::FileTransfer *transfer,
                                                  BackgroundTasks *tasks, const QString &nodeName)
{
    if (!transfer || !tasks)
        return nullptr;
    return new NodeFileTransferTask(transfer, tasks, nodeName);
}

NodeFileTransferTask::NodeFileTransferTask(client::FileTransfer *transfer, BackgroundTasks *tasks,
                                           const QString &nodeName)
    : QObject(transfer), m_transfer(transfer), m_tasks(tasks), m_nodeName(nodeName)
{
    connect(transfer, &client::FileTransfer::progress, this, &NodeFileTransferTask::showState);
    connect(transfer, &client::FileTransfer::stateChanged, this, &NodeFileTransferTask::showState);
    connect(transfer, &QObject::destroyed, this, &NodeFileTransferTask::transferGone);
    showState();
}

void NodeFileTransferTask::showState()
{
    using State = client::FileTransfer::State;
    const client::FileTransfer *t = m_transfer;
    // Listed from its start, and again when a failed one is resumed.
    if ((!m_task || !m_task->isRunning()) && t->isRunning() && m_tasks) {
        m_task = m_tasks->start(BackgroundTask::Text());
        QPointer<client::FileTransfer> transfer = m_transfer;
        m_task->setCancel([transfer] {
            if (transfer)
                transfer->cancel();
        });
    }
    if (!m_task || !m_task->isRunning())
        return;
    // Each text made from values, not from the transfer: the task outlives
    // it and says its texts again on a language change.
    const QString name = QFileInfo(t->isUpload() ? t->localPath() : t->remotePath()).fileName();
    const QString node = m_nodeName;
    if (t->isUpload())
        m_task->setTitle([name, node] { return tr("Upload of \"%1\" to %2").arg(name, node); });
    else
        m_task->setTitle([name, node] { return tr("Download of \"%1\" from %2").arg(name, node); });
    const qint64 moved = t->transferred();
    const qint64 total = t->total();
    const auto amounts = [moved, total] {
        return tr("%1 of %2").arg(ByteSizeText::format(moved), ByteSizeText::format(total));
    };
    switch (t->state()) {
    case State::Idle:
    case State::Hashing:
        m_task->setDetail([] { return tr("Preparing (checksum)…"); });
        m_task->setProgress(0, 0);
        break;
    case State::Starting:
    case State::Moving:
        m_task->setDetail(amounts);
        m_task->setProgress(moved, total);
        break;
    case State::Finishing:
        m_task->setDetail([] { return tr("Checking the file on the node…"); });
        break;
    case State::Done:
        if (t->isUpload())
            m_task->finish(BackgroundTask::State::Done, [total] {
                return tr("Uploaded (%1).").arg(ByteSizeText::format(total));
            });
        else
            m_task->finish(BackgroundTask::State::Done,
                           [local = t->localPath()] { return tr("Saved to %1.").arg(local); });
        break;
    case State::Failed: {
        const hm::Error error = *t->error();
        if (t->canResume())
            m_task->finish(BackgroundTask::State::Failed, [amounts, error] {
                return tr("Interrupted at %1: %2 (Resume in the node's Files tab.)")
                    .arg(amounts(), describeApiError(error));
            });
        else
            m_task->finish(BackgroundTask::State::Failed,
                           [error] { return describeApiError(error); });
        break;
    }
    case State::Cancelled:
        m_task->finish(BackgroundTask::State::Cancelled,
                       [] { return tr("Cancelled: nothing was kept."); });
        break;
    }
}

void NodeFileTransferTask::transferGone()
{
    // The Files tab that held it went (signed out, the console closing).
    if (m_task)
        m_task->finish(BackgroundTask::State::Cancelled,
                       [] { return tr("Stopped: its Files tab closed."); });
}

} // namespace hm::app
