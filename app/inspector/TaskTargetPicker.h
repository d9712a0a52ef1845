#pragma once

// Where a `task` node runs (docs/component-protocol.md "Built-in task"),
// picked by name in the inspector's Config tab rather than typed as ids:
// one node, or the nodes with a label (one / any online / all, a fan-out),
// with how many nodes match now and how many of them are online — a label
// that matches nothing is said before the flow is published, since the
// task would fail on it. The fleet's nodes come from a source the host
// sets (the flow editor asks the server's /nodes); without one the picker
// still edits the target, without the count.
//
// objectName "inspector.taskTarget"; children "taskTarget.kind" (node or
// label), "taskTarget.node", "taskTarget.label", "taskTarget.mode",
// "taskTarget.matches".

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QWidget>
#include <functional>

class QComboBox;
class QLabel;

namespace hm::app {

class TaskTargetPicker final : public QWidget
{
    Q_OBJECT

public:
    struct FleetNode
    {
        QString id;
        QString name;
        QStringList labels;
        bool online = false;
        bool enrolled = true;
    };

    explicit TaskTargetPicker(QWidget *parent = nullptr);

    // The node's current config.target.
    void setTarget(const QJsonObject &target);
    QJsonObject target() const;
    void setNodes(const QList<FleetNode> &nodes);
    void setReadOnly(bool readOnly);
    // The text under the picker ("3 nodes match now, 2 online").
    QString matchesText() const;

signals:
    // The user changed the target.
    void targetEdited(const QJsonObject &target);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void updateMatches();
    void emitTarget();
    void retranslate();

    QComboBox *m_kind;
    QComboBox *m_node;
    QComboBox *m_label;
    QComboBox *m_mode;
    QLabel *m_kindLabel;
    QLabel *m_nodeLabel;
    QLabel *m_labelLabel;
    QLabel *m_modeLabel;
    QLabel *m_matches;
    QList<FleetNode> m_nodes;
    QJsonObject m_target;
    bool m_nodesKnown = false;
    bool m_updating = false;
};

} // namespace hm::app
