#pragma once

#include <QObject>

class QMenu;
class QTableView;
class QWidget;

namespace hm::app {

class NodeColumnChoice;
class NodeColumnFit;

// The Nodes list header's context menu (a right click on any column's
// title): one checkable entry per column, by its title in the current
// language, checked while the column shows; the name's entry is checked
// and off (the name always shows). Turning a column off hides it at any
// width, turning one on shows it at any width (NodeColumnChoice says how
// that and the fit combine); "Reset columns" leaves them all to the fit
// again.
class NodeColumnMenu final : public QObject
{
    Q_OBJECT

public:
    NodeColumnMenu(QTableView *view, NodeColumnChoice *choice, const NodeColumnFit *fit);

    // The menu for the columns as they are now; `parent` owns it.
    QMenu *createMenu(QWidget *parent) const;

private:
    void popUp(const QPoint &pos);

    QTableView *m_view;
    NodeColumnChoice *m_choice;
    const NodeColumnFit *m_fit;
};

} // namespace hm::app
