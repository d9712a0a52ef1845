#include "widgets/SectionEmptyState.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
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
    column->addWidget(m_title);
    // A fixed width keeps the wrapped lines of the explanation together.
    m_text = new QLabel(this);
    m_text->setObjectName(section + QStringLiteral(".emptyText"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setFixedWidth(520);
    auto *textRow = new QHBoxLayout();
    textRow->addStretch(1);
    textRow->addWidget(m_text);
    textRow->addStretch(1);
    column->addLayout(textRow);
    m_action = new QPushButton(this);
    m_action->setObjectName(section + QStringLiteral(".emptyAction"));
    column->addWidget(m_action, 0, Qt::AlignHCenter);
    column->addStretch(2);
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
