#include "fleet/NodeDetailPane.h"

#include "fleet/NodeText.h"
#include "widgets/DateTimeText.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace hm::app {

namespace {

const char *const kDetailNames[] = {
    "status", "description", "labels",       "address",     "system",   "cpu",      "memory",
    "disk",   "agent",       "capabilities", "fingerprint", "lastSeen", "enrolled", "created"};

} // namespace

NodeDetailPane::NodeDetailPane(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("nodes.detail"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("nodes.detail.name"));
    m_title->setProperty("hmStyle", QStringLiteral("editorTitle"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("nodes.detail.hint"));
    m_hint->setProperty("hmStyle", QStringLiteral("muted"));
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);
    // Two columns under the list: what the node is, then what its agent
    // said and when; short enough to leave the list most of the height.
    m_fields = new QWidget(this);
    auto *columns = new QHBoxLayout(m_fields);
    columns->setContentsMargins(0, 0, 0, 0);
    columns->setSpacing(32);
    for (QFormLayout *&form : m_forms) {
        form = new QFormLayout();
        form->setContentsMargins(0, 0, 0, 0);
        // Its own spacing: a form takes its parent's (the gap between the
        // columns) otherwise.
        form->setHorizontalSpacing(16);
        form->setVerticalSpacing(6);
        columns->addLayout(form, 1);
    }
    for (int i = 0; i < FieldCount; ++i) {
        auto *value = new QLabel(m_fields);
        value->setObjectName(QStringLiteral("nodes.detail.") + QLatin1String(kDetailNames[i]));
        // One line each: a wrapping label asks for the height of a narrow
        // guess and the form spreads its rows over it. A long value does
        // not widen the window (Ignored); its tooltip holds all of it.
        value->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_values[i] = value;
        formOf(i)->addRow(new QLabel(m_fields), value);
    }
    // The fingerprint is compared character by character: monospace.
    m_values[Fingerprint]->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Rows as tall as their text; the room left goes below them.
    m_fields->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    layout->addWidget(m_fields);
    layout->addStretch();
    retranslateUi();
}

QFormLayout *NodeDetailPane::formOf(int field) const
{
    return m_forms[field < Disk ? 0 : 1];
}

void NodeDetailPane::setNode(const client::NodeRow *node)
{
    m_hasNode = node != nullptr;
    m_node = node ? *node : client::NodeRow{};
    fill();
}

void NodeDetailPane::refreshTimes()
{
    if (m_hasNode)
        m_values[LastSeen]->setText(
            NodeText::ago(m_node.lastHeartbeat, QDateTime::currentDateTimeUtc(), tr("Never")));
}

void NodeDetailPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void NodeDetailPane::retranslateUi()
{
    const QString labels[FieldCount] = {
        tr("Status:"),        tr("Description:"),  tr("Labels:"),          tr("Address:"),
        tr("OS / arch:"),     tr("CPU:"),          tr("Memory:"),          tr("Disk:"),
        tr("Agent version:"), tr("Capabilities:"), tr("Key fingerprint:"), tr("Last seen:"),
        tr("Enrolled:"),      tr("Created:")};
    for (int i = 0; i < FieldCount; ++i)
        if (auto *label = qobject_cast<QLabel *>(formOf(i)->labelForField(m_values[i])))
            label->setText(labels[i]);
    fill();
}

void NodeDetailPane::fill()
{
    m_fields->setVisible(m_hasNode);
    if (!m_hasNode) {
        m_title->clear();
        m_title->hide();
        m_hint->setText(tr("Select a node to see its details."));
        return;
    }
    const client::NodeRow &n = m_node;
    m_title->show();
    m_title->setText(n.name);
    const QString unknown = n.enrolled ? tr("Not reported") : tr("After enrolment");
    const auto orUnknown = [&unknown](const QString &text) {
        return text.isEmpty() ? unknown : text;
    };
    m_hint->setText(n.enrolled ? QString()
                               : tr("This node waits for its agent to enrol with the secret "
                                    "shown when it was created."));
    m_hint->setVisible(!n.enrolled);
    m_values[Status]->setText(NodeText::status(n.status));
    m_values[Description]->setText(n.description.isEmpty() ? tr("None") : n.description);
    m_values[Description]->setToolTip(n.description);
    m_values[Labels]->setText(n.labels.isEmpty() ? tr("None")
                                                 : n.labels.join(QStringLiteral(", ")));
    m_values[Address]->setText(orUnknown(n.ip));
    QString system = n.os;
    if (!n.arch.isEmpty())
        system = system.isEmpty() ? n.arch : tr("%1 / %2").arg(n.os, n.arch);
    if (!n.systemInfo.isEmpty())
        system = system.isEmpty() ? n.systemInfo : tr("%1 (%2)").arg(system, n.systemInfo);
    m_values[System]->setText(orUnknown(system));
    QString cpu;
    if (n.cpuCores > 0)
        cpu = tr("%n core(s)", "", n.cpuCores);
    if (!n.cpuModel.isEmpty())
        cpu = cpu.isEmpty() ? n.cpuModel : tr("%1, %2").arg(cpu, n.cpuModel);
    m_values[Cpu]->setText(orUnknown(cpu));
    m_values[Memory]->setText(orUnknown(NodeText::bytes(n.memoryTotal)));
    m_values[Disk]->setText(orUnknown(NodeText::bytes(n.diskTotal)));
    m_values[Agent]->setText(orUnknown(n.agentVersion));
    QStringList capabilities;
    for (const QString &c : n.capabilities)
        capabilities << NodeText::capability(c);
    m_values[Capabilities]->setText(
        capabilities.isEmpty() ? orUnknown({}) : QLocale().createSeparatedList(capabilities));
    m_values[Fingerprint]->setText(orUnknown(n.fingerprint));
    refreshTimes();
    m_values[Enrolled]->setText(
        dateTimeText(n.enrolledAt, QLocale::ShortFormat, TimeDetail::Minutes, tr("Not yet")));
    m_values[Created]->setText(dateTimeText(n.createdAt));
}

} // namespace hm::app
