#include "fleet/AlertRuleDialog.h"

#include "client/AlertsApi.h"
#include "client/ProbesApi.h"
#include "client/Within.h"
#include "fleet/AlertText.h"
#include "fleet/NodeScopePicker.h"
#include "widgets/AdminText.h"
#include "widgets/FieldError.h"
#include "widgets/Retranslate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

namespace hm::app {

namespace {

// The server's limits (docs/api.md "Alerts").
constexpr int kMaxRuleName = 100;
constexpr qint64 kMaxRuleSeconds = 24 * 3600;
// A network threshold is typed in MiB/s and sent in bytes/s.
constexpr double kMiB = 1024.0 * 1024.0;
// The units a duration is typed in, in seconds.
constexpr int kUnits[] = {1, 60, 3600};
// A certificate rule's threshold: days left (docs/api.md "Alerts").
constexpr int kMaxCertificateDays = 3650;
// What the server stores as a probe rule's threshold (up reads 1 or 0).
constexpr double kProbeDownThreshold = 0.5;
// The reminder intervals offered, in seconds (0: none). The server takes
// any value from 60 s to 7 days; a rule set to another one through the API
// shows its own value as an extra choice.
constexpr qint64 kRenotifyChoices[] = {0,         15 * 60,   3600,         4 * 3600,
                                       12 * 3600, 24 * 3600, 7 * 24 * 3600};

QString ruleField(const char *name)
{
    return QStringLiteral("alerts.rule.") + QLatin1String(name);
}

} // namespace

AlertRuleDialog::AlertRuleDialog(client::ApiClient *client, const NodeNames &nodes, QWidget *parent)
    : QDialog(parent), m_client(client)
{
    build(nodes);
    client::AlertRuleRow fresh;
    fresh.type = QStringLiteral("cpu");
    fresh.threshold = 90;
    fresh.durationSeconds = 300;
    load(fresh);
    retranslateUi();
    suggestName();
    validate();
    loadProbes();
}

AlertRuleDialog::AlertRuleDialog(client::ApiClient *client, const NodeNames &nodes,
                                 const client::AlertRuleRow &rule, QWidget *parent)
    : QDialog(parent), m_client(client), m_rule(rule), m_editing(true), m_nameEdited(true)
{
    build(nodes);
    // Its probe, by id until the probes are read.
    if (!rule.probeId.isEmpty())
        m_probe->addItem(rule.probeId, rule.probeId);
    load(rule);
    retranslateUi();
    validate();
    loadProbes();
}

void AlertRuleDialog::build(const NodeNames &nodes)
{
    setObjectName(QStringLiteral("alerts.ruleDialog"));
    setMinimumWidth(540);
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setObjectName(ruleField("intro"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    auto *form = new QFormLayout();
    const auto row = [&](QLabel **label, QWidget *field, QLabel **error, const char *name) {
        addFieldRow(form, label, field, error, ruleField(name) + QStringLiteral("Error"));
    };

    m_name = new QLineEdit(this);
    m_name->setObjectName(ruleField("name"));
    m_name->setMaxLength(kMaxRuleName);
    row(&m_nameLabel, m_name, &m_nameError, "name");

    m_type = new QComboBox(this);
    m_type->setObjectName(ruleField("type"));
    for (const QString &type : AlertText::types())
        m_type->addItem(QString(), type);
    row(&m_typeLabel, m_type, nullptr, "type");

    m_probe = new QComboBox(this);
    m_probe->setObjectName(ruleField("probe"));
    m_probe->setMinimumContentsLength(16);
    row(&m_probeLabel, m_probe, &m_probeError, "probe");

    m_container = new QLineEdit(this);
    m_container->setObjectName(ruleField("container"));
    m_container->setMaxLength(128);
    row(&m_containerLabel, m_container, &m_containerError, "container");

    m_threshold = new QDoubleSpinBox(this);
    m_threshold->setObjectName(ruleField("threshold"));
    m_threshold->setMinimumWidth(140);
    auto *thresholdRow = new QWidget(this);
    auto *thresholdLayout = new QHBoxLayout(thresholdRow);
    thresholdLayout->setContentsMargins(0, 0, 0, 0);
    thresholdLayout->addWidget(m_threshold);
    thresholdLayout->addStretch();
    row(&m_thresholdLabel, thresholdRow, &m_thresholdError, "threshold");
    m_thresholdLabel->setBuddy(m_threshold);

    m_duration = new QSpinBox(this);
    m_duration->setObjectName(ruleField("duration"));
    m_duration->setMinimumWidth(90);
    m_durationUnit = new QComboBox(this);
    m_durationUnit->setObjectName(ruleField("durationUnit"));
    for (const int unit : kUnits)
        m_durationUnit->addItem(QString(), unit);
    auto *durationRow = new QWidget(this);
    auto *durationLayout = new QHBoxLayout(durationRow);
    durationLayout->setContentsMargins(0, 0, 0, 0);
    durationLayout->addWidget(m_duration);
    durationLayout->addWidget(m_durationUnit);
    durationLayout->addStretch();
    row(&m_durationLabel, durationRow, &m_durationError, "duration");
    m_durationLabel->setBuddy(m_duration);

    m_renotify = new QComboBox(this);
    m_renotify->setObjectName(ruleField("renotify"));
    for (const qint64 seconds : kRenotifyChoices)
        m_renotify->addItem(QString(), seconds);
    auto *renotifyRow = new QWidget(this);
    auto *renotifyLayout = new QHBoxLayout(renotifyRow);
    renotifyLayout->setContentsMargins(0, 0, 0, 0);
    renotifyLayout->addWidget(m_renotify);
    renotifyLayout->addStretch();
    row(&m_renotifyLabel, renotifyRow, &m_renotifyError, "renotify");
    m_renotifyLabel->setBuddy(m_renotify);

    m_scope = new NodeScopePicker(nodes, ruleField(""), this);
    row(&m_scopeLabel, m_scope, &m_scopeError, "scope");
    m_scopeLabel->setBuddy(m_scope->scopeCombo());

    m_enabled = new QCheckBox(this);
    m_enabled->setObjectName(ruleField("enabled"));
    form->addRow(nullptr, m_enabled);
    layout->addLayout(form);

    m_error = createFieldError(this, ruleField("error"));
    layout->addWidget(m_error);
    layout->addStretch();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(ruleField("save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(ruleField("cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AlertRuleDialog::submit);
    showChecksOnBlockedAccept(this, m_buttons->button(QDialogButtonBox::Save));
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameEdited = true; });
    connect(m_name, &QLineEdit::textChanged, this, &AlertRuleDialog::validate);
    connect(m_type, &QComboBox::currentIndexChanged, this, &AlertRuleDialog::typeChanged);
    connect(m_threshold, &QDoubleSpinBox::valueChanged, this, [this] {
        suggestName();
        validate();
    });
    connect(m_probe, &QComboBox::currentIndexChanged, this, [this] {
        suggestName();
        validate();
    });
    connect(m_container, &QLineEdit::textChanged, this, [this] {
        suggestName();
        validate();
    });
    connect(m_duration, &QSpinBox::valueChanged, this, &AlertRuleDialog::validate);
    connect(m_renotify, &QComboBox::currentIndexChanged, this, &AlertRuleDialog::validate);
    connect(m_durationUnit, &QComboBox::currentIndexChanged, this, [this] {
        const int unit = m_durationUnit->currentData().toInt();
        m_duration->setMaximum(int(kMaxRuleSeconds / unit));
        validate();
    });
    connect(m_scope, &NodeScopePicker::changed, this, &AlertRuleDialog::validate);
    connect(m_enabled, &QCheckBox::toggled, this, &AlertRuleDialog::validate);
}

void AlertRuleDialog::load(const client::AlertRuleRow &rule)
{
    m_type->setCurrentIndex(std::max(0, m_type->findData(rule.type)));
    if (!rule.probeId.isEmpty())
        m_probe->setCurrentIndex(m_probe->findData(rule.probeId));
    m_container->setText(rule.container);
    typeChanged(); // the threshold's range and unit first
    m_threshold->setValue(rule.type == QLatin1String("network") ? rule.threshold / kMiB
                                                                : rule.threshold);
    // The largest unit the duration is a whole number of.
    int unitIndex = 0;
    for (int i = 2; i > 0; --i) {
        if (rule.durationSeconds > 0 && rule.durationSeconds % kUnits[i] == 0) {
            unitIndex = i;
            break;
        }
    }
    m_durationUnit->setCurrentIndex(unitIndex);
    m_duration->setMaximum(int(kMaxRuleSeconds / kUnits[unitIndex]));
    m_duration->setValue(int(rule.durationSeconds / kUnits[unitIndex]));
    selectRenotify(rule.renotifySeconds);
    if (!rule.nodeId.isEmpty())
        m_scope->setScope(NodeScopePicker::OneNode, rule.nodeId);
    else if (!rule.label.isEmpty())
        m_scope->setScope(NodeScopePicker::Labelled, rule.label);
    else
        m_scope->setScope(NodeScopePicker::AllNodes, {});
    m_enabled->setChecked(rule.enabled);
    m_settingName = true;
    m_name->setText(rule.name);
    m_settingName = false;
}

QString AlertRuleDialog::type() const
{
    return m_type->currentData().toString();
}

double AlertRuleDialog::threshold() const
{
    if (type() == QLatin1String("offline"))
        return 0;
    if (type() == QLatin1String("probe") || watchesContainers())
        return kProbeDownThreshold; // what the server stores: one container fires
    // Whole bytes: what the server compares.
    return type() == QLatin1String("network") ? std::round(m_threshold->value() * kMiB)
                                              : m_threshold->value();
}

qint64 AlertRuleDialog::durationSeconds() const
{
    return qint64(m_duration->value()) * m_durationUnit->currentData().toInt();
}

void AlertRuleDialog::selectRenotify(qint64 seconds)
{
    int index = m_renotify->findData(seconds);
    if (index < 0) {
        // Kept in order among the choices.
        index = 0;
        while (index < m_renotify->count() && m_renotify->itemData(index).toLongLong() < seconds)
            ++index;
        m_renotify->insertItem(index, AlertText::renotify(seconds), seconds);
    }
    m_renotify->setCurrentIndex(index);
}

client::AlertRuleChange AlertRuleDialog::change() const
{
    client::AlertRuleChange c;
    c.name = m_name->text().trimmed();
    c.type = type();
    c.threshold = threshold();
    c.durationSeconds = durationSeconds();
    c.renotifySeconds = m_renotify->currentData().toLongLong();
    c.enabled = m_enabled->isChecked();
    c.nodeId = m_scope->nodeId();
    c.label = m_scope->label();
    if (watchesProbe())
        c.probeId = m_probe->currentData().toString();
    if (watchesContainers())
        c.container = m_container->text().trimmed();
    return c;
}

void AlertRuleDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void AlertRuleDialog::retranslateUi()
{
    setWindowTitle(m_editing ? tr("Edit alert rule") : tr("New alert rule"));
    m_intro->setText(
        m_editing ? tr("A changed rule starts over: its open alerts resolve and it is checked "
                       "afresh against the next reports.")
                  : tr("The server checks every report of the nodes the rule applies to and "
                       "raises an alert when the condition holds for the time given."));
    m_nameLabel->setText(tr("&Name:"));
    m_typeLabel->setText(tr("&Watch:"));
    for (int i = 0; i < m_type->count(); ++i)
        m_type->setItemText(i, AlertText::type(m_type->itemData(i).toString()));
    m_probeLabel->setText(tr("&Probe:"));
    m_probe->setPlaceholderText(tr("No probe yet: add one under Probes"));
    m_containerLabel->setText(tr("&Container:"));
    m_container->setPlaceholderText(tr("A name, web-* or any"));
    m_container->setToolTip(tr("The container's name as Docker shows it; * and ? match any "
                               "characters, any watches every container of the node."));
    m_durationLabel->setText(type() == QLatin1String("offline") ? tr("Offline &for:")
                                                                : tr("&For:"));
    m_duration->setToolTip(tr("0: the first report over the threshold fires. At most 24 hours."));
    m_durationUnit->setItemText(0, tr("seconds"));
    m_durationUnit->setItemText(1, tr("minutes"));
    m_durationUnit->setItemText(2, tr("hours"));
    m_renotifyLabel->setText(tr("Re&mind:"));
    for (int i = 0; i < m_renotify->count(); ++i)
        m_renotify->setItemText(i, AlertText::renotify(m_renotify->itemData(i).toLongLong()));
    m_renotify->setToolTip(tr("While an alert of this rule stays open, its channels are told "
                              "again this often."));
    m_scopeLabel->setText(tr("&Applies to:"));
    m_enabled->setText(tr("&Enabled"));
    m_enabled->setToolTip(tr("A disabled rule is kept but not checked."));
    m_buttons->button(QDialogButtonBox::Save)->setText(m_editing ? tr("Save") : tr("Create"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    typeChanged();
}

bool AlertRuleDialog::watchesProbe() const
{
    return type() == QLatin1String("probe") || type() == QLatin1String("certificate");
}

bool AlertRuleDialog::watchesContainers() const
{
    return AlertText::isContainer(type());
}

void AlertRuleDialog::loadProbes()
{
    if (!m_client)
        return;
    client::ProbesApi(*m_client).list(
        client::within(this, [this](Result<QList<client::ProbeRow>> r) {
            if (!r)
                return setFieldError(
                    m_probeError, tr("The probes could not be read: %1")
                                      .arg(AdminText::error(r.error(), QStringLiteral("admin"))));
            const QString current = m_probe->currentData().toString();
            QList<client::ProbeRow> probes = *r;
            std::sort(probes.begin(), probes.end(), [](const auto &a, const auto &b) {
                return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
            });
            const QSignalBlocker quiet(m_probe);
            m_probe->clear();
            for (const client::ProbeRow &probe : probes)
                m_probe->addItem(tr("%1 (%2)").arg(probe.name, probe.id), probe.id);
            // A rule's probe that is gone stays shown by its id.
            if (!current.isEmpty() && m_probe->findData(current) < 0)
                m_probe->addItem(current, current);
            m_probe->setCurrentIndex(current.isEmpty() ? (m_probe->count() > 0 ? 0 : -1)
                                                       : m_probe->findData(current));
            suggestName();
            validate();
        }));
}

void AlertRuleDialog::typeChanged()
{
    const QString t = type();
    const bool offline = t == QLatin1String("offline");
    const bool probeDown = t == QLatin1String("probe");
    const bool containers = watchesContainers();
    m_threshold->setEnabled(!offline && !probeDown && !containers);
    m_thresholdLabel->setEnabled(!offline && !probeDown && !containers);
    m_threshold->setToolTip(offline     ? tr("An offline rule has no threshold: it fires when the "
                                                 "agent has been away for the time below.")
                            : probeDown ? tr("A probe rule has no threshold: it fires while the "
                                             "probe finds its target down.")
                            : containers
                                ? tr("A container rule has no threshold: it fires while one of "
                                     "its containers is down (or unhealthy).")
                                : QString());
    m_probeLabel->setVisible(watchesProbe());
    m_probe->setVisible(watchesProbe());
    if (!watchesProbe())
        setFieldError(m_probeError, {});
    m_containerLabel->setVisible(containers);
    m_container->setVisible(containers);
    if (!containers)
        setFieldError(m_containerError, {});
    m_thresholdLabel->setText(t == QLatin1String("certificate") ? tr("&Under:") : tr("&Over:"));
    if (t == QLatin1String("certificate")) {
        m_threshold->setDecimals(0);
        m_threshold->setRange(0, kMaxCertificateDays);
        m_threshold->setSingleStep(1);
        m_threshold->setSuffix(tr(" days"));
    } else if (AlertText::isPercent(t)) {
        m_threshold->setDecimals(1);
        m_threshold->setRange(0, 100);
        m_threshold->setSingleStep(5);
        m_threshold->setSuffix(QStringLiteral(" %"));
    } else if (t == QLatin1String("network")) {
        m_threshold->setDecimals(2);
        m_threshold->setRange(0, 1e6);
        m_threshold->setSingleStep(1);
        m_threshold->setSuffix(tr(" MiB/s"));
    } else {
        m_threshold->setDecimals(2);
        m_threshold->setRange(0, 10000);
        m_threshold->setSingleStep(0.5);
        m_threshold->setSuffix(QString());
    }
    m_durationLabel->setText(offline ? tr("Offline &for:") : tr("&For:"));
    suggestName();
    validate();
}

void AlertRuleDialog::suggestName()
{
    if (m_nameEdited || !m_name)
        return;
    m_settingName = true;
    const QString probe = m_probe->currentIndex() >= 0 ? m_probe->currentText() : tr("a probe");
    if (type() == QLatin1String("offline"))
        m_name->setText(tr("Node offline"));
    else if (type() == QLatin1String("probe"))
        m_name->setText(tr("%1 down").arg(probe));
    else if (type() == QLatin1String("certificate"))
        m_name->setText(
            tr("Certificate of %1 %2").arg(probe, AlertText::condition(type(), threshold())));
    else if (watchesContainers()) {
        client::AlertRuleRow rule;
        rule.type = type();
        rule.container = m_container->text().trimmed();
        m_name->setText(rule.container.isEmpty() ? AlertText::type(type())
                                                 : AlertText::ruleCondition(rule, {}));
    }
    else
        m_name->setText(
            tr("%1 %2").arg(AlertText::type(type()), AlertText::condition(type(), threshold())));
    m_settingName = false;
}

void AlertRuleDialog::validate()
{
    if (!m_buttons)
        return;
    const bool named = !m_name->text().trimmed().isEmpty();
    setFieldCheck(m_nameError, named ? QString() : tr("A rule needs a name."));
    const QString scopeError = m_scope->problem(tr("Pick the node the rule watches."));
    setFieldCheck(m_scopeError, scopeError);
    // A refusal of the server (or a failed read of the probes) stays until
    // its own check has something to say.
    const auto check = [](QLabel *error, bool missing, const QString &text) {
        if (missing || error->text().isEmpty() || error->text() == text)
            setFieldCheck(error, missing ? text : QString());
    };
    const bool probeMissing = watchesProbe() && m_probe->currentIndex() < 0;
    if (watchesProbe())
        check(m_probeError, probeMissing, tr("Pick the probe the rule watches."));
    const bool containerMissing = watchesContainers() && m_container->text().trimmed().isEmpty();
    if (watchesContainers())
        check(m_containerError, containerMissing,
              tr("Name the container, a pattern such as web-*, or any."));
    bool changed = true;
    if (m_editing) {
        const client::AlertRuleChange c = change();
        changed = *c.name != m_rule.name || *c.type != m_rule.type ||
                  *c.threshold != m_rule.threshold ||
                  *c.durationSeconds != m_rule.durationSeconds ||
                  *c.renotifySeconds != m_rule.renotifySeconds || *c.enabled != m_rule.enabled ||
                  *c.nodeId != m_rule.nodeId || *c.label != m_rule.label ||
                  c.probeId.value_or(m_rule.probeId) != m_rule.probeId ||
                  c.container.value_or(m_rule.container) != m_rule.container;
    }
    m_buttons->button(QDialogButtonBox::Save)
        ->setEnabled(named && scopeError.isEmpty() && !probeMissing && !containerMissing &&
                     changed && !m_sending);
}

void AlertRuleDialog::submit()
{
    QPushButton *save = m_buttons->button(QDialogButtonBox::Save);
    if (!m_client || m_sending || !save->isEnabled())
        return;
    m_sending = true;
    save->setEnabled(false);
    for (QLabel *error : {m_nameError, m_probeError, m_containerError, m_thresholdError,
                          m_durationError,
                          m_renotifyError, m_scopeError, m_error})
        setFieldError(error, {});
    auto done = client::within(this, [this](Result<client::AlertRuleRow> r) {
        m_sending = false;
        if (!r) {
            validate(); // Save again once something changes
            showError(r.error());
            return;
        }
        m_rule = *r;
        accept();
    });
    client::AlertsApi api(*m_client);
    if (m_editing)
        api.updateRule(m_rule.id, change(), std::move(done));
    else
        api.createRule(change(), std::move(done));
}

void AlertRuleDialog::showError(const hm::Error &error)
{
    const QHash<QString, QLabel *> at{{QStringLiteral("name"), m_nameError},
                                      {QStringLiteral("threshold"), m_thresholdError},
                                      {QStringLiteral("duration"), m_durationError},
                                      {QStringLiteral("renotify"), m_renotifyError},
                                      {QStringLiteral("node_id"), m_scopeError},
                                      {QStringLiteral("label"), m_scopeError},
                                      {QStringLiteral("probe_id"), m_probeError},
                                      {QStringLiteral("container"), m_containerError}};
    // Kept at its field until that field changes; worded again in a new
    // language.
    setLocalizedFieldRefusal(at.value(AdminText::errorField(error), m_error),
                             [error] { return AdminText::error(error, QStringLiteral("admin")); });
}

} // namespace hm::app
