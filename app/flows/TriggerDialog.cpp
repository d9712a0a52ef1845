#include "flows/TriggerDialog.h"

#include "client/FlowTypes.h"
#include "flow/FlowSettings.h"
#include "flow/Mapping.h"
#include "flowgraph/FlowGraphModel.h"
#include "flows/TriggerOptionsBox.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hm::app {

namespace {

QJsonValue placeholderFor(flow::PortType type)
{
    switch (type) {
    case flow::PortType::Integer:
    case flow::PortType::Number:
        return 0;
    case flow::PortType::Boolean:
        return false;
    case flow::PortType::Object:
        return QJsonObject();
    case flow::PortType::Array:
        return QJsonArray();
    case flow::PortType::String:
    case flow::PortType::Bytes:
    case flow::PortType::Any:
        break;
    }
    return QString();
}

// Puts `leaf` at `path` in `object` unless something is there already.
void place(QJsonObject &object, const QList<flow::PathSegment> &path, int at,
           const QJsonValue &leaf)
{
    const flow::PathSegment &segment = path.at(at);
    if (segment.kind != flow::PathSegment::Kind::Key)
        return;
    const bool last = at + 1 == path.size();
    const bool nextIsIndex = !last && path.at(at + 1).kind == flow::PathSegment::Kind::Index;
    if (last || nextIsIndex) {
        if (!object.contains(segment.key))
            object.insert(segment.key, nextIsIndex ? QJsonValue(QJsonArray()) : leaf);
        return;
    }
    QJsonObject child = object.value(segment.key).toObject();
    if (object.contains(segment.key) && !object.value(segment.key).isObject())
        return; // a scalar already claimed this name
    place(child, path, at + 1, leaf);
    object.insert(segment.key, child);
}

} // namespace

TriggerDialog::TriggerDialog(const QString &flowName, QWidget *parent)
    : QDialog(parent), m_flowName(flowName), m_intro(new QLabel), m_note(new QLabel),
      m_versionLabel(new QLabel), m_version(new QComboBox), m_inputsLabel(new QLabel),
      m_inputs(new QPlainTextEdit), m_options(new TriggerOptionsBox), m_error(new QLabel),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("flows.triggerDialog"));
    m_intro->setWordWrap(true);
    m_note->setObjectName(QStringLiteral("flows.trigger.note"));
    m_note->setWordWrap(true);
    m_note->hide();
    m_version->setObjectName(QStringLiteral("flows.trigger.version"));
    m_inputs->setObjectName(QStringLiteral("flows.trigger.inputs"));
    m_inputs->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_inputs->setTabChangesFocus(true);
    m_inputs->setMinimumSize(460, 220);
    m_error->setObjectName(QStringLiteral("flows.trigger.error"));
    m_error->setWordWrap(true);
    m_error->setProperty("tone", QStringLiteral("bad"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("flows.trigger.run"));
    m_buttons->button(QDialogButtonBox::Cancel)
        ->setObjectName(QStringLiteral("flows.trigger.cancel"));
    m_versionLabel->setBuddy(m_version);
    m_inputsLabel->setBuddy(m_inputs);

    auto *form = new QFormLayout;
    form->addRow(m_versionLabel, m_version);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_note);
    layout->addLayout(form);
    layout->addWidget(m_inputsLabel);
    layout->addWidget(m_inputs, 1);
    layout->addWidget(m_options);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_inputs, &QPlainTextEdit::textChanged, this, &TriggerDialog::validate);
    connect(m_options, &TriggerOptionsBox::changed, this, &TriggerDialog::validate);
    setInputs({});
    retranslate();
}

void TriggerDialog::setVersions(const QString &published, const QString &latest)
{
    m_published = published;
    m_latest = latest;
    retranslate();
}

void TriggerDialog::setInputs(const QJsonObject &inputs)
{
    m_inputs->setPlainText(
        QString::fromUtf8(QJsonDocument(inputs).toJson(QJsonDocument::Indented)));
    validate();
}

void TriggerDialog::setNote(const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

QJsonObject TriggerDialog::inputs() const
{
    return QJsonDocument::fromJson(m_inputs->toPlainText().toUtf8()).object();
}

QString TriggerDialog::version() const
{
    return m_version->currentData().toString();
}

void TriggerDialog::setFlowTimeoutMs(qint64 ms)
{
    m_options->setFlowTimeoutMs(ms);
}

client::TriggerOptions TriggerDialog::triggerOptions() const
{
    client::TriggerOptions options;
    options.inputs = inputs();
    options.version = version();
    m_options->applyTo(options);
    return options;
}

void TriggerDialog::validate()
{
    const QByteArray text = m_inputs->toPlainText().toUtf8();
    QJsonParseError error;
    const QJsonDocument document = text.trimmed().isEmpty() ? QJsonDocument(QJsonObject())
                                                            : QJsonDocument::fromJson(text, &error);
    QString problem;
    if (!text.trimmed().isEmpty() && error.error != QJsonParseError::NoError)
        problem =
            tr("Not valid JSON: %1 (at character %2).").arg(error.errorString()).arg(error.offset);
    else if (!document.isObject())
        problem = tr("The inputs must be a JSON object, such as {\"message\": \"hello\"}.");
    m_valid = problem.isEmpty();
    m_error->setText(problem);
    m_error->setVisible(!m_valid);
    // The options show their own problems at their fields.
    const bool optionsValid = m_options->problem().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(m_valid && optionsValid && m_version->count() > 0);
}

void TriggerDialog::retranslate()
{
    setWindowTitle(tr("Run “%1”").arg(m_flowName));
    m_intro->setText(tr("Starts an execution of the flow. Its nodes read these inputs as "
                        "$.trigger.<name>."));
    m_versionLabel->setText(tr("&Version:"));
    m_inputsLabel->setText(tr("&Inputs (JSON):"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Run"));

    const QString current = m_version->currentData().toString();
    m_version->clear();
    if (!m_published.isEmpty())
        m_version->addItem(tr("Published (version %1)").arg(m_published), QString());
    if (!m_latest.isEmpty() && m_latest != m_published)
        m_version->addItem(tr("Latest draft (version %1)").arg(m_latest), m_latest);
    const int index = m_version->findData(current);
    m_version->setCurrentIndex(index >= 0 ? index : 0);
    m_version->setEnabled(m_version->count() > 1);
    validate();
}

void TriggerDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

qint64 TriggerDialog::flowTimeoutMs(const FlowGraphModel &model)
{
    auto settings = flow::FlowSettings::fromJson(model.settings());
    return settings ? settings.value().timeout.flowTimeoutMs
                    : flow::TimeoutSettings().flowTimeoutMs;
}

QJsonObject TriggerDialog::inputsTemplate(const FlowGraphModel &model)
{
    QJsonObject inputs;
    for (const QString &nodeId : model.nodeIds()) {
        const FlowNode *node = model.node(nodeId);
        if (!node)
            continue;
        for (auto it = node->inputMappings.begin(); it != node->inputMappings.end(); ++it) {
            auto mapping = flow::parseMapping(it.value());
            if (!mapping || mapping.value().kind != flow::Mapping::Kind::Trigger ||
                mapping.value().path.isEmpty())
                continue;
            const auto port = model.port(nodeId, PortDirection::In, it.key());
            const QJsonValue leaf = placeholderFor(port ? port->type : flow::PortType::Any);
            place(inputs, mapping.value().path, 0, leaf);
        }
    }
    // The concurrency scope key is read from the trigger too.
    const QString scopeKey = model.settings()
                                 .value(QStringLiteral("concurrency"))
                                 .toObject()
                                 .value(QStringLiteral("scopeKey"))
                                 .toString();
    if (!scopeKey.isEmpty()) {
        if (auto key = flow::parseScopeKey(scopeKey); key && !key.value().path.isEmpty())
            place(inputs, key.value().path, 0, QString());
    }
    return inputs;
}

} // namespace hm::app
