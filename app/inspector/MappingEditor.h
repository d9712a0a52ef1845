#pragma once

#include "flow/PortType.h"
#include "flowgraph/FlowGraphTypes.h"
#include "inspector/EditGestures.h"

#include <QColor>
#include <QList>
#include <QPointer>
#include <QStringList>
#include <QWidget>
#include <functional>

class QCompleter;
class QLabel;
class QLineEdit;
class QPushButton;
class QStringListModel;
class QToolButton;
class QVBoxLayout;

namespace hm::app {

class FlowChecker;
class FlowGraphModel;

// The Inputs tab: one row per input of the node with the type it expects
// (coloured as on the canvas), its mapping as text and where that value
// comes from. Completion offers the `$.trigger…` expressions other mappings
// use and `$.nodes.<id>.output.<name>` of the nodes upstream
// (MappingText::completions); JSON literals and {"$ref": …} are typed as
// JSON. A mapping whose type cannot feed the input, one that reads a node
// that does not run before, and a required input left unmapped are shown
// in the row. Edits apply as they are typed (one undo step per field
// edit); text that cannot be read is shown and not applied.
//
// Objects: the row's editor is "inputs.<name>", with "inputs.<name>.type",
// "inputs.<name>.status" and, for inputs the component does not declare,
// "inputs.<name>.remove". Components that take any inputs get
// "inputs.newName" and "inputs.add".
class MappingEditor final : public QWidget
{
    Q_OBJECT

public:
    MappingEditor(FlowGraphModel *model, FlowChecker *checker, QWidget *parent = nullptr);

    void setNode(const QString &nodeId);
    const QString &node() const { return m_node; }
    // Re-reads the node's mappings, ports and the graph (after a change
    // the editor did not make).
    void refresh();
    // Re-reads only what the rows say about their mappings and what
    // completion offers (after a change elsewhere in the graph or new
    // problems); never touches text being typed.
    void refreshStatus();
    // The inputs shown, in order.
    QStringList inputs() const;
    QLineEdit *editor(const QString &input) const;
    // What completing the input offers.
    QStringList completions(const QString &input) const;
    void focusInput(const QString &input);
    void setPortColours(std::function<QColor(flow::PortType)> colours);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Row
    {
        FlowPort port;
        bool removable = false;
        QWidget *widget = nullptr;
        QLabel *caption = nullptr;
        QLabel *type = nullptr;
        QLineEdit *edit = nullptr;
        QLabel *status = nullptr;
        QCompleter *completer = nullptr;
        QStringListModel *completions = nullptr;
        QString parseError;
    };

    QList<FlowPort> wantedPorts(bool *acceptsAny) const;
    bool rowsStale() const;
    void rebuild();
    void updateRow(Row &row, bool setText);
    void onTextChanged(Row &row);
    Row *rowOf(const QString &input);
    const Row *rowOf(const QString &input) const;
    void addInput();
    void retranslate();

    FlowGraphModel *m_model;
    FlowChecker *m_checker;
    QString m_node;
    QLabel *m_intro;
    QLabel *m_empty;
    QWidget *m_rowsBox;
    QVBoxLayout *m_rowsLayout;
    QWidget *m_addBox;
    QLineEdit *m_newName;
    QPushButton *m_add;
    QList<Row> m_rows;
    QStringList m_pending; // inputs added here, not mapped yet
    EditGestures m_gestures;
    std::function<QColor(flow::PortType)> m_colours;
    bool m_loading = false;
    bool m_applying = false;
};

} // namespace hm::app
