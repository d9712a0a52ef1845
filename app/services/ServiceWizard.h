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
class QMimeData;
class QPushButton;
class QTreeWidget;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class ServiceCredentialPicker;
class ServiceWizard;

// Step 1: name, display name, base URL, optional schema URL or a local
// OpenAPI document (Import from file..., or a file dropped on the wizard:
// its text is sent, the server never reads local files), optional
// credential (the vault's credentials that can sign calls in). A schema or
// base URL that is not http or https is refused here, before the server is
// asked. The display name shows the name until one is typed (an empty one
// is the name).
class ServiceDetailsPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit ServiceDetailsPage(ServiceWizard *wizard);
    bool isComplete() const override;
    // Next goes on only when complete (a refused URL never reaches the server).
    bool validatePage() override { return isComplete(); }
    void retranslateUi();
    void loadCredentials(client::ApiClient *client);

    // Reads `path` as the service's OpenAPI document (at most 16 MiB, as
    // the server reads); false, with the reason shown, when it cannot.
    bool loadDocument(const QString &path);
    // The document read from a file (empty: none; the schema URL is used).
    QString documentText() const { return m_documentText; }
    QString documentName() const { return m_documentName; }
    // The local file a drag carries, if it carries exactly one.
    static QString droppedFile(const QMimeData *mime);

    QLineEdit *name = nullptr;
    QLineEdit *displayName = nullptr;
    QLineEdit *description = nullptr;
    QLineEdit *baseUrl = nullptr;
    QLineEdit *schemaUrl = nullptr;
    QPushButton *importFile = nullptr;
    QLabel *urlState = nullptr;
    ServiceCredentialPicker *credential = nullptr;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void importFromFile();
    void showUrlState();
    void showDisplayNameHint();
    QString urlProblem() const;

    ServiceWizard *m_wizard = nullptr;
    QString m_documentText;
    QString m_documentName;
    QString m_documentError;
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
    // A local file dropped anywhere on the wizard: read as the document on
    // the details step, then probed, as Import from file does.
    void importDropped(const QString &path);

public slots:
    void accept() override;

protected:
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

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
