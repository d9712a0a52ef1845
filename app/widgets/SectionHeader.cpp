#include "widgets/SectionHeader.h"

#include "widgets/PageFrame.h"

#include <QAction>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace hm::app {

SectionHeader::SectionHeader(const QString &section, const QString &refreshName, QWidget *page,
                             QVBoxLayout *layout)
    : QObject(page)
{
    const PageTitle header = createPageTitle(page, section + QStringLiteral(".title"),
                                             section + QStringLiteral(".subtitle"));
    m_title = header.title;
    m_subtitle = header.subtitle;
    layout->addLayout(header.row);

    m_toolbar = new QHBoxLayout();
    m_search = new QLineEdit(page);
    m_search->setObjectName(section + QStringLiteral(".search"));
    m_search->setClearButtonEnabled(true);
    m_toolbar->addWidget(m_search, 2);
    m_toolbar->addStretch(1);
    m_refresh = new QPushButton(page);
    m_refresh->setObjectName(refreshName);
    m_toolbar->addWidget(m_refresh);
    layout->addLayout(m_toolbar);

    m_refreshAction = new QAction(page);
    m_refreshAction->setObjectName(section + QStringLiteral(".action.refresh"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    page->addAction(m_refreshAction);
    connect(m_refreshAction, &QAction::triggered, this, &SectionHeader::refreshRequested);
    connect(m_refresh, &QPushButton::clicked, this, &SectionHeader::refreshRequested);

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this,
            [this] { emit searchChanged(m_search->text().trimmed()); });
}

void SectionHeader::addFilter(QWidget *filter)
{
    ++m_filters;
    m_toolbar->insertWidget(m_filters, filter);
}

void SectionHeader::addButton(QWidget *button)
{
    m_toolbar->addWidget(button);
}

void SectionHeader::retranslateUi()
{
    m_search->setPlaceholderText(tr("Search by name"));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(
        tr("Read the list again (%1)")
            .arg(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText)));
}

} // namespace hm::app
