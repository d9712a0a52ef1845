#include "inspector/TaskTargetPicker.h"

#include "inspector/InspectorStyle.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QSignalBlocker>
#include <algorithm>

namespace hm::app {

namespace {

enum Kind
{
    ByNode = 0,
    ByLabel = 1
};

} // namespace

TaskTargetPicker::TaskTargetPicker(QWidget *parent)
    : QWidget(parent), m_kind(new QComboBox), m_node(new QComboBox), m_label(new QComboBox),
      m_mode(new QComboBox), m_kindLabel(new QLabel), m_nodeLabel(new QLabel),
      m_labelLabel(new QLabel), m_modeLabel(new QLabel),
      m_matches(inspectorstyle::makeNote(inspectorstyle::Tone::Muted,
                                         QStringLiteral("taskTarget.matches")))
{
    setObjectName(QStringLiteral("inspector.taskTarget"));
    m_kind->setObjectName(QStringLiteral("taskTarget.kind"));
    m_node->setObjectName(QStringLiteral("taskTarget.node"));
    m_label->setObjectName(QStringLiteral("taskTarget.label"));
    m_mode->setObjectName(QStringLiteral("taskTarget.mode"));
    // A label not on any node yet may still be typed (nodes come later).
    m_label->setEditable(true);
    m_label->setInsertPolicy(QComboBox::NoInsert);
    for (QComboBox *box : {m_kind, m_node, m_label, m_mode}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(10);
    }
    m_kind->addItem(QString(), int(ByNode));
    m_kind->addItem(QString(), int(ByLabel));
    m_mode->addItem(QString(), QStringLiteral("one"));
    m_mode->addItem(QString(), QStringLiteral("any"));
    m_mode->addItem(QString(), QStringLiteral("all"));
    m_kindLabel->setBuddy(m_kind);
    m_nodeLabel->setBuddy(m_node);
    m_labelLabel->setBuddy(m_label);
    m_modeLabel->setBuddy(m_mode);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(m_kindLabel, m_kind);
    form->addRow(m_nodeLabel, m_node);
    form->addRow(m_labelLabel, m_label);
    form->addRow(m_modeLabel, m_mode);
    form->addRow(m_matches);

    connect(m_kind, &QComboBox::activated, this, [this] { emitTarget(); });
    connect(m_node, &QComboBox::activated, this, [this] { emitTarget(); });
    connect(m_mode, &QComboBox::activated, this, [this] { emitTarget(); });
    connect(m_label, &QComboBox::activated, this, [this] { emitTarget(); });
    connect(m_label->lineEdit(), &QLineEdit::editingFinished, this, [this] {
        if (m_label->currentText().trimmed()
            != m_target.value(QStringLiteral("label")).toString())
            emitTarget();
    });
    connect(m_label, &QComboBox::currentTextChanged, this, [this] { updateMatches(); });
    retranslate();
    rebuild();
}

void TaskTargetPicker::setTarget(const QJsonObject &target)
{
    m_target = target;
    rebuild();
}

QJsonObject TaskTargetPicker::target() const
{
    if (m_kind->currentData().toInt() == ByNode) {
        const QString id = m_node->currentData().toString();
        return id.isEmpty() ? QJsonObject{} : QJsonObject{{QStringLiteral("node_id"), id}};
    }
    const QString label = m_label->currentText().trimmed();
    if (label.isEmpty())
        return {};
    return {{QStringLiteral("label"), label},
            {QStringLiteral("mode"), m_mode->currentData().toString()}};
}

void TaskTargetPicker::setNodes(const QList<FleetNode> &nodes)
{
    m_nodes = nodes;
    std::sort(m_nodes.begin(), m_nodes.end(), [](const FleetNode &a, const FleetNode &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    m_nodesKnown = true;
    rebuild();
}

void TaskTargetPicker::setReadOnly(bool readOnly)
{
    for (QComboBox *box : {m_kind, m_node, m_label, m_mode})
        box->setEnabled(!readOnly);
}

void TaskTargetPicker::rebuild()
{
    m_updating = true;
    const QSignalBlocker blockKind(m_kind), blockNode(m_node), blockLabel(m_label),
        blockMode(m_mode);
    const QString nodeId = m_target.value(QStringLiteral("node_id")).toString();
    const QString label = m_target.value(QStringLiteral("label")).toString();
    const bool byLabel = m_kind->currentData().toInt() == ByLabel
                         || (nodeId.isEmpty() && !label.isEmpty());
    if (!nodeId.isEmpty())
        m_kind->setCurrentIndex(ByNode);
    else if (!label.isEmpty())
        m_kind->setCurrentIndex(ByLabel);
    else
        m_kind->setCurrentIndex(byLabel ? ByLabel : ByNode);

    m_node->clear();
    int current = -1;
    for (const FleetNode &n : std::as_const(m_nodes)) {
        if (!n.enrolled)
            continue;
        m_node->addItem(n.online ? n.name : tr("%1 (offline)").arg(n.name), n.id);
        if (n.id == nodeId)
            current = m_node->count() - 1;
    }
    if (current < 0 && !nodeId.isEmpty()) {
        // Not in the list (deleted, or the list not read yet): its id.
        m_node->addItem(nodeId, nodeId);
        current = m_node->count() - 1;
    }
    m_node->setCurrentIndex(current);

    QStringList labels;
    for (const FleetNode &n : std::as_const(m_nodes))
        labels += n.labels;
    labels.removeDuplicates();
    labels.sort(Qt::CaseInsensitive);
    m_label->clear();
    m_label->addItems(labels);
    m_label->setCurrentText(label);
    const int mode = m_mode->findData(m_target.value(QStringLiteral("mode")).toString(
        QStringLiteral("one")));
    m_mode->setCurrentIndex(std::max(mode, 0));

    const bool showLabel = m_kind->currentData().toInt() == ByLabel;
    m_node->setVisible(!showLabel);
    m_nodeLabel->setVisible(!showLabel);
    m_label->setVisible(showLabel);
    m_labelLabel->setVisible(showLabel);
    m_mode->setVisible(showLabel);
    m_modeLabel->setVisible(showLabel);
    m_updating = false;
    updateMatches();
}

QString TaskTargetPicker::matchesText() const
{
    return m_matches->text();
}

void TaskTargetPicker::updateMatches()
{
    if (m_updating)
        return;
    QString text;
    inspectorstyle::Tone tone = inspectorstyle::Tone::Muted;
    const bool byLabel = m_kind->currentData().toInt() == ByLabel;
    const QString label = m_label->currentText().trimmed();
    if (byLabel && label.isEmpty()) {
        text = tr("Choose a label: a task never runs on every node.");
        tone = inspectorstyle::Tone::Error;
    } else if (!byLabel && m_node->currentData().toString().isEmpty()) {
        text = tr("Choose the node the command runs on.");
        tone = inspectorstyle::Tone::Error;
    } else if (!m_nodesKnown) {
        text.clear();
    } else if (byLabel) {
        int matched = 0, online = 0;
        for (const FleetNode &n : std::as_const(m_nodes))
            if (n.enrolled && n.labels.contains(label)) {
                ++matched;
                online += n.online ? 1 : 0;
            }
        const QString mode = m_mode->currentData().toString();
        if (matched == 0) {
            text = tr("No node has this label now: the task would fail.");
            tone = inspectorstyle::Tone::Error;
        } else if (mode == u"one" && matched > 1) {
            text = tr("Nodes matching now: %1; \"One\" needs exactly one.").arg(matched);
            tone = inspectorstyle::Tone::Error;
        } else if (mode == u"any" && online == 0) {
            text = tr("Nodes matching now: %1, none online: the task would fail.").arg(matched);
            tone = inspectorstyle::Tone::Error;
        } else {
            text = tr("Nodes matching now: %1, online: %2.").arg(matched).arg(online);
        }
    } else {
        const QString id = m_node->currentData().toString();
        const auto found = std::find_if(m_nodes.cbegin(), m_nodes.cend(),
                                        [&](const FleetNode &n) { return n.id == id; });
        if (found == m_nodes.cend()) {
            text = tr("This node is not in the fleet any more: the task would fail.");
            tone = inspectorstyle::Tone::Error;
        } else if (!found->online) {
            text = tr("The node is offline now.");
        }
    }
    inspectorstyle::showNote(m_matches, text, tone);
}

void TaskTargetPicker::emitTarget()
{
    if (m_updating)
        return;
    m_target = target();
    rebuild();
    emit targetEdited(m_target);
}

void TaskTargetPicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TaskTargetPicker::retranslate()
{
    m_kindLabel->setText(tr("Run on"));
    m_nodeLabel->setText(tr("Node"));
    m_labelLabel->setText(tr("Label"));
    m_modeLabel->setText(tr("Nodes"));
    m_kind->setItemText(ByNode, tr("One node"));
    m_kind->setItemText(ByLabel, tr("Nodes with a label"));
    m_mode->setItemText(0, tr("One (exactly one must match)"));
    m_mode->setItemText(1, tr("Any one online"));
    m_mode->setItemText(2, tr("All of them (fan-out)"));
    m_label->lineEdit()->setPlaceholderText(tr("e.g. batch"));
    updateMatches();
}

} // namespace hm::app
