#pragma once

#include "flow/PortType.h"
#include "inspector/EditorProblem.h"

#include <QColor>
#include <QStringList>
#include <QWidget>
#include <QJsonObject>
#include <QList>
#include <functional>

class QComboBox;
class QLabel;
class QScrollArea;
class QTabWidget;

namespace hm::app {

class FlowChecker;
class FlowGraphModel;
struct FlowNode;
class MappingEditor;
class RawJsonEditor;
class SchemaForm;
class SettingsEditor;
class TaskTargetPicker;

// The flow editor's inspector (console.md, "Flow editor"): with one node
// selected it edits that node — Config (a form generated from the
// component's config schema), Inputs (its input mappings) and JSON (its
// config as text); with nothing selected (or several nodes) it edits the
// flow — Settings and JSON (the settings as text). Every change is applied
// at once as an undoable FlowGraphModel command, one undo step per field
// edit; invalid values are shown where they were typed and not applied.
// Changes made elsewhere (undo, the canvas, another tab) show up here.
//
// objectName "inspector"; tabs "inspector.tabs" with pages
// "inspector.config", "inspector.inputs", "inspector.settings",
// "inspector.json"; the header "inspector.title" / "inspector.subtitle".
// A service node's Config tab starts with its endpoint
// ("inspector.serviceEndpoint", a list of every registered service's
// endpoints): choosing another one changes the node's config and ports in
// one undoable step, edges into inputs the new endpoint lacks removed.
class InspectorWidget final : public QWidget
{
    Q_OBJECT

public:
    enum Tab
    {
        ConfigTab,
        InputsTab,
        SettingsTab,
        JsonTab
    };

    InspectorWidget(FlowGraphModel *model, FlowChecker *checker, QWidget *parent = nullptr);

    // The selected nodes (the canvas's selection).
    void setSelection(const QStringList &nodeIds);
    // The node being edited; empty when the flow's settings are.
    const QString &currentNode() const { return m_node; }

    QTabWidget *tabs() const { return m_tabs; }
    SchemaForm *configForm() const { return m_form; }
    QComboBox *serviceEndpointBox() const { return m_endpoint; }
    // A task node's target (one node, or the nodes with a label), shown
    // above its other config fields.
    TaskTargetPicker *taskTargetPicker() const { return m_taskTarget; }
    // Where the task target picker gets the fleet's nodes: `source` is
    // asked whenever a task node is shown and answers once, maybe later.
    using FleetSource = std::function<void(
        std::function<void(QList<QJsonObject> nodes)> done)>; // {id, name, labels, online, enrolled}
    void setFleetSource(FleetSource source) { m_fleetSource = std::move(source); }
    MappingEditor *mappingEditor() const { return m_mappings; }
    SettingsEditor *settingsEditor() const { return m_settings; }
    RawJsonEditor *jsonEditor() const { return m_json; }
    // Read-only (a version looked at): the fields show the values but take
    // no input; the tabs still switch.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    // Port colours as the canvas draws them.
    void setPortColours(std::function<QColor(flow::PortType)> colours);

    // Opens the tab and field a problem is about (its node must be the
    // selected one already, or it has none).
    void showProblem(const EditorProblem &problem);

protected:
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    QScrollArea *scrolled(QWidget *page, const QString &name);
    void showNode();
    void refreshConfig(bool rebuildSchema);
    void refreshEndpoint();
    void refreshTaskTarget();
    void chooseTaskTarget(const QJsonObject &target);
    // The Endpoint box's entry for a service node's endpoint the list does
    // not have: "service: METHOD /path (removed)" and the server's reason.
    struct UnlistedEndpoint
    {
        QString text;
        QString tip;
    };
    UnlistedEndpoint describeUnlisted(const FlowNode &node) const;
    void chooseEndpoint(int index);
    void updateHeader();
    void retranslate();
    QJsonObject schemaOf(const QString &nodeId) const;

    FlowGraphModel *m_model;
    FlowChecker *m_checker;
    QStringList m_selection;
    QString m_node;
    QLabel *m_title;
    QLabel *m_subtitle;
    QTabWidget *m_tabs;
    QLabel *m_configNote;
    QWidget *m_endpointRow;
    QLabel *m_endpointLabel;
    QComboBox *m_endpoint;
    TaskTargetPicker *m_taskTarget;
    FleetSource m_fleetSource;
    SchemaForm *m_form;
    MappingEditor *m_mappings;
    SettingsEditor *m_settings;
    RawJsonEditor *m_json;
    bool m_applyingConfig = false;
    bool m_readOnly = false;
};

} // namespace hm::app
