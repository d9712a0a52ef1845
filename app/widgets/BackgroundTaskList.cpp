#include "widgets/BackgroundTaskList.h"

#include "widgets/BackgroundTasks.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

namespace hm::app {

namespace {

constexpr int kListWidth = 440;
constexpr int kMaxRowsHeight = 360;

QString stateText(const BackgroundTask &task)
{
    using State = BackgroundTask::State;
    switch (task.state()) {
    case State::Running:
        return task.isIndeterminate()
                   ? QCoreApplication::translate("hm::app::BackgroundTaskList", "Running…")
                   : QCoreApplication::translate("hm::app::BackgroundTaskList", "Running… %1 %")
                         .arg(task.done() * 100 / task.total());
    case State::Done:
        return QCoreApplication::translate("hm::app::BackgroundTaskList", "Done");
    case State::Failed:
        return QCoreApplication::translate("hm::app::BackgroundTaskList", "Failed");
    case State::Cancelled:
        return QCoreApplication::translate("hm::app::BackgroundTaskList", "Cancelled");
    }
    return {};
}

void setTone(QLabel *label, const QString &tone)
{
    if (label->property("tone").toString() == tone)
        return;
    label->setProperty("tone", tone);
    label->style()->unpolish(label);
    label->style()->polish(label);
}

// One task's row; it follows the task until the task goes.
class TaskRow final : public QFrame
{
public:
    TaskRow(BackgroundTask *task, QWidget *parent) : QFrame(parent), m_task(task)
    {
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(8, 6, 8, 6);
        layout->setSpacing(3);
        auto *top = new QHBoxLayout;
        m_title = new QLabel(this);
        m_title->setObjectName(QStringLiteral("status.tasks.title"));
        m_title->setTextFormat(Qt::PlainText);
        m_title->setWordWrap(true); // a long file name
        QFont bold = m_title->font();
        bold.setBold(true);
        m_title->setFont(bold);
        m_state = new QLabel(this);
        m_state->setObjectName(QStringLiteral("status.tasks.state"));
        m_state->setTextFormat(Qt::PlainText);
        top->addWidget(m_title, 1);
        top->addWidget(m_state);
        layout->addLayout(top);
        m_detail = new QLabel(this);
        m_detail->setObjectName(QStringLiteral("status.tasks.detail"));
        m_detail->setTextFormat(Qt::PlainText);
        m_detail->setWordWrap(true);
        layout->addWidget(m_detail);
        auto *bottom = new QHBoxLayout;
        m_progress = new QProgressBar(this);
        m_progress->setObjectName(QStringLiteral("status.tasks.rowProgress"));
        m_progress->setTextVisible(false);
        m_progress->setMaximumHeight(12);
        m_cancel = new QPushButton(this);
        m_cancel->setObjectName(QStringLiteral("status.tasks.cancel"));
        bottom->addWidget(m_progress, 1);
        bottom->addWidget(m_cancel);
        layout->addLayout(bottom);
        connect(m_cancel, &QPushButton::clicked, this, [this] {
            if (m_task)
                m_task->cancel();
        });
        connect(task, &BackgroundTask::changed, this, &TaskRow::showTask);
        showTask();
    }

    void showTask()
    {
        if (!m_task)
            return;
        m_title->setText(m_task->title());
        m_title->setToolTip(m_task->title());
        m_detail->setText(m_task->detail());
        m_detail->setVisible(!m_task->detail().isEmpty());
        m_state->setText(stateText(*m_task));
        using State = BackgroundTask::State;
        setTone(m_state, m_task->state() == State::Failed ? QStringLiteral("bad")
                         : m_task->state() == State::Done ? QStringLiteral("good")
                                                          : QString());
        const bool running = m_task->isRunning();
        m_progress->setVisible(running);
        if (m_task->isIndeterminate()) {
            m_progress->setRange(0, 0);
        } else {
            m_progress->setRange(0, 1000);
            m_progress->setValue(
                int(qBound(qint64(0), m_task->done() * 1000 / m_task->total(), qint64(1000))));
        }
        m_cancel->setText(QCoreApplication::translate("hm::app::BackgroundTaskList", "Cancel"));
        m_cancel->setVisible(m_task->canCancel());
    }

private:
    QPointer<BackgroundTask> m_task;
    QLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_detail = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace

BackgroundTaskList::BackgroundTaskList(BackgroundTasks *tasks, QWidget *parent)
    : QFrame(parent, Qt::Popup), m_tasks(tasks)
{
    setObjectName(QStringLiteral("status.tasks.list"));
    setFrameShape(QFrame::StyledPanel);
    setFixedWidth(kListWidth);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("status.tasks.heading"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    layout->addWidget(m_heading);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("status.tasks.scroll"));
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_rowsBox = new QWidget(m_scroll);
    m_rowsLayout = new QVBoxLayout(m_rowsBox);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(4);
    m_rowsLayout->addStretch(1);
    m_scroll->setWidget(m_rowsBox);
    layout->addWidget(m_scroll, 1);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("status.tasks.empty"));
    m_empty->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_empty);
    auto *footer = new QHBoxLayout;
    footer->addStretch(1);
    m_clear = new QPushButton(this);
    m_clear->setObjectName(QStringLiteral("status.tasks.clear"));
    footer->addWidget(m_clear);
    layout->addLayout(footer);
    if (m_tasks) {
        connect(m_clear, &QPushButton::clicked, m_tasks, &BackgroundTasks::clearFinished);
        connect(m_tasks, &BackgroundTasks::changed, this, &BackgroundTaskList::syncRows);
    }
    retranslate();
    syncRows();
}

QWidget *BackgroundTaskList::row(int index) const
{
    return index >= 0 && index < m_rows.size() ? m_rows.at(index) : nullptr;
}

void BackgroundTaskList::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void BackgroundTaskList::syncRows()
{
    const QList<BackgroundTask *> tasks = m_tasks ? m_tasks->tasks() : QList<BackgroundTask *>();
    if (tasks != m_shown) {
        // Made again only when tasks came or went; a row follows its task.
        qDeleteAll(m_rows);
        m_rows.clear();
        for (qsizetype i = 0; i < tasks.size(); ++i) {
            auto *row = new TaskRow(tasks.at(i), m_rowsBox);
            row->setObjectName(QStringLiteral("status.tasks.row%1").arg(i));
            m_rowsLayout->insertWidget(int(i), row);
            m_rows.append(row);
        }
        m_shown = tasks;
    }
    m_empty->setVisible(tasks.isEmpty());
    m_scroll->setVisible(!tasks.isEmpty());
    m_clear->setEnabled(m_tasks && m_tasks->finishedCount() > 0);
    // The rows' height, up to a limit past which they scroll.
    const int width =
        kListWidth - layout()->contentsMargins().left() - layout()->contentsMargins().right();
    int rowsHeight = 0;
    for (QWidget *row : std::as_const(m_rows))
        rowsHeight +=
            (row->hasHeightForWidth() ? row->heightForWidth(width) : row->sizeHint().height()) +
            m_rowsLayout->spacing();
    m_scroll->setFixedHeight(qBound(0, rowsHeight, kMaxRowsHeight));
    if (isVisible()) {
        // It grows upwards: its foot stays on the status bar.
        const int bottom = geometry().bottom();
        adjustSize();
        move(x(), bottom - height() + 1);
    }
}

void BackgroundTaskList::retranslate()
{
    m_heading->setText(tr("Background tasks"));
    m_empty->setText(tr("No background tasks."));
    m_clear->setText(tr("Clear finished"));
    for (QWidget *row : std::as_const(m_rows))
        static_cast<TaskRow *>(row)->showTask();
    // The rows' heights follow the new words (CJK lines are taller).
    syncRows();
}

} // namespace hm::app
