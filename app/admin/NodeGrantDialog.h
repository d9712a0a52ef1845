#pragma once

#include "client/ApiTypes.h"
#include "client/RemoteTypes.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// "Add grant…" (Users → Node grants): who (a USER picked from the users,
// or every USER), on which nodes (a label, suggested from the nodes', or
// "*" for every node) and what (a capability). Creates the grant on the
// server itself and stays open, saying why, when refused. Opened through
// DialogSeam. Named `nodegrants.*`.
class NodeGrantDialog final : public QDialog
{
    Q_OBJECT

public:
    // `users`: who may be granted (USERs; administrators may do everything
    // already and viewers never act). `labels`: the nodes' labels.
    NodeGrantDialog(client::ApiClient *client, const QList<client::UserInfo> &users,
                    const QStringList &labels, QWidget *parent = nullptr);

    bool hasResult() const { return !m_created.id.isEmpty(); }
    const client::NodeGrant &grant() const { return m_created; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void validate();
    void showCapabilityWarning();
    void submit();

    QPointer<client::ApiClient> m_client;
    QList<client::UserInfo> m_users;
    client::NodeGrant m_created;
    QLabel *m_intro = nullptr;
    QLabel *m_subjectLabel = nullptr;
    QComboBox *m_subject = nullptr;
    QLabel *m_labelLabel = nullptr;
    QComboBox *m_label = nullptr;
    QLabel *m_labelHint = nullptr;
    QLabel *m_capabilityLabel = nullptr;
    QComboBox *m_capability = nullptr;
    QLabel *m_capabilityWarning = nullptr; // what the chosen capability hands over
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_busy = false;
};

} // namespace hm::app
