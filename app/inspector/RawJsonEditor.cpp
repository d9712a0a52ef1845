#include "inspector/RawJsonEditor.h"

#include "flow/ConfigSchemaValidator.h"
#include "flow/FlowSettings.h"
#include "flowgraph/FlowGraphModel.h"
#include "inspector/InspectorStyle.h"
#include "inspector/SchemaText.h"

#include <QEvent>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace hm::app {

RawJsonEditor::RawJsonEditor(FlowGraphModel *model, QWidget *parent)
    : QWidget(parent), m_model(model),
      m_caption(inspectorstyle::makeNote(inspectorstyle::Tone::Muted,
                                         QStringLiteral("inspector.json.caption"))),
      m_text(new QPlainTextEdit),
      m_message(inspectorstyle::makeNote(inspectorstyle::Tone::Error,
                                         QStringLiteral("inspector.json.message")))
{
    setObjectName(QStringLiteral("inspector.jsonEditor"));
    m_gestures.setSource([this] { return m_model->newEditGesture(); });
    m_text->setObjectName(QStringLiteral("inspector.json.text"));
    m_text->setTabChangesFocus(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono = m_text->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_text->setFont(mono);
    m_text->installEventFilter(this);
    m_message->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_caption);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_message);
    connect(m_text, &QPlainTextEdit::textChanged, this, &RawJsonEditor::onTextChanged);
    retranslate();
    refresh();
}

void RawJsonEditor::setNode(const QString &nodeId)
{
    if (nodeId == m_node) {
        refresh();
        return;
    }
    m_node = nodeId;
    m_gestures.reset();
    m_text->clear(); // a different value: never keep the old text
    retranslate();
    refresh();
}

QJsonObject RawJsonEditor::current() const
{
    if (m_node.isEmpty())
        return m_model->settings();
    const FlowNode *node = m_model->node(m_node);
    return node ? node->config : QJsonObject();
}

void RawJsonEditor::refresh()
{
    if (m_applying)
        return;
    const QJsonObject value = current();
    // The same value as the text already shows (in the user's own layout):
    // leave the text alone.
    const QJsonDocument shown = QJsonDocument::fromJson(m_text->toPlainText().toUtf8());
    if (!m_text->toPlainText().isEmpty() && shown.isObject() && shown.object() == value &&
        m_message->isHidden())
        return;
    m_loading = true;
    m_text->setPlainText(QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Indented)));
    m_loading = false;
    m_gestures.reset();
    inspectorstyle::showNote(m_message, {}, inspectorstyle::Tone::Error);
}

QString RawJsonEditor::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void RawJsonEditor::onTextChanged()
{
    if (m_loading)
        return;
    const int gesture = m_gestures.gestureFor(m_text);
    auto fail = [this](const QString &text) {
        inspectorstyle::showNote(m_message, text, inspectorstyle::Tone::Error);
    };
    QJsonParseError error;
    const QByteArray utf8 = m_text->toPlainText().toUtf8();
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError) {
        // Line and column of the offset, counted in characters.
        const QString before = QString::fromUtf8(utf8.left(error.offset));
        const int line = static_cast<int>(before.count(QLatin1Char('\n'))) + 1;
        const int column = static_cast<int>(before.size() - before.lastIndexOf(QLatin1Char('\n')));
        fail(tr("This is not valid JSON (line %1, column %2): %3")
                 .arg(line)
                 .arg(column)
                 .arg(error.errorString()));
        return;
    }
    if (!doc.isObject()) {
        fail(tr("Enter a JSON object: { … }."));
        return;
    }
    const QJsonObject value = doc.object();
    if (m_node.isEmpty()) {
        auto checked = flow::FlowSettings::fromJson(value);
        if (!checked) {
            QStringList lines;
            for (const flow::FlowProblem &p : flow::problemsFromError(checked.error()))
                lines.append(
                    tr("%1: not valid (%2)")
                        .arg(p.extra.value(QStringLiteral("setting")).toString(), p.message));
            fail(lines.join(QLatin1Char('\n')));
            return;
        }
    } else {
        const FlowNode *node = m_model->node(m_node);
        if (!node)
            return;
        const flow::ComponentInterface *iface =
            m_model->catalogue().forNode(node->component, node->version, node->config);
        if (iface && !iface->configSchema.isEmpty()) {
            if (auto validator = flow::ConfigSchemaValidator::cached(iface->configSchema)) {
                const QList<ConfigIssue> issues =
                    SchemaText::issues((*validator)->validate(value), iface->configSchema);
                if (!issues.isEmpty()) {
                    QStringList lines;
                    for (const ConfigIssue &issue : issues)
                        lines.append(tr("%1: %2").arg(issue.path, issue.message));
                    fail(lines.join(QLatin1Char('\n')));
                    return;
                }
            }
        }
    }
    inspectorstyle::showNote(m_message, {}, inspectorstyle::Tone::Error);
    if (value == current())
        return;
    m_applying = true;
    const Status applied = m_node.isEmpty() ? m_model->setSettings(value, gesture)
                                            : m_model->setNodeConfig(m_node, value, gesture);
    m_applying = false;
    if (!applied)
        fail(applied.error().message);
}

bool RawJsonEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_text && event->type() == QEvent::FocusOut)
        m_gestures.finish(m_text);
    return QWidget::eventFilter(watched, event);
}

void RawJsonEditor::retranslate()
{
    if (m_node.isEmpty())
        m_caption->setText(tr("The flow's settings as JSON. Valid changes apply as you type."));
    else
        m_caption->setText(tr("The configuration of node “%1” as JSON. Valid changes apply as "
                              "you type.")
                               .arg(m_node));
}

void RawJsonEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace hm::app
