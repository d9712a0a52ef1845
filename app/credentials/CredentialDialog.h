#pragma once

#include "client/CredentialsApi.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTreeView;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class CredentialUsageModel;

// Create a credential, or edit one: name, description, visibility and a
// typed form per type (seed 003 §13; docs/vault.md). Secret fields never
// show a stored value — the server does not give it back. Editing, a stored
// secret reads "stored — unchanged" and is only sent when something new is
// typed; an optional one can be cleared explicitly. OK sends the change; the
// dialog closes (Accepted) once the server took it (credential() then holds
// the answer), a refusal is shown at its field. Editing, "Used by" lists
// what uses the credential (services linking it; a lazy paged list).
class CredentialDialog final : public QDialog
{
    Q_OBJECT

public:
    // Create when `existing` is null; the type cannot change afterwards.
    CredentialDialog(client::ApiClient *client, const client::CredentialInfo *existing,
                     QWidget *parent = nullptr);
    ~CredentialDialog() override;

    bool isCreate() const { return m_existing.id.isEmpty(); }
    const client::CredentialInfo &credential() const { return m_result; }
    QString currentType() const;
    // What OK sends now: the POST body (create) or the PUT changes (edit).
    QJsonObject request() const;
    // "Used by" (edit only; null when creating).
    CredentialUsageModel *usageModel() const { return m_usageModel; }

signals:
    // A "Used by" row was activated: kind "service", ... and its id.
    void usageActivated(const QString &kind, const QString &id);

public slots:
    void submit();
    void setType(const QString &type);

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class Kind
    {
        Text,
        Secret,
        MultilineSecret,
        Port,
        Choice,
        Scopes
    };
    struct Field
    {
        QString type;
        QString name;
        const char *label;
        Kind kind;
        bool required;
        QStringList choices;
        int defaultPort = 0;
        QWidget *editor = nullptr;
        QLabel *labelWidget = nullptr;
        QCheckBox *clear = nullptr;
        QPushButton *load = nullptr;
        QLabel *error = nullptr;
    };

    void buildTypePage(const QString &type);
    void retranslateUi();
    void validate();
    void alignLabels();
    QString text(const Field &field) const;
    bool isSecret(const Field &field) const;
    bool stored(const Field &field) const;
    void loadKeyFile(Field &field);
    void showUsageState();
    QString choiceText(const QString &choice) const;

    QPointer<client::ApiClient> m_client;
    client::CredentialInfo m_existing;
    client::CredentialInfo m_result;
    bool m_sending = false;

    QFormLayout *m_form = nullptr;
    QLabel *m_intro = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameError = nullptr;
    QLineEdit *m_description = nullptr;
    QComboBox *m_type = nullptr;
    QComboBox *m_visibility = nullptr;
    QStackedWidget *m_pages = nullptr;
    QList<Field> m_fields;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    CredentialUsageModel *m_usageModel = nullptr;
    QLabel *m_usedByTitle = nullptr;
    QTreeView *m_usedBy = nullptr;
    QLabel *m_usedByState = nullptr;
};

} // namespace hm::app
