#pragma once

#include "client/NodeTypes.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// Renames a node, or changes its labels or description (ADMIN; PATCH
// /nodes/{id} with the fields changed only). The agent, its key and the
// node's history stay. The label rule is checked as typed; what the
// server refuses is shown at its field. Named `nodes.edit.*`.
class NodeEditDialog final : public QDialog
{
    Q_OBJECT

public:
    NodeEditDialog(client::ApiClient *client, const client::NodeRow &node,
                   QWidget *parent = nullptr);

    // The node as the server answered after Save.
    const client::NodeRow &node() const { return m_node; }
    // The fields changed so far, as PATCH sends them.
    QJsonObject changes() const;

public slots:
    void submit();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void validate();
    void showError(const hm::Error &error);

    QPointer<client::ApiClient> m_client;
    client::NodeRow m_node;
    bool m_sending = false;

    QLabel *m_intro = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameError = nullptr;
    QLabel *m_labelsLabel = nullptr;
    QLineEdit *m_labels = nullptr;
    QLabel *m_labelsError = nullptr;
    QLabel *m_descriptionLabel = nullptr;
    QLineEdit *m_description = nullptr;
    QLabel *m_descriptionError = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace hm::app
