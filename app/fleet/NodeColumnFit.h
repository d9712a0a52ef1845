#pragma once

#include <QObject>

class QTableView;
class QTimer;

namespace hm::app {

// Fits the Nodes list's columns to its view's width, so that the table
// never scrolls sideways: the name takes the slack (and is elided when
// short of room), the other columns are as wide as their header and their
// values, and where the window is too narrow for all of them the least
// needed give way (agent version first, then address, capabilities, OS,
// last seen, labels; the details under the list show each of them). They
// come back as the window widens. Fitted again when the view is resized,
// the rows change or the language does.
class NodeColumnFit final : public QObject
{
    Q_OBJECT

public:
    explicit NodeColumnFit(QTableView *view);

    // Fits now (otherwise after the change that asks for it).
    void fit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int wanted(int column) const;

    QTableView *m_view;
    QTimer *m_later;
};

} // namespace hm::app
