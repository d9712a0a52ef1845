#pragma once

#include "client/AlertTypes.h"

#include <QDialog>
#include <QList>
#include <QPair>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace hm {
struct Error;
}
namespace hm::client {
class ApiClient;
}

namespace hm::app {

class NodeScopePicker;

// Creates an alert rule or changes one (administrators): its name, what it
// watches (type and threshold, in the type's unit: percent, load, MiB/s),
// for how long, where (all nodes, one node, the nodes with a label) and
// whether it is on. Until the user names it, the name follows the condition
// ("CPU usage over 90.0%"). Probe and certificate rules name the probe
// they watch (a combo of the probes); a certificate's threshold is in days.
// Container rules name their containers (a name, a glob such as web-*, or
// "any") and have no threshold: one such container fires. The server's refusal
// shows under the field it names; the dialog stays open. objectNames `alerts.rule.*`.
class AlertRuleDialog final : public QDialog
{
    Q_OBJECT

public:
    using NodeNames = QList<QPair<QString, QString>>; // id, name; by name

    // A new rule.
    AlertRuleDialog(client::ApiClient *client, const NodeNames &nodes, QWidget *parent = nullptr);
    // Changes `rule`.
    AlertRuleDialog(client::ApiClient *client, const NodeNames &nodes,
                    const client::AlertRuleRow &rule, QWidget *parent = nullptr);

    // The rule as the server stored it, once accepted.
    const client::AlertRuleRow &rule() const { return m_rule; }
    // The rule the form describes now.
    client::AlertRuleChange change() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void build(const NodeNames &nodes);
    void load(const client::AlertRuleRow &rule);
    void retranslateUi();
    void typeChanged();
    // The probes a probe or certificate rule may watch (ProbesApi).
    void loadProbes();
    // A probe or certificate rule: it names a probe.
    bool watchesProbe() const;
    // A container_down or container_unhealthy rule: it names containers.
    bool watchesContainers() const;
    void suggestName();
    void validate();
    void submit();
    void showError(const hm::Error &error);
    QString type() const;
    double threshold() const;
    qint64 durationSeconds() const;
    void selectRenotify(qint64 seconds);

    QPointer<client::ApiClient> m_client;
    client::AlertRuleRow m_rule;
    bool m_editing = false;
    bool m_sending = false;
    bool m_nameEdited = false;
    bool m_settingName = false;
    QLabel *m_intro = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameError = nullptr;
    QLabel *m_typeLabel = nullptr;
    QComboBox *m_type = nullptr;
    QLabel *m_probeLabel = nullptr;
    QComboBox *m_probe = nullptr;
    QLabel *m_probeError = nullptr;
    QLabel *m_containerLabel = nullptr;
    QLineEdit *m_container = nullptr;
    QLabel *m_containerError = nullptr;
    QLabel *m_thresholdLabel = nullptr;
    QDoubleSpinBox *m_threshold = nullptr;
    QLabel *m_thresholdError = nullptr;
    QLabel *m_durationLabel = nullptr;
    QSpinBox *m_duration = nullptr;
    QComboBox *m_durationUnit = nullptr;
    QLabel *m_durationError = nullptr;
    QLabel *m_renotifyLabel = nullptr;
    QComboBox *m_renotify = nullptr;
    QLabel *m_renotifyError = nullptr;
    QLabel *m_scopeLabel = nullptr;
    NodeScopePicker *m_scope = nullptr;
    QLabel *m_scopeError = nullptr;
    QCheckBox *m_enabled = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace hm::app
