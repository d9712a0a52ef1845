#pragma once

#include "canvas/FlowItems.h"
#include "flowgraph/ComponentCatalogue.h"

#include <QGraphicsView>
#include <QSet>
#include <memory>

namespace hm::app {

class ExecutionState;
class FlowGraphModel;
class FlowScene;

// The execution's flow graph, read-only: the editor's scene (FlowScene over
// its own FlowGraphModel of the pinned version) with each node's status on
// its card, running nodes animated. Click selects a node; drag pans; Ctrl +
// wheel zooms. Nothing here edits a flow. objectName: execution.graph.
class ExecutionGraphView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit ExecutionGraphView(ExecutionState *state, QWidget *parent = nullptr);
    ~ExecutionGraphView() override;

    // The version's definition; nodes that all sit on top of each other (a
    // flow made through the API without positions) are laid out first.
    void setDefinition(const QJsonObject &definition);
    void setCatalogue(const ComponentCatalogue &catalogue);
    FlowScene *flowScene() const { return m_scene.get(); }
    FlowGraphModel *graphModel() const { return m_model.get(); }
    // What the node's warning badge says (empty: none): a service node
    // whose endpoint the server no longer has.
    QStringList nodeWarnings(const QString &nodeId) const
    {
        return m_interfaceProblems.value(nodeId).messages;
    }
    // Every node's warnings, by node id.
    QStringList allNodeWarnings() const;

    QString selectedNode() const;
    // Selects and centres the node (no signal).
    void setSelectedNode(const QString &nodeId);
    // Turns the spinners of running nodes (0..1).
    void setPhase(qreal phase);

public slots:
    void fitToView();
    // Statuses of these nodes changed in the state.
    void updateNodes(const QSet<QString> &nodeIds);

signals:
    void nodeSelected(const QString &nodeId);
    // nodeWarnings() changed for some node.
    void nodeWarningsChanged();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void updateAll();
    // Warnings on the service nodes whose interface the server refused.
    void updateInterfaceProblems();

    ExecutionState *m_state;
    std::unique_ptr<FlowGraphModel> m_model;
    std::unique_ptr<FlowScene> m_scene;
    QSet<QString> m_running;
    QHash<QString, NodeProblems> m_interfaceProblems;
    bool m_selecting = false;
    bool m_fitPending = true;
};

} // namespace hm::app
