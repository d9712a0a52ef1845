#pragma once

#include "client/ServicesApi.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class ServiceCredentialPicker;

// Edit a registered service: its name as shown (display_name; the unique
// name stays), description, base URL, schema URL and linked credential
// (the wizard's picker). Save sends only what changed (PUT /services/{id})
// and closes when the server stored it; a refused field's message appears
// under that field. objectNames: serviceEdit.dialog (the dialog),
// serviceEdit.name, .description, .baseUrl, .schemaUrl, .credential,
// .save, .error (not about one field), serviceEdit.<field>Error.
class ServiceEditDialog final : public QDialog
{
    Q_OBJECT

public:
    ServiceEditDialog(client::ApiClient *client, const client::ServiceInfo &service,
                      const QString &role, QWidget *parent = nullptr);

    bool isSaving() const { return m_saving; }
    // The service as stored (after Accepted).
    const client::ServiceInfo &service() const { return m_service; }
    // What Save would send.
    QJsonObject changes() const;

public slots:
    void save();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateSave();
    void clearErrors();
    void showError(const hm::Error &error);

    QPointer<client::ApiClient> m_client;
    client::ServiceInfo m_service;
    QString m_role;
    QLabel *m_intro = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLabel *m_descriptionLabel = nullptr;
    QLabel *m_baseUrlLabel = nullptr;
    QLabel *m_schemaUrlLabel = nullptr;
    QLabel *m_credentialLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_description = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QLineEdit *m_schemaUrl = nullptr;
    ServiceCredentialPicker *m_credential = nullptr;
    QLabel *m_credentialState = nullptr;
    // The server's field name -> the message under that field.
    QHash<QString, QLabel *> m_fieldErrors;
    QLabel *m_error = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_cancel = nullptr;
    bool m_saving = false;
};

} // namespace hm::app
