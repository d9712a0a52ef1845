#include "admin/ApiKeyDialog.h"

#include "client/AccountApi.h"
#include "client/ApiClient.h"
#include "client/Within.h"
#include "widgets/AdminText.h"
#include "widgets/ClipboardGuard.h"
#include "widgets/DateTimeText.h"
#include "widgets/FieldError.h"
#include "widgets/Retranslate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace hm::app {
namespace {

// The areas the server knows (ApiKeyPermissions.cpp permissionAreas()).
const QStringList &permissionAreas()
{
    static const QStringList areas{
        QStringLiteral("auth"),    QStringLiteral("users"),         QStringLiteral("system"),
        QStringLiteral("audit"),   QStringLiteral("logs"),          QStringLiteral("metrics"),
        QStringLiteral("flows"),   QStringLiteral("executions"),    QStringLiteral("components"),
        QStringLiteral("hooks"),   QStringLiteral("nodes"),         QStringLiteral("agents"),
        QStringLiteral("alerts"),  QStringLiteral("notifications"), QStringLiteral("wireguard"),
        QStringLiteral("bgp"),     QStringLiteral("ipv6"),          QStringLiteral("credentials"),
        QStringLiteral("backups"), QStringLiteral("services"),      QStringLiteral("docker"),
        QStringLiteral("nginx")};
    return areas;
}

QStringList entries(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

} // namespace

QStringList parseAllowedIps(const QString &text, QString *error)
{
    const QStringList ips = entries(text);
    for (const QString &ip : ips) {
        const bool cidr = ip.contains(u'/');
        const auto subnet = QHostAddress::parseSubnet(
            cidr ? ip : ip + (ip.contains(u':') ? QStringLiteral("/128") : QStringLiteral("/32")));
        if (subnet.first.isNull()) {
            *error = QCoreApplication::translate(
                         "hm::app::ApiKeyDialog",
                         "\"%1\" is not an IP address or a CIDR range such as 10.0.0.0/8.")
                         .arg(ip);
            return {};
        }
    }
    error->clear();
    return ips;
}

QStringList parseEndpoints(const QString &text, QString *error)
{
    static const QRegularExpression allowed(QStringLiteral("^/[A-Za-z0-9_.~\\-/*{}:%]*$"));
    const QStringList endpoints = entries(text);
    for (const QString &endpoint : endpoints) {
        if (!endpoint.startsWith(u'/')) {
            *error = QCoreApplication::translate(
                         "hm::app::ApiKeyDialog",
                         "\"%1\" must start with \"/\", for example /api/v1/flows*.")
                         .arg(endpoint);
            return {};
        }
        if (!allowed.match(endpoint).hasMatch()) {
            *error = QCoreApplication::translate(
                         "hm::app::ApiKeyDialog",
                         "\"%1\" is not a path pattern: use a path with * as the wildcard.")
                         .arg(endpoint);
            return {};
        }
    }
    error->clear();
    return endpoints;
}

QStringList parsePermissions(const QString &text, QString *error)
{
    static const QRegularExpression shape(
        QStringLiteral("^([a-z][a-z0-9-]*)\\.(view|execute|edit|\\*)$"));
    const QStringList permissions = entries(text);
    for (const QString &permission : permissions) {
        if (permission == u'*')
            continue;
        const auto match = shape.match(permission);
        if (!match.hasMatch()) {
            *error = QCoreApplication::translate(
                         "hm::app::ApiKeyDialog",
                         "\"%1\" is not a permission: use area.view, area.execute, area.edit, "
                         "area.* or *.")
                         .arg(permission);
            return {};
        }
        if (!permissionAreas().contains(match.captured(1))) {
            *error = QCoreApplication::translate("hm::app::ApiKeyDialog",
                                                 "\"%1\" is not an area of the server; known: %2.")
                         .arg(match.captured(1), permissionAreas().join(QStringLiteral(", ")));
            return {};
        }
    }
    error->clear();
    return permissions;
}

ApiKeyDialog::ApiKeyDialog(client::ApiClient *client, const QString &role, QWidget *parent)
    : QDialog(parent), m_client(client), m_role(role)
{
    setObjectName(QStringLiteral("apikeys.dialog"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_intro->setProperty("hmStyle", QStringLiteral("muted"));
    layout->addWidget(m_intro);
    m_form = new QFormLayout();
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("apikeys.name"));
    m_name->setMaxLength(100);
    m_nameError = createFieldError(this, QStringLiteral("apikeys.nameError"));
    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("apikeys.description"));
    m_access = new QComboBox(this);
    m_access->setObjectName(QStringLiteral("apikeys.accessLevel"));
    for (const char *level : {"read", "write", "admin"})
        m_access->addItem(QString(), QString::fromLatin1(level));
    m_permissions = new QLineEdit(this);
    m_permissions->setObjectName(QStringLiteral("apikeys.permissions"));
    m_permissionMenu = new QMenu(this);
    m_permissionMenu->setObjectName(QStringLiteral("apikeys.permissionMenu"));
    connect(m_permissionMenu, &QMenu::aboutToShow, this, &ApiKeyDialog::fillPermissionMenu);
    m_choosePermissions = new QPushButton(this);
    m_choosePermissions->setObjectName(QStringLiteral("apikeys.choosePermissions"));
    m_choosePermissions->setMenu(m_permissionMenu);
    auto *permissionsRow = new QHBoxLayout();
    permissionsRow->addWidget(m_permissions, 1);
    permissionsRow->addWidget(m_choosePermissions);
    m_permissionsRow = permissionsRow;
    m_permissionsError = createFieldError(this, QStringLiteral("apikeys.permissionsError"));
    m_allowedIps = new QPlainTextEdit(this);
    m_allowedIps->setObjectName(QStringLiteral("apikeys.allowedIps"));
    m_allowedIps->setTabChangesFocus(true);
    m_allowedIps->setFixedHeight(m_allowedIps->fontMetrics().lineSpacing() * 3 + 12);
    m_allowedIpsError = createFieldError(this, QStringLiteral("apikeys.allowedIpsError"));
    m_endpoints = new QPlainTextEdit(this);
    m_endpoints->setObjectName(QStringLiteral("apikeys.endpoints"));
    m_endpoints->setTabChangesFocus(true);
    m_endpoints->setFixedHeight(m_endpoints->fontMetrics().lineSpacing() * 3 + 12);
    m_endpointsError = createFieldError(this, QStringLiteral("apikeys.endpointsError"));
    auto *limits = new QHBoxLayout();
    m_limitsRow = limits;
    m_rate = new QSpinBox(this);
    m_rate->setObjectName(QStringLiteral("apikeys.rateLimit"));
    m_rate->setRange(0, 1000000);
    m_burst = new QSpinBox(this);
    m_burst->setObjectName(QStringLiteral("apikeys.burstLimit"));
    m_burst->setRange(0, 1000000);
    limits->addWidget(m_rate, 1);
    limits->addWidget(m_burst, 1);
    auto *expiry = new QHBoxLayout();
    m_expiryRow = expiry;
    m_expires = new QCheckBox(this);
    m_expires->setObjectName(QStringLiteral("apikeys.expires"));
    m_expiresAt = new QDateTimeEdit(QDateTime::currentDateTime().addDays(90), this);
    m_expiresAt->setObjectName(QStringLiteral("apikeys.expiresAt"));
    m_expiresAt->setCalendarPopup(true);
    m_expiresAt->setDisplayFormat(dateTimeFormat());
    m_expiresAt->setEnabled(false);
    expiry->addWidget(m_expires);
    expiry->addWidget(m_expiresAt, 1);
    m_expiresError = createFieldError(this, QStringLiteral("apikeys.expiresError"));

    m_form->addRow(new QLabel(), m_name);
    m_form->addRow(new QLabel(), m_nameError);
    m_form->addRow(new QLabel(), m_description);
    m_form->addRow(new QLabel(), m_access);
    m_form->addRow(new QLabel(), permissionsRow);
    m_form->addRow(new QLabel(), m_permissionsError);
    m_form->addRow(new QLabel(), m_allowedIps);
    m_form->addRow(new QLabel(), m_allowedIpsError);
    m_form->addRow(new QLabel(), m_endpoints);
    m_form->addRow(new QLabel(), m_endpointsError);
    m_form->addRow(new QLabel(), limits);
    m_form->addRow(new QLabel(), expiry);
    m_form->addRow(new QLabel(), m_expiresError);
    layout->addLayout(m_form);
    for (QLabel *error :
         {m_nameError, m_permissionsError, m_allowedIpsError, m_endpointsError, m_expiresError})
        setFieldError(error, {});
    m_error = createFieldError(this, QStringLiteral("apikeys.error"));
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("apikeys.buttons"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("apikeys.ok"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ApiKeyDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    for (QLineEdit *edit : {m_name, m_permissions})
        connect(edit, &QLineEdit::textChanged, this, &ApiKeyDialog::validate);
    for (QPlainTextEdit *edit : {m_allowedIps, m_endpoints})
        connect(edit, &QPlainTextEdit::textChanged, this, &ApiKeyDialog::validate);
    connect(m_rate, &QSpinBox::valueChanged, this, &ApiKeyDialog::validate);
    connect(m_expires, &QCheckBox::toggled, m_expiresAt, &QWidget::setEnabled);
    connect(m_expires, &QCheckBox::toggled, this, &ApiKeyDialog::validate);
    connect(m_expiresAt, &QDateTimeEdit::dateTimeChanged, this, &ApiKeyDialog::validate);
    connect(m_access, &QComboBox::currentIndexChanged, this, &ApiKeyDialog::validate);

    // A key never grants more than its owner has (the server refuses it).
    if (role.compare(QLatin1String("admin"), Qt::CaseInsensitive) != 0) {
        if (auto *items = qobject_cast<QStandardItemModel *>(m_access->model()))
            items->item(2)->setEnabled(false);
    }
    retranslateUi();
    validate();
}

ApiKeyDialog::~ApiKeyDialog() = default;

void ApiKeyDialog::fillPermissionMenu()
{
    // clear() leaves the area submenus alive: they go first, so the menu
    // never holds two of one area.
    qDeleteAll(m_permissionMenu->findChildren<QMenu *>(Qt::FindDirectChildrenOnly));
    m_permissionMenu->clear();
    const QStringList chosen = entries(m_permissions->text());
    const auto add = [this, &chosen](QMenu *menu, const QString &text, const QString &permission) {
        QAction *action = menu->addAction(text);
        action->setObjectName(QStringLiteral("apikeys.permission.") + permission);
        action->setCheckable(true);
        action->setChecked(chosen.contains(permission));
        action->setToolTip(permission);
        connect(action, &QAction::triggered, this,
                [this, permission] { togglePermission(permission); });
    };
    add(m_permissionMenu, tr("Everything the access level allows (*)"), QStringLiteral("*"));
    m_permissionMenu->addSeparator();
    for (const QString &area : permissionAreas()) {
        QMenu *sub = m_permissionMenu->addMenu(area);
        sub->setObjectName(QStringLiteral("apikeys.permissionArea.") + area);
        add(sub, tr("View (%1)").arg(area + QStringLiteral(".view")),
            area + QStringLiteral(".view"));
        add(sub, tr("Run (%1)").arg(area + QStringLiteral(".execute")),
            area + QStringLiteral(".execute"));
        add(sub, tr("Change (%1)").arg(area + QStringLiteral(".edit")),
            area + QStringLiteral(".edit"));
        add(sub, tr("Everything in this area (%1)").arg(area + QStringLiteral(".*")),
            area + QStringLiteral(".*"));
    }
}

void ApiKeyDialog::togglePermission(const QString &permission)
{
    QStringList chosen = entries(m_permissions->text());
    if (chosen.contains(permission))
        chosen.removeAll(permission);
    else
        chosen.append(permission);
    m_permissions->setText(chosen.join(QStringLiteral(", ")));
}

void ApiKeyDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void ApiKeyDialog::retranslateUi()
{
    setWindowTitle(tr("New API key"));
    m_intro->setText(tr("A key lets a script or another program use the API as you, limited to "
                        "what you choose here. Its secret is shown once, after it is created."));
    const auto setLabel = [this](QWidget *field, const QString &text) {
        if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(field)))
            label->setText(text);
    };
    setLabel(m_name, tr("Name:"));
    setLabel(m_description, tr("Description:"));
    setLabel(m_access, tr("Access level:"));
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_permissionsRow)))
        label->setText(tr("Permissions:"));
    m_choosePermissions->setText(tr("Choose…"));
    m_choosePermissions->setToolTip(tr("Pick permissions from the ones the server defines"));
    setLabel(m_allowedIps, tr("Allowed IPs:"));
    setLabel(m_endpoints, tr("Endpoints:"));
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_limitsRow)))
        label->setText(tr("Rate / burst:"));
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_expiryRow)))
        label->setText(tr("Expiry:"));
    m_name->setPlaceholderText(tr("e.g. nightly backup script"));
    m_description->setPlaceholderText(tr("optional"));
    m_access->setItemText(0, AdminText::accessLevel(QStringLiteral("read")));
    m_access->setItemText(1, AdminText::accessLevel(QStringLiteral("write")));
    m_access->setItemText(2, AdminText::accessLevel(QStringLiteral("admin")));
    m_access->setItemData(0, tr("GET requests only."), Qt::ToolTipRole);
    m_access->setItemData(1, tr("Reads and changes, as a user."), Qt::ToolTipRole);
    m_access->setItemData(2,
                          m_role.compare(QLatin1String("admin"), Qt::CaseInsensitive) == 0
                              ? tr("Everything an administrator may do.")
                              : AdminText::adminsOnly(m_role),
                          Qt::ToolTipRole);
    m_permissions->setPlaceholderText(tr("empty = all the access level allows; e.g. "
                                         "flows.view, executions.execute"));
    m_permissions->setToolTip(tr("area.view, area.execute, area.edit, area.* or *, separated "
                                 "by commas."));
    m_allowedIps->setPlaceholderText(tr("empty = any address; one address or CIDR per line, "
                                        "e.g. 192.168.1.0/24"));
    m_endpoints->setPlaceholderText(tr("empty = every endpoint; one path pattern per line, "
                                       "e.g. /api/v1/flows*"));
    m_rate->setSpecialValueText(tr("server default"));
    m_rate->setSuffix(tr(" per minute"));
    m_rate->setToolTip(tr("Requests per minute this key may make; 0 keeps the server's default."));
    m_burst->setSpecialValueText(tr("no burst"));
    m_burst->setSuffix(tr(" burst"));
    m_burst->setToolTip(tr("Requests the key may make at once above its rate (token bucket); "
                           "needs a rate limit."));
    m_expires->setText(tr("Expires on"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create key"));
    validate();
}

client::NewApiKey ApiKeyDialog::key() const
{
    client::NewApiKey key;
    QString ignored;
    key.name = m_name->text().trimmed();
    key.description = m_description->text().trimmed();
    key.accessLevel = m_access->currentData().toString();
    key.permissions = parsePermissions(m_permissions->text(), &ignored);
    key.allowedIps = parseAllowedIps(m_allowedIps->toPlainText(), &ignored);
    key.allowedEndpoints = parseEndpoints(m_endpoints->toPlainText(), &ignored);
    key.requestsPerMinute = m_rate->value();
    key.burstLimit = m_rate->value() > 0 ? m_burst->value() : 0;
    if (m_expires->isChecked())
        key.expiresAt = m_expiresAt->dateTime();
    return key;
}

void ApiKeyDialog::validate()
{
    QString error;
    setFieldError(m_nameError, m_name->text().trimmed().isEmpty() && m_name->isModified()
                                   ? tr("A key needs a name.")
                                   : QString());
    parsePermissions(m_permissions->text(), &error);
    setFieldError(m_permissionsError, error);
    parseAllowedIps(m_allowedIps->toPlainText(), &error);
    setFieldError(m_allowedIpsError, error);
    parseEndpoints(m_endpoints->toPlainText(), &error);
    setFieldError(m_endpointsError, error);
    m_burst->setEnabled(m_rate->value() > 0);
    setFieldError(m_expiresError,
                  m_expires->isChecked() && m_expiresAt->dateTime() <= QDateTime::currentDateTime()
                      ? tr("The expiry must be in the future.")
                      : QString());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(isValid() && !m_sending);
}

bool ApiKeyDialog::isValid() const
{
    QString error;
    if (m_name->text().trimmed().isEmpty())
        return false;
    parsePermissions(m_permissions->text(), &error);
    if (!error.isEmpty())
        return false;
    parseAllowedIps(m_allowedIps->toPlainText(), &error);
    if (!error.isEmpty())
        return false;
    parseEndpoints(m_endpoints->toPlainText(), &error);
    if (!error.isEmpty())
        return false;
    if (m_expires->isChecked() && m_expiresAt->dateTime() <= QDateTime::currentDateTime())
        return false;
    if (m_access->currentData().toString() == QLatin1String("admin") &&
        m_role.compare(QLatin1String("admin"), Qt::CaseInsensitive) != 0)
        return false;
    return true;
}

QString ApiKeyDialog::serverError() const
{
    for (QLabel *label : {m_error, m_nameError, m_permissionsError, m_allowedIpsError,
                          m_endpointsError, m_expiresError}) {
        if (label->isVisibleTo(this) && !label->text().isEmpty())
            return label->text();
    }
    return {};
}

void ApiKeyDialog::submit()
{
    if (!m_client || m_sending || !isValid())
        return;
    m_sending = true;
    setFieldError(m_error, {});
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    client::AccountApi(*m_client).createApiKey(
        key(), client::within(this, [this](Result<client::ApiKeyInfo> r) {
            m_sending = false;
            if (r) {
                m_created = *r;
                accept();
                return;
            }
            // At its field when the server names one; worded again in a new
            // language.
            const QString field = AdminText::errorField(r.error());
            QLabel *at = m_error;
            if (field == QLatin1String("name"))
                at = m_nameError;
            else if (field == QLatin1String("permissions"))
                at = m_permissionsError;
            else if (field == QLatin1String("allowed_ips"))
                at = m_allowedIpsError;
            else if (field == QLatin1String("allowed_endpoints"))
                at = m_endpointsError;
            else if (field == QLatin1String("expires_at"))
                at = m_expiresError;
            setLocalizedFieldError(
                at, [error = r.error(), role = m_role] { return AdminText::error(error, role); });
            m_buttons->button(QDialogButtonBox::Ok)->setEnabled(isValid());
        }));
}

// --- the secret, once -------------------------------------------------------------

ApiKeySecretDialog::ApiKeySecretDialog(const client::ApiKeyInfo &key, QWidget *parent)
    : QDialog(parent), m_name(key.name)
{
    setObjectName(QStringLiteral("apikeys.secretDialog"));
    setMinimumWidth(520);
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);
    m_warning = new QLabel(this);
    m_warning->setObjectName(QStringLiteral("apikeys.secretWarning"));
    m_warning->setWordWrap(true);
    layout->addWidget(m_warning);
    auto *row = new QHBoxLayout();
    m_secret = new QLineEdit(key.key, this);
    m_secret->setObjectName(QStringLiteral("apikeys.secret"));
    m_secret->setReadOnly(true);
    m_secret->setFont(QFont(QStringLiteral("monospace")));
    m_secret->setMinimumWidth(m_secret->fontMetrics().horizontalAdvance(key.key) + 16);
    row->addWidget(m_secret, 1);
    m_copy = new QPushButton(this);
    m_copy->setObjectName(QStringLiteral("apikeys.copy"));
    connect(m_copy, &QPushButton::clicked, this, &ApiKeySecretDialog::copy);
    row->addWidget(m_copy);
    layout->addLayout(row);
    m_copied = new QLabel(this);
    m_copied->setObjectName(QStringLiteral("apikeys.copied"));
    m_copied->setProperty("hmStyle", QStringLiteral("muted"));
    m_copied->setWordWrap(true);
    layout->addWidget(m_copied);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    layout->addWidget(m_buttons);
    retranslateUi();
}

ApiKeySecretDialog::~ApiKeySecretDialog() = default;

void ApiKeySecretDialog::copy()
{
    ClipboardGuard::copySecret(m_secret->text());
    m_copied->setText(tr("Copied. The clipboard is cleared in %n second(s) if it still holds "
                         "the key.",
                         "", ClipboardGuard::clearDelayMs() / 1000));
}

void ApiKeySecretDialog::done(int result)
{
    m_secret->clear();
    QDialog::done(result);
}

void ApiKeySecretDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void ApiKeySecretDialog::retranslateUi()
{
    setWindowTitle(tr("API key created"));
    m_title->setText(tr("The key \"%1\" was created.").arg(m_name));
    m_warning->setText(tr("Copy the key now: this is the only time it is shown. The server "
                          "keeps only a hash of it; if it is lost, revoke it and create a new "
                          "one. Send it as the X-API-Key header."));
    m_copy->setText(tr("Copy"));
}

} // namespace hm::app
