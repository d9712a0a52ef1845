#include "components/ComponentDetailsDialog.h"

#include "client/ApiClient.h"
#include "client/Within.h"
#include "common/ComponentIcons.h"
#include "widgets/ComponentIcon.h"
#include "widgets/FieldError.h"
#include "widgets/Retranslate.h"
#include "widgets/ServerErrorText.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace hm::app {

namespace {

// The server's limits (docs/api.md "Components").
constexpr int kDisplayNameMax = 255;
constexpr int kCategoryMax = 100;

} // namespace

void fillComponentIconCombo(QComboBox *combo, const QString &current)
{
    combo->clear();
    combo->setIconSize(QSize(16, 16));
    combo->addItem(ComponentIcon::icon(QString(), combo->palette()),
                   ComponentDetailsDialog::tr("No icon (a box)"), QString());
    for (const QString &name : componentIconNames()) {
        if (name == QLatin1String("component"))
            continue; // the box the console draws for no icon
        combo->addItem(ComponentIcon::icon(name, combo->palette()), ComponentIcon::label(name),
                       name);
    }
    if (!current.isEmpty() && combo->findData(current) < 0)
        combo->addItem(ComponentIcon::icon(current, combo->palette()),
                       ComponentDetailsDialog::tr("%1 (not one the console draws)").arg(current),
                       current);
    combo->setCurrentIndex(qMax(0, combo->findData(current)));
}

ComponentDetailsDialog::ComponentDetailsDialog(client::ApiClient *client,
                                               const client::ComponentInfo &component,
                                               const QStringList &categories, QWidget *parent)
    : QDialog(parent), m_client(client), m_component(component)
{
    setObjectName(QStringLiteral("components.details"));
    setMinimumWidth(520);
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("components.details.intro"));
    m_intro->setWordWrap(true);
    m_intro->setProperty("hmStyle", QStringLiteral("muted"));
    layout->addWidget(m_intro);

    m_form = new QFormLayout();
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_displayName = new QLineEdit(
        component.displayName == component.name ? QString() : component.displayName, this);
    m_displayName->setObjectName(QStringLiteral("components.details.displayName"));
    m_displayName->setMaxLength(kDisplayNameMax);
    m_displayName->setPlaceholderText(component.name);
    addFieldRow(m_form, &m_displayNameLabel, m_displayName, &m_displayNameError,
                QStringLiteral("components.details.displayName.error"));
    m_category = new QComboBox(this);
    m_category->setObjectName(QStringLiteral("components.details.category"));
    m_category->setEditable(true);
    m_category->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_category->setInsertPolicy(QComboBox::NoInsert);
    m_category->addItems(categories);
    m_category->setCurrentText(component.category);
    m_category->lineEdit()->setMaxLength(kCategoryMax);
    addFieldRow(m_form, &m_categoryLabel, m_category, &m_categoryError,
                QStringLiteral("components.details.category.error"));
    m_icon = new QComboBox(this);
    m_icon->setObjectName(QStringLiteral("components.details.icon"));
    addFieldRow(m_form, &m_iconLabel, m_icon, &m_iconError,
                QStringLiteral("components.details.icon.error"));
    m_description = new QPlainTextEdit(component.description, this);
    m_description->setObjectName(QStringLiteral("components.details.description"));
    m_description->setTabChangesFocus(true);
    m_description->setMinimumHeight(96);
    addFieldRow(m_form, &m_descriptionLabel, m_description, &m_descriptionError,
                QStringLiteral("components.details.description.error"));
    layout->addLayout(m_form);

    m_error = createFieldError(this, QStringLiteral("components.details.error"));
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = m_buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("components.details.save"));
    m_save->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)
        ->setObjectName(QStringLiteral("components.details.cancel"));
    connect(m_save, &QPushButton::clicked, this, &ComponentDetailsDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    retranslateUi();
}

client::ComponentDetails ComponentDetailsDialog::changes() const
{
    client::ComponentDetails details;
    // An empty display name is the name itself (the server stores it so).
    const QString displayName = m_displayName->text().trimmed();
    const QString storedDisplayName =
        m_component.displayName == m_component.name ? QString() : m_component.displayName;
    if (displayName != storedDisplayName)
        details.displayName = displayName;
    const QString category = m_category->currentText().trimmed();
    if (category != m_component.category)
        details.category = category;
    const QString icon = m_icon->currentData().toString();
    if (icon != m_component.icon)
        details.icon = icon;
    const QString description = m_description->toPlainText().trimmed();
    if (description != m_component.description)
        details.description = description;
    return details;
}

QString ComponentDetailsDialog::errorText(const hm::Error &error) const
{
    const QString field = error.details.value(QStringLiteral("field")).toString();
    switch (error.code) {
    case ErrorCode::Forbidden:
    case ErrorCode::InsufficientPermissions:
        return tr("The server refused this: only administrators may change components.");
    case ErrorCode::ComponentNotFound:
        return tr("The server no longer has a registered component \"%1\".").arg(m_component.name);
    case ErrorCode::ValidationError: {
        // Too long: the server's limit, in the UI language.
        const int max = error.details.value(QStringLiteral("max_length")).toInt();
        const QString limit = QLocale().toString(max);
        if (max > 0 && field == QLatin1String("description"))
            return tr("The server refused the description: it may have at most %1 characters.")
                .arg(limit);
        if (max > 0 && field == QLatin1String("display_name"))
            return tr("The server refused the display name: it may have at most %1 characters.")
                .arg(limit);
        if (max > 0 && field == QLatin1String("category"))
            return tr("The server refused the category: it may have at most %1 characters.")
                .arg(limit);
        if (field == QLatin1String("description"))
            return tr("The server refused the description.");
        if (field == QLatin1String("display_name"))
            return tr("The server refused the display name.");
        if (field == QLatin1String("category"))
            return tr("The server refused the category.");
        if (field == QLatin1String("icon"))
            return tr("The server does not know this icon: choose one from the list.");
        return tr("The server refused one of the values.");
    }
    default:
        // In the UI language for every code of the catalogue; the server's
        // words only for a code the console does not know.
        return describeApiError(error);
    }
}

void ComponentDetailsDialog::submit()
{
    if (m_busy)
        return;
    for (QLabel *error :
         {m_error, m_displayNameError, m_categoryError, m_iconError, m_descriptionError})
        setFieldError(error, {});
    const client::ComponentDetails details = changes();
    if (!details.displayName && !details.description && !details.category && !details.icon) {
        accept(); // nothing changed
        return;
    }
    if (!m_client) {
        setLocalizedFieldError(m_error, [] { return tr("Sign in first."); });
        return;
    }
    m_busy = true;
    m_save->setEnabled(false);
    client::ComponentsApi(*m_client).updateDetails(
        m_component.name, details,
        client::within(this, [this](Result<QList<client::ComponentInfo>> r) {
            m_busy = false;
            m_save->setEnabled(true);
            if (!r) {
                showError(r.error());
                return;
            }
            m_saved = *r;
            accept();
        }));
}

// The refusal stands under the field it is about until that field changes,
// and is worded again on a language switch; one about no field (rights, a
// component gone) under the form.
void ComponentDetailsDialog::showError(const hm::Error &error)
{
    const QString field = error.details.value(QStringLiteral("field")).toString();
    QLabel *at = m_error;
    if (error.code == ErrorCode::ValidationError) {
        if (field == QLatin1String("display_name"))
            at = m_displayNameError;
        else if (field == QLatin1String("category"))
            at = m_categoryError;
        else if (field == QLatin1String("icon"))
            at = m_iconError;
        else if (field == QLatin1String("description"))
            at = m_descriptionError;
    }
    setLocalizedFieldRefusal(at, [this, error] { return errorText(error); });
}

void ComponentDetailsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void ComponentDetailsDialog::retranslateUi()
{
    setWindowTitle(tr("Component details"));
    m_intro->setText(tr("These fields belong to the component \"%1\" and are shown for every "
                        "version of it.")
                         .arg(m_component.name));
    m_displayNameLabel->setText(tr("Display name:"));
    m_categoryLabel->setText(tr("Category:"));
    m_iconLabel->setText(tr("Icon:"));
    m_descriptionLabel->setText(tr("Description:"));
    m_category->lineEdit()->setPlaceholderText(tr("None, e.g. image"));
    const QString icon = m_icon->count() ? m_icon->currentData().toString() : m_component.icon;
    {
        // Worded anew, not chosen anew: a refusal under it stays.
        const QSignalBlocker quiet(m_icon);
        fillComponentIconCombo(m_icon, icon);
    }
    m_save->setText(tr("Save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
}

} // namespace hm::app
