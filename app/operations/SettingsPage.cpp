#include "operations/SettingsPage.h"

#include "client/ApiClient.h"
#include "client/SystemApi.h"
#include "client/Within.h"
#include "common/Error.h"
#include "operations/BackupsTab.h"
#include "operations/MailSettingsTab.h"
#include "operations/OperationsText.h"
#include "operations/RetentionSettingsTab.h"
#include "widgets/PageFrame.h"
#include "widgets/WrappingLayout.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace hm::app {

namespace {

QString fieldName(const QString &path)
{
    return QStringLiteral("settings.field.") + path;
}

} // namespace

SettingsPage::SettingsPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("page.settings"));
    const PageFrame frame = createPageFrame(this);
    QVBoxLayout *layout = frame.layout;
    m_title = frame.title;
    m_subtitle = frame.subtitle;
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("settings.tabs"));
    m_tabs->addTab(createSystemTab(), QString());
    m_tabs->addTab(createPreferencesTab(), QString());
    // The SMTP form with its CA certificate and the test send are taller
    // than the smallest window leaves a tab: they scroll inside the tab
    // (TestSectionFit), as Retention does.
    auto *mailScroll = new QScrollArea(m_tabs);
    mailScroll->setObjectName(QStringLiteral("settings.mailScroll"));
    mailScroll->setWidgetResizable(true);
    mailScroll->setFrameShape(QFrame::NoFrame);
    m_mailTab = new MailSettingsTab(mailScroll);
    mailScroll->setWidget(m_mailTab);
    m_tabs->addTab(mailScroll, QString());
    m_backupsTab = new BackupsTab(this);
    m_tabs->addTab(m_backupsTab, QString());
    connect(m_backupsTab, &BackupsTab::taskTextChanged, this, &SettingsPage::stateTextChanged);
    connect(m_backupsTab, &BackupsTab::notice, this, &SettingsPage::notice);
    // The schedule and retention are part of the system configuration.
    connect(m_backupsTab, &BackupsTab::scheduleRequested, this, [this] {
        m_tabs->setCurrentIndex(0);
        QGroupBox *group = m_groups.value(QStringLiteral("settings.group.backups"));
        for (QWidget *w = group; w; w = w->parentWidget()) {
            if (auto *area = qobject_cast<QScrollArea *>(w)) {
                area->ensureWidgetVisible(group);
                break;
            }
        }
        for (const Field &field : std::as_const(m_fields)) {
            if (field.path == QLatin1String("backup_schedule"))
                field.editor->setFocus();
        }
    });
    // The limits, the store's figures and its chart are taller than the
    // smallest window leaves a tab: they scroll inside the tab, never the
    // page (TestSectionFit).
    auto *retentionScroll = new QScrollArea(m_tabs);
    retentionScroll->setObjectName(QStringLiteral("settings.retentionScroll"));
    retentionScroll->setWidgetResizable(true);
    retentionScroll->setFrameShape(QFrame::NoFrame);
    m_retentionTab = new RetentionSettingsTab(retentionScroll);
    retentionScroll->setWidget(m_retentionTab);
    m_tabs->addTab(retentionScroll, QString());
    layout->addWidget(m_tabs, 1);
    retranslate();
    updateState();
}

QGroupBox *SettingsPage::addGroup(QWidget *parent, QLayout *layout, const QString &objectName)
{
    auto *group = new QGroupBox(parent);
    group->setObjectName(objectName);
    auto *form = new QFormLayout(group);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->setVerticalSpacing(6);
    layout->addWidget(group);
    m_groups.insert(objectName, group);
    return group;
}

void SettingsPage::addField(QGroupBox *group, const QString &path, Kind kind, int min, int max,
                            const QStringList &choices)
{
    Field field{path, kind};
    QWidget *editor = nullptr;
    switch (kind) {
    case Kind::Text: {
        auto *edit = new QLineEdit(group);
        edit->setMaxLength(max);
        connect(edit, &QLineEdit::textEdited, this, &SettingsPage::validateTyped);
        editor = edit;
        break;
    }
    case Kind::TimeZone:
    case Kind::Choice: {
        auto *combo = new QComboBox(group);
        if (kind == Kind::TimeZone) {
            combo->setEditable(true);
            for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
                combo->addItem(QString::fromLatin1(id));
            connect(combo, &QComboBox::currentTextChanged, this, &SettingsPage::validateTyped);
        } else {
            // The value as item data: a choice's label may be translated.
            for (const QString &choice : choices)
                combo->addItem(choice, choice);
            connect(combo, &QComboBox::currentIndexChanged, this, &SettingsPage::validateTyped);
        }
        editor = combo;
        break;
    }
    case Kind::Number: {
        auto *spin = new QSpinBox(group);
        spin->setRange(min, max);
        spin->setGroupSeparatorShown(true);
        spin->setMinimumWidth(120);
        connect(spin, &QSpinBox::valueChanged, this, &SettingsPage::validateTyped);
        editor = spin;
        break;
    }
    case Kind::Flag: {
        auto *check = new QCheckBox(group);
        connect(check, &QCheckBox::toggled, this, &SettingsPage::validateTyped);
        editor = check;
        break;
    }
    }
    editor->setObjectName(fieldName(path));
    field.editor = editor;
    field.caption = new QLabel(group);
    field.caption->setObjectName(QStringLiteral("fieldCaption"));
    field.caption->setBuddy(editor);
    field.error = new QLabel(group);
    field.error->setObjectName(QStringLiteral("settings.error.") + path);
    // The theme's red (console.qss), readable on light and dark alike.
    field.error->setProperty("tone", QStringLiteral("bad"));
    field.error->setWordWrap(true);
    field.error->hide();
    auto *box = new QWidget(group);
    auto *boxLayout = new QVBoxLayout(box);
    boxLayout->setContentsMargins(0, 0, 0, 0);
    boxLayout->setSpacing(2);
    auto *row = new QHBoxLayout;
    row->addWidget(editor, kind == Kind::Text || kind == Kind::TimeZone ? 1 : 0);
    if (kind != Kind::Text && kind != Kind::TimeZone)
        row->addStretch(1);
    boxLayout->addLayout(row);
    boxLayout->addWidget(field.error);
    static_cast<QFormLayout *>(group->layout())->addRow(field.caption, box);
    m_fields.append(field);
}

QWidget *SettingsPage::createSystemTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("settings.systemTab"));
    auto *outer = new QVBoxLayout(tab);
    outer->setContentsMargins(12, 12, 12, 12);
    m_readOnlyNote = new QLabel(tab);
    m_readOnlyNote->setObjectName(QStringLiteral("settings.readOnlyNote"));
    m_readOnlyNote->setWordWrap(true);
    outer->addWidget(m_readOnlyNote);

    auto *scroll = new QScrollArea(tab);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    content->setObjectName(QStringLiteral("settings.systemForm"));
    // Two columns side by side where they fit, else one under the other
    // (the form scrolls inside the tab; the Save row stays in view).
    auto *columns = new WrappingLayout(content, 16, 8);
    columns->setFillRows(true);
    const auto column = [content, columns](const char *name) {
        auto *widget = new QWidget(content);
        widget->setObjectName(QString::fromLatin1(name));
        widget->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        auto *layout = new QVBoxLayout(widget);
        layout->setContentsMargins(0, 0, 0, 0);
        columns->addWidget(widget);
        return layout;
    };
    QVBoxLayout *left = column("settings.leftColumn");
    QVBoxLayout *right = column("settings.rightColumn");

    QGroupBox *general = addGroup(content, left, QStringLiteral("settings.group.general"));
    addField(general, QStringLiteral("site_name"), Kind::Text, 1, 100);
    addField(general, QStringLiteral("timezone"), Kind::TimeZone);
    addField(general, QStringLiteral("log_level"), Kind::Choice, 0, 0,
             {QStringLiteral("DEBUG"), QStringLiteral("INFO"), QStringLiteral("WARN"),
              QStringLiteral("ERROR")});
    QGroupBox *limits = addGroup(content, left, QStringLiteral("settings.group.rateLimits"));
    addField(limits, QStringLiteral("security.enable_rate_limiting"), Kind::Flag);
    addField(limits, QStringLiteral("api_rate_limit"), Kind::Number, 1, 1000000);
    addField(limits, QStringLiteral("anonymous_rate_limit"), Kind::Number, 1, 1000000);
    QGroupBox *outbound = addGroup(content, left, QStringLiteral("settings.group.outbound"));
    addField(outbound, QStringLiteral("security.allow_private_networks"), Kind::Flag);
    left->addStretch(1);
    QGroupBox *security = addGroup(content, right, QStringLiteral("settings.group.security"));
    addField(security, QStringLiteral("security.max_login_attempts"), Kind::Number, 1, 1000);
    addField(security, QStringLiteral("security.lockout_duration"), Kind::Number, 1, 7 * 24 * 3600);
    QGroupBox *policy = addGroup(content, right, QStringLiteral("settings.group.passwordPolicy"));
    addField(policy, QStringLiteral("password_policy.min_length"), Kind::Number, 1, 128);
    addField(policy, QStringLiteral("password_policy.require_uppercase"), Kind::Flag);
    addField(policy, QStringLiteral("password_policy.require_lowercase"), Kind::Flag);
    addField(policy, QStringLiteral("password_policy.require_numbers"), Kind::Flag);
    addField(policy, QStringLiteral("password_policy.require_symbols"), Kind::Flag);
    // Scheduled backups and their retention (docs/backup.md).
    QGroupBox *backups = addGroup(content, right, QStringLiteral("settings.group.backups"));
    addField(backups, QStringLiteral("backup_schedule"), Kind::Choice, 0, 0,
             {QStringLiteral("off"), QStringLiteral("daily"), QStringLiteral("weekly")});
    addField(backups, QStringLiteral("backup_hour"), Kind::Number, 0, 23);
    addField(backups, QStringLiteral("backup_weekday"), Kind::Choice, 0, 0,
             {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"),
              QStringLiteral("5"), QStringLiteral("6"), QStringLiteral("7")});
    addField(backups, QStringLiteral("backup_retention_daily"), Kind::Number, 0, 365);
    addField(backups, QStringLiteral("backup_retention_weekly"), Kind::Number, 0, 520);
    m_backupNotice = new QLabel(backups);
    m_backupNotice->setObjectName(QStringLiteral("settings.backupNotice"));
    m_backupNotice->setWordWrap(true);
    static_cast<QFormLayout *>(backups->layout())->addRow(m_backupNotice);
    right->addStretch(1);
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);

    auto *buttons = new QHBoxLayout;
    m_statusLabel = new QLabel(tab);
    m_statusLabel->setObjectName(QStringLiteral("settings.status"));
    m_statusLabel->setWordWrap(true);
    m_revert = new QPushButton(tab);
    m_revert->setObjectName(QStringLiteral("settings.revert"));
    m_save = new QPushButton(tab);
    m_save->setObjectName(QStringLiteral("settings.save"));
    m_save->setDefault(true);
    buttons->addWidget(m_statusLabel, 1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    outer->addLayout(buttons);
    connect(m_save, &QPushButton::clicked, this, &SettingsPage::save);
    connect(m_revert, &QPushButton::clicked, this, &SettingsPage::revert);
    return tab;
}

QWidget *SettingsPage::createPreferencesTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("settings.preferencesTab"));
    auto *outer = new QVBoxLayout(tab);
    outer->setContentsMargins(12, 12, 12, 12);
    m_prefsGroup = new QGroupBox(tab);
    m_prefsGroup->setObjectName(QStringLiteral("settings.group.console"));
    m_prefsForm = new QFormLayout(m_prefsGroup);
    m_prefsForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_prefsForm->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_prefsForm->setVerticalSpacing(10);

    m_languageCaption = new QLabel(m_prefsGroup);
    m_languageCaption->setObjectName(QStringLiteral("fieldCaption"));
    m_language = new QComboBox(m_prefsGroup);
    m_language->setObjectName(QStringLiteral("settings.language"));
    auto *languageRow = new QHBoxLayout;
    languageRow->addWidget(m_language);
    languageRow->addStretch(1);
    m_prefsForm->addRow(m_languageCaption, languageRow);
    connect(m_language, &QComboBox::activated, this,
            [this](int index) { emit languageRequested(m_language->itemData(index).toString()); });

    // The theme (light / dark / follow the system): the shell applies the
    // choice and tells the row when View > Theme changes it.
    m_themeCaption = new QLabel(m_prefsGroup);
    m_themeCaption->setObjectName(QStringLiteral("fieldCaption"));
    auto *themeRow = new QWidget(m_prefsGroup);
    themeRow->setObjectName(QStringLiteral("settings.themeRow"));
    auto *themeLayout = new QHBoxLayout(themeRow);
    themeLayout->setContentsMargins(0, 0, 0, 0);
    m_theme = new QComboBox(themeRow);
    m_theme->setObjectName(QStringLiteral("settings.theme"));
    for (const char *mode : {"light", "dark", "system"})
        m_theme->addItem(QString(), QString::fromLatin1(mode));
    m_theme->setCurrentIndex(2);
    themeLayout->addWidget(m_theme);
    themeLayout->addStretch(1);
    m_prefsForm->addRow(m_themeCaption, themeRow);
    connect(m_theme, &QComboBox::activated, this,
            [this](int index) { emit themeRequested(m_theme->itemData(index).toString()); });

    m_profilesCaption = new QLabel(m_prefsGroup);
    m_profilesCaption->setObjectName(QStringLiteral("fieldCaption"));
    // Composite fields sit in a widget of their own so that the form gives
    // their wrapped hints the height they need.
    auto *profilesWidget = new QWidget(m_prefsGroup);
    auto *profilesBox = new QVBoxLayout(profilesWidget);
    profilesBox->setContentsMargins(0, 0, 0, 0);
    m_profiles = new QListWidget(m_prefsGroup);
    m_profiles->setObjectName(QStringLiteral("settings.profiles"));
    m_profiles->setSelectionMode(QAbstractItemView::NoSelection);
    m_profiles->setFocusPolicy(Qt::NoFocus);
    m_profiles->setMaximumHeight(80);
    m_profilesHint = new QLabel(m_prefsGroup);
    m_profilesHint->setObjectName(QStringLiteral("settings.profilesHint"));
    // Wrapped (a narrow window): its field is a widget of its own, which
    // the form gives the height the wrapped text needs.
    m_profilesHint->setWordWrap(true);
    profilesBox->addWidget(m_profiles);
    profilesBox->addWidget(m_profilesHint);
    m_prefsForm->addRow(m_profilesCaption, profilesWidget);

    m_dataDirCaption = new QLabel(m_prefsGroup);
    m_dataDirCaption->setObjectName(QStringLiteral("fieldCaption"));
    auto *dataWidget = new QWidget(m_prefsGroup);
    // Grows with the form (ExpandingFieldsGrow grows only expanding
    // fields), so that its wrapped hint takes the width there is.
    dataWidget->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *dataBox = new QVBoxLayout(dataWidget);
    dataBox->setContentsMargins(0, 0, 0, 0);
    m_dataDir = new QLabel(m_prefsGroup);
    m_dataDir->setObjectName(QStringLiteral("settings.dataDir"));
    m_dataDir->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_dataDirHint = new QLabel(m_prefsGroup);
    m_dataDirHint->setObjectName(QStringLiteral("settings.dataDirHint"));
    m_dataDirHint->setWordWrap(true);

    dataBox->addWidget(m_dataDir);
    dataBox->addWidget(m_dataDirHint);
    m_prefsForm->addRow(m_dataDirCaption, dataWidget);

    outer->addWidget(m_prefsGroup);
    outer->addStretch(1);
    return tab;
}

QString SettingsPage::stateText() const
{
    return m_backupsTab->taskText();
}

void SettingsPage::setClient(hm::client::ApiClient *client, const QString &role)
{
    if (client == m_client && role == m_role && (m_loaded || m_busy))
        return;
    m_client = client;
    m_role = role;
    m_mailTab->setClient(client, isAdmin());
    m_backupsTab->setClient(client, isAdmin());
    m_retentionTab->setClient(client, isAdmin());
    m_loaded = false;
    m_config = {};
    clearErrors();
    m_status.clear();
    updateState();
    reload();
}

void SettingsPage::reload()
{
    if (!m_client)
        return;
    m_busy = true;
    updateState();
    hm::client::SystemApi(*m_client).config(hm::client::within(this, [this](Result<QJsonObject> r) {
        m_busy = false;
        if (!r) {
            m_status = LocalizedText([=]() -> QString {
                return describeOperationsError(r.error(), tr("read the system configuration"));
            });
        } else {
            m_config = r.value();
            m_loaded = true;
            m_status.clear();
            fillForm();
        }
        updateState();
    }));
}

QJsonValue SettingsPage::configValue(const QJsonObject &config, const QString &path)
{
    const qsizetype dot = path.indexOf(u'.');
    if (dot < 0)
        return config.value(path);
    return config.value(path.left(dot)).toObject().value(path.mid(dot + 1));
}

void SettingsPage::fillForm()
{
    m_backupsTab->setSchedule(m_config);
    for (const Field &field : std::as_const(m_fields)) {
        const QJsonValue value = configValue(m_config, field.path);
        const QSignalBlocker block(field.editor);
        switch (field.kind) {
        case Kind::Text:
            static_cast<QLineEdit *>(field.editor)->setText(value.toString());
            break;
        case Kind::TimeZone:
            static_cast<QComboBox *>(field.editor)->setCurrentText(value.toString());
            break;
        case Kind::Choice: {
            auto *combo = static_cast<QComboBox *>(field.editor);
            combo->setCurrentIndex(combo->findData(value.isDouble()
                                                       ? QString::number(value.toInt())
                                                       : value.toString()));
            break;
        }
        case Kind::Number:
            static_cast<QSpinBox *>(field.editor)->setValue(value.toInt());
            break;
        case Kind::Flag:
            static_cast<QCheckBox *>(field.editor)->setChecked(value.toBool());
            break;
        }
    }
    clearErrors();
}

QJsonValue SettingsPage::formValue(const Field &field) const
{
    switch (field.kind) {
    case Kind::Text:
        return static_cast<QLineEdit *>(field.editor)->text();
    case Kind::TimeZone:
        return static_cast<QComboBox *>(field.editor)->currentText().trimmed();
    case Kind::Choice: {
        const QString value = static_cast<QComboBox *>(field.editor)->currentData().toString();
        // backup_weekday is a number on the server.
        if (field.path == QLatin1String("backup_weekday"))
            return value.toInt();
        return value;
    }
    case Kind::Number:
        return static_cast<QSpinBox *>(field.editor)->value();
    case Kind::Flag:
        return static_cast<QCheckBox *>(field.editor)->isChecked();
    }
    return {};
}

QJsonObject SettingsPage::changes() const
{
    QJsonObject patch;
    if (!m_loaded)
        return patch;
    for (const Field &field : m_fields) {
        const QJsonValue value = formValue(field);
        const QJsonValue stored = configValue(m_config, field.path);
        const bool same =
            field.kind == Kind::Number ? value.toInt() == stored.toInt() : value == stored;
        if (same)
            continue;
        const qsizetype dot = field.path.indexOf(u'.');
        if (dot < 0) {
            patch.insert(field.path, value);
        } else {
            const QString section = field.path.left(dot);
            QJsonObject inner = patch.value(section).toObject();
            inner.insert(field.path.mid(dot + 1), value);
            patch.insert(section, inner);
        }
    }
    return patch;
}

void SettingsPage::validateTyped()
{
    // What the console can tell as typed; the rest is the server's to say.
    for (const Field &field : std::as_const(m_fields)) {
        if (field.path == QLatin1String("site_name")) {
            const bool empty = static_cast<QLineEdit *>(field.editor)->text().trimmed().isEmpty();
            field.error->setVisible(empty);
            if (empty)
                field.error->setText(tr("The site name cannot be empty."));
        } else if (field.error->isVisible()) {
            // A server error goes away once the value is changed.
            if (formValue(field) != field.error->property("refusedValue"))
                field.error->hide();
        }
    }
    m_status.clear();
    updateState();
}

void SettingsPage::showFieldError(const QString &path, const QString &message)
{
    for (const Field &field : std::as_const(m_fields)) {
        if (field.path == path) {
            field.error->setText(message);
            field.error->setProperty("refusedValue", formValue(field).toVariant());
            field.error->show();
            return;
        }
    }
}

void SettingsPage::clearErrors()
{
    for (const Field &field : std::as_const(m_fields))
        field.error->hide();
}

void SettingsPage::save()
{
    if (!m_client || !isAdmin() || m_busy)
        return;
    const QJsonObject patch = changes();
    if (patch.isEmpty())
        return;
    m_busy = true;
    clearErrors();
    m_status = LocalizedText([=]() -> QString { return tr("Saving…"); });
    updateState();
    hm::client::SystemApi(*m_client).updateConfig(
        patch, hm::client::within(this, [this](Result<QJsonObject> r) {
            m_busy = false;
            if (!r) {
                const hm::Error &e = r.error();
                const QJsonArray errors = e.details.value(QStringLiteral("errors")).toArray();
                if (e.code == ErrorCode::ValidationError && !errors.isEmpty()) {
                    for (const QJsonValue &v : errors) {
                        const QJsonObject o = v.toObject();
                        QString path = o.value(QStringLiteral("field")).toString();
                        path.replace(QStringLiteral("require_digits"),
                                     QStringLiteral("require_numbers"));
                        showFieldError(path, o.value(QStringLiteral("message")).toString());
                    }
                    m_status = LocalizedText([=]() -> QString {
                        return tr("The server refused the changes; nothing was saved. See the "
                                  "fields marked in red.");
                    });
                } else {
                    m_status = LocalizedText([=]() -> QString {
                        return describeOperationsError(e, tr("change the system configuration"));
                    });
                }
                updateState();
                emit saved(false);
                return;
            }
            m_config = r.value();
            fillForm();
            m_status = LocalizedText([=]() -> QString { return tr("Saved."); });
            updateState();
            emit saved(true);
        }));
}

void SettingsPage::revert()
{
    fillForm();
    m_status.clear();
    updateState();
}

void SettingsPage::updateState()
{
    const bool admin = isAdmin() && m_client;
    QString why;
    if (!m_client)
        why = tr("Sign in to see the server's configuration.");
    else if (!isAdmin())
        why = tr("Only administrators may change the system configuration; you are signed in "
                 "as %1.")
                  .arg(m_role);
    // The hour and the retention mean nothing while scheduled backups are
    // off, the weekday only for a weekly schedule: they stay visible (with
    // their stored values) but cannot be edited, and say why.
    QString schedule;
    for (const Field &field : std::as_const(m_fields))
        if (field.path == QLatin1String("backup_schedule"))
            schedule = formValue(field).toString();
    for (const Field &field : std::as_const(m_fields)) {
        QString unused;
        if (!why.isEmpty())
            unused = why;
        else if (field.path == QLatin1String("backup_weekday") &&
                 schedule != QLatin1String("weekly"))
            unused = tr("The day of the week is used only by a weekly schedule.");
        else if ((field.path == QLatin1String("backup_hour") ||
                  field.path.startsWith(QLatin1String("backup_retention_"))) &&
                 schedule == QLatin1String("off"))
            unused = tr("Used only while scheduled backups are on.");
        const bool applies = !why.isEmpty() || unused.isEmpty();
        field.editor->setEnabled(admin && m_loaded && !m_busy && applies);
        field.editor->setToolTip(unused);
    }
    bool typedProblem = false;
    for (const Field &field : std::as_const(m_fields))
        typedProblem =
            typedProblem || (field.error->isVisible() && field.path == QLatin1String("site_name"));
    const bool changed = !changes().isEmpty();
    m_save->setEnabled(admin && m_loaded && !m_busy && changed && !typedProblem);
    m_revert->setEnabled(admin && m_loaded && !m_busy && changed);
    m_save->setToolTip(why);
    m_revert->setToolTip(why);
    m_readOnlyNote->setText(why);
    m_readOnlyNote->setVisible(!why.isEmpty());
    m_statusLabel->setText(m_status.toString());
}

void SettingsPage::setLanguages(const QList<Language> &languages, const QString &current)
{
    const QSignalBlocker block(m_language);
    m_language->clear();
    for (const Language &l : languages)
        m_language->addItem(l.nativeName, l.code);
    setCurrentLanguage(current);
}

void SettingsPage::setCurrentLanguage(const QString &code)
{
    const QSignalBlocker block(m_language);
    const int index = m_language->findData(code);
    if (index >= 0)
        m_language->setCurrentIndex(index);
}

void SettingsPage::setCurrentTheme(const QString &mode)
{
    const QSignalBlocker block(m_theme);
    const int index = m_theme->findData(mode);
    if (index >= 0)
        m_theme->setCurrentIndex(index);
}

QString SettingsPage::currentTheme() const
{
    return m_theme->currentData().toString();
}

void SettingsPage::setProfiles(const QStringList &profiles)
{
    m_profileLines = profiles;
    retranslate();
}

void SettingsPage::setDataDirectory(const QString &path)
{
    m_dataDir->setText(path.isEmpty() ? QString()
                                      : QDir::toNativeSeparators(QDir(path).absolutePath()));
}

void SettingsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SettingsPage::retranslate()
{
    m_title->setText(tr("Settings"));
    m_subtitle->setText(tr("The server's configuration, and how this console works for you."));
    m_tabs->setTabText(0, tr("System configuration"));
    m_tabs->setTabText(1, tr("Console preferences"));
    m_tabs->setTabText(2, tr("Mail"));
    m_tabs->setTabText(3, tr("Backups"));
    m_tabs->setTabText(4, tr("Retention"));
    m_groups.value(QStringLiteral("settings.group.general"))->setTitle(tr("General"));
    m_groups.value(QStringLiteral("settings.group.rateLimits"))->setTitle(tr("Rate limits"));
    m_groups.value(QStringLiteral("settings.group.security"))->setTitle(tr("Sign-in security"));
    m_groups.value(QStringLiteral("settings.group.outbound"))
        ->setTitle(tr("Requests the server makes"));
    m_groups.value(QStringLiteral("settings.group.passwordPolicy"))
        ->setTitle(tr("Password policy"));
    const QHash<QString, QString> captions{
        {QStringLiteral("site_name"), tr("Site name")},
        {QStringLiteral("timezone"), tr("Time zone")},
        {QStringLiteral("log_level"), tr("Log level")},
        {QStringLiteral("security.enable_rate_limiting"), tr("Limit request rates")},
        {QStringLiteral("api_rate_limit"), tr("Requests per minute (signed in)")},
        {QStringLiteral("anonymous_rate_limit"), tr("Requests per minute (anonymous, per IP)")},
        {QStringLiteral("security.allow_private_networks"),
         tr("May reach private networks (loopback, LAN)")},
        {QStringLiteral("security.max_login_attempts"), tr("Failed sign-ins before lockout")},
        {QStringLiteral("security.lockout_duration"), tr("Lockout duration")},
        {QStringLiteral("password_policy.min_length"), tr("Minimum length")},
        {QStringLiteral("password_policy.require_uppercase"), tr("Require an uppercase letter")},
        {QStringLiteral("password_policy.require_lowercase"), tr("Require a lowercase letter")},
        {QStringLiteral("password_policy.require_numbers"), tr("Require a digit")},
        {QStringLiteral("password_policy.require_symbols"), tr("Require a symbol")},
        {QStringLiteral("backup_schedule"), tr("Scheduled backups")},
        {QStringLiteral("backup_hour"), tr("Hour of the day")},
        {QStringLiteral("backup_weekday"), tr("Day of the week")},
        {QStringLiteral("backup_retention_daily"), tr("Keep the newest")},
        {QStringLiteral("backup_retention_weekly"), tr("Keep one per week for")}};
    for (const Field &field : std::as_const(m_fields)) {
        field.caption->setText(captions.value(field.path));
        if (field.path == QLatin1String("security.allow_private_networks"))
            field.editor->setToolTip(
                tr("Schema fetches and credential tests that users start go only to public "
                   "addresses unless this is on. Turn it on when your services run on this "
                   "machine or your own network."));
        if (field.path == QLatin1String("security.lockout_duration"))
            static_cast<QSpinBox *>(field.editor)->setSuffix(tr(" s"));
        if (field.path == QLatin1String("password_policy.min_length"))
            static_cast<QSpinBox *>(field.editor)->setSuffix(tr(" characters"));
        if (field.path == QLatin1String("backup_schedule")) {
            auto *combo = static_cast<QComboBox *>(field.editor);
            combo->setItemText(0, tr("Off"));
            combo->setItemText(1, tr("Daily"));
            combo->setItemText(2, tr("Weekly"));
        }
        if (field.path == QLatin1String("backup_weekday")) {
            auto *combo = static_cast<QComboBox *>(field.editor);
            for (int day = 1; day <= 7; ++day)
                combo->setItemText(day - 1, QLocale().dayName(day)); // the language's default
        }
        if (field.path == QLatin1String("backup_hour"))
            static_cast<QSpinBox *>(field.editor)->setSuffix(tr(":00"));
        if (field.path == QLatin1String("backup_retention_daily"))
            static_cast<QSpinBox *>(field.editor)->setSuffix(tr(" backups"));
        if (field.path == QLatin1String("backup_retention_weekly"))
            static_cast<QSpinBox *>(field.editor)->setSuffix(tr(" weeks"));
    }
    m_groups.value(QStringLiteral("settings.group.backups"))->setTitle(tr("Backups"));
    m_backupNotice->setText(
        tr("A backup is useless without the master key: keep a copy of the master key apart "
           "from the backups. The hour is in the server's time zone."));
    m_save->setText(tr("Save"));
    m_revert->setText(tr("Revert"));

    m_prefsGroup->setTitle(tr("This console"));
    m_languageCaption->setText(tr("Language"));
    m_themeCaption->setText(tr("Theme"));
    m_theme->setItemText(0, tr("Light"));
    m_theme->setItemText(1, tr("Dark"));
    m_theme->setItemText(2, tr("Follow the system"));
    m_theme->setToolTip(tr("Also in View ▸ Theme. Applies at once and is remembered."));
    m_profilesCaption->setText(tr("Servers and profiles"));
    m_profiles->clear();
    m_profiles->addItem(tr("Local server (runs inside this console)"));
    m_profiles->addItems(m_profileLines);
    m_profilesHint->setText(tr("Add servers with File ▸ Add Server… and switch with File ▸ Switch "
                               "Server; they are listed here read-only."));
    m_dataDirCaption->setText(tr("Default data location"));
    m_dataDirHint->setText(tr("Where the local server keeps its encrypted database. Start the "
                              "console with --data-dir to use another one."));
    updateState();
}

} // namespace hm::app
