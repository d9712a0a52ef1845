#pragma once

#include "client/ProbeTypes.h"
#include "common/Error.h"

#include <QDialog>
#include <QList>
#include <QPair>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QWidget;

namespace hm {
struct Error;
}
namespace hm::client {
class ApiClient;
}

namespace hm::app {

class NodeScopePicker;

// Creates a probe or changes one (administrators): its id (when creating:
// it names the probe's metrics and never changes), name, kind, target (the
// placeholder says what the kind takes), for HTTP the keyword, expected
// status and certificate check, how often and how long it waits (the
// server's bounds), where it runs (all nodes, one node, the nodes with a
// label) and whether it is on. The server's refusal shows in the dialog,
// which stays open. objectNames `alerts.probe.*`.
class ProbeDialog final : public QDialog
{
    Q_OBJECT

public:
    using NodeNames = QList<QPair<QString, QString>>; // id, name; by name

    // A new probe.
    ProbeDialog(client::ApiClient *client, const NodeNames &nodes, QWidget *parent = nullptr);
    // Changes `probe`.
    ProbeDialog(client::ApiClient *client, const NodeNames &nodes, const client::ProbeRow &probe,
                QWidget *parent = nullptr);

    // A new probe for one node (offered from that node's Probes tab).
    void runOnNode(const QString &nodeId);

    // The probe as the server stored it, once accepted.
    const client::ProbeRow &probe() const { return m_probe; }
    // The probe the form describes now.
    client::ProbeChange change() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void build(const NodeNames &nodes);
    void load(const client::ProbeRow &probe);
    void retranslateUi();
    void kindChanged();
    void validate();
    void showError(const hm::Error &error);
    void submit();
    QString kind() const;

    QPointer<client::ApiClient> m_client;
    client::ProbeRow m_probe;
    bool m_editing = false;
    bool m_sending = false;
    QLabel *m_intro = nullptr;
    QLabel *m_idLabel = nullptr;
    QLineEdit *m_id = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_kindLabel = nullptr;
    QComboBox *m_kind = nullptr;
    QLabel *m_targetLabel = nullptr;
    QLineEdit *m_target = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_keywordLabel = nullptr;
    QLineEdit *m_keyword = nullptr;
    QLabel *m_statusLabel = nullptr;
    QSpinBox *m_expectedStatus = nullptr;
    QCheckBox *m_tlsVerify = nullptr;
    QLabel *m_intervalLabel = nullptr;
    QSpinBox *m_interval = nullptr;
    QLabel *m_timeoutLabel = nullptr;
    QSpinBox *m_timeout = nullptr;
    QLabel *m_scopeLabel = nullptr;
    NodeScopePicker *m_scope = nullptr;
    QCheckBox *m_enabled = nullptr;
    QLabel *m_idError = nullptr;
    QLabel *m_nameError = nullptr;
    QLabel *m_targetError = nullptr;
    QLabel *m_scopeError = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace hm::app
