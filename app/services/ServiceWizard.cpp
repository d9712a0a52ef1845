#include "services/ServiceWizard.h"

#include "client/ApiClient.h"
#include "client/CredentialsApi.h"
#include "client/Within.h"
#include "credentials/CredentialText.h"
#include "services/ServiceCredentialPicker.h"
#include "services/ServiceText.h"
#include "widgets/AdminText.h"
#include "widgets/ByteSizeText.h"
#include "widgets/MessageBox.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QStyle>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace hm::app {

namespace {

// The largest document the server reads (server SchemaFetcher).
constexpr qint64 kSvcWizardMaxDocumentBytes = 16 * 1024 * 1024;

bool svcWizardIsHttpUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

// file:, ftp:, data: ... (not a URL still being typed as http://).
bool svcWizardHasOtherScheme(const QString &text)
{
    const QString scheme = QUrl(text.trimmed()).scheme();
    return !scheme.isEmpty() && scheme != QLatin1String("http") && scheme != QLatin1String("https");
}

// What the server accepts as a schema URL: a path under the base URL or
// an http(s) URL with a host.
bool svcWizardIsSchemaUrl(const QString &text)
{
    const QString t = text.trimmed();
    return t.isEmpty() || (t.startsWith(u'/') && QUrl(t).scheme().isEmpty()) ||
           svcWizardIsHttpUrl(t);
}

void svcWizardSetTone(QLabel *label, const QString &tone)
{
    label->setProperty("tone", tone);
    label->style()->unpolish(label);
    label->style()->polish(label);
}

} // namespace

ServiceDetailsPage::ServiceDetailsPage(ServiceWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard)
{
    setObjectName(QStringLiteral("services.wizard.details"));
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    name = new QLineEdit(this);
    name->setObjectName(QStringLiteral("services.wizard.name"));
    name->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[A-Za-z0-9_.-]{0,100}")), name));
    displayName = new QLineEdit(this);
    displayName->setObjectName(QStringLiteral("services.wizard.displayName"));
    description = new QLineEdit(this);
    description->setObjectName(QStringLiteral("services.wizard.description"));
    baseUrl = new QLineEdit(this);
    baseUrl->setObjectName(QStringLiteral("services.wizard.baseUrl"));
    schemaUrl = new QLineEdit(this);
    schemaUrl->setObjectName(QStringLiteral("services.wizard.schemaUrl"));
    importFile = new QPushButton(this);
    importFile->setObjectName(QStringLiteral("services.wizard.importFile"));
    connect(importFile, &QPushButton::clicked, this, &ServiceDetailsPage::importFromFile);
    auto *schemaRow = new QHBoxLayout;
    schemaRow->setContentsMargins(0, 0, 0, 0);
    schemaRow->addWidget(schemaUrl, 1);
    schemaRow->addWidget(importFile);
    urlState = new QLabel(this);
    urlState->setObjectName(QStringLiteral("services.wizard.urlState"));
    urlState->setWordWrap(true);
    urlState->hide();
    credential = new ServiceCredentialPicker(this);
    credential->setObjectName(QStringLiteral("services.wizard.credential"));
    connect(credential, &ServiceCredentialPicker::loaded, this, &ServiceDetailsPage::retranslateUi);
    m_credentialState = new QLabel(this);
    m_credentialState->setObjectName(QStringLiteral("services.wizard.credentialState"));
    m_credentialState->setProperty("hmStyle", QStringLiteral("muted"));
    m_nameLabel = new QLabel(this);
    m_displayNameLabel = new QLabel(this);
    m_descriptionLabel = new QLabel(this);
    m_baseUrlLabel = new QLabel(this);
    m_schemaUrlLabel = new QLabel(this);
    m_credentialLabel = new QLabel(this);
    form->addRow(m_nameLabel, name);
    form->addRow(m_displayNameLabel, displayName);
    form->addRow(m_descriptionLabel, description);
    form->addRow(m_baseUrlLabel, baseUrl);
    form->addRow(m_schemaUrlLabel, schemaRow);
    form->addRow(QString(), urlState);
    form->addRow(m_credentialLabel, credential);
    form->addRow(QString(), m_credentialState);
    for (QLineEdit *edit : {name, baseUrl, schemaUrl})
        connect(edit, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    for (QLineEdit *edit : {baseUrl, schemaUrl})
        connect(edit, &QLineEdit::textChanged, this, &ServiceDetailsPage::showUrlState);
    // A schema URL typed after an import replaces the document.
    connect(schemaUrl, &QLineEdit::textEdited, this, [this] {
        m_documentText.clear();
        m_documentName.clear();
        m_documentError.clear();
        showUrlState();
        emit completeChanged();
    });
    // The display name shows the name as a hint, never as text of its own:
    // typing into it starts from empty, and once typed it stays as typed
    // (an empty display name is the name).
    connect(name, &QLineEdit::textChanged, this, &ServiceDetailsPage::showDisplayNameHint);
    // A file dropped on a field is the document, not text for the field.
    for (QLineEdit *edit : {name, displayName, description, baseUrl, schemaUrl})
        edit->installEventFilter(this);
}

QString ServiceDetailsPage::urlProblem() const
{
    if (svcWizardHasOtherScheme(baseUrl->text()))
        return tr("The base URL must be an http or https address: the server calls nothing "
                  "else.");
    if (m_documentText.isEmpty() && !svcWizardIsSchemaUrl(schemaUrl->text()))
        return tr("The server reads only http and https URLs, or a path under the base URL "
                  "(starting with \"/\"). For a document on this computer, use Import from "
                  "file... or drop the file here.");
    return {};
}

bool ServiceDetailsPage::isComplete() const
{
    return !name->text().trimmed().isEmpty() && svcWizardIsHttpUrl(baseUrl->text()) &&
           urlProblem().isEmpty();
}

void ServiceDetailsPage::showUrlState()
{
    const QString problem = urlProblem();
    if (!problem.isEmpty()) {
        urlState->setText(problem);
        svcWizardSetTone(urlState, QStringLiteral("bad"));
    } else if (!m_documentError.isEmpty()) {
        urlState->setText(m_documentError);
        svcWizardSetTone(urlState, QStringLiteral("bad"));
    } else if (!m_documentText.isEmpty()) {
        urlState->setText(
            tr("The OpenAPI document is read from the file %1 (%2). Type a schema "
               "URL to use it instead.")
                .arg(m_documentName, ByteSizeText::format(m_documentText.toUtf8().size())));
        svcWizardSetTone(urlState, QStringLiteral("good"));
    } else {
        urlState->clear();
    }
    urlState->setVisible(!urlState->text().isEmpty());
}

void ServiceDetailsPage::showDisplayNameHint()
{
    const QString text = name->text().trimmed();
    displayName->setPlaceholderText(text.isEmpty() ? tr("optional; the name when empty") : text);
}

QString ServiceDetailsPage::droppedFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    const QList<QUrl> urls = mime->urls();
    if (urls.size() != 1 || !urls.constFirst().isLocalFile())
        return {};
    return urls.constFirst().toLocalFile();
}

bool ServiceDetailsPage::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (droppedFile(drag->mimeData()).isEmpty())
            break;
        drag->acceptProposedAction();
        return true;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QString path = droppedFile(drop->mimeData());
        if (path.isEmpty())
            break;
        drop->acceptProposedAction();
        m_wizard->importDropped(path);
        return true;
    }
    default:
        break;
    }
    return QWizardPage::eventFilter(watched, event);
}

void ServiceDetailsPage::importFromFile()
{
    QFileDialog dialog(this, tr("Import OpenAPI document"));
    dialog.setObjectName(QStringLiteral("services.wizard.importFileDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    dialog.setFileMode(QFileDialog::ExistingFile);
    dialog.setNameFilters({tr("OpenAPI documents (*.json *.yaml *.yml)"), tr("All files (*)")});
    if (DialogSeam::exec(&dialog) != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    // As a drop: read, then straight on to the probe when the rest is there.
    m_wizard->importDropped(dialog.selectedFiles().constFirst());
}

bool ServiceDetailsPage::loadDocument(const QString &path)
{
    m_documentText.clear();
    m_documentName.clear();
    m_documentError.clear();
    const QString shown = QFileInfo(path).fileName();
    QFile file(path);
    QByteArray bytes;
    if (!file.open(QIODevice::ReadOnly))
        m_documentError = tr("%1 could not be read: %2").arg(shown, file.errorString());
    else if ((bytes = file.read(kSvcWizardMaxDocumentBytes + 1)).size() >
             kSvcWizardMaxDocumentBytes)
        m_documentError = tr("%1 is larger than the server reads (16 MiB).").arg(shown);
    else if (bytes.trimmed().isEmpty())
        m_documentError = tr("%1 is empty.").arg(shown);
    if (m_documentError.isEmpty()) {
        m_documentText = QString::fromUtf8(bytes);
        m_documentName = shown;
        schemaUrl->clear();
    }
    showUrlState();
    emit completeChanged();
    return m_documentError.isEmpty();
}

void ServiceDetailsPage::loadCredentials(client::ApiClient *client)
{
    credential->load(client);
}

void ServiceDetailsPage::retranslateUi()
{
    setTitle(tr("The service"));
    setSubTitle(tr("Where the service answers. Its OpenAPI document is looked for at the usual "
                   "paths under the base URL unless you give its URL."));
    m_nameLabel->setText(tr("&Name:"));
    m_nameLabel->setBuddy(name);
    m_displayNameLabel->setText(tr("&Display name:"));
    m_displayNameLabel->setBuddy(displayName);
    m_descriptionLabel->setText(tr("D&escription:"));
    m_descriptionLabel->setBuddy(description);
    m_baseUrlLabel->setText(tr("&Base URL:"));
    m_baseUrlLabel->setBuddy(baseUrl);
    m_schemaUrlLabel->setText(tr("&Schema URL:"));
    m_schemaUrlLabel->setBuddy(schemaUrl);
    m_credentialLabel->setText(tr("&Credential:"));
    m_credentialLabel->setBuddy(credential);
    name->setPlaceholderText(tr("unique; letters, digits, - _ ."));
    baseUrl->setPlaceholderText(QStringLiteral("https://api.example.com/v1"));
    schemaUrl->setPlaceholderText(
        tr("optional: %1 or an absolute URL").arg(QStringLiteral("/openapi.json")));
    importFile->setText(tr("&Import from file..."));
    importFile->setToolTip(tr("Read a local OpenAPI document (JSON or YAML) and send its text "
                              "to the server; you can also drop the file on this window."));
    description->setPlaceholderText(tr("optional"));
    showDisplayNameHint();
    showUrlState();
    if (!credential->errorText().isEmpty())
        m_credentialState->setText(
            tr("The credentials could not be read: %1").arg(credential->errorText()));
    else
        m_credentialState->setText(
            tr("Injected into every call: user name and password, bearer token, API key or "
               "OAuth2 credentials."));
}

ServiceProbePage::ServiceProbePage(ServiceWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    setObjectName(QStringLiteral("services.wizard.probe"));
    auto *layout = new QVBoxLayout(this);
    state = new QLabel(this);
    state->setObjectName(QStringLiteral("services.wizard.probeState"));
    state->setWordWrap(true);
    state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(state);
    source = new QLabel(this);
    source->setObjectName(QStringLiteral("services.wizard.source"));
    source->setWordWrap(true);
    source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    source->setProperty("hmStyle", QStringLiteral("muted"));
    layout->addWidget(source);
    endpoints = new QTreeWidget(this);
    endpoints->setObjectName(QStringLiteral("services.wizard.endpoints"));
    endpoints->setRootIsDecorated(false);
    endpoints->setUniformRowHeights(true);
    endpoints->setAlternatingRowColors(true);
    endpoints->setColumnCount(3);
    endpoints->header()->setStretchLastSection(true);
    layout->addWidget(endpoints, 1);
    manual = new QCheckBox(this);
    manual->setObjectName(QStringLiteral("services.wizard.manual"));
    manual->hide();
    connect(manual, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
    layout->addWidget(manual);
}

void ServiceProbePage::initializePage()
{
    probe();
}

void ServiceProbePage::cleanupPage()
{
    ++m_generation;
    m_probing = false;
}

bool ServiceProbePage::withoutDocument() const
{
    return !m_preview && m_error.has_value() && manual->isChecked();
}

bool ServiceProbePage::isComplete() const
{
    if (m_probing || m_wizard->isSaving())
        return false;
    return m_preview.has_value() || (manual->isChecked() && m_error.has_value());
}

void ServiceProbePage::probe()
{
    client::ApiClient *client = m_wizard->client();
    if (!client)
        return;
    const quint64 generation = ++m_generation;
    m_probing = true;
    m_preview.reset();
    m_error.reset();
    manual->setChecked(false);
    showPreview();
    const ServiceDetailsPage *details = m_wizard->detailsPage();
    auto done = client::within(this, [this, generation](Result<client::ServicePreview> r) {
        if (generation != m_generation)
            return;
        m_probing = false;
        if (r)
            m_preview = *r;
        else
            m_error = r.error();
        showPreview();
    });
    const QString base = details->baseUrl->text().trimmed();
    if (!details->documentText().isEmpty())
        client::ServicesApi(*client).previewDocument(base, details->documentText(),
                                                     std::move(done));
    else
        client::ServicesApi(*client).preview(base, details->schemaUrl->text().trimmed(),
                                             std::move(done));
}

void ServiceProbePage::showSaveError(const QString &text)
{
    state->setText(text);
    svcWizardSetTone(state, QStringLiteral("bad"));
    emit completeChanged();
}

void ServiceProbePage::showPreview()
{
    endpoints->clear();
    endpoints->setHeaderLabels({tr("Method"), tr("Path"), tr("Summary")});
    manual->setText(tr("Register it without a document; I will add the endpoints by hand"));
    manual->setVisible(m_error.has_value());
    endpoints->setVisible(!m_error.has_value());
    if (m_probing) {
        state->setText(tr("Looking for the OpenAPI document..."));
        svcWizardSetTone(state, QString());
        source->clear();
    } else if (m_preview) {
        state->setText(
            tr("Found a document with %n endpoint(s) to import.", "", m_preview->endpointCount));
        svcWizardSetTone(state, QStringLiteral("good"));
        const QString title = m_preview->schema.value(QStringLiteral("title")).toString();
        const QString version = m_preview->schema.value(QStringLiteral("version")).toString();
        // spec_version; servers before the naming rule said specVersion.
        const QString spec =
            m_preview->schema.value(QStringLiteral("spec_version"))
                .toString(m_preview->schema.value(QStringLiteral("specVersion")).toString());
        const QString from = m_preview->schemaSource.isEmpty()
                                 ? tr("the file %1").arg(m_wizard->detailsPage()->documentName())
                                 : m_preview->schemaSource;
        source->setText(tr("Read from %1\n%2 %3 (OpenAPI %4)").arg(from, title, version, spec));
        for (const client::ServiceEndpoint &e : std::as_const(m_preview->endpoints))
            new QTreeWidgetItem(endpoints,
                                {e.method, e.path, e.summary.isEmpty() ? e.name : e.summary});
        for (int column = 0; column < 2; ++column)
            endpoints->resizeColumnToContents(column);
    } else if (m_error) {
        state->setText(tr("No document: %1").arg(ServiceText::error(*m_error, m_wizard->role())));
        svcWizardSetTone(state, QStringLiteral("bad"));
        source->setText(m_wizard->detailsPage()->documentText().isEmpty()
                            ? tr("Go back to correct the base URL or give the schema URL.")
                            : tr("Go back to import another file or give the schema URL."));
    }
    emit completeChanged();
}

void ServiceProbePage::retranslateUi()
{
    setTitle(tr("Probe"));
    setSubTitle(tr("What the server finds at the service, before anything is saved."));
    if (m_probing || m_preview || m_error)
        showPreview();
}

ServiceWizard::ServiceWizard(client::ApiClient *client, const QString &role, QWidget *parent)
    : QWizard(parent), m_client(client), m_role(role)
{
    setObjectName(QStringLiteral("services.wizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    m_details = new ServiceDetailsPage(this);
    m_probe = new ServiceProbePage(this);
    addPage(m_details);
    addPage(m_probe);
    m_details->loadCredentials(client);
    resize(720, 520);
    setAcceptDrops(true);
    retranslateUi();
}

void ServiceWizard::dragEnterEvent(QDragEnterEvent *event)
{
    if (!m_saving && !ServiceDetailsPage::droppedFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ServiceWizard::dragMoveEvent(QDragMoveEvent *event)
{
    if (!m_saving && !ServiceDetailsPage::droppedFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ServiceWizard::dropEvent(QDropEvent *event)
{
    const QString path = ServiceDetailsPage::droppedFile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    importDropped(path);
}

void ServiceWizard::importDropped(const QString &path)
{
    if (m_saving)
        return;
    for (int step = 0; step < pageIds().size() && currentPage() && currentPage() != m_details;
         ++step)
        back();
    if (m_details->loadDocument(path) && m_details->isComplete())
        next();
}

void ServiceWizard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizard::changeEvent(event);
}

void ServiceWizard::retranslateUi()
{
    setWindowTitle(tr("New service"));
    setButtonText(QWizard::NextButton, tr("&Probe >"));
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::FinishButton, tr("&Register"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
    m_details->retranslateUi();
    m_probe->retranslateUi();
}

void ServiceWizard::accept()
{
    if (!m_client || m_saving || !m_probe->isComplete())
        return;
    const ServiceDetailsPage *d = m_details;
    client::NewService service;
    service.name = d->name->text().trimmed();
    service.displayName = d->displayName->text().trimmed();
    service.description = d->description->text().trimmed();
    service.baseUrl = d->baseUrl->text().trimmed();
    service.schemaUrl = d->schemaUrl->text().trimmed();
    service.credentialId = d->credential->currentData().toString();
    if (m_probe->withoutDocument())
        service.endpoints = QJsonArray();
    else
        service.document = d->documentText(); // empty: the schema URL or the usual paths
    m_saving = true;
    m_probe->showSaveError(tr("Registering..."));
    svcWizardSetTone(m_probe->state, QString());
    client::ServicesApi(*m_client).create(
        service, client::within(this, [this](Result<client::ServiceInfo> r) {
            m_saving = false;
            if (!r) {
                m_probe->showSaveError(tr("The service was not registered: %1")
                                           .arg(ServiceText::error(r.error(), m_role)));
                return;
            }
            m_service = *r;
            QWizard::accept();
        }));
}

} // namespace hm::app
