#include "fleet/NodeColumnMenu.h"

#include "fleet/NodeColumnChoice.h"
#include "fleet/NodeColumnFit.h"
#include "fleet/NodeListModel.h"

#include <QHeaderView>
#include <QMenu>
#include <QTableView>

namespace hm::app {

NodeColumnMenu::NodeColumnMenu(QTableView *view, NodeColumnChoice *choice, const NodeColumnFit *fit)
    : QObject(view), m_view(view), m_choice(choice), m_fit(fit)
{
    QHeaderView *header = view->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, &NodeColumnMenu::popUp);
}

void NodeColumnMenu::popUp(const QPoint &pos)
{
    // Not exec(): the page stays live (events keep coming) while it is open.
    QHeaderView *header = m_view->horizontalHeader();
    QMenu *menu = createMenu(header);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(header->viewport()->mapToGlobal(pos));
}

QMenu *NodeColumnMenu::createMenu(QWidget *parent) const
{
    using Choice = NodeColumnChoice::Choice;
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("nodes.columnMenu"));
    menu->setToolTipsVisible(true);
    const QHeaderView *header = m_view->horizontalHeader();
    for (int c = 0; c < NodeListModel::ColumnCount; ++c) {
        QAction *action =
            menu->addAction(m_view->model()->headerData(c, Qt::Horizontal).toString());
        action->setObjectName(QStringLiteral("nodes.column.") + NodeColumnChoice::columnKey(c));
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(c));
        if (!NodeColumnChoice::canHide(c)) {
            action->setEnabled(false);
            action->setToolTip(tr("The name is always shown: it says which node a row is."));
            continue;
        }
        if (m_fit->isFittedAway(c))
            action->setToolTip(tr("Hidden to fit the window; choose it to show it anyway."));
        NodeColumnChoice *choice = m_choice;
        connect(action, &QAction::toggled, choice, [choice, c](bool on) {
            choice->setChoice(c, on ? Choice::Shown : Choice::Hidden);
        });
    }
    menu->addSeparator();
    QAction *reset = menu->addAction(tr("Reset columns"));
    reset->setObjectName(QStringLiteral("nodes.columns.reset"));
    reset->setToolTip(tr("Show the columns the window has room for, as at first."));
    reset->setEnabled(!m_choice->isDefault());
    connect(reset, &QAction::triggered, m_choice, &NodeColumnChoice::reset);
    return menu;
}

} // namespace hm::app
