#include "fleet/ProbeDialog.h"

#include "client/ProbesApi.h"
#include "client/Within.h"
#include "fleet/NodeScopePicker.h"
#include "fleet/ProbeText.h"
#include "widgets/AdminText.h"
#include "widgets/FieldError.h"
#include "widgets/Retranslate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

namespace hm::app {

namespace {

// The server's bounds (docs/api.md "Probes"; core/fleet/ProbeTarget.h).
constexpr int kMaxProbeId = 32;
constexpr int kMaxProbeName = 128;
constexpr int kMaxProbeTarget = 2048;
constexpr int kMaxProbeKeyword = 256;
constexpr int kMinProbeInterval = 10;
constexpr int kMaxProbeInterval = 3600;
constexpr int kMinProbeTimeout = 1;
constexpr int kMaxProbeTimeout = 60;

QString probeField(const char *name)
{
    return QStringLiteral("alerts.probe.") + QLatin1String(name);
}

QWidget *probeRowOf(QWidget *parent, QWidget *field)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field);
    layout->addStretch();
    return row;
}

} // namespace

ProbeDialog::ProbeDialog(client::ApiClient *client, const NodeNames &nodes, QWidget *parent)
    : QDialog(parent), m_client(client)
{
    build(nodes);
    client::ProbeRow fresh;
    fresh.kind = QStringLiteral("http");
    load(fresh);
    retranslateUi();
    validate();
}

ProbeDialog::ProbeDialog(client::ApiClient *client, const NodeNames &nodes,
                         const client::ProbeRow &probe, QWidget *parent)
    : QDialog(parent), m_client(client), m_probe(probe), m_editing(true)
{
    build(nodes);
    load(probe);
    retranslateUi();
    validate();
}

void ProbeDialog::build(const NodeNames &nodes)
{
    setObjectName(QStringLiteral("alerts.probeDialog"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setObjectName(probeField("intro"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    auto *form = new QFormLayout();
    m_form = form;
    const auto row = [this, form](QLabel **label, QWidget *field, QWidget *buddy = nullptr) {
        *label = new QLabel(this);
        (*label)->setBuddy(buddy ? buddy : field);
        form->addRow(*label, field);
    };
    // A field that can be wrong says so on a line of its own under it.
    const auto checkedRow = [form](QLabel **label, QWidget *field, QLabel **error,
                                   const char *name) {
        addFieldRow(form, label, field, error, probeField(name) + QStringLiteral("Error"));
    };

    m_id = new QLineEdit(this);
    m_id->setObjectName(probeField("id"));
    m_id->setMaxLength(kMaxProbeId);
    m_id->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[a-z0-9_-]*")), m_id));
    checkedRow(&m_idLabel, m_id, &m_idError, "id");

    m_name = new QLineEdit(this);
    m_name->setObjectName(probeField("name"));
    m_name->setMaxLength(kMaxProbeName);
    checkedRow(&m_nameLabel, m_name, &m_nameError, "name");

    m_kind = new QComboBox(this);
    m_kind->setObjectName(probeField("kind"));
    for (const QString &kind : ProbeText::kinds())
        m_kind->addItem(QString(), kind);
    row(&m_kindLabel, probeRowOf(this, m_kind), m_kind);

    m_target = new QLineEdit(this);
    m_target->setObjectName(probeField("target"));
    m_target->setMaxLength(kMaxProbeTarget);
    checkedRow(&m_targetLabel, m_target, &m_targetError, "target");

    // HTTP only: what the answer must hold (rows shown for HTTP only).
    m_keyword = new QLineEdit(this);
    m_keyword->setObjectName(probeField("keyword"));
    m_keyword->setMaxLength(kMaxProbeKeyword);
    row(&m_keywordLabel, m_keyword);
    m_expectedStatus = new QSpinBox(this);
    m_expectedStatus->setObjectName(probeField("expectedStatus"));
    m_expectedStatus->setRange(0, 599);
    m_expectedStatus->setMinimumWidth(140);
    row(&m_statusLabel, probeRowOf(this, m_expectedStatus), m_expectedStatus);
    m_tlsVerify = new QCheckBox(this);
    m_tlsVerify->setObjectName(probeField("tlsVerify"));
    form->addRow(nullptr, m_tlsVerify);

    m_interval = new QSpinBox(this);
    m_interval->setObjectName(probeField("interval"));
    m_interval->setRange(kMinProbeInterval, kMaxProbeInterval);
    m_interval->setMinimumWidth(110);
    row(&m_intervalLabel, probeRowOf(this, m_interval), m_interval);
    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(probeField("timeout"));
    m_timeout->setRange(kMinProbeTimeout, kMaxProbeTimeout);
    m_timeout->setMinimumWidth(110);
    row(&m_timeoutLabel, probeRowOf(this, m_timeout), m_timeout);

    m_scope = new NodeScopePicker(nodes, probeField(""), this);
    checkedRow(&m_scopeLabel, m_scope, &m_scopeError, "scope");
    m_scopeLabel->setBuddy(m_scope->scopeCombo());

    m_enabled = new QCheckBox(this);
    m_enabled->setObjectName(probeField("enabled"));
    form->addRow(nullptr, m_enabled);
    layout->addLayout(form);

    m_error = createFieldError(this, probeField("error"));
    layout->addWidget(m_error);
    layout->addStretch();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(probeField("save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(probeField("cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProbeDialog::submit);
    showChecksOnBlockedAccept(this, m_buttons->button(QDialogButtonBox::Save));
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    for (QLineEdit *edit : {m_id, m_name, m_target, m_keyword})
        connect(edit, &QLineEdit::textChanged, this, &ProbeDialog::validate);
    for (QSpinBox *spin : {m_expectedStatus, m_timeout})
        connect(spin, &QSpinBox::valueChanged, this, &ProbeDialog::validate);
    // The timeout stays shorter than the interval.
    connect(m_interval, &QSpinBox::valueChanged, this, [this](int interval) {
        m_timeout->setMaximum(std::min(kMaxProbeTimeout, interval - 1));
        validate();
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ProbeDialog::kindChanged);
    connect(m_scope, &NodeScopePicker::changed, this, &ProbeDialog::validate);
    for (QCheckBox *box : {m_tlsVerify, m_enabled})
        connect(box, &QCheckBox::toggled, this, &ProbeDialog::validate);
}

void ProbeDialog::runOnNode(const QString &nodeId)
{
    m_scope->setScope(NodeScopePicker::OneNode, nodeId);
    validate();
}

void ProbeDialog::load(const client::ProbeRow &probe)
{
    m_id->setText(probe.id);
    m_id->setReadOnly(m_editing);
    m_name->setText(probe.name);
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(probe.kind)));
    m_target->setText(probe.target);
    m_keyword->setText(probe.keyword);
    m_expectedStatus->setValue(probe.expectedStatus);
    m_tlsVerify->setChecked(probe.tlsVerify);
    m_interval->setValue(probe.intervalSeconds);
    m_timeout->setMaximum(std::min(kMaxProbeTimeout, m_interval->value() - 1));
    m_timeout->setValue(probe.timeoutSeconds);
    m_scope->setScope(probe.scopeType == QLatin1String("node")    ? NodeScopePicker::OneNode
                      : probe.scopeType == QLatin1String("label") ? NodeScopePicker::Labelled
                                                                  : NodeScopePicker::AllNodes,
                      probe.scopeValue);
    m_enabled->setChecked(probe.enabled);
    kindChanged();
}

QString ProbeDialog::kind() const
{
    return m_kind->currentData().toString();
}

client::ProbeChange ProbeDialog::change() const
{
    client::ProbeChange c;
    if (!m_editing)
        c.id = m_id->text().trimmed();
    c.name = m_name->text().trimmed();
    c.kind = kind();
    c.target = m_target->text().trimmed();
    const bool http = kind() == QLatin1String("http");
    // Only HTTP probes have a keyword and an expected status.
    c.keyword = http ? m_keyword->text() : QString();
    c.expectedStatus = http ? m_expectedStatus->value() : 0;
    c.tlsVerify = m_tlsVerify->isChecked();
    c.intervalSeconds = m_interval->value();
    c.timeoutSeconds = m_timeout->value();
    c.enabled = m_enabled->isChecked();
    const NodeScopePicker::Scope scope = m_scope->scope();
    c.scopeType = scope == NodeScopePicker::OneNode    ? QStringLiteral("node")
                  : scope == NodeScopePicker::Labelled ? QStringLiteral("label")
                                                       : QStringLiteral("all");
    c.scopeValue = scope == NodeScopePicker::OneNode ? m_scope->nodeId() : m_scope->label();
    return c;
}

void ProbeDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void ProbeDialog::retranslateUi()
{
    setWindowTitle(m_editing ? tr("Edit probe") : tr("New probe"));
    m_intro->setText(tr("The agents of the nodes a probe covers check the target every interval "
                        "and report whether it answered, how fast and, for HTTPS, how long its "
                        "certificate is valid."));
    m_idLabel->setText(tr("&Id:"));
    m_id->setPlaceholderText(tr("e.g. website (a-z, 0-9, _ and -)"));
    m_id->setToolTip(m_editing ? tr("The id names the probe's metrics and never changes.")
                               : tr("Names the probe's metrics (probe.<id>.up); it never "
                                    "changes."));
    m_nameLabel->setText(tr("&Name:"));
    m_kindLabel->setText(tr("&Kind:"));
    for (int i = 0; i < m_kind->count(); ++i)
        m_kind->setItemText(i, ProbeText::kind(m_kind->itemData(i).toString()));
    m_targetLabel->setText(tr("&Target:"));
    m_keywordLabel->setText(tr("Key&word:"));
    m_keyword->setPlaceholderText(tr("Optional: text the answer must contain"));
    m_statusLabel->setText(tr("E&xpected status:"));
    m_expectedStatus->setSpecialValueText(tr("Any 2xx or 3xx"));
    m_tlsVerify->setText(tr("&Verify the TLS certificate"));
    m_intervalLabel->setText(tr("&Every:"));
    m_interval->setSuffix(tr(" s"));
    m_timeoutLabel->setText(tr("Ti&meout:"));
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("At most 60 seconds, and shorter than the interval."));
    m_scopeLabel->setText(tr("&Runs on:"));
    m_enabled->setText(tr("Ena&bled"));
    m_enabled->setToolTip(tr("A disabled probe is kept but not run."));
    m_buttons->button(QDialogButtonBox::Save)->setText(m_editing ? tr("Save") : tr("Create"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    kindChanged();
}

void ProbeDialog::kindChanged()
{
    m_target->setPlaceholderText(ProbeText::targetPlaceholder(kind()));
    const bool http = kind() == QLatin1String("http");
    m_form->setRowVisible(m_keyword, http);
    m_form->setRowVisible(m_expectedStatus->parentWidget(), http);
    m_form->setRowVisible(m_tlsVerify, http);
    validate();
}

void ProbeDialog::validate()
{
    if (!m_buttons)
        return;
    const QString idError =
        !m_editing && m_id->text().trimmed().isEmpty() ? tr("A probe needs an id.") : QString();
    const QString nameError =
        m_name->text().trimmed().isEmpty() ? tr("A probe needs a name.") : QString();
    const QString targetError =
        m_target->text().trimmed().isEmpty() ? tr("A probe needs a target.") : QString();
    const QString scopeError = m_scope->problem(tr("Pick the node the probe runs on."));
    if (!m_editing) // an id is given once; edited, it is only shown
        setFieldCheck(m_idError, idError);
    setFieldCheck(m_nameError, nameError);
    setFieldCheck(m_targetError, targetError);
    setFieldCheck(m_scopeError, scopeError);
    const bool valid =
        idError.isEmpty() && nameError.isEmpty() && targetError.isEmpty() && scopeError.isEmpty();
    bool changed = true;
    if (m_editing) {
        const client::ProbeChange c = change();
        changed =
            *c.name != m_probe.name || *c.kind != m_probe.kind || *c.target != m_probe.target ||
            *c.keyword != m_probe.keyword || *c.expectedStatus != m_probe.expectedStatus ||
            *c.tlsVerify != m_probe.tlsVerify || *c.intervalSeconds != m_probe.intervalSeconds ||
            *c.timeoutSeconds != m_probe.timeoutSeconds || *c.enabled != m_probe.enabled ||
            *c.scopeType != m_probe.scopeType || c.scopeValue != m_probe.scopeValue;
    }
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(valid && changed && !m_sending);
}

void ProbeDialog::submit()
{
    QPushButton *save = m_buttons->button(QDialogButtonBox::Save);
    if (!m_client || m_sending || !save->isEnabled())
        return;
    m_sending = true;
    save->setEnabled(false);
    setFieldError(m_error, {});
    auto done = client::within(this, [this](Result<client::ProbeRow> r) {
        m_sending = false;
        if (!r) {
            validate(); // Save again once something changes
            showError(r.error());
            return;
        }
        m_probe = *r;
        accept();
    });
    client::ProbesApi api(*m_client);
    if (m_editing)
        api.update(m_probe.id, change(), std::move(done));
    else
        api.create(change(), std::move(done));
}

// The refusal stands at the field it is about (a target the server's rules
// refuse, an id in use) until that field changes, and is worded again on a
// language switch.
void ProbeDialog::showError(const hm::Error &error)
{
    const QHash<QString, QLabel *> at{{QStringLiteral("id"), m_idError},
                                      {QStringLiteral("name"), m_nameError},
                                      {QStringLiteral("target"), m_targetError},
                                      {QStringLiteral("scope.type"), m_scopeError},
                                      {QStringLiteral("scope.value"), m_scopeError}};
    setLocalizedFieldRefusal(at.value(AdminText::errorField(error), m_error),
                             [error] { return AdminText::error(error, QStringLiteral("admin")); });
}

} // namespace hm::app
