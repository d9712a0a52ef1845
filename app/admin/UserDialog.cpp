#include "admin/UserDialog.h"

#include "client/ApiClient.h"
#include "client/UsersApi.h"
#include "client/Within.h"
#include "common/Username.h"
#include "widgets/AdminText.h"
#include "widgets/FieldError.h"
#include "widgets/Retranslate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hm::app {
namespace {

// What each role may do, from the minimum role of the server's routes
// (server/routes: Role::Viewer / User / Admin). Columns: admin, user, viewer.
struct Capability
{
    const char *text;
    bool admin, user, viewer;
};

const Capability kCapabilities[] = {
    {QT_TRANSLATE_NOOP("hm::app::UserDialog", "See flows, executions and components"), true, true,
     true},
    {QT_TRANSLATE_NOOP("hm::app::UserDialog", "Own account: password, two-factor, sessions"), true,
     true, true},
    {QT_TRANSLATE_NOOP("hm::app::UserDialog", "Create, edit, publish and share flows"), true, true,
     false},
    {QT_TRANSLATE_NOOP("hm::app::UserDialog", "Run, cancel and re-run executions"), true, true,
     false},
    {QT_TRANSLATE_NOOP("hm::app::UserDialog", "Create and revoke own API keys"), true, true, false},
    {QT_TRANSLATE_NOOP("hm::app::UserDialog", "API keys with administration access"), true, false,
     false},
    {QT_TRANSLATE_NOOP("hm::app::UserDialog", "Register components"), true, false, false},
    {QT_TRANSLATE_NOOP("hm::app::UserDialog", "Manage users, roles and lockouts"), true, false,
     false},
    {QT_TRANSLATE_NOOP("hm::app::UserDialog", "Server settings, audit and logs"), true, false,
     false},
};

} // namespace

UserDialog::UserDialog(client::ApiClient *client, const client::UserInfo *existing, QWidget *parent)
    : QDialog(parent), m_client(client), m_existing(existing ? *existing : client::UserInfo{})
{
    setObjectName(QStringLiteral("users.dialog"));
    auto *outer = new QHBoxLayout(this);
    auto *left = new QVBoxLayout();
    m_form = new QFormLayout();
    m_username = new QLineEdit(m_existing.username, this);
    m_username->setObjectName(QStringLiteral("users.username"));
    m_username->setEnabled(isCreate());
    m_usernameError = createFieldError(this, QStringLiteral("users.usernameError"));
    m_email = new QLineEdit(m_existing.email, this);
    m_email->setObjectName(QStringLiteral("users.email"));
    m_emailError = createFieldError(this, QStringLiteral("users.emailError"));
    m_fullName = new QLineEdit(m_existing.fullName, this);
    m_fullName->setObjectName(QStringLiteral("users.fullName"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("users.password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordError = createFieldError(this, QStringLiteral("users.passwordError"));
    m_requireChange = new QCheckBox(this);
    m_requireChange->setObjectName(QStringLiteral("users.requirePasswordChange"));
    m_requireChange->setChecked(true);
    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("users.role"));
    for (const char *role : {"admin", "user", "viewer"})
        m_role->addItem(QString(), QString::fromLatin1(role));
    m_role->setCurrentIndex(
        qMax(0, m_role->findData(m_existing.role.isEmpty() ? QStringLiteral("user")
                                                           : m_existing.role.toLower())));
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("users.status"));
    for (const char *status : {"active", "suspended", "pending"})
        m_status->addItem(QString(), QString::fromLatin1(status));
    m_status->setCurrentIndex(qMax(0, m_status->findData(m_existing.status)));
    m_form->addRow(new QLabel(), m_username);
    m_form->addRow(new QLabel(), m_usernameError);
    m_form->addRow(new QLabel(), m_email);
    m_form->addRow(new QLabel(), m_emailError);
    m_form->addRow(new QLabel(), m_fullName);
    if (isCreate()) {
        m_form->addRow(new QLabel(), m_password);
        m_form->addRow(new QLabel(), m_passwordError);
        m_form->addRow(QString(), m_requireChange);
    } else {
        m_password->hide();
        m_requireChange->hide();
    }
    m_form->addRow(new QLabel(), m_role);
    m_form->addRow(new QLabel(), m_status);
    left->addLayout(m_form);
    for (QLabel *error : {m_usernameError, m_emailError, m_passwordError})
        setFieldError(error, {});
    linkFieldError(m_usernameError, m_username);
    linkFieldError(m_emailError, m_email);
    linkFieldError(m_passwordError, m_password);
    m_error = createFieldError(this, QStringLiteral("users.dialogError"));
    left->addWidget(m_error);
    left->addStretch();
    outer->addLayout(left, 3);

    auto *right = new QVBoxLayout();
    m_matrixTitle = new QLabel(this);
    m_matrixTitle->setWordWrap(true);
    right->addWidget(m_matrixTitle);
    m_matrix = new QTableWidget(int(std::size(kCapabilities)), 3, this);
    m_matrix->setObjectName(QStringLiteral("users.roleMatrix"));
    m_matrix->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matrix->setSelectionMode(QAbstractItemView::NoSelection);
    m_matrix->setFocusPolicy(Qt::NoFocus);
    // Each role's column as wide as its name ("Administrator" was cut to
    // "dministrato" when three stretched columns shared what the capability
    // texts left).
    m_matrix->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_matrix->horizontalHeader()->setMinimumSectionSize(64);
    m_matrix->horizontalHeader()->setStretchLastSection(false);
    m_matrix->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_matrix->viewport()->installEventFilter(this);
    m_matrix->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    right->addWidget(m_matrix, 1);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("users.buttons"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("users.ok"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &UserDialog::submit);
    showChecksOnBlockedAccept(this, m_buttons->button(QDialogButtonBox::Ok));
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    right->addWidget(m_buttons);
    outer->addLayout(right, 5);

    for (QLineEdit *edit : {m_username, m_email, m_password, m_fullName})
        connect(edit, &QLineEdit::textChanged, this, &UserDialog::validate);
    connect(m_role, &QComboBox::currentIndexChanged, this, &UserDialog::fillMatrix);
    retranslateUi();
    resize(980, 440);
}

UserDialog::~UserDialog() = default;

void UserDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void UserDialog::retranslateUi()
{
    setWindowTitle(isCreate() ? tr("New user") : tr("Edit user %1").arg(m_existing.username));
    const auto setLabel = [this](QWidget *field, const QString &text) {
        if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(field)))
            label->setText(text);
    };
    setLabel(m_username, tr("Username:"));
    setLabel(m_email, tr("E-mail:"));
    setLabel(m_fullName, tr("Full name:"));
    setLabel(m_password, tr("Initial password:"));
    setLabel(m_role, tr("Role:"));
    setLabel(m_status, tr("Status:"));
    m_username->setPlaceholderText(tr("3-64 letters of any script, digits, _ . -"));
    m_username->setToolTip(usernameRuleText());
    m_fullName->setPlaceholderText(tr("optional"));
    m_password->setPlaceholderText(tr("checked against the server's password policy"));
    m_requireChange->setText(tr("Must choose a new password at the first sign-in"));
    m_requireChange->setToolTip(
        tr("Until then the account can do nothing but change its password, so the password "
           "you hand over stops working."));
    for (int i = 0; i < m_role->count(); ++i)
        m_role->setItemText(i, AdminText::role(m_role->itemData(i).toString()));
    for (int i = 0; i < m_status->count(); ++i)
        m_status->setItemText(i, AdminText::userStatus(m_status->itemData(i).toString()));
    m_status->setToolTip(tr("A suspended user cannot sign in, and their sessions end."));
    m_matrixTitle->setText(tr("What each role may do (the selected role is highlighted):"));
    m_matrix->setHorizontalHeaderLabels({AdminText::role(QStringLiteral("admin")),
                                         AdminText::role(QStringLiteral("user")),
                                         AdminText::role(QStringLiteral("viewer"))});
    m_buttons->button(QDialogButtonBox::Ok)->setText(isCreate() ? tr("Create user") : tr("Save"));
    fillMatrix();
    validate();
}

void UserDialog::fillMatrix()
{
    const QString selected = m_role->currentData().toString();
    QStringList rows;
    for (int row = 0; row < int(std::size(kCapabilities)); ++row) {
        const Capability &c = kCapabilities[row];
        rows << tr(c.text);
        const bool allowed[] = {c.admin, c.user, c.viewer};
        for (int column = 0; column < 3; ++column) {
            auto *item =
                new QTableWidgetItem(allowed[column] ? QStringLiteral("✓") : QStringLiteral("–"));
            item->setTextAlignment(Qt::AlignCenter);
            item->setToolTip(allowed[column] ? tr("allowed") : tr("not allowed"));
            if (m_role->itemData(column).toString() == selected) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
                item->setBackground(palette().color(QPalette::AlternateBase));
            }
            m_matrix->setItem(row, column, item);
        }
    }
    m_matrix->setVerticalHeaderLabels(rows);
    fitMatrix();
}

void UserDialog::fitMatrix()
{
    // The capability texts whole (a translation may be longer), then each
    // role's column as wide as its name, sharing what is left evenly.
    QHeaderView *rowHeader = m_matrix->verticalHeader();
    int textWidth = 0;
    const QFontMetrics metrics(rowHeader->font());
    for (int row = 0; row < m_matrix->rowCount(); ++row) {
        if (const QTableWidgetItem *item = m_matrix->verticalHeaderItem(row))
            textWidth = std::max(textWidth, metrics.horizontalAdvance(item->text()));
    }
    rowHeader->setFixedWidth(textWidth + 4 * style()->pixelMetric(QStyle::PM_HeaderMargin));
    QHeaderView *columns = m_matrix->horizontalHeader();
    const int available = m_matrix->viewport()->width();
    int needed = 0;
    for (int column = 0; column < m_matrix->columnCount(); ++column)
        needed += std::max(columns->minimumSectionSize(), columns->sectionSizeHint(column));
    const int extra = std::max(0, available - needed) / std::max(1, m_matrix->columnCount());
    for (int column = 0; column < m_matrix->columnCount(); ++column)
        columns->resizeSection(
            column,
            std::max(columns->minimumSectionSize(), columns->sectionSizeHint(column)) + extra);
}

bool UserDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_matrix->viewport() && event->type() == QEvent::Resize)
        fitMatrix();
    return QDialog::eventFilter(watched, event);
}

QString UserDialog::usernameRuleText()
{
    return tr("A username has 3 to 64 characters: letters of any script (such as 王, é or ж), "
              "digits, \"_\", \".\" and \"-\". Accented Latin, Greek and Cyrillic letters count "
              "as one letter; other scripts may use their combining marks. Latin, Greek and "
              "Cyrillic letters cannot be mixed in one username. Spaces and invisible characters "
              "are not allowed. Case does not matter: \"Σοφία\" and \"σοφία\" are the same "
              "username.");
}

void UserDialog::validate()
{
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+$"));
    const QString username = m_username->text();
    const UsernameProblem problem = usernameProblem(normalizedUsername(username));
    QString usernameError;
    if (isCreate() && problem == UsernameProblem::MixedScripts)
        usernameError = tr("Latin, Greek and Cyrillic letters cannot be mixed in one username "
                           "(they have look-alikes such as Latin \"a\" and Cyrillic \"а\").");
    else if (isCreate() && problem != UsernameProblem::None)
        usernameError = tr("3 to 64 letters of any script, digits, \"_\", \".\" or \"-\"; no "
                           "spaces or invisible characters.");
    const bool emailOk = email.match(m_email->text()).hasMatch();
    QString emailError;
    if (m_email->text().isEmpty())
        emailError = tr("A user needs an e-mail address.");
    else if (!emailOk)
        emailError = tr("This is not an e-mail address.");
    const bool passwordOk = !isCreate() || !m_password->text().isEmpty();
    if (isCreate()) {
        setFieldCheck(m_usernameError, usernameError);
        setFieldCheck(m_passwordError, passwordOk ? QString() : tr("Set a first password."));
    }
    setFieldCheck(m_emailError, emailError);
    const bool ok = emailOk && usernameError.isEmpty() && passwordOk;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok && !m_sending);
}

void UserDialog::submit()
{
    if (!m_client || m_sending || !m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    m_sending = true;
    setFieldError(m_error, {});
    setFieldError(m_passwordError, {});
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    auto done = client::within(this, [this](Result<client::UserInfo> r) {
        m_sending = false;
        if (r) {
            m_result = *r;
            accept();
            return;
        }
        validate(); // Save again once something changes
        showError(r.error());
    });
    client::UsersApi users(*m_client);
    if (isCreate()) {
        client::NewUser user;
        user.username = m_username->text();
        user.email = m_email->text();
        user.fullName = m_fullName->text();
        user.password = m_password->text();
        user.role = m_role->currentData().toString();
        user.status = m_status->currentData().toString();
        user.passwordChangeRequired = m_requireChange->isChecked();
        users.create(user, done);
    } else {
        QJsonObject changes;
        if (m_email->text() != m_existing.email)
            changes.insert(QStringLiteral("email"), m_email->text());
        if (m_fullName->text() != m_existing.fullName)
            changes.insert(QStringLiteral("full_name"), m_fullName->text());
        if (m_role->currentData().toString() != m_existing.role.toLower())
            changes.insert(QStringLiteral("role"), m_role->currentData().toString());
        if (m_status->currentData().toString() != m_existing.status)
            changes.insert(QStringLiteral("status"), m_status->currentData().toString());
        users.update(m_existing.id, changes, done);
    }
}

// The refusal stands at the field it is about until that field changes, and
// is worded again on a language switch.
void UserDialog::showError(const hm::Error &error)
{
    const QString field = AdminText::errorField(error);
    QLabel *at = m_error;
    if (error.code == ErrorCode::InvalidPassword || field == QLatin1String("password"))
        at = m_passwordError;
    else if (field == QLatin1String("username"))
        at = m_usernameError;
    else if (field == QLatin1String("email") || error.code == ErrorCode::EmailExists)
        at = m_emailError;
    setLocalizedFieldRefusal(at, [error] { return AdminText::error(error); });
}

} // namespace hm::app
