#include "services/EndpointDialog.h"

#include "client/ApiClient.h"
#include "client/Within.h"
#include "services/ServiceText.h"
#include "widgets/Retranslate.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace hm::app {

EndpointDialog::EndpointDialog(client::ApiClient *client, const client::ServiceInfo &service,
                               const QString &role, QWidget *parent)
    : QDialog(parent), m_client(client), m_service(service), m_role(role)
{
    setObjectName(QStringLiteral("services.endpointDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout();
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("services.endpoint.method"));
    for (const char *method : {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})
        m_method->addItem(QString::fromLatin1(method));
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("services.endpoint.path"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("services.endpoint.name"));
    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("services.endpoint.description"));
    m_query = new QLineEdit(this);
    m_query->setObjectName(QStringLiteral("services.endpoint.query"));
    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(QStringLiteral("services.endpoint.body"));
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_body->setTabChangesFocus(true);
    m_methodLabel = new QLabel(this);
    m_pathLabel = new QLabel(this);
    m_nameLabel = new QLabel(this);
    m_descriptionLabel = new QLabel(this);
    m_queryLabel = new QLabel(this);
    m_bodyLabel = new QLabel(this);
    form->addRow(m_methodLabel, m_method);
    form->addRow(m_pathLabel, m_path);
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_descriptionLabel, m_description);
    form->addRow(m_queryLabel, m_query);
    form->addRow(m_bodyLabel, m_body);
    layout->addLayout(form, 1);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("services.endpoint.error"));
    m_error->setWordWrap(true);
    m_error->setProperty("tone", QStringLiteral("bad"));
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("services.endpoint.ok"));
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_ok, &QPushButton::clicked, this, &EndpointDialog::save);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_path, &QLineEdit::textChanged, this, &EndpointDialog::updateOk);
    resize(620, 480);
    retranslateUi();
    updateOk();
}

void EndpointDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void EndpointDialog::retranslateUi()
{
    setWindowTitle(tr("Add endpoint to %1").arg(m_service.name));
    m_methodLabel->setText(tr("&Method:"));
    m_methodLabel->setBuddy(m_method);
    m_pathLabel->setText(tr("&Path:"));
    m_pathLabel->setBuddy(m_path);
    m_nameLabel->setText(tr("&Name:"));
    m_nameLabel->setBuddy(m_name);
    m_descriptionLabel->setText(tr("D&escription:"));
    m_descriptionLabel->setBuddy(m_description);
    m_queryLabel->setText(tr("&Query parameters:"));
    m_queryLabel->setBuddy(m_query);
    m_bodyLabel->setText(tr("Request &body schema:"));
    m_bodyLabel->setBuddy(m_body);
    m_path->setPlaceholderText(tr("%1: each {placeholder} is a required path parameter")
                                   .arg(QStringLiteral("/users/{id}")));
    m_name->setPlaceholderText(tr("optional; default: method and path"));
    m_description->setPlaceholderText(tr("optional"));
    m_query->setPlaceholderText(
        tr("optional, e.g. %1").arg(QStringLiteral("limit:integer, q:string, verbose:boolean")));
    m_body->setPlaceholderText(
        tr("optional JSON Schema, e.g. {\"type\": \"object\", \"properties\": {...}}"));
    m_ok->setText(tr("Add"));
    m_cancel->setText(tr("Cancel"));
}

void EndpointDialog::updateOk()
{
    m_ok->setEnabled(!m_saving && m_path->text().trimmed().startsWith(u'/'));
}

void EndpointDialog::save()
{
    if (!m_client || m_saving)
        return;
    const auto fail = [this](const QString &text) {
        m_error->setText(text);
        m_error->show();
    };
    QJsonObject endpoint{{QStringLiteral("method"), m_method->currentText()},
                         {QStringLiteral("path"), m_path->text().trimmed()}};
    if (!m_name->text().trimmed().isEmpty())
        endpoint.insert(QStringLiteral("name"), m_name->text().trimmed());
    if (!m_description->text().trimmed().isEmpty())
        endpoint.insert(QStringLiteral("description"), m_description->text().trimmed());
    QJsonObject properties;
    const QStringList kTypes{QStringLiteral("string"), QStringLiteral("integer"),
                             QStringLiteral("number"), QStringLiteral("boolean")};
    for (const QString &part : m_query->text().split(u',', Qt::SkipEmptyParts)) {
        const QString name = part.section(u':', 0, 0).trimmed();
        QString type = part.section(u':', 1).trimmed().toLower();
        if (type.isEmpty())
            type = QStringLiteral("string");
        if (name.isEmpty() || !kTypes.contains(type))
            return fail(
                tr("\"%1\" is not a query parameter: write name:type with type one of %2.")
                    .arg(part.trimmed(), QStringLiteral("string, integer, number, boolean")));
        properties.insert(name, QJsonObject{{QStringLiteral("type"), type}});
    }
    if (!properties.isEmpty())
        endpoint.insert(QStringLiteral("query_params"),
                        QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                    {QStringLiteral("properties"), properties}});
    const QString body = m_body->toPlainText().trimmed();
    if (!body.isEmpty()) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(body.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return fail(tr("The body schema is not a JSON object: %1").arg(error.errorString()));
        endpoint.insert(QStringLiteral("request_body"), doc.object());
    }
    m_error->hide();
    m_saving = true;
    updateOk();
    client::ServicesApi(*m_client).addEndpoint(
        m_service.id, endpoint,
        client::within(this, [this, fail](Result<client::ServiceEndpoint> r) {
            m_saving = false;
            updateOk();
            if (!r)
                return fail(tr("The endpoint was not added: %1")
                                .arg(ServiceText::error(r.error(), m_role)));
            m_endpoint = *r;
            accept();
        }));
}

} // namespace hm::app
