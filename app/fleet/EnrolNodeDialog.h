#pragma once

#include "client/NodeTypes.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class LiveEvents;

// Enrols a node (ADMIN): name, labels, description and how long the secret
// lives; or, for an existing node, a new enrolment secret. Once the server
// took it the dialog shows the result: the agent's install command (the
// one-time secret inside) read-only in monospace with Copy (the clipboard
// is cleared after 30 s, ClipboardGuard), when the secret expires, and
// that the operator compares the agent's fingerprint with the node's. A
// refusal is shown at its field (details.field), as UserDialog does. The
// secret lives in this dialog only: cleared when it closes, never logged.
// While the result shows, the dialog follows the node live (the event
// hub): waiting for the agent, then enrolled with its key's fingerprint,
// then online.
class EnrolNodeDialog final : public QDialog
{
    Q_OBJECT

public:
    // Enrols a new node.
    EnrolNodeDialog(client::ApiClient *client, QWidget *parent = nullptr);
    // A new secret for `node` (its agent's key is revoked).
    EnrolNodeDialog(client::ApiClient *client, const client::NodeRow &node,
                    QWidget *parent = nullptr);
    ~EnrolNodeDialog() override;

    bool isRenewal() const { return !m_existing.id.isEmpty(); }
    // The node as the server answered (created), or the one renewed.
    const client::NodeRow &node() const { return m_node; }
    bool hasResult() const;
    QString command() const;

    // What the node's agent has done since the secret was shown.
    enum class AgentProgress
    {
        Waiting,
        Enrolled,
        Online
    };
    AgentProgress agentProgress() const { return m_progress; }

public slots:
    void submit();
    void copyCommand();

protected:
    void changeEvent(QEvent *event) override;
    void done(int result) override;

private:
    void build();
    void retranslateUi();
    void validate();
    void showTicket(const client::EnrolmentTicket &ticket);
    void showError(const hm::Error &error);
    // A node event (or a re-read after the events were cut off).
    void followNode(const client::NodeRow &node);
    void showProgress();
    // The dialog as tall as the page it shows.
    void fitToPage();

    QPointer<client::ApiClient> m_client;
    client::NodeRow m_existing;
    client::NodeRow m_node;
    QDateTime m_expiresAt;
    bool m_sending = false;
    AgentProgress m_progress = AgentProgress::Waiting;
    LiveEvents *m_live = nullptr;

    QWidget *m_pages = nullptr;
    QWidget *m_formPage = nullptr;
    QWidget *m_resultPage = nullptr;
    QLabel *m_intro = nullptr;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameError = nullptr;
    QLineEdit *m_labels = nullptr;
    QLabel *m_labelsError = nullptr;
    QLineEdit *m_description = nullptr;
    QLabel *m_descriptionError = nullptr;
    QSpinBox *m_hours = nullptr;
    QLabel *m_hoursError = nullptr;
    QLabel *m_error = nullptr;

    QLabel *m_resultTitle = nullptr;
    QLabel *m_commandLabel = nullptr;
    QPlainTextEdit *m_command = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_copied = nullptr;
    QLabel *m_expires = nullptr;
    QLabel *m_once = nullptr;
    QLabel *m_fingerprint = nullptr;
    QLabel *m_progressText = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace hm::app
