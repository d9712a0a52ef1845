#include "services/ServiceEditDialog.h"

#include "client/ApiClient.h"
#include "client/Within.h"
#include "services/ServiceCredentialPicker.h"
#include "services/ServiceText.h"
#include "widgets/FieldError.h"
#include "widgets/Retranslate.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QUrl>
#include <QVBoxLayout>

namespace hm::app {

namespace {

bool svcEditIsHttpUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

} // namespace

ServiceEditDialog::ServiceEditDialog(client::ApiClient *client, const client::ServiceInfo &service,
                                     const QString &role, QWidget *parent)
    : QDialog(parent), m_client(client), m_service(service), m_role(role)
{
    setObjectName(QStringLiteral("serviceEdit.dialog"));
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("serviceEdit.intro"));
    m_intro->setWordWrap(true);
    m_intro->setProperty("hmStyle", QStringLiteral("muted"));
    layout->addWidget(m_intro);
    auto *form = new QFormLayout();
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_name =
        new QLineEdit(service.displayName.isEmpty() ? service.name : service.displayName, this);
    m_name->setObjectName(QStringLiteral("serviceEdit.name"));
    m_description = new QLineEdit(service.description, this);
    m_description->setObjectName(QStringLiteral("serviceEdit.description"));
    m_baseUrl = new QLineEdit(service.baseUrl, this);
    m_baseUrl->setObjectName(QStringLiteral("serviceEdit.baseUrl"));
    m_schemaUrl = new QLineEdit(service.schemaUrl, this);
    m_schemaUrl->setObjectName(QStringLiteral("serviceEdit.schemaUrl"));
    m_credential = new ServiceCredentialPicker(this);
    m_credential->setObjectName(QStringLiteral("serviceEdit.credential"));
    m_credentialState = new QLabel(this);
    m_credentialState->setObjectName(QStringLiteral("serviceEdit.credentialState"));
    m_credentialState->setWordWrap(true);
    m_credentialState->setProperty("hmStyle", QStringLiteral("muted"));
    m_credentialState->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_nameLabel = new QLabel(this);
    m_descriptionLabel = new QLabel(this);
    m_baseUrlLabel = new QLabel(this);
    m_schemaUrlLabel = new QLabel(this);
    m_credentialLabel = new QLabel(this);
    const auto addField = [&](QLabel *label, QWidget *field, const QString &serverField,
                              const char *errorName) {
        form->addRow(label, field);
        QLabel *error = createFieldError(this, QString::fromLatin1(errorName));
        // As wide as the field (a wrapped label is narrow otherwise).
        error->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        form->addRow(QString(), error);
        form->setRowVisible(error, false); // no gap until there is something to say
        m_fieldErrors.insert(serverField, error);
    };
    addField(m_nameLabel, m_name, QStringLiteral("display_name"), "serviceEdit.nameError");
    addField(m_descriptionLabel, m_description, QStringLiteral("description"),
             "serviceEdit.descriptionError");
    addField(m_baseUrlLabel, m_baseUrl, QStringLiteral("base_url"), "serviceEdit.baseUrlError");
    addField(m_schemaUrlLabel, m_schemaUrl, QStringLiteral("schema_url"),
             "serviceEdit.schemaUrlError");
    form->addRow(m_credentialLabel, m_credential);
    form->addRow(QString(), m_credentialState);
    QLabel *credentialError = createFieldError(this, QStringLiteral("serviceEdit.credentialError"));
    credentialError->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    form->addRow(QString(), credentialError);
    form->setRowVisible(credentialError, false);
    m_fieldErrors.insert(QStringLiteral("credential_id"), credentialError);
    layout->addLayout(form);
    layout->addStretch(1);
    m_error = createFieldError(this, QStringLiteral("serviceEdit.error"));
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("serviceEdit.save"));
    m_save->setDefault(true);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("serviceEdit.cancel"));
    connect(m_save, &QPushButton::clicked, this, &ServiceEditDialog::save);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    layout->addWidget(buttons);
    for (QLineEdit *edit : {m_name, m_description, m_baseUrl, m_schemaUrl})
        connect(edit, &QLineEdit::textChanged, this, &ServiceEditDialog::updateSave);
    connect(m_credential, &QComboBox::currentIndexChanged, this, &ServiceEditDialog::updateSave);
    connect(m_credential, &ServiceCredentialPicker::loaded, this, [this] {
        retranslateUi();
        updateSave();
    });
    m_credential->load(client, service.credentialId);
    resize(640, 420);
    retranslateUi();
    updateSave();
}

void ServiceEditDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void ServiceEditDialog::retranslateUi()
{
    setWindowTitle(tr("Edit service %1").arg(m_service.name));
    m_intro->setText(tr("Flows and the audit log know the service as \"%1\"; that name stays. "
                        "Changing the base URL or the schema URL does not read the document "
                        "again: use Refresh schema afterwards.")
                         .arg(m_service.name));
    m_nameLabel->setText(tr("&Name:"));
    m_nameLabel->setBuddy(m_name);
    m_descriptionLabel->setText(tr("D&escription:"));
    m_descriptionLabel->setBuddy(m_description);
    m_baseUrlLabel->setText(tr("&Base URL:"));
    m_baseUrlLabel->setBuddy(m_baseUrl);
    m_schemaUrlLabel->setText(tr("&Schema URL:"));
    m_schemaUrlLabel->setBuddy(m_schemaUrl);
    m_credentialLabel->setText(tr("&Credential:"));
    m_credentialLabel->setBuddy(m_credential);
    m_name->setPlaceholderText(tr("shown in lists and the flow editor"));
    m_description->setPlaceholderText(tr("optional"));
    m_baseUrl->setPlaceholderText(QStringLiteral("https://api.example.com/v1"));
    m_schemaUrl->setPlaceholderText(
        tr("optional: %1 or an absolute URL").arg(QStringLiteral("/openapi.json")));
    if (m_credential->isLoading())
        m_credentialState->setText(tr("Reading the credentials..."));
    else if (!m_credential->errorText().isEmpty())
        m_credentialState->setText(
            tr("The credentials could not be read: %1").arg(m_credential->errorText()));
    else
        m_credentialState->setText(tr("Injected into every call the service's endpoints make."));
    m_save->setText(tr("Save"));
    m_cancel->setText(tr("Cancel"));
}

QJsonObject ServiceEditDialog::changes() const
{
    QJsonObject body;
    const QString name = m_name->text().trimmed();
    if (name != (m_service.displayName.isEmpty() ? m_service.name : m_service.displayName))
        body.insert(QStringLiteral("display_name"), name);
    if (m_description->text().trimmed() != m_service.description)
        body.insert(QStringLiteral("description"), m_description->text().trimmed());
    if (m_baseUrl->text().trimmed() != m_service.baseUrl)
        body.insert(QStringLiteral("base_url"), m_baseUrl->text().trimmed());
    if (m_schemaUrl->text().trimmed() != m_service.schemaUrl)
        body.insert(QStringLiteral("schema_url"), m_schemaUrl->text().trimmed());
    // Not before the list is in: the picker says None until then.
    if (!m_credential->isLoading() && m_credential->selectedId() != m_service.credentialId)
        body.insert(QStringLiteral("credential_id"), m_credential->selectedId().isEmpty()
                                                         ? QJsonValue()
                                                         : QJsonValue(m_credential->selectedId()));
    return body;
}

void ServiceEditDialog::updateSave()
{
    // The base URL is checked here as the wizard does; everything else,
    // and the base URL's finer rules, by the server.
    m_save->setEnabled(!m_saving && !m_credential->isLoading() &&
                       svcEditIsHttpUrl(m_baseUrl->text()) && !changes().isEmpty());
}

void ServiceEditDialog::clearErrors()
{
    for (QLabel *label : std::as_const(m_fieldErrors))
        setFieldError(label, {});
    setFieldError(m_error, {});
}

void ServiceEditDialog::showError(const hm::Error &error)
{
    const QString field = error.details.value(QStringLiteral("field")).toString();
    QLabel *label = m_fieldErrors.value(field, m_error);
    if (label == m_error)
        setFieldError(label,
                      tr("The service was not saved: %1").arg(ServiceText::error(error, m_role)));
    else // the server's words about that field, under it
        setFieldError(label, ServiceText::fieldError(error, m_role));
    if (field == QLatin1String("display_name"))
        m_name->setFocus();
    else if (field == QLatin1String("description"))
        m_description->setFocus();
    else if (field == QLatin1String("base_url"))
        m_baseUrl->setFocus();
    else if (field == QLatin1String("schema_url"))
        m_schemaUrl->setFocus();
    else if (field == QLatin1String("credential_id"))
        m_credential->setFocus();
}

void ServiceEditDialog::save()
{
    if (!m_client || m_saving)
        return;
    const QJsonObject body = changes();
    if (body.isEmpty())
        return;
    clearErrors();
    m_saving = true;
    updateSave();
    client::ServicesApi(*m_client).update(
        m_service.id, body, client::within(this, [this](Result<client::ServiceInfo> r) {
            m_saving = false;
            updateSave();
            if (!r)
                return showError(r.error());
            m_service = *r;
            accept();
        }));
}

} // namespace hm::app
