#include "widgets/BackgroundTasksStatus.h"

#include "widgets/BackgroundTaskList.h"
#include "widgets/BackgroundTasks.h"

#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QProgressBar>
#include <QScreen>
#include <QToolButton>

namespace hm::app {

namespace {

constexpr int kProgressWidth = 72;

} // namespace

BackgroundTasksStatus::BackgroundTasksStatus(BackgroundTasks *tasks, QWidget *parent)
    : QWidget(parent), m_tasks(tasks)
{
    setObjectName(QStringLiteral("status.tasks"));
    // Its words whole: the connection's text (which stretches) gives way.
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 8, 0);
    layout->setSpacing(6);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("status.tasks.progress"));
    m_progress->setTextVisible(false);
    m_progress->setFixedWidth(kProgressWidth);
    m_progress->setMaximumHeight(12);
    m_button = new QToolButton(this);
    m_button->setObjectName(QStringLiteral("status.tasks.button"));
    m_button->setAutoRaise(true);
    m_button->setCursor(Qt::PointingHandCursor);
    layout->addWidget(m_button);
    layout->addWidget(m_progress);
    connect(m_button, &QToolButton::clicked, this, &BackgroundTasksStatus::openList);
    if (m_tasks)
        connect(m_tasks, &BackgroundTasks::changed, this, &BackgroundTasksStatus::showState);
    showState();
}

BackgroundTaskList *BackgroundTasksStatus::list()
{
    if (!m_list)
        m_list = new BackgroundTaskList(m_tasks, this);
    return m_list;
}

void BackgroundTasksStatus::openList()
{
    BackgroundTaskList *popup = list();
    popup->adjustSize();
    // Above the button, its right edge on the button's, inside the screen.
    const QPoint corner = m_button->mapToGlobal(QPoint(m_button->width(), 0));
    QPoint at(corner.x() - popup->width(), corner.y() - popup->height());
    if (const QScreen *screen = QGuiApplication::screenAt(corner)) {
        const QRect room = screen->availableGeometry();
        at.setX(qBound(room.left(), at.x(), qMax(room.left(), room.right() - popup->width())));
        at.setY(qMax(room.top(), at.y()));
    }
    popup->move(at);
    popup->show();
}

void BackgroundTasksStatus::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        showState();
    QWidget::changeEvent(event);
}

void BackgroundTasksStatus::showState()
{
    const int running = m_tasks ? m_tasks->runningCount() : 0;
    const int finished = m_tasks ? m_tasks->finishedCount() : 0;
    setVisible(running + finished > 0);
    m_button->setText(running > 0 ? tr("%n task(s) running", "", running)
                                  : tr("%n task(s) finished", "", finished));
    m_button->setToolTip(tr("Show the background tasks"));
    m_progress->setVisible(running > 0);
    const int permille = m_tasks ? m_tasks->overallPermille() : -1;
    if (permille < 0) {
        m_progress->setRange(0, 0); // busy: none knows how far it is
    } else {
        m_progress->setRange(0, 1000);
        m_progress->setValue(permille);
    }
}

} // namespace hm::app
