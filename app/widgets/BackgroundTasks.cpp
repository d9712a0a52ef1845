#include "widgets/BackgroundTasks.h"

#include <QCoreApplication>
#include <QEvent>
#include <QWidget>
#include <algorithm>

namespace hm::app {

namespace {

BackgroundTask::Text fixed(const QString &text)
{
    if (text.isEmpty())
        return {};
    return [text] { return text; };
}

} // namespace

BackgroundTask::BackgroundTask(Text title, QObject *parent)
    : QObject(parent), m_title(std::move(title))
{}

void BackgroundTask::setText(Text &slot, Text text)
{
    const QString before = slot ? slot() : QString();
    slot = std::move(text);
    if ((slot ? slot() : QString()) != before)
        emit changed();
}

void BackgroundTask::setTitle(Text title)
{
    setText(m_title, std::move(title));
}

void BackgroundTask::setDetail(Text detail)
{
    setText(m_detail, std::move(detail));
}

void BackgroundTask::setTitle(const QString &title)
{
    setTitle(fixed(title));
}

void BackgroundTask::setDetail(const QString &detail)
{
    setDetail(fixed(detail));
}

void BackgroundTask::setProgress(qint64 done, qint64 total)
{
    if (!isRunning() || (done == m_done && total == m_total))
        return;
    m_done = done;
    m_total = total;
    emit changed();
}

void BackgroundTask::setCancel(std::function<void()> cancel)
{
    m_cancel = std::move(cancel);
    emit changed();
}

void BackgroundTask::cancel()
{
    if (!canCancel())
        return;
    // A copy: the callback may finish the task, which drops it.
    const std::function<void()> cancel = m_cancel;
    cancel();
}

void BackgroundTask::finish(State state, Text detail)
{
    if (!isRunning() || state == State::Running)
        return;
    m_state = state;
    m_cancel = nullptr;
    if (state == State::Done && m_total > 0)
        m_done = m_total;
    if (detail && !detail().isEmpty())
        m_detail = std::move(detail);
    emit changed();
}

void BackgroundTask::finish(State state, const QString &detail)
{
    finish(state, fixed(detail));
}

BackgroundTasks::BackgroundTasks(QObject *parent) : QObject(parent)
{
    // The application hears of every language change, also while no
    // window shows the tasks; those that do show them again on changed().
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

bool BackgroundTasks::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange &&
        !m_tasks.isEmpty())
        emit changed();
    return QObject::eventFilter(watched, event);
}

BackgroundTasks *BackgroundTasks::of(const QWidget *widget)
{
    if (!widget)
        return nullptr;
    // A dialog is a window of its own: its parent's window holds the tasks.
    QWidget *outer = const_cast<QWidget *>(widget);
    while (outer->parentWidget())
        outer = outer->parentWidget();
    const QString name = QStringLiteral("backgroundTasks");
    if (auto *tasks = outer->findChild<BackgroundTasks *>(name, Qt::FindDirectChildrenOnly))
        return tasks;
    auto *tasks = new BackgroundTasks(outer);
    tasks->setObjectName(name);
    return tasks;
}

BackgroundTask *BackgroundTasks::start(const QString &title, const QString &detail)
{
    return start(fixed(title), fixed(detail));
}

BackgroundTask *BackgroundTasks::start(BackgroundTask::Text title, BackgroundTask::Text detail)
{
    auto *task = new BackgroundTask(std::move(title), this);
    task->m_detail = std::move(detail);
    m_tasks.prepend(task);
    connect(task, &BackgroundTask::changed, this, [this, task] {
        if (!task->isRunning())
            dropOldFinished();
        emit changed();
    });
    emit changed();
    return task;
}

int BackgroundTasks::runningCount() const
{
    return int(std::count_if(m_tasks.cbegin(), m_tasks.cend(),
                             [](const BackgroundTask *t) { return t->isRunning(); }));
}

int BackgroundTasks::overallPermille() const
{
    qint64 done = 0;
    qint64 total = 0;
    for (const BackgroundTask *t : m_tasks) {
        if (t->isRunning() && !t->isIndeterminate()) {
            done += qBound(qint64(0), t->done(), t->total());
            total += t->total();
        }
    }
    return total > 0 ? int(done * 1000 / total) : -1;
}

void BackgroundTasks::clearFinished()
{
    QList<BackgroundTask *> kept;
    bool dropped = false;
    for (BackgroundTask *t : std::as_const(m_tasks)) {
        if (t->isRunning()) {
            kept.append(t);
        } else {
            t->deleteLater();
            dropped = true;
        }
    }
    m_tasks = kept;
    if (dropped)
        emit changed();
}

void BackgroundTasks::dropOldFinished()
{
    int finished = 0;
    for (qsizetype i = 0; i < m_tasks.size();) {
        BackgroundTask *t = m_tasks.at(i);
        if (!t->isRunning() && ++finished > kMaxFinished) {
            m_tasks.removeAt(i);
            t->deleteLater();
        } else {
            ++i;
        }
    }
}

} // namespace hm::app
