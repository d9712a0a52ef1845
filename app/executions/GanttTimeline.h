#pragma once

#include <QAbstractScrollArea>
#include <QPointer>

namespace hm::app {

class ExecutionState;
struct NodeRun;

// The execution's Gantt timeline: one row per node in topological order,
// one bar per attempt in the colour of its outcome, the waits before
// retries as dashed lines, a "now" line moving while the execution runs.
// Clicking a row (or Up/Down) selects its node. Paints only the visible
// rows, so a 1,000-node execution costs what fits on screen.
// objectName: execution.gantt.
class GanttTimeline : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit GanttTimeline(ExecutionState *state, QWidget *parent = nullptr);

    QString selectedNode() const { return m_selected; }
    // Selects the node's row and scrolls it into view (no signal).
    void setSelectedNode(const QString &nodeId);

    // What is drawn, for tests: the attempt bars of a node, and where.
    int barCount(const QString &nodeId) const;
    QRect barRect(const QString &nodeId, int attemptIndex) const;
    QRect rowRect(const QString &nodeId) const;
    // Whether the now line is drawn (the execution runs).
    bool showsNowLine() const;

    static constexpr int kAxisHeight = 26;
    static constexpr int kRowHeight = 24;

public slots:
    // Repaints after a change of the state (or a tick of the now line).
    void refresh();

signals:
    void nodeSelected(const QString &nodeId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Scale
    {
        qint64 t0 = 0;
        qint64 span = 1000;
        int left = 0;
        int width = 1;
        int x(qint64 t) const;
    };
    Scale scale() const;
    int labelWidth() const;
    QRect barRect(const NodeRun &node, int attemptIndex, const Scale &scale, int top) const;
    void updateScrollBar();
    int rowAt(int y) const;
    QString tooltipAt(QPoint pos) const;
    void select(int row, bool notify);

    ExecutionState *m_state;
    QString m_selected;
    mutable int m_labelWidth = -1; // for m_labelRows rows
    mutable qsizetype m_labelRows = -1;
};

} // namespace hm::app
