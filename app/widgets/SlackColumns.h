#pragma once

#include <QList>
#include <QObject>

class QTableView;

namespace hm::app {

// Lays out a list's columns so that the room it has goes where text needs
// it: every column is as wide as its title and its values (dates, roles,
// short words stay compact), and the width left over is shared by the
// `slack` columns (names, e-mails), not handed to the last column. When
// the values are wider than the list, nothing is shrunk: the list scrolls
// sideways. Laid out again when the view's width, its rows or the
// language change.
class SlackColumns final : public QObject
{
    Q_OBJECT

public:
    SlackColumns(QTableView *view, QList<int> slack);

    // Lays out now (otherwise after the change that asks for it).
    void fit();

private:
    QTableView *m_view;
    QList<int> m_slack;
};

} // namespace hm::app
