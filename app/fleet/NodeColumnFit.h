#pragma once

#include <QObject>
#include <bitset>

class QTableView;

namespace hm::app {

class NodeColumnChoice;

// Fits the Nodes list's columns to its view's width, so that the table
// never scrolls sideways: the name takes the slack (and is elided when
// short of room), the other columns are as wide as their header and their
// values (the status as its longest word, so it always reads whole), and where the window is too
// narrow for all of them the least needed give way (agent version first, then address,
// capabilities, OS, last seen, labels; the details under the list show each of them). They come
// back as the window widens. Fitted again when the view is resized, the rows change or the language
// does.
//
// The operator's choice (NodeColumnChoice, from the header's menu) comes
// first: a column they hid stays hidden at any width, and one they turned
// on is never given way, even when the list then scrolls sideways (they
// asked for it). Only the columns left to the fit give way, in the order
// above; the name is always shown.
class NodeColumnFit final : public QObject
{
    Q_OBJECT

public:
    NodeColumnFit(QTableView *view, const NodeColumnChoice *choice);

    // Fits now (otherwise after the change that asks for it).
    void fit();
    // Whether the column is hidden for want of room (not by the operator).
    bool isFittedAway(int column) const { return m_fittedAway.test(std::size_t(column)); }

private:
    int wanted(int column) const;

    QTableView *m_view;
    const NodeColumnChoice *m_choice;
    std::bitset<32> m_fittedAway;
};

} // namespace hm::app
