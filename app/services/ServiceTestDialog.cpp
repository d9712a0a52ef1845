#include "services/ServiceTestDialog.h"

#include "client/ApiClient.h"
#include "client/Within.h"
#include "services/ServiceText.h"
#include "widgets/Retranslate.h"
#include "widgets/SeparatedList.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleValidator>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QIntValidator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hm::app {

namespace {

void svcTestSetTone(QLabel *label, const QString &tone)
{
    label->setProperty("tone", tone);
    label->style()->unpolish(label);
    label->style()->polish(label);
}

// A body to start from: the schema's properties with empty values.
QJsonValue svcTestSkeleton(const QJsonObject &schema, int depth = 0)
{
    const QString type = schema.value(QStringLiteral("type")).toString();
    if (depth > 6)
        return QJsonValue();
    if (type == QLatin1String("object") || schema.contains(QStringLiteral("properties"))) {
        QJsonObject out;
        const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
        for (auto it = properties.begin(); it != properties.end(); ++it)
            out.insert(it.key(), svcTestSkeleton(it.value().toObject(), depth + 1));
        return out;
    }
    if (type == QLatin1String("array"))
        return QJsonArray();
    if (type == QLatin1String("integer") || type == QLatin1String("number"))
        return 0;
    if (type == QLatin1String("boolean"))
        return false;
    if (type == QLatin1String("string"))
        return QString();
    return QJsonValue();
}

QString svcTestPretty(const QString &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || doc.isNull())
        return body;
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

} // namespace

ServiceTestDialog::ServiceTestDialog(client::ApiClient *client, const client::ServiceInfo &service,
                                     const QString &role, QWidget *parent)
    : QDialog(parent), m_client(client), m_service(service), m_role(role)
{
    setObjectName(QStringLiteral("services.testDialog"));
    for (const client::ServiceEndpoint &e : service.endpoints) {
        if (!e.isRemoved())
            m_endpoints << e;
    }
    auto *layout = new QVBoxLayout(this);
    auto *top = new QFormLayout();
    m_endpointLabel = new QLabel(this);
    m_endpoint = new QComboBox(this);
    m_endpoint->setObjectName(QStringLiteral("services.test.endpoint"));
    m_endpoint->addItem(QString(), QString());
    for (const client::ServiceEndpoint &e : std::as_const(m_endpoints))
        m_endpoint->addItem(e.summary.isEmpty() ? QString(e.method + u' ' + e.path)
                                                : QString(e.method + u' ' + e.path +
                                                          QStringLiteral(" — ") + e.summary),
                            e.id);
    m_endpointLabel->setBuddy(m_endpoint);
    top->addRow(m_endpointLabel, m_endpoint);
    layout->addLayout(top);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *input = new QWidget(splitter);
    auto *inputLayout = new QVBoxLayout(input);
    inputLayout->setContentsMargins(0, 0, 0, 0);
    m_paramsTitle = new QLabel(input);
    m_paramsTitle->setProperty("hmStyle", QStringLiteral("muted"));
    inputLayout->addWidget(m_paramsTitle);
    m_paramsBox = new QWidget(input);
    m_paramsBox->setObjectName(QStringLiteral("services.test.parameters"));
    m_params = new QFormLayout(m_paramsBox);
    m_params->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_params->setContentsMargins(0, 0, 0, 0);
    inputLayout->addWidget(m_paramsBox);
    m_bodyLabel = new QLabel(input);
    inputLayout->addWidget(m_bodyLabel);
    m_body = new QPlainTextEdit(input);
    m_body->setObjectName(QStringLiteral("services.test.body"));
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_body->setTabChangesFocus(true);
    inputLayout->addWidget(m_body, 1);
    m_inputError = new QLabel(input);
    m_inputError->setObjectName(QStringLiteral("services.test.inputError"));
    m_inputError->setWordWrap(true);
    svcTestSetTone(m_inputError, QStringLiteral("bad"));
    inputLayout->addWidget(m_inputError);

    auto *output = new QWidget(splitter);
    auto *outputLayout = new QVBoxLayout(output);
    outputLayout->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel(output);
    m_status->setObjectName(QStringLiteral("services.test.status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outputLayout->addWidget(m_status);
    auto *answer = new QSplitter(Qt::Horizontal, output);
    m_headers = new QTableWidget(0, 2, answer);
    m_headers->setObjectName(QStringLiteral("services.test.headers"));
    m_headers->verticalHeader()->hide();
    m_headers->verticalHeader()->setDefaultSectionSize(m_headers->fontMetrics().height() + 6);
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_headers->setWordWrap(false);
    m_response = new QPlainTextEdit(answer);
    m_response->setObjectName(QStringLiteral("services.test.response"));
    m_response->setReadOnly(true);
    m_response->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    answer->setStretchFactor(0, 2);
    answer->setStretchFactor(1, 3);
    outputLayout->addWidget(answer, 1);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_send = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_send->setObjectName(QStringLiteral("services.test.send"));
    m_send->setProperty("primary", true);
    m_send->setDefault(true);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("services.test.close"));
    connect(m_send, &QPushButton::clicked, this, &ServiceTestDialog::send);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_endpoint, &QComboBox::currentIndexChanged, this, &ServiceTestDialog::buildForm);
    if (!m_endpoints.isEmpty())
        m_endpoint->setCurrentIndex(1);
    resize(900, 680);
    retranslateUi();
}

void ServiceTestDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void ServiceTestDialog::retranslateUi()
{
    setWindowTitle(
        tr("Test call to %1")
            .arg(m_service.displayName.isEmpty() ? m_service.name : m_service.displayName));
    m_endpointLabel->setText(tr("&Endpoint:"));
    m_endpoint->setItemText(0, tr("GET the base URL (%1)").arg(m_service.baseUrl));
    m_bodyLabel->setText(tr("Request &body (JSON):"));
    m_bodyLabel->setBuddy(m_body);
    m_body->setPlaceholderText(tr("No body is sent while this is empty."));
    m_send->setText(tr("&Send"));
    m_close->setText(tr("Close"));
    m_headers->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    buildForm();
    showResult();
}

const client::ServiceEndpoint *ServiceTestDialog::current() const
{
    const QString id = m_endpoint->currentData().toString();
    for (const client::ServiceEndpoint &e : m_endpoints) {
        if (e.id == id)
            return &e;
    }
    return nullptr;
}

bool ServiceTestDialog::selectEndpoint(const QString &endpointId)
{
    const int index = m_endpoint->findData(endpointId);
    if (index < 0)
        return false;
    m_endpoint->setCurrentIndex(index);
    return true;
}

QWidget *ServiceTestDialog::parameterEditor(const QString &in, const QString &name) const
{
    return m_paramsBox->findChild<QWidget *>(
        QStringLiteral("services.test.param.%1.%2").arg(in, name));
}

void ServiceTestDialog::buildForm()
{
    // Keep what was typed across a language switch.
    QHash<QString, QString> typed;
    for (QLineEdit *edit : m_paramsBox->findChildren<QLineEdit *>())
        typed.insert(edit->objectName(), edit->text());
    QHash<QString, int> picked;
    for (QComboBox *box : m_paramsBox->findChildren<QComboBox *>())
        picked.insert(box->objectName(), box->currentIndex());
    while (m_params->rowCount() > 0)
        m_params->removeRow(0);
    const client::ServiceEndpoint *e = current();
    int count = 0;
    if (e) {
        for (const QJsonValue &value : e->parameters) {
            const QJsonObject p = value.toObject();
            const QString in = p.value(QStringLiteral("in")).toString();
            if (in == QLatin1String("cookie"))
                continue; // the test route sends path, query and header values
            const QString name = p.value(QStringLiteral("name")).toString();
            const QJsonObject schema = p.value(QStringLiteral("schema")).toObject();
            const QString type = schema.value(QStringLiteral("type")).toString();
            const bool required = p.value(QStringLiteral("required")).toBool();
            const QString objectName = QStringLiteral("services.test.param.%1.%2").arg(in, name);
            QWidget *editor = nullptr;
            const QJsonArray choices = schema.value(QStringLiteral("enum")).toArray();
            if (type == QLatin1String("boolean") || !choices.isEmpty()) {
                auto *box = new QComboBox(m_paramsBox);
                box->addItem(required ? tr("(choose)") : tr("(not sent)"),
                             QJsonValue().toVariant());
                if (type == QLatin1String("boolean")) {
                    box->addItem(QStringLiteral("true"), true);
                    box->addItem(QStringLiteral("false"), false);
                } else {
                    for (const QJsonValue &choice : choices)
                        box->addItem(choice.toVariant().toString(), choice.toVariant());
                }
                box->setCurrentIndex(picked.value(objectName, 0));
                editor = box;
            } else {
                auto *edit = new QLineEdit(m_paramsBox);
                if (type == QLatin1String("integer"))
                    edit->setValidator(new QIntValidator(edit));
                else if (type == QLatin1String("number")) {
                    auto *validator = new QDoubleValidator(edit);
                    validator->setLocale(QLocale::c());
                    edit->setValidator(validator);
                }
                edit->setPlaceholderText(required ? tr("required") : tr("optional"));
                edit->setText(typed.value(objectName));
                editor = edit;
            }
            editor->setObjectName(objectName);
            editor->setProperty("hmIn", in);
            editor->setProperty("hmName", name);
            editor->setProperty("hmType", type);
            editor->setProperty("hmRequired", required);
            const QString typeText = ServiceText::schemaType(schema);
            editor->setToolTip(p.value(QStringLiteral("description")).toString());
            auto *label = new QLabel(m_paramsBox);
            label->setText(required
                               ? tr("%1 (%2, %3) *").arg(name, ServiceText::place(in), typeText)
                               : tr("%1 (%2, %3)").arg(name, ServiceText::place(in), typeText));
            m_params->addRow(label, editor);
            ++count;
        }
    }
    m_paramsTitle->setText(count == 0 ? tr("No parameters.") : tr("Parameters (* required):"));
    const bool hasBody = e && e->requestBody.isObject();
    m_body->setEnabled(hasBody);
    m_bodyLabel->setEnabled(hasBody);
    if (hasBody && m_body->property("hmFor").toString() != e->id) {
        m_body->setPlainText(
            QString::fromUtf8(QJsonDocument(svcTestSkeleton(e->requestBody.toObject()).toObject())
                                  .toJson(QJsonDocument::Indented)));
        m_body->setProperty("hmFor", e->id);
    } else if (!hasBody) {
        m_body->clear();
        m_body->setProperty("hmFor", QString());
    }
    m_inputError->clear();
    m_inputError->hide();
}

void ServiceTestDialog::send()
{
    if (!m_client || m_sending)
        return;
    client::ServiceCallInput input;
    input.endpointId = m_endpoint->currentData().toString();
    QStringList missing;
    for (QWidget *editor : m_paramsBox->findChildren<QWidget *>()) {
        const QString in = editor->property("hmIn").toString();
        if (in.isEmpty())
            continue;
        const QString name = editor->property("hmName").toString();
        const QString type = editor->property("hmType").toString();
        QJsonValue value;
        if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
            const QString text = edit->text().trimmed();
            if (!text.isEmpty()) {
                if (type == QLatin1String("integer"))
                    value = text.toLongLong();
                else if (type == QLatin1String("number"))
                    value = QLocale::c().toDouble(text);
                else
                    value = text;
            }
        } else if (auto *box = qobject_cast<QComboBox *>(editor)) {
            if (box->currentIndex() > 0)
                value = QJsonValue::fromVariant(box->currentData());
        }
        if (value.isNull() || value.isUndefined()) {
            if (editor->property("hmRequired").toBool())
                missing << name;
            continue;
        }
        QJsonObject &place = in == QLatin1String("path")    ? input.path
                             : in == QLatin1String("query") ? input.query
                                                            : input.header;
        place.insert(name, value);
    }
    if (!missing.isEmpty()) {
        m_inputError->setText(
            tr("Fill in the required parameters: %1").arg(separatedList(missing)));
        m_inputError->show();
        return;
    }
    const QString bodyText = m_body->toPlainText().trimmed();
    if (m_body->isEnabled() && !bodyText.isEmpty()) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(bodyText.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError) {
            m_inputError->setText(tr("The body is not JSON (at character %1): %2")
                                      .arg(QString::number(error.offset), error.errorString()));
            m_inputError->show();
            return;
        }
        input.body = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    }
    m_inputError->hide();
    m_sending = true;
    m_result.reset();
    m_error.reset();
    showResult();
    client::ServicesApi(*m_client).test(
        m_service.id, input, client::within(this, [this](Result<client::ServiceCallResult> r) {
            m_sending = false;
            if (r)
                m_result = *r;
            else
                m_error = r.error();
            showResult();
        }));
}

void ServiceTestDialog::showResult()
{
    m_send->setEnabled(!m_sending && m_client);
    m_headers->setRowCount(0);
    if (m_sending) {
        m_status->setText(tr("Sending..."));
        svcTestSetTone(m_status, QString());
        m_response->clear();
        return;
    }
    if (m_error) {
        m_status->setText(
            tr("Error %1: %2").arg(m_error->codeName(), ServiceText::error(*m_error, m_role)));
        svcTestSetTone(m_status, QStringLiteral("bad"));
        m_response->clear();
        return;
    }
    if (!m_result) {
        m_status->setText(tr("Nothing sent yet."));
        svcTestSetTone(m_status, QString());
        m_response->clear();
        return;
    }
    const client::ServiceCallResult &r = *m_result;
    const QString duration = QLocale().toString(r.durationMs);
    if (!r.errorCode.isEmpty()) {
        m_status->setText(tr("Error %1: %2 (%3 ms)").arg(r.errorCode, r.errorMessage, duration));
    } else {
        m_status->setText(
            tr("HTTP %1 in %2 ms — %3 %4")
                .arg(QString::number(r.httpStatus), duration, r.requestMethod, r.requestUrl));
    }
    svcTestSetTone(m_status, r.success ? QStringLiteral("good") : QStringLiteral("bad"));
    m_headers->setRowCount(int(r.headers.size()));
    for (int row = 0; row < r.headers.size(); ++row) {
        m_headers->setItem(row, 0, new QTableWidgetItem(r.headers[row].first));
        m_headers->setItem(row, 1, new QTableWidgetItem(r.headers[row].second));
    }
    m_headers->resizeColumnToContents(0);
    QString body = svcTestPretty(r.body);
    if (r.bodyTruncated)
        body += u'\n' + tr("(cut off after the first 64 KiB)");
    m_response->setPlainText(body);
}

} // namespace hm::app
