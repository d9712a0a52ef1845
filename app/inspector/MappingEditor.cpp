#include "inspector/MappingEditor.h"

#include "common/Check.h"
#include "flow/FlowProblem.h"
#include "flowgraph/FlowGraphModel.h"
#include "inspector/FlowChecker.h"
#include "inspector/InspectorStyle.h"
#include "inspector/MappingText.h"
#include "inspector/SchemaText.h"

#include <QCompleter>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStringListModel>
#include <QToolButton>
#include <QVBoxLayout>

namespace hm::app {

namespace {

QString inputName(const QString &input, const char *part = nullptr)
{
    QString name = QStringLiteral("inputs.") + input;
    if (part)
        name += QLatin1Char('.') + QLatin1String(part);
    return name;
}

} // namespace

MappingEditor::MappingEditor(FlowGraphModel *model, FlowChecker *checker, QWidget *parent)
    : QWidget(parent), m_model(model), m_checker(checker),
      m_intro(
          inspectorstyle::makeNote(inspectorstyle::Tone::Muted, QStringLiteral("inputs.intro"))),
      m_empty(
          inspectorstyle::makeNote(inspectorstyle::Tone::Muted, QStringLiteral("inputs.empty"))),
      m_rowsBox(new QWidget), m_rowsLayout(new QVBoxLayout(m_rowsBox)), m_addBox(new QWidget),
      m_newName(new QLineEdit), m_add(new QPushButton)
{
    setObjectName(QStringLiteral("inspector.inputsEditor"));
    m_gestures.setSource([this] { return m_model->newEditGesture(); });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addWidget(m_intro);
    layout->addWidget(m_empty);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(14);
    layout->addWidget(m_rowsBox);

    m_newName->setObjectName(QStringLiteral("inputs.newName"));
    m_add->setObjectName(QStringLiteral("inputs.add"));
    auto *addRow = new QHBoxLayout(m_addBox);
    addRow->setContentsMargins(0, 0, 0, 0);
    addRow->addWidget(m_newName, 1);
    addRow->addWidget(m_add);
    layout->addWidget(m_addBox);
    layout->addStretch(1);
    connect(m_add, &QPushButton::clicked, this, &MappingEditor::addInput);
    connect(m_newName, &QLineEdit::returnPressed, this, &MappingEditor::addInput);
    retranslate();
    rebuild();
}

void MappingEditor::setPortColours(std::function<QColor(flow::PortType)> colours)
{
    m_colours = std::move(colours);
    refresh();
}

void MappingEditor::setNode(const QString &nodeId)
{
    if (nodeId != m_node) {
        m_node = nodeId;
        m_pending.clear();
        m_gestures.reset();
        rebuild();
    } else {
        refresh();
    }
}

QList<FlowPort> MappingEditor::wantedPorts(bool *acceptsAny) const
{
    *acceptsAny = false;
    const FlowNode *node = m_model->node(m_node);
    if (!node)
        return {};
    const flow::ComponentInterface *iface =
        m_model->catalogue().forNode(node->component, node->version, node->config);
    // A component that declares no inputs takes any (docs/flow-model.md).
    *acceptsAny = !iface || iface->inputs.isEmpty();
    QList<FlowPort> ports;
    QStringList names;
    for (const FlowPort &p : m_model->ports(m_node, PortDirection::In)) {
        if (p.name == kDefaultPort)
            continue;
        ports.append(p);
        names.append(p.name);
    }
    // Mapped inputs the interface does not declare (the server calls them
    // UNKNOWN_INPUT when it declares any), then the ones just added here.
    for (auto it = node->inputMappings.begin(); it != node->inputMappings.end(); ++it) {
        if (!names.contains(it.key())) {
            ports.append({it.key(), PortDirection::In, flow::PortType::Any, false, false, {}});
            names.append(it.key());
        }
    }
    for (const QString &name : m_pending) {
        if (!names.contains(name)) {
            ports.append({name, PortDirection::In, flow::PortType::Any, false, false, {}});
            names.append(name);
        }
    }
    return ports;
}

void MappingEditor::rebuild()
{
    for (const Row &row : std::as_const(m_rows))
        delete row.widget;
    m_rows.clear();
    bool acceptsAny = false;
    const QList<FlowPort> ports = wantedPorts(&acceptsAny);
    for (const FlowPort &port : ports) {
        Row row;
        row.port = port;
        row.removable = !port.declared;
        row.widget = new QWidget;
        row.widget->setObjectName(inputName(port.name, "row"));
        auto *column = new QVBoxLayout(row.widget);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(3);
        auto *head = new QHBoxLayout;
        head->setSpacing(6);
        row.caption = new QLabel;
        row.caption->setObjectName(inputName(port.name, "caption"));
        row.caption->setTextFormat(Qt::PlainText);
        row.type = new QLabel;
        row.type->setObjectName(inputName(port.name, "type"));
        head->addWidget(row.caption);
        head->addWidget(row.type);
        head->addStretch(1);
        if (row.removable) {
            auto *remove = new QToolButton;
            remove->setObjectName(inputName(port.name, "remove"));
            remove->setText(QStringLiteral("\u00d7"));
            remove->setToolTip(tr("Remove the mapping of %1").arg(port.name));
            const QString name = port.name;
            connect(remove, &QToolButton::clicked, this, [this, name] {
                m_pending.removeAll(name);
                m_applying = true;
                const Status removed =
                    m_model->setInputMapping(m_node, name, QJsonValue(QJsonValue::Undefined));
                m_applying = false;
                HM_CHECK(removed.ok(), return );
                QMetaObject::invokeMethod(this, &MappingEditor::rebuild, Qt::QueuedConnection);
            });
            head->addWidget(remove);
        }
        column->addLayout(head);
        row.edit = new QLineEdit;
        row.edit->setObjectName(inputName(port.name));
        row.edit->setClearButtonEnabled(true);
        row.caption->setBuddy(row.edit);
        row.completions = new QStringListModel(row.edit);
        row.completer = new QCompleter(row.completions, row.edit);
        row.completer->setObjectName(inputName(port.name, "completer"));
        row.completer->setCaseSensitivity(Qt::CaseInsensitive);
        row.completer->setFilterMode(Qt::MatchContains);
        row.completer->setMaxVisibleItems(12);
        row.edit->setCompleter(row.completer);
        column->addWidget(row.edit);
        row.status =
            inspectorstyle::makeNote(inspectorstyle::Tone::Muted, inputName(port.name, "status"));
        column->addWidget(row.status);
        if (!port.description.isEmpty()) {
            row.edit->setToolTip(port.description);
            row.caption->setToolTip(port.description);
        }
        const QString name = port.name;
        connect(row.edit, &QLineEdit::textChanged, this, [this, name] {
            if (Row *r = rowOf(name); r && !m_loading)
                onTextChanged(*r);
        });
        connect(row.edit, &QLineEdit::editingFinished, this, [this, name] {
            if (Row *r = rowOf(name))
                m_gestures.finish(r->edit);
        });
        m_rowsLayout->addWidget(row.widget);
        row.widget->show(); // now, so that focusInput() can give it focus
        m_rows.append(row);
    }
    for (Row &row : m_rows)
        updateRow(row, true);
    const bool hasNode = m_model->hasNode(m_node);
    m_addBox->setVisible(hasNode && acceptsAny);
    m_empty->setVisible(hasNode && m_rows.isEmpty());
    m_intro->setVisible(hasNode);
    retranslate();
}

bool MappingEditor::rowsStale() const
{
    bool acceptsAny = false;
    const QList<FlowPort> ports = wantedPorts(&acceptsAny);
    if (ports.size() != m_rows.size() || m_addBox->isVisibleTo(this) != acceptsAny)
        return true;
    for (qsizetype i = 0; i < ports.size(); ++i) {
        if (!(ports[i] == m_rows[i].port))
            return true;
    }
    return false;
}

void MappingEditor::refresh()
{
    if (m_applying)
        return;
    if (!m_model->hasNode(m_node) || rowsStale()) {
        rebuild();
        return;
    }
    for (Row &row : m_rows)
        updateRow(row, true);
}

void MappingEditor::refreshStatus()
{
    if (m_applying)
        return;
    if (!m_model->hasNode(m_node) || rowsStale()) {
        rebuild();
        return;
    }
    for (Row &row : m_rows)
        updateRow(row, false);
}

MappingEditor::Row *MappingEditor::rowOf(const QString &input)
{
    for (Row &row : m_rows) {
        if (row.port.name == input)
            return &row;
    }
    return nullptr;
}

const MappingEditor::Row *MappingEditor::rowOf(const QString &input) const
{
    for (const Row &row : m_rows) {
        if (row.port.name == input)
            return &row;
    }
    return nullptr;
}

QStringList MappingEditor::inputs() const
{
    QStringList names;
    for (const Row &row : m_rows)
        names.append(row.port.name);
    return names;
}

QLineEdit *MappingEditor::editor(const QString &input) const
{
    const Row *row = rowOf(input);
    return row ? row->edit : nullptr;
}

QStringList MappingEditor::completions(const QString &input) const
{
    const Row *row = rowOf(input);
    return row ? row->completions->stringList() : QStringList();
}

void MappingEditor::focusInput(const QString &input)
{
    if (Row *row = rowOf(input)) {
        row->edit->setFocus(Qt::OtherFocusReason);
        row->edit->selectAll();
    }
}

void MappingEditor::onTextChanged(Row &row)
{
    const MappingText::Parsed parsed = MappingText::fromText(row.edit->text());
    row.parseError = parsed.error;
    if (!parsed.error.isEmpty()) {
        updateRow(row, false);
        return;
    }
    const int gesture = m_gestures.gestureFor(row.edit);
    const QString name = row.port.name;
    m_applying = true;
    const Status applied = m_model->setInputMapping(m_node, name, parsed.value, gesture);
    m_applying = false;
    Row *r = rowOf(name);
    if (!r)
        return;
    if (!applied)
        r->parseError = applied.error().message;
    updateRow(*r, false);
}

void MappingEditor::updateRow(Row &row, bool setText)
{
    using inspectorstyle::Tone;
    const FlowNode *node = m_model->node(m_node);
    if (!node)
        return;
    const QJsonValue mapping = node->inputMappings.value(row.port.name);
    if (setText) {
        const QString text = MappingText::toText(mapping);
        if (row.edit->text() != text || !row.parseError.isEmpty()) {
            m_loading = true;
            row.edit->setText(text);
            m_loading = false;
            row.parseError.clear();
        }
    }
    // Only when it changed: resetting the list closes an open pop-up.
    const QStringList completions = MappingText::completions(*m_model, m_node, row.port.name);
    if (row.completions->stringList() != completions)
        row.completions->setStringList(completions);

    // Caption, type (coloured as on the canvas) and placeholder.
    const flow::ComponentInterface *iface =
        m_model->catalogue().forNode(node->component, node->version, node->config);
    const flow::PortDef *def = iface ? iface->input(row.port.name) : nullptr;
    row.caption->setText(row.port.required ? row.port.name + QStringLiteral(" *") : row.port.name);
    row.type->setText(portTypeText(row.port.type));
    row.type->setToolTip(tr("This input takes %1.").arg(portTypeText(row.port.type)));
    QPalette typePalette = row.type->palette();
    typePalette.setColor(QPalette::WindowText,
                         m_colours ? m_colours(row.port.type)
                                   : inspectorstyle::colour(palette(), Tone::Muted));
    row.type->setPalette(typePalette);
    if (def && def->defaultValue)
        row.edit->setPlaceholderText(
            tr("Default: %1").arg(SchemaText::valueText(*def->defaultValue)));
    else
        row.edit->setPlaceholderText(tr("$.trigger.… or $.nodes.…, or a fixed value"));

    // Status: where the value comes from, and what is wrong with it.
    QStringList lines;
    Tone tone = Tone::Muted;
    auto worse = [&tone](Tone t) {
        if (t == Tone::Error || (t == Tone::Warning && tone != Tone::Error))
            tone = t;
    };
    if (!row.parseError.isEmpty()) {
        lines.append(row.parseError);
        worse(Tone::Error);
    } else if (mapping.isUndefined()) {
        if (def && def->defaultValue) {
            lines.append(tr("Not mapped: the default %1 is used.")
                             .arg(SchemaText::valueText(*def->defaultValue)));
        } else if (row.port.required) {
            lines.append(tr("Required: map this input."));
            worse(Tone::Error);
        } else {
            lines.append(tr("Not mapped."));
        }
    } else {
        const MappingText::Source source = MappingText::describe(*m_model, mapping, row.port);
        if (source.mismatch && source.type) {
            lines.append(tr("Type mismatch: this input takes %1, but the mapping gives %2.")
                             .arg(portTypeText(row.port.type), portTypeText(*source.type)));
            worse(source.literal ? Tone::Error : Tone::Warning);
        } else if (!source.text.isEmpty()) {
            lines.append(source.text);
        }
    }
    // Other problems the checks found with this input (a node that does not
    // run before, an input the component does not have ...).
    if (row.parseError.isEmpty()) {
        for (const EditorProblem &p : m_checker->problemsOf(m_node)) {
            if (p.input != row.port.name || p.code == flow::problem::MissingRequiredInput ||
                p.code == flow::problem::MappingTypeMismatch)
                continue;
            if (!lines.contains(p.message))
                lines.append(p.message);
            worse(p.severity == EditorProblem::Severity::Error ? Tone::Error : Tone::Warning);
        }
    }
    inspectorstyle::showNote(row.status, lines.join(QLatin1Char('\n')), tone);
}

void MappingEditor::addInput()
{
    const QString name = m_newName->text().trimmed();
    if (name.isEmpty())
        return;
    if (!rowOf(name))
        m_pending.append(name);
    m_newName->clear();
    rebuild();
    focusInput(name);
}

void MappingEditor::retranslate()
{
    m_intro->setText(tr("Each input gets its value from a mapping: $.trigger.… reads the "
                        "trigger input, $.nodes.<id>.output.… the output of a node upstream, and "
                        "anything else is a fixed value (JSON)."));
    const FlowNode *node = m_model->node(m_node);
    const flow::ComponentInterface *iface =
        node ? m_model->catalogue().forNode(node->component, node->version, node->config) : nullptr;
    m_empty->setText(iface ? tr("This component takes any inputs. Add the ones it should get.")
                           : tr("The server does not describe this component's inputs. Add "
                                "the ones it should get."));
    m_newName->setPlaceholderText(tr("Input name"));
    m_add->setText(tr("Add Input"));
    m_add->setToolTip(tr("Add an input and map it"));
}

void MappingEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        for (Row &row : m_rows)
            updateRow(row, false);
    }
    QWidget::changeEvent(event);
}

} // namespace hm::app
