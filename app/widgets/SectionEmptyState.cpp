#include "widgets/SectionEmptyState.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace hm::app {

SectionEmptyState::SectionEmptyState(const QString &section, QWidget *parent) : QWidget(parent)
{
    setObjectName(section + QStringLiteral(".empty"));
    auto *column = new QVBoxLayout(this);
    column->addStretch(1);
    m_column = column;
    m_title = new QLabel(this);
    m_title->setObjectName(section + QStringLiteral(".emptyTitle"));
    m_title->setProperty("hmStyle", QStringLiteral("editorTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    column->addWidget(m_title);
    // A fixed width keeps the wrapped lines of the explanation together.
    m_text = new QLabel(this);
    m_text->setObjectName(section + QStringLiteral(".emptyText"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setFixedWidth(520);
    auto *textRow = new QHBoxLayout();
    textRow->addStretch(1);
    textRow->addWidget(m_text);
    textRow->addStretch(1);
    column->addLayout(textRow);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(section + QStringLiteral(".emptyProgress"));
    m_progress->setRange(0, 0); // busy, not a fraction
    m_progress->setTextVisible(false);
    m_progress->setFixedWidth(240);
    m_progress->hide();
    column->addWidget(m_progress, 0, Qt::AlignHCenter);
    m_action = new QPushButton(this);
    m_action->setObjectName(section + QStringLiteral(".emptyAction"));
    column->addWidget(m_action, 0, Qt::AlignHCenter);
    m_detailsButton = new QToolButton(this);
    m_detailsButton->setObjectName(section + QStringLiteral(".emptyDetailsButton"));
    m_detailsButton->setCheckable(true);
    m_detailsButton->setAutoRaise(true);
    m_detailsButton->hide();
    column->addWidget(m_detailsButton, 0, Qt::AlignHCenter);
    m_details = new QLabel(this);
    m_details->setObjectName(section + QStringLiteral(".emptyDetails"));
    m_details->setProperty("hmStyle", QStringLiteral("muted"));
    m_details->setAlignment(Qt::AlignCenter);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setFixedWidth(520);
    m_details->hide();
    auto *detailsRow = new QHBoxLayout();
    detailsRow->addStretch(1);
    detailsRow->addWidget(m_details);
    detailsRow->addStretch(1);
    column->addLayout(detailsRow);
    connect(m_detailsButton, &QToolButton::toggled, this,
            [this](bool on) { m_details->setVisible(on && !m_details->text().isEmpty()); });
    column->addStretch(2);
    m_detailsButton->setText(tr("Details"));
}

void SectionEmptyState::setContent(const Content &content)
{
    m_title->setText(content.title);
    m_title->setVisible(!content.title.isEmpty());
    m_text->setText(content.text);
    m_text->setVisible(!content.text.isEmpty());
    m_progress->setVisible(content.busy);
    m_action->setText(content.action);
    m_action->setVisible(!content.action.isEmpty());
    m_details->setText(content.details);
    m_detailsButton->setVisible(!content.details.isEmpty());
    m_details->setVisible(!content.details.isEmpty() && m_detailsButton->isChecked());
}

void SectionEmptyState::clearContent()
{
    setContent({});
}

void SectionEmptyState::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_detailsButton->setText(tr("Details"));
    QWidget::changeEvent(event);
}

void SectionEmptyState::setBadge(QWidget *badge)
{
    if (m_badge)
        m_badge->deleteLater();
    m_badge = badge;
    badge->setParent(this);
    m_column->insertWidget(1, badge, 0, Qt::AlignHCenter);
}

} // namespace hm::app
