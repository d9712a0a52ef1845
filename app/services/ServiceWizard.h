#pragma once

#include "client/ApiClient.h"
#include "client/ServicesApi.h"

#include <QPointer>
#include <QWizard>
#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTreeWidget;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class ServiceCredentialPicker;
class ServiceWizard;

// Step 1: name, display name, base URL, optional schema URL, optional
// credential (the vault's credentials that can sign calls in).
class ServiceDetailsPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit ServiceDetailsPage(ServiceWizard *wizard);
    bool isComplete() const override;
    void retranslateUi();
    void loadCredentials(client::ApiClient *client);

    QLineEdit *name = nullptr;
    QLineEdit *displayName = nullptr;
    QLineEdit *description = nullptr;
    QLineEdit *baseUrl = nullptr;
    QLineEdit *schemaUrl = nullptr;
    ServiceCredentialPicker *credential = nullptr;

private:
    QLabel *m_nameLabel = nullptr;
    QLabel *m_displayNameLabel = nullptr;
    QLabel *m_descriptionLabel = nullptr;
    QLabel *m_baseUrlLabel = nullptr;
    QLabel *m_schemaUrlLabel = nullptr;
    QLabel *m_credentialLabel = nullptr;
    QLabel *m_credentialState = nullptr;
};

// Step 2: the preview route — where the document was found and the
// endpoints it would import, or why it was not; without a document the
// service can still be registered with no endpoints (added by hand later).
class ServiceProbePage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit ServiceProbePage(ServiceWizard *wizard);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    void retranslateUi();
    bool isProbing() const { return m_probing; }
    bool found() const { return m_preview.has_value(); }
    bool withoutDocument() const;
    void showSaveError(const QString &text);

    QLabel *state = nullptr;
    QLabel *source = nullptr;
    QTreeWidget *endpoints = nullptr;
    QCheckBox *manual = nullptr;

private:
    void probe();
    void showPreview();

    ServiceWizard *m_wizard = nullptr;
    bool m_probing = false;
    std::optional<client::ServicePreview> m_preview;
    std::optional<hm::Error> m_error;
    quint64 m_generation = 0;
};

// The new-service wizard: details, then the probe; Finish registers the
// service (the server reads the document again) and closes only when the
// server stored it.
class ServiceWizard final : public QWizard
{
    Q_OBJECT

public:
    explicit ServiceWizard(client::ApiClient *client, const QString &role,
                           QWidget *parent = nullptr);

    client::ApiClient *client() const { return m_client; }
    QString role() const { return m_role; }
    ServiceDetailsPage *detailsPage() const { return m_details; }
    ServiceProbePage *probePage() const { return m_probe; }
    bool isSaving() const { return m_saving; }
    // The stored service (after Accepted).
    const client::ServiceInfo &service() const { return m_service; }

public slots:
    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QPointer<client::ApiClient> m_client;
    QString m_role;
    ServiceDetailsPage *m_details = nullptr;
    ServiceProbePage *m_probe = nullptr;
    client::ServiceInfo m_service;
    bool m_saving = false;
};

} // namespace hm::app
