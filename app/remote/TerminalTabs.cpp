#include "remote/TerminalTabs.h"

#include "remote/TerminalView.h"

#include <QColor>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPalette>
#include <QStyle>
#include <QStyleOptionTab>
#include <QTabBar>
#include <QToolButton>
#include <algorithm>

namespace hm::app {

namespace {

// The number a view got when it was added, for its "Terminal N".
constexpr char ttNumberProperty[] = "hmTerminalNumber";

// A tab bar as tall without tabs as with them: QTabWidget fits its corner
// widgets into the tab bar's height, and an empty bar's is 0, which would
// hide "+" exactly when it is the only way to open a terminal.
class TtTabBar final : public QTabBar
{
public:
    using QTabBar::QTabBar;

    QSize sizeHint() const override { return withTabHeight(QTabBar::sizeHint()); }
    QSize minimumSizeHint() const override { return withTabHeight(QTabBar::minimumSizeHint()); }

private:
    QSize withTabHeight(QSize size) const
    {
        if (count() > 0)
            return size;
        // What QTabBar measures for a tab with a text (QTabBar::tabSizeHint).
        QStyleOptionTab option;
        option.initFrom(this);
        option.shape = shape();
        option.text = QStringLiteral("Terminal");
        const int vspace = style()->pixelMetric(QStyle::PM_TabBarTabVSpace, &option, this);
        const QSize contents(fontMetrics().horizontalAdvance(option.text),
                             fontMetrics().height() + vspace);
        const QSize tab = style()->sizeFromContents(QStyle::CT_TabBarTab, &option, contents, this);
        size.setHeight(std::max(size.height(), tab.height()));
        return size;
    }
};

} // namespace

TerminalTabs::TerminalTabs(QWidget *parent) : QTabWidget(parent)
{
    setObjectName(QStringLiteral("terminalTabs"));
    setTabBar(new TtTabBar(this));
    // terminalClosed's argument, for queued connections and signal spies
    // (moc saw only a declaration of TerminalView).
    qRegisterMetaType<hm::app::TerminalView *>();
    setTabsClosable(true);
    setMovable(true);
    setDocumentMode(true);
    setUsesScrollButtons(true);
    setElideMode(Qt::ElideRight);

    m_newTab = new QToolButton(this);
    m_newTab->setObjectName(QStringLiteral("newTerminalTab"));
    m_newTab->setText(QStringLiteral("+"));
    m_newTab->setAutoRaise(true);
    // A bare "+" in the tab font is a speck at the bar's end; the empty
    // state points the user at it.
    QFont plusFont = m_newTab->font();
    plusFont.setBold(true);
    plusFont.setPointSizeF(plusFont.pointSizeF() * 1.3);
    m_newTab->setFont(plusFont);
    m_newTab->setMinimumWidth(m_newTab->sizeHint().height() + 4);
    // The sessions still running on the node (a closed tab or console, a
    // lost connection), to reattach or end.
    m_sessions = new QToolButton(this);
    m_sessions->setObjectName(QStringLiteral("terminalSessionsButton"));
    m_sessions->setAutoRaise(true);
    auto *corner = new QWidget(this);
    auto *cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 0, 0);
    cornerLayout->setSpacing(2);
    cornerLayout->addWidget(m_sessions);
    cornerLayout->addWidget(m_newTab);
    setCornerWidget(corner, Qt::TopRightCorner);
    connect(m_newTab, &QToolButton::clicked, this, &TerminalTabs::newTabRequested);
    connect(m_sessions, &QToolButton::clicked, this, &TerminalTabs::sessionsRequested);

    // A child over the (empty) pages area rather than a page: a page would
    // be a tab.
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("terminalTabsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setProperty("hmStyle", QStringLiteral("muted"));

    connect(this, &QTabWidget::tabCloseRequested, this, &TerminalTabs::closeTerminal);
    connect(this, &QTabWidget::currentChanged, this, [this](int index) {
        if (index >= 0)
            tabBar()->setTabTextColor(index, QColor()); // seen: the bell's colour goes
    });
    retranslateUi();
    updateEmptyState();
}

int TerminalTabs::addTerminal(TerminalView *view)
{
    view->setProperty(ttNumberProperty, ++m_opened);
    const int index = addTab(view, QString());
    updateTabText(view);
    connect(view->screen(), &TerminalScreen::titleChanged, this,
            [this, view] { updateTabText(view); });
    // A bell in a tab the user is not looking at colours its title until
    // they do.
    connect(view->screen(), &TerminalScreen::bell, this, [this, view] {
        const int at = indexOf(view);
        if (at >= 0 && at != currentIndex())
            tabBar()->setTabTextColor(at, palette().color(QPalette::Link));
    });
    setCurrentIndex(index);
    view->setFocus();
    return index;
}

TerminalView *TerminalTabs::terminalAt(int index) const
{
    return qobject_cast<TerminalView *>(widget(index));
}

TerminalView *TerminalTabs::currentTerminal() const
{
    return qobject_cast<TerminalView *>(currentWidget());
}

void TerminalTabs::closeTerminal(int index)
{
    TerminalView *view = terminalAt(index);
    if (!view || (m_closeGuard && !m_closeGuard(view)))
        return;
    // The guard may have run a nested loop (a question): find it again.
    index = indexOf(view);
    if (index < 0)
        return;
    removeTab(index);
    emit terminalClosed(view);
    view->deleteLater();
}

void TerminalTabs::updateTabText(TerminalView *view)
{
    const int index = indexOf(view);
    if (index < 0)
        return;
    const QString title = view->screen()->title().simplified();
    const QString text = title.isEmpty()
                             ? tr("Terminal %1").arg(view->property(ttNumberProperty).toInt())
                             : title;
    const QFontMetrics metrics(tabBar()->font());
    setTabText(index, metrics.elidedText(text, Qt::ElideRight,
                                         metrics.averageCharWidth() * TitleChars));
    setTabToolTip(index, text);
}

void TerminalTabs::setDetachedSessions(bool any)
{
    m_detached = any;
    retranslateUi();
}

void TerminalTabs::updateEmptyState()
{
    const bool empty = count() == 0;
    m_empty->setVisible(empty);
    if (!empty)
        return;
    // Below the tab bar, where the pages would be, so "+" stays reachable.
    const int top = std::max(tabBar()->geometry().bottom() + 1, m_newTab->geometry().bottom() + 1);
    m_empty->setGeometry(0, top, width(), std::max(0, height() - top));
    m_empty->raise();
}

void TerminalTabs::retranslateUi()
{
    m_newTab->setToolTip(tr("New terminal"));
    m_sessions->setText(tr("Sessions"));
    m_sessions->setToolTip(tr("Terminal sessions still running on this node: reattach or end "
                              "them"));
    m_empty->setText(m_detached ? tr("No terminal open here. Sessions still run on this node: "
                                     "press Sessions to reattach one, or + to open a new one.")
                                : tr("No terminal open. Press + to open one."));
    for (int index = 0; index < count(); ++index) {
        if (TerminalView *view = terminalAt(index))
            updateTabText(view);
    }
}

void TerminalTabs::changeEvent(QEvent *event)
{
    QTabWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void TerminalTabs::resizeEvent(QResizeEvent *event)
{
    QTabWidget::resizeEvent(event);
    updateEmptyState();
}

void TerminalTabs::tabInserted(int index)
{
    QTabWidget::tabInserted(index);
    updateEmptyState();
}

void TerminalTabs::tabRemoved(int index)
{
    QTabWidget::tabRemoved(index);
    updateEmptyState();
}

} // namespace hm::app
