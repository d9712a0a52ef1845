#include "fleet/NodeDetailPane.h"

#include "fleet/NodeText.h"
#include "widgets/BreakableLabel.h"
#include "widgets/DateTimeText.h"
#include "widgets/SeparatedList.h"
#include "widgets/TextBaseline.h"

#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
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

// Which fields share a row (left column, right column) and which take a
// row of their own across the pane.
const std::pair<NodeDetailPane::Field, NodeDetailPane::Field> NodeDetailPane::kPairedRows[] = {
    {Status, Disk},      {Description, Agent}, {Labels, LastSeen},
    {Address, Enrolled}, {Cpu, Created},       {Memory, FieldCount}};
const NodeDetailPane::Field NodeDetailPane::kWideRows[] = {System, Capabilities, Fingerprint};

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
    // Below them, across both, the values too long for a column (the
    // system, the capabilities, the key's fingerprint): they wrap there
    // rather than being cut.
    m_fields = new QWidget(this);
    m_grid = new QGridLayout(m_fields);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(16);
    m_grid->setVerticalSpacing(6);
    m_grid->setColumnStretch(1, 1);
    m_grid->setColumnStretch(3, 1);
    for (int i = 0; i < FieldCount; ++i) {
        auto *value = new BreakableLabel(m_fields);
        value->setObjectName(QStringLiteral("nodes.detail.") + QLatin1String(kDetailNames[i]));
        // A long value does not widen the window (Ignored): it wraps in its
        // column (a description, an IPv6 address, a CPU model), a long
        // unbroken run at its separators.
        value->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        auto *label = new QLabel(m_fields);
        label->setObjectName(value->objectName() + QStringLiteral("Label"));
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        m_values[i] = value;
        m_labels[i] = label;
    }
    int row = 0;
    for (const auto &[left, right] : kPairedRows) {
        m_grid->addWidget(m_labels[left], row, 0);
        m_grid->addWidget(m_values[left], row, 1);
        if (right != FieldCount) {
            // The gap between the columns.
            m_labels[right]->setContentsMargins(16, 0, 0, 0);
            m_grid->addWidget(m_labels[right], row, 2);
            m_grid->addWidget(m_values[right], row, 3);
        }
        ++row;
    }
    for (const Field wide : kWideRows) {
        m_grid->addWidget(m_labels[wide], row, 0);
        m_grid->addWidget(m_values[wide], row, 1, 1, 3);
        ++row;
    }
    // Label and value of a row on one baseline, both of a paired row too,
    // in every language, whatever their texts become (see TextBaseline.h).
    auto *baselines = new BaselineKeeper(this);
    for (const auto &[left, right] : kPairedRows) {
        QList<QLabel *> line{m_labels[left], m_values[left]};
        if (right != FieldCount)
            line << m_labels[right] << m_values[right];
        baselines->addRow(line);
    }
    for (const Field wide : kWideRows)
        baselines->addRow({m_labels[wide], m_values[wide]});
    // The fingerprint is compared character by character: monospace, on
    // one line across the pane (it fits there).
    m_values[Fingerprint]->setWordWrap(false);
    m_values[Fingerprint]->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Rows as tall as their text; the room left goes below them.
    m_fields->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    layout->addWidget(m_fields);
    layout->addStretch();
    retranslateUi();
}

void NodeDetailPane::setNode(const client::NodeRow *node)
{
    m_hasNode = node != nullptr;
    m_node = node ? *node : client::NodeRow{};
    fill();
}

void NodeDetailPane::refreshTimes()
{
    if (!m_hasNode)
        return;
    m_values[LastSeen]->setValue(
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
        m_labels[i]->setText(labels[i]);
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
    m_values[Status]->setValue(NodeText::status(n.status));
    m_values[Description]->setValue(n.description.isEmpty() ? tr("None") : n.description);
    m_values[Labels]->setValue(n.labels.isEmpty() ? tr("None")
                                                  : n.labels.join(QStringLiteral(", ")));
    m_values[Address]->setValue(orUnknown(n.ip));
    const QString system = NodeText::system(n.os, n.arch, n.systemInfo);
    m_values[System]->setValue(orUnknown(system));
    QString cpu;
    if (n.cpuCores > 0)
        cpu = tr("%n core(s)", "", n.cpuCores);
    if (!n.cpuModel.isEmpty())
        cpu = cpu.isEmpty() ? n.cpuModel : tr("%1, %2").arg(cpu, n.cpuModel);
    m_values[Cpu]->setValue(orUnknown(cpu));
    m_values[Memory]->setValue(orUnknown(NodeText::bytes(n.memoryTotal)));
    m_values[Disk]->setValue(orUnknown(NodeText::bytes(n.diskTotal)));
    m_values[Agent]->setValue(orUnknown(n.agentVersion));
    QStringList capabilities;
    for (const QString &c : n.capabilities)
        capabilities << NodeText::capability(c);
    m_values[Capabilities]->setValue(capabilities.isEmpty() ? orUnknown({})
                                                            : separatedList(capabilities));
    // Whole, without breaks: it is compared character by character.
    m_values[Fingerprint]->setText(orUnknown(n.fingerprint));
    m_values[Fingerprint]->setToolTip(m_values[Fingerprint]->text());
    for (const Field field : {System, Capabilities})
        m_values[field]->setToolTip(m_values[field]->value());
    refreshTimes();
    m_values[Enrolled]->setValue(
        dateTimeText(n.enrolledAt, QLocale::ShortFormat, TimeDetail::Minutes, tr("Not yet")));
    m_values[Created]->setValue(dateTimeText(n.createdAt));
}

} // namespace hm::app
