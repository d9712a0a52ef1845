#include "inspector/InspectorWidget.h"

#include "common/Check.h"
#include "flowgraph/FlowGraphModel.h"
#include "inspector/BuiltinConfigText.h"
#include "inspector/FlowChecker.h"
#include "inspector/InspectorStyle.h"
#include "inspector/MappingEditor.h"
#include "inspector/RawJsonEditor.h"
#include "inspector/SchemaForm.h"
#include "inspector/SchemaText.h"
#include "inspector/SettingsEditor.h"
#include "inspector/TaskTargetPicker.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QEvent>
#include <QJsonArray>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QVBoxLayout>
#include <optional>

namespace hm::app {

namespace {
// The built-in task component (docs/component-protocol.md "Built-in task").
const QString kTaskComponentName = QStringLiteral("task");
} // namespace

InspectorWidget::InspectorWidget(FlowGraphModel *model, FlowChecker *checker, QWidget *parent)
    : QWidget(parent), m_model(model), m_checker(checker), m_title(new QLabel),
      m_subtitle(inspectorstyle::makeNote(inspectorstyle::Tone::Muted,
                                          QStringLiteral("inspector.subtitle"))),
      m_tabs(new QTabWidget),
      m_configNote(inspectorstyle::makeNote(inspectorstyle::Tone::Muted,
                                            QStringLiteral("inspector.config.note"))),
      m_endpointRow(new QWidget), m_endpointLabel(new QLabel), m_endpoint(new QComboBox),
      m_taskTarget(new TaskTargetPicker), m_form(new SchemaForm), m_mappings(new MappingEditor(model, checker)),
      m_settings(new SettingsEditor(model)), m_json(new RawJsonEditor(model))
{
    setObjectName(QStringLiteral("inspector"));
    m_title->setObjectName(QStringLiteral("inspector.title"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    m_title->setFont(titleFont);
    m_tabs->setObjectName(QStringLiteral("inspector.tabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setUsesScrollButtons(true);

    auto *configPage = new QWidget;
    auto *configColumn = new QVBoxLayout(configPage);
    configColumn->setContentsMargins(0, 0, 0, 0);
    configColumn->setSpacing(10);
    configColumn->addWidget(m_configNote);
    m_endpointRow->setObjectName(QStringLiteral("inspector.serviceEndpoint.row"));
    m_endpoint->setObjectName(QStringLiteral("inspector.serviceEndpoint"));
    m_endpoint->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_endpoint->setMinimumContentsLength(12);
    m_endpointLabel->setBuddy(m_endpoint);
    auto *endpointColumn = new QVBoxLayout(m_endpointRow);
    endpointColumn->setContentsMargins(0, 0, 0, 0);
    endpointColumn->setSpacing(4);
    endpointColumn->addWidget(m_endpointLabel);
    endpointColumn->addWidget(m_endpoint);
    configColumn->addWidget(m_endpointRow);
    connect(m_endpoint, &QComboBox::activated, this, &InspectorWidget::chooseEndpoint);
    configColumn->addWidget(m_taskTarget);
    connect(m_taskTarget, &TaskTargetPicker::targetEdited, this,
            &InspectorWidget::chooseTaskTarget);
    configColumn->addWidget(m_form);
    configColumn->addStretch(1);
    m_form->setGestureSource([this] { return m_model->newEditGesture(); });

    m_tabs->addTab(scrolled(configPage, QStringLiteral("inspector.config")), QString());
    m_tabs->addTab(scrolled(m_mappings, QStringLiteral("inspector.inputs")), QString());
    m_tabs->addTab(scrolled(m_settings, QStringLiteral("inspector.settings")), QString());
    auto *jsonPage = new QWidget;
    jsonPage->setObjectName(QStringLiteral("inspector.json"));
    auto *jsonColumn = new QVBoxLayout(jsonPage);
    jsonColumn->setContentsMargins(10, 10, 10, 10);
    jsonColumn->addWidget(m_json);
    m_tabs->addTab(jsonPage, QString());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->setSpacing(2);
    auto *header = new QVBoxLayout;
    header->setContentsMargins(10, 0, 10, 6);
    header->setSpacing(2);
    header->addWidget(m_title);
    header->addWidget(m_subtitle);
    layout->addLayout(header);
    layout->addWidget(m_tabs, 1);

    connect(m_form, &SchemaForm::configEdited, this,
            [this](QJsonObject config, int gesture) {
                if (m_node.isEmpty() || m_model->isReadOnly())
                    return;
                // A task node's target is the picker's, not a form field.
                const FlowNode *edited = m_model->node(m_node);
                if (edited && edited->component == kTaskComponentName
                    && edited->config.contains(QStringLiteral("target")))
                    config.insert(QStringLiteral("target"),
                                  edited->config.value(QStringLiteral("target")));
                m_applyingConfig = true;
                const Status applied = m_model->setNodeConfig(m_node, config, gesture);
                m_applyingConfig = false;
                // The form checked the config; the model refuses only unknown nodes.
                HM_CHECK(applied.ok(), return );
            });

    connect(model, &FlowGraphModel::nodeUpdated, this, [this](const QString &id) {
        if (id == m_node) {
            refreshConfig(false);
            m_mappings->refresh();
            m_json->refresh();
            updateHeader();
        } else if (!m_node.isEmpty()) {
            // An upstream node's component (its outputs) may have changed.
            m_mappings->refreshStatus();
        }
    });
    connect(model, &FlowGraphModel::nodeDeleted, this, [this](const QString &id) {
        if (m_selection.contains(id)) {
            QStringList rest = m_selection;
            rest.removeAll(id);
            setSelection(rest);
        }
    });
    auto graphChanged = [this] {
        if (!m_node.isEmpty())
            m_mappings->refreshStatus();
    };
    connect(model, &FlowGraphModel::nodeCreated, this, graphChanged);
    connect(model, &FlowGraphModel::connectionCreated, this, graphChanged);
    connect(model, &FlowGraphModel::connectionDeleted, this, graphChanged);
    connect(model, &FlowGraphModel::settingsChanged, this, [this] {
        m_settings->refresh();
        if (m_node.isEmpty())
            m_json->refresh();
    });
    connect(model, &FlowGraphModel::modelReset, this, [this] {
        m_selection.clear();
        m_node.clear();
        m_settings->refresh();
        showNode();
    });
    connect(model, &FlowGraphModel::serviceEndpointsChanged, this,
            &InspectorWidget::refreshEndpoint);
    connect(checker, &FlowChecker::problemsChanged, this, [this] {
        if (!m_node.isEmpty())
            m_mappings->refreshStatus();
    });

    retranslate();
    showNode();
}

void InspectorWidget::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    // Shown, not edited: every field is off, the tabs still switch.
    m_endpoint->setEnabled(!readOnly);
    m_taskTarget->setReadOnly(readOnly);
    for (QWidget *w : {static_cast<QWidget *>(m_form), static_cast<QWidget *>(m_mappings),
                       static_cast<QWidget *>(m_settings), static_cast<QWidget *>(m_json)})
        w->setEnabled(!readOnly);
}

QScrollArea *InspectorWidget::scrolled(QWidget *page, const QString &name)
{
    auto *area = new QScrollArea;
    area->setObjectName(name);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *holder = new QWidget;
    auto *column = new QVBoxLayout(holder);
    column->setContentsMargins(10, 10, 10, 10);
    column->addWidget(page);
    column->addStretch(1);
    area->setWidget(holder);
    return area;
}

void InspectorWidget::setPortColours(std::function<QColor(flow::PortType)> colours)
{
    m_mappings->setPortColours(std::move(colours));
}

void InspectorWidget::setSelection(const QStringList &nodeIds)
{
    m_selection = nodeIds;
    const QString node = nodeIds.size() == 1 ? nodeIds.first() : QString();
    if (node == m_node && !node.isEmpty())
        return;
    m_node = node;
    showNode();
}

QJsonObject InspectorWidget::schemaOf(const QString &nodeId) const
{
    const FlowNode *node = m_model->node(nodeId);
    if (!node)
        return {};
    const flow::ComponentInterface *iface =
        m_model->catalogue().forNode(node->component, node->version, node->config);
    return iface ? iface->configSchema : QJsonObject();
}

void InspectorWidget::showNode()
{
    const bool nodeMode = !m_node.isEmpty() && m_model->hasNode(m_node);
    if (!nodeMode)
        m_node.clear();
    const int previous = m_tabs->currentIndex();
    m_tabs->setTabVisible(ConfigTab, nodeMode);
    m_tabs->setTabVisible(InputsTab, nodeMode);
    m_tabs->setTabVisible(SettingsTab, !nodeMode);
    refreshConfig(true);
    m_mappings->setNode(m_node);
    m_json->setNode(m_node);
    // Node: the config first (unless JSON was open); flow: the settings.
    if (nodeMode && previous != JsonTab && previous != InputsTab)
        m_tabs->setCurrentIndex(ConfigTab);
    else if (!nodeMode && previous != JsonTab)
        m_tabs->setCurrentIndex(SettingsTab);
    updateHeader();
}

void InspectorWidget::refreshConfig(bool rebuildSchema)
{
    if (m_applyingConfig)
        return;
    const FlowNode *node = m_model->node(m_node);
    QJsonObject schema = schemaOf(m_node);
    if (node && node->component == kTaskComponentName) {
        // The target has a picker of its own above the form.
        QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
        properties.remove(QStringLiteral("target"));
        schema.insert(QStringLiteral("properties"), properties);
        schema.remove(QStringLiteral("required"));
    }
    // Built-ins' fields get labels in the user's language (a switch makes
    // the schema differ, so the form is built again).
    if (node)
        schema = BuiltinConfigText::withTexts(node->component, schema);
    if (rebuildSchema || schema != m_form->schema())
        m_form->setSchema(schema);
    m_form->setConfig(node ? node->config : QJsonObject());
    refreshEndpoint();
    refreshTaskTarget();
    // A service node's whole configuration is the service and endpoint ids
    // the Endpoint box above picks by name: no raw id fields under it (the
    // JSON tab still shows them).
    const bool service = node && node->component == kServiceComponentName;
    m_form->setVisible(!service);
    QString note;
    if (service)
        note.clear(); // the Endpoint box says it all
    else if (node && node->state == ComponentState::UnknownComponent)
        note = tr("The server does not know the component %1, so its configuration cannot be "
                  "checked. Edit it as JSON.")
                   .arg(node->component);
    else if (node && node->state == ComponentState::UnknownVersion)
        note = tr("The server has no version %2 of %1, so its configuration cannot be checked. "
                  "Edit it as JSON.")
                   .arg(node->component, node->version);
    else if (node && schema.isEmpty())
        note = tr("The component %1 describes no configuration. Anything entered here is "
                  "handed to it as it is.")
                   .arg(node->component);
    inspectorstyle::showNote(m_configNote, note, inspectorstyle::Tone::Muted);
}

void InspectorWidget::refreshTaskTarget()
{
    const FlowNode *node = m_model->node(m_node);
    const bool task = node && node->component == kTaskComponentName;
    m_taskTarget->setVisible(task);
    if (!task)
        return;
    m_taskTarget->setTarget(node->config.value(QStringLiteral("target")).toObject());
    if (!m_fleetSource)
        return;
    QPointer<InspectorWidget> self(this);
    m_fleetSource([self](QList<QJsonObject> nodes) {
        if (!self)
            return;
        QList<TaskTargetPicker::FleetNode> fleet;
        for (const QJsonObject &n : std::as_const(nodes)) {
            TaskTargetPicker::FleetNode node;
            node.id = n.value(QStringLiteral("id")).toString();
            node.name = n.value(QStringLiteral("name")).toString();
            for (const QJsonValue &label : n.value(QStringLiteral("labels")).toArray())
                node.labels << label.toString();
            node.online = n.value(QStringLiteral("online")).toBool();
            node.enrolled = n.value(QStringLiteral("enrolled")).toBool(true);
            fleet << node;
        }
        self->m_taskTarget->setNodes(fleet);
    });
}

void InspectorWidget::chooseTaskTarget(const QJsonObject &target)
{
    const FlowNode *node = m_model->node(m_node);
    if (!node || m_model->isReadOnly())
        return;
    QJsonObject config = node->config;
    config.insert(QStringLiteral("target"), target);
    m_applyingConfig = true;
    const Status applied = m_model->setNodeConfig(m_node, config, m_model->newEditGesture());
    m_applyingConfig = false;
    HM_CHECK(applied.ok(), return );
}

void InspectorWidget::refreshEndpoint()
{
    const FlowNode *node = m_model->node(m_node);
    const bool service = node && node->component == kServiceComponentName;
    m_endpointRow->setVisible(service);
    if (!service)
        return;
    const QString serviceId = node->config.value(QStringLiteral("serviceId")).toString();
    const QString endpointId = node->config.value(QStringLiteral("endpointId")).toString();
    const QSignalBlocker blocker(m_endpoint);
    m_endpoint->clear();
    int current = -1;
    for (const ServiceEndpointEntry &e : m_model->catalogue().serviceEndpoints()) {
        const QString text =
            e.summary.isEmpty()
                ? tr("%1: %2 %3").arg(e.serviceName, e.method, e.path)
                : tr("%1: %2 %3 \u2014 %4").arg(e.serviceName, e.method, e.path, e.summary);
        m_endpoint->addItem(text, QStringList{e.serviceId, e.endpointId});
        m_endpoint->setItemData(m_endpoint->count() - 1, text, Qt::ToolTipRole);
        if (e.serviceId == serviceId && e.endpointId == endpointId)
            current = m_endpoint->count() - 1;
    }
    QString tip;
    if (current < 0 && !serviceId.isEmpty()) {
        // An endpoint the list does not have (removed, its service deleted
        // or inactive, or the list not read yet): named as an operator
        // knows it, never by its ids.
        const UnlistedEndpoint unlisted = describeUnlisted(*node);
        m_endpoint->addItem(unlisted.text, QStringList{serviceId, endpointId});
        current = m_endpoint->count() - 1;
        m_endpoint->setItemData(current, unlisted.tip, Qt::ToolTipRole);
        tip = unlisted.tip;
    }
    m_endpoint->setCurrentIndex(current);
    m_endpoint->setToolTip(tip.isEmpty() ? m_endpoint->currentText() : tip);
}

InspectorWidget::UnlistedEndpoint InspectorWidget::describeUnlisted(const FlowNode &node) const
{
    const QString serviceId = node.config.value(QStringLiteral("serviceId")).toString();
    const QString endpointId = node.config.value(QStringLiteral("endpointId")).toString();
    const ComponentCatalogue &catalogue = m_model->catalogue();
    // The names as last listed, else as the server's refusal gives them.
    QString service;
    QString endpoint;
    if (const ServiceEndpointEntry *known = catalogue.knownEndpoint(serviceId, endpointId)) {
        service = known->serviceName;
        endpoint = known->method + u' ' + known->path;
    }
    std::optional<Error> refusal;
    if (catalogue.hasNodeInterface(node.component, node.version, node.config)) {
        const auto answer = catalogue.nodeInterface(node.component, node.version, node.config);
        if (!answer)
            refusal = answer.error();
    }
    if (refusal) {
        if (service.isEmpty())
            service = refusal->details.value(QStringLiteral("service")).toString();
        if (endpoint.isEmpty())
            endpoint = refusal->details.value(QStringLiteral("endpoint")).toString();
    }
    if (service.isEmpty())
        service = refusal && refusal->code == ErrorCode::ServiceNotFound ? tr("Deleted service")
                                                                         : tr("Unknown service");
    if (endpoint.isEmpty())
        endpoint = tr("unknown endpoint");
    const QString named = tr("%1: %2").arg(service, endpoint);
    if (!refusal)
        return {tr("%1 (not listed yet)").arg(named),
                tr("The list of endpoints does not have this endpoint (yet).")};
    const QString status = refusal->details.value(QStringLiteral("status")).toString();
    QString text;
    if (refusal->code == ErrorCode::EndpointNotFound && status == QLatin1String("disabled"))
        text = tr("%1 (disabled)").arg(named);
    else if (refusal->code == ErrorCode::ServiceUnavailable)
        text = tr("%1 (service inactive)").arg(named);
    else
        text = tr("%1 (removed)").arg(named);
    return {text, refusal->message};
}

void InspectorWidget::chooseEndpoint(int index)
{
    const FlowNode *node = m_model->node(m_node);
    const QStringList ids = m_endpoint->itemData(index).toStringList();
    if (!node || ids.size() != 2 || m_model->isReadOnly())
        return;
    QJsonObject config = node->config;
    config.insert(QStringLiteral("serviceId"), ids.at(0));
    config.insert(QStringLiteral("endpointId"), ids.at(1));
    if (config == node->config)
        return;
    // The node exists and the model is writable: nothing to refuse.
    const Status applied = m_model->setNodeConfigWhenPortsKnown(m_node, config);
    HM_CHECK(applied.ok(), return );
}

void InspectorWidget::updateHeader()
{
    if (const FlowNode *node = m_model->node(m_node)) {
        m_title->setText(node->id);
        m_subtitle->setText(node->version.isEmpty()
                                ? node->component
                                : tr("%1 · version %2").arg(node->component, node->version));
        m_subtitle->show();
        return;
    }
    if (m_selection.size() > 1) {
        m_title->setText(tr("%n nodes selected", nullptr, static_cast<int>(m_selection.size())));
        m_subtitle->setText(
            tr("Select a single node to edit it. Meanwhile the flow's settings are shown."));
    } else {
        m_title->setText(tr("Flow settings"));
        m_subtitle->setText(tr("Select a node to edit its configuration and inputs."));
    }
    m_subtitle->show();
}

void InspectorWidget::showProblem(const EditorProblem &problem)
{
    switch (problem.place()) {
    case EditorProblem::Place::Config:
        if (problem.node != m_node)
            return;
        m_tabs->setCurrentIndex(ConfigTab);
        if (m_form->isHidden()) {
            m_endpoint->setFocus(Qt::OtherFocusReason); // a service node's ids
            return;
        }
        // The field at the path, or the nearest one holding it.
        for (QString path = problem.path; !path.isEmpty();) {
            if (SchemaField *field = m_form->field(path)) {
                field->editor()->setFocus(Qt::OtherFocusReason);
                if (auto *area = qobject_cast<QScrollArea *>(m_tabs->widget(ConfigTab)))
                    area->ensureWidgetVisible(field);
                break;
            }
            const qsizetype cut =
                std::max(path.lastIndexOf(QLatin1Char('.')), path.lastIndexOf(QLatin1Char('[')));
            path = cut > 0 ? path.left(cut) : QString();
        }
        break;
    case EditorProblem::Place::Inputs:
        if (problem.node != m_node)
            return;
        m_tabs->setCurrentIndex(InputsTab);
        if (!problem.input.isEmpty()) {
            m_mappings->focusInput(problem.input);
            if (auto *area = qobject_cast<QScrollArea *>(m_tabs->widget(InputsTab));
                area && m_mappings->editor(problem.input))
                area->ensureWidgetVisible(m_mappings->editor(problem.input));
        }
        break;
    case EditorProblem::Place::Settings:
        if (!m_node.isEmpty())
            return;
        m_tabs->setCurrentIndex(SettingsTab);
        m_settings->focusSetting(problem.setting);
        if (auto *area = qobject_cast<QScrollArea *>(m_tabs->widget(SettingsTab));
            area && m_settings->fieldWidget(problem.setting))
            area->ensureWidgetVisible(m_settings->fieldWidget(problem.setting));
        break;
    case EditorProblem::Place::None:
        break;
    }
}

void InspectorWidget::retranslate()
{
    m_tabs->setTabText(ConfigTab, tr("Config"));
    m_endpointLabel->setText(tr("&Endpoint"));
    m_endpoint->setPlaceholderText(tr("Choose an endpoint"));
    m_tabs->setTabText(InputsTab, tr("Inputs"));
    m_tabs->setTabText(SettingsTab, tr("Settings"));
    m_tabs->setTabText(JsonTab, tr("JSON"));
    m_tabs->setTabToolTip(ConfigTab, tr("The node's configuration"));
    m_tabs->setTabToolTip(InputsTab, tr("Where each input of the node gets its value"));
    m_tabs->setTabToolTip(SettingsTab, tr("Concurrency, timeouts, retry, history, notifications"));
    m_tabs->setTabToolTip(JsonTab, tr("The same as JSON text"));
    setWindowTitle(tr("Inspector"));
    updateHeader();
}

void InspectorWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refreshConfig(false);
    }
    QWidget::changeEvent(event);
}

bool InspectorWidget::event(QEvent *event)
{
    // Typing in a field: keys the canvas uses as shortcuts (Delete, Ctrl+D,
    // Ctrl+A ...) are the field's, not the editor's.
    if (event->type() == QEvent::ShortcutOverride) {
        QWidget *focus = focusWidget();
        const bool typing = qobject_cast<QLineEdit *>(focus) ||
                            qobject_cast<QPlainTextEdit *>(focus) ||
                            qobject_cast<QAbstractSpinBox *>(focus);
        const auto *key = static_cast<QKeyEvent *>(event);
        if (typing && (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace ||
                       key->matches(QKeySequence::SelectAll) || key->matches(QKeySequence::Copy) ||
                       key->matches(QKeySequence::Cut) || key->matches(QKeySequence::Paste) ||
                       (key->modifiers() == Qt::ControlModifier && key->key() == Qt::Key_D))) {
            event->accept();
            return true;
        }
    }
    return QWidget::event(event);
}

} // namespace hm::app
