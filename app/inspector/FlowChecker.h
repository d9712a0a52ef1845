#pragma once

#include "inspector/EditorProblem.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

namespace hm::app {

class FlowGraphModel;

// The problems of the flow being edited, kept current as it is edited.
//
// Local checks run after every change of the definition or the settings
// (coalesced: one check per turn of the event loop, however many signals a
// command emits). They are hivemind_flow's compile() against the editor's
// component catalogue — the same checks the server makes before storing a
// version: missing required inputs, config against the component's JSON
// Schema, mappings to nodes that do not run before, cycles, unknown
// components ... — plus one the server leaves to run time: a mapping that
// reads a declared output of another type than the input takes (a warning).
// Nodes without connections are not a problem: seed 003 runs every node
// without parents as a root.
//
// The server's INVALID_FLOW_DEFINITION details are added with
// setServerProblems(). They describe the version that was sent, so the next
// change of the flow drops them; problems both report are listed once.
class FlowChecker final : public QObject
{
    Q_OBJECT

public:
    explicit FlowChecker(FlowGraphModel *model, QObject *parent = nullptr);

    // Local problems (in definition order of their nodes, as compile()
    // reports them) then the server's that the local checks do not have.
    const QList<EditorProblem> &problems() const { return m_problems; }
    QList<EditorProblem> problemsOf(const QString &nodeId) const;
    int errorCount() const;
    int warningCount() const;

    // Runs the local checks now (they also run by themselves after changes).
    void checkNow();
    // Whether a check is due (a change has not been checked yet).
    bool isPending() const { return m_timer.isActive(); }

    // The `details` of the server's INVALID_FLOW_DEFINITION error
    // ({"problems": [...]}, as ApiClient hands them over; the whole error
    // envelope is read too). Replaces earlier server problems.
    void setServerProblems(const QJsonValue &details);
    void clearServerProblems();
    // Makes the messages again in the current language.
    void retranslate();
    int serverProblemCount() const { return static_cast<int>(m_server.size()); }

signals:
    void problemsChanged();

private:
    void schedule();
    void onDefinitionChanged();
    void merge();
    QList<EditorProblem> localProblems() const;
    QJsonObject configSchemaOf(const QString &nodeId) const;

    FlowGraphModel *m_model;
    QTimer m_timer;
    QList<EditorProblem> m_local;
    QList<EditorProblem> m_server;
    QList<EditorProblem> m_problems;
};

} // namespace hm::app
