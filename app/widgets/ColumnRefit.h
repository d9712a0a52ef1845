#pragma once

#include <QObject>
#include <functional>

class QTableView;
class QTimer;

namespace hm::app {

// When a list's columns must be laid out again, once per burst: the view's
// width changed (not its height, which comes and goes with the scroll bars
// a layout itself may show for a moment), its language, font or style
// changed, it was shown, or the model's rows, layout or header titles
// changed (and, with `Values::Followed`, any cell's value). The layouts
// that own one (NodeColumnFit, SlackColumns) say what "again" means.
class ColumnRefit final : public QObject
{
    Q_OBJECT

public:
    enum class Values
    {
        Ignored,  // cells change often (live metrics) and never widen a column
        Followed, // a changed value may need more room
    };
    ColumnRefit(QTableView *view, Values values, std::function<void()> layOut, QObject *parent);

    // Lays out again once the current burst of changes is over.
    void request();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTableView *m_view;
    QTimer *m_later;
};

} // namespace hm::app
